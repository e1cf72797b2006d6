#!/usr/bin/env python
"""Start-up time and memory of ``nmt train`` as the corpus grows (issue 13).

    python scripts/bench_scale.py [--sizes 100000,1000000,4000000] [--steps 20] [--work DIR]
    python scripts/bench_scale.py --sizes 4000000 --steps 5 --set data.filter.dedup=true \
        --out scripts/results/bench_scale_dedup.json    # what deduplication adds

For each size it writes a synthetic corpus of real Multi30k sentences (each pair
is two random training pairs joined, so the vocabulary and the lengths stay
realistic) as ``train.jsonl`` beside 200 real validation pairs, then runs the
default config (``configs/multi30k_de_en.yaml``) through ``nmt train`` twice:

* cold: empty ``datasets`` and ``nmt`` caches (JSON → Arrow, SentencePiece,
  tokenization and the shortlist table all happen);
* cached: a new run folder over the same caches (what a second run and every
  ``--resume`` find).

Measured from outside the process, as a user would: wall time from launch to the
first training step (the first ``train`` line of ``train_log.jsonl``, polled every
50 ms), each start-up phase from the time stamps of the trainer's own stderr lines,
peak RSS of the largest process (``/usr/bin/time -v``'s "Maximum resident set
size", which includes the memory-mapped pages a process touched), the training
process's own peaks of anonymous and file-backed RSS (``/proc/PID/status``
``RssAnon``/``RssFile``, sampled every 200 ms) and the peak of the whole process
tree's summed RSS (tokenizing workers included; pages they share are counted
once per process). Writes ``scripts/results/bench_scale.json``. Run it alone: two cores
are easily saturated.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

from sysinfo import cpu_model, git_commit, git_dirty

ROOT = Path(__file__).resolve().parent.parent

DATA = ROOT.parent / "shared" / "data" / "multi30k"
CONFIG = ROOT / "configs" / "multi30k_de_en.yaml"


def make_corpus(folder: Path, pairs: int, seed: int = 0) -> None:
    """``pairs`` synthetic de-en pairs (two random Multi30k training pairs joined) + validation."""
    if (folder / "train.jsonl").is_file() and (folder / "pairs").read_text() == str(pairs):
        return
    folder.mkdir(parents=True, exist_ok=True)
    rows = [json.loads(line) for line in open(DATA / "train.jsonl", encoding="utf-8")]
    de, en = [r["de"] for r in rows], [r["en"] for r in rows]
    rng = random.Random(seed)
    n = len(rows)
    with open(folder / "train.jsonl", "w", encoding="utf-8") as f:
        for _ in range(pairs):
            a, b = rng.randrange(n), rng.randrange(n)
            f.write(json.dumps({"de": f"{de[a]} {de[b]}", "en": f"{en[a]} {en[b]}"}, ensure_ascii=False) + "\n")
    with open(DATA / "validation.jsonl", encoding="utf-8") as src, \
            open(folder / "validation.jsonl", "w", encoding="utf-8") as dst:
        for i, line in enumerate(src):
            if i >= 200:
                break
            dst.write(line)
    (folder / "pairs").write_text(str(pairs))


def _rss_parts_kb(pid: int) -> tuple[int, int]:
    """(RssAnon, RssFile) of ``pid``: its own memory, and the file pages it has mapped and
    touched (memory-mapped Arrow, shared libraries), which the kernel may drop at will."""
    try:
        with open(f"/proc/{pid}/status") as f:
            text = f.read()
        return tuple(int(re.search(rf"{k}:\s+(\d+)", text).group(1)) for k in ("RssAnon", "RssFile"))
    except (OSError, AttributeError):
        return 0, 0


def _tree_rss_kb(root: int) -> int:
    """Summed VmRSS of ``root`` and its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                stat = f.read()
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            with open(f"/proc/{entry}/status") as f:
                m = re.search(r"VmRSS:\s+(\d+)", f.read())
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(ppid, []).append(int(entry))
        rss[int(entry)] = int(m.group(1)) if m else 0
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo.extend(children.get(pid, []))
    return total


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return [int(c) for c in f.read().split()]
    except OSError:
        return []


def run_train(corpus: Path, out: Path, env: dict[str, str], steps: int, overrides: list[str] = ()) -> dict:
    """One ``nmt train`` under /usr/bin/time -v: first-step time, phases, peak RSS."""
    cmd = ["/usr/bin/time", "-v", sys.executable, "-m", "nmt", "train", str(CONFIG), "--out", str(out),
           "--overwrite", "--no-progress", "--set", f"data.dataset={corpus}", "--set", f"train.max_steps={steps}",
           "--set", "train.log_every=1", "--set", "train.valid_every=100000", "--set", "data.max_valid_examples=50",
           *[a for o in overrides for a in ("--set", o)]]
    log_path = out / "train_log.jsonl"
    if out.exists():
        shutil.rmtree(out)
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    lines: list[tuple[float, str]] = []
    reader = threading.Thread(target=lambda: lines.extend((time.perf_counter() - start, ln.rstrip("\n"))
                                                          for ln in proc.stderr), daemon=True)
    reader.start()
    first_step, tree_peak, anon_peak, file_peak = None, 0, 0, 0
    last_sample = 0.0
    while proc.poll() is None:
        now = time.perf_counter()
        if first_step is None and log_path.is_file() and '"kind": "train"' in log_path.read_text():
            first_step = now - start
        if now - last_sample >= 0.2:
            tree_peak, last_sample = max(tree_peak, _tree_rss_kb(proc.pid)), now
            trainer = max(_children(proc.pid), default=proc.pid)  # /usr/bin/time's child: nmt
            anon, file = _rss_parts_kb(trainer)
            anon_peak, file_peak = max(anon_peak, anon), max(file_peak, file)
        time.sleep(0.05)
    reader.join()
    total = time.perf_counter() - start
    text = [ln for _, ln in lines]
    if proc.returncode != 0:
        raise SystemExit(f"nmt train failed ({proc.returncode}):\n" + "\n".join(text[-20:]))
    peak = next(int(ln.split(":")[1]) for ln in text if "Maximum resident set size" in ln)
    phases = [{"at_s": round(t, 2), "line": ln} for t, ln in lines
              if re.match(r"(vocab|data|resume|step \d|finished|max-steps)", ln)]
    return {"first_step_s": round(first_step or total, 2), "total_s": round(total, 2),
            "peak_rss_mb": round(peak / 1024), "peak_tree_rss_mb": round(tree_peak / 1024),
            "peak_anon_mb": round(anon_peak / 1024), "peak_file_mb": round(file_peak / 1024), "phases": phases}


def _phase_seconds(phases: list[dict], prefix: str) -> float | None:
    """Seconds from the stderr line starting with ``prefix`` to the next line."""
    for i, p in enumerate(phases[:-1]):
        if p["line"].startswith(prefix):
            return phases[i + 1]["at_s"] - p["at_s"]
    return None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="100000,1000000,4000000")
    ap.add_argument("--steps", type=int, default=20)
    ap.add_argument("--work", type=Path, default=Path("/tmp/nmt-bench-scale"))
    ap.add_argument("--out", type=Path, default=ROOT / "scripts" / "results" / "bench_scale.json")
    ap.add_argument("--set", dest="overrides", action="append", default=[],
                    help="config override for every run, e.g. data.filter.dedup=true")
    args = ap.parse_args()
    rows = []
    for pairs in [int(s) for s in args.sizes.split(",")]:
        folder = args.work / f"corpus-{pairs}"
        t = time.perf_counter()
        make_corpus(folder, pairs)
        print(f"{pairs} pairs: corpus ready ({time.perf_counter() - t:.0f}s)", flush=True)
        caches = args.work / f"cache-{pairs}"
        shutil.rmtree(caches, ignore_errors=True)
        env = dict(os.environ, HF_DATASETS_OFFLINE="1", HF_HUB_OFFLINE="1",
                   HF_DATASETS_CACHE=str(caches / "hf"), NMT_CACHE=str(caches / "nmt"))
        cold = run_train(folder, args.work / f"run-{pairs}-cold", env, args.steps, args.overrides)
        cached = run_train(folder, args.work / f"run-{pairs}-cached", env, args.steps, args.overrides)
        tok_s = _phase_seconds(cold["phases"], "data: tokenizing")
        row = {"pairs": pairs, "cold": cold, "cached": cached,
               "tokenize_s": round(tok_s, 2) if tok_s else None,
               "tokenize_sentences_per_s": round(2 * pairs / tok_s) if tok_s else None,
               "sentencepiece_s": _phase_seconds(cold["phases"], "vocab: training"),
               "hashing_s": _phase_seconds(cold["phases"], "data: hashing"),
               "cache_mb": round(sum(p.stat().st_size for p in caches.rglob("*") if p.is_file()) / 2**20)}
        rows.append(row)
        print(f"{pairs} pairs: first step cold {cold['first_step_s']}s, cached {cached['first_step_s']}s; "
              f"peak RSS cold {cold['peak_rss_mb']} MB (tree {cold['peak_tree_rss_mb']} MB), cached "
              f"{cached['peak_rss_mb']} MB; tokenization {row['tokenize_sentences_per_s']} sentences/s", flush=True)
        shutil.rmtree(caches, ignore_errors=True)
    peaks = [max(r["cold"]["peak_rss_mb"], r["cached"]["peak_rss_mb"]) for r in rows]
    result = {
        "command": "python scripts/bench_scale.py " + " ".join(sys.argv[1:]),
        "config": str(CONFIG.relative_to(ROOT)), "overrides": args.overrides, "steps": args.steps, "cpu": cpu_model(),
        "cores": len(os.sched_getaffinity(0)), "commit": git_commit(), "dirty": git_dirty(),
        "date": time.strftime("%Y-%m-%d"), "rows": rows,
        "peak_rss_mb_max": max(peaks), "peak_rss_spread": round(max(peaks) / min(peaks), 3),
        "median_cached_first_step_s": statistics.median(r["cached"]["first_step_s"] for r in rows),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(f"peak RSS max {result['peak_rss_mb_max']} MB, spread {result['peak_rss_spread']}x -> {args.out}")


if __name__ == "__main__":
    main()
