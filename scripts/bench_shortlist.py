#!/usr/bin/env python
"""Shortlist sizes against the whole vocabulary: BLEU, speed and changed outputs on a split.

    python scripts/bench_shortlist.py -m runs/multi30k_de_en/best.pt [-m more.pt ...] --split validation \\
        --sizes 100x20,100x10,50x5 --beam 5 --repeats 3 [--json scripts/results/bench_shortlist.json]

Each size ``FxM`` is ``decode.shortlist_frequent=F`` and ``decode.shortlist_per_source=M``;
"full" (no shortlist) is always run first. Settings are run in turn within
each repeat (so machine noise hits all alike) and the median seconds are
printed with the speed-up over "full", the BLEU, the mean shortlist width
and how many outputs differ from "full", for each model, then the mean
BLEU and chrF of each setting over the models (several seeds). Choose sizes
on the validation split, never on test.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

import torch
from sysinfo import cpu_model, git_commit, git_dirty

from nmt.data.batching import batch_indices, make_src_batch
from nmt.decoding.translator import Translator
from nmt.metrics import score

ROOT = Path(__file__).resolve().parent.parent

DATA = ROOT.parent / "shared" / "data" / "multi30k"


def mean_width(tr: Translator, src: list[list[int]]) -> float:
    """Mean number of real pieces in the sentences' shortlists."""
    d, total = tr.decode, 0
    for idx in batch_indices([len(s) for s in src], batch_sentences=d.batch_size):
        ids, lens = make_src_batch([src[i] for i in idx])
        vocab = tr.shortlist.sentence_vocab(ids, lens, d.shortlist_frequent, d.shortlist_per_source)
        total += int(vocab.real.sum())
    return total / len(src)


def bench_model(model: Path, lines: list[str], args: argparse.Namespace) -> list[dict] | None:
    """Time and score every setting on one model; prints one line per setting."""
    base = Translator.load(model, device="cpu", beam=args.beam)
    if base.shortlist is None:
        print(f"{model}: no shortlist table; run scripts/add_shortlist.py first", file=sys.stderr)
        return None
    cfg = base.config
    rows = [json.loads(line) for line in lines]
    sources = [r[cfg.data.src_lang] for r in rows]
    refs = [r[cfg.data.tgt_lang] for r in rows]
    src = base.encode(sources, warn=lambda m: None)
    settings: dict[str, Translator] = {"full": replace(base, decode=replace(base.decode, shortlist=False))}
    for size in args.sizes.split(","):
        f, m = (int(x) for x in size.lower().split("x"))
        settings[size] = replace(base, decode=replace(base.decode, shortlist=True, shortlist_frequent=f,
                                                      shortlist_per_source=m))
    times: dict[str, list[float]] = {k: [] for k in settings}
    outputs: dict[str, list[str]] = {}
    with torch.inference_mode():
        for tr in settings.values():  # warm-up
            tr.translate_ids(src[:64])
        for _ in range(args.repeats):
            for name, tr in settings.items():
                t0 = time.perf_counter()
                hyps = tr.translate_ids(src)
                times[name].append(time.perf_counter() - t0)
                outputs[name] = tr.tokenizer.decode_tgt([h[0].tokens for h in hyps])
    full_t = statistics.median(times["full"])
    report = []
    print(model)
    for name, tr in settings.items():
        s = score(outputs[name], refs)
        t = statistics.median(times[name])
        row = {"model": str(model), "setting": name, "seconds": [round(x, 3) for x in times[name]],
               "median_s": round(t, 3), "sent_per_s": round(len(src) / t, 1), "speedup": round(full_t / t, 3),
               "bleu": round(s.bleu, 2), "chrf": round(s.chrf, 2),
               "differ": sum(a != b for a, b in zip(outputs[name], outputs["full"])),
               "mean_width": None if name == "full" else round(mean_width(tr, src), 1)}
        report.append(row)
        width = f"{row['mean_width']:7.1f}" if row["mean_width"] is not None else f"{tr.tokenizer.tgt_vocab_size:7d}"
        print(f"{name:>8}  width {width}  {t:6.2f} s  {row['sent_per_s']:7.1f} sent/s  x{row['speedup']:.2f}  "
              f"BLEU {s.bleu:5.2f}  chrF {s.chrf:5.2f}  differ {row['differ']}/{len(src)}")
    return report


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-m", "--model", type=Path, action="append", required=True, help="repeatable")
    ap.add_argument("--split", default="validation")
    ap.add_argument("--sizes", default="100x20,100x10,50x5", help="comma-separated FREQUENTxPER_SOURCE")
    ap.add_argument("--beam", type=int, default=5)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    lines = (DATA / f"{args.split}.jsonl").read_text(encoding="utf-8").splitlines()
    report = []
    for model in args.model:
        rows = bench_model(model, lines, args)
        if rows is None:
            return 2
        report += rows
    names = list(dict.fromkeys(r["setting"] for r in report))
    summary = []
    for name in names:
        rows = [r for r in report if r["setting"] == name]
        summary.append({"setting": name, "models": len(rows),
                        "mean_bleu": round(statistics.mean(r["bleu"] for r in rows), 2),
                        "mean_chrf": round(statistics.mean(r["chrf"] for r in rows), 2),
                        "median_speedup": round(statistics.median(r["speedup"] for r in rows), 3)})
        print(f"{name:>8}  mean over {len(rows)} model(s): BLEU {summary[-1]['mean_bleu']:5.2f}  "
              f"chrF {summary[-1]['mean_chrf']:5.2f}  speed-up x{summary[-1]['median_speedup']:.2f}")
    if args.json:
        args.json.write_text(json.dumps({
            "command": "python scripts/bench_shortlist.py " + " ".join(sys.argv[1:]),
            "models": [str(m) for m in args.model], "split": args.split, "beam": args.beam, "threads": args.threads,
            "repeats": args.repeats, "cpu": cpu_model(), "git_commit": git_commit(), "git_dirty": git_dirty(),
            "rows": report, "summary": summary}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
