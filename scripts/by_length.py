#!/usr/bin/env python
"""BLEU and chrF by source length for several models: the GRU / LSTM / plain-RNN question.

    python scripts/by_length.py [-m gru=runs/multi30k_de_en/best.pt -m lstm=runs/multi30k_de_en_lstm/best.pt
                                 -m rnn=runs/multi30k_de_en_rnn/best.pt] [--split test]

Runs ``nmt evaluate -m MODEL --split SPLIT --by-length --json`` for each model
(its own decoding settings: beam 5 and the shortlist for the published
configs), writes the rows to scripts/results/by_length.json and draws BLEU
against source length, one line per model, into scripts/results/by_length.png
(matplotlib). Without -m, the three default-config runs under runs/ that
exist are used.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

from sysinfo import ENV, provenance, write_json

ROOT = Path(__file__).resolve().parent.parent

DEFAULTS = {"gru": "runs/multi30k_de_en/best.pt", "lstm": "runs/multi30k_de_en_lstm/best.pt",
            "rnn": "runs/multi30k_de_en_rnn/best.pt"}


def evaluate(model: Path, split: str) -> dict:
    res = subprocess.run([sys.executable, "-m", "nmt", "evaluate", "-m", str(model), "--split", split,
                          "--by-length", "--json"], cwd=ROOT, env=ENV, capture_output=True, text=True)
    if res.returncode != 0:
        raise SystemExit(f"nmt evaluate -m {model} failed: {res.stderr.strip()[-400:]}")
    return json.loads(res.stdout)


def plot(rows: dict[str, dict], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    fig = Figure(figsize=(6.4, 4.0), dpi=100)
    ax = fig.add_subplot()
    for name, r in rows.items():
        buckets = [b for b in r["by_length"] if b["sentences"]]
        ax.plot([b["bucket"] for b in buckets], [b["bleu"] for b in buckets], marker="o", label=name.upper())
    first = next(iter(rows.values()))["by_length"]
    ax.set_xlabel("source length (words); sentences: " +
                  ", ".join(f"{b['bucket']}: {b['sentences']}" for b in first if b["sentences"]), fontsize=8)
    ax.set_ylabel("BLEU")
    ax.set_title("Multi30k test2016 de→en, BLEU by source length", fontsize=10)
    ax.grid(alpha=0.3)
    ax.legend()
    fig.tight_layout()
    fig.savefig(path)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-m", "--model", action="append", default=[], help="NAME=CHECKPOINT (repeatable)")
    ap.add_argument("--split", default="test")
    ap.add_argument("--out", type=Path, default=ROOT / "scripts" / "results" / "by_length")
    args = ap.parse_args()
    specs = dict(s.split("=", 1) for s in args.model) if args.model else {
        k: v for k, v in DEFAULTS.items() if (ROOT / v).is_file()}
    if not specs:
        raise SystemExit("no models: pass -m NAME=CHECKPOINT (or train the default configs into runs/)")
    rows = {}
    for name, model in specs.items():
        rows[name] = evaluate(Path(model), args.split)
        print(f"{name}: BLEU {rows[name]['bleu']:.2f} | " + " | ".join(
            f"{b['bucket']}: {b['bleu']:.2f}" for b in rows[name]["by_length"] if b["sentences"]), flush=True)
    out = {"split": args.split, "models": {n: {"checkpoint": specs[n], **r} for n, r in rows.items()},
           **provenance()}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    write_json(args.out.with_suffix(".json"), out)
    plot(rows, args.out.with_suffix(".png"))
    print(f"wrote {args.out.with_suffix('.json')} and {args.out.with_suffix('.png')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
