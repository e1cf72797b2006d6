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
    if t.scheduler == "cosine":
        return torch.optim.lr_scheduler.LambdaLR(optimizer, lambda s: cosine_factor(s, t, optimizer.param_groups[0]["initial_lr"]))
    return torch.optim.lr_scheduler.LambdaLR(optimizer, lambda s: 1.0)


def cosine_factor(step: int, t: TrainConfig, peak: float) -> float:
    """scheduler=cosine: the multiple of the peak lr after ``step`` updates — linear warmup to 1,
    then half a cosine down to min_lr / peak at max_steps (and there after)."""
    w = t.warmup_steps
    if step < w:
        return (step + 1) / w
    floor = min(1.0, t.min_lr / peak)
    done = min(1.0, (step - w) / max(1, t.max_steps - w))
    return floor + (1.0 - floor) * 0.5 * (1.0 + math.cos(math.pi * done))


def make_optimizer(params: Any, lr: float, weight_decay: float, device: torch.device) -> torch.optim.Optimizer:
    """Adam; on a GPU its fused kernel, which updates every parameter in one launch (the
    training loop there is bound by kernel launches, docs/gpu.md)."""
    return torch.optim.Adam(params, lr=lr, weight_decay=weight_decay, fused=device.type == "cuda")

