#!/usr/bin/env python
"""Build README's results table from ``scripts/results/*.json`` (written by reproduce.py).

    python scripts/results_table.py            # print the table
    python scripts/results_table.py --write    # replace the table between the markers in README.md

Runs of one config with several seeds (``<name>-seedN.json`` beside ``<name>.json``)
are one row: mean ± standard deviation over the seeds.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BEGIN, END = "<!-- results-table:begin -->", "<!-- results-table:end -->"


def _fmt(values: list[float], digits: int = 2) -> str:
    if len(values) == 1:
        return f"{values[0]:.{digits}f}"
    return f"{statistics.mean(values):.{digits}f} ± {statistics.stdev(values):.{digits}f}"


def table(results_dir: Path) -> str:
    groups: dict[str, list[dict]] = defaultdict(list)
    for path in sorted(results_dir.glob("*.json")):
        data = json.loads(path.read_text())
        if "bleu" not in data or "config" not in data:
            continue  # benchmark files live here too
        groups[re.sub(r"-seed\d+$", "", data["name"])].append(data)
    lines = [
        "| config | pair | cell | seeds | test BLEU | chrF | params | train tok/s | to best valid (min) | command |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, runs in sorted(groups.items()):
        r0 = runs[0]
        lines.append(
            f"| {name} | {r0['src_lang']}→{r0['tgt_lang']} | {r0['cell']} | "
            f"{', '.join(str(r['seed']) for r in runs)} | {_fmt([r['bleu'] for r in runs])} | "
            f"{_fmt([r['chrf'] for r in runs])} | {r0['parameters'] / 1e6:.1f}M | "
            f"{_fmt([r['train_tgt_tokens_per_s_median'] for r in runs], 0)} | "
            f"{_fmt([r['time_to_best_valid_s'] / 60 for r in runs], 1)} | `{r0['command']}` |")
    sigs = sorted({r["bleu_signature"] for runs in groups.values() for r in runs})
    cpus = sorted({f"{r['cpu']}, {r['threads']} threads, torch {r['torch']}" for runs in groups.values() for r in runs})
    lines += ["", f"BLEU signature: `{'`, `'.join(sigs)}`; test = Multi30k test2016, beam search as in each "
              f"file's `beam_size`. Machine: {'; '.join(cpus)}."]
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--results", type=Path, default=ROOT / "scripts" / "results")
    args = ap.parse_args()
    text = table(args.results)
    if not args.write:
        print(text)
        return 0
    readme = ROOT / "README.md"
    content = readme.read_text()
    if BEGIN not in content or END not in content:
        print(f"README.md has no {BEGIN} ... {END} markers", file=sys.stderr)
        return 1
    start, end = content.index(BEGIN) + len(BEGIN), content.index(END)
    readme.write_text(content[:start] + "\n" + text + "\n" + content[end:])
    return 0


if __name__ == "__main__":
    sys.exit(main())
