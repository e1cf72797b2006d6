"""Training with several processes: torchrun + DistributedDataParallel on CPU (gloo).

Two processes on the test machine's two cores: the same update as one process
accumulating two batches, clean stop and exact resume, and a killed rank that
makes the other exit with one line instead of hanging.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import torch
from conftest import ROOT

from nmt.checkpoint import load_checkpoint

SMALL = ["data.max_train_examples=600", "data.max_valid_examples=20", "vocab.vocab_size=300",
         "train.batch_tokens=400", "train.log_every=1", "model.dropout=0.0"]


def _args(multi30k: Path, out: Path, *extra: str, resume: bool = False) -> list[str]:
    sets = [f"data.dataset={multi30k}", *SMALL, *extra]
    return ["train", "configs/tiny.yaml", "--out", str(out), "--no-progress", *(["--resume"] if resume else []),
            *[a for s in sets for a in ("--set", s)]]


def _torchrun(multi30k: Path, out: Path, *extra: str, resume: bool = False) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "torch.distributed.run", "--standalone", "--nproc_per_node=2",
           "-m", "nmt", *_args(multi30k, out, *extra, resume=resume)]
    return subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)


def _finish(proc: subprocess.Popen, timeout: float = 180) -> tuple[int, str]:
    try:
        _, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        _, err = proc.communicate()
        pytest.fail(f"torchrun still running after {timeout}s:\n{err[-3000:]}")
    return proc.returncode, err


def _single(multi30k: Path, out: Path, *extra: str) -> None:
    res = subprocess.run([sys.executable, "-m", "nmt", *_args(multi30k, out, *extra)], cwd=ROOT,
                         capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr


def _weights(path: Path) -> dict[str, torch.Tensor]:
    return load_checkpoint(path)["model"]


def _max_diff(a: dict, b: dict) -> float:
    return max(float((a[k] - b[k]).abs().max()) for k in a)


def _wait_for_step(out: Path, proc: subprocess.Popen, step: int, timeout: float = 120) -> None:
    log = out / "train_log.jsonl"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"torchrun ended early: {proc.stderr.read()[-3000:]}")
        if log.is_file() and f'"step": {step},' in log.read_text():
            return
        time.sleep(0.1)
    os.killpg(proc.pid, signal.SIGKILL)
    pytest.fail(f"step {step} not reached in {timeout}s")


def _rank_pid(parent: int, rank: int) -> int:
    """The pid of the worker that torchrun (``parent``) started with RANK=rank, from /proc."""
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            env = (entry / "environ").read_bytes().split(b"\0")
        except OSError:
            continue
        if f"RANK={rank}".encode() in env and _is_descendant(int(entry.name), parent):
            return int(entry.name)
    raise AssertionError(f"no worker with RANK={rank} under pid {parent}")


def _is_descendant(pid: int, ancestor: int) -> bool:
    pid = int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
    while pid > 1:
        if pid == ancestor:
            return True
        try:
            pid = int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
        except OSError:
            return False
    return False


@pytest.mark.slow
def test_two_processes_take_the_steps_of_one_process_accumulating_two_batches(multi30k, tmp_path):
    steps = ["train.max_steps=4", "train.valid_every=100"]
    proc = _torchrun(multi30k, tmp_path / "ddp", *steps)
    code, err = _finish(proc)
    assert code == 0, err[-3000:]
    _single(multi30k, tmp_path / "accum2", *steps, "train.accum_steps=2")
    _single(multi30k, tmp_path / "accum1", *steps)
    ddp, accum2 = _weights(tmp_path / "ddp" / "last.pt"), _weights(tmp_path / "accum2" / "last.pt")
    other = _weights(tmp_path / "accum1" / "last.pt")  # half the global batch: another model
    # Equal up to float summation order (DDP averages two half-gradients; one process adds
    # two batches): after 4 Adam steps at lr 3e-3 the weights agree to 1e-4, while a run
    # on half the batch differs by orders of magnitude more.
    assert _max_diff(ddp, accum2) <= 1e-4
    assert _max_diff(ddp, other) > 100 * max(_max_diff(ddp, accum2), 1e-7)
    state = load_checkpoint(tmp_path / "ddp" / "last.pt")["train_state"]
    assert state["step"] == 4 and len(state["rng_ranks"]) == 2
    # Only rank 0 writes: one log line per step, not two.
    lines = (tmp_path / "ddp" / "train_log.jsonl").read_text().splitlines()
    assert sum('"kind": "train"' in ln for ln in lines) == 4


@pytest.mark.slow
def test_sigterm_stops_every_rank_with_one_checkpoint_and_resume_continues(multi30k, tmp_path):
    out = tmp_path / "run"
    proc = _torchrun(multi30k, out, "train.max_steps=100000", "train.valid_every=5")
    _wait_for_step(out, proc, 6)
    os.kill(proc.pid, signal.SIGTERM)  # what a scheduler sends to torchrun
    started = time.monotonic()
    _finish(proc, timeout=90)
    assert time.monotonic() - started < 60
    state = load_checkpoint(out / "last.pt")["train_state"]
    stopped_at = state["step"]
    assert stopped_at >= 6 and len(state["rng_ranks"]) == 2
    resumed = _torchrun(multi30k, out, f"train.max_steps={stopped_at + 3}", "train.valid_every=5", resume=True)
    code, err = _finish(resumed)
    assert code == 0, err[-3000:]
    assert f"resume: step {stopped_at}" in err
    assert load_checkpoint(out / "last.pt")["train_state"]["step"] == stopped_at + 3
    steps = [ln for ln in (out / "train_log.jsonl").read_text().splitlines() if '"kind": "train"' in ln]
    assert len(steps) == stopped_at + 3  # no step logged twice, none missing


@pytest.mark.slow
def test_a_killed_rank_makes_the_other_exit_with_one_line_and_last_pt_loads(multi30k, tmp_path):
    out = tmp_path / "run"
    proc = _torchrun(multi30k, out, "train.max_steps=100000", "train.valid_every=5")
    _wait_for_step(out, proc, 6)
    os.kill(_rank_pid(proc.pid, 1), signal.SIGKILL)
    started = time.monotonic()
    code, err = _finish(proc, timeout=120)
    assert code != 0 and time.monotonic() - started < 90
    lost = [ln for ln in err.splitlines() if "lost contact with another process" in ln]
    assert lost and lost[0].startswith("error: rank 0:"), err[-3000:]
    assert load_checkpoint(out / "last.pt")["train_state"]["step"] >= 5
