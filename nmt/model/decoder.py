"""Attentional recurrent decoder: one step, used by training, greedy and beam search."""

from __future__ import annotations

import torch
from torch import nn

from nmt.model.attention import AdditiveAttention, Spans
from nmt.model.dropout import Dropout
from nmt.model.packed import linear, packed_step
from nmt.model.rnn import Hidden, cell_step, make_rnn


class Decoder(nn.Module):
    """A conditional RNN decoder with additive attention and input feeding.

    At step t (shapes for a batch of B sentences):

    1. ``rnn_in = [E y_{t-1}; a_{t-1}]`` — the previous target embedding and,
       with input feeding (Luong et al. 2015, Section 3.3), the previous
       attentional vector;
    2. ``s_t = RNN(rnn_in, s_{t-1})``;
    3. ``c_t = attention(s_t, encoder states)``;
    4. ``a_t = tanh(W_o [s_t; c_t; E y_{t-1}])`` — the deep output layer of
       Bahdanau et al. (Section A.2.2) with tanh in place of maxout; the output
       projection (possibly tied to the embedding) turns ``a_t`` into logits.
    """

    def __init__(self, cell: str, emb_size: int, enc_size: int, hidden: int, layers: int,
                 attn_size: int, out_size: int, dropout: float, input_feeding: bool) -> None:
        super().__init__()
        self.hidden = hidden
        self.layers = layers
        self.out_size = out_size
        self.input_feeding = input_feeding
        rnn_in = emb_size + (out_size if input_feeding else 0)
        self.rnn = make_rnn(cell, rnn_in, hidden, layers, dropout, bidirectional=False)
        self.attention = AdditiveAttention(enc_size, hidden, attn_size)
        self.readout = nn.Linear(hidden + enc_size + emb_size, out_size)
        self.dropout = Dropout(dropout)

    def step(
        self,
        prev_emb: torch.Tensor,
        prev_att: torch.Tensor,
        hidden: Hidden,
        proj_keys: torch.Tensor,
        values: torch.Tensor,
        mask: torch.Tensor,
        spans: Spans | None = None,
    ) -> tuple[torch.Tensor, Hidden, torch.Tensor]:
        """One decoder step.

        :param prev_emb: (B, emb_size) embedding of y_{t-1} (dropout applied)
        :param prev_att: (B, out_size) attentional vector a_{t-1} (zeros at t=0)
        :param hidden: RNN state, (layers, B, hidden) (a pair for LSTM)
        :param proj_keys: (B, S, attn_size); values: (B, S, enc_size); mask: (B, S)
        :param spans: rows that attend over fewer positions (:func:`~nmt.model.attention.length_spans`)
        :return: a_t (B, out_size), new state, attention weights (B, S)
        """
        rnn_in = torch.cat([prev_emb, prev_att], dim=-1) if self.input_feeding else prev_emb
        packed = self.__dict__.get("_packed_rnn")
        if packed is not None and not torch.is_grad_enabled():  # CPU decoding (nmt.model.packed)
            query, hidden = packed_step(self.rnn, packed, rnn_in, hidden)
        elif rnn_in.is_cuda:  # cuDNN's sequence call costs more host time than a step's work
            query, hidden = cell_step(self.rnn, rnn_in, hidden)
        else:  # the CPU's figures (docs/performance.md) were measured with the sequence call
            out, hidden = self.rnn(rnn_in.unsqueeze(1), hidden)
            query = out.squeeze(1)  # B x hidden (top layer)
        context, weights = self.attention(query, proj_keys, values, mask, spans)  # B x enc, B x S
        att = torch.tanh(linear(self.readout)(torch.cat([query, context, prev_emb], dim=-1)))  # B x out
        return self.dropout(att), hidden, weights
