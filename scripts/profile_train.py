#!/usr/bin/env python
"""Where a training step's time goes: torch.profiler over a few real steps of a config.

    python scripts/profile_train.py configs/multi30k_de_en.yaml [--steps 10] [--rows 15]

Prints torch's operator table (self CPU time, sorted) for the steps after a
warm-up, and a coarse split into forward / backward / optimizer by timing the
same steps with plain clocks.
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
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import torch  # noqa: E402
from torch.profiler import ProfilerActivity, profile  # noqa: E402

from nmt.config import load_config  # noqa: E402
from nmt.loss import compute_loss  # noqa: E402
from nmt.train import Trainer  # noqa: E402
from sysinfo import provenance, top_ops, write_json  # noqa: E402


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

        for _ in range(3):
            step(next_batch())
        phases: dict[str, list[float]] = {"forward+loss": [], "backward": [], "clip+adam": []}
        for _ in range(args.steps):
            batch = next_batch()
            t0 = time.perf_counter()
            loss, n = compute_loss(tr.model.packed_logits, batch, cfg.train.label_smoothing)
            t1 = time.perf_counter()
            tr.optimizer.zero_grad(set_to_none=True)
            (loss / n).backward()
            t2 = time.perf_counter()
            torch.nn.utils.clip_grad_norm_(tr.model.parameters(), cfg.train.clip_grad_norm)
            tr.optimizer.step()
            t3 = time.perf_counter()
            for key, seconds in zip(phases, (t1 - t0, t2 - t1, t3 - t2)):
                phases[key].append(seconds)
        print("phase medians (ms/step):", {k: round(statistics.median(v) * 1000, 1) for k, v in phases.items()})
        with profile(activities=[ProfilerActivity.CPU], record_shapes=True) as prof:
            for _ in range(args.steps):
                step(next_batch())
    print(prof.key_averages().table(sort_by="self_cpu_time_total", row_limit=args.rows))
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
            **provenance(),
        })
    return 0


if __name__ == "__main__":
    sys.exit(main())
