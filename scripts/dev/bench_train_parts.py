#!/usr/bin/env python
"""Two figures the training speed-ups rest on, measured here rather than quoted.

    python scripts/dev/bench_train_parts.py [configs/multi30k_de_en.yaml] [--batches 300]

1. Padding: the share of (sentence x step) target positions that are padding
   in the config's length-bucketed training batches (epoch 0) — what the
   packed decoder (``Seq2Seq.packed_logits``) no longer computes.
2. Dropout masks on this CPU: ``F.dropout`` (``bernoulli_``) against the
   ``torch.rand`` mask of ``nmt.model.dropout`` on a 2048 x 512 tensor, median
   of 20, with the thread count training uses.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import torch
import torch.nn.functional as F

from nmt.config import load_config
from nmt.model.dropout import dropout
from nmt.training.trainer import Trainer


def median_ms(fn, repeats: int = 20) -> float:
    fn()
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1e3


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("config", type=Path, nargs="?", default=ROOT / "configs" / "multi30k_de_en.yaml")
    ap.add_argument("--batches", type=int, default=300)
    ap.add_argument("--threads", type=int, default=2)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    cfg = load_config(a.config, ["data.max_valid_examples=1"])
    with tempfile.TemporaryDirectory() as tmp:
        tr = Trainer(cfg, Path(tmp) / "run", log=lambda m: None, progress=False)
        real = total = 0
        for idx in tr.epoch_batches(0)[: a.batches]:
            b = tr.corpus.batch(idx)
            real += int((b.tgt_out != 0).sum())
            total += b.tgt_out.numel()
    print(f"padding: {100 * (1 - real / total):.1f}% of target positions in {a.batches} training batches "
          f"of {a.config.stem}")
    x = torch.randn(2048, 512)
    ref = median_ms(lambda: F.dropout(x, 0.3, training=True))
    ours = median_ms(lambda: dropout(x, 0.3, training=True))
    print(f"dropout 2048x512, {torch.get_num_threads()} threads: F.dropout {ref:.1f} ms, "
          f"nmt.model.dropout {ours:.1f} ms ({ref / ours:.1f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
