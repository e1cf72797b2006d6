#!/usr/bin/env python
"""Distil Multi30k de→en with the teacher ensemble and record what it cost.

    python scripts/distill_teacher.py [-m runs/multi30k_de_en/best.pt -m ...] [-o runs/distilled/multi30k_de_en]
                                      [--threads 2] [--json scripts/results/distill_teacher.json]

Runs ``nmt.distill`` (what ``nmt distill`` runs) with the teacher: by default the
ensemble of the default config's three seeds (seed 1 in runs/multi30k_de_en, seeds 2
and 3 in runs/multi30k_de_en-seedN, trained by scripts/reproduce.py), over the
training and validation splits, beam 5 and the models' other decoding settings.
Records rows, wall time and sentences/s per split (this run's translation time; a
resumed run records only the part it translated), the teacher's own test2016 BLEU and
chrF (the same decoding, the whole test set), its files and the machine. The students trained on the folder (configs/multi30k_de_en_student*.yaml)
are results rows of their own (scripts/reproduce.py).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from sysinfo import bench_parser, provenance, test_rows, write_json

ROOT = Path(__file__).resolve().parent.parent
DEFAULTS = ["runs/multi30k_de_en/best.pt", "runs/multi30k_de_en-seed2/best.pt", "runs/multi30k_de_en-seed3/best.pt"]


def main() -> int:
    ap = bench_parser(__doc__, lines=None, beam=5)
    ap.add_argument("-m", "--model", action="append", type=Path, default=None)
    ap.add_argument("-o", "--out", type=Path, default=ROOT / "runs" / "distilled" / "multi30k_de_en")
    args = ap.parse_args()

    import torch

    import nmt

    torch.set_num_threads(args.threads)
    models = args.model or [ROOT / p for p in DEFAULTS]
    result = nmt.distill(models, args.out, beam=args.beam, threads=args.threads, log=print)
    manifest = json.loads((args.out / "distill.json").read_text())
    teacher = nmt.Translator.load(models, beam=args.beam, threads=args.threads)
    rows = test_rows()
    src, tgt = teacher.config.data.src_lang, teacher.config.data.tgt_lang
    test = nmt.score(teacher.translate([r[src] for r in rows]), [r[tgt] for r in rows])
    print(f"teacher: test2016 BLEU {test.bleu:.2f} chrF {test.chrf:.2f}")
    data = {
        "teachers": [str(Path(m).relative_to(ROOT)) if Path(m).is_absolute() else str(m) for m in models],
        "beam_size": args.beam,
        "threads": args.threads,
        "torch": torch.__version__,
        "folder": str(args.out.relative_to(ROOT)) if args.out.is_absolute() else str(args.out),
        "splits": manifest["splits"],
        "rows": result.rows,
        "test_bleu": test.bleu,
        "test_chrf": test.chrf,
        "bleu_signature": test.bleu_signature,
        "resumed": result.resumed,
        **provenance(),
    }
    write_json(args.json, data)
    for split, s in manifest["splits"].items():
        print(f"{split}: {s['rows']} rows, {s['seconds']:.0f} s, {s['sentences_per_s']} sentences/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
