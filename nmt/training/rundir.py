"""A training run's folder and its stopping: what the trainer needs from the process around it.

Kept apart from the loop so that the rules on what a new run may delete
(never another run's checkpoints unless ``--overwrite``) read in one place.
"""

from __future__ import annotations

import signal
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

from nmt.errors import NmtError


@contextmanager
def stop_signals() -> Iterator[dict[str, bool]]:
    """SIGINT/SIGTERM set a flag that the loop checks between steps (main thread only)."""
    flag = {"stop": False}
    if threading.current_thread() is not threading.main_thread():
        yield flag
        return

    def handler(signum: int, frame: Any) -> None:
        flag["stop"] = True

    old = {s: signal.signal(s, handler) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield flag
    finally:
        for s, h in old.items():
            signal.signal(s, h)


def prepare_out_dir(out: Path, resume: bool, overwrite: bool) -> None:
    """Refuse to clobber a folder that holds a run unless asked to."""
    holds_run = any((out / f).exists() for f in ("last.pt", "best.pt"))
    for stale in out.glob(".*.tmp") if out.is_dir() else []:
        stale.unlink(missing_ok=True)  # left by a process killed while writing a checkpoint
    if resume:
        if not (out / "last.pt").exists():
            raise NmtError(f"{out}: nothing to resume (no last.pt)", exit_code=2)
        return
    if holds_run and not overwrite:
        raise NmtError(f"{out}: holds a run already (last.pt/best.pt); "
                       "pass --resume to continue it or --overwrite to start again", exit_code=2)
    try:
        out.mkdir(parents=True, exist_ok=True)
        for f in ("last.pt", "best.pt", "averaged.pt", "train_log.jsonl"):
            (out / f).unlink(missing_ok=True)
        for f in out.glob("valid-*.pt"):  # an earlier run's, which must not be averaged into this one
            f.unlink()
    except OSError as exc:
        raise NmtError(f"{out}: cannot create the run folder ({exc.strerror or exc})") from None
