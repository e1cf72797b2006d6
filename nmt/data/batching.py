"""Token-budget batches with length bucketing, and padding into tensors.

One batching function serves training and translation: sort by length so a
batch wastes little on padding, cut it where the padded size would pass the
budget, and (for training) shuffle the order of the batches. The order of an
epoch is a pure function of (seed, epoch), which is what makes ``--resume``
exact: the loop only has to remember how many batches of the epoch it took.
"""

from __future__ import annotations

import random
from array import array
from dataclasses import dataclass
from typing import Sequence

import numpy as np
import torch

from nmt.tokenizer import BOS_ID, EOS_ID, PAD_ID


def batch_indices(
    lengths: Sequence[int] | np.ndarray,
    batch_tokens: int = 0,
    batch_sentences: int = 0,
    shuffle: bool = False,
    seed: int = 0,
) -> list[np.ndarray]:
    """Group example indices into batches of similar length (each an int64 index array).

    ``lengths[i]`` is the padded cost of example i (e.g. max(src, tgt+1)).
    A batch of n examples of max length L costs n * L; it is closed when the
    next example would push it past ``batch_tokens``, or when it holds
    ``batch_sentences`` examples if that is > 0. With ``shuffle``, examples are
    shuffled first (so equal lengths mix across epochs), sorted within chunks
    of about 100 batches (bucketing), and the batches shuffled.

    Memory is a few integer arrays of the corpus size (16 MB each at 4M pairs),
    never a Python object per example. The permutation is still ``random.Random(seed)``'s
    shuffle (run over a compact ``array``), so every seed gives the same batches
    as the list-based version that trained the published models.
    """
    if batch_tokens <= 0 and batch_sentences <= 0:
        raise ValueError("batch_indices needs batch_tokens or batch_sentences > 0")
    lengths = np.asarray(lengths)
    if lengths.dtype.kind not in "iu":
        lengths = lengths.astype(np.int64)
    n = len(lengths)
    if n == 0:
        return []
    rng = random.Random(seed)
    if shuffle:
        # int32 indices while they fit: 16 MB instead of 32 at 4M pairs.
        code, dtype = ("i", np.int32) if n < 2**31 else ("q", np.int64)
        perm = array(code, range(n))
        rng.shuffle(perm)
        order = np.frombuffer(perm, dtype=dtype).copy()
        del perm
        avg = max(1, int(lengths.sum()) // n)
        per_batch = batch_sentences or max(1, batch_tokens // avg)
        chunk = per_batch * 100
        for c in range(0, n, chunk):  # stable sort by length within each chunk
            part = order[c:c + chunk]
            order[c:c + chunk] = part[np.argsort(lengths[part], kind="stable")]
    else:
        order = np.argsort(lengths, kind="stable")
    cuts: list[int] = []
    count = longest = 0
    for start in range(0, n, 1 << 16):  # the greedy cut, a block of plain ints at a time
        for pos, length in enumerate(lengths[order[start:start + (1 << 16)]].tolist(), start):
            new_longest = max(longest, length)
            full = (batch_sentences > 0 and count >= batch_sentences) or (
                batch_sentences <= 0 and count and new_longest * (count + 1) > batch_tokens
            )
            if full:
                cuts.append(pos)
                count, new_longest = 0, length
            count += 1
            longest = new_longest
    batches = np.split(order, cuts)
    if shuffle:
        rng.shuffle(batches)
    return batches


def pad(seqs: list[list[int]], pad_id: int = PAD_ID) -> torch.Tensor:
    """(batch, max_len) long tensor, right-padded."""
    longest = max((len(s) for s in seqs), default=0)
    out = torch.full((len(seqs), max(longest, 1)), pad_id, dtype=torch.long)
    for row, s in enumerate(seqs):
        if s:
            out[row, : len(s)] = torch.tensor(s, dtype=torch.long)
    return out


@dataclass
class Batch:
    """Padded tensors for one training or validation batch.

    src: (B, S) source ids ending in EOS; src_len: (B,)
    tgt_in: (B, T) BOS + target; tgt_out: (B, T) target + EOS; both PAD-padded.
    """

    src: torch.Tensor
    src_len: torch.Tensor
    tgt_in: torch.Tensor
    tgt_out: torch.Tensor

    @property
    def n_tgt_tokens(self) -> int:
        return int((self.tgt_out != PAD_ID).sum())

    def to(self, device: torch.device) -> "Batch":
        """The same batch on ``device`` (lengths too: the encoder moves them back for packing)."""
        if self.src.device == device:
            return self
        return Batch(*(t.to(device, non_blocking=True) for t in (self.src, self.src_len, self.tgt_in, self.tgt_out)))


def make_batch(src: list[list[int]], tgt: list[list[int]]) -> Batch:
    # Every source has at least its EOS, so lengths are >= 1 (packing needs that).
    src_len = torch.tensor([max(1, len(s)) for s in src], dtype=torch.long)
    return Batch(
        src=pad(src),
        src_len=src_len,
        tgt_in=pad([[BOS_ID] + t for t in tgt]),
        tgt_out=pad([t + [EOS_ID] for t in tgt]),
    )


def make_src_batch(src: list[list[int]]) -> tuple[torch.Tensor, torch.Tensor]:
    """Source-only batch for decoding: (B, S) ids and (B,) lengths."""
    return pad(src), torch.tensor([max(1, len(s)) for s in src], dtype=torch.long)
