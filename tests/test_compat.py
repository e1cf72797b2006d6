"""Models written by earlier versions load and translate exactly as they did.

Checkpoints hold only tensors and strings (no pickled classes), so moving modules
must not change what an old ``best.pt`` gives: the fixture was trained and
translated by commit 4c08ffc, before the package layout change
(tests/fixtures/pre_layout/README.md).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import pre_layout_checkpoint, run_nmt

OLD = Path(__file__).resolve().parent / "fixtures" / "pre_layout"
MODEL = pre_layout_checkpoint()


@pytest.mark.parametrize("args, expected", [
    ((), "beam.en"),
    (("--beam", "1"), "greedy.en"),
    (("--n-best", "2", "--no-shortlist"), "nbest.en"),
])
def test_a_checkpoint_from_before_the_layout_change_translates_identically(args, expected):
    res = run_nmt("translate", "-m", str(MODEL), "-i", str(OLD / "src.de"), *args)
    assert res.returncode == 0, res.stderr
    assert res.stdout == (OLD / expected).read_text(encoding="utf-8")


def test_the_python_api_gives_the_same_translations_as_the_old_command():
    import nmt

    src = (OLD / "src.de").read_text(encoding="utf-8").splitlines()
    translator = nmt.Translator.load(MODEL, device="cpu")
    assert translator.translate(src) == (OLD / "beam.en").read_text(encoding="utf-8").splitlines()
    assert translator.translate(src, beam=1) == (OLD / "greedy.en").read_text(encoding="utf-8").splitlines()
    nbest = translator.translate_batch(src, n_best=2, return_scores=True, shortlist=False)
    lines = [f"{i}\t{s.score:.4f}\t{s.text}" for i, hyps in enumerate(nbest, 1) for s in hyps]
    assert lines == (OLD / "nbest.en").read_text(encoding="utf-8").splitlines()
