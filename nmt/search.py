"""Greedy and batched beam search over ``Seq2Seq.encode()`` / ``decode_step()``.

No training code here, and no per-hypothesis Python loops: every hypothesis of
every sentence lives in one flat ``(batch * beam)`` tensor and each step is a
handful of tensor operations. :func:`search` picks greedy when ``beam_size < 2``.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch

from nmt.model import Seq2Seq
from nmt.tokenizer import BOS_ID, EOS_ID, PAD_ID

NEG_INF = float("-inf")


@dataclass(frozen=True)
class Hypothesis:
    """Output pieces (no BOS/EOS), the length-normalised score used for ranking, raw log-prob."""

    tokens: list[int]
    score: float
    logprob: float


def gnmt_length_penalty(length: torch.Tensor, alpha: float) -> torch.Tensor:
    """((5 + |Y|) / 6) ** alpha  (Wu et al. 2016, eq. 14); alpha 0 = no normalisation."""
    return ((5.0 + length.float()) / 6.0) ** alpha


def max_output_lengths(src_len: torch.Tensor, a: float, b: int) -> torch.Tensor:
    """Output budget per sentence, counting EOS: a * |x| + b, at least 1."""
    return (src_len.float() * a + b).floor().long().clamp(min=1)


def _constrain(logp: torch.Tensor, finished: torch.Tensor, last_step: torch.Tensor) -> torch.Tensor:
    """Mask a step's log-probs (rows = hypotheses, cols = vocabulary), in place.

    * finished rows may only continue with PAD, at no cost, so their score is frozen;
    * live rows never produce PAD or BOS;
    * live rows at their length budget must produce EOS.
    """
    logp[:, PAD_ID] = NEG_INF
    logp[:, BOS_ID] = NEG_INF
    force = last_step & ~finished
    if bool(force.any()):
        eos = logp[force, EOS_ID].clone()
        logp[force] = NEG_INF
        logp[force, EOS_ID] = eos
    if bool(finished.any()):
        logp[finished] = NEG_INF
        logp[finished, PAD_ID] = 0.0
    return logp


@torch.inference_mode()
def greedy_search(model: Seq2Seq, src: torch.Tensor, src_len: torch.Tensor, max_len_a: float = 1.5,
                  max_len_b: int = 10, length_penalty: float = 1.0) -> list[list[Hypothesis]]:
    """Pick the most likely token at each step, for a batch (B, S) of sources."""
    B = src.size(0)
    enc, state = model.encode(src, src_len)
    budget = max_output_lengths(src_len, max_len_a, max_len_b).to(src.device)
    prev = torch.full((B,), BOS_ID, dtype=torch.long, device=src.device)
    finished = torch.zeros(B, dtype=torch.bool, device=src.device)
    logprob = torch.zeros(B, device=src.device)
    lengths = torch.zeros(B, dtype=torch.long, device=src.device)
    out = []
    for t in range(int(budget.max())):
        logp, state, _ = model.decode_step(prev, state, enc)
        logp = _constrain(logp.float(), finished, budget <= t + 1)
        step_logp, prev = logp.max(dim=-1)
        logprob += step_logp
        lengths += (~finished).long()
        out.append(prev)
        finished |= prev == EOS_ID
        if bool(finished.all()):
            break
    tokens = torch.stack(out, dim=1).tolist()
    norm = (logprob / gnmt_length_penalty(lengths, length_penalty)).tolist()
    return [[Hypothesis(_strip(tokens[b]), norm[b], float(logprob[b]))] for b in range(B)]


def _strip(ids: list[int]) -> list[int]:
    """Cut at the first EOS (or PAD) and drop it."""
    for i, tok in enumerate(ids):
        if tok in (EOS_ID, PAD_ID):
            return ids[:i]
    return ids


@torch.inference_mode()
def beam_search(model: Seq2Seq, src: torch.Tensor, src_len: torch.Tensor, beam_size: int = 5,
                max_len_a: float = 1.5, max_len_b: int = 10, length_penalty: float = 1.0,
                n_best: int = 1) -> list[list[Hypothesis]]:
    """Batched beam search; returns ``n_best`` hypotheses per sentence, best first.

    Layout: hypothesis k of sentence b is row ``b * K + k`` of every flat
    tensor. After a step, candidates are scored as (B, K * V) and the top K of
    each sentence are picked; candidate index i of sentence b came from beam
    ``i // V`` with token ``i % V``, i.e. from flat row ``b * K + i // V``.
    Worked example, K = 2, V = 10: sentence 1's best candidate i = 13 extends
    its beam 1 (row 1 * 2 + 1 = 3) with token 3.

    Finished hypotheses stay in the beam with a frozen score (they can only
    add PAD at no cost), so the search ends when every row has produced EOS.
    Ranking among the finished uses the GNMT length penalty.
    """
    B, K = src.size(0), beam_size
    device = src.device
    enc, state = model.encode(src, src_len)
    rows = torch.arange(B, device=device).repeat_interleave(K)  # B*K
    enc, state = enc.index_select(rows), state.index_select(rows)
    budget = max_output_lengths(src_len, max_len_a, max_len_b).to(device).repeat_interleave(K)
    steps = int(budget.max())
    # Only beam 0 is live at the start, else K copies of the same hypothesis would fill the beam.
    scores = torch.full((B, K), NEG_INF, device=device)
    scores[:, 0] = 0.0
    tokens = torch.full((B * K, steps), PAD_ID, dtype=torch.long, device=device)
    finished = torch.zeros(B * K, dtype=torch.bool, device=device)
    lengths = torch.zeros(B * K, dtype=torch.long, device=device)
    prev = torch.full((B * K,), BOS_ID, dtype=torch.long, device=device)
    offsets = (torch.arange(B, device=device) * K).unsqueeze(1)  # B x 1
    for t in range(steps):
        logp, state, _ = model.decode_step(prev, state, enc)  # B*K x V
        V = logp.size(-1)
        logp = _constrain(logp.float(), finished, budget <= t + 1)
        cand = (scores.view(-1, 1) + logp).view(B, K * V)
        scores, idx = cand.topk(K, dim=1)  # B x K
        origin = (idx // V + offsets).view(-1)  # flat rows the survivors extend
        prev = (idx % V).view(-1)
        state = state.index_select(origin)
        tokens = tokens.index_select(0, origin)
        tokens[:, t] = prev
        finished = finished.index_select(0, origin)
        lengths = lengths.index_select(0, origin) + (~finished).long()
        finished = finished | (prev == EOS_ID)
        if bool(finished.all()):
            break
    logprob = scores.view(-1)
    norm = (logprob / gnmt_length_penalty(lengths, length_penalty)).view(B, K)
    order = norm.argsort(dim=1, descending=True)
    tokens_l, norm_l, logprob_l, order_l = tokens.tolist(), norm.tolist(), logprob.tolist(), order.tolist()
    results = []
    for b in range(B):
        hyps = []
        for k in order_l[b]:
            if norm_l[b][k] == NEG_INF and hyps:
                continue  # an empty slot (fewer than K live candidates existed)
            row = b * K + k
            hyps.append(Hypothesis(_strip(tokens_l[row]), norm_l[b][k], logprob_l[row]))
        results.append(hyps[:n_best])
    return results


def search(model: Seq2Seq, src: torch.Tensor, src_len: torch.Tensor, beam_size: int = 5,
           max_len_a: float = 1.5, max_len_b: int = 10, length_penalty: float = 1.0,
           n_best: int = 1) -> list[list[Hypothesis]]:
    """Greedy when ``beam_size < 2``, else beam search (``n_best`` <= ``beam_size``)."""
    if beam_size < 2:
        return greedy_search(model, src, src_len, max_len_a, max_len_b, length_penalty)
    return beam_search(model, src, src_len, beam_size, max_len_a, max_len_b, length_penalty,
                       min(n_best, beam_size))
