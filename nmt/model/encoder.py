"""Bidirectional recurrent encoder over source embeddings (Bahdanau et al. 2015, Section 3.2)."""

from __future__ import annotations

import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

from nmt.model.dropout import Dropout
from nmt.model.rnn import make_rnn, top_state


class Encoder(nn.Module):
    """Packed bidirectional multi-layer RNN.

    Packing makes each direction stop at the sentence's real end, so padding
    never reaches a state: the backward RNN of a short sentence inside a long
    batch starts at its own last token, exactly as if it were alone.
    """

    def __init__(self, cell: str, emb_size: int, hidden: int, layers: int, dropout: float) -> None:
        super().__init__()
        self.hidden = hidden
        self.layers = layers
        self.rnn = make_rnn(cell, emb_size, hidden, layers, dropout, bidirectional=True)
        self.out_dropout = Dropout(dropout)

    @property
    def output_size(self) -> int:
        return 2 * self.hidden

    def forward(self, emb: torch.Tensor, lengths: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """Encode a padded batch.

        :param emb: (batch, src_len, emb_size) embedded source
        :param lengths: (batch,) true lengths, >= 1
        :return: outputs (batch, src_len, 2*hidden), zero at padding;
                 final (batch, 2*hidden): last layer's forward state at the
                 last real token and backward state at the first token
        """
        B, S, _ = emb.shape
        packed = pack_padded_sequence(emb, lengths.cpu(), batch_first=True, enforce_sorted=False)
        out, hidden = self.rnn(packed)
        out, _ = pad_packed_sequence(out, batch_first=True, total_length=S)
        h = top_state(hidden).view(self.layers, 2, B, self.hidden)[-1]  # 2 x B x H (last layer)
        final = torch.cat([h[0], h[1]], dim=-1)  # B x 2H
        return self.out_dropout(out), final
