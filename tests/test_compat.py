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
    _same_nbest(res.stdout.splitlines(), (OLD / expected).read_text(encoding="utf-8").splitlines())


def _same_nbest(got: list[str], want: list[str]) -> None:
    """Texts equal, line for line; scores (``LINE<TAB>SCORE<TAB>TEXT``) equal to 1e-3: the last of
    their four decimals moves with the CPU's float kernels (-13.9790 in the fixture, -13.9789
    on an Intel Xeon with AMX, at the same code), which is not a change in the model."""
    assert len(got) == len(want)
    for g, w in zip(got, want):
        g_parts, w_parts = g.split("\t"), w.split("\t")
        if len(w_parts) == 3:
            assert (g_parts[0], g_parts[2]) == (w_parts[0], w_parts[2])
            assert abs(float(g_parts[1]) - float(w_parts[1])) <= 1e-3, (g, w)
        else:
            assert g == w


def test_the_python_api_gives_the_same_translations_as_the_old_command():
    import nmt

    src = (OLD / "src.de").read_text(encoding="utf-8").splitlines()
    translator = nmt.Translator.load(MODEL, device="cpu")
    assert translator.translate(src) == (OLD / "beam.en").read_text(encoding="utf-8").splitlines()
    assert translator.translate(src, beam=1) == (OLD / "greedy.en").read_text(encoding="utf-8").splitlines()
    nbest = translator.translate_batch(src, n_best=2, return_scores=True, shortlist=False)
    lines = [f"{i}\t{s.score:.4f}\t{s.text}" for i, hyps in enumerate(nbest, 1) for s in hyps]
    _same_nbest(lines, (OLD / "nbest.en").read_text(encoding="utf-8").splitlines())
