#!/usr/bin/env python
"""Where Marian's CPU training time goes: py-spy's native sampler over a short ``--type s2s`` run.

    python scripts/profile_marian.py --dim 256 --updates 200 \\
        --json scripts/results/profile_marian_train.json

The counterpart of ``scripts/profile_train.py`` (torch.profiler over ours) for the side by
side of ``scripts/bench_vs_marian.py``: it trains Marian with that benchmark's settings
(its data, vocabulary and virtual environment under ``--work``/``--marian-venv``, made by
a run of the benchmark) under ``py-spy record --native --threads`` and sums the samples
of every busy thread by the innermost function that has a name (Marian's wheel is
stripped, but its exported symbols — the kernels in ``tensor_operators.cpp``, MKL's GEMM
entry points — resolve). Release builds of Marian have no per-operator timers, so a
sampler is the way to see its split: GEMM (MKL), the fused GRU kernels
(``GRUFastForward``/``GRUFastBackward``), the fused attention (``Att``/``AttBack``), the
fused cross-entropy, the optimizer, and the rest.
"""

from __future__ import annotations

import argparse
import collections
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_vs_marian import marian_train_args
from sysinfo import provenance, write_json

ROOT = Path(__file__).resolve().parent.parent

# The innermost frame's name, matched in this order, gives a sample's group.
GROUPS = [
    ("GEMM (MKL sgemm and its kernels)", re.compile(r"mkl|sgemm|gemm|blas|Prod|prod", re.I)),
    ("fused GRU step (GRUFastForward/Backward)", re.compile(r"GRUFast")),
    ("fused attention (Att/AttBack)", re.compile(r"\bAtt(Back)?\b|marian::cpu::Att")),
    ("softmax / cross-entropy", re.compile(r"Softmax|CrossEntropy|LogSoftMax", re.I)),
    ("optimizer (Adam) and gradient exchange", re.compile(r"Adam|Optimizer|Communicator|scatter|gather|"
                                                          r"pushGradients|fetchParams|update", re.I)),
    ("other elementwise / copies (Element, Add, Select, Insert, Concat, Transpose)",
     re.compile(r"Element|Add|Select|Insert|Concat|Transpose|Copy|Paste|Split|Shift|Fill|memcpy|memset", re.I)),
]


def group_of(frame: str) -> str:
    for name, pattern in GROUPS:
        if pattern.search(frame):
            return name
    return "other"


def leaf(stack: str) -> str:
    """The innermost frame with a name (``??``/addresses skipped), without its file part."""
    for frame in reversed(stack.split(";")):
        name = re.sub(r"\s*\(.*\)$", "", frame).strip()
        if name and not name.startswith("0x") and name != "??":
            return name
    return "?"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dim", type=int, default=256, help="Marian --dim-rnn (default 256)")
    ap.add_argument("--updates", type=int, default=200)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--batch-tokens", type=int, default=2048)
    ap.add_argument("--rate", type=int, default=97, help="samples per second per thread")
    ap.add_argument("--work", type=Path, default=ROOT / "runs" / "bench_marian")
    ap.add_argument("--marian-venv", type=Path, default=Path("/tmp/marian-venv"))
    ap.add_argument("--rows", type=int, default=20)
    ap.add_argument("--json", type=Path)
    a = ap.parse_args()
    ddir, vocab = a.work / "data", a.work / "vocab.spm"
    spy = a.marian_venv / "bin" / "py-spy"
    for need in (ddir / "train.de", vocab, a.marian_venv / "bin" / "python"):
        if not need.exists():
            sys.exit(f"{need}: missing; run scripts/bench_vs_marian.py first (it makes the data, vocabulary and venv)")
    if not spy.exists():
        subprocess.run([str(a.marian_venv / "bin" / "pip"), "install", "-q", "py-spy"], check=True)

    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "stacks.txt"
        cmd = [str(spy), "record", "--native", "--threads", "--format", "raw", "--rate", str(a.rate),
               "-o", str(raw), "--", str(a.marian_venv / "bin" / "python"), "-m", "pymarian", "train",
               *marian_train_args(a.dim, Path(tmp), ddir, vocab, a.threads, a.batch_tokens, a.updates, 50),
               "--log", f"{tmp}/train.log"]
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        wall = time.perf_counter() - t0
        counts: collections.Counter[str] = collections.Counter()
        for line in raw.read_text(errors="replace").splitlines():
            stack, _, n = line.rpartition(" ")
            if stack and n.isdigit():
                counts[leaf(stack)] += int(n)

    total = sum(counts.values()) or 1
    groups: collections.Counter[str] = collections.Counter()
    for name, n in counts.items():
        groups[group_of(name)] += n
    result = {
        "what": f"Marian s2s --dim-rnn {a.dim} training, {a.updates} updates of {a.batch_tokens} tokens, "
                f"{a.threads} threads: py-spy --native samples of busy threads by innermost named function",
        "samples": total, "wall_s": round(wall, 1),
        "groups": [{"group": g, "share": round(n / total, 4)} for g, n in groups.most_common()],
        "functions": [{"function": f, "share": round(n / total, 4)} for f, n in counts.most_common(a.rows)],
        **provenance(),
    }
    print(f"{total} samples, {wall:.0f} s")
    for g in result["groups"]:
        print(f"{g['share']:7.1%}  {g['group']}")
    print()
    for f in result["functions"]:
        print(f"{f['share']:7.1%}  {f['function'][:110]}")
    if a.json:
        write_json(a.json, result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
