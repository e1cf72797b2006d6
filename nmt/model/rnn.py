"""Choosing the recurrent cell, and handling the state shapes that differ between them.

GRU and RNN carry one hidden tensor ``(layers, batch, hidden)``; LSTM carries
a pair ``(h, c)``. Everything else in the model treats the state through
these helpers so that ``model.cell`` changes nothing but the cell.
"""

from __future__ import annotations

from typing import Callable, Union

import torch
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
