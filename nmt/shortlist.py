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
from typing import Any, Sequence

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
        cand = torch.cat(parts, dim=1).sort(dim=1).values
        dup = torch.zeros_like(cand, dtype=torch.bool)
        dup[:, 1:] = cand[:, 1:] == cand[:, :-1]
        sentinel = int(self.frequent.numel())  # larger than any id: sorts after the real ones
        cand = cand.masked_fill(dup, sentinel).sort(dim=1).values
        width = int((~dup).sum(dim=1).max())
        width = -(-width // multiple) * multiple
        if width > cand.size(1):
            cand = torch.cat([cand, cand.new_full((B, width - cand.size(1)), sentinel)], dim=1)
        ids = cand[:, :width]
        real = ids != sentinel
        return SentenceVocab(ids.masked_fill(~real, PAD_ID), real)


def build_shortlist(src: Sequence[Sequence[int]], tgt: Sequence[Sequence[int]], src_vocab: int,
                    tgt_vocab: int, joint: bool, per_source: int = MAX_PER_SOURCE,
                    max_pairs: int = MAX_PAIRS) -> Shortlist:
    """Count co-occurrences in the first ``max_pairs`` pairs of id sequences and rank each
    source piece's partners (see the module docstring); special ids are not counted."""
    n = min(len(src), max_pairs)
    tok_count = np.zeros(tgt_vocab, dtype=np.int64)
    src_sents = np.zeros(src_vocab, dtype=np.int64)
    tgt_sents = np.zeros(tgt_vocab, dtype=np.int64)
    keys = []
    for s, t in zip(src[:n], tgt[:n]):
        t_all = np.asarray(t, dtype=np.int64)
        tok_count += np.bincount(t_all, minlength=tgt_vocab)
        us = np.unique(np.asarray(s, dtype=np.int64))
        ut = np.unique(t_all)
        us, ut = us[us >= SPECIALS], ut[ut >= SPECIALS]
        src_sents[us] += 1
        tgt_sents[ut] += 1
        keys.append((us[:, None] * tgt_vocab + ut[None, :]).ravel())
    table = np.full((src_vocab, per_source), PAD_ID, dtype=np.int64)
    if keys:
        pair, count = np.unique(np.concatenate(keys), return_counts=True)
        s_id, t_id = pair // tgt_vocab, pair % tgt_vocab
        llr = count * np.log(count * float(n) / (src_sents[s_id] * tgt_sents[t_id]))
        order = np.lexsort((t_id, -llr, s_id))  # by source, best partner first, ties by id
        s_id, t_id = s_id[order], t_id[order]
        first = np.searchsorted(s_id, s_id, side="left")
        rank = np.arange(len(s_id)) - first
        keep = rank < per_source
        table[s_id[keep], rank[keep]] = t_id[keep]
    tok_count[:SPECIALS] = np.iinfo(np.int64).max  # specials first
    frequent = np.argsort(-tok_count, kind="stable")
    return Shortlist(torch.from_numpy(frequent), torch.from_numpy(table), joint)
