"""Model shapes, attention masking, padding invariance, and the GRU equations."""

import pytest
import torch
import torch.nn.functional as F
from conftest import tiny_model_config

from nmt.data.batching import make_batch
from nmt.model import build_model
from nmt.model.attention import AdditiveAttention
from nmt.model.seq2seq import count_parameters

SRC = [[5, 6, 7, 8, 9, 3], [10, 11, 3], [12, 3]]
TGT = [[20, 21, 22], [23], [24, 25, 26, 27, 28]]


@pytest.mark.parametrize("cell", ["gru", "lstm", "rnn"])
def test_forward_shapes(cell):
    torch.manual_seed(0)
    model = build_model(tiny_model_config(cell=cell, dec_layers=2), 40, 40).eval()
    batch = make_batch(SRC, TGT)
    logits = model(batch.src, batch.src_len, batch.tgt_in)
    assert logits.shape == (3, 6, 40)  # B x T x V, T = longest target + EOS
    enc, state = model.encode(batch.src, batch.src_len)
    assert enc.values.shape == (3, 6, 24) and enc.proj_keys.shape == (3, 6, 12)
    logp, state2, attn = model.decode_step(torch.tensor([2, 2, 2]), state, enc)
    assert logp.shape == (3, 40) and attn.shape == (3, 6)
    assert torch.allclose(logp.exp().sum(-1), torch.ones(3), atol=1e-5)


def test_attention_gives_padding_zero_weight():
    torch.manual_seed(0)
    att = AdditiveAttention(key_size=6, query_size=4, hidden=5)
    keys = torch.randn(2, 7, 6)
    mask = torch.tensor([[True] * 7, [True] * 3 + [False] * 4])
    ctx, w = att(torch.randn(2, 4), att.project_keys(keys), keys, mask)
    assert torch.all(w[1, 3:] == 0)
    assert torch.allclose(w.sum(-1), torch.ones(2))
    # The context of the padded row only depends on its real keys.
    keys2 = keys.clone()
    keys2[1, 3:] = 1000.0
    q = torch.randn(2, 4)
    ctx1, _ = att(q, att.project_keys(keys), keys, mask)
    ctx2, _ = att(q, att.project_keys(keys2), keys2, mask)
    assert torch.allclose(ctx1[1], ctx2[1])


def test_attention_weights_are_those_of_the_tanh_form():
    """forward() computes v^T tanh(W_q q + W_k k_j) through sigmoid; the weights must agree."""
    torch.manual_seed(1)
    att = AdditiveAttention(key_size=6, query_size=4, hidden=5)
    keys, query = torch.randn(3, 7, 6) * 3, torch.randn(3, 4) * 3
    mask = torch.tensor([[True] * 7, [True] * 4 + [False] * 3, [True] + [False] * 6])
    energies = torch.tanh(att.query_layer(query).unsqueeze(1) + att.key_layer(keys))
    scores = att.energy_layer(energies).squeeze(2).masked_fill(~mask, float("-inf"))
    want = torch.softmax(scores, dim=-1)
    _, got = att(query, att.project_keys(keys), keys, mask)
    assert torch.allclose(got, want, atol=1e-6)


@pytest.mark.parametrize("cell", ["gru", "lstm", "rnn"])
def test_padding_does_not_change_scores(cell):
    """Each sentence scored alone equals its score inside a padded batch."""
    torch.manual_seed(0)
    model = build_model(tiny_model_config(cell=cell), 40, 40).eval()
    batch = make_batch(SRC, TGT)
    with torch.no_grad():
        logp = F.log_softmax(model(batch.src, batch.src_len, batch.tgt_in), -1)
        for i in range(len(SRC)):
            alone = make_batch([SRC[i]], [TGT[i]])
            logp_alone = F.log_softmax(model(alone.src, alone.src_len, alone.tgt_in), -1)
            T = len(TGT[i]) + 1
            assert torch.allclose(logp[i, :T], logp_alone[0], atol=1e-5)


def test_tied_and_shared_embeddings():
    model = build_model(tiny_model_config(tie_output=True, share_embeddings=True), 40, 40)
    assert model.output.weight is model.tgt_embed.weight is model.src_embed.weight
    untied = build_model(tiny_model_config(tie_output=False, share_embeddings=False), 40, 40)
    assert count_parameters(untied) > count_parameters(model)


def test_gru_has_fewer_parameters_than_lstm():
    sizes = {c: count_parameters(build_model(tiny_model_config(cell=c), 40, 40)) for c in ("rnn", "gru", "lstm")}
    assert sizes["rnn"] < sizes["gru"] < sizes["lstm"]


def test_word_dropout_only_in_training():
    torch.manual_seed(0)
    model = build_model(tiny_model_config(word_dropout=0.5), 40, 40)
    batch = make_batch(SRC, TGT)
    model.eval()
    a = model(batch.src, batch.src_len, batch.tgt_in)
    b = model(batch.src, batch.src_len, batch.tgt_in)
    assert torch.equal(a, b)


class ChoGRUCell(torch.nn.Module):
    """The GRU of Cho et al. 2014 (arXiv 1406.1078, Section 2.3), written from the paper.

        r = sigmoid(W_r x + U_r h)            reset gate
        z = sigmoid(W_z x + U_z h)            update gate
        h~ = tanh(W x + U (r * h))            candidate: reset applied BEFORE U
        h' = z * h + (1 - z) * h~             z weighs the OLD state

    torch.nn.GRU differs in one convention: its candidate is
    ``tanh(W x + b_in + r * (U h + b_hn))`` — the reset gate multiplies U h
    AFTER the matrix product (as in cuDNN). Both weigh the old state by z
    (h' = (1 - z) * n + z * h). With zero hidden biases the two candidates
    differ unless r is 0/1, so the comparison below feeds torch's convention to
    this cell through ``reset_after``; with ``reset_after=False`` it is the paper's.
    """

    def __init__(self, W: torch.Tensor, U: torch.Tensor, b_i: torch.Tensor, b_h: torch.Tensor,
                 reset_after: bool) -> None:
        super().__init__()
        self.W_r, self.W_z, self.W_n = W.chunk(3)
        self.U_r, self.U_z, self.U_n = U.chunk(3)
        self.b_ir, self.b_iz, self.b_in = b_i.chunk(3)
        self.b_hr, self.b_hz, self.b_hn = b_h.chunk(3)
        self.reset_after = reset_after

    def forward(self, x: torch.Tensor, h: torch.Tensor) -> torch.Tensor:
        r = torch.sigmoid(x @ self.W_r.T + self.b_ir + h @ self.U_r.T + self.b_hr)
        z = torch.sigmoid(x @ self.W_z.T + self.b_iz + h @ self.U_z.T + self.b_hz)
        if self.reset_after:
            n = torch.tanh(x @ self.W_n.T + self.b_in + r * (h @ self.U_n.T + self.b_hn))
        else:
            n = torch.tanh(x @ self.W_n.T + self.b_in + (r * h) @ self.U_n.T + self.b_hn)
        return z * h + (1 - z) * n


def test_gru_equations_match_torch_gru():
    torch.manual_seed(0)
    gru = torch.nn.GRU(5, 7, batch_first=True)
    cell = ChoGRUCell(gru.weight_ih_l0, gru.weight_hh_l0, gru.bias_ih_l0, gru.bias_hh_l0, reset_after=True)
    x = torch.randn(3, 4, 5)
    h = torch.randn(1, 3, 7)
    out, _ = gru(x, h)
    state = h[0]
    with torch.no_grad():
        for t in range(4):
            state = cell(x[:, t], state)
            assert torch.allclose(out[:, t], state, atol=1e-6)
    # The paper's placement of the reset gate is a different function.
    paper = ChoGRUCell(gru.weight_ih_l0, gru.weight_hh_l0, gru.bias_ih_l0, gru.bias_hh_l0, reset_after=False)
    with torch.no_grad():
        assert not torch.allclose(paper(x[:, 0], h[0]), out[:, 0], atol=1e-4)


@pytest.mark.parametrize("cell", ["gru", "lstm"])
def test_packed_logits_skip_padding_and_equal_each_sentence_alone(cell):
    """Training steps only sentences still going: same logits as alone, targets found by index."""
    torch.manual_seed(0)
    model = build_model(tiny_model_config(cell=cell, dec_layers=2), 40, 40).eval()
    batch = make_batch(SRC, TGT)
    tgt_len = (batch.tgt_out != 0).sum(1)
    with torch.no_grad():
        logits, index = model.packed_logits(batch.src, batch.src_len, batch.tgt_in, tgt_len)
        assert logits.shape == (sum(len(t) + 1 for t in TGT), 40)
        targets = batch.tgt_out.reshape(-1)[index]
        assert sorted(targets.tolist()) == sorted(sum((t + [3] for t in TGT), []))  # EOS id 3
        T = batch.tgt_out.size(1)
        for i in range(len(SRC)):
            alone = make_batch([SRC[i]], [TGT[i]])
            want = model(alone.src, alone.src_len, alone.tgt_in)[0]
            rows = [k for k, pos in enumerate(index.tolist()) if pos // T == i]
            assert [index[k].item() % T for k in rows] == list(range(len(TGT[i]) + 1))
            assert torch.allclose(logits[rows], want, atol=1e-5)


def test_packed_logits_ignore_trailing_padding_columns():
    torch.manual_seed(0)
    model = build_model(tiny_model_config(), 40, 40).eval()
    batch = make_batch(SRC, TGT)
    tgt_len = (batch.tgt_out != 0).sum(1)
    wider = torch.cat([batch.tgt_in, torch.zeros(3, 2, dtype=torch.long)], dim=1)
    with torch.no_grad():
        a, ia = model.packed_logits(batch.src, batch.src_len, batch.tgt_in, tgt_len)
        b, ib = model.packed_logits(batch.src, batch.src_len, wider, tgt_len)
    T = batch.tgt_in.size(1)
    assert torch.equal(ia // T, ib // (T + 2)) and torch.equal(ia % T, ib % (T + 2))
    assert torch.allclose(a, b)


@pytest.mark.parametrize("cell", ["gru", "lstm", "rnn"])
@pytest.mark.parametrize("layers", [1, 2])
def test_cell_step_is_the_recurrence_one_step_at_a_time(cell, layers):
    """The decoder's GPU path (torch's cell functions on the RNN's own weights) gives the
    outputs, states and gradients of the sequence call it replaces."""
    from nmt.model.rnn import cell_step, make_rnn

    torch.manual_seed(0)
    rnn = make_rnn(cell, 6, 5, layers, dropout=0.3, bidirectional=False).eval()  # eval: no dropout
    x = torch.randn(4, 6)
    h = torch.randn(layers, 4, 5)
    hidden = (h, torch.randn(layers, 4, 5)) if cell == "lstm" else h
    out, new = rnn(x.unsqueeze(1), hidden)
    got, got_new = cell_step(rnn, x, hidden)
    assert torch.allclose(got, out.squeeze(1), atol=1e-6)
    def flat(s):
        return list(s) if isinstance(s, tuple) else [s]

    for a, b in zip(flat(got_new), flat(new), strict=True):
        assert a.shape == b.shape and torch.allclose(a, b, atol=1e-6)
    grads = []
    for y in (out.squeeze(1), got):
        rnn.zero_grad()
        y.square().sum().backward(retain_graph=True)
        grads.append(rnn.weight_hh_l0.grad.clone())
    assert torch.allclose(grads[0], grads[1], atol=1e-5)


@pytest.mark.parametrize("cell", ["gru", "lstm", "rnn"])
@pytest.mark.parametrize("layers", [1, 2])
def test_packed_cpu_decoding_gives_the_same_scores_and_searches(cell, layers):
    """nmt.model.packed (oneDNN pre-packed decoder products, CPU inference only) changes
    float rounding, not results: the same logits within 1e-5 and the same beam search."""
    from nmt.decoding.search import beam_search
    from nmt.model.packed import available, pack_for_cpu

    if not available():
        pytest.skip("this torch build cannot pack oneDNN linear weights")
    torch.manual_seed(0)
    model = build_model(tiny_model_config(cell=cell, dec_layers=layers), 40, 40).eval()
    src, lens = torch.randint(3, 40, (4, 7)), torch.tensor([7, 5, 3, 1])
    prev = torch.randint(3, 40, (4,))
    with torch.inference_mode():
        enc, state = model.encode(src, lens)
        plain = model.decode_logits(prev, state, enc)[0]
        before = beam_search(model, src, lens, beam_size=3)
        assert pack_for_cpu(model)
        packed = model.decode_logits(prev, state, enc)[0]
        after = beam_search(model, src, lens, beam_size=3)
    assert torch.allclose(plain, packed, atol=1e-5)
    assert [[h.tokens for h in hs] for hs in before] == [[h.tokens for h in hs] for hs in after]
    # Training never sees the packed copies: with gradients on, the plain modules run.
    model.train()
    enc, state = model.encode(src, lens)
    model.decode_logits(prev, state, enc)[0].sum().backward()
    assert model.decoder.rnn.weight_hh_l0.grad is not None and model.decoder.readout.weight.grad is not None
    assert not any("packed" in k for k in model.state_dict())


def test_translator_packs_fp32_cpu_models_only(trained_run):
    from nmt.decoding.translator import Translator
    from nmt.model.packed import available

    fp32 = Translator.load(trained_run / "best.pt", device="cpu")
    assert ("_packed_rnn" in fp32.model.decoder.__dict__) == available()
    int8 = Translator.load(trained_run / "best.pt", device="cpu", int8=True)
    assert "_packed_rnn" not in int8.model.decoder.__dict__


def test_bf16_cpu_decoding_rounds_the_scores_only(trained_run):
    """decode.bf16 packs the decoder's products (the output projection too) in bfloat16: the
    scores move by rounding, the search and the line-for-line contract do not change, and
    it is refused with int8 (two precisions) with a one-line error."""
    from nmt.decoding.translator import Translator
    from nmt.errors import NmtError
    from nmt.model.packed import available

    if not available(torch.bfloat16):
        pytest.skip("this torch build or CPU cannot run bf16 products through oneDNN")
    fp32 = Translator.load(trained_run / "best.pt", device="cpu", shortlist=False)
    bf16 = Translator.load(trained_run / "best.pt", device="cpu", shortlist=False, bf16=True)
    assert "_packed" in bf16.model.output.__dict__ and "_packed" not in fp32.model.output.__dict__
    src, lens = torch.randint(4, 40, (3, 6)), torch.tensor([6, 4, 2])
    with torch.inference_mode():
        logits = []
        for tr in (fp32, bf16):
            enc, state = tr.model.encode(src, lens)
            logits.append(tr.model.decode_logits(torch.tensor([2, 2, 2]), state, enc)[0])
    assert logits[1].dtype == torch.float32
    assert not torch.equal(logits[0], logits[1])
    assert torch.allclose(logits[0], logits[1], atol=0.05 * float(logits[0].abs().max()))
    lines = ["Ein Mann fährt Fahrrad.", "", "Zwei Hunde spielen im Schnee."]
    out = bf16.translate(lines)
    assert len(out) == 3 and out[1] == ""
    with pytest.raises(NmtError, match="choose one"):
        Translator.load(trained_run / "best.pt", device="cpu", int8=True, bf16=True)


def test_length_spans_cut_sorted_rows_where_padding_costs_more_than_a_span():
    from nmt.model.attention import length_spans

    lengths = [5] * 5 + [9] * 5 + [12] * 5 + [20] * 5 + [33] * 5 + [35] * 5  # 6 sentences x 5 beams
    spans = length_spans(lengths, 35)
    assert spans is not None and len(spans) >= 2
    assert spans[0][0] == 0 and spans[-1][1] == len(lengths)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))  # contiguous, in order
    for a, b, s in spans:  # every row sees its whole source, no span sees past the width
        assert max(lengths[a:b]) <= s <= 35
    cells = sum((b - a) * s for a, b, s in spans)
    assert cells < 0.75 * 35 * len(lengths)
    assert length_spans([30] * 10 + [31] * 5, 31) is None  # nothing to save
    assert length_spans([12], 12) is None
    assert length_spans([3, 40] * 20, 40) is None  # unsorted: too many runs to be worth cutting


def test_attention_over_length_spans_equals_attention_over_the_padded_batch():
    from nmt.model.attention import length_spans

    torch.manual_seed(3)
    att = AdditiveAttention(key_size=6, query_size=4, hidden=5)
    lengths = [2, 2, 3, 9, 9, 17, 30, 30]
    keys, query = torch.randn(8, 30, 6), torch.randn(8, 4)
    mask = torch.arange(30).unsqueeze(0) < torch.tensor(lengths).unsqueeze(1)
    spans = length_spans(lengths, 30, cost=1)
    assert spans is not None and len(spans) >= 3
    with torch.inference_mode():
        ctx, w = att(query, att.project_keys(keys), keys, mask)
        ctx_s, w_s = att(query, att.project_keys(keys), keys, mask, spans)
    assert torch.allclose(ctx, ctx_s, atol=1e-6) and torch.allclose(w, w_s, atol=1e-6)
    assert torch.all(w_s[~mask] == 0)


@pytest.mark.parametrize("beam", [1, 4])
def test_search_with_length_spans_equals_search_without(beam, monkeypatch):
    """CPU inference attends each span of rows over its own longest source (spans are set
    by encode() under inference mode); the searches must not change."""
    import nmt.model.seq2seq as seq2seq
    from nmt.decoding.search import search

    torch.manual_seed(0)
    model = build_model(tiny_model_config(), 40, 40).eval()
    lens = torch.tensor([2, 3, 3, 6, 11, 12, 20, 31])
    src = torch.randint(4, 40, (8, 31)).masked_fill(torch.arange(31) >= lens.unsqueeze(1), 0)
    with torch.inference_mode():
        enc, _ = model.encode(src, lens)
        assert enc.spans is not None
        with_spans = search(model, src, lens, beam_size=beam, n_best=beam)
        monkeypatch.setattr(seq2seq, "length_spans", lambda *a, **k: None)
        assert model.encode(src, lens)[0].spans is None
        without = search(model, src, lens, beam_size=beam, n_best=beam)
    assert [[h.tokens for h in hs] for hs in with_spans] == [[h.tokens for h in hs] for hs in without]
    assert all(abs(a.score - b.score) < 1e-5 for x, y in zip(with_spans, without) for a, b in zip(x, y))


def _loss_and_grads(model, batch, defer: bool):
    model.defer_weight_grads = defer
    model.zero_grad(set_to_none=True)
    tgt_len = (batch.tgt_out != 0).sum(1)
    logits, index = model.packed_logits(batch.src, batch.src_len, batch.tgt_in, tgt_len)
    loss = F.cross_entropy(logits, batch.tgt_out.reshape(-1)[index], reduction="sum")
    loss.backward()
    return logits.detach(), {n: p.grad.clone() for n, p in model.named_parameters() if p.grad is not None}


@pytest.mark.parametrize("cell", ["gru", "lstm", "rnn"])
@pytest.mark.parametrize("layers,feeding", [(1, True), (2, True), (1, False)])
def test_training_loop_with_deferred_weight_grads_is_the_step_loop(cell, layers, feeding):
    """The CPU training loop (each decoder weight's gradient in one product, the embedding
    parts precomputed: nmt.model.teacher_forcing) gives the logits and every gradient of
    the step-by-step loop that decoding uses."""
    torch.manual_seed(0)
    model = build_model(tiny_model_config(cell=cell, dec_layers=layers, input_feeding=feeding, dec_hidden=10), 40, 40)
    model.eval()  # no dropout, so both loops compute one function
    batch = make_batch(SRC, TGT)
    want_logits, want = _loss_and_grads(model, batch, defer=False)
    got_logits, got = _loss_and_grads(model, batch, defer=True)
    assert torch.allclose(got_logits, want_logits, atol=1e-5)
    assert got.keys() == want.keys() and len(want) == len(list(model.parameters()))
    for name in want:
        assert torch.allclose(got[name], want[name], atol=1e-5, rtol=1e-4), name


def test_deferred_training_loop_under_bf16_autocast_trains():
    """Under train.amp=bf16 the deferred products run in bf16 (weights cast once a batch)
    and the gradients stay float32 and close to the float32 loop's."""
    torch.manual_seed(0)
    model = build_model(tiny_model_config(dec_layers=2, dec_hidden=10), 40, 40).eval()
    batch = make_batch(SRC, TGT)
    _, want = _loss_and_grads(model, batch, defer=False)
    with torch.autocast("cpu", dtype=torch.bfloat16):
        _, got = _loss_and_grads(model, batch, defer=True)
    for name, g in got.items():
        assert g.dtype == torch.float32 and torch.isfinite(g).all()
        assert torch.allclose(g, want[name], atol=0.05 * float(want[name].abs().max()) + 1e-3), name
