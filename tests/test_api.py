"""The public Python API keeps the command's contract: one result per line, in order, blank
in -> blank out; options per call leave the translator as it was; mistakes are one-line
NmtErrors. Runs on the small checkpoint kept in tests/fixtures (no training needed)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from conftest import MULTI30K, pre_layout_checkpoint, read_jsonl

import nmt

MODEL = pre_layout_checkpoint()


@pytest.fixture(scope="module")
def translator() -> nmt.Translator:
    return nmt.Translator.load(MODEL, device="cpu")


@pytest.fixture(scope="module")
def lines() -> list[str]:
    rows = [r["de"] for r in read_jsonl(MULTI30K / "test.jsonl", 30)]
    return rows[:5] + ["", "   "] + rows[5:]


def test_translate_gives_one_string_per_line_in_order_blank_for_blank(translator, lines):
    out = translator.translate(lines)
    assert len(out) == len(lines) and all(isinstance(s, str) for s in out)
    assert [i for i, s in enumerate(out) if not s] == [5, 6]
    # Order: each line translated alone gives what it got in the batch.
    assert [translator.translate([line])[0] for line in lines[:4]] == out[:4]


def test_translate_batch_lists_the_n_best_best_first_and_translate_is_its_head(translator, lines):
    best = translator.translate(lines, beam=4)
    scored = translator.translate_batch(lines, n_best=3, return_scores=True, beam=4)
    texts = translator.translate_batch(lines, n_best=3, beam=4)
    assert [[s.text for s in hyps] for hyps in scored] == texts
    for i, hyps in enumerate(scored):
        assert hyps[0].text == best[i]
        if lines[i].strip():
            assert len(hyps) == 3 and [s.score for s in hyps] == sorted((s.score for s in hyps), reverse=True)
        else:
            assert hyps == [nmt.Scored("", 0.0)]


def test_options_per_call_leave_the_translator_as_it_was(translator, lines):
    before = translator.decode
    greedy = translator.translate(lines, beam=1)
    assert translator.decode == before and translator.decode.beam_size == 3
    assert greedy == nmt.Translator.load(MODEL, device="cpu", beam=1).translate(lines)
    assert translator.with_options(beam=1).model is translator.model  # shared, not copied


def test_translate_iter_streams_in_bounded_chunks_with_the_same_results(translator, lines):
    pulled = []

    def source():
        for i, line in enumerate(lines * 3):
            pulled.append(i)
            yield line

    stream = translator.translate_iter(source(), chunk_lines=8)
    first = next(stream)
    assert len(pulled) == 8  # one chunk read, not the whole input
    rest = list(stream)
    assert [first, *rest] == translator.translate(lines * 3)


@pytest.mark.parametrize("call, message", [
    (lambda t: t.translate(["Ein Hund."], beam=0), "beam_size must be an int >= 1"),
    (lambda t: t.translate(["Ein Hund."], colour="red"), "unknown decoding option 'colour'"),
    (lambda t: t.translate_batch(["Ein Hund."], n_best=5), "n_best 5 needs a beam of at least 5"),
    (lambda t: nmt.Translator.load([]), "no model given"),
    (lambda t: nmt.Translator.load(MODEL, engine="tensorflow"), "engine 'tensorflow'"),
    (lambda t: nmt.Translator.load(MODEL.parent / "missing.pt"), "missing.pt"),
])
def test_mistakes_are_one_line_nmt_errors(translator, call, message):
    with pytest.raises(nmt.NmtError) as info:
        call(translator)
    assert message in str(info.value) and "\n" not in str(info.value)


def test_an_onnx_export_folder_needs_the_onnxruntime_engine(tmp_path):
    (tmp_path / "manifest.json").write_text("{}")
    with pytest.raises(nmt.NmtError, match="onnxruntime"):
        nmt.Translator.load(tmp_path)


def test_warnings_go_to_the_nmt_logger_not_to_stderr(translator, caplog, capsys):
    with caplog.at_level(logging.WARNING, logger="nmt"):
        out = translator.translate(["Hund " * 400, "Ein Hund."])
    assert len(out) == 2
    assert [r.name for r in caplog.records] == ["nmt"]
    assert "line 1:" in caplog.records[0].getMessage() and "truncated" in caplog.records[0].getMessage()
    assert capsys.readouterr().err == ""


def test_score_gives_bleu_and_chrf_with_their_signatures():
    scores = nmt.score(["A dog runs across the meadow."], ["A dog runs across the meadow."])
    assert scores.bleu == 100.0 and scores.chrf == 100.0
    assert "nrefs:1" in scores.bleu_signature and "version:" in scores.chrf_signature
    with pytest.raises(nmt.NmtError, match="1 hypotheses for 2 references"):
        nmt.score(["a"], ["a", "b"])


def test_load_config_applies_overrides_and_names_bad_keys():
    cfg = nmt.load_config(Path(__file__).resolve().parent.parent / "configs" / "tiny.yaml", ["train.seed=7"])
    assert isinstance(cfg, nmt.Config) and cfg.train.seed == 7
    with pytest.raises(nmt.ConfigError, match="unknown key 'train.sed'"):
        nmt.load_config(None, ["train.sed=7"])
