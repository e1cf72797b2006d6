"""ONNX export run by onnxruntime: same logits at every step, same translations, clear errors."""

from __future__ import annotations

import json
import shutil

import numpy as np
import onnxruntime
import pytest
import torch
from conftest import read_jsonl, run_nmt, tiny_model_config

from nmt.config import Config
from nmt.data.batching import make_src_batch
from nmt.decoding.onnx_engine import OnnxModel
from nmt.decoding.search import greedy_search
from nmt.decoding.translator import Translator
from nmt.export import export_onnx
from nmt.model import build_model


@pytest.fixture(scope="module")
def exported(trained_run, tmp_path_factory):
    out = tmp_path_factory.mktemp("onnx") / "tiny"
    res = run_nmt("export", "-m", str(trained_run / "best.pt"), "--format", "onnx", "-o", str(out), "--int8")
    assert res.returncode == 0, res.stderr
    return out


@pytest.fixture(scope="module")
def sentences(multi30k) -> list[str]:
    return [r["de"] for r in read_jsonl(multi30k / "test.jsonl", 50)]


def _teacher_forced_max_diff(ref_model, onnx_model, src, lens, vocab=None) -> float:
    """Feed both the PyTorch greedy output step by step; the largest |logit| difference."""
    tokens = [h[0].tokens for h in greedy_search(ref_model, src, lens, vocab=vocab)]
    T = max(len(t) for t in tokens) + 1
    prev_rows = torch.full((src.size(0), T), 3)
    for b, t in enumerate(tokens):
        prev_rows[b, : len(t)] = torch.tensor(t, dtype=torch.long)
    worst = 0.0
    with torch.no_grad():
        (e1, s1), (e2, s2) = ref_model.encode(src, lens), onnx_model.encode(src, lens)
        for name in ("values", "proj_keys"):
            worst = max(worst, float((getattr(e1, name) - getattr(e2, name)).abs().max()))
        v1 = ref_model.output_vocab(vocab.ids, vocab.real) if vocab is not None else None
        v2 = onnx_model.output_vocab(vocab.ids, vocab.real) if vocab is not None else None
        prev = torch.full((src.size(0),), 2)
        for t in range(T):
            l1, s1, w1 = ref_model.decode_logits(prev, s1, e1, vocab=v1)
            l2, s2, w2 = onnx_model.decode_logits(prev, s2, e2, vocab=v2)
            finite = torch.isfinite(l1)
            assert torch.equal(finite, torch.isfinite(l2))
            worst = max(worst, float((l1[finite] - l2[finite]).abs().max()), float((w1 - w2).abs().max()))
            prev = prev_rows[:, t]
    return worst


@pytest.mark.parametrize("shortlist", [False, True])
def test_onnx_logits_match_pytorch_at_every_step(trained_run, exported, sentences, shortlist):
    ref = Translator.load(trained_run / "best.pt", device="cpu")
    ort = Translator.load(exported, engine="onnxruntime")
    src, lens = make_src_batch(ref.encode(sentences))
    vocab = ref.shortlist.sentence_vocab(src, lens, 100, 10) if shortlist else None
    assert _teacher_forced_max_diff(ref.model, ort.model, src, lens, vocab) < 1e-4


@pytest.mark.parametrize("beam", [1, 5])
def test_onnx_translations_are_identical(trained_run, exported, sentences, beam):
    ref = Translator.load(trained_run / "best.pt", device="cpu", beam=beam)
    ort = Translator.load(exported, engine="onnxruntime", beam=beam)
    assert ort.translate(sentences) == ref.translate(sentences)


def test_onnx_engine_from_the_cli(trained_run, exported, sentences):
    text = "\n".join(sentences[:10] + [""]) + "\n"
    torch_out = run_nmt("translate", "-m", str(trained_run / "best.pt"), "--beam", "5", input=text)
    ort_out = run_nmt("translate", "--engine", "onnxruntime", "-m", str(exported), "--beam", "5", input=text)
    assert ort_out.returncode == 0, ort_out.stderr
    assert ort_out.stdout == torch_out.stdout
    int8 = run_nmt("translate", "--engine", "onnxruntime", "-m", str(exported), "--int8", input=text)
    assert int8.returncode == 0 and len(int8.stdout.splitlines()) == 11


@pytest.mark.parametrize("cell,layers", [("lstm", 2), ("rnn", 1), ("gru", 3)])
def test_every_cell_exports(tmp_path, cell, layers):
    torch.manual_seed(0)
    cfg = tiny_model_config(cell=cell, enc_layers=layers, dec_layers=2 if cell == "lstm" else 1)
    model = build_model(cfg, 40, 40).eval()
    export_onnx(model, Config(model=cfg).to_dict(), b"", b"", None, tmp_path / cell)
    states = json.loads((tmp_path / cell / "manifest.json").read_text())["states"]
    sess = [onnxruntime.InferenceSession(str(tmp_path / cell / f), providers=["CPUExecutionProvider"])
            for f in ("encoder.onnx", "decoder.onnx")]
    onnx_model = OnnxModel(*sess, states, np.load(tmp_path / cell / "output.npy"))
    src, lens = make_src_batch([[5, 6, 7, 8, 9, 3], [10, 11, 3], [12, 3]])
    assert _teacher_forced_max_diff(model, onnx_model, src, lens) < 1e-4


def test_broken_exports_are_one_line_errors(exported, tmp_path):
    broken = tmp_path / "broken"
    shutil.copytree(exported, broken)
    with open(broken / "decoder.onnx", "ab") as f:
        f.write(b"x")
    res = run_nmt("translate", "--engine", "onnxruntime", "-m", str(broken), input="Hallo\n")
    assert res.returncode == 1
    assert res.stderr.strip() == f"error: {broken / 'decoder.onnx'}: corrupted (its SHA-256 differs from manifest.json)"
    (broken / "encoder.onnx").unlink()
    res = run_nmt("translate", "--engine", "onnxruntime", "-m", str(broken), input="Hallo\n")
    assert res.stderr.strip() == f"error: {broken / 'encoder.onnx'}: missing"
    res = run_nmt("translate", "--engine", "onnxruntime", "-m", str(tmp_path), input="Hallo\n")
    assert res.returncode == 1 and "manifest.json: missing or unreadable" in res.stderr
    res = run_nmt("export", "-m", "nothing.pt", "-o", str(tmp_path / "x"))
    assert res.returncode == 1 and res.stderr.strip() == "error: nothing.pt: model file not found"
    res = run_nmt("export", "-m", "nothing.pt", "-o", str(exported))
    assert res.returncode == 2 and "holds an export; pass --force" in res.stderr
