#!/usr/bin/env python
"""Where beam search time goes: torch.profiler over translating Multi30k test2016.

    python scripts/profile_translate.py -m runs/multi30k_de_en/best.pt [--beam 5] [--rows 15]

Prints the wall time of a plain run (after a warm-up batch), then torch's
operator table (self CPU time, sorted) for a second, profiled run.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import torch
from sysinfo import provenance, test_rows, top_ops, write_json
from torch.profiler import ProfilerActivity, profile

from nmt.decoding.translator import Translator

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-m", "--model", type=Path, required=True)
    ap.add_argument("--beam", type=int, default=5)
    ap.add_argument("--batch-size", type=int, default=None)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--rows", type=int, default=15)
    ap.add_argument("--json", type=Path, default=None, help="also write the breakdown here")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    tr = Translator.load(args.model, beam=args.beam, batch_size=args.batch_size)
    src = tr.encode([r[tr.config.data.src_lang if tr.config else "de"] for r in test_rows()])
    tr.translate_ids(src[:64])
    t0 = time.perf_counter()
    tr.translate_ids(src)
    wall = time.perf_counter() - t0
    print(f"beam {args.beam}, batch {tr.decode.batch_size}: {wall:.2f} s, {len(src) / wall:.1f} sentences/s")
    with profile(activities=[ProfilerActivity.CPU]) as prof:
        tr.translate_ids(src)
    print(prof.key_averages().table(sort_by="self_cpu_time_total", row_limit=args.rows))
    if args.json:
        write_json(args.json, {
            "benchmark": "beam search profile, test2016", "model": str(args.model), "beam": args.beam,
            "batch_size": tr.decode.batch_size, "threads": torch.get_num_threads(), "torch": torch.__version__,
            "sentences_per_s": round(len(src) / wall, 1),
            "top_ops": top_ops(prof, args.rows),
            **provenance(),
        })
    return 0


if __name__ == "__main__":
    sys.exit(main())
