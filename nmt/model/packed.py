"""CPU decoding with the decoder's weight matrices pre-packed for oneDNN.

Why: a beam search step multiplies few rows (beam x sentences still searched,
5-45 for a server's batches) by the same weight matrices at every step, and a
plain ``F.linear`` lays the weight out for the GEMM kernel again at each call.
Packing it once (``torch.ops.mkldnn._reorder_linear_weight``, what
torch.compile's CPU freezing uses) and calling ``_linear_pointwise`` saves that.
End to end the gain is modest (``scripts/dev/ab.py --rev 847594e``, beam 5,
test2016, batches of 64: 1.06x with 2 threads, 1.01x with 1; outputs identical;
docs/performance.md); it is larger for small batches. Results differ from
``F.linear`` by float rounding only.

Only eval-mode inference on the CPU uses it (:func:`pack_for_cpu`, called by
``Translator`` for fp32 models): the packed copies are plain attributes, not
parameters, so checkpoints, training and gradients never see them. Where the
private oneDNN ops are missing (another torch build), nothing is packed and the
model runs as before.
"""

from __future__ import annotations

from typing import Callable, Optional

import torch
from torch import nn

Linear = Callable[[torch.Tensor], torch.Tensor]


def available(dtype: torch.dtype = torch.float32) -> bool:
    """Whether this torch (and CPU) can pack linear weights for oneDNN in ``dtype`` (tried once
    on a tiny matrix)."""
    if dtype not in _AVAILABLE:
        try:
            w = torch.ones(2, 3, dtype=dtype)
            packed = torch.ops.mkldnn._reorder_linear_weight(w, 1)
            out = torch.ops.mkldnn._linear_pointwise(torch.ones(1, 3, dtype=dtype), packed, None, "none", [], "")
            _AVAILABLE[dtype] = (bool(torch.backends.mkldnn.is_available()) and out.shape == (1, 2)
                                 and float(out[0, 0]) == 3.0)
        except (AttributeError, RuntimeError):
            _AVAILABLE[dtype] = False
    return _AVAILABLE[dtype]


_AVAILABLE: dict[torch.dtype, bool] = {}


def packed_linear(weight: torch.Tensor, bias: Optional[torch.Tensor], dtype: torch.dtype = torch.float32) -> Linear:
    """``x -> F.linear(x, weight, bias)`` with ``weight`` packed once (a 2-d x); with ``dtype``
    bfloat16 the product runs in bf16 (weight and bias rounded once, x per call) and returns float32."""
    w = torch.ops.mkldnn._reorder_linear_weight(weight.detach().to(dtype).contiguous(), 64)
    b = None if bias is None else bias.detach().to(dtype).contiguous()
    if dtype == torch.float32:
        return lambda x: torch.ops.mkldnn._linear_pointwise(x, w, b, "none", [], "")
    return lambda x: torch.ops.mkldnn._linear_pointwise(x.to(dtype), w, b, "none", [], "").float()


def linear(module: nn.Linear) -> Linear:
    """The packed form of ``module`` when :func:`pack_for_cpu` made one and no gradient is
    being recorded, else the module."""
    packed = module.__dict__.get("_packed")
    return packed if packed is not None and not torch.is_grad_enabled() else module


def pack_for_cpu(model: nn.Module, dtype: torch.dtype = torch.float32) -> bool:
    """Pack the decoder's per-step products of an eval-mode fp32 CPU ``Seq2Seq``: the
    recurrence (every layer), the attention query and the readout, and in bfloat16 (``dtype``,
    ``decode.bf16``) the output projection too. Returns whether it did."""
    dec = model.decoder
    if not available(dtype) or next(model.parameters()).device.type != "cpu" or \
            next(model.parameters()).dtype != torch.float32 or not isinstance(dec.rnn, (nn.GRU, nn.LSTM, nn.RNN)):
        return False
    rnn = dec.rnn
    if isinstance(rnn, nn.RNN) and rnn.nonlinearity != "tanh":
        return False
    dec._packed_rnn = [(packed_linear(getattr(rnn, f"weight_ih_l{i}"), getattr(rnn, f"bias_ih_l{i}", None), dtype),
                        packed_linear(getattr(rnn, f"weight_hh_l{i}"), getattr(rnn, f"bias_hh_l{i}", None), dtype))
                       for i in range(rnn.num_layers)]
    for module in (dec.attention.query_layer, dec.readout) + ((model.output,) if dtype != torch.float32 else ()):
        module._packed = packed_linear(module.weight, module.bias, dtype)
    return True


def packed_step(rnn: nn.RNNBase, layers: list[tuple[Linear, Linear]], x: torch.Tensor, hidden
                ) -> tuple[torch.Tensor, object]:
    """One eval-mode step of ``rnn`` with its packed products: the gate arithmetic of
    ``torch.gru_cell`` / ``lstm_cell`` / ``rnn_tanh_cell``. Same contract as
    :func:`nmt.model.rnn.cell_step` (no dropout: inference only)."""
    lstm = isinstance(hidden, tuple)
    hs, cs = [], []
    for i, (ih, hh) in enumerate(layers):
        h = hidden[0][i] if lstm else hidden[i]
        gi, gh = ih(x), hh(h)
        if isinstance(rnn, nn.GRU):
            i_r, i_z, i_n = gi.chunk(3, 1)
            h_r, h_z, h_n = gh.chunk(3, 1)
            r = torch.sigmoid(i_r + h_r)
            z = torch.sigmoid(i_z + h_z)
            n = torch.tanh(torch.addcmul(i_n, r, h_n))
            h = torch.addcmul(n, z, h - n)  # (1 - z) * n + z * h
        elif lstm:
            i_g, f_g, g_g, o_g = (gi + gh).chunk(4, 1)
            c = torch.sigmoid(f_g) * hidden[1][i] + torch.sigmoid(i_g) * torch.tanh(g_g)
            h = torch.sigmoid(o_g) * torch.tanh(c)
            cs.append(c)
        else:
            h = torch.tanh(gi + gh)
        hs.append(h)
        x = h
    stack = (lambda t: t[0].unsqueeze(0)) if len(hs) == 1 else torch.stack
    return x, ((stack(hs), stack(cs)) if lstm else stack(hs))
