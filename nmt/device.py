"""Choosing where tensors live: ``auto`` | ``cpu`` | ``cuda`` | ``cuda:N``.

One place turns a device name from a config or an option into a
``torch.device``, so that asking for a GPU the machine does not have is a
one-line error naming the setting, not a CUDA traceback halfway through a run.
"""

from __future__ import annotations

import torch

from nmt.config import DEVICE_PATTERN
from nmt.errors import NmtError


def resolve_device(name: str, setting: str = "device") -> torch.device:
    """``auto`` is CUDA when torch sees a GPU, else the CPU; ``setting`` names the option in errors."""
    if not DEVICE_PATTERN.match(name):
        raise NmtError(f"{setting}={name!r}: expected auto, cpu, cuda or cuda:N", exit_code=2)
    if name == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    device = torch.device(name)
    if device.type == "cuda":
        if not torch.cuda.is_available():
            raise NmtError(f"{setting}={name}: no CUDA GPU is visible to torch {torch.__version__} "
                           "(use cpu or auto)", exit_code=2)
        if device.index is not None and device.index >= torch.cuda.device_count():
            raise NmtError(f"{setting}={name}: only {torch.cuda.device_count()} CUDA device(s) visible",
                           exit_code=2)
    return device


def hardware(device: torch.device, processes: int = 1) -> str:
    """The machine as a model card names it: the GPU (``N x`` it for N processes), or the CPU
    model and torch's threads (``/proc/cpuinfo``'s model name where there is one)."""
    if device.type == "cuda":
        return (f"{processes} x " if processes > 1 else "") + torch.cuda.get_device_name(device)
    import platform
    from pathlib import Path

    name = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                name = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{name} ({torch.get_num_threads()} threads)"


def set_training_precision(device: torch.device, amp: str, tf32: bool) -> None:
    """Check ``train.amp`` against the device and apply ``train.tf32`` (process-wide in torch,
    so only a trainer sets it, and only on a GPU: a CPU run leaves torch's settings alone).

    bf16 autocast is refused on a GPU: after the fixes that made it as cheap as it can be
    there (casts once per batch, cell functions for the recurrence), it measured no faster
    than float32 with TF32 on an H100 and 0.66x at 32768-token batches (docs/gpu.md).
    """
    if device.type != "cuda":
        return
    if amp == "bf16":
        raise NmtError("train.amp=bf16: on a GPU it is no faster than float32 with TF32 for these models "
                       "(measured on an H100, docs/gpu.md); use train.amp=none there", exit_code=2)
    torch.backends.cuda.matmul.allow_tf32 = tf32
    torch.backends.cudnn.allow_tf32 = tf32

