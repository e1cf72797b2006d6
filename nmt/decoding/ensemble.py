"""Ensembles: several models decoded as one, averaging their log-probabilities each step.

:class:`Ensemble` has the part of :class:`~nmt.model.Seq2Seq`'s interface that
search uses (``encode``, ``decode_logits``, ``output_vocab``), so greedy, beam
search, sampling and the shortlist work unchanged: each member keeps its own
encoder output and decoder state, and every step returns the mean of the
members' log-softmax scores (search normalises it again, so hypotheses are
ranked by the normalised geometric mean of the members' distributions). The
attention weights shown for an ensemble are the members' mean.

Members must share the vocabulary (same SentencePiece models), which
:func:`check_members` enforces with an error naming both files.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import torch
import torch.nn.functional as F
from torch import nn

from nmt.errors import NmtError
from nmt.model import Seq2Seq
from nmt.tokenizer import Tokenizer


@dataclass
class _Parts:
    """One object per member, moved together (encoder outputs, decoder states, output vocabularies)."""

    parts: list

    def index_select(self, index: torch.Tensor) -> "_Parts":
        return _Parts([p.index_select(index) for p in self.parts])

    def head(self, n: int) -> "_Parts":
        return _Parts([p.head(n) for p in self.parts])


class Ensemble(nn.Module):
    attends_grouped = True  # as Seq2Seq, whose instances the members are

    def __init__(self, models: list[Seq2Seq]) -> None:
        super().__init__()
        self.members = nn.ModuleList(models)

    def encode(self, src: torch.Tensor, src_len: torch.Tensor) -> tuple[_Parts, _Parts]:
        outs = [m.encode(src, src_len) for m in self.members]
        return _Parts([o[0] for o in outs]), _Parts([o[1] for o in outs])

    def output_vocab(self, ids: torch.Tensor, real: torch.Tensor) -> _Parts:
        return _Parts([m.output_vocab(ids, real) for m in self.members])

    def decode_logits(self, prev_tokens: torch.Tensor, state: _Parts, enc: _Parts,
                      rows: torch.Tensor | None = None, vocab: _Parts | None = None,
                      ) -> tuple[torch.Tensor, _Parts, torch.Tensor]:
        """The mean of the members' log-probabilities (``rows`` and ``vocab`` as in Seq2Seq)."""
        logps, states, weights = [], [], []
        for i, m in enumerate(self.members):
            logits, st, w = m.decode_logits(prev_tokens, state.parts[i], enc.parts[i], rows,
                                            vocab.parts[i] if vocab is not None else None)
            logps.append(F.log_softmax(logits.float(), dim=-1))
            states.append(st)
            weights.append(w.float())
        n = len(self.members)
        return torch.stack(logps).sum(0) / n, _Parts(states), torch.stack(weights).sum(0) / n


def check_members(paths: list[Path], tokenizers: list[Tokenizer]) -> None:
    """Every member must use the first one's SentencePiece models: ids mean the same pieces."""
    for path, tok in zip(paths[1:], tokenizers[1:]):
        if tok.src_proto != tokenizers[0].src_proto or tok.tgt_proto != tokenizers[0].tgt_proto:
            raise NmtError(f"{paths[0]} and {path}: an ensemble needs models with the same vocabulary "
                           "(SentencePiece models), these differ", exit_code=2)
