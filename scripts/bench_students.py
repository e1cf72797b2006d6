#!/usr/bin/env python
"""Students against their baseline on test2016: BLEU, chrF and sentences/s measured in one run.

    python scripts/bench_students.py --baseline runs/multi30k_de_en/best.pt \\
        -m runs/multi30k_de_en_student/best.pt -m runs/multi30k_de_en_student_small/best.pt \\
        [--beam 5] [--threads 2] [--runs 5] [--json scripts/results/bench_students.json]

Each model translates the 1,000 German sentences of Multi30k test2016 in this process
with its own decoding settings (its config's shortlist, beam ``--beam``). The timed
passes go round the models in turn (``--runs`` rounds, after one warm-up pass each), so
a change in the machine's load touches every model alike; a model's figure is the
median of its passes, and ``speedup`` is its sentences/s over the baseline's, both from
this run. BLEU and chrF are sacreBLEU's, of the first pass (every pass decodes the same).
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from sysinfo import bench_parser, provenance, test_rows, write_json

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    ap = bench_parser(__doc__, beam=5)
    ap.add_argument("--baseline", type=Path, default=ROOT / "runs" / "multi30k_de_en" / "best.pt")
    ap.add_argument("-m", "--model", action="append", type=Path, default=[], required=True)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    import torch

    from nmt.decoding.translator import Translator
    from nmt.info import describe
    from nmt.metrics import score

    torch.set_num_threads(args.threads)
    rows_in = test_rows(args.lines)
    paths = [args.baseline, *args.model]
    loaded = []
    for p in paths:
        tr = Translator.load(p, device="cpu", beam=args.beam)
        assert tr.config is not None
        src, tgt = tr.config.data.src_lang, tr.config.data.tgt_lang
        with torch.inference_mode():
            hyps = tr.translate([r[src] for r in rows_in])  # warm-up, and the output scored
        s = score(hyps, [r[tgt] for r in rows_in])
        info = describe(p)
        loaded.append((tr, [r[src] for r in rows_in], {
            "model": str(p.relative_to(ROOT)) if p.is_absolute() and p.is_relative_to(ROOT) else str(p),
            "parameters": info["parameters"], "architecture": info["model"], "seed": info["training"].get("seed"),
            "bleu": s.bleu, "chrf": s.chrf, "bleu_signature": s.bleu_signature,
            "mean_output_words": round(sum(len(h.split()) for h in hyps) / len(hyps), 2), "seconds": []}))
    for _ in range(args.runs):
        for tr, lines, row in loaded:
            t0 = time.perf_counter()
            with torch.inference_mode():
                tr.translate(lines)
            row["seconds"].append(round(time.perf_counter() - t0, 3))
    out = []
    base_speed = len(rows_in) / statistics.median(loaded[0][2]["seconds"])
    for i, (_, _, row) in enumerate(loaded):
        speed = len(rows_in) / statistics.median(row["seconds"])
        row.update(sentences_per_s=round(speed, 1), speedup=round(speed / base_speed, 2), baseline=i == 0)
        out.append(row)
        print(f"{row['model']}: BLEU {row['bleu']:.2f} chrF {row['chrf']:.2f} {row['sentences_per_s']} sentences/s "
              f"({row['speedup']}x the baseline), {row['parameters']:,} parameters", flush=True)
    write_json(args.json, {"beam": args.beam, "threads": args.threads, "lines": len(rows_in), "runs": args.runs,
                           "rows": out, "torch": torch.__version__, **provenance()})
    return 0


if __name__ == "__main__":
    sys.exit(main())
