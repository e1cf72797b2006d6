"""Search invariants: beam 1 == greedy, sorted n-best, EOS ends a hypothesis, length budget."""

import math

import pytest
import torch

from nmt.data.batching import make_src_batch
from nmt.decoding.search import (
    NEG_INF,
    beam_search,
    gnmt_length_penalty,
    greedy_search,
    max_output_lengths,
    search,
    step_candidates,
    topk_rows,
)
from nmt.model import DecoderState, EncoderOutput
from nmt.tokenizer import BOS_ID, EOS_ID, PAD_ID

SRC = [[5, 6, 7, 8, 9, 3], [10, 11, 3], [12, 3], [13, 14, 15, 3]]


class ScriptedModel:
    """A model whose next-token distribution depends only on the previous token.

    From BOS: token 4 (p=.5) or 5 (p=.4) or EOS (.1). After 4: spread evenly over
    5 tokens (each .2). After 5: token 6 (p=.9). After 6: EOS (p=1). After any
    other token: EOS. Greedy picks 4 then a .2 token: .5*.2 = .1; beam finds 5 6
    EOS with .4*.9*1 = .36.
    """

    V = 12

    def encode(self, src, src_len):
        B = src.size(0)
        enc = EncoderOutput(torch.zeros(B, 1, 1), torch.zeros(B, 1, 1), torch.ones(B, 1, dtype=torch.bool))
        return enc, DecoderState(torch.zeros(1, B, 1), torch.zeros(B, 1))

    def decode_logits(self, prev, state, enc, rows=None, vocab=None):
        """Log-probabilities, which are valid logits (over the whole vocabulary only)."""
        assert vocab is None
        if rows is not None:
            logits, state, _ = self.decode_logits(prev, state, enc)
            return logits.index_select(0, rows), state, None
        p = torch.full((prev.size(0), self.V), 1e-9)
        for row, tok in enumerate(prev.tolist()):
            if tok == BOS_ID:
                p[row, 4], p[row, 5], p[row, EOS_ID] = 0.5, 0.4, 0.1
            elif tok == 4:
                p[row, 7:12] = 0.2
            elif tok == 5:
                p[row, 6], p[row, EOS_ID] = 0.9, 0.1
            else:
                p[row, EOS_ID] = 1.0
        return (p / p.sum(-1, keepdim=True)).log(), state, None


def test_beam_finds_the_better_hypothesis_and_stops_at_eos():
    src, lens = make_src_batch([[7, 3]])
    model = ScriptedModel()
    greedy = greedy_search(model, src, lens, 10, 10, length_penalty=0.0)[0][0]
    assert greedy.tokens[0] == 4 and len(greedy.tokens) == 2
    beam = beam_search(model, src, lens, beam_size=3, max_len_a=10, max_len_b=10, length_penalty=0.0, n_best=3)[0]
    assert beam[0].tokens == [5, 6]  # EOS ends it and is not part of the output
    assert beam[0].logprob == pytest.approx(math.log(0.36), abs=1e-4)
    scores = [h.score for h in beam]
    assert scores == sorted(scores, reverse=True)


def test_beam_one_equals_greedy_on_a_real_model(tiny_model):
    src, lens = make_src_batch(SRC)
    g = greedy_search(tiny_model, src, lens, 1.5, 5, 1.0)
    b = beam_search(tiny_model, src, lens, 1, 1.5, 5, 1.0)
    assert [h[0].tokens for h in g] == [h[0].tokens for h in b]
    for hg, hb in zip(g, b):
        assert hg[0].score == pytest.approx(hb[0].score, abs=1e-4)


def test_search_picks_greedy_below_two(tiny_model):
    src, lens = make_src_batch(SRC)
    assert [h[0].tokens for h in search(tiny_model, src, lens, beam_size=1)] == \
        [h[0].tokens for h in greedy_search(tiny_model, src, lens)]


def test_n_best_sorted_and_within_length_budget(tiny_model):
    src, lens = make_src_batch(SRC)
    out = beam_search(tiny_model, src, lens, beam_size=4, max_len_a=1.0, max_len_b=2, n_best=4)
    budget = max_output_lengths(lens, 1.0, 2).tolist()
    for hyps, limit in zip(out, budget):
        assert 1 <= len(hyps) <= 4
        scores = [h.score for h in hyps]
        assert scores == sorted(scores, reverse=True)
        assert all(len(h.tokens) < limit for h in hyps)  # + EOS = at most the budget


def test_batched_beam_equals_one_sentence_at_a_time(tiny_model):
    src, lens = make_src_batch(SRC)
    together = beam_search(tiny_model, src, lens, beam_size=3, n_best=3)
    for i, s in enumerate(SRC):
        one, one_len = make_src_batch([s])
        alone = beam_search(tiny_model, one, one_len, beam_size=3, n_best=3)[0]
        assert [h.tokens for h in alone] == [h.tokens for h in together[i]]
        for a, b in zip(alone, together[i]):
            assert a.score == pytest.approx(b.score, abs=1e-4)


@pytest.mark.parametrize("beam", [1, 3])
def test_finished_sentences_leave_the_batch_without_changing_results(tiny_model, monkeypatch, beam):
    """Rows of done sentences are dropped from later steps (speed), and the results are
    those of decoding each sentence alone (correctness of the bookkeeping)."""
    src, lens = make_src_batch(SRC)
    alone = [search(tiny_model, *make_src_batch([s]), beam_size=beam, n_best=beam)[0] for s in SRC]
    advanced: list[int] = []  # rows stepped by the decoder
    scored: list[int] = []  # rows given scores over the vocabulary
    step = tiny_model.decode_logits

    def counting_step(prev, state, enc, rows=None, vocab=None):
        logits, state, weights = step(prev, state, enc, rows, vocab)
        advanced.append(prev.size(0))
        scored.append(logits.size(0))
        return logits, state, weights

    monkeypatch.setattr(tiny_model, "decode_logits", counting_step)
    together = search(tiny_model, src, lens, beam_size=beam, n_best=beam)
    assert advanced[0] == len(SRC) * beam
    assert advanced == sorted(advanced, reverse=True) and advanced[-1] < advanced[0]
    if beam > 1:  # finished hypotheses of unfinished sentences are not scored
        assert any(s < r for s, r in zip(scored, advanced))
    for a, b in zip(alone, together):
        assert [h.tokens for h in a] == [h.tokens for h in b]
        assert [h.score for h in a] == pytest.approx([h.score for h in b], abs=1e-4)


def test_beams_sharing_their_sentences_encoder_states_equal_beams_with_copies(tiny_model, monkeypatch):
    """A Seq2Seq's beam search keeps one copy of the encoder states per sentence (its attention
    takes each sentence's K beams as a group); a model without that (an ONNX graph traced
    for one query per key row) gets K copies. Same hypotheses either way, also as sentences
    leave the batch, and with the attention weights returned."""
    src, lens = make_src_batch(SRC)
    seen: list[tuple[int, int]] = []  # (hypothesis rows, encoder rows) at each step
    step = tiny_model.decode_logits

    def watching_step(prev, state, enc, rows=None, vocab=None):
        seen.append((prev.size(0), enc.values.size(0)))
        return step(prev, state, enc, rows, vocab)

    monkeypatch.setattr(tiny_model, "decode_logits", watching_step)
    shared = beam_search(tiny_model, src, lens, beam_size=3, n_best=3, attention=True)
    assert seen[0] == (len(SRC) * 3, len(SRC)) and all(h == 3 * e for h, e in seen)
    seen.clear()
    monkeypatch.setattr(type(tiny_model), "attends_grouped", False)
    copies = beam_search(tiny_model, src, lens, beam_size=3, n_best=3, attention=True)
    assert seen[0] == (len(SRC) * 3, len(SRC) * 3)
    for a, b in zip(shared, copies):
        assert [h.tokens for h in a] == [h.tokens for h in b]
        assert [h.score for h in a] == pytest.approx([h.score for h in b], abs=1e-5)
        assert torch.allclose(torch.tensor(a[0].attention), torch.tensor(b[0].attention), atol=1e-5)


@pytest.mark.parametrize("length, alpha, expected", [(1, 0.0, 1.0), (1, 1.0, 1.0), (7, 1.0, 2.0), (7, 0.5, 2 ** 0.5)])
def test_gnmt_length_penalty(length, alpha, expected):
    assert float(gnmt_length_penalty(torch.tensor(length), alpha)) == pytest.approx(expected)


def _reference_candidates(logits, finished, last_step, k):
    """The definition step_candidates must match: normalise the whole row, constrain, top k."""
    logp = torch.log_softmax(logits, dim=-1)
    logp[:, PAD_ID] = NEG_INF
    logp[:, BOS_ID] = NEG_INF
    for row in range(logp.size(0)):
        if finished[row]:
            logp[row] = NEG_INF
            logp[row, PAD_ID] = 0.0
        elif last_step[row]:
            eos = logp[row, EOS_ID].item()
            logp[row] = NEG_INF
            logp[row, EOS_ID] = eos
    return logp.topk(k, dim=-1)


@pytest.mark.parametrize("k,V", [(1, 50), (3, 50), (5, 50), (5, 8000), (8, 4000)])
def test_step_candidates_equal_normalise_constrain_then_topk(k, V):
    torch.manual_seed(k)
    rows = 12
    logits = torch.randn(rows, V) * 3
    finished = torch.tensor([r % 4 == 1 for r in range(rows)])
    last_step = torch.tensor([r % 3 == 2 for r in range(rows)])  # some finished rows are at the budget too
    for fin, last in [(finished, last_step), (torch.zeros(rows, dtype=torch.bool),) * 2]:
        want_v, want_i = _reference_candidates(logits.clone(), fin, last, k)
        got_v, got_i = step_candidates(logits.clone(), fin, last, k)
        finite = torch.isfinite(want_v)
        assert torch.equal(finite, torch.isfinite(got_v))
        assert torch.allclose(got_v[finite], want_v[finite], atol=1e-5)
        assert torch.equal(got_i[finite], want_i[finite])
        live = finite & ~fin.unsqueeze(1)
        assert not (got_i[live] == PAD_ID).any() and not (got_i[finite] == BOS_ID).any()


@pytest.mark.parametrize("rows,width,k", [(320, 8000, 5), (7, 8000, 1), (5, 4000, 10), (3, 16000, 5),
                                          (4, 1000, 5), (6, 997, 5), (2, 200, 5), (9, 8000, 64)])
def test_blocked_topk_equals_torch_topk(rows, width, k):
    """Blocked top-k (the fast path for wide rows) and its fall-backs give torch.topk's answer,
    including rows whose best values sit in one block and rows with -inf columns."""
    torch.manual_seed(width + k)
    x = torch.randn(rows, width) * 4
    x[:, :3] = NEG_INF  # masked columns, as PAD/BOS in search
    x[0, 100:100 + min(k, 20)] += 50.0  # all of row 0's best values in one block
    want_v, want_i = x.topk(k, dim=1)
    got_v, got_i = topk_rows(x, k)
    assert torch.equal(got_v, want_v)
    assert torch.equal(got_i, want_i)  # random values: no ties to break differently
