"""Facts about the machine and checkout that every results file records."""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def git_commit() -> str:
    """HEAD's hash, or NMT_GIT_COMMIT when set: a GPU machine gets a copy of the working tree
    whose .git may be missing or stale (one run there recorded a commit of hours before), so
    scripts/gpu_check.sh is given the commit that was sent."""
    if os.environ.get("NMT_GIT_COMMIT"):
        return os.environ["NMT_GIT_COMMIT"]
    try:
        return subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                              check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def git_dirty() -> bool:
    """True when tracked files other than scripts/results/ differ from the commit (the figure then
    is not that commit's alone);
    with NMT_GIT_COMMIT set, what NMT_GIT_DIRTY says (1/0, unset: True)."""
    if os.environ.get("NMT_GIT_COMMIT"):
        return os.environ.get("NMT_GIT_DIRTY", "1") != "0"
    try:
        # Results files are what runs write, not code: a chain of runs (seed 1, then seed 2)
        # would otherwise call every run after the first dirty.
        out = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no", "--", ".",
                              ":(exclude)scripts/results"], cwd=ROOT, capture_output=True, text=True,
                             check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return True
    return bool(out.strip())


# --- what the benchmark scripts share: offline environment, test data, provenance, JSON files

# Subprocesses (nmt translate/serve/evaluate) never touch the network.
ENV = dict(os.environ, HF_DATASETS_OFFLINE="1", HF_HUB_OFFLINE="1")
TEST_JSONL = ROOT.parent / "shared" / "data" / "multi30k" / "test.jsonl"


def test_rows(n: int | None = None) -> list[dict]:
    """Multi30k test2016 (Flickr 2016), one dict per sentence pair keyed by language."""
    return [json.loads(line) for line in TEST_JSONL.read_text(encoding="utf-8").splitlines()][:n]


def short_cpu(name: str) -> str:
    """'Intel(R) Xeon(R) Processor' -> 'Intel Xeon': short enough for a table cell."""
    for noise in ("(R)", "(TM)", "(tm)", " Processor", " CPU"):
        name = name.replace(noise, "")
    return " ".join(name.split())


def provenance() -> dict:
    """The fields every results file carries: machine, checkout and the command that wrote it."""
    torch = sys.modules.get("torch")  # named only where the script uses torch and sees a GPU
    gpu = {"gpu": torch.cuda.get_device_name(0)} if torch is not None and torch.cuda.is_available() else {}
    return {"cpu": cpu_model(), "cores": os.cpu_count(), **gpu, "git_commit": git_commit(), "git_dirty": git_dirty(),
            "command": " ".join(["python", os.path.relpath(sys.argv[0], ROOT), *sys.argv[1:]])}


def write_json(path: Path | None, data: dict) -> None:
    """``data`` as indented JSON with a final newline (nothing when ``path`` is None)."""
    if path is not None:
        path.write_text(json.dumps(data, indent=2) + "\n")


def load_result(results_dir: Path, name: str) -> dict | None:
    """``results_dir/NAME.json`` as a dict, or None when no command has written it yet."""
    path = results_dir / f"{name}.json"
    return json.loads(path.read_text()) if path.is_file() else None


def top_ops(prof, rows: int, steps: int | None = None) -> list[dict]:  # noqa: ANN001
    """A torch.profiler run's ``rows`` operators by self CPU time, as JSON rows: share of the
    total and calls (per step when ``steps`` is given, as the training profile reports them)."""
    events = sorted(prof.key_averages(), key=lambda e: e.self_cpu_time_total, reverse=True)
    total = sum(e.self_cpu_time_total for e in events) or 1
    calls = (lambda e: {"calls": e.count}) if steps is None else \
        (lambda e: {"calls_per_step": round(e.count / steps, 1)})
    return [{"op": e.key, "self_cpu_pct": round(100 * e.self_cpu_time_total / total, 1), **calls(e)}
            for e in events[:rows]]


def bench_parser(doc: str | None, threads: int = 2, lines: int | None = 1000, beam: int | None = None):  # noqa: ANN201
    """The argparse parser the benchmark scripts start from: ``--threads``, ``--json`` and,
    when given defaults, ``--lines`` (test2016 sentences) and ``--beam``."""
    import argparse

    ap = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--threads", type=int, default=threads, help="torch threads")
    ap.add_argument("--json", type=Path, default=None, help="also write the figures here")
    if lines is not None:
        ap.add_argument("--lines", type=int, default=lines, help="test2016 sentences (at most 1,000)")
    if beam is not None:
        ap.add_argument("--beam", type=int, default=beam)
    return ap
