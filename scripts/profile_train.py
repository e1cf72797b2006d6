#!/usr/bin/env python
"""Where a training step's time goes: torch.profiler over a few real steps of a config.

    python scripts/profile_train.py configs/multi30k_de_en.yaml [--steps 10] [--rows 15]

Prints torch's operator table (self CPU time, sorted) for the steps after a
warm-up, and a coarse split into forward / backward / optimizer by timing the
same steps with plain clocks (synchronised on a GPU). On a GPU
(``--set train.device=cuda``) also the kernel launches per step, the kernels'
summed time against the step's wall time (how busy the GPU is) and the
kernels that take the most device time.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import torch
from sysinfo import provenance, top_ops, write_json
from torch.profiler import ProfilerActivity, profile

from nmt.config import load_config
from nmt.training.loss import compute_loss
from nmt.training.trainer import Trainer


def gpu_summary(prof, steps: int, rows: int) -> dict:  # noqa: ANN001
    """Per step on a GPU: kernel launches, the kernels' summed time, the profiled wall time per step
    and their ratio (how busy the GPU was: a launch-bound loop leaves it idle between kernels),
    and the ``rows`` kernels that took the most device time."""
    events = prof.key_averages()
    launches = sum(e.count for e in events if "LaunchKernel" in e.key or "cudaLaunch" in e.key)
    kernels = [e for e in events if getattr(e, "device_type", None) == torch.autograd.DeviceType.CUDA
               and e.self_device_time_total > 0]
    device_us = sum(e.self_device_time_total for e in kernels)
    span = [e for e in prof.events() if e.time_range.elapsed_us() > 0]
    wall_us = (max(e.time_range.end for e in span) - min(e.time_range.start for e in span)) if span else 0
    top = sorted(kernels, key=lambda e: e.self_device_time_total, reverse=True)[:rows]
    return {"kernel_launches_per_step": round(launches / steps), "device_ms_per_step": round(device_us / steps / 1000, 2),
            "host_ms_per_step": round(wall_us / steps / 1000, 2),
            "busy_fraction": round(device_us / wall_us, 3) if wall_us else None,
            "top_kernels": [{"kernel": e.key[:90], "ms_per_step": round(e.self_device_time_total / steps / 1000, 3),
                             "calls_per_step": round(e.count / steps, 1)} for e in top]}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("config", type=Path)
    ap.add_argument("--steps", type=int, default=10)
    ap.add_argument("--rows", type=int, default=15)
    ap.add_argument("--json", type=Path, default=None, help="also write the breakdown here")
    ap.add_argument("--set", dest="overrides", action="append", default=[],
                    help="config override, e.g. --set train.amp=bf16")
    args = ap.parse_args()
    cfg = load_config(args.config, args.overrides + ["data.max_valid_examples=1"])
    with tempfile.TemporaryDirectory() as tmp:
        tr = Trainer(cfg, Path(tmp) / "run", log=lambda m: None, progress=False)
        tr.model.train()
        batches = iter(tr.epoch_batches(0))

        def step(batch):
            return tr.train_step([batch], batch.n_tgt_tokens)

        def next_batch():
            idx = next(batches)
            return tr.corpus.batch(idx)

        cuda = tr.device.type == "cuda"
        sync = torch.cuda.synchronize if cuda else (lambda: None)
        for _ in range(3):
            step(next_batch())
        phases: dict[str, list[float]] = {"forward+loss": [], "backward": [], "clip+adam": []}
        for _ in range(args.steps):
            batch = next_batch().to(tr.device)
            sync()
            t0 = time.perf_counter()
            with torch.autocast(tr.device.type, dtype=torch.bfloat16, enabled=cfg.train.amp == "bf16"):
                loss, n = compute_loss(tr.model.packed_logits, batch, cfg.train.label_smoothing)
            sync()
            t1 = time.perf_counter()
            tr.optimizer.zero_grad(set_to_none=True)
            (loss / n).backward()
            sync()
            t2 = time.perf_counter()
            torch.nn.utils.clip_grad_norm_(tr.model.parameters(), cfg.train.clip_grad_norm)
            tr.optimizer.step()
            sync()
            t3 = time.perf_counter()
            for key, seconds in zip(phases, (t1 - t0, t2 - t1, t3 - t2)):
                phases[key].append(seconds)
        print("phase medians (ms/step):", {k: round(statistics.median(v) * 1000, 1) for k, v in phases.items()})
        activities = [ProfilerActivity.CPU] + ([ProfilerActivity.CUDA] if cuda else [])
        with profile(activities=activities, record_shapes=True) as prof:
            for _ in range(args.steps):
                step(next_batch())
            sync()
    print(prof.key_averages().table(sort_by="self_cpu_time_total", row_limit=args.rows))
    gpu = gpu_summary(prof, args.steps, args.rows) if cuda else None
    if gpu:
        print(f"GPU: {gpu['kernel_launches_per_step']} kernel launches/step, {gpu['device_ms_per_step']} ms of "
              f"kernels/step, {gpu['host_ms_per_step']} ms of host time/step (busy fraction {gpu['busy_fraction']})")
        print(prof.key_averages().table(sort_by="self_device_time_total", row_limit=args.rows))
    # Dtype casts by input shape: under train.amp=bf16, are weights cast once a step or
    # once a time step? (A weight's shape cast ~target-length times a step is the latter.)
    casts = sorted((e for e in prof.key_averages(group_by_input_shape=True) if e.key == "aten::_to_copy"),
                   key=lambda e: e.count, reverse=True)[:8]
    cast_rows = [{"input_shapes": str(e.input_shapes), "calls_per_step": round(e.count / args.steps, 1),
                  "self_cpu_ms_per_step": round(e.self_cpu_time_total / args.steps / 1000, 2)} for e in casts]
    ops_per_step = round(sum(e.count for e in prof.key_averages()) / args.steps)
    print(f"operator calls per step: {ops_per_step} (nested calls included; on a GPU each leaf is a kernel launch), "
          f"of which casts: {round(sum(e.count for e in casts) / args.steps)} in the top shapes")
    for row in cast_rows:
        print(f"cast {row['input_shapes']}: {row['calls_per_step']} calls/step, {row['self_cpu_ms_per_step']} ms/step")
    if args.json:
        write_json(args.json, {
            "benchmark": "training step profile", "config": args.config.stem, "steps": args.steps,
            "threads": torch.get_num_threads(), "torch": torch.__version__,
            "phase_ms_per_step": {k: round(statistics.median(v) * 1000, 1) for k, v in phases.items()},
            "top_ops": top_ops(prof, args.rows, steps=args.steps),
            "overrides": args.overrides, "casts": cast_rows, "ops_per_step": ops_per_step,
            "device": str(tr.device), "gpu_profile": gpu,
            **provenance(),
        })
    return 0


if __name__ == "__main__":
    sys.exit(main())
