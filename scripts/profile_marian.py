#!/usr/bin/env python
"""Where Marian's CPU training time goes: Linux ``perf`` over a short ``--type s2s`` run.

    python scripts/profile_marian.py --dim 256 --updates 200 \\
        --json scripts/results/profile_marian_train.json

The counterpart of ``scripts/profile_train.py`` (torch.profiler over ours) for the side by
side of ``scripts/bench_vs_marian.py``: it trains Marian with that benchmark's settings
(its data, vocabulary and virtual environment under ``--work``/``--marian-venv``, made by
a run of the benchmark) under ``perf record`` and sums the samples by function (self
time). Release builds of Marian have no per-operator timers, and its training threads
are C++ threads that Python samplers (py-spy) do not see, so a system profiler is the
way to its split. Marian's wheel is stripped: its exported symbols (the kernels in
``tensor_operators.cpp``, the graph's operators) resolve, the statically linked MKL's
internal GEMM kernels do not and are counted as unresolved addresses in the wheel's
library. Groups: GEMM, the fused GRU kernels (``GRUFastForward``/``GRUFastBackward``),
the fused attention (``Att``/``AttBack``), softmax/cross-entropy, the optimizer and
gradient exchange, other elementwise work, the rest.
"""

from __future__ import annotations

import argparse
import collections
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_vs_marian import marian_train_args
from sysinfo import provenance, write_json

ROOT = Path(__file__).resolve().parent.parent

# A function's name, matched in this order, gives its group.
GROUPS = [
    ("unresolved addresses in the stripped wheel (MKL's internal kernels among them)", re.compile(r"^unresolved")),
    ("GEMM (MKL sgemm and its kernels)", re.compile(r"mkl|sgemm|gemm|blas|Prod|prod", re.I)),
    ("reductions (gAggregate: sums over an axis, e.g. the gradients of broadcast products)",
     re.compile(r"Aggregate|Reduce")),
    ("libm exp/tanh (one scalar call per element: no vector math library)",
     re.compile(r"^(__)?(exp|expm1|tanh|log|log1p)(f|f_fma)?(@|$)")),
    ("fused GRU step (GRUFastForward/Backward)", re.compile(r"GRUFast")),
    ("fused attention (Att/AttBack)", re.compile(r"\bAtt(Back)?\b|marian::cpu::Att")),
    ("softmax / cross-entropy", re.compile(r"Softmax|CrossEntropy|LogSoftMax", re.I)),
    ("optimizer (Adam) and gradient exchange", re.compile(r"Adam|Optimizer|Communicator|scatter|gather|"
                                                          r"pushGradients|fetchParams|update", re.I)),
    ("other elementwise / copies (Element, Add, Select, Insert, Concat, Transpose)",
     re.compile(r"Element|Add|Select|Insert|Concat|Transpose|Copy|Paste|Split|Shift|Fill|memcpy|memmove|memset", re.I)),
]


def group_of(frame: str) -> str:
    frame = frame.strip()
    for name, pattern in GROUPS:
        if pattern.search(frame):
            return name
    return "other"


# "    12.34%  _pymarian.cpython-311-x86_64-linux-gnu.so  [.] marian::cpu::GRUFastForward(...)"
PERF_ROW = re.compile(r"^\s*([\d.]+)%\s+(\S+)\s+\[[.k]\]\s+(.+?)\s*$")


def perf_rows(report: str) -> list[tuple[float, str, str]]:
    """(percent, library, function) of each row of ``perf report --stdio --sort dso,symbol``; an
    address that no symbol names (the stripped wheel's internals) becomes "unresolved"."""
    rows = []
    for line in report.splitlines():
        m = PERF_ROW.match(line)
        if m:
            # perf pads the symbol column and may add columns after it ("  -      -"); C++
            # names hold single spaces only ("std::vector<char, std::allocator<char> >").
            pct, dso, sym = float(m.group(1)), m.group(2), re.sub(r"\s{2,}.*$", "", m.group(3))
            if sym.startswith("0x"):
                sym = "unresolved"  # an address in a stripped library (its name is in the row's dso)
            rows.append((pct, dso, re.sub(r"\(.*$", "", sym).strip() or sym.strip()))
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dim", type=int, default=256, help="Marian --dim-rnn (default 256)")
    ap.add_argument("--updates", type=int, default=200)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--batch-tokens", type=int, default=2048)
    ap.add_argument("--rate", type=int, default=199, help="perf samples per second per CPU")
    ap.add_argument("--work", type=Path, default=ROOT / "runs" / "bench_marian")
    ap.add_argument("--marian-venv", type=Path, default=Path("/tmp/marian-venv"))
    ap.add_argument("--rows", type=int, default=30)
    ap.add_argument("--json", type=Path)
    a = ap.parse_args()
    ddir, vocab = a.work / "data", a.work / "vocab.spm"
    for need in (ddir / "train.de", vocab, a.marian_venv / "bin" / "python"):
        if not need.exists():
            sys.exit(f"{need}: missing; run scripts/bench_vs_marian.py first (it makes the data, vocabulary and venv)")
    if not shutil.which("perf"):
        sys.exit("perf: not found (linux-tools); it samples Marian's C++ threads")

    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "perf.data"
        cmd = ["perf", "record", "-F", str(a.rate), "-o", str(data), "--",
               str(a.marian_venv / "bin" / "python"), "-m", "pymarian", "train",
               *marian_train_args(a.dim, Path(tmp), ddir, vocab, a.threads, a.batch_tokens, a.updates, 50),
               "--log", f"{tmp}/train.log"]
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        wall = time.perf_counter() - t0
        report = subprocess.run(["perf", "report", "-i", str(data), "--stdio", "--no-children", "--sort", "dso,symbol",
                                 "--percent-limit", "0.05"], check=True, capture_output=True, text=True).stdout
    counts: collections.Counter[str] = collections.Counter()
    for pct, _, name in perf_rows(report):
        counts[name] += pct
    total = 100.0
    groups: collections.Counter[str] = collections.Counter()
    for name, n in counts.items():
        groups[group_of(name)] += n
    result = {
        "what": f"Marian s2s --dim-rnn {a.dim} training, {a.updates} updates of {a.batch_tokens} tokens, "
                f"{a.threads} threads: perf samples by function (self time), whole run (start-up included)",
        "wall_s": round(wall, 1),
        "groups": [{"group": g, "share": round(n / total, 4)} for g, n in groups.most_common()],
        "functions": [{"function": f, "share": round(n / total, 4)} for f, n in counts.most_common(a.rows)],
        **provenance(),
    }
    print(f"{wall:.0f} s")
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
