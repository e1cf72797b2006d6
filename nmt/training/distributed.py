"""Several processes, one model: what training needs from torchrun and DistributedDataParallel.

``torchrun --nproc_per_node=N -m nmt train CONFIG`` starts N processes and tells
each its place through the environment (``RANK``, ``WORLD_SIZE``,
``LOCAL_RANK``, ``LOCAL_WORLD_SIZE``, ``MASTER_ADDR``/``MASTER_PORT``); several
machines join through torchrun's rendezvous flags. Nothing here starts
processes or moves tensors by hand: the process group is torch's (``nccl`` on
GPUs, ``gloo`` on CPUs) and gradients are averaged by DDP.

The training loop keeps its ranks in lockstep with one small ``all_reduce`` per
step (:func:`agree`: the step's target tokens and each rank's wish to stop), so
a signal that reaches one rank first still stops all of them at the same step.
A collective that fails because another rank died becomes :class:`RankLost`,
which the trainer turns into a one-line message.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, Callable, Iterator

import torch
import torch.distributed as dist
from torch import nn

from nmt.errors import NmtError


class RankLost(NmtError):
    """A collective failed: another process of the run died or cannot be reached."""


@dataclass(frozen=True)
class Dist:
    """This process's place in the run: ``rank`` of ``world`` processes, ``local_rank`` of
    ``local_world`` on this machine. ``world == 1`` is a plain single-process run."""

    rank: int = 0
    world: int = 1
    local_rank: int = 0
    local_world: int = 1

    @property
    def enabled(self) -> bool:
        return self.world > 1

    @property
    def main(self) -> bool:
        """Rank 0 writes logs, checkpoints and validates."""
        return self.rank == 0


def from_env() -> Dist:
    """The torchrun environment, or a single process when it is absent."""
    def num(name: str, default: int) -> int:
        value = os.environ.get(name, "")
        try:
            return int(value) if value else default
        except ValueError:
            raise NmtError(f"environment variable {name}={value!r} is not a number (set by torchrun)") from None

    world = num("WORLD_SIZE", 1)
    rank, local_rank = num("RANK", 0), num("LOCAL_RANK", 0)
    return Dist(rank, world, local_rank, num("LOCAL_WORLD_SIZE", world))


def setup(d: Dist, device: torch.device, timeout_s: float = 1800.0) -> torch.device:
    """Join the process group and return this rank's device (``cuda:LOCAL_RANK`` on GPUs)."""
    if not d.enabled:
        return device
    if device.type == "cuda":
        device = torch.device("cuda", d.local_rank)
        torch.cuda.set_device(device)
    if not dist.is_initialized():
        try:
            dist.init_process_group("nccl" if device.type == "cuda" else "gloo",
                                    timeout=timedelta(seconds=timeout_s))
        except (RuntimeError, ValueError) as exc:
            raise NmtError(f"rank {d.rank}: cannot join the process group ({_first_line(exc)})") from None
    return device


def shutdown() -> None:
    """Leave the process group together: every rank waits at a barrier for rank 0's last
    writes, then destroys it (a rank that leaves alone can abort its peers' gloo threads)."""
    if dist.is_initialized():
        try:
            dist.barrier()
        finally:
            dist.destroy_process_group()


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0][:200] if text else type(exc).__name__


@contextmanager
def collective(d: Dist, what: str) -> Iterator[None]:
    """Turn a failed collective (a peer died: gloo's "Connection closed by peer", an NCCL
    timeout) into RankLost, naming this rank and what it was doing."""
    try:
        yield
    except RankLost:
        raise
    except (RuntimeError, dist.DistError) as exc:
        raise RankLost(f"rank {d.rank}: lost contact with another process of the run during {what} "
                       f"({_first_line(exc)}); stopping") from None


def agree(d: Dist, values: list[float], device: torch.device) -> list[float]:
    """Sum ``values`` over all ranks (one all_reduce); the values themselves on one process."""
    if not d.enabled:
        return values
    t = torch.tensor(values, dtype=torch.float64, device=device)
    with collective(d, "a training step"):
        dist.all_reduce(t)
    return t.tolist()


def broadcast(d: Dist, obj: Any, what: str) -> Any:
    """Rank 0's ``obj`` on every rank."""
    if not d.enabled:
        return obj
    box = [obj]
    with collective(d, what):
        dist.broadcast_object_list(box, src=0)
    return box[0]


def gather(d: Dist, obj: Any, what: str) -> list[Any]:
    """Every rank's ``obj``, in rank order, on every rank."""
    if not d.enabled:
        return [obj]
    out: list[Any] = [None] * d.world
    with collective(d, what):
        dist.all_gather_object(out, obj)
    return out


def staged(d: Dist, fn: Callable[[], None], first: bool) -> None:
    """Run ``fn`` on the ranks where ``first`` holds, then on the others (e.g. the first
    process of each machine fills the data cache, the rest read it). An NmtError on any
    rank stops every rank, instead of leaving the others waiting in a collective: the
    failing rank prints it, the others exit quietly with its code."""
    if not d.enabled:
        fn()
        return
    for stage in (True, False):
        error = None
        if first == stage:
            try:
                fn()
            except NmtError as exc:
                error = (str(exc), exc.exit_code)
        errors = gather(d, error, "start-up")
        if error is not None:
            raise NmtError(*error)
        if any(errors):
            message, code = next(e for e in errors if e)
            raise NmtError(message, code, quiet=True)


class PackedLogits(nn.Module):
    """The training forward as a module, so DDP sees it: ``Seq2Seq.packed_logits``.

    DDP hooks a module's ``forward``; training calls ``packed_logits`` (only real
    target positions are computed), so this wrapper makes that the forward.
    Its state dict is the model's under ``model.``; checkpoints save the model itself.
    """

    def __init__(self, model: nn.Module) -> None:
        super().__init__()
        self.model = model

    def forward(self, src: torch.Tensor, src_len: torch.Tensor, tgt_in: torch.Tensor,
                tgt_len: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        return self.model.packed_logits(src, src_len, tgt_in, tgt_len)


def wrap(d: Dist, model: nn.Module, device: torch.device) -> nn.Module:
    """The module training calls: DDP over :class:`PackedLogits`, or the wrapper alone."""
    module = PackedLogits(model)
    if not d.enabled:
        return module
    from torch.nn.parallel import DistributedDataParallel as DDP

    with collective(d, "wrapping the model in DistributedDataParallel"):
        return DDP(module, device_ids=[device.index] if device.type == "cuda" else None)
