"""The training set as token ids on disk: tokenized once, cached, read memory-mapped.

Why: a corpus held as Python lists costs ~10 KB a pair (11 GB at 1M pairs) and
is tokenized again by every run. Here the text stays in the Arrow files of the
``datasets`` cache, ``datasets.map(batched=True, num_proc=N)`` writes the ids
next to our other cached files, and training reads them memory-mapped: the
lengths as one numpy array, each batch gathered from its index array. Nothing
grows with the corpus but those lengths (8 bytes a pair).

The cache (``data.cache_dir``, else ``$NMT_CACHE``, else ``~/.cache/nmt``)
holds three kinds of file, each keyed by what made it, so a changed corpus or
setting makes new files instead of reading stale ones:

* ``spm-KEY*.model``: the SentencePiece model(s), KEY = the corpus fingerprint
  (``datasets``' own: files and their modification times), the language pair and
  the vocabulary settings;
* ``ids-KEY*.arrow``: the token ids, KEY = the corpus fingerprint and the bytes
  of the SentencePiece model(s);
* ``shortlist-KEY.npz``: the lexical shortlist table of those ids.

A second run of the same config, and every ``--resume``, finds all three and
starts training in seconds. Files are written atomically (:mod:`nmt.atomic`), so a
run killed while writing leaves no half-file behind.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator

import numpy as np
import torch

from nmt.atomic import atomic_write
from nmt.batching import Batch, batch_indices
from nmt.config import Config
from nmt.data import as_text, load_split
from nmt.errors import NmtError
from nmt.shortlist import MAX_PAIRS, IdChunk, Shortlist, count_shortlist
from nmt.tokenizer import BOS_ID, EOS_ID, PAD_ID, Tokenizer

Log = Callable[[str], None]

# Bump when the layout of a cached file changes, so older files are not read.
CACHE_VERSION = 1


def cache_dir(cfg: Config) -> Path:
    """The cache folder: data.cache_dir, else $NMT_CACHE, else ~/.cache/nmt."""
    path = cfg.data.cache_dir or os.environ.get("NMT_CACHE") or "~/.cache/nmt"
    return Path(path).expanduser()


def _key(*parts: Any) -> str:
    h = hashlib.sha256()
    for part in (CACHE_VERSION, *parts):
        h.update(part if isinstance(part, bytes) else repr(part).encode())
        h.update(b"\0")
    return h.hexdigest()[:20]


def num_proc(cfg: Config, rows: int) -> int:
    """Tokenizing processes: data.num_proc, or (0) one per core, except for corpora under 50k
    pairs, where starting processes costs more than it saves."""
    if cfg.data.num_proc:
        return cfg.data.num_proc
    return 1 if rows < 50_000 else max(1, len(os.sched_getaffinity(0)))


# --------------------------------------------------------------------------- tokenization

_PROCESSORS: dict[bytes, Tokenizer] = {}


def _tokenizer(src_proto: bytes, tgt_proto: bytes) -> Tokenizer:
    """One Tokenizer per worker process (map sends the protos, not the SentencePiece objects)."""
    key = hashlib.sha256(src_proto + b"\0" + tgt_proto).digest()
    if key not in _PROCESSORS:
        _PROCESSORS[key] = Tokenizer(src_proto, tgt_proto)
    return _PROCESSORS[key]


def encode_batch(batch: dict[str, list], src_proto: bytes, tgt_proto: bytes) -> dict[str, list]:
    """datasets.map function: source ids (ending in EOS), target ids (no BOS/EOS), their
    lengths, and whether a side is blank (such pairs are not trained on)."""
    tok = _tokenizer(src_proto, tgt_proto)
    src, tgt = as_text(batch["src"]), as_text(batch["tgt"])
    src_ids, tgt_ids = tok.encode_src(src), tok.encode_tgt(tgt)
    return {"src_ids": src_ids, "tgt_ids": tgt_ids,
            "src_len": [len(s) for s in src_ids], "tgt_len": [len(t) for t in tgt_ids],
            "blank": [not (s.strip() and t.strip()) for s, t in zip(src, tgt)]}


def _id_features(tok: Tokenizer) -> Any:
    import datasets

    # uint16 halves the disk and page cache for vocabularies up to 65k pieces.
    dtype = "uint16" if max(tok.src_vocab_size, tok.tgt_vocab_size) <= 65_535 else "int32"
    return datasets.Features({
        "src_ids": datasets.Sequence(datasets.Value(dtype)), "tgt_ids": datasets.Sequence(datasets.Value(dtype)),
        "src_len": datasets.Value("int32"), "tgt_len": datasets.Value("int32"), "blank": datasets.Value("bool")})


# --------------------------------------------------------------------------- the corpus


def pad_flat(values: np.ndarray, lengths: np.ndarray, before: int | None = None,
             after: int | None = None) -> torch.Tensor:
    """(B, L) PAD-padded long tensor of B sequences stored flat, each optionally preceded
    by ``before`` and followed by ``after`` (BOS + target, target + EOS)."""
    lengths = lengths.astype(np.int64)
    extra = (before is not None) + (after is not None)
    width = max(int(lengths.max(initial=0)) + extra, 1)
    out = np.full((len(lengths), width), PAD_ID, dtype=np.int64)
    start = 1 if before is not None else 0
    cols = np.arange(width)
    out[(cols >= start) & (cols < (lengths + start)[:, None])] = values
    if before is not None:
        out[:, 0] = before
    if after is not None:
        out[np.arange(len(lengths)), lengths + start] = after
    return torch.from_numpy(out)


@dataclass
class TokenCorpus:
    """The training pairs as ids: ``ids`` a datasets.Dataset (memory-mapped Arrow) with
    columns ``src_ids``/``tgt_ids``; ``rows`` (N,) the rows training uses, in corpus order;
    ``src_len``/``tgt_len`` (N,) their lengths (source with EOS, target without BOS/EOS)."""

    ids: Any
    rows: np.ndarray
    src_len: np.ndarray
    tgt_len: np.ndarray
    _order: tuple[int, list[np.ndarray]] | None = None
    _columns: dict[str, Any] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.rows)

    def lengths(self) -> np.ndarray:
        """Padded cost of each pair for token-budget batching: max(source, target + 1)."""
        return np.maximum(self.src_len, self.tgt_len + 1)

    def _column(self, name: str) -> tuple[np.ndarray, list[np.ndarray], list[np.ndarray]]:
        """The Arrow chunks of an id column as zero-copy numpy views: each chunk's first row,
        offsets and values. Why not ``ChunkedArray.take``: it concatenates the whole column
        first (60 MB and 20 ms a batch at 1M pairs, measured), which is the copy this module
        exists to avoid."""
        if name not in self._columns:
            chunks = self.ids.data.table.column(name).chunks
            starts = np.cumsum([0] + [len(c) for c in chunks])[:-1]
            self._columns[name] = (starts, [c.offsets.to_numpy() for c in chunks],
                                   [c.values.to_numpy(zero_copy_only=False) for c in chunks])
        return self._columns[name]

    def _gather(self, positions: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        rows = self.rows[np.asarray(positions, dtype=np.int64)]
        out = []
        for name in ("src_ids", "tgt_ids"):
            starts, offsets, values = self._column(name)
            chunk = np.searchsorted(starts, rows, side="right") - 1
            local = rows - starts[chunk]
            parts = [values[c][offsets[c][i]:offsets[c][i + 1]] for c, i in zip(chunk.tolist(), local.tolist())]
            out.append(np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64))
        return out[0], out[1]

    def batch(self, positions: list[int] | np.ndarray) -> Batch:
        """The padded batch of the pairs at ``positions`` (equal to ``make_batch`` of their
        id lists: PAD-padded source, BOS + target, target + EOS)."""
        positions = np.asarray(positions, dtype=np.int64)
        src, tgt = self._gather(positions)
        s_len, t_len = self.src_len[positions], self.tgt_len[positions]
        return Batch(src=pad_flat(src, s_len), src_len=torch.from_numpy(np.maximum(s_len, 1).astype(np.int64)),
                     tgt_in=pad_flat(tgt, t_len, before=BOS_ID), tgt_out=pad_flat(tgt, t_len, after=EOS_ID))

    def pairs(self, positions: list[int] | np.ndarray) -> tuple[list[list[int]], list[list[int]]]:
        """Id lists of the pairs at ``positions`` (tests and tools)."""
        positions = np.asarray(positions, dtype=np.int64)
        src, tgt = self._gather(positions)
        s_cut = np.cumsum(self.src_len[positions])[:-1]
        t_cut = np.cumsum(self.tgt_len[positions])[:-1]
        return ([a.tolist() for a in np.split(src, s_cut)], [a.tolist() for a in np.split(tgt, t_cut)])

    def epoch_order(self, epoch: int, batch_tokens: int, batch_sentences: int, seed: int) -> list[np.ndarray]:
        """The batches of ``epoch`` as index arrays: a pure function of (seed, epoch), which
        is what makes --resume exact (the loop remembers only how many it took)."""
        if self._order is None or self._order[0] != epoch:
            self._order = (epoch, batch_indices(self.lengths(), batch_tokens, batch_sentences, shuffle=True,
                                                seed=seed * 100_003 + epoch))
        return self._order[1]

    def batches(self, epoch: int, start: int, take: Callable[[int], bool], batch_tokens: int,
                batch_sentences: int, seed: int) -> Iterator[Batch | None]:
        """The batches of ``epoch`` from the ``start``-th on; the k-th of them (counting from
        ``start``) is built only when ``take(k)`` (this rank's share), else None."""
        order = self.epoch_order(epoch, batch_tokens, batch_sentences, seed)
        for k, idx in enumerate(order[start:]):
            yield self.batch(idx) if take(k) else None

    def count(self, epoch: int, batch_tokens: int, batch_sentences: int, seed: int) -> int | None:
        return len(self.epoch_order(epoch, batch_tokens, batch_sentences, seed))

    def chunks(self, limit: int, size: int = 4096) -> Iterator[IdChunk]:
        """The first ``limit`` pairs as flat id chunks of ``size`` pairs (shortlist counting)."""
        for start in range(0, min(limit, len(self)), size):
            pos = np.arange(start, min(start + size, limit, len(self)))
            src, tgt = self._gather(pos)
            yield IdChunk(src, self.src_len[pos], tgt, self.tgt_len[pos])


# --------------------------------------------------------------------------- preparing it


def _sample_rows(n: int, k: int, block: int = 100, seed: int = 0) -> np.ndarray | None:
    """About ``k`` of ``n`` rows, in corpus order, as ``k / block`` runs of ``block`` consecutive
    rows at random places; None when k covers them all.

    Why runs: the text is memory-mapped, and rows drawn one by one from a 4M-pair corpus
    touch a page each (1.1 GB of the 1.2 GB Arrow file resident, measured); a thousand runs
    touch 30 MB, and a thousand places spread over the corpus sample it as well for
    SentencePiece, which counts pieces, not sentence order.
    """
    if k <= 0 or k >= n:
        return None
    rng = np.random.default_rng(seed)
    if n < 10 * block:  # a small corpus: single rows
        return np.sort(rng.choice(n, size=k, replace=False))
    runs = max(1, k // block)
    starts = np.sort(rng.choice(n // block, size=min(runs, n // block), replace=False))
    return (starts[:, None] * block + np.arange(block)[None, :]).reshape(-1)


def _train_tokenizer(cfg: Config, text: Any, log: Log) -> Tokenizer:
    """SentencePiece on a sample of vocab.input_sentence_size sentences (all, in order, when the
    corpus is smaller: the same model the in-memory pipeline trained)."""
    v = cfg.vocab
    per_side = v.input_sentence_size // 2 if v.joint else v.input_sentence_size
    rows = _sample_rows(len(text), per_side)
    part = text if rows is None else text.select(rows)
    src, tgt = as_text(part["src"]), as_text(part["tgt"])
    keep = [i for i in range(len(src)) if src[i].strip() and tgt[i].strip()]
    src, tgt = [src[i] for i in keep], [tgt[i] for i in keep]
    what = f"{len(src)} pairs" + ("" if rows is None else f" (a sample of {len(text)})")
    log(f"vocab: training SentencePiece ({v.type}, {v.vocab_size}, {'joint' if v.joint else 'separate'}) on {what}")
    return Tokenizer.train(src, tgt, v)


def _cached_tokenizer(cfg: Config, text: Any, folder: Path, log: Log) -> Tokenizer:
    d, v = cfg.data, cfg.vocab
    key = _key("spm", text._fingerprint, d.src_lang, d.tgt_lang, v.type, v.vocab_size, v.joint,
               v.character_coverage, v.input_sentence_size)
    src_path, tgt_path = folder / f"spm-{key}.src.model", folder / f"spm-{key}.tgt.model"
    if src_path.is_file() and tgt_path.is_file():
        log(f"vocab: SentencePiece model(s) from the cache ({src_path.name})")
        return Tokenizer(src_path.read_bytes(), tgt_path.read_bytes())
    tok = _train_tokenizer(cfg, text, log)
    atomic_write(src_path, lambda f: f.write(tok.src_proto))
    atomic_write(tgt_path, lambda f: f.write(tok.tgt_proto))
    return tok


def _tokenize(cfg: Config, text: Any, tok: Tokenizer, folder: Path, log: Log) -> Any:
    key = _key("ids", text._fingerprint, hashlib.sha256(tok.src_proto).hexdigest(),
               hashlib.sha256(tok.tgt_proto).hexdigest())
    path = folder / f"ids-{key}.arrow"
    procs = num_proc(cfg, len(text))
    shards = [path] if procs == 1 else [path.with_name(f"ids-{key}_{i:05d}_of_{procs:05d}.arrow")
                                        for i in range(procs)]
    if not all(p.is_file() for p in shards):
        log(f"data: tokenizing {len(text)} training pairs with {procs} process(es) into {folder}")
    return text.map(encode_batch, batched=True, batch_size=2000, num_proc=procs if procs > 1 else None,
                    fn_kwargs={"src_proto": tok.src_proto, "tgt_proto": tok.tgt_proto},
                    remove_columns=list(text.column_names), features=_id_features(tok),
                    cache_file_name=str(path), new_fingerprint=key, load_from_cache_file=True)


def _kept_rows(cfg: Config, ids: Any, log: Log) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Rows with both sides non-blank and within data.max_len pieces (source without EOS)."""
    d = cfg.data
    table = ids.data.table
    src_len = table.column("src_len").to_numpy()
    tgt_len = table.column("tgt_len").to_numpy()
    blank = table.column("blank").to_numpy(zero_copy_only=False)
    if blank.any():
        log(f"data: dropped {int(blank.sum())} training pairs with an empty side")
    if blank.all():
        raise NmtError(f"{d.dataset} [{d.train_split}]: the training set is empty")
    fits = (src_len - 1 <= d.max_len) & (tgt_len <= d.max_len)
    long = int((~blank & ~fits).sum())
    if long:
        log(f"data: dropped {long} training pairs longer than {d.max_len} pieces")
    rows = np.flatnonzero(~blank & fits)
    if not len(rows):
        raise NmtError(f"{d.dataset} [{d.train_split}]: no training pair fits data.max_len={d.max_len}")
    return rows, src_len[rows].astype(np.int32), tgt_len[rows].astype(np.int32)


def cached_shortlist(path: Path, count: Callable[[], Shortlist]) -> Shortlist:
    """The shortlist table cached at ``path``, or ``count()`` written there."""
    if path.is_file():
        with np.load(path) as f:
            return Shortlist(torch.from_numpy(f["frequent"]), torch.from_numpy(f["table"]), bool(f["joint"]))
    sl = count()
    atomic_write(path, lambda f: np.savez(f, frequent=sl.frequent.numpy(), table=sl.table.numpy(),
                                          joint=np.array(sl.joint)))
    return sl


def open_cache(cfg: Config) -> Path:
    """The cache folder, created if need be (a one-line error when it cannot be)."""
    folder = cache_dir(cfg)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise NmtError(f"data.cache_dir: cannot create {folder} ({exc.strerror or exc})") from None
    return folder


def training_text(cfg: Config) -> Any:
    """The training split as a datasets.Dataset with ``src``/``tgt`` text columns, cut to
    data.max_train_examples."""
    d = cfg.data
    text = load_split(d.dataset, d.name, d.train_split, d.src_lang, d.tgt_lang)
    if d.max_train_examples and d.max_train_examples < len(text):
        text = text.select(range(d.max_train_examples))
    if len(text) == 0:
        raise NmtError(f"{d.dataset} [{d.train_split}]: the training set is empty")
    return text


def prepare_corpus(cfg: Config, tok: Tokenizer | None = None, log: Log = lambda m: None
                   ) -> tuple[TokenCorpus, Tokenizer, Shortlist]:
    """The training set as ids, the tokenizer (trained or ``tok``, e.g. a resumed run's) and
    the shortlist table, each read from the cache or made and cached."""
    folder = open_cache(cfg)
    text = training_text(cfg)
    if tok is None:
        tok = _cached_tokenizer(cfg, text, folder, log)
    ids = _tokenize(cfg, text, tok, folder, log)
    del text  # unmaps the text's pages: training reads ids only
    rows, src_len, tgt_len = _kept_rows(cfg, ids, log)
    corpus = TokenCorpus(ids, rows, src_len, tgt_len)

    def count() -> Shortlist:
        log(f"data: counting the shortlist table over {min(MAX_PAIRS, len(corpus))} pairs")
        return count_shortlist(lambda: corpus.chunks(MAX_PAIRS), tok.src_vocab_size, tok.tgt_vocab_size, tok.joint)

    key = _key("shortlist", ids._fingerprint, cfg.data.max_len)
    return corpus, tok, cached_shortlist(folder / f"shortlist-{key}.npz", count)
