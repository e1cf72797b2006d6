"""Choosing the recurrent cell, and handling the state shapes that differ between them.

GRU and RNN carry one hidden tensor ``(layers, batch, hidden)``; LSTM carries
a pair ``(h, c)``. Everything else in the model treats the state through
these helpers so that ``model.cell`` changes nothing but the cell.
"""

from __future__ import annotations

from typing import Callable, Union

import torch
import torch.nn.functional as F
from torch import nn

Hidden = Union[torch.Tensor, tuple[torch.Tensor, torch.Tensor]]

RNN_CLASSES: dict[str, type[nn.RNNBase]] = {"gru": nn.GRU, "lstm": nn.LSTM, "rnn": nn.RNN}


def make_rnn(cell: str, input_size: int, hidden: int, layers: int, dropout: float,
             bidirectional: bool) -> nn.RNNBase:
    """A fused torch recurrence (``nn.GRU``/``nn.LSTM``/``nn.RNN`` with tanh), batch first."""
    return RNN_CLASSES[cell](
        input_size, hidden, num_layers=layers, batch_first=True,
        bidirectional=bidirectional, dropout=dropout if layers > 1 else 0.0,
    )


def map_hidden(fn: Callable[[torch.Tensor], torch.Tensor], hidden: Hidden) -> Hidden:
    """Apply ``fn`` to the state tensor(s), keeping the GRU/LSTM structure."""
    if isinstance(hidden, tuple):
        return (fn(hidden[0]), fn(hidden[1]))
    return fn(hidden)


def top_state(hidden: Hidden) -> torch.Tensor:
    """The ``h`` tensor of an RNN state, (layers * directions, batch, hidden)."""
    return hidden[0] if isinstance(hidden, tuple) else hidden


def cell_step(rnn: nn.RNNBase, x: torch.Tensor, hidden: Hidden) -> tuple[torch.Tensor, Hidden]:
    """One time step of a unidirectional ``rnn`` through torch's cell functions
    (``torch.gru_cell`` / ``lstm_cell`` / ``rnn_tanh_cell``) on its own weights: the same
    arithmetic as ``rnn(x.unsqueeze(1), hidden)``, with the same dropout between layers.

    Why: on a GPU, calling ``nn.GRU`` for a sequence of length 1 goes through cuDNN's
    sequence API at every decoder step. On an H100 (scripts/profile_train.py, docs/gpu.md)
    its backward took 0.49 ms of GPU time per step with 16384-token batches, 40% of the
    GPU's time, and under bf16 autocast 1.38 ms of host time per call (0.75 in float32),
    which made bf16 slower than float32. With the cell functions (two matrix products and
    one fused element-wise kernel, weights cast once per step under autocast) training ran
    at 261k target tokens/s instead of 184k at 16384 tokens a batch, and the same 37k at
    2048 (there the step is bound by the host's kernel launches either way).

    :param x: (B, input) one step's input; hidden: (layers, B, H) (a pair for LSTM)
    :return: the top layer's output (B, H) and the new state, shaped as ``hidden``
    """
    lstm = isinstance(hidden, tuple)
    fn = torch.gru_cell if isinstance(rnn, nn.GRU) else torch.lstm_cell if lstm else torch.rnn_tanh_cell
    if isinstance(rnn, nn.RNN) and rnn.nonlinearity != "tanh":
        raise ValueError("cell_step supports tanh RNNs only")
    hs, cs = [], []
    for layer in range(rnn.num_layers):
        if layer:
            x = F.dropout(x, rnn.dropout, rnn.training) if rnn.dropout else x
        w = [getattr(rnn, f"{kind}_l{layer}") for kind in ("weight_ih", "weight_hh", "bias_ih", "bias_hh")]
        if lstm:
            h, c = fn(x, (hidden[0][layer], hidden[1][layer]), *w)
            hs.append(h)
            cs.append(c)
        else:
            h = fn(x, hidden[layer], *w)
            hs.append(h)
        x = h
    stack = (lambda t: t[0].unsqueeze(0)) if len(hs) == 1 else torch.stack
    return x, ((stack(hs), stack(cs)) if lstm else stack(hs))
