"""``nmt translate --workers N``: several decoding processes give what one gives, line for line."""

from __future__ import annotations

import io
import json
from pathlib import Path

from conftest import MULTI30K, pre_layout_checkpoint, run_nmt

from nmt.decoding.lines import translate_stream
from nmt.decoding.pool import TranslatorPool, layout, open_pool
from nmt.decoding.translator import Translator

MODEL = pre_layout_checkpoint()


def _lines(n: int) -> list[str]:
    rows = [json.loads(x)["de"] for x in (MULTI30K / "validation.jsonl").read_text().splitlines()[:n]]
    rows[3] = ""  # blank lines keep their place
    rows[10] = "   "
    return rows


def test_two_processes_write_what_one_writes_in_input_order_with_the_same_warnings(tmp_path: Path) -> None:
    lines = _lines(150)
    data = ("\n".join(lines) + "\n").encode()
    data = data.replace(lines[20].encode(), lines[20].encode() + b"\xff")  # invalid UTF-8 on line 21
    one = run_nmt("translate", "-m", str(MODEL), "--beam", "3", "--batch-size", "8", "--threads", "1", input=data)
    two = run_nmt("translate", "-m", str(MODEL), "--beam", "3", "--batch-size", "8", "--workers", "2",
                  "--threads", "1", input=data)
    assert one.returncode == 0 and two.returncode == 0, two.stderr
    assert two.stdout == one.stdout  # chunks of 4 batches: 150 lines are 5 chunks over 2 processes
    assert len(two.stdout.decode().splitlines()) == 150
    assert b"line 21: invalid UTF-8" in two.stderr and b"line 21: invalid UTF-8" in one.stderr

    outs = []
    for workers in ("1", "2"):
        nbest = tmp_path / f"nbest{workers}.txt"
        res = run_nmt("translate", "-m", str(MODEL), "--beam", "3", "--n-best", "2", "--batch-size", "4",
                      "--workers", workers, "-o", str(nbest), input="\n".join(lines[:40]) + "\n")
        assert res.returncode == 0, res.stderr
        outs.append(nbest.read_text())
    assert outs[1] == outs[0]
    numbers = [int(x.split("\t")[0]) for x in outs[1].splitlines()]
    assert sorted(set(numbers)) == list(range(1, 41)) and numbers == sorted(numbers)  # numbered as the input


def test_the_python_pool_matches_the_translator_and_checks_its_options() -> None:
    lines = _lines(40)
    translator = Translator.load(MODEL, beam=2, batch_size=4)
    want = translator.translate(lines)
    load = {"path": MODEL, "beam": 2, "batch_size": 4}
    with TranslatorPool(load, workers=2, threads=1) as pool:
        pool.warm()
        out = io.StringIO()
        assert translate_stream(translator, io.BytesIO(("\n".join(lines) + "\n").encode()), out, pool=pool) == 40
        assert out.getvalue().splitlines() == want
        assert list(pool.translate_iter(iter(lines), chunk_lines=7)) == want  # a generator in, 6 chunks
    assert open_pool(load, {}, 1, 0, "cpu") is None  # one process: no pool
    assert layout("cpu", 0, 0, 2) == (2, 1) and layout("cuda", 0, 0, 16) == (1, 0)


def test_attention_pictures_need_one_process(tmp_path: Path) -> None:
    res = run_nmt("translate", "-m", str(MODEL), "--workers", "2", "--attention", str(tmp_path / "att"),
                  input="Ein Hund.\n")
    assert res.returncode == 2
    assert res.stderr.strip().splitlines()[-1] == "error: --attention writes from one process: use --workers 1"
    assert not (tmp_path / "att").exists()
