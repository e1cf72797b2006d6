"""The training set as flat token ids on disk, read memory-mapped.

Why: a corpus held as Python lists costs ~10 KB a pair (11 GB at 1M pairs).
Here the ids of every pair are stored one after the other (``src.bin``), with
where each pair starts (``src_off.bin``), the same for targets, every pair's
lengths and a blank flag: an ``ids-KEY/`` folder that :mod:`nmt.data.cache`
writes once from ``datasets.map``'s output. Training maps the ids read-only and
reads the lengths whole: a batch is gathered from its index array, a run
touches only the pages of the batches it reads, and nothing grows with the
corpus but the length arrays (~20 bytes a pair).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

import numpy as np
import torch

from nmt.data.batching import Batch, batch_indices
from nmt.shortlist import IdChunk
from nmt.tokenizer import BOS_ID, EOS_ID, PAD_ID


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
    """The training pairs as ids, stored flat: ``src``/``tgt`` every pair's ids one after
    the other (memory-mapped), ``src_off``/``tgt_off`` (P + 1,) where pair p starts;
    ``rows`` (N,) the pairs training uses, in corpus order; ``src_len``/``tgt_len`` (N,)
    their lengths (source with EOS, target without BOS/EOS)."""

    src: np.ndarray
    src_off: np.ndarray
    tgt: np.ndarray
    tgt_off: np.ndarray
    rows: np.ndarray
    src_len: np.ndarray
    tgt_len: np.ndarray
    _order: tuple[int, list[np.ndarray]] | None = None

    def __len__(self) -> int:
        return len(self.rows)

    def lengths(self) -> np.ndarray:
        """Padded cost of each pair for token-budget batching: max(source, target + 1)."""
        return np.maximum(self.src_len, self.tgt_len + 1)

    def _gather(self, positions: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        rows = self.rows[np.asarray(positions, dtype=np.int64)]
        out = []
        for values, off in ((self.src, self.src_off), (self.tgt, self.tgt_off)):
            starts, ends = off[rows].tolist(), off[rows + 1].tolist()
            parts = [values[a:b] for a, b in zip(starts, ends)]
            out.append(np.concatenate(parts) if parts else np.zeros(0, dtype=values.dtype))
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


IDS_FILES = ("src", "src_off", "src_len", "tgt", "tgt_off", "tgt_len", "blank")


def arrow_to_flat(files: list[str], out: Path, dtype: str) -> dict[str, int]:
    """Copy the ids of datasets.map's Arrow files into flat files, one record batch at a time
    read with plain reads (not mapped, so none of it stays in this process's memory)."""
    import pyarrow as pa

    sinks = {name: open(out / f"{name}.bin", "wb") for name in IDS_FILES}
    counts = {"pairs": 0, "src": 0, "tgt": 0}
    try:
        sinks["src_off"].write(np.zeros(1, dtype=np.int64).tobytes())
        sinks["tgt_off"].write(np.zeros(1, dtype=np.int64).tobytes())
        for path in files:
            with pa.OSFile(path, "rb") as f:
                for batch in pa.ipc.open_stream(f):
                    for side in ("src", "tgt"):
                        column = batch.column(f"{side}_ids")
                        values = column.flatten().to_numpy(zero_copy_only=False).astype(dtype, copy=False)
                        sinks[side].write(values.tobytes())
                        lengths = batch.column(f"{side}_len").to_numpy(zero_copy_only=False).astype(np.int64)
                        sinks[f"{side}_off"].write((counts[side] + np.cumsum(lengths)).tobytes())
                        sinks[f"{side}_len"].write(lengths.astype(np.int32).tobytes())
                        counts[side] += int(lengths.sum())
                    sinks["blank"].write(batch.column("blank").to_numpy(zero_copy_only=False).astype(np.bool_).tobytes())
                    counts["pairs"] += batch.num_rows
    finally:
        for f in sinks.values():
            f.close()
    return counts


def map_ids(path: Path) -> dict[str, np.ndarray]:
    """The flat ids and offsets of a finished ``ids-KEY/`` entry, memory-mapped read-only."""
    meta = json.loads((path / "meta.json").read_text())
    shapes = {"src": (meta["src"], meta["dtype"]), "src_off": (meta["pairs"] + 1, "int64"),
              "tgt": (meta["tgt"], meta["dtype"]), "tgt_off": (meta["pairs"] + 1, "int64")}
    return {name: np.memmap(path / f"{name}.bin", dtype=dtype, mode="r", shape=(count,)) if count
            else np.zeros(0, dtype=dtype) for name, (count, dtype) in shapes.items()}


def read_lengths(path: Path) -> dict[str, np.ndarray]:
    """Every pair's lengths and blank flag, read whole (every run needs all of them)."""
    return {name: np.fromfile(path / f"{name}.bin", dtype=dtype)
            for name, dtype in (("src_len", np.int32), ("tgt_len", np.int32), ("blank", np.bool_))}
