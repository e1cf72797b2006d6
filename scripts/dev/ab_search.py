#!/usr/bin/env python
"""A/B of the search code: nmt/search.py at a git revision vs the working tree, in one process.

    python scripts/dev/ab_search.py -m runs/multi30k_de_en/best.pt --rev f197c96 [--beam 5] [--repeats 2]

Translates a Multi30k split with both versions, alternating (so machine noise
hits both alike), and prints each run's seconds, the median speed-up, how many
outputs differ and the BLEU of each. Used to check that a search speed-up
changes nothing but the time.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import sacrebleu  # noqa: E402
import torch  # noqa: E402

import nmt.translate  # noqa: E402
from nmt import search as current  # noqa: E402
from nmt.translate import Translator  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "multi30k"


def load_search_at(rev: str):
    source = subprocess.run(["git", "show", f"{rev}:nmt/search.py"], cwd=ROOT, check=True,
                            capture_output=True, text=True).stdout
    path = Path(tempfile.mkdtemp()) / "search_at_rev.py"
    path.write_text(source)
    spec = importlib.util.spec_from_file_location("search_at_rev", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["search_at_rev"] = module
    spec.loader.exec_module(module)
    return module


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-m", "--model", type=Path, required=True)
    ap.add_argument("--rev", required=True, help="git revision of the 'before' nmt/search.py")
    ap.add_argument("--beam", type=int, default=5)
    ap.add_argument("--split", default="test")
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--repeats", type=int, default=2)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    rows = [json.loads(line) for line in (DATA / f"{args.split}.jsonl").read_text(encoding="utf-8").splitlines()]
    tr = Translator.from_checkpoint(args.model, beam_size=args.beam)
    src_lang, tgt_lang = (tr.config.data.src_lang, tr.config.data.tgt_lang) if tr.config else ("de", "en")
    src = tr.encode([r[src_lang] for r in rows])
    refs = [r[tgt_lang] for r in rows]
    versions = {args.rev: load_search_at(args.rev), "working tree": current}
    times: dict[str, list[float]] = {name: [] for name in versions}
    outputs: dict[str, list[list[int]]] = {}
    for rep in range(args.repeats):
        for name, module in versions.items():
            nmt.translate.search = module.search
            t0 = time.perf_counter()
            hyps = tr.translate_ids(src)
            times[name].append(time.perf_counter() - t0)
            outputs[name] = [h[0].tokens for h in hyps]
            print(f"{name}: run {rep + 1} {times[name][-1]:.2f} s", flush=True)
    nmt.translate.search = current.search
    before, after = (statistics.median(times[n]) for n in versions)
    differ = sum(a != b for a, b in zip(*outputs.values()))
    bleus = {n: sacrebleu.corpus_bleu(tr.tokenizer.decode_tgt(o), [refs]).score for n, o in outputs.items()}
    print(f"beam {args.beam}, {len(src)} {args.split} sentences, {args.threads} thread(s): "
          f"{args.rev} {before:.2f} s, working tree {after:.2f} s (medians of {args.repeats}), "
          f"speed-up {before / after:.2f}x; outputs differing: {differ}; "
          f"BLEU {bleus[args.rev]:.2f} vs {bleus['working tree']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
