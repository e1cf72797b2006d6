#!/usr/bin/env python
"""What one SentencePiece call costs per line: a one-line list vs the line alone.

    python scripts/bench_tokenizer_calls.py [-m runs/multi30k_de_en/best.pt] [--lines 300]
                                            [--json scripts/results/bench_tokenizer_calls.json]

Why: ``SentencePieceProcessor.encode``/``decode`` run a list on a thread pool they
start for that call. ``nmt serve`` tokenizes each request's few lines as it
comes, in a process that shares the cores with busy decoding processes, so the
cost that matters is that of a short list when the cores are taken. The script
times, per line of test2016: encoding ``[line]``, ``[line]`` with one thread,
``line``; decoding the same three ways; first with the cores idle, then with
one busy-looping process per core beside it (what a loaded server looks like).
Each figure is the median of 5 passes, all kept in the JSON: with the cores
busy a one-line list's cost swings between runs (from a few times the line's
to hundreds of times, when the pool's threads wait for a core).
``nmt.tokenizer`` runs lists shorter than ``SMALL_LIST`` line by line because
of these figures. Without -m, a 500-piece SentencePiece model is trained on
test2016 itself (the calls' overhead, not the vocabulary, is measured).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from sysinfo import bench_parser, provenance, test_rows, write_json

ROOT = Path(__file__).resolve().parent.parent


def per_line_us(call, items: list, repeats: int = 5) -> list[float]:
    """The mean microseconds of ``call(item)`` in each of ``repeats`` passes over ``items``."""
    passes = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        for item in items:
            call(item)
        passes.append(round((time.perf_counter() - t0) / len(items) * 1e6, 1))
    return passes


def main() -> int:
    ap = bench_parser(__doc__, lines=300)
    ap.add_argument("-m", "--model", type=Path, default=None)
    args = ap.parse_args()
    from nmt.tokenizer import Tokenizer

    if args.model is not None:
        from nmt.checkpoint import load_checkpoint, tokenizer_of

        tok: Tokenizer = tokenizer_of(load_checkpoint(args.model))
    else:
        from nmt.config import VocabConfig

        rows = test_rows()  # small and always there; the vocabulary only has to exist
        tok = Tokenizer.train([r["de"] for r in rows], [r["en"] for r in rows],
                              VocabConfig(vocab_size=500, input_sentence_size=0))
    src, tgt = tok._src, tok._tgt
    lines = [r["de"] for r in test_rows(args.lines)]
    ids = [tgt.encode(r["en"]) for r in test_rows(args.lines)]
    calls = {
        "encode [line]": (lambda x: src.encode([x]), lines),
        "encode [line], num_threads=1": (lambda x: src.encode([x], num_threads=1), lines),
        "encode line": (src.encode, lines),
        "decode [ids]": (lambda x: tgt.decode([x]), ids),
        "decode [ids], num_threads=1": (lambda x: tgt.decode([x], num_threads=1), ids),
        "decode ids": (tgt.decode, ids),
    }
    results: dict = {"model": str(args.model or "SentencePiece trained on test2016 (500 pieces)"),
                     "lines": len(lines), "cores": os.cpu_count(), "us_per_line": {}, "passes": {},
                     **provenance()}
    for load in ("idle", "busy"):
        hogs = []
        if load == "busy":
            hogs = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(os.cpu_count() or 1)]
            time.sleep(1.0)
        try:
            for name, (call, items) in calls.items():
                passes = per_line_us(call, items)
                us = statistics.median(passes)
                results["us_per_line"][f"{name}, cores {load}"] = us
                results["passes"][f"{name}, cores {load}"] = passes
                print(f"{name:32s} cores {load}: {us:8.1f} us per line (passes: {min(passes)} to "
                      f"{max(passes)})", flush=True)
        finally:
            for h in hogs:
                h.kill()
                h.wait()
    write_json(args.json, results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
