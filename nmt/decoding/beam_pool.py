"""Beam search that sentences join and leave between steps (continuous batching).

Why: a server that decodes whole batches waits for the batch's longest
sentence while the rows of the sentences that have ended sit idle, and new
requests wait for the whole batch to end. Measured on the default model
(beam 5, 2 cores), batches made of whichever one-sentence requests were
waiting decoded at 0.80x the rate of ``nmt translate``'s length-sorted
batches. A :class:`BeamPool` keeps one running search: :meth:`BeamPool.add`
encodes new sentences and appends their rows, :meth:`BeamPool.step` advances
every sentence by one token and returns those that have ended, so the batch
stays full and an answer leaves as soon as its sentence is done (the idea of
Orca's iteration-level scheduling, Yu et al. 2022, applied to an RNN beam search).

Each sentence's search is the one :func:`nmt.decoding.search.beam_search` runs: the
same step (:func:`nmt.decoding.search.beam_step`), the same K * K candidates and the
same end rule (all K beams ended), only with a step counter per sentence
instead of one per batch; beam 1 is greedy search. The tests check that the
pool's hypotheses equal ``beam_search``'s whatever the order of arrival.

Measured outcome: on 2 CPU cores ``nmt serve --batching continuous`` was
slower than window batching above one client (docs/serving.md says why), so it
is an option, not the server's default.
"""

from __future__ import annotations

from typing import Any, Callable

import torch
import torch.nn.functional as F

from nmt.data.batching import make_src_batch
from nmt.decoding.search import NEG_INF, Hypothesis, beam_step, gnmt_length_penalty, max_output_lengths, strip_eos
from nmt.model import DecoderState, EncoderOutput, OutputVocab, Seq2Seq
from nmt.shortlist import SentenceVocab
from nmt.tokenizer import BOS_ID, EOS_ID, PAD_ID

# (src ids (B, S), lengths (B,)) -> each sentence's shortlist, or None for the whole vocabulary
VocabFn = Callable[[torch.Tensor, torch.Tensor], "SentenceVocab | None"]


CPU = torch.device("cpu")

def _pad_dim(x: torch.Tensor, dim: int, size: int, value: float | bool = 0) -> torch.Tensor:
    """``x`` padded with ``value`` at the end of ``dim`` to ``size`` (unchanged when it has it)."""
    missing = size - x.size(dim)
    if missing <= 0:
        return x
    pads = [0, 0] * (x.dim() - 1 - dim) + [0, missing]
    return F.pad(x, pads, value=value)


def _cat_enc(a: EncoderOutput, b: EncoderOutput) -> EncoderOutput:
    """Rows of ``a`` then ``b``, the shorter source padded (masked: attention gives it 0)."""
    S = max(a.mask.size(1), b.mask.size(1))
    return EncoderOutput(torch.cat([_pad_dim(a.values, 1, S), _pad_dim(b.values, 1, S)]),
                         torch.cat([_pad_dim(a.proj_keys, 1, S), _pad_dim(b.proj_keys, 1, S)]),
                         torch.cat([_pad_dim(a.mask, 1, S, False), _pad_dim(b.mask, 1, S, False)]))


def _cat_state(a: DecoderState, b: DecoderState) -> DecoderState:
    if isinstance(a.hidden, tuple):
        hidden: Any = tuple(torch.cat([x, y], dim=1) for x, y in zip(a.hidden, b.hidden))
    else:
        hidden = torch.cat([a.hidden, b.hidden], dim=1)
    return DecoderState(hidden, torch.cat([a.prev_att, b.prev_att]))


def _cat_vocab(a: SentenceVocab, b: SentenceVocab) -> SentenceVocab:
    n = max(a.ids.size(1), b.ids.size(1))
    return SentenceVocab(torch.cat([_pad_dim(a.ids, 1, n, PAD_ID), _pad_dim(b.ids, 1, n, PAD_ID)]),
                         torch.cat([_pad_dim(a.real, 1, n, False), _pad_dim(b.real, 1, n, False)]))


def _cat_out_vocab(a: OutputVocab, b: OutputVocab) -> OutputVocab:
    n = max(a.weight.size(1), b.weight.size(1))
    return OutputVocab(torch.cat([_pad_dim(a.weight, 1, n), _pad_dim(b.weight, 1, n)]),
                       torch.cat([_pad_dim(a.bias, 2, n, NEG_INF), _pad_dim(b.bias, 2, n, NEG_INF)]))


class BeamPool:
    """A running beam search of width ``beam_size`` over ``model`` that sentences join
    (:meth:`add`) and leave (:meth:`step` returns them) at any step.

    Layout as in :func:`nmt.decoding.search.beam_search`: beam k of the i-th sentence in
    the pool is row ``i * K + k``; ``pos[i]`` is how many steps sentence i has
    taken, so ``tokens[i * K + k, pos[i]]`` is where its next piece goes.
    """

    def __init__(self, model: Seq2Seq, beam_size: int, max_len_a: float = 1.5, max_len_b: int = 10,
                 length_penalty: float = 1.0, vocab_fn: VocabFn | None = None,
                 device: torch.device = CPU) -> None:
        self.model, self.K, self.device = model, max(1, beam_size), device
        self.max_len_a, self.max_len_b, self.length_penalty = max_len_a, max_len_b, length_penalty
        self.vocab_fn = vocab_fn
        self.keys: list[Any] = []  # per sentence: the caller's key, handed back with its result
        self.n_best: list[int] = []
        self._live = 0

    def __len__(self) -> int:
        """Sentences still being searched."""
        return self._live

    @torch.inference_mode()
    def add(self, keys: list[Any], src: list[list[int]], n_best: list[int] | None = None) -> None:
        """Encode ``src`` (id lists, EOS-terminated) and let them join the search at the next step."""
        if not src:
            return
        if self.keys and bool(self.dead.any()):
            self._compact()
        K, device = self.K, self.device
        ids, lens = make_src_batch(src)
        ids, lens = ids.to(device), lens.to(device)
        enc, state = self.model.encode(ids, lens)
        vocab = self.vocab_fn(ids, lens) if self.vocab_fn is not None else None
        out_vocab = self.model.output_vocab(vocab.ids, vocab.real) if vocab is not None else None
        B = len(src)
        rows = torch.arange(B, device=device).repeat_interleave(K)
        state = state.index_select(rows)  # the encoder states stay one per sentence (grouped attention)
        budget = max_output_lengths(lens, self.max_len_a, self.max_len_b).repeat_interleave(K)
        scores = torch.full((B, K), NEG_INF, device=device)
        scores[:, 0] = 0.0  # only beam 0 is live at the start
        new = {"enc": enc, "state": state, "vocab": vocab, "out_vocab": out_vocab, "budget": budget,
               "scores": scores, "pos": torch.zeros(B, dtype=torch.long, device=device),
               "tokens": torch.full((B * K, int(budget.max())), PAD_ID, dtype=torch.long, device=device),
               "finished": torch.zeros(B * K, dtype=torch.bool, device=device),
               "lengths": torch.zeros(B * K, dtype=torch.long, device=device),
               "prev": torch.full((B * K,), BOS_ID, dtype=torch.long, device=device),
               "dead": torch.zeros(B, dtype=torch.bool, device=device)}
        if not self.keys:
            self.__dict__.update(new)
        else:
            self.enc, self.state = _cat_enc(self.enc, enc), _cat_state(self.state, state)
            if vocab is not None:
                self.vocab, self.out_vocab = _cat_vocab(self.vocab, vocab), _cat_out_vocab(self.out_vocab, out_vocab)
            T = max(self.tokens.size(1), new["tokens"].size(1))
            self.tokens = torch.cat([_pad_dim(self.tokens, 1, T, PAD_ID), _pad_dim(new["tokens"], 1, T, PAD_ID)])
            for name in ("budget", "scores", "pos", "finished", "lengths", "prev", "dead"):
                setattr(self, name, torch.cat([getattr(self, name), new[name]]))
        self.keys += list(keys)
        self._live += B
        self.n_best += list(n_best) if n_best is not None else [1] * B

    @torch.inference_mode()
    def step(self) -> list[tuple[Any, list[Hypothesis]]]:
        """Advance every sentence by one piece; return ``(key, n-best hypotheses)`` of the
        sentences that ended at this step (best first) and drop them from the pool."""
        if not self._live:
            return []
        b, K, device = len(self.keys), self.K, self.device
        pos_rows = self.pos.repeat_interleave(K)
        step_logp, step_ids, state, _ = beam_step(self.model, self.prev, self.state, self.enc, self.finished,
                                                    self.budget <= pos_rows + 1, K, self.vocab, self.out_vocab)
        cand = (self.scores.view(-1, 1) + step_logp).view(b, K * K)
        self.scores, idx = cand.topk(K, dim=1)
        origin = (idx // K + (torch.arange(b, device=device) * K).unsqueeze(1)).view(-1)
        self.prev = step_ids.view(b, K * K).gather(1, idx).view(-1)
        self.state = state.index_select(origin)
        self.tokens = self.tokens.index_select(0, origin)
        # Sentences that have left but not yet been compacted away step on past their budget
        # (PAD at no cost): their writes are clamped into the last column, which nobody reads.
        self.tokens[torch.arange(b * K, device=device), pos_rows.clamp(max=self.tokens.size(1) - 1)] = self.prev
        finished = self.finished.index_select(0, origin)
        self.lengths = self.lengths.index_select(0, origin) + (~finished).long()
        self.finished = finished | (self.prev == EOS_ID)
        self.pos = self.pos + 1
        done = self.finished.view(b, K).all(dim=1) & ~self.dead
        if not bool(done.any()):
            return []
        out = self._results(done)
        self.dead |= done
        self._live -= len(out)
        if int(self.dead.sum()) * 4 >= b:
            self._compact()
        return out

    def _results(self, done: torch.Tensor) -> list[tuple[Any, list[Hypothesis]]]:
        """(key, n-best) of the ``done`` sentences. Their rows stay in the pool, finished,
        until :meth:`_compact` (when a quarter of the pool has ended, or before new
        sentences join): moving every tensor each time one sentence ends cost more than
        stepping a few finished rows."""
        K = self.K
        d = done.nonzero().squeeze(1)
        d_rows = (d.unsqueeze(1) * K + torch.arange(K, device=self.device)).view(-1)
        scores = self.scores.index_select(0, d)
        norm = scores / gnmt_length_penalty(self.lengths.index_select(0, d_rows).view(-1, K), self.length_penalty)
        order_l = norm.argsort(dim=1, descending=True).tolist()
        tokens_l = self.tokens.index_select(0, d_rows).view(d.numel(), K, -1).tolist()
        norm_l, logprob_l = norm.tolist(), scores.tolist()
        out = []
        for j, i in enumerate(d.tolist()):
            hyps: list[Hypothesis] = []
            for k in order_l[j][: self.n_best[i]]:
                if norm_l[j][k] == NEG_INF and hyps:
                    continue  # an empty slot (fewer than K live candidates existed)
                hyps.append(Hypothesis(strip_eos(tokens_l[j][k]), norm_l[j][k], logprob_l[j][k]))
            out.append((self.keys[i], hyps))
        return out

    def _compact(self) -> None:
        """Drop the rows of the sentences that have ended."""
        K = self.K
        keep = (~self.dead).nonzero().squeeze(1)
        kept = keep.tolist()
        self.keys, self.n_best = [self.keys[i] for i in kept], [self.n_best[i] for i in kept]
        if not kept:
            return
        keep_rows = (keep.unsqueeze(1) * K + torch.arange(K, device=self.device)).view(-1)
        # The source dimension shrinks to the longest source left: attention costs rows x S.
        S = int(self.enc.mask.index_select(0, keep).sum(1).max())
        enc = self.enc if S == self.enc.mask.size(1) else \
            EncoderOutput(self.enc.values[:, :S], self.enc.proj_keys[:, :S], self.enc.mask[:, :S])
        self.enc, self.state = enc.index_select(keep), self.state.index_select(keep_rows)
        if self.vocab is not None:
            self.vocab, self.out_vocab = self.vocab.index_select(keep), self.out_vocab.index_select(keep)
        self.scores, self.pos = self.scores.index_select(0, keep), self.pos.index_select(0, keep)
        self.dead = self.dead.index_select(0, keep)
        for name in ("tokens", "finished", "lengths", "prev", "budget"):
            setattr(self, name, getattr(self, name).index_select(0, keep_rows))
        # Sentences may leave with a long budget: trim token columns nobody can reach.
        T = int(self.budget.max())
        if T < self.tokens.size(1):
            self.tokens = self.tokens[:, :T]
