"""The training split streamed (``data.streaming: true``): for hub corpora too large to download.

``datasets`` streaming reads the split as an ``IterableDataset`` and passes it
through its shuffle buffer (``data.shuffle_buffer`` pairs; ``set_epoch`` gives
each epoch another order). From there the path is the one the cached corpus
takes, a pool at a time: ~100 batches' worth of pairs is tokenized, filtered
(blank sides, ``data.max_len``) and cut into token-budget batches by
:func:`nmt.data.batching.batch_indices`, so a streamed batch is as well packed as
a cached one. Memory is the shuffle buffer plus one pool, whatever the corpus.

Everything is a function of (seed, epoch), so ``--resume`` is exact: it reads
the epoch's stream again from its start and skips the batches already trained
on (re-reading and re-tokenizing them: resuming far into an epoch of a huge
stream takes the time that reading that far takes). SentencePiece trains on
the first ``vocab.input_sentence_size`` sentences out of the shuffle buffer;
the shortlist table counts the first pairs of the stream; both are cached
(:mod:`nmt.data.cache`), keyed by the split's data files (for local files their sizes
and modification times).
"""

from __future__ import annotations

import hashlib
from itertools import islice
from pathlib import Path
from typing import Any, Callable, Iterator

from nmt.config import Config
from nmt.config.directions import user_symbols
from nmt.data.batching import Batch, batch_indices, make_batch
from nmt.data.cache import Log, cache_key, cached_shortlist, cached_tokenizer, corpus_key, open_cache, spm_settings
from nmt.data.sources import as_text, drop_empty, training_name, training_split
from nmt.errors import NmtError
from nmt.shortlist import MAX_PAIRS, IdChunk, Shortlist, count_shortlist
from nmt.tokenizer import Tokenizer

# Pairs tokenized and batched together: about this many batches' worth.
POOL_BATCHES = 100


def _text_stream(cfg: Config, seed: int, epoch: int = 0) -> Any:
    d = cfg.data
    ds = training_split(d, seed=cfg.train.seed, streaming=True)
    if d.max_train_examples:
        ds = ds.take(d.max_train_examples)
    ds = ds.shuffle(seed=seed, buffer_size=d.shuffle_buffer)
    ds.set_epoch(epoch)
    return ds


def _pairs(rows: dict[str, list]) -> list[tuple[str, str]]:
    """A batch of streamed rows as pairs, those with a blank side left out."""
    return drop_empty(list(zip(as_text(rows["src"]), as_text(rows["tgt"]))))[0]


def _encode(tok: Tokenizer, rows: dict[str, list], max_len: int, max_ratio: float = 0.0
            ) -> tuple[list[list[int]], list[list[int]]]:
    """Streamed rows as ids, kept as the cached corpus keeps them: no blank side, within max_len
    (and data.filter.max_ratio; dedup needs the whole corpus, so it is the cached path's only)."""
    pairs = _pairs(rows)
    src, tgt = tok.encode_src([s for s, _ in pairs]), tok.encode_tgt([t for _, t in pairs])
    ratio = max_ratio or float("inf")
    fits = [i for i in range(len(src)) if len(src[i]) - 1 <= max_len and len(tgt[i]) <= max_len
            and max(len(src[i]) - 1, len(tgt[i])) <= ratio * min(len(src[i]) - 1, len(tgt[i]))]
    return [src[i] for i in fits], [tgt[i] for i in fits]


class StreamCorpus:
    """The streamed training split with the interface of :class:`nmt.data.corpus.TokenCorpus`
    that the training loop uses (``batches``, ``count``)."""

    def __init__(self, cfg: Config, tok: Tokenizer) -> None:
        self.cfg, self.tok = cfg, tok

    def __len__(self) -> int:  # unknown without reading the stream
        return 0

    def _pool_batches(self, rows: dict[str, list], batch_tokens: int, batch_sentences: int,
                      seed: int) -> Iterator[Batch]:
        src, tgt = _encode(self.tok, rows, self.cfg.data.max_len, self.cfg.data.filter.max_ratio)
        lengths = [max(len(s), len(t) + 1) for s, t in zip(src, tgt)]
        for idx in batch_indices(lengths, batch_tokens, batch_sentences, shuffle=True, seed=seed):
            yield make_batch([src[i] for i in idx], [tgt[i] for i in idx])

    def batches(self, epoch: int, start: int, take: Callable[[int], bool], batch_tokens: int,
                batch_sentences: int, seed: int) -> Iterator[Batch | None]:
        """As :meth:`TokenCorpus.batches`: the epoch's batches from the ``start``-th on, the
        k-th (from ``start``) when ``take(k)``, else None."""
        pool = POOL_BATCHES * (batch_sentences or max(1, batch_tokens // 20))
        k = -start
        for c, rows in enumerate(_text_stream(self.cfg, seed, epoch).iter(batch_size=pool)):
            for batch in self._pool_batches(rows, batch_tokens, batch_sentences, seed * 100_003 + epoch * 7_919 + c):
                if k >= 0:
                    yield batch if take(k) else None
                k += 1

    def count(self, epoch: int, batch_tokens: int, batch_sentences: int, seed: int) -> int | None:
        return None


def _train_tokenizer(cfg: Config, log: Log) -> Tokenizer:
    """SentencePiece on the first vocab.input_sentence_size sentences out of the shuffle buffer."""
    v = cfg.vocab
    per_side = (v.input_sentence_size // 2 if v.joint else v.input_sentence_size) or None
    src, tgt = [], []
    for rows in _text_stream(cfg, seed=0).iter(batch_size=10_000):
        for s, t in _pairs(rows):
            src.append(s)
            tgt.append(t)
        if per_side and len(src) >= per_side:
            src, tgt = src[:per_side], tgt[:per_side]
            break
    if not src:
        raise NmtError(f"{training_name(cfg.data)}: the training set is empty")
    log(f"vocab: training SentencePiece ({v.type}, {v.vocab_size}, {'joint' if v.joint else 'separate'}) "
        f"on the first {len(src)} pairs of the stream")
    return Tokenizer.train(src, tgt, v, user_symbols(cfg.data))


def _shortlist(cfg: Config, tok: Tokenizer, folder: Path, log: Log) -> Shortlist:
    d = cfg.data

    def chunks() -> Iterator[IdChunk]:
        stream = training_split(d, seed=cfg.train.seed, streaming=True)
        for rows in islice(stream.iter(batch_size=4096), -(-MAX_PAIRS // 4096)):
            yield IdChunk.from_lists(*_encode(tok, rows, d.max_len, d.filter.max_ratio))

    def count() -> Shortlist:
        log(f"data: counting the shortlist table over the first {MAX_PAIRS} pairs of the stream")
        return count_shortlist(chunks, tok.src_vocab_size, tok.tgt_vocab_size, tok.joint)

    key = cache_key("shortlist-stream", corpus_key(cfg), hashlib.sha256(tok.src_proto + tok.tgt_proto).hexdigest(),
                    d.max_len, *((d.filter.max_ratio,) if d.filter.max_ratio else ()))
    return cached_shortlist(folder / f"shortlist-{key}.npz", count)


def prepare_stream(cfg: Config, tok: Tokenizer | None = None, log: Log = lambda m: None
                   ) -> tuple[StreamCorpus, Tokenizer, Shortlist]:
    """The streamed counterpart of :func:`nmt.data.cache.prepare_corpus`."""
    folder = open_cache(cfg)
    if tok is None:
        key = cache_key("spm-stream", corpus_key(cfg), *spm_settings(cfg))
        tok = cached_tokenizer(key, folder, lambda: _train_tokenizer(cfg, log), log)
    log(f"data: streaming {training_name(cfg.data)} "
        f"(shuffle buffer {cfg.data.shuffle_buffer} pairs)")
    return StreamCorpus(cfg, tok), tok, _shortlist(cfg, tok, folder, log)
