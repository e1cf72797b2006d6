"""scripts/back_translate.py keeps the sampled German in git and rebuilds runs/bt from it and the
dataset's English, so the hour of training behind it is not needed again in a later session."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import load_script, read_jsonl

ROOT = Path(__file__).resolve().parent.parent


def _script():
    return load_script("back_translate")


def test_kept_samples_rebuild_the_plain_files_and_a_changed_file_is_refused(tmp_path: Path, multi30k: Path) -> None:
    bt = _script()
    data = tmp_path / "data"
    data.mkdir()
    rows = read_jsonl(multi30k / "train.jsonl", 50)
    rows[5]["en"] = "two\nlines"  # becomes one line of the plain file
    (data / "train.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    german = [f"Satz {i} ü" for i in range(50)]
    kept = tmp_path / "kept"
    bt.keep(german, kept, {"top_p": 0.9, "seed": 1})
    first = (kept / "train.de.gz").read_bytes()
    bt.keep(german, kept, {"top_p": 0.9, "seed": 1})
    assert (kept / "train.de.gz").read_bytes() == first  # deterministic: re-keeping changes nothing in git

    folder = tmp_path / "runs" / "bt"
    bt.restore(kept, folder, data)
    assert (folder / "train.de").read_text(encoding="utf-8").splitlines() == german
    english = (folder / "train.en").read_text(encoding="utf-8").splitlines()
    assert len(english) == 50 and english[5] == "two lines" and english[0] == rows[0]["en"]

    import gzip

    (kept / "train.de.gz").write_bytes(gzip.compress("".join(g + "!\n" for g in german).encode()))  # other samples
    with pytest.raises(SystemExit, match="SHA-256 differs"):
        bt.restore(kept, tmp_path / "other", data)
    assert not (tmp_path / "other" / "train.de").exists()
