"""The training decoder loop on the CPU, with each per-step weight gradient taken in one product.

Why: teacher forcing runs the decoder step once per target position, and each step
multiplies the rows still going (about 100 sentences in a 2048-token batch) by the same
weights: the recurrence, the attention query and the readout. Autograd then computes
each weight's gradient once per step, ``g_tᵀ x_t`` with an inner dimension of ~100 rows
(a shape at which GEMM kernels run far below their peak, and bf16 kernels further still),
and adds the T partial gradients up one by one. The sum is one product,
``[g_1; ...; g_T]ᵀ [x_1; ...; x_T]``, with an inner dimension of every target token of the
batch: cuDNN's RNNs do the same for a whole sequence. :class:`Deferred` records each
step's inputs in the forward pass and its output gradients in the backward pass, and
takes the weight's gradient once, when the backward pass reaches the weight.

Two products leave the loop altogether: the parts of the first layer's input and of the
readout that multiply the embedding of ``y_{t-1}`` (known for every step in advance),
computed for all positions at once, as the encoder's input projection is.

The arithmetic is that of :meth:`nmt.model.decoder.Decoder.step` (the GRU, LSTM and tanh
RNN cells of torch, the additive attention, the deep output), so a model trains to the
same function; tests compare logits and every gradient with the step-by-step loop. It
serves training with gradients only; inference, validation and GPUs use ``Decoder.step``.
"""

from __future__ import annotations

from typing import Optional

import torch
import torch.nn.functional as F
from torch import nn

from nmt.model.dropout import dropout


class Deferred:
    """A linear map ``x -> x Wᵀ + b`` applied at many steps, whose weight gradient is one product.

    ``weight`` and ``bias`` may be views of parameters (column blocks): autograd carries the
    gradient of the view back into the parameter. Under CPU autocast the weight is cast once
    per batch here, not once per step.
    """

    def __init__(self, weight: torch.Tensor, bias: Optional[torch.Tensor]) -> None:
        dtype = torch.get_autocast_dtype("cpu") if torch.is_autocast_enabled("cpu") else weight.dtype
        self.w = weight.detach().to(dtype).contiguous()
        self.b = None if bias is None else bias.detach().to(dtype)
        self.xs: list[torch.Tensor] = []
        self.gs: list[Optional[torch.Tensor]] = []
        self.zero = torch.zeros((), dtype=weight.dtype)
        self.anchor = _Anchor.apply(weight, bias, self)  # the node the weight's gradient leaves from

    def __call__(self, x: torch.Tensor) -> torch.Tensor:
        return _Apply.apply(x, self.anchor, self)


class _Anchor(torch.autograd.Function):
    """Ties the parameters to every step of a :class:`Deferred`: its backward runs after all
    the steps' backwards (it is upstream of each), and takes the gradients in one product."""

    @staticmethod
    def forward(ctx, weight: torch.Tensor, bias: Optional[torch.Tensor], lin: Deferred  # type: ignore[override]
                ) -> torch.Tensor:
        ctx.lin, ctx.w_dtype = lin, weight.dtype
        ctx.has_bias = bias is not None
        return weight.new_zeros(())

    @staticmethod
    def backward(ctx, _: torch.Tensor):  # type: ignore[override]
        lin: Deferred = ctx.lin
        steps = [(x, g) for x, g in zip(lin.xs, lin.gs) if g is not None]
        lin.xs, lin.gs = [], []
        if not steps:
            return None, None, None
        x = torch.cat([x for x, _ in steps])
        g = torch.cat([g for _, g in steps])
        grad_w = g.t().mm(x).to(ctx.w_dtype)
        grad_b = g.sum(0, dtype=torch.float32).to(ctx.w_dtype) if ctx.has_bias else None
        return grad_w, grad_b, None


class _Apply(torch.autograd.Function):
    """One step of a :class:`Deferred`: the product forward, only the input's gradient backward."""

    @staticmethod
    def forward(ctx, x: torch.Tensor, anchor: torch.Tensor, lin: Deferred) -> torch.Tensor:  # type: ignore[override]
        ctx.lin, ctx.index, ctx.x_dtype = lin, len(lin.xs), x.dtype
        x = x.to(lin.w.dtype)
        lin.xs.append(x)
        lin.gs.append(None)
        return F.linear(x, lin.w, lin.b)

    @staticmethod
    def backward(ctx, grad: torch.Tensor):  # type: ignore[override]
        lin: Deferred = ctx.lin
        grad = grad.to(lin.w.dtype)
        lin.gs[ctx.index] = grad
        grad_x = grad.mm(lin.w).to(ctx.x_dtype) if ctx.needs_input_grad[0] else None
        return grad_x, lin.zero, None


def supported(rnn: nn.Module) -> bool:
    """Whether :func:`teacher_forced` has this decoder recurrence's cell (GRU, LSTM, tanh RNN)."""
    if isinstance(rnn, nn.RNN):
        return rnn.nonlinearity == "tanh" and rnn.bias
    return isinstance(rnn, (nn.GRU, nn.LSTM)) and rnn.bias and not getattr(rnn, "proj_size", 0)


def teacher_forced(decoder: nn.Module, embs: torch.Tensor, active: list[int], hidden, prev_att: torch.Tensor,
                   proj_keys: torch.Tensor, values: torch.Tensor, mask: torch.Tensor) -> list[torch.Tensor]:
    """The attentional vectors a_t of :meth:`Decoder.step` for every real target position.

    :param embs: (B, T, E) embedded ``y_{t-1}`` (dropout applied), sentences sorted longest first
    :param active: sentences still going at each step (non-increasing)
    :param hidden: initial state (layers, B, H) (a pair for LSTM); prev_att: (B, out)
    :return: for each step t, a_t of its first ``active[t]`` sentences
    """
    rnn, att_layer, readout = decoder.rnn, decoder.attention, decoder.readout
    lstm, gru = isinstance(rnn, nn.LSTM), isinstance(rnn, nn.GRU)
    E, H = embs.size(-1), decoder.hidden
    feed = decoder.input_feeding
    w_ih0, b_ih0 = rnn.weight_ih_l0, rnn.bias_ih_l0
    # Everything that multiplies the embeddings, for all steps in two products.
    first_in = F.linear(embs, w_ih0[:, :E], b_ih0).unbind(1)  # T x (B, gates)
    read_emb = F.linear(embs, readout.weight[:, -E:], readout.bias).unbind(1)  # T x (B, out)
    feed_in = Deferred(w_ih0[:, E:], None) if feed else None
    ih = [None] + [Deferred(getattr(rnn, f"weight_ih_l{i}"), getattr(rnn, f"bias_ih_l{i}"))
                   for i in range(1, rnn.num_layers)]
    hh = [Deferred(getattr(rnn, f"weight_hh_l{i}"), getattr(rnn, f"bias_hh_l{i}")) for i in range(rnn.num_layers)]
    query = Deferred(att_layer.query_layer.weight, None)
    read_sc = Deferred(readout.weight[:, :-E], None)

    hs = list((hidden[0] if lstm else hidden).unbind(0))
    cs = list(hidden[1].unbind(0)) if lstm else []
    att, rows, outs = prev_att, embs.size(0), []
    for t, n in enumerate(active):
        if n == 0:
            break
        if n < rows:
            rows = n
            hs, cs = [h[:n] for h in hs], [c[:n] for c in cs]
            att, proj_keys, values, mask = att[:n], proj_keys[:n], values[:n], mask[:n]
        x = None
        for layer in range(rnn.num_layers):
            if layer == 0:
                gi = first_in[t][:n]
                if feed_in is not None:
                    gi = gi + feed_in(att)
            else:
                gi = ih[layer](dropout(x, rnn.dropout, rnn.training))
            gh = hh[layer](hs[layer])
            if gru:
                rz = torch.sigmoid(gi[:, : 2 * H] + gh[:, : 2 * H])
                r, z = rz[:, :H], rz[:, H:]
                cand = torch.tanh(torch.addcmul(gi[:, 2 * H:], r, gh[:, 2 * H:]))
                h = cand + z * (hs[layer] - cand)
            elif lstm:
                i_g, f_g, g_g, o_g = (gi + gh).chunk(4, 1)
                c = torch.sigmoid(f_g) * cs[layer] + torch.sigmoid(i_g) * torch.tanh(g_g)
                h = torch.sigmoid(o_g) * torch.tanh(c)
                cs[layer] = c
            else:
                h = torch.tanh(gi + gh)
            hs[layer] = x = h
        context, _ = att_layer.attend(query(x), proj_keys, values, mask)
        att = decoder.dropout(torch.tanh(read_sc(torch.cat([x, context.to(x.dtype)], dim=-1)) + read_emb[t][:n]))
        outs.append(att)
    return outs
