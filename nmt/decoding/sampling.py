"""Sampling translations instead of searching for the best one (back-translation, diversity).

Each step draws the next piece from the model's distribution, sharpened or
flattened by ``temperature`` and cut to the ``top_k`` most likely pieces and/or
the smallest set holding ``top_p`` of the probability (nucleus sampling,
Holtzman et al. 2020). Edunov et al. (2018) found sampled back-translations
train better systems than beam ones.

Reproducible per line: the random numbers of sample j of a sentence come from
a generator seeded with (seed, the sentence's source ids, j), drawn through
the Gumbel-max trick, so a line gets the same samples whatever batch, chunk
or position it is decoded in, and the same seed gives the same output.
The reported score is the model's own log-probability of the sample (no
temperature or truncation), length-normalised like search's.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import torch

from nmt.decoding.search import Hypothesis, decode_rows, max_output_lengths
from nmt.model import Seq2Seq
from nmt.shortlist import SentenceVocab
from nmt.tokenizer import BOS_ID, EOS_ID, PAD_ID

NEG_INF = float("-inf")


@dataclass(frozen=True)
class Sampling:
    temperature: float = 1.0
    top_k: int = 0  # 0 = no cut
    top_p: float = 1.0  # 1 = no cut
    seed: int = 0


def _row_seed(seed: int, src_ids: list[int], j: int) -> int:
    digest = hashlib.blake2b(f"{seed}|{j}|{src_ids}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "little") & ((1 << 63) - 1)


def restrict(scores: torch.Tensor, top_k: int, top_p: float) -> torch.Tensor:
    """``scores`` (rows, V) with everything outside each row's top-k / top-p set at -inf."""
    if 0 < top_k < scores.size(1):
        kth = scores.topk(top_k, dim=1).values[:, -1:]
        scores = scores.masked_fill(scores < kth, NEG_INF)
    if top_p < 1.0:
        sorted_scores, order = scores.sort(dim=1, descending=True)
        probs = torch.softmax(sorted_scores, dim=1)
        before = probs.cumsum(1) - probs  # mass of the pieces ranked above each piece
        drop = before >= top_p  # the first piece always stays
        scores = scores.scatter(1, order, sorted_scores.masked_fill(drop, NEG_INF))
    return scores


@torch.inference_mode()
def sample(model: Seq2Seq, src: torch.Tensor, src_len: torch.Tensor, n: int, sampling: Sampling,
           max_len_a: float = 1.5, max_len_b: int = 10, length_penalty: float = 1.0,
           vocab: SentenceVocab | None = None, attention: bool = False) -> list[list[Hypothesis]]:
    """``n`` samples per sentence of the (B, S) batch, in sample order.

    ``model``: a :class:`~nmt.model.Seq2Seq` or anything with its decoding interface
    (an ensemble, the onnxruntime model), as for :func:`~nmt.decoding.search.search`."""
    B = src.size(0)
    device = src.device
    rows = torch.arange(B, device=device).repeat_interleave(n)
    R = rows.numel()
    srcs = [src[b, : int(src_len[b])].tolist() for b in range(B)]
    gens = [torch.Generator().manual_seed(_row_seed(sampling.seed, srcs[r // n], r % n)) for r in range(R)]
    enc, state = model.encode(src, src_len)
    enc, state = enc.index_select(rows), state.index_select(rows)
    if vocab is not None:
        vocab = vocab.index_select(rows)
    budget = max_output_lengths(src_len, max_len_a, max_len_b).to(device).repeat_interleave(n)
    T = max(sampling.temperature, 1e-6)

    def draw(logits: torch.Tensor, alive: torch.Tensor, last: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        logp = torch.log_softmax(logits, dim=-1)
        scores = logits / T
        scores[:, PAD_ID] = NEG_INF
        scores[:, BOS_ID] = NEG_INF
        scores = restrict(scores, sampling.top_k, sampling.top_p)
        noise = torch.stack([torch.rand(scores.size(1), generator=gens[r]) for r in alive.tolist()]).to(device)
        gumbel = -torch.log(-torch.log(noise.clamp_(1e-10, 1.0 - 1e-7)))
        cols = (scores + gumbel).argmax(dim=1)
        cols = torch.where(last, torch.full_like(cols, EOS_ID), cols)  # EOS is column 3 in a shortlist too
        return logp.gather(1, cols.unsqueeze(1)).squeeze(1), cols

    hyps = decode_rows(model, enc, state, budget, draw, src_len.repeat_interleave(n), length_penalty, vocab,
                       attention)
    return [hyps[b * n: (b + 1) * n] for b in range(B)]
