"""The toolbox: attention pictures, ensembles, sampling, ``nmt average`` and ``nmt info``."""

from __future__ import annotations

import json
import struct

import pytest
import torch
from conftest import read_jsonl, run_nmt, small_train_cfg

from nmt.checkpoint import load_checkpoint
from nmt.data.batching import make_src_batch
from nmt.decoding.ensemble import Ensemble
from nmt.decoding.plot import png_size
from nmt.decoding.sampling import Sampling, restrict, sample
from nmt.decoding.search import greedy_search, search
from nmt.decoding.translator import Translator
from nmt.model import build_model
from nmt.model.seq2seq import count_parameters
from nmt.training.trainer import train

SRC = [[5, 6, 7, 8, 9, 3], [10, 11, 3], [12, 3], [13, 14, 15, 3]]


def _png_size(path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


@pytest.fixture(scope="module")
def lines(multi30k) -> list[str]:
    return [r["de"] for r in read_jsonl(multi30k / "test.jsonl", 12)]


# ---------------------------------------------------------------- attention


@pytest.mark.parametrize("beam", [1, 3])
def test_attention_rows_sum_to_one_over_the_real_source_and_padding_changes_nothing(tiny_model, beam):
    src, lens = make_src_batch(SRC)
    together = search(tiny_model, src, lens, beam, n_best=1, attention=True)
    for i, s in enumerate(SRC):
        (hyp,) = together[i]
        att = torch.tensor(hyp.attention)
        assert att.shape == (len(hyp.tokens) + 1, len(s))  # each piece + EOS, real source pieces only
        assert torch.allclose(att.sum(1), torch.ones(att.size(0)), atol=1e-5)
        one, one_len = make_src_batch([s])
        (alone,) = search(tiny_model, one, one_len, beam, n_best=1, attention=True)[0:1]
        assert alone[0].tokens == hyp.tokens
        assert torch.allclose(torch.tensor(alone[0].attention), att, atol=1e-5)


def test_translate_attention_writes_a_png_per_line_of_the_expected_size(trained_run, lines, tmp_path):
    folder = tmp_path / "att"
    text = "\n".join([lines[0], "", lines[1]]) + "\n"
    res = run_nmt("translate", "-m", str(trained_run / "best.pt"), "--attention", str(folder), input=text)
    assert res.returncode == 0, res.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["000001.png", "000003.png"]  # blank line: none
    res = run_nmt("translate", "-m", str(trained_run / "best.pt"), "--attention", str(tmp_path / "j"),
                  "--attention-format", "json", input=text)
    assert res.returncode == 0, res.stderr
    for n in (1, 3):
        data = json.loads((tmp_path / "j" / f"{n:06d}.json").read_text(encoding="utf-8"))
        att = torch.tensor(data["attention"])
        assert att.shape == (len(data["target"]), len(data["source"]))
        assert data["source"][-1] == "</s>" and data["target"][-1] == "</s>"
        assert torch.allclose(att.sum(1), torch.ones(att.size(0)), atol=1e-4)
        assert _png_size(folder / f"{n:06d}.png") == png_size(len(data["source"]), len(data["target"]))


def test_attention_into_a_file_is_a_usage_error(trained_run, tmp_path):
    (tmp_path / "f").write_text("x")
    res = run_nmt("translate", "-m", str(trained_run / "best.pt"), "--attention", str(tmp_path / "f"), input="a\n")
    assert res.returncode == 2 and res.stderr.strip() == f"error: --attention {tmp_path / 'f'}: exists and is not a folder"


# ---------------------------------------------------------------- ensembles


def test_ensemble_scores_are_the_mean_of_the_members_log_probs():
    torch.manual_seed(0)
    from conftest import tiny_model_config

    a, b = (build_model(tiny_model_config(), 40, 40).eval() for _ in range(2))
    ens = Ensemble([a, b]).eval()
    src, lens = make_src_batch(SRC)
    prev = torch.full((len(SRC),), 2)
    with torch.no_grad():
        enc, st = ens.encode(src, lens)
        got, _, _ = ens.decode_logits(prev, st, enc)
        want = []
        for m in (a, b):
            e, s = m.encode(src, lens)
            want.append(torch.log_softmax(m.decode_logits(prev, s, e)[0], -1))
    assert torch.allclose(got, (want[0] + want[1]) / 2, atol=1e-6)
    # An ensemble of one model, or of two copies, decodes as the model does.
    for members in ([a], [a, a]):
        for beam in (1, 3):
            want_h = search(a, src, lens, beam)
            got_h = search(Ensemble(members).eval(), src, lens, beam)
            assert [h[0].tokens for h in got_h] == [h[0].tokens for h in want_h]


def test_ensemble_from_the_cli_with_shortlist_union(trained_run, lines, tmp_path):
    best, last = str(trained_run / "best.pt"), str(trained_run / "last.pt")
    text = "\n".join(lines) + "\n"
    alone = run_nmt("translate", "-m", best, "--beam", "2", input=text)
    twice = run_nmt("translate", "-m", best, "-m", best, "--beam", "2", input=text)
    pair = run_nmt("translate", "-m", best, "-m", last, "--beam", "2", "--no-shortlist", input=text)
    assert alone.returncode == twice.returncode == pair.returncode == 0, pair.stderr
    assert twice.stdout == alone.stdout
    assert len(pair.stdout.splitlines()) == len(lines)
    tr = Translator.load([trained_run / "best.pt", trained_run / "last.pt"], beam=2)
    assert isinstance(tr.model, Ensemble) and len(tr.more_shortlists) == 1
    with_union = run_nmt("translate", "-m", best, "-m", last, "--beam", "2", input=text)  # shortlists' union
    assert tr.translate(lines) == with_union.stdout.splitlines()
    res = run_nmt("evaluate", "-m", best, "-m", last, "--split", "validation", "--beam", "1", "--json")
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout)["bleu"] >= 0


def test_ensemble_members_with_another_vocabulary_are_refused(trained_run, multi30k, tmp_path):
    cfg = small_train_cfg(multi30k, "train.max_steps=2")
    train(cfg, tmp_path / "other", log=lambda m: None, progress=False)
    a, b = trained_run / "best.pt", tmp_path / "other" / "best.pt"
    res = run_nmt("translate", "-m", str(a), "-m", str(b), input="Hallo\n")
    assert res.returncode == 2
    assert res.stderr.strip() == (f"error: {a} and {b}: an ensemble needs models with the same vocabulary "
                                  "(SentencePiece models), these differ")
    res = run_nmt("average", str(a), str(b), "-o", str(tmp_path / "avg.pt"))
    assert res.returncode == 2 and f"{a} and {b}" in res.stderr and not (tmp_path / "avg.pt").exists()


# ---------------------------------------------------------------- sampling


def test_restrict_keeps_the_top_k_and_the_nucleus():
    scores = torch.log(torch.tensor([[0.5, 0.3, 0.15, 0.05]]))
    assert torch.isfinite(restrict(scores, 2, 1.0)).tolist() == [[True, True, False, False]]
    assert torch.isfinite(restrict(scores, 0, 0.7)).tolist() == [[True, True, False, False]]
    assert torch.isfinite(restrict(scores, 0, 0.5)).tolist() == [[True, False, False, False]]
    assert torch.isfinite(restrict(scores, 0, 0.01)).tolist() == [[True, False, False, False]]
    assert torch.isfinite(restrict(scores, 0, 1.0)).all()


def test_top_k_one_is_greedy_and_samples_do_not_depend_on_the_batch(tiny_model):
    src, lens = make_src_batch(SRC)
    greedy = greedy_search(tiny_model, src, lens)
    top1 = sample(tiny_model, src, lens, 2, Sampling(top_k=1, seed=3))
    assert [[h.tokens for h in row] for row in top1] == [[g[0].tokens] * 2 for g in greedy]
    free = sample(tiny_model, src, lens, 3, Sampling(temperature=1.5, seed=7))
    assert free == sample(tiny_model, src, lens, 3, Sampling(temperature=1.5, seed=7))  # same seed, same samples
    other = sample(tiny_model, src, lens, 3, Sampling(temperature=1.5, seed=8))
    assert [[h.tokens for h in r] for r in other] != [[h.tokens for h in r] for r in free]
    for i, s in enumerate(SRC):  # alone, or in another batch position: the same samples
        one, one_len = make_src_batch([SRC[-1], s])
        assert [h.tokens for h in sample(tiny_model, one, one_len, 3, Sampling(1.5, seed=7))[1]] == \
               [h.tokens for h in free[i]]


def test_sampling_from_the_cli(trained_run, lines):
    text = "\n".join(lines[:4]) + "\n"
    args = ["translate", "-m", str(trained_run / "best.pt"), "--sample", "--n-best", "5", "--seed", "1",
            "--top-p", "0.9"]
    a, b = run_nmt(*args, input=text), run_nmt(*args, input=text)
    assert a.returncode == 0, a.stderr
    assert a.stdout == b.stdout
    rows = [line.split("\t") for line in a.stdout.splitlines()]
    assert [int(r[0]) for r in rows] == [n for n in range(1, 5) for _ in range(5)]
    assert len({r[2] for r in rows}) > 4  # samples differ
    assert run_nmt(*args[:-4], "--seed", "2", input=text).stdout != a.stdout
    bad = run_nmt("translate", "-m", str(trained_run / "best.pt"), "--top-k", "5", input=text)
    assert bad.returncode == 2 and "need --sample" in bad.stderr


# ---------------------------------------------------------------- average and info


def test_average_of_a_checkpoint_with_itself_is_itself(trained_run, tmp_path):
    best = trained_run / "best.pt"
    out = tmp_path / "avg.pt"
    res = run_nmt("average", str(best), str(best), "-o", str(out))
    assert res.returncode == 0, res.stderr
    a, b = load_checkpoint(best), load_checkpoint(out)
    assert all(torch.equal(a["model"][k], b["model"][k]) for k in a["model"])
    assert torch.equal(a["src_spm"], b["src_spm"]) and a["config"] == b["config"]
    again = run_nmt("average", str(best), str(best), "-o", str(out))
    assert again.returncode == 2 and "exists; pass --force" in again.stderr


def test_average_refuses_other_shapes(trained_run, tmp_path):
    payload = load_checkpoint(trained_run / "best.pt")
    name = next(k for k, v in payload["model"].items() if v.dim() == 2)
    payload["model"][name] = torch.zeros(3, 3)
    torch.save(payload, tmp_path / "odd.pt")
    res = run_nmt("average", str(trained_run / "best.pt"), str(tmp_path / "odd.pt"), "-o", str(tmp_path / "x.pt"))
    assert res.returncode == 2
    assert f"{name} is" in res.stderr and "(3, 3)" in res.stderr and str(tmp_path / "odd.pt") in res.stderr


@pytest.mark.parametrize("name", ["best.pt", "last.pt"])
def test_info_says_what_a_checkpoint_holds(trained_run, name):
    res = run_nmt("info", "-m", str(trained_run / name), "--json")
    assert res.returncode == 0, res.stderr
    info = json.loads(res.stdout)
    payload = load_checkpoint(trained_run / name)
    from nmt.checkpoint import config_of

    cfg = config_of(payload)
    assert info["language_pair"] == "de-en" and info["model"]["cell"] == cfg.model.cell
    assert info["parameters"] == count_parameters(build_model(cfg.model, 1000, 1000))
    assert info["vocab"] == {"type": "unigram", "joint": True, "src_size": 1000, "tgt_size": 1000}
    assert info["shortlist"] is True
    t = info["training"]
    assert t["step"] > 0 and t["best_step"] > 0 and t["best_valid_bleu"] >= 0 and t["train_seconds"] > 0
    assert t["resumable"] is (name == "last.pt")
    assert info["written_by"]["nmt"] and info["written_by"]["torch"] == torch.__version__
    text = run_nmt("info", "-m", str(trained_run / name)).stdout
    assert "language pair:" in text and f"{info['parameters']:,}" in text and "best valid BLEU:" in text


def test_info_on_a_missing_file_is_one_line(tmp_path):
    res = run_nmt("info", "-m", str(tmp_path / "none.pt"))
    assert res.returncode == 1 and res.stderr.strip() == f"error: {tmp_path / 'none.pt'}: model file not found"


# ---------------------------------------------------------------- by length


def test_score_by_length_scores_each_bucket_alone():
    from nmt.metrics import score, score_by_length

    src = ["a " * n for n in (3, 10, 11, 15, 16, 25, 40)]
    hyp = ["the cat sat on the mat", "a dog", "two dogs run", "x y z", "one more line here", "a b", "c d e"]
    ref = ["the cat sat on a mat", "a dog", "two dogs ran", "x y", "one more line", "a b", "c d e f"]
    rows = score_by_length(src, hyp, ref)
    assert [r["bucket"] for r in rows] == ["1-10", "11-15", "16-20", "21-30", "31+"]
    assert [r["sentences"] for r in rows] == [2, 2, 1, 1, 1]
    assert rows[0]["bleu"] == score(hyp[:2], ref[:2]).bleu and rows[1]["chrf"] == score(hyp[2:4], ref[2:4]).chrf
    assert score_by_length(src[:1], hyp[:1], ref[:1])[1] == {"bucket": "11-15", "sentences": 0, "bleu": None,
                                                             "chrf": None}


def test_evaluate_by_length_from_the_cli(trained_run):
    res = run_nmt("evaluate", "-m", str(trained_run / "best.pt"), "--split", "validation", "--beam", "1",
                  "--by-length", "--json")
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert sum(r["sentences"] for r in data["by_length"]) == 1014
    assert all(r["bleu"] is not None for r in data["by_length"] if r["sentences"])
