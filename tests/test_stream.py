"""data.streaming: the training split read as a datasets IterableDataset (nmt/data/stream.py)."""

import json

import torch
from conftest import small_train_cfg

from nmt.data.cache import prepare_corpus
from nmt.data.stream import prepare_stream
from nmt.tokenizer import EOS_ID, PAD_ID


def _pairs_of(batches):
    out = []
    for b in batches:
        for src, tgt in zip(b.src.tolist(), b.tgt_out.tolist()):
            out.append((tuple(i for i in src if i != PAD_ID), tuple(i for i in tgt if i not in (PAD_ID, EOS_ID))))
    return sorted(out)


def test_a_streamed_epoch_holds_every_kept_pair_once_in_another_order_each_epoch(multi30k, tmp_path):
    cfg = small_train_cfg(multi30k, f"data.cache_dir={tmp_path}", "data.streaming=true", "data.shuffle_buffer=100")
    stream, tok, _ = prepare_stream(cfg)
    cached, _, _ = prepare_corpus(cfg, tok)
    every = list(range(len(cached)))
    src, tgt = cached.pairs(every)
    want = sorted((tuple(s), tuple(t)) for s, t in zip(src, tgt))
    take_all = lambda k: True  # noqa: E731
    epoch0 = list(stream.batches(0, 0, take_all, 400, 0, seed=1))
    epoch1 = list(stream.batches(1, 0, take_all, 400, 0, seed=1))
    assert _pairs_of(epoch0) == want == _pairs_of(epoch1)
    assert epoch0[0].src.tolist() != epoch1[0].src.tolist()
    for b in epoch0:
        assert b.src.numel() <= 400 or b.src.size(0) == 1 or b.src.size(1) * b.src.size(0) <= 400
    # Starting at batch 5 gives batches 5, 6, ... of the same epoch (what --resume relies on).
    again = list(stream.batches(0, 5, take_all, 400, 0, seed=1))
    assert [b.src.tolist() for b in again] == [b.src.tolist() for b in epoch0[5:]]


def _losses(run):
    rows = [json.loads(ln) for ln in (run / "train_log.jsonl").read_text().splitlines()]
    return {r["step"]: r["loss"] for r in rows if r["kind"] == "train"}


def test_streamed_training_trains_and_resumes_exactly_across_an_epoch(multi30k, tmp_path):
    from nmt.training.trainer import train

    def cfg(steps):
        return small_train_cfg(multi30k, f"data.cache_dir={tmp_path / 'cache'}", "data.streaming=true",
                               "data.shuffle_buffer=200", f"train.max_steps={steps}", "train.valid_every=20")  # 46 batches an epoch

    quiet = lambda m: None  # noqa: E731
    full = train(cfg(60), tmp_path / "full", log=quiet, progress=False)
    assert full.steps == 60
    train(cfg(23), tmp_path / "part", log=quiet, progress=False)  # stops mid-epoch, after a validation
    train(cfg(60), tmp_path / "part", resume=True, log=quiet, progress=False)
    a, b = _losses(tmp_path / "full"), _losses(tmp_path / "part")
    assert sorted(a) == sorted(b) == list(range(1, 61))
    epochs = {json.loads(ln)["epoch"] for ln in (tmp_path / "full" / "train_log.jsonl").read_text().splitlines()}
    assert len(epochs) >= 2  # the run crossed an epoch boundary
    for step in a:
        assert abs(a[step] - b[step]) <= 1e-6, (step, a[step], b[step])
    assert torch.load(tmp_path / "full" / "best.pt", weights_only=True)["shortlist"] is not None
