"""Preparing the training set once: SentencePiece, tokenization and the shortlist, cached.

``nmt train`` tokenizes the training split with ``datasets.map(batched=True,
num_proc=N)`` and keeps the ids as flat memory-mapped files (:mod:`nmt.data.corpus`).
The cache (``data.cache_dir``, else ``$NMT_CACHE``, else ``~/.cache/nmt``)
holds three kinds of entry, each keyed by what made it, so a changed corpus or
setting makes new entries instead of reading stale ones. The corpus key is
the split's data files (for local files with their sizes and modification
times; hub files name their revision), the language pair and
``data.max_train_examples``, so a cached run never reads the text at all:

* ``spm-KEY.{src,tgt}.model``: the SentencePiece model(s), KEY = the corpus key
  and the vocabulary settings;
* ``ids-KEY/``: the token ids, KEY = the corpus key and the bytes of the
  SentencePiece model(s);
* ``shortlist-KEY.npz``: the lexical shortlist table of those ids.

A second run of the same config, and every ``--resume``, finds all three and
starts training in seconds. Files are written atomically (:mod:`nmt.atomic`;
``ids-KEY/`` is renamed into place once complete), so a run killed while
writing leaves no half-entry behind.
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any, Callable

import numpy as np
import torch

from nmt.atomic import atomic_write
from nmt.config import Config
from nmt.config.directions import directions_of, is_multilingual, user_symbols
from nmt.data.corpus import TokenCorpus, arrow_to_flat, map_ids, read_lengths
from nmt.data.sources import (
    as_text,
    data_files,
    drop_empty,
    is_mixture,
    training_corpora,
    training_name,
    training_split,
)
from nmt.errors import NmtError
from nmt.shortlist import MAX_PAIRS, Shortlist, count_shortlist
from nmt.tokenizer import Tokenizer

Log = Callable[[str], None]

# Bump when the layout of a cached file changes, so older files are not read.
CACHE_VERSION = 2


def cache_dir(cfg: Config) -> Path:
    """The cache folder: data.cache_dir, else $NMT_CACHE, else ~/.cache/nmt."""
    path = cfg.data.cache_dir or os.environ.get("NMT_CACHE") or "~/.cache/nmt"
    return Path(path).expanduser()


def cache_key(*parts: Any) -> str:
    """A short hash of ``parts`` (their reprs) and CACHE_VERSION: the name of a cache entry."""
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


def _sample_rows(n: int, k: int, block: int = 100, seed: int = 0) -> np.ndarray | None:
    """About ``k`` of ``n`` rows, in corpus order, as ``k / block`` runs of ``block`` consecutive
    rows at random places; None when k covers them all.

    Why runs: the text is memory-mapped, and rows drawn one by one from a 4M-pair corpus
    touch a page each, so most of the file becomes resident (scripts/bench_scale.py, 4M
    pairs, cold: peak RSS 2378 MB with single rows, 1617 MB with runs; its results file
    at commits 90a4800 and 44e7c31). A thousand places spread over the corpus sample it
    as well for SentencePiece, which counts pieces, not sentence order.
    """
    if k <= 0 or k >= n:
        return None
    rng = np.random.default_rng(seed)
    if n < 10 * block:  # a small corpus: single rows
        return np.sort(rng.choice(n, size=k, replace=False))
    runs = max(1, k // block)
    starts = np.sort(rng.choice(n // block, size=min(runs, n // block), replace=False))
    return (starts[:, None] * block + np.arange(block)[None, :]).reshape(-1)


def corpus_key(cfg: Config) -> Any:
    """What identifies the training split without reading it: its data files (local ones
    with size and modification time), the languages and data.max_train_examples (and each
    corpus's weight and tag, and the seed that interleaves them, with data.corpora; the
    directions and their temperature with data.directions). A dataset not made of data
    files falls back to ``datasets``' own fingerprint."""
    d = cfg.data
    idents = []
    for x in directions_of(d):
        for c in training_corpora(d):
            files = data_files(c.dataset, c.name, c.split or d.train_split, x.src, x.tgt)
            if files is None:  # a streamed one is known by its name alone
                ident: Any = None if d.streaming else training_text(cfg)._fingerprint
            else:
                ident = [(f, os.stat(f).st_size, os.stat(f).st_mtime_ns) if os.path.exists(f) else f for f in files]
            idents.append((c.dataset, c.name, c.split, c.weight, ident) + ((c.tag,) if c.tag else ()))
    mix = cfg.train.seed if is_mixture(d) or is_multilingual(d) else None
    base = (d.src_lang, d.tgt_lang, d.max_train_examples)
    if is_multilingual(d):
        return ("directions", tuple(d.directions), d.direction_temperature, d.max_train_examples, mix, idents)
    if not d.corpora:  # the key earlier versions wrote, so their cache entries stay valid
        dataset, name, split, _, ident = idents[0]
        return (dataset, name, split, *base, ident)
    return ("corpora", *base, mix, idents)


def spm_settings(cfg: Config) -> tuple:
    """What a SentencePiece model depends on besides the corpus: the vocab settings and the
    pieces kept whole (byte fallback and tags only when used, so older cache keys stay valid)."""
    v, symbols = cfg.vocab, user_symbols(cfg.data)
    extra = (v.byte_fallback, symbols) if v.byte_fallback or symbols else ()
    return (v.type, v.vocab_size, v.joint, v.character_coverage, v.input_sentence_size, *extra)


def _train_tokenizer(cfg: Config, log: Log) -> Tokenizer:
    """SentencePiece on a sample of vocab.input_sentence_size sentences (all, in order, when the
    corpus is smaller: the same model the in-memory pipeline trained). The text is let go
    before SentencePiece runs, so its mapped pages do not add to the trainer's memory."""
    v = cfg.vocab
    text = training_text(cfg)
    n = len(text)
    rows = _sample_rows(n, v.input_sentence_size // 2 if v.joint else v.input_sentence_size)
    part = text if rows is None else text.select(rows)
    pairs, _ = drop_empty(list(zip(as_text(part["src"]), as_text(part["tgt"]))))
    del text, part
    gc.collect()
    what = f"{len(pairs)} pairs" + ("" if rows is None else f" (a sample of {n})")
    log(f"vocab: training SentencePiece ({v.type}, {v.vocab_size}, {'joint' if v.joint else 'separate'}) on {what}")
    symbols = user_symbols(cfg.data)
    if symbols or v.byte_fallback:
        log(f"vocab: pieces kept whole: {', '.join(symbols) or 'none'}; byte fallback "
            f"{'on' if v.byte_fallback else 'off'}")
    return Tokenizer.train([s for s, _ in pairs], [t for _, t in pairs], v, symbols)


def cached_tokenizer(key: str, folder: Path, train: Callable[[], Tokenizer], log: Log) -> Tokenizer:
    """The SentencePiece model(s) cached under ``key``, or ``train()`` written there."""
    src_path, tgt_path = folder / f"spm-{key}.src.model", folder / f"spm-{key}.tgt.model"
    if src_path.is_file() and tgt_path.is_file():
        log(f"vocab: SentencePiece model(s) from the cache ({src_path.name})")
        return Tokenizer(src_path.read_bytes(), tgt_path.read_bytes())
    tok = train()
    atomic_write(src_path, lambda f: f.write(tok.src_proto))
    atomic_write(tgt_path, lambda f: f.write(tok.tgt_proto))
    return tok


def _write_ids(cfg: Config, tok: Tokenizer, folder: Path, final: Path, log: Log) -> None:
    """Tokenize the training split with datasets.map into ``final`` (flat ids + meta.json)."""
    import datasets

    text = training_text(cfg)
    procs = num_proc(cfg, len(text))
    dtype = "uint16" if max(tok.src_vocab_size, tok.tgt_vocab_size) <= 65_535 else "int32"
    log(f"data: tokenizing {len(text)} training pairs with {procs} process(es) into {folder}")
    tmp = Path(tempfile.mkdtemp(prefix=f".{final.name}.", dir=folder))
    try:
        features = datasets.Features({
            "src_ids": datasets.Sequence(datasets.Value(dtype)), "tgt_ids": datasets.Sequence(datasets.Value(dtype)),
            "src_len": datasets.Value("int32"), "tgt_len": datasets.Value("int32"), "blank": datasets.Value("bool")})
        ids = text.map(encode_batch, batched=True, batch_size=2000, num_proc=procs if procs > 1 else None,
                       fn_kwargs={"src_proto": tok.src_proto, "tgt_proto": tok.tgt_proto},
                       remove_columns=list(text.column_names), features=features,
                       cache_file_name=str(tmp / "ids.arrow"), new_fingerprint=final.name,
                       load_from_cache_file=False)
        files = [f["filename"] for f in ids.cache_files]
        del ids, text
        gc.collect()
        counts = arrow_to_flat(files, tmp, dtype)
        for f in files:
            os.unlink(f)
        (tmp / "meta.json").write_text(json.dumps({"dtype": dtype, **counts}))
        try:
            os.replace(tmp, final)
        except OSError:
            if not (final / "meta.json").is_file():  # not another process's finished entry
                raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _kept_rows(cfg: Config, ids: dict[str, np.ndarray], log: Log, hashes: np.ndarray | None = None,
               ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Rows with both sides non-blank and within data.max_len pieces (source without EOS),
    then data.filter's: a length ratio within max_ratio, the first of duplicate pairs."""
    d = cfg.data
    src_len, tgt_len, blank = ids["src_len"], ids["tgt_len"], ids["blank"]
    if blank.any():
        log(f"data: dropped {int(blank.sum())} training pairs with an empty side")
    if blank.all():
        raise NmtError(f"{training_name(cfg.data)}: the training set is empty")
    fits = (src_len - 1 <= d.max_len) & (tgt_len <= d.max_len)
    long = int((~blank & ~fits).sum())
    if long:
        log(f"data: dropped {long} training pairs longer than {d.max_len} pieces")
    keep = ~blank & fits
    if d.filter.max_ratio:
        s, t = src_len - 1, tgt_len
        skewed = keep & (np.maximum(s, t) > d.filter.max_ratio * np.minimum(s, t))
        log(f"data: dropped {int(skewed.sum())} training pairs whose length ratio exceeds "
            f"{d.filter.max_ratio:g} (data.filter.max_ratio)")
        keep &= ~skewed
    rows = np.flatnonzero(keep)
    if hashes is not None:
        _, first = np.unique(hashes[rows], return_index=True)
        log(f"data: dropped {len(rows) - len(first)} duplicate training pairs (data.filter.dedup)")
        rows = rows[np.sort(first)]
    rows = rows.astype(np.int32) if len(blank) < 2**31 else rows
    if not len(rows):
        raise NmtError(f"{training_name(cfg.data)}: no training pair fits data.max_len={d.max_len}"
                       + (" and data.filter" if d.filter.max_ratio or d.filter.dedup else ""))
    log(f"data: training on {len(rows)} of {len(blank)} pairs")
    return rows, src_len[rows], tgt_len[rows]


def hash_batch(batch: dict[str, list]) -> dict[str, list]:
    """datasets.map function: an 8-byte hash of each (source, target) pair (data.filter.dedup)."""
    return {"hash": [int.from_bytes(hashlib.blake2b(f"{s}\0{t}".encode("utf-8", "surrogatepass"),
                                                    digest_size=8).digest(), "little", signed=True)
                     for s, t in zip(as_text(batch["src"]), as_text(batch["tgt"]))]}


def pair_hashes(cfg: Config, path: Path, log: Log) -> np.ndarray:
    """Each training pair's hash (int64, in corpus order), cached at ``path``: 8 bytes a
    pair (32 MB at 4M pairs), made with datasets.map over the text, which streams it."""
    import datasets

    if path.is_file():
        return np.load(path)
    text = training_text(cfg)
    log(f"data: hashing {len(text)} training pairs for data.filter.dedup")
    tmp = Path(tempfile.mkdtemp(prefix=f".{path.stem}.", dir=path.parent))
    try:
        hashed = text.map(hash_batch, batched=True, batch_size=10_000, remove_columns=list(text.column_names),
                          features=datasets.Features({"hash": datasets.Value("int64")}),
                          num_proc=num_proc(cfg, len(text)) if num_proc(cfg, len(text)) > 1 else None,
                          cache_file_name=str(tmp / "hash.arrow"), new_fingerprint=path.stem,
                          load_from_cache_file=False)
        hashes = hashed.with_format("arrow")["hash"].to_numpy().astype(np.int64, copy=False)
        del hashed
        atomic_write(path, lambda f: np.save(f, hashes))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return hashes


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
    text = training_split(d, seed=cfg.train.seed)
    if d.max_train_examples and d.max_train_examples < len(text) and not is_multilingual(d):  # else: per direction
        text = text.select(range(d.max_train_examples))
    if len(text) == 0:
        raise NmtError(f"{training_name(cfg.data)}: the training set is empty")
    return text


def prepare_corpus(cfg: Config, tok: Tokenizer | None = None, log: Log = lambda m: None
                   ) -> tuple[TokenCorpus, Tokenizer, Shortlist]:
    """The training set as ids, the tokenizer (trained or ``tok``, e.g. a resumed run's) and
    the shortlist table, each read from the cache or made and cached."""
    folder = open_cache(cfg)
    if cfg.data.corpora:
        how = "drawn by weight" if is_mixture(cfg.data) else "concatenated"
        log(f"data: training on {training_name(cfg.data)} ({how})")
    corpus_id = corpus_key(cfg)
    if tok is None:
        spm_key = cache_key("spm", corpus_id, *spm_settings(cfg))
        tok = cached_tokenizer(spm_key, folder, lambda: _train_tokenizer(cfg, log), log)
    ids_key = cache_key("ids", corpus_id, hashlib.sha256(tok.src_proto).hexdigest(),
                   hashlib.sha256(tok.tgt_proto).hexdigest())
    path = folder / f"ids-{ids_key}"
    if not (path / "meta.json").is_file():
        _write_ids(cfg, tok, folder, path, log)
    hashes = pair_hashes(cfg, folder / f"hashes-{cache_key('hashes', corpus_id)}.npy", log) if cfg.data.filter.dedup else None
    rows, src_len, tgt_len = _kept_rows(cfg, read_lengths(path), log, hashes)

    def open_corpus() -> TokenCorpus:
        return TokenCorpus(**map_ids(path), rows=rows, src_len=src_len, tgt_len=tgt_len)

    def count() -> Shortlist:
        # A mapping of its own: the pages this pass reads (500k pairs) go with it, instead of
        # staying in the resident memory of the process that then trains.
        view = open_corpus()
        log(f"data: counting the shortlist table over {min(MAX_PAIRS, len(view))} pairs")
        return count_shortlist(lambda: view.chunks(MAX_PAIRS), tok.src_vocab_size, tok.tgt_vocab_size, tok.joint)

    f = cfg.data.filter
    key = cache_key("shortlist", ids_key, cfg.data.max_len, *((f.max_ratio, f.dedup) if f.max_ratio or f.dedup else ()))
    shortlist = cached_shortlist(folder / f"shortlist-{key}.npz", count)
    return open_corpus(), tok, shortlist
