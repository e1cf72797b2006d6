"""Greedy and batched beam search over ``Seq2Seq.encode()`` / ``decode_logits()``.

No training code here, and no per-hypothesis Python loops: every hypothesis of
every sentence lives in one flat ``(batch * beam)`` tensor and each step is a
handful of tensor operations. :func:`search` picks greedy when ``beam_size < 2``.
Given each sentence's lexical shortlist (:mod:`nmt.shortlist`), both score only
its pieces: the shortlist's rows of the output matrix are gathered once per
batch, and the chosen columns are mapped back to token ids after each step.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

import torch

from nmt.model import DecoderState, EncoderOutput, OutputVocab, Seq2Seq
from nmt.shortlist import SentenceVocab
from nmt.tokenizer import BOS_ID, EOS_ID, PAD_ID

NEG_INF = float("-inf")


@dataclass(frozen=True)
class Hypothesis:
    """Output pieces (no BOS/EOS), the length-normalised score used for ranking, raw log-prob;
    with ``attention=True``, the attention weights: one row per output piece and the final
    EOS, one column per real source piece (the source's EOS included)."""

    tokens: list[int]
    score: float
    logprob: float
    attention: list[list[float]] | None = None


def gnmt_length_penalty(length: torch.Tensor, alpha: float) -> torch.Tensor:
    """((5 + |Y|) / 6) ** alpha  (Wu et al. 2016, eq. 14); alpha 0 = no normalisation."""
    return ((5.0 + length.float()) / 6.0) ** alpha


def max_output_lengths(src_len: torch.Tensor, a: float, b: int) -> torch.Tensor:
    """Output budget per sentence, counting EOS: a * |x| + b, at least 1."""
    return (src_len.float() * a + b).floor().long().clamp(min=1)


@lru_cache(maxsize=None)
def _block_size(width: int) -> int:
    """The divisor of ``width`` in [32, 128] closest to 64, or 0 when it has none."""
    divisors = [d for d in range(32, 129) if width % d == 0]
    return min(divisors, key=lambda d: abs(d - 64)) if divisors else 0


def topk_rows(x: torch.Tensor, k: int) -> tuple[torch.Tensor, torch.Tensor]:
    """``x.topk(k, dim=1)`` for a (rows, V) matrix, computed through blocks of ~64 columns.

    Why: ATen's CPU top-k copies every row into (value, index) pairs and sorts
    them element by element; it was 12% of beam search on test2016 (the top 5
    of 8000 log-probs per hypothesis, every step). Here the row is cut into
    blocks, each block's maximum is a vectorised reduction, and the k best
    values of a row lie in the k blocks with the largest maxima (a block left
    out has k blocks whose maxima are distinct elements at least as large as
    any of its values). So one small top-k over block maxima, a gather of k
    blocks and a top-k over those k * 64 candidates give the same values; the
    indices are the same too unless values tie, where either top-k may pick
    any of the tied ones. Other devices, small widths and widths without a
    divisor in [32, 128] use ``torch.topk``.
    """
    rows, width = x.shape
    block = _block_size(width)
    if x.device.type != "cpu" or not block or 4 * k * block > width or not x.is_contiguous():
        return x.topk(k, dim=1)
    blocks = x.view(rows, width // block, block)
    best = blocks.amax(dim=2).topk(k, dim=1).indices  # rows x k block ids
    cand = blocks.gather(1, best.unsqueeze(2).expand(rows, k, block)).reshape(rows, k * block)
    values, pos = cand.topk(k, dim=1)
    return values, best.gather(1, pos // block) * block + pos % block


def step_candidates(logits: torch.Tensor, finished: torch.Tensor, last_step: torch.Tensor,
                    k: int) -> tuple[torch.Tensor, torch.Tensor]:
    """The k best continuations of each row: (log-probs, token ids), both (rows, k), best first.

    The same as ``log_softmax(logits)`` with the search constraints applied,
    then ``topk(k)`` per row, where the constraints are:

    * live rows never produce PAD or BOS;
    * live rows at their length budget (``last_step``) must produce EOS;
    * finished rows may only continue with PAD, at no cost, so their score is frozen.

    Why per row: a sentence's K best continuations are among the top K of its
    K rows, so beam search never needs more than K candidates per row. The
    constraints are then applied to (rows, k) candidates instead of masking
    the whole (rows, V) matrix, and each sentence picks from K * K candidates
    instead of K * V. (Normalising with ``logsumexp`` and ranking raw logits
    was tried: ATen's composite logsumexp is slower than the fused
    log_softmax kernel, 3.6 vs 2.3 ms for 320 x 8000 on this machine.)
    """
    logp = torch.log_softmax(logits, dim=-1)
    logp[:, PAD_ID] = NEG_INF
    logp[:, BOS_ID] = NEG_INF
    values, ids = topk_rows(logp, k)
    fixed = last_step | finished  # rows with one allowed continuation: PAD if finished, else EOS
    if bool(fixed.any()):
        only = torch.full_like(values, NEG_INF)
        only[:, 0] = torch.where(finished, 0.0, logp[:, EOS_ID])
        only_ids = torch.full_like(ids, PAD_ID)
        only_ids[:, 0] = torch.where(finished, PAD_ID, EOS_ID)
        fixed = fixed.unsqueeze(1)
        values, ids = torch.where(fixed, only, values), torch.where(fixed, only_ids, ids)
    return values, ids


def _column_ids(cols: torch.Tensor, ids: torch.Tensor) -> torch.Tensor:
    """Shortlist columns (rows, k) → token ids; the rows are the sentences of ``ids`` (B, n)
    in order, an equal number per sentence (its beams)."""
    return ids.gather(1, cols.reshape(ids.size(0), -1)).view(cols.shape)


def beam_step(model: Seq2Seq, prev: torch.Tensor, state: DecoderState, enc: EncoderOutput,
               finished: torch.Tensor, last_step: torch.Tensor, k: int,
               vocab: SentenceVocab | None = None, out_vocab: OutputVocab | None = None,
               ) -> tuple[torch.Tensor, torch.Tensor, DecoderState, torch.Tensor]:
    """One decoder step for every hypothesis row; returns :func:`step_candidates`, the new
    state and every row's attention weights.

    Only unfinished rows are scored (``rows=`` of ``decode_logits``): a finished
    hypothesis has one continuation, PAD at no cost, whatever the model says.
    Because a sentence stays until all its beams have ended, finished rows
    are a large share of the rows late in a batch. With a shortlist the
    candidates' columns are mapped back to token ids here (the special ids sit
    in columns 0..3 of every shortlist, so PAD and EOS need no mapping).
    """
    if not bool(finished.any()):
        logits, state, weights = model.decode_logits(prev, state, enc, vocab=out_vocab)
        values, ids = step_candidates(logits.float(), finished, last_step, k)
        if vocab is not None:
            ids = _column_ids(ids, vocab.ids)
        return values, ids, state, weights
    live = (~finished).nonzero().squeeze(1)
    logits, state, weights = model.decode_logits(prev, state, enc, rows=live, vocab=out_vocab)
    live_logp, live_ids = step_candidates(logits.float(), finished.index_select(0, live),
                                          last_step.index_select(0, live), k)
    if vocab is not None:
        group = finished.numel() // vocab.ids.size(0)
        live_ids = vocab.ids.index_select(0, live // group).gather(1, live_ids)
    logp = torch.full((finished.numel(), k), NEG_INF, device=logits.device)
    logp[:, 0] = 0.0
    ids = torch.full((finished.numel(), k), PAD_ID, dtype=torch.long, device=logits.device)
    return logp.index_copy_(0, live, live_logp), ids.index_copy_(0, live, live_ids), state, weights


# (logits (R, V) of the rows still decoding, their last-step flags) -> (log-prob, column) per row
Choose = Callable[[torch.Tensor, torch.Tensor, torch.Tensor], tuple[torch.Tensor, torch.Tensor]]


def decode_rows(model: Seq2Seq, enc: EncoderOutput, state: DecoderState, budget: torch.Tensor, choose: Choose,
                src_len: torch.Tensor, length_penalty: float = 1.0, vocab: SentenceVocab | None = None,
                attention: bool = False) -> list[Hypothesis]:
    """One hypothesis per row, each extended by ``choose``'s piece until EOS or its ``budget``.

    Greedy search and sampling differ only in ``choose``. Rows that have produced
    EOS leave the batch, as in beam search. ``src_len``: each row's source length
    (for the attention matrix); ``vocab``: each row's shortlist.
    """
    R, device = budget.numel(), budget.device
    out_vocab = model.output_vocab(vocab.ids, vocab.real) if vocab is not None else None
    steps = int(budget.max())
    prev = torch.full((R,), BOS_ID, dtype=torch.long, device=device)
    alive = torch.arange(R, device=device)
    tokens = torch.full((R, steps), PAD_ID, dtype=torch.long, device=device)
    logprob = torch.zeros(R, device=device)
    lengths = torch.zeros(R, dtype=torch.long, device=device)
    attn = torch.zeros(R, steps, enc.mask.size(1), device=device) if attention else None
    for t in range(steps):
        logits, state, weights = model.decode_logits(prev, state, enc, vocab=out_vocab)
        if attn is not None:
            attn[alive, t] = weights.float()
        step_logp, cols = choose(logits.float(), alive, budget <= t + 1)
        prev = vocab.ids.gather(1, cols.unsqueeze(1)).squeeze(1) if vocab is not None else cols
        tokens[alive, t] = prev
        logprob[alive] += step_logp
        lengths[alive] += 1
        live = prev != EOS_ID
        if bool(live.all()):
            continue
        keep = live.nonzero().squeeze(1)
        if keep.numel() == 0:
            break
        alive, prev, budget = alive.index_select(0, keep), prev.index_select(0, keep), budget.index_select(0, keep)
        state, enc = state.index_select(keep), enc.index_select(keep)
        if vocab is not None:
            vocab, out_vocab = vocab.index_select(keep), out_vocab.index_select(keep)
    tokens_l = tokens.tolist()
    norm = (logprob / gnmt_length_penalty(lengths, length_penalty)).tolist()
    logprob_l = logprob.tolist()
    hyps = [Hypothesis(strip_eos(tokens_l[r]), norm[r], logprob_l[r]) for r in range(R)]
    if attn is not None:
        hyps = [_with_attention(h, attn[r], int(src_len[r])) for r, h in enumerate(hyps)]
    return hyps


def _most_likely(logits: torch.Tensor, alive: torch.Tensor, last: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    values, cols = step_candidates(logits, torch.zeros_like(last), last, 1)
    return values.squeeze(1), cols.squeeze(1)


@torch.inference_mode()
def greedy_search(model: Seq2Seq, src: torch.Tensor, src_len: torch.Tensor, max_len_a: float = 1.5,
                  max_len_b: int = 10, length_penalty: float = 1.0, vocab: SentenceVocab | None = None,
                  attention: bool = False) -> list[list[Hypothesis]]:
    """Pick the most likely token at each step, for a batch (B, S) of sources.

    ``vocab``: each sentence's shortlist (:mod:`nmt.shortlist`), None for the whole vocabulary.
    """
    enc, state = model.encode(src, src_len)
    budget = max_output_lengths(src_len, max_len_a, max_len_b).to(src.device)
    return [[h] for h in decode_rows(model, enc, state, budget, _most_likely, src_len, length_penalty, vocab,
                                     attention)]


def _with_attention(hyp: Hypothesis, attn: torch.Tensor, src_len: int) -> Hypothesis:
    """``hyp`` with its (steps, S) attention cut to its pieces + EOS and the real source."""
    rows = min(len(hyp.tokens) + 1, attn.size(0))
    return Hypothesis(hyp.tokens, hyp.score, hyp.logprob, attn[:rows, :src_len].tolist())


def strip_eos(ids: list[int]) -> list[int]:
    """Cut at the first EOS (or PAD) and drop it."""
    for i, tok in enumerate(ids):
        if tok in (EOS_ID, PAD_ID):
            return ids[:i]
    return ids


@torch.inference_mode()
def beam_search(model: Seq2Seq, src: torch.Tensor, src_len: torch.Tensor, beam_size: int = 5,
                max_len_a: float = 1.5, max_len_b: int = 10, length_penalty: float = 1.0,
                n_best: int = 1, vocab: SentenceVocab | None = None, attention: bool = False,
                ) -> list[list[Hypothesis]]:
    """Batched beam search; returns ``n_best`` hypotheses per sentence, best first.

    Layout: hypothesis k of sentence b is row ``b * K + k`` of every flat
    tensor. After a step each row proposes its K best tokens
    (:func:`step_candidates`; no other token can enter a sentence's top K), the
    K * K candidates of each sentence are scored as (b, K * K) and the top K
    are picked; candidate index i of sentence b came from beam ``i // K``,
    i.e. flat row ``b * K + i // K``, with that row's ``(i % K)``-th token.
    Worked example, K = 2: sentence 1's best candidate i = 3 extends its
    beam 1 (row 1 * 2 + 1 = 3) with the second-best token of row 3.

    Finished hypotheses stay in the beam with a frozen score (they can only
    add PAD at no cost). A sentence is done when all K of its beams have
    produced EOS, and leaves the batch at once, so the remaining steps only
    compute the sentences still being searched (1.31x faster on test2016 at
    beam 5, same outputs: ``scripts/dev/ab.py --only nmt/decoding/search.py``). Stopping a sentence as
    soon as its best beam is finished, the rule of OpenNMT-py and Joey NMT,
    lowered validation BLEU with the length penalty (a longer live hypothesis
    can still win after normalisation), so it is not used.
    Ranking among the finished uses the GNMT length penalty. ``vocab``: each
    sentence's shortlist (:mod:`nmt.shortlist`), None for the whole vocabulary.
    """
    B, K = src.size(0), beam_size
    n_best = max(1, min(n_best, K))
    device = src.device
    enc, state = model.encode(src, src_len)
    out_vocab = model.output_vocab(vocab.ids, vocab.real) if vocab is not None else None
    rows = torch.arange(B, device=device).repeat_interleave(K)  # B*K
    # A model whose attention takes the K beams of a sentence as a group keeps one copy of the
    # encoder states per sentence: no K copies to make, and 1/K of the copying when sentences
    # leave (12% of CPU beam search at 16-line batches went to those copies).
    grouped = getattr(model, "attends_grouped", False)
    state = state.index_select(rows)
    if not grouped:
        enc = enc.index_select(rows)
    budget = max_output_lengths(src_len, max_len_a, max_len_b).to(device).repeat_interleave(K)
    steps = int(budget.max())
    # Only beam 0 is live at the start, else K copies of the same hypothesis would fill the beam.
    scores = torch.full((B, K), NEG_INF, device=device)
    scores[:, 0] = 0.0
    tokens = torch.full((B * K, steps), PAD_ID, dtype=torch.long, device=device)
    finished = torch.zeros(B * K, dtype=torch.bool, device=device)
    lengths = torch.zeros(B * K, dtype=torch.long, device=device)
    prev = torch.full((B * K,), BOS_ID, dtype=torch.long, device=device)
    alive = torch.arange(B, device=device)  # original index of each sentence still searched
    beam_ids = torch.arange(K, device=device)
    # Results of finished sentences, filled as they leave the batch.
    final_tokens = torch.full((B, K, steps), PAD_ID, dtype=torch.long, device=device)
    final_scores = torch.full((B, K), NEG_INF, device=device)
    final_lengths = torch.ones(B, K, dtype=torch.long, device=device)
    # With attention=True, each hypothesis row's weights so far, reordered with its tokens.
    S = src.size(1)
    attn = torch.zeros(B * K, steps, S, device=device) if attention else None
    final_attn = torch.zeros(B, K, steps, S, device=device) if attention else None
    for t in range(steps):
        b = alive.numel()
        step_logp, step_ids, state, weights = beam_step(model, prev, state, enc, finished, budget <= t + 1, K,
                                                vocab, out_vocab)
        cand = (scores.view(-1, 1) + step_logp).view(b, K * K)
        scores, idx = cand.topk(K, dim=1)  # b x K, sorted best first
        origin = (idx // K + (torch.arange(b, device=device) * K).unsqueeze(1)).view(-1)
        prev = step_ids.view(b, K * K).gather(1, idx).view(-1)
        state = state.index_select(origin)
        tokens = tokens.index_select(0, origin)
        tokens[:, t] = prev
        if attn is not None:
            attn = attn.index_select(0, origin)
            attn[:, t] = weights.float().index_select(0, origin)
        finished = finished.index_select(0, origin)
        lengths = lengths.index_select(0, origin) + (~finished).long()
        finished = finished | (prev == EOS_ID)
        done = finished.view(b, K).all(dim=1)  # b
        if not bool(done.any()):
            continue
        d = done.nonzero().squeeze(1)
        ids = alive.index_select(0, d)
        final_tokens[ids] = tokens.view(b, K, steps).index_select(0, d)
        final_scores[ids] = scores.index_select(0, d)
        final_lengths[ids] = lengths.view(b, K).index_select(0, d)
        if attn is not None:
            final_attn[ids] = attn.view(b, K, steps, S).index_select(0, d)
        keep = (~done).nonzero().squeeze(1)
        if keep.numel() == 0:
            break
        keep_rows = (keep.unsqueeze(1) * K + beam_ids).view(-1)
        alive, scores = alive.index_select(0, keep), scores.index_select(0, keep)
        tokens, finished = tokens.index_select(0, keep_rows), finished.index_select(0, keep_rows)
        if attn is not None:
            attn = attn.index_select(0, keep_rows)
        lengths, prev = lengths.index_select(0, keep_rows), prev.index_select(0, keep_rows)
        budget = budget.index_select(0, keep_rows)
        state, enc = state.index_select(keep_rows), enc.index_select(keep if grouped else keep_rows)
        if vocab is not None:
            vocab, out_vocab = vocab.index_select(keep), out_vocab.index_select(keep)
    norm = final_scores / gnmt_length_penalty(final_lengths, length_penalty)
    order = norm.argsort(dim=1, descending=True)
    tokens_l, norm_l = final_tokens.tolist(), norm.tolist()
    logprob_l, order_l = final_scores.tolist(), order.tolist()
    results = []
    for b in range(B):
        hyps = []
        for k in order_l[b][:n_best]:
            if norm_l[b][k] == NEG_INF and hyps:
                continue  # an empty slot (fewer than K live candidates existed)
            hyp = Hypothesis(strip_eos(tokens_l[b][k]), norm_l[b][k], logprob_l[b][k])
            if final_attn is not None:
                hyp = _with_attention(hyp, final_attn[b, k], int(src_len[b]))
            hyps.append(hyp)
        results.append(hyps)
    return results


def search(model: Seq2Seq, src: torch.Tensor, src_len: torch.Tensor, beam_size: int = 5,
           max_len_a: float = 1.5, max_len_b: int = 10, length_penalty: float = 1.0,
           n_best: int = 1, vocab: SentenceVocab | None = None, attention: bool = False,
           ) -> list[list[Hypothesis]]:
    """Greedy when ``beam_size < 2``, else beam search (``n_best`` <= ``beam_size``);
    ``vocab`` restricts each sentence's output pieces (a lexical shortlist); ``attention``
    keeps each hypothesis's attention weights."""
    if beam_size < 2:
        return greedy_search(model, src, src_len, max_len_a, max_len_b, length_penalty, vocab, attention)
    return beam_search(model, src, src_len, beam_size, max_len_a, max_len_b, length_penalty,
                       min(n_best, beam_size), vocab, attention)
