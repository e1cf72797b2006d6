"""Additive (Bahdanau) attention, with the key projection done once per sentence."""

from __future__ import annotations

import torch
from torch import nn


class AdditiveAttention(nn.Module):
    """score(q, k_j) = v^T tanh(W_q q + W_k k_j)  (arXiv 1409.0473, Section A.1.2).

    ``W_k k_j`` does not depend on the decoder step, so the caller projects the
    keys once with :meth:`project_keys` and passes them to every step; nothing
    is cached on the module, so one module serves any number of batches or
    beams at once.
    """

    def __init__(self, key_size: int, query_size: int, hidden: int) -> None:
        super().__init__()
        self.key_layer = nn.Linear(key_size, hidden, bias=False)
        self.query_layer = nn.Linear(query_size, hidden, bias=False)
        self.energy_layer = nn.Linear(hidden, 1, bias=False)

    def project_keys(self, keys: torch.Tensor) -> torch.Tensor:
        """(batch, src_len, key_size) → (batch, src_len, hidden)."""
        return self.key_layer(keys)

    def forward(
        self, query: torch.Tensor, proj_keys: torch.Tensor, values: torch.Tensor, mask: torch.Tensor
    ) -> tuple[torch.Tensor, torch.Tensor]:
        """Attend from one query per sentence.

        :param query: (batch, query_size) decoder state
        :param proj_keys: (batch, src_len, hidden) from :meth:`project_keys`
        :param values: (batch, src_len, key_size) encoder outputs
        :param mask: (batch, src_len) bool, True at real tokens; padding gets weight 0
        :return: context (batch, key_size), weights (batch, src_len)
        """
        q = self.query_layer(query).unsqueeze(1)  # B x 1 x A
        # tanh in place: one B x S x A temporary per step instead of two.
        scores = self.energy_layer(torch.tanh_(q + proj_keys)).squeeze(2)  # B x S
        scores = scores.masked_fill(~mask, float("-inf"))
        weights = torch.softmax(scores, dim=-1)  # B x S
        context = torch.bmm(weights.unsqueeze(1), values).squeeze(1)  # B x K
        return context, weights
