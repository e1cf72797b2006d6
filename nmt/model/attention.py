"""Additive (Bahdanau) attention, with the key projection done once per sentence."""

from __future__ import annotations

import torch
from torch import nn

from nmt.model.packed import linear

Spans = tuple[tuple[int, int, int], ...]

# What one more span of rows costs, in (row, source position) cells of the energy computation:
# a span adds about six small operator calls (~35 us on the 2-core Xeon), about what 80 cells
# of add + sigmoid + energy + context cost there (docs/performance.md).
SPAN_COST_CELLS = 80


def length_spans(lengths: list[int], width: int, cost: int = SPAN_COST_CELLS, most_runs: int = 12
                 ) -> Spans | None:
    """Cut rows of source lengths ``lengths`` (padded to ``width``) into contiguous spans
    ``(start, end, positions)``, each attended over its own longest source instead of the
    batch's, when that saves more than ``cost`` cells per extra span; None: one span, no cut.

    Why: additive attention computes ``rows x width x attn`` energies at every step,
    padding included. ``nmt translate`` sorts its batches by length, so the padding is
    small there, but a server's batch holds whatever lines arrived together: at 16 lines
    of test2016 the longest source was about twice the mean, and the energies were the
    largest cost after the matrix products. Rows are grouped in runs of lengths within 8
    of each other (a search keeps its batch sorted, so the runs are few); the cut is the
    exact minimum of ``cells + cost x spans`` over those runs (dynamic programming).
    """
    runs: list[list[int]] = []  # [longest, rows] of consecutive rows in one 8-wide bucket
    for length in lengths:
        if runs and (runs[-1][0] - 1) // 8 == (length - 1) // 8:
            runs[-1][0], runs[-1][1] = max(runs[-1][0], length), runs[-1][1] + 1
        else:
            runs.append([length, 1])
            if len(runs) > most_runs:
                return None
    if len(runs) < 2:
        return None
    n = len(runs)
    best, cut = [0] + [0] * n, [0] * (n + 1)
    for j in range(1, n + 1):
        top = rows = 0
        best[j] = -1
        for i in range(j - 1, -1, -1):
            top, rows = max(top, runs[i][0]), rows + runs[i][1]
            c = best[i] + cost + rows * top
            if best[j] < 0 or c < best[j]:
                best[j], cut[j] = c, i
    bounds, j = [], n
    while j:
        bounds.append((cut[j], j))
        j = cut[j]
    if len(bounds) == 1:
        return None
    starts = [0]
    for _, rows in runs:
        starts.append(starts[-1] + rows)
    return tuple((starts[i], starts[j], min(width, max(r[0] for r in runs[i:j]))) for i, j in reversed(bounds))


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
        """(batch, src_len, key_size) → (batch, src_len, hidden), times 2 for :meth:`forward`."""
        return 2.0 * self.key_layer(keys)

    def forward(
        self, query: torch.Tensor, proj_keys: torch.Tensor, values: torch.Tensor, mask: torch.Tensor,
        spans: Spans | None = None,
    ) -> tuple[torch.Tensor, torch.Tensor]:
        """Attend from one query per sentence.

        Computed as ``v^T tanh(u) = 2 v^T sigmoid(2u) - sum(v)``: the last term
        is the same for every source position, so the softmax ignores it and
        the weights are those of the tanh form. Why: ATen's vectorised tanh is
        3.6x slower than its sigmoid on this CPU (6.2 vs 1.7 ms for 320 x 20 x
        512, 2 threads), and this (batch x src_len x hidden) non-linearity was
        14% of beam search time, the largest op after the matrix products.
        End to end (``scripts/dev/ab.py --rev 0397425 --beam 5``, test2016,
        0 outputs differ): 1.13x with 1 thread, within noise with 2 (0.99x).
        The factors 2 sit in :meth:`project_keys` (once per sentence), on the
        query and on the (batch, src_len) scores.

        Grouped queries: when ``query`` has G times as many rows as the keys
        (the G beams of each sentence, rows ``i * G .. i * G + G - 1`` for
        sentence i), each sentence's keys serve its G queries by broadcasting,
        so a beam search need not hold G copies of the encoder states
        (:class:`nmt.decoding.beam_pool.BeamPool`, where sentences join and leave often and
        every copy would be moved each time).

        :param query: (batch, query_size) decoder state (or batch * G, grouped)
        :param proj_keys: (batch, src_len, hidden) from :meth:`project_keys`
        :param values: (batch, src_len, key_size) encoder outputs
        :param mask: (batch, src_len) bool, True at real tokens; padding gets weight 0
        :param spans: row spans each attending over its first positions only
            (:func:`length_spans`; inference): the same weights, less padding computed
        :return: context (batch, key_size), weights (batch, src_len) (batch * G rows when grouped)
        """
        if spans is not None:
            return self._spans(query, proj_keys, values, mask, spans)
        if query.size(0) != proj_keys.size(0):
            return self._grouped(query, proj_keys, values, mask)
        return self.attend(linear(self.query_layer)(query), proj_keys, values, mask)

    def attend(self, query: torch.Tensor, proj_keys: torch.Tensor, values: torch.Tensor, mask: torch.Tensor
               ) -> tuple[torch.Tensor, torch.Tensor]:
        """:meth:`forward` from the projected query ``W_q q`` (batch, hidden), one row per sentence
        (training's loop, :mod:`nmt.model.teacher_forcing`, projects it itself)."""
        q = 2.0 * query.unsqueeze(1)  # B x 1 x A
        # sigmoid in place: one B x S x A temporary per step instead of two.
        scores = 2.0 * self.energy_layer(torch.sigmoid_(q + proj_keys)).squeeze(2)  # B x S
        scores = scores.masked_fill(~mask, float("-inf"))
        weights = torch.softmax(scores, dim=-1)  # B x S
        context = torch.bmm(weights.unsqueeze(1), values).squeeze(1)  # B x K
        return context, weights

    def _grouped(self, query: torch.Tensor, proj_keys: torch.Tensor, values: torch.Tensor, mask: torch.Tensor
                 ) -> tuple[torch.Tensor, torch.Tensor]:
        """:meth:`forward` for G query rows per sentence: the same arithmetic, keys broadcast."""
        B, S, A = proj_keys.shape
        G = query.size(0) // B
        q = 2.0 * linear(self.query_layer)(query).view(B, G, 1, A)
        scores = 2.0 * self.energy_layer(torch.sigmoid_(q + proj_keys.unsqueeze(1))).squeeze(3)  # B x G x S
        scores = scores.masked_fill(~mask.unsqueeze(1), float("-inf"))
        weights = torch.softmax(scores, dim=-1)
        context = torch.bmm(weights, values)  # B x G x K
        return context.reshape(B * G, -1), weights.reshape(B * G, S)

    def _spans(self, query: torch.Tensor, proj_keys: torch.Tensor, values: torch.Tensor, mask: torch.Tensor,
               spans: Spans) -> tuple[torch.Tensor, torch.Tensor]:
        """:meth:`forward` (grouped or not) with sentences ``a:b`` of each span attending over
        their first ``s`` positions: positions past a row's own source get weight 0 either way."""
        B, S, A = proj_keys.shape
        G = query.size(0) // B
        q = 2.0 * linear(self.query_layer)(query).view(B, G, 1, A)
        scores = proj_keys.new_full((B, G, S), float("-inf"))
        for a, b, s in spans:
            energy = self.energy_layer(torch.sigmoid_(q[a:b] + proj_keys[a:b, :s].unsqueeze(1)))
            scores[a:b, :, :s] = energy.squeeze(3)
        weights = torch.softmax((2.0 * scores).masked_fill_(~mask.unsqueeze(1), float("-inf")), dim=-1)
        context = values.new_empty(B, G, values.size(2))
        for a, b, s in spans:
            torch.bmm(weights[a:b, :, :s], values[a:b, :s], out=context[a:b])
        return context.view(B * G, -1), weights.view(B * G, S)
