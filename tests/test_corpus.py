"""The training set as cached, memory-mapped token ids (nmt/data/corpus.py): the same pairs,
ids and batches as the in-memory pipeline, a cache that a second run reads, and
SentencePiece on a sample."""

import json

import numpy as np
import pytest
import torch
from conftest import read_jsonl, small_train_cfg

from nmt.data.batching import make_batch
from nmt.data.cache import prepare_corpus
from nmt.shortlist import build_shortlist
from nmt.tokenizer import Tokenizer


def _cfg(multi30k, cache, *extra):
    return small_train_cfg(multi30k, f"data.cache_dir={cache}", *extra)


def _in_memory(cfg, tok, rows):
    """What the list-based pipeline trained on: no blank side, then data.max_len."""
    pairs = [(r["de"], r["en"]) for r in rows[: cfg.data.max_train_examples]]
    pairs = [(s, t) for s, t in pairs if s.strip() and t.strip()]
    src, tgt = tok.encode_src([s for s, _ in pairs]), tok.encode_tgt([t for _, t in pairs])
    keep = [i for i in range(len(src)) if len(src[i]) - 1 <= cfg.data.max_len and len(tgt[i]) <= cfg.data.max_len]
    return [src[i] for i in keep], [tgt[i] for i in keep], pairs


def test_ids_batches_tokenizer_and_shortlist_equal_the_in_memory_pipeline(multi30k, tmp_path):
    cfg = _cfg(multi30k, tmp_path, "data.max_len=20")
    corpus, tok, shortlist = prepare_corpus(cfg)
    src, tgt, pairs = _in_memory(cfg, tok, read_jsonl(multi30k / "train.jsonl", 600))
    assert len(corpus) == len(src) < 600  # some pairs are longer than 20 pieces
    assert corpus.pairs(np.arange(len(corpus))) == (src, tgt)
    # The corpus is smaller than the SentencePiece sample: every sentence, in order.
    again = Tokenizer.train([s for s, _ in pairs], [t for _, t in pairs], cfg.vocab)
    assert again.src_proto == tok.src_proto
    idx = np.array([5, 0, 17, 3])
    want, got = make_batch([src[i] for i in idx], [tgt[i] for i in idx]), corpus.batch(idx)
    for name in ("src", "src_len", "tgt_in", "tgt_out"):
        assert torch.equal(getattr(got, name), getattr(want, name)), name
    ref = build_shortlist(src, tgt, tok.src_vocab_size, tok.tgt_vocab_size, tok.joint)
    assert torch.equal(shortlist.table, ref.table) and torch.equal(shortlist.frequent, ref.frequent)


def test_second_run_reads_everything_from_the_cache(multi30k, tmp_path):
    cfg = _cfg(multi30k, tmp_path)
    first_log, second_log = [], []
    a = prepare_corpus(cfg, log=first_log.append)
    b = prepare_corpus(cfg, log=second_log.append)
    assert any("tokenizing" in m for m in first_log) and any("training SentencePiece" in m for m in first_log)
    assert not any("tokenizing" in m or "training SentencePiece" in m for m in second_log), second_log
    assert any("from the cache" in m for m in second_log)
    assert a[1].src_proto == b[1].src_proto and np.array_equal(a[0].rows, b[0].rows)
    assert torch.equal(a[2].table, b[2].table)
    names = sorted(p.name.split("-")[0] for p in tmp_path.iterdir() if not p.name.startswith("."))
    assert {"spm", "ids", "shortlist"} <= set(names)
    # Another vocabulary is another cache entry, not a stale read.
    c_log = []
    c = prepare_corpus(_cfg(multi30k, tmp_path, "vocab.vocab_size=250"), log=c_log.append)
    assert c[1].src_vocab_size == 250 and any("tokenizing" in m for m in c_log)


def test_several_tokenizing_processes_write_the_same_ids(multi30k, tmp_path):
    one, _, _ = prepare_corpus(_cfg(multi30k, tmp_path / "a", "data.num_proc=1"))
    log = []
    two, _, _ = prepare_corpus(_cfg(multi30k, tmp_path / "b", "data.num_proc=2"), log=log.append)
    assert any("with 2 process(es)" in m for m in log)
    # Only the flat ids stay: datasets.map's Arrow shards are gone once copied.
    assert not list((tmp_path / "b").rglob("*.arrow"))
    assert one.pairs(np.arange(len(one))) == two.pairs(np.arange(len(two)))


def test_sentencepiece_trains_on_a_sample_of_a_larger_corpus(multi30k, tmp_path):
    log = []
    prepare_corpus(_cfg(multi30k, tmp_path, "vocab.input_sentence_size=400"), log=log.append)
    assert any("on 200 pairs (a sample of 600)" in m for m in log), log


def test_splits_whose_columns_differ_load_and_train(multi30k, tmp_path):
    """train.jsonl with de,en only; validation.jsonl with all four languages."""
    data = tmp_path / "data"
    data.mkdir()
    rows = read_jsonl(multi30k / "train.jsonl", 300)
    (data / "train.jsonl").write_text("".join(json.dumps({"de": r["de"], "en": r["en"]}, ensure_ascii=False) + "\n"
                                              for r in rows), encoding="utf-8")
    (data / "validation.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n"
                                                   for r in read_jsonl(multi30k / "validation.jsonl", 20)),
                                           encoding="utf-8")
    from nmt.data.sources import load_splits
    from nmt.training.trainer import train

    assert len(load_splits(str(data), None, ["validation"], "de", "en")["validation"]) == 20
    cfg = _cfg(multi30k, tmp_path / "cache", f"data.dataset={data}", "train.max_steps=2", "train.valid_every=2")
    result = train(cfg, tmp_path / "run", log=lambda m: None, progress=False)
    assert result.steps == 2 and (tmp_path / "run" / "best.pt").is_file()


def test_unwritable_cache_dir_is_a_one_line_error(multi30k, tmp_path):
    from nmt.errors import NmtError

    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(NmtError, match=r"data.cache_dir: cannot create .*file/sub"):
        prepare_corpus(_cfg(multi30k, blocker / "sub"))


def test_a_cached_run_reads_no_text_and_a_changed_corpus_is_tokenized_again(multi30k, tmp_path, monkeypatch):
    import nmt.data.cache

    data = tmp_path / "data"
    data.mkdir()
    lines = (multi30k / "train.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)[:400]
    (data / "train.jsonl").write_text("".join(lines), encoding="utf-8")
    cfg = _cfg(multi30k, tmp_path / "cache", f"data.dataset={data}", "data.max_train_examples=null")
    first, _, _ = prepare_corpus(cfg)

    def no_text(cfg):
        raise AssertionError("the text was read")

    with monkeypatch.context() as m:
        m.setattr(nmt.data.cache, "training_text", no_text)
        again, _, _ = prepare_corpus(cfg)
    assert np.array_equal(first.rows, again.rows)
    (data / "train.jsonl").write_text("".join(lines[:300]), encoding="utf-8")
    log = []
    changed, _, _ = prepare_corpus(cfg, log=log.append)
    assert any("tokenizing 300 training pairs" in m for m in log) and len(changed) < len(first)
