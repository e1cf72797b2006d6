"""Lexical shortlists: the target pieces a sentence's translation is searched over.

Why: the output projection and softmax over the whole target vocabulary are
the largest cost of a CPU decoding step (an 8000-way projection is half the
multiply-adds of the default model's step, and its log-softmax and top-k
come on top), yet a sentence's translation uses a few dozen distinct pieces.
Marian and CTranslate2 restrict the output layer to a *shortlist*: the most
frequent target pieces plus, for each source piece, the target pieces that
most often translate it (Jean et al. 2015, Section 3.2; L'Hostis et al. 2016).

Here the table comes from the training data itself, with no aligner: a
source piece s and a target piece t are partners in proportion to how often
they occur in the same sentence pair, scored with ``c(s,t) * log(c(s,t) N /
(c(s) c(t)))`` over sentence counts (the leading term of Dunning's
log-likelihood ratio: association weighted by evidence). Unlike p(t|s) it
does not rank every source piece's partners by the frequency of "a" and ".",
and unlike the Dice coefficient or PMI it does not promote pairs seen once.
On Multi30k de→en validation, with 100 frequent pieces and 20 per source
piece (214 pieces per sentence on average), it covers 97.8% of the pieces
the full-vocabulary beam search writes (ranked by Dice: 97.2%).
It is built once when training starts and stored in every checkpoint.

Each sentence gets its *own* vocabulary (not one per batch, as in Marian), so
a translation never depends on which sentences share its batch: the special
ids, the ``frequent`` most frequent target pieces, the ``per_source`` best
partners of each of its source pieces and, with a joint vocabulary, the
source pieces themselves (names and numbers are copied). The softmax is
taken over those pieces only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Iterable, Iterator, Sequence

import numpy as np
import torch

from nmt.tokenizer import EOS_ID, PAD_ID

SPECIALS = EOS_ID + 1  # PAD, UNK, BOS, EOS are ids 0..3: always in, always in columns 0..3
MAX_PER_SOURCE = 64  # partners stored per source piece; decoding uses the first decode.shortlist_per_source
MAX_PAIRS = 500_000  # sentence pairs counted; enough to rank partners, bounded time on large corpora


@dataclass(frozen=True)
class SentenceVocab:
    """Each sentence's target pieces: ``ids`` (B, n) sorted, the special ids in columns
    0..3; ``real`` (B, n) is False in the columns that only pad a row to width n."""

    ids: torch.Tensor
    real: torch.Tensor

    def index_select(self, index: torch.Tensor) -> "SentenceVocab":
        return SentenceVocab(self.ids.index_select(0, index), self.real.index_select(0, index))


@dataclass(frozen=True)
class Shortlist:
    """``frequent``: (V_tgt,) target ids, most frequent first; ``table``: (V_src, M) each
    source piece's target partners, best first (PAD where it has fewer than M);
    ``joint``: source ids are target ids too, so source pieces may be copied."""

    frequent: torch.Tensor
    table: torch.Tensor
    joint: bool

    def to_payload(self) -> dict[str, Any]:
        return {"frequent": self.frequent.int(), "table": self.table.int(), "joint": self.joint}

    @classmethod
    def from_payload(cls, data: dict[str, Any]) -> "Shortlist":
        return cls(data["frequent"].long(), data["table"].long(), bool(data["joint"]))

    def sentence_vocab(self, src: torch.Tensor, src_len: torch.Tensor, frequent: int, per_source: int,
                       multiple: int = 64) -> SentenceVocab:
        """The shortlist of each of the (B, S) source sentences.

        The width ``n`` is a multiple of ``multiple`` (the blocked top-k of search
        wants one); pad columns hold PAD and are masked out of the softmax by search.
        """
        return _vocab_of(self.candidates(src, src_len, frequent, per_source), int(self.frequent.numel()), multiple)

    def candidates(self, src: torch.Tensor, src_len: torch.Tensor, frequent: int, per_source: int) -> torch.Tensor:
        """(B, C) target ids each sentence may use, with repeats."""
        B, S = src.shape
        device = src.device
        present = torch.arange(S, device=device).unsqueeze(0) < src_len.unsqueeze(1)
        src = src.masked_fill(~present, PAD_ID)
        lex = self.table[:, :per_source].to(device)[src]  # B x S x per_source
        lex = lex.masked_fill((src < SPECIALS).unsqueeze(2), PAD_ID)  # padding, EOS: no partners
        parts = [torch.arange(SPECIALS, device=device).expand(B, SPECIALS),
                 self.frequent[:frequent].to(device).expand(B, -1), lex.reshape(B, -1)]
        if self.joint:
            parts.append(src)
        return torch.cat(parts, dim=1)


def union_vocab(shortlists: Sequence[Shortlist], src: torch.Tensor, src_len: torch.Tensor, frequent: int,
                per_source: int, multiple: int = 64) -> SentenceVocab:
    """Each sentence's pieces in any of ``shortlists`` (an ensemble's members)."""
    cand = torch.cat([s.candidates(src, src_len, frequent, per_source) for s in shortlists], dim=1)
    return _vocab_of(cand, max(int(s.frequent.numel()) for s in shortlists), multiple)


def _vocab_of(cand: torch.Tensor, sentinel: int, multiple: int) -> SentenceVocab:
    """Sorted distinct ids per row, padded to a common width that is a multiple of ``multiple``;
    ``sentinel`` is larger than any id (it sorts after the real ones)."""
    B = cand.size(0)
    cand = cand.sort(dim=1).values
    dup = torch.zeros_like(cand, dtype=torch.bool)
    dup[:, 1:] = cand[:, 1:] == cand[:, :-1]
    cand = cand.masked_fill(dup, sentinel).sort(dim=1).values
    width = int((~dup).sum(dim=1).max())
    width = -(-width // multiple) * multiple
    if width > cand.size(1):
        cand = torch.cat([cand, cand.new_full((B, width - cand.size(1)), sentinel)], dim=1)
    ids = cand[:, :width]
    real = ids != sentinel
    return SentenceVocab(ids.masked_fill(~real, PAD_ID), real)


@dataclass(frozen=True)
class IdChunk:
    """Pairs of id sequences stored flat: ``src`` holds every source sequence one after
    the other and ``src_len`` their lengths; ``tgt``/``tgt_len`` the same for targets."""

    src: np.ndarray
    src_len: np.ndarray
    tgt: np.ndarray
    tgt_len: np.ndarray

    @classmethod
    def from_lists(cls, src: Sequence[Sequence[int]], tgt: Sequence[Sequence[int]]) -> "IdChunk":
        def flat(seqs: Sequence[Sequence[int]]) -> tuple[np.ndarray, np.ndarray]:
            lens = np.fromiter((len(x) for x in seqs), dtype=np.int64, count=len(seqs))
            vals = np.fromiter((i for x in seqs for i in x), dtype=np.int64, count=int(lens.sum()))
            return vals, lens

        return cls(*flat(src), *flat(tgt))

    def __len__(self) -> int:
        return len(self.src_len)


def _unique_per_pair(ids: np.ndarray, lens: np.ndarray, vocab: int) -> tuple[np.ndarray, np.ndarray]:
    """(pair index, id) of each distinct non-special id of each pair, sorted by pair."""
    pair = np.repeat(np.arange(len(lens), dtype=np.int64), lens)
    key = np.unique(pair * vocab + ids.astype(np.int64))
    pair, ids = key // vocab, key % vocab
    keep = ids >= SPECIALS
    return pair[keep], ids[keep]


BAND_CELLS = 1 << 26  # counts held at once: 64M int32 = 256 MB (an 8k x 8k vocabulary in one band)
RANK_ROWS = 256  # source pieces ranked at a time


def _rank_band(counts: np.ndarray, first: int, n: int, src_sents: np.ndarray, tgt_sents: np.ndarray,
               table: np.ndarray) -> None:
    """Fill ``table`` rows first.. from a band of (source piece, target piece) counts: partners
    by ``c * log(c N / (c(s) c(t)))``, best first, ties by id; pieces never seen together stay PAD."""
    per_source = table.shape[1]
    for a in range(0, len(counts), RANK_ROWS):
        r, t_id = np.nonzero(counts[a:a + RANK_ROWS])
        if not len(r):
            continue
        s_id = r + first + a
        count = counts[a:a + RANK_ROWS][r, t_id].astype(np.int64)
        llr = count * np.log(count * float(n) / (src_sents[s_id] * tgt_sents[t_id]))
        order = np.lexsort((t_id, -llr, s_id))  # by source, best partner first, ties by id
        s_id, t_id = s_id[order], t_id[order]
        rank = np.arange(len(s_id)) - np.searchsorted(s_id, s_id, side="left")
        keep = rank < per_source
        table[s_id[keep], rank[keep]] = t_id[keep]


def count_shortlist(chunks: Callable[[], Iterable[IdChunk]], src_vocab: int, tgt_vocab: int, joint: bool,
                    per_source: int = MAX_PER_SOURCE, max_pairs: int = MAX_PAIRS) -> Shortlist:
    """Count co-occurrences in the first ``max_pairs`` pairs of ``chunks()`` and rank each source
    piece's partners (see the module docstring); special ids are not counted.

    Why chunks of flat arrays: a corpus of millions of pairs is read from memory-mapped
    storage a chunk at a time, and each chunk's keys (every distinct source piece of a pair
    times every distinct target piece) are made with array operations, not a loop over pairs.
    The counts are exact and their memory does not grow with the corpus: a dense int32
    matrix for a band of source pieces (the whole 8k x 8k vocabulary in one band of 256 MB;
    a larger vocabulary reads the chunks once per band).
    """
    tok_count = np.zeros(tgt_vocab, dtype=np.int64)
    src_sents = np.zeros(src_vocab, dtype=np.int64)
    tgt_sents = np.zeros(tgt_vocab, dtype=np.int64)
    table = np.full((src_vocab, per_source), PAD_ID, dtype=np.int64)
    band = max(1, BAND_CELLS // tgt_vocab)
    n = 0
    for first in range(0, src_vocab, band):
        last = min(src_vocab, first + band)
        counts = np.zeros((last - first, tgt_vocab), dtype=np.int32)
        flat = counts.reshape(-1)
        seen = 0
        for chunk in chunks():
            take = min(len(chunk), max_pairs - seen)
            if take <= 0:
                break
            seen += take
            s_len, t_len = chunk.src_len[:take], chunk.tgt_len[:take]
            s_ids, t_ids = chunk.src[: int(s_len.sum())], chunk.tgt[: int(t_len.sum())]
            s_pair, s_id = _unique_per_pair(s_ids, s_len, src_vocab)
            t_pair, t_id = _unique_per_pair(t_ids, t_len, tgt_vocab)
            if first == 0:
                tok_count += np.bincount(t_ids.astype(np.int64), minlength=tgt_vocab)
                src_sents += np.bincount(s_id, minlength=src_vocab)
                tgt_sents += np.bincount(t_id, minlength=tgt_vocab)
            in_band = (s_id >= first) & (s_id < last)
            s_pair, s_id = s_pair[in_band], s_id[in_band]
            # Every (source piece, target piece) of the same pair: source entry e of pair p is
            # repeated once per distinct target piece of p, and meets each of them in turn.
            per_pair = np.bincount(t_pair, minlength=take)
            t_start = np.cumsum(per_pair) - per_pair
            reps = per_pair[s_pair]
            total = int(reps.sum())
            if total == 0:
                continue
            within = np.arange(total) - np.repeat(np.cumsum(reps) - reps, reps)
            t_index = np.repeat(t_start[s_pair], reps) + within
            key, count = np.unique(np.repeat(s_id - first, reps) * tgt_vocab + t_id[t_index], return_counts=True)
            flat[key] += count.astype(np.int32)
        n = seen
        _rank_band(counts, first, n, src_sents, tgt_sents, table)
    tok_count[:SPECIALS] = np.iinfo(np.int64).max  # specials first
    frequent = np.argsort(-tok_count, kind="stable")
    return Shortlist(torch.from_numpy(frequent), torch.from_numpy(table), joint)


def build_shortlist(src: Sequence[Sequence[int]], tgt: Sequence[Sequence[int]], src_vocab: int,
                    tgt_vocab: int, joint: bool, per_source: int = MAX_PER_SOURCE,
                    max_pairs: int = MAX_PAIRS, chunk_pairs: int = 4096) -> Shortlist:
    """:func:`count_shortlist` over id lists held in memory (tests, small corpora, old runs)."""
    n = min(len(src), max_pairs)

    def chunks() -> Iterator[IdChunk]:
        for i in range(0, n, chunk_pairs):
            yield IdChunk.from_lists(src[i:i + chunk_pairs], tgt[i:i + chunk_pairs])

    return count_shortlist(chunks, src_vocab, tgt_vocab, joint, per_source, max_pairs)
