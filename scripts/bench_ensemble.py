#!/usr/bin/env python
"""An ensemble of the default config's seeds against each seed alone, on Multi30k test2016.

    python scripts/bench_ensemble.py [-m runs/multi30k_de_en/best.pt -m runs/multi30k_de_en-seed2/best.pt ...]
                                     [--beam 5] [--threads 2] [--json scripts/results/bench_ensemble.json]

Each model alone, then all of them as one ensemble (``nmt translate -m a -m b
-m c``: the mean of their log-probabilities at every step, the union of their
shortlists), translate the 1,000 German test sentences in this process with
the same decoding settings; BLEU and chrF are sacreBLEU's, sentences/s the
translation time alone (models loaded). Without -m, the three seeds' runs
under runs/ (seed 1 in runs/multi30k_de_en, seeds 2 and 3 in
runs/multi30k_de_en-seedN) are used.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from sysinfo import bench_parser, provenance, test_rows, write_json

ROOT = Path(__file__).resolve().parent.parent

DEFAULTS = ["runs/multi30k_de_en/best.pt", "runs/multi30k_de_en-seed2/best.pt", "runs/multi30k_de_en-seed3/best.pt"]


def main() -> int:
    ap = bench_parser(__doc__, beam=5)
    ap.add_argument("-m", "--model", action="append", type=Path, default=[])
    args = ap.parse_args()
    import torch

    from nmt.decoding.translator import Translator
    from nmt.info import describe
    from nmt.metrics import score

    torch.set_num_threads(args.threads)
    models = args.model or [ROOT / p for p in DEFAULTS]
    rows_in = test_rows(args.lines)
    results: dict = {"beam": args.beam, "threads": args.threads, "lines": len(rows_in), "rows": [], **provenance()}
    settings = [([m], f"seed {describe(m)['training']['seed']}") for m in models]
    settings.append((models, f"ensemble of {len(models)}"))
    for paths, name in settings:
        tr = Translator.load(paths, device="cpu", beam=args.beam)
        assert tr.config is not None
        src, tgt = tr.config.data.src_lang, tr.config.data.tgt_lang
        tr.translate([r[src] for r in rows_in[:16]])  # warm-up: first calls allocate and pick kernels
        t0 = time.perf_counter()
        with torch.inference_mode():
            hyps = tr.translate([r[src] for r in rows_in])
        seconds = time.perf_counter() - t0
        s = score(hyps, [r[tgt] for r in rows_in])
        row = {"name": name, "models": [str(p) for p in paths], "bleu": s.bleu, "chrf": s.chrf,
               "sentences_per_s": round(len(rows_in) / seconds, 1), "bleu_signature": s.bleu_signature}
        results["rows"].append(row)
        print(f"{name}: BLEU {s.bleu:.2f} chrF {s.chrf:.2f} {row['sentences_per_s']} sentences/s", flush=True)
    write_json(args.json, results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
