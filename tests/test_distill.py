"""nmt distill: a teacher's translations as a dataset folder a student trains on.

The teacher is the tiny checkpoint of tests/fixtures/pre_layout (real Multi30k, 2,000
pairs, 100 steps): poor translations, but real ones, fast enough to distil a few
hundred pairs in seconds.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import ROOT, load_script, pre_layout_checkpoint, read_jsonl, run_nmt, small_train_cfg

import nmt
from nmt.config import config_from_dict, load_config
from nmt.data.sources import training_split
from nmt.decoding.distill import MANIFEST
from nmt.decoding.translator import Translator

# Lines a corpus may hold that must still come out one row each, in place.
HOSTILE = ["", "   ", "Zeile mit\nZeilenumbruch", "Tab\tund\r\nCRLF", "\u2028 Trenner \u2029",
           "ü" * 400, "😀 Emoji 😀 שלום", '{"json": "im Satz"}']


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, multi30k: Path) -> Path:
    """300 real training pairs with the hostile lines among them, and 40 validation pairs."""
    folder = tmp_path_factory.mktemp("corpus")
    rows = read_jsonl(multi30k / "train.jsonl", 300)
    for i, line in enumerate(HOSTILE):
        rows.insert(7 + 31 * i, {"de": line, "en": f"hostile {i}"})
    with open(folder / "train.jsonl", "w", encoding="utf-8") as f:
        f.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    with open(folder / "validation.jsonl", "w", encoding="utf-8") as f:
        f.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in read_jsonl(multi30k / "validation.jsonl", 40))
    return folder


@pytest.fixture(scope="module")
def teacher() -> Path:
    return pre_layout_checkpoint()


@pytest.fixture(scope="module")
def distilled(tmp_path_factory, corpus: Path, teacher: Path) -> Path:
    out = tmp_path_factory.mktemp("distilled") / "d"
    result = nmt.distill(teacher, out, dataset=str(corpus), chunk_lines=64, progress=False)
    assert result.rows == {"train": 308, "validation": 40}
    assert result.sentences_per_s > 0
    return out


def test_rows_align_line_for_line_with_the_source(distilled: Path, corpus: Path, teacher: Path):
    for split in ("train", "validation"):
        src = read_jsonl(corpus / f"{split}.jsonl")
        out = read_jsonl(distilled / f"{split}.jsonl")
        assert len(out) == len(src)
        assert [r["de"] for r in out] == [r["de"] for r in src]
        assert [r["en_original"] for r in out] == [r["en"] for r in src]
        # The teacher's target is what nmt translate gives for the same lines.
        expected = Translator.load(teacher).translate([r["de"] for r in src])
        assert [r["en"] for r in out] == expected
    train = read_jsonl(distilled / "train.jsonl")
    assert train[7]["en"] == "" and train[7 + 31]["en"] == ""  # blank sources: blank targets
    assert all("\n" not in r["en"] and "\r" not in r["en"] for r in train)
    manifest = json.loads((distilled / MANIFEST).read_text())
    assert manifest["job"]["dataset"] == str(corpus.resolve()) and manifest["teachers"] == [str(teacher)]
    assert manifest["splits"]["train"]["rows"] == 308


def test_the_folder_loads_as_a_dataset(distilled: Path):
    import datasets

    ds = datasets.load_dataset(str(distilled))
    assert set(ds) == {"train", "validation"}
    assert set(ds["train"].column_names) == {"de", "en", "en_original"}
    assert len(ds["train"]) == 308


def test_a_killed_run_continues_to_the_same_bytes(tmp_path: Path, corpus: Path, teacher: Path, distilled: Path,
                                                   monkeypatch):
    out = tmp_path / "d"
    calls = {"n": 0}
    original = Translator.translate

    def dies_on_third_chunk(self, lines, **kw):
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt
        return original(self, lines, **kw)

    monkeypatch.setattr(Translator, "translate", dies_on_third_chunk)
    with pytest.raises(KeyboardInterrupt):
        nmt.distill(teacher, out, dataset=str(corpus), chunk_lines=64, progress=False)
    monkeypatch.setattr(Translator, "translate", original)
    partial = out / ".train.jsonl.partial"
    assert not (out / "train.jsonl").exists()
    assert partial.read_bytes().count(b"\n") == 128
    with open(partial, "ab") as f:  # a kill in the middle of a write leaves half a chunk
        f.write(b'{"de": "Ein halber", "en": "A ha')
    result = nmt.distill(teacher, out, dataset=str(corpus), chunk_lines=64, progress=False)
    assert result.resumed["train"] == 128
    for split in ("train", "validation"):
        assert (out / f"{split}.jsonl").read_bytes() == (distilled / f"{split}.jsonl").read_bytes()
    assert not partial.exists()
    again = nmt.distill(teacher, out, dataset=str(corpus), chunk_lines=64, progress=False)
    assert again.seconds == {}  # nothing translated twice


def test_another_job_in_the_folder_is_refused(distilled: Path, corpus: Path, teacher: Path):
    with pytest.raises(nmt.NmtError, match="another job.*beam_size|decode"):
        nmt.distill(teacher, distilled, dataset=str(corpus), chunk_lines=64, beam=1, progress=False)
    with pytest.raises(nmt.NmtError, match="dataset being translated"):
        nmt.distill(teacher, corpus, dataset=str(corpus), progress=False)


def test_cli_distils_resumes_and_refuses_with_one_line(tmp_path: Path, corpus: Path, teacher: Path):
    out = tmp_path / "cli"
    res = run_nmt("distill", "-m", str(teacher), "--dataset", str(corpus), "-o", str(out), "--split", "validation",
                  "--beam", "1", "--no-progress")
    assert res.returncode == 0, res.stderr
    assert "validation 40 rows" in res.stderr
    rows = read_jsonl(out / "validation.jsonl")
    assert [r["en"] for r in rows] == Translator.load(teacher, beam=1).translate([r["de"] for r in rows])
    # The same teacher and data named another way are the same job: nothing is translated again.
    res = run_nmt("distill", "-m", f"{teacher.parent}/./{teacher.name}", "--dataset", f"{corpus}/../{corpus.name}",
                  "-o", str(out), "--split", "validation", "--beam", "1", "--no-progress")
    assert res.returncode == 0 and "already done" in res.stderr
    res = run_nmt("distill", "-m", str(teacher), "--dataset", str(corpus), "-o", str(out), "--split", "validation",
                  "--no-progress")
    assert res.returncode == 2
    assert res.stderr.strip().count("\n") == 0 and "another job" in res.stderr and "Traceback" not in res.stderr
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "notes.txt").write_text("mine")
    res = run_nmt("distill", "-m", str(teacher), "--dataset", str(corpus), "-o", str(tmp_path / "other"),
                  "--no-progress")
    assert res.returncode == 2 and "not empty" in res.stderr
    assert (tmp_path / "other" / "notes.txt").read_text() == "mine"


def test_a_student_trains_on_the_distilled_corpus_alone_and_mixed(tmp_path: Path, distilled: Path, multi30k: Path):
    messages: list[str] = []
    cfg = small_train_cfg(multi30k, f"data.corpora=[{distilled}]", "train.max_steps=5")
    text = training_split(cfg.data)
    assert len(text) == 308 and text[7 + 31]["tgt"] == ""
    result = nmt.train(cfg, tmp_path / "alone", log=messages.append, progress=False)
    assert result.steps == 5
    assert any(f"training on {distilled} [train]" in m for m in messages)
    assert any("dropped 2 training pairs with an empty side" in m for m in messages)
    # Validation reads data.dataset (the original references), not the distilled folder.
    assert result.best_path.is_file()

    mixed = small_train_cfg(multi30k, f"data.corpora=[{distilled}, {multi30k}]", "data.max_train_examples=null")
    assert len(training_split(mixed.data)) == 308 + 29000  # equal weights: concatenated
    weighted = small_train_cfg(multi30k, f"data.corpora=[{{dataset: {distilled}, weight: 3}}, "
                               f"{{dataset: {distilled}, split: validation, weight: 1}}]")
    drawn = training_split(weighted.data, seed=1)["src"]
    assert training_split(weighted.data, seed=1)["src"] == drawn  # the seed decides the draw
    valid = {r["de"] for r in read_jsonl(distilled / "validation.jsonl")}
    from_valid = sum(1 for s in drawn if s in valid)
    assert len(drawn) - from_valid >= 308  # every pair of the larger corpus at least once
    assert 0.15 < from_valid / len(drawn) < 0.35  # about 1 in 4, the weights' share


def test_student_configs_round_trip():
    for name in ("multi30k_de_en_student.yaml", "multi30k_de_en_student_small.yaml"):
        cfg = load_config(ROOT / "configs" / name)
        assert cfg.data.corpora and cfg.data.dataset == "../shared/data/multi30k"
        assert config_from_dict(cfg.to_dict()) == cfg


def test_corpora_errors_name_the_entry(multi30k: Path, tmp_path: Path):
    with pytest.raises(nmt.ConfigError, match=r"data.corpora\[0\].weight must be > 0"):
        load_config(None, ["data.corpora=[{dataset: x, weight: 0}]"])
    cfg = small_train_cfg(multi30k, f"data.corpora=[{multi30k}, {tmp_path / 'missing'}]")
    with pytest.raises(nmt.NmtError, match=r"^data.corpora\[1\]: .*missing"):
        training_split(cfg.data)


def test_streamed_corpora_concatenate_and_interleave(distilled: Path, multi30k: Path):
    from itertools import islice

    both = small_train_cfg(multi30k, f"data.corpora=[{distilled}, {{dataset: {distilled}, split: validation}}]",
                           "data.streaming=true")
    rows = list(training_split(both.data, streaming=True))
    assert len(rows) == 308 + 40 and rows[308]["src"] == read_jsonl(distilled / "validation.jsonl", 1)[0]["de"]
    weighted = small_train_cfg(multi30k, f"data.corpora=[{{dataset: {distilled}, weight: 3}}, "
                               f"{{dataset: {distilled}, split: validation, weight: 1}}]", "data.streaming=true")
    first = [r["src"] for r in islice(training_split(weighted.data, seed=1, streaming=True), 100)]
    assert first == [r["src"] for r in islice(training_split(weighted.data, seed=1, streaming=True), 100)]


def _distill_teacher_script():
    return load_script("distill_teacher")


def test_the_committed_targets_rebuild_the_folder_byte_for_byte(tmp_path: Path, distilled: Path, corpus: Path):
    """runs/ does not outlive a session: scripts/distill_teacher.py keeps the teacher's column
    (and no ../shared data) and joins it back to the dataset's columns, the same bytes."""
    dt = _distill_teacher_script()
    targets = tmp_path / "targets"
    dt.save_targets(distilled, targets)
    assert sorted(p.name for p in targets.iterdir()) == ["distill.json", "train.en.gz", "validation.en.gz"]
    first = (targets / "train.en.gz").read_bytes()
    dt.save_targets(distilled, targets)
    assert (targets / "train.en.gz").read_bytes() == first  # deterministic: re-saving changes nothing in git

    out = tmp_path / "restored"
    dt.restore(targets, out, corpus)
    for split in ("train", "validation"):
        assert (out / f"{split}.jsonl").read_bytes() == (distilled / f"{split}.jsonl").read_bytes()
    assert json.loads((out / MANIFEST).read_text())["splits"] == json.loads((targets / MANIFEST).read_text())["splits"]

    # Other data under the same name does not pass for the distilled corpus.
    changed = tmp_path / "changed"
    changed.mkdir()
    rows = read_jsonl(corpus / "train.jsonl")
    rows[3]["de"] += " anders"
    (changed / "train.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                                         encoding="utf-8")
    (changed / "validation.jsonl").write_bytes((corpus / "validation.jsonl").read_bytes())
    with pytest.raises(SystemExit, match="SHA-256 differs"):
        dt.restore(targets, tmp_path / "bad", changed)
    assert not (tmp_path / "bad" / "train.jsonl").exists()
