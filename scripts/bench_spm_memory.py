#!/usr/bin/env python
"""Peak memory of SentencePiece training against the number of sentences it reads.

    python scripts/bench_spm_memory.py [--sizes 100000,200000,1000000]

Why ``vocab.input_sentence_size`` defaults to 200k: the trainer's memory grows
with its input, not with the corpus. Each size trains the default vocabulary
(unigram, 8000 pieces) the way ``nmt train`` does (``nmt.tokenizer``) on that
many synthetic sentences (two Multi30k training sentences of one language
joined, as ``scripts/bench_scale.py`` builds its corpora), in a fresh process,
and records that process's peak RSS and the time it took. Writes
``scripts/results/bench_spm_memory.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

from sysinfo import cpu_model, git_commit, git_dirty

ROOT = Path(__file__).resolve().parent.parent

CHILD = r"""
import json, random, resource, sys, time
from nmt.config import VocabConfig
from nmt.tokenizer import train_sentencepiece
rows = [json.loads(line) for line in open(sys.argv[2], encoding="utf-8")]
rng = random.Random(0)
lang = ["de", "en"]
lines = []
for i in range(int(sys.argv[1])):
    a, b, l = rng.choice(rows), rng.choice(rows), lang[i % 2]
    lines.append(a[l] + " " + b[l])
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t = time.perf_counter()
train_sentencepiece(lines, VocabConfig(input_sentence_size=0))
print(json.dumps({"before_mb": before // 1024, "seconds": round(time.perf_counter() - t, 1)}))
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="100000,200000,1000000")
    ap.add_argument("--out", type=Path, default=ROOT / "scripts" / "results" / "bench_spm_memory.json")
    args = ap.parse_args()
    data = ROOT.parent / "shared" / "data" / "multi30k" / "train.jsonl"
    rows = []
    for n in [int(s) for s in args.sizes.split(",")]:
        start = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        res = subprocess.run([sys.executable, "-c", CHILD, str(n), str(data)], capture_output=True,
                             text=True, check=True)
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        if peak <= start:
            raise SystemExit(f"{n}: the child's peak did not exceed an earlier one; run the sizes in increasing order")
        child = json.loads(res.stdout.strip().splitlines()[-1])
        row = {"sentences": n, "peak_rss_mb": peak // 1024, "before_training_mb": child["before_mb"],
               "trainer_mb": peak // 1024 - child["before_mb"], "seconds": child["seconds"]}
        rows.append(row)
        print(row, flush=True)
    out = {"command": "python scripts/bench_spm_memory.py " + " ".join(sys.argv[1:]), "cpu": cpu_model(),
           "cores": len(os.sched_getaffinity(0)), "commit": git_commit(), "dirty": git_dirty(),
           "date": time.strftime("%Y-%m-%d"), "rows": rows}
    args.out.write_text(json.dumps(out, indent=2) + "\n")


if __name__ == "__main__":
    main()
