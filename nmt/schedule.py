"""The learning rate: scaled for the global batch, then moved by a scheduler.

Kept apart from the loop: both are pure functions of the config (and, for the
scale, of how many processes train), which the loop only calls.
"""

from __future__ import annotations

import math
from typing import Any

import torch

from nmt.config import Config, TrainConfig


def scaled_lr(t: TrainConfig, world: int = 1) -> float:
    """train.lr scaled for the global batch of ``world`` processes (train.lr_scaling)."""
    ratio = world * t.accum_steps * t.batch_tokens / t.lr_reference_tokens
    return t.lr * {"none": 1.0, "linear": ratio, "sqrt": math.sqrt(ratio)}[t.lr_scaling]


def make_scheduler(cfg: Config, optimizer: torch.optim.Optimizer) -> Any:
    t = cfg.train
    if t.scheduler == "plateau":
        return torch.optim.lr_scheduler.ReduceLROnPlateau(
            optimizer, mode="max", factor=t.decay_factor, patience=t.lr_patience, min_lr=t.min_lr)
    if t.scheduler == "warmup":
        w = t.warmup_steps
        return torch.optim.lr_scheduler.LambdaLR(
            optimizer, lambda s: min((s + 1) / w, math.sqrt(w / (s + 1))))
    return torch.optim.lr_scheduler.LambdaLR(optimizer, lambda s: 1.0)
