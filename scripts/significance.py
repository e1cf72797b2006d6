#!/usr/bin/env python
"""The comparisons README and docs/results.md make, each with sacreBLEU's paired significance test.

    python scripts/significance.py [--make-hyps] [--json scripts/results/significance.json]

Two scores a few tenths apart (GRU 40.52 against LSTM 40.81) say nothing until a test
says whether the difference is more than chance. Each comparison here is a baseline
and one or more systems, all outputs for Multi30k test2016 kept in scripts/results/hyps
(scripts/reproduce.py writes each row's, full vocabulary and shortlist;
scripts/distill_teacher.py the teacher ensemble's), tested with :func:`nmt.metrics.compare`
(sacreBLEU's paired bootstrap resampling, 1,000 resamples, its fixed seed: what
``nmt evaluate --compare --hyp`` and ``sacrebleu --paired-bs`` print). Where the claim is
about sentence length ("a plain RNN forgets over long sentences"), each source-length
bucket is tested too.

The outputs outlive the models (``runs/`` is not kept between sessions), so the test can
be re-run at any time; ``--make-hyps`` first decodes the outputs only a model in runs/ can
give (int8 against float32). A comparison whose files are missing is written with
``missing``: the files and the command that makes them.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sysinfo import ENV, bench_parser, provenance, test_rows, write_json

ROOT = Path(__file__).resolve().parent.parent
HYPS = ROOT / "scripts" / "results" / "hyps"
DE_EN = "python scripts/reproduce.py configs/multi30k_de_en.yaml"

# (label, hypothesis file in HYPS, the command that writes it). The first system is the baseline.
COMPARISONS: list[dict] = [
    {"id": "cells", "title": "GRU vs LSTM vs plain RNN (de→en, seed 1, full vocabulary)", "by_length": True,
     "systems": [("GRU", "multi30k_de_en.test.en", DE_EN),
                 ("LSTM", "multi30k_de_en_lstm.test.en", "python scripts/reproduce.py configs/multi30k_de_en_lstm.yaml"),
                 ("plain RNN", "multi30k_de_en_rnn.test.en", "python scripts/reproduce.py configs/multi30k_de_en_rnn.yaml")]},
    {"id": "seeds", "title": "seeds of the default config (de→en, full vocabulary)",
     "systems": [("seed 1", "multi30k_de_en.test.en", DE_EN),
                 ("seed 2", "multi30k_de_en-seed2.test.en", DE_EN + " --seed 2"),
                 ("seed 3", "multi30k_de_en-seed3.test.en", DE_EN + " --seed 3")]},
    {"id": "ensemble", "title": "ensemble of the 3 seeds vs one model (de→en, full vocabulary)",
     "systems": [("seed 1", "multi30k_de_en.test.en", DE_EN),
                 ("ensemble of 3", "multi30k_de_en-ensemble3.test.en",
                  "python scripts/distill_teacher.py --json scripts/results/distill_teacher.json")]},
    {"id": "shortlist", "title": "lexical shortlist vs full vocabulary (de→en, seed 1)",
     "systems": [("full vocabulary", "multi30k_de_en.test.en", DE_EN),
                 ("shortlist", "multi30k_de_en.test.shortlist.en", DE_EN)]},
    {"id": "int8", "title": "int8 vs float32 (de→en, seed 1, full vocabulary)",
     "systems": [("float32", "multi30k_de_en.test.en", DE_EN),
                 ("int8", "multi30k_de_en.int8.test.en", "python scripts/significance.py --make-hyps")]},
    {"id": "back-translation", "title": "tagged back-translation vs the default model (de→en, seed 1, full vocabulary)",
     "systems": [("default", "multi30k_de_en.test.en", DE_EN),
                 ("tagged back-translation", "multi30k_de_en_bt.test.en",
                  "python scripts/back_translate.py --json scripts/results/back_translation.json")]},
    {"id": "students", "title": "distilled students vs the default model (de→en, seed 1, full vocabulary)",
     "systems": [("default (references)", "multi30k_de_en.test.en", DE_EN),
                 ("student", "multi30k_de_en_student.test.en",
                  "python scripts/reproduce.py configs/multi30k_de_en_student.yaml"),
                 ("small student", "multi30k_de_en_student_small.test.en",
                  "python scripts/reproduce.py configs/multi30k_de_en_student_small.yaml")]},
]

# One model for six directions against each direction's bilingual model (scripts/multilingual.py
# keeps the multilingual outputs, reproduce.py the bilingual ones).
MULTILINGUAL = "python scripts/multilingual.py --train --json scripts/results/multilingual.json"
for _src, _tgt in (("de", "en"), ("fr", "en"), ("cs", "en"), ("en", "de"), ("en", "fr"), ("en", "cs")):
    COMPARISONS.append(
        {"id": f"multilingual-{_src}-{_tgt}", "title": f"one model, six directions vs bilingual ({_src}→{_tgt})",
         "src": _src, "tgt": _tgt,
         "systems": [("bilingual", f"multi30k_{_src}_{_tgt}.test.{_tgt}",
                      f"python scripts/reproduce.py configs/multi30k_{_src}_{_tgt}.yaml"),
                     ("multilingual", f"multi30k_multilingual.{_src}-{_tgt}.test.{_tgt}", MULTILINGUAL)]})

# Outputs decoded here from a model of runs/: (file, model, extra `nmt evaluate` flags).
MADE_HERE = [("multi30k_de_en.int8.test.en", "runs/multi30k_de_en/best.pt", ["--no-shortlist", "--int8"])]


def make_hyps() -> None:
    """Decode MADE_HERE's outputs whose model is in runs/ (beam 5, test2016)."""
    for name, model, flags in MADE_HERE:
        if not (ROOT / model).is_file():
            print(f"{name}: {model} is not here; skipped")
            continue
        subprocess.run([sys.executable, "-m", "nmt", "evaluate", "-m", str(ROOT / model), "--split", "test",
                        "--beam", "5", "--save-hyp", str(HYPS / name), *flags],
                       check=True, env=ENV, cwd=ROOT)
        print(f"{name}: written from {model}")


def run(comparison: dict, rows: list[dict], hyps: Path = HYPS) -> dict:
    """One comparison's figures: each system's BLEU/chrF with its 95% interval and p against the
    baseline; with ``by_length``, the same per source-length bucket."""
    from nmt.metrics import LENGTH_BUCKETS, bucket_name, compare

    present = [(label, f, cmd) for label, f, cmd in comparison["systems"] if (hyps / f).is_file()]
    out = {"id": comparison["id"], "title": comparison["title"]}
    missing = [{"system": label, "file": f"scripts/results/hyps/{f}", "made_by": cmd}
               for label, f, cmd in comparison["systems"] if not (hyps / f).is_file()]
    if missing:
        out["missing"] = missing
    if len(present) < 2 or present[0][1] != comparison["systems"][0][1]:
        return out  # no baseline, or nothing to test it against
    refs = [r[comparison.get("tgt", "en")] for r in rows]
    sources = [r[comparison.get("src", "de")] for r in rows]
    systems = [(label, (hyps / f).read_text(encoding="utf-8").splitlines()) for label, f, _ in present]
    from nmt.errors import NmtError

    try:
        results, signatures = compare(systems, refs)
    except NmtError as exc:  # e.g. a kept file of the wrong length: this comparison fails, not the others
        return {**out, "error": str(exc)}
    # sacreBLEU gives two identical outputs p = 1/1001, which reads as significant: compare()
    # marks them ``identical`` and the tables say so instead.
    out["systems"] = [{**c.to_dict(), "file": f"scripts/results/hyps/{f}"} for c, (_, f, _) in zip(results, present)]
    out["bleu_signature"] = signatures["bleu"]
    if comparison.get("by_length"):
        buckets = []
        for lo, hi in LENGTH_BUCKETS:
            idx = [i for i, s in enumerate(sources) if lo <= len(s.split()) and (hi is None or len(s.split()) <= hi)]
            if len(idx) < 2:
                continue
            part, _ = compare([(label, [h[i] for i in idx]) for label, h in systems], [refs[i] for i in idx])
            buckets.append({"bucket": bucket_name(lo, hi), "sentences": len(idx),
                            "systems": [{"name": c.name, "bleu": c.bleu, "bleu_p": c.bleu_p, "identical": c.identical}
                                        for c in part]})
        out["by_length"] = buckets
    return out


def main() -> int:
    ap = bench_parser(__doc__, lines=None)
    ap.add_argument("--make-hyps", action="store_true", help="first decode the outputs a model in runs/ gives")
    ap.add_argument("--only", action="append", default=None, help="comparison ids (default: all)")
    args = ap.parse_args()
    if args.make_hyps:
        make_hyps()
    rows = test_rows()
    comparisons = [run(c, rows) for c in COMPARISONS if not args.only or c["id"] in args.only]
    for c in comparisons:
        print(c["title"])
        for s in c.get("systems", []):
            p = "" if s["bleu_p"] is None else "  identical" if s["identical"] else f"  p = {s['bleu_p']:.4f}"
            print(f"  {s['name']:<22} BLEU {s['bleu']:6.2f} ± {s['bleu_ci'] or 0:.2f}  chrF {s['chrf']:6.2f}{p}")
        for m in c.get("missing", []):
            print(f"  (missing: {m['file']}, made by `{m['made_by']}`)")
    write_json(args.json, {"test": "paired bootstrap resampling (sacrebleu.significance, 1,000 resamples, "
                                   "95% intervals), each system against the first of its comparison",
                           "test_split": "test", "comparisons": comparisons, **provenance()})
    return 0


if __name__ == "__main__":
    sys.exit(main())
