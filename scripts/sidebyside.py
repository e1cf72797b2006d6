"""What the side-by-side benchmarks (bench_vs_joeynmt.py, bench_vs_marian.py) share.

Each other toolkit runs in its own virtual environment made by its script; this module
holds the parts that are the same whoever is on the other side: running a command with
its log, Multi30k as plain text files, our own training and timed decoding (in a
worker process, so that the decode is timed apart from interpreter start-up and model
loading), and the medians the comparisons are made of.

    python scripts/sidebyside.py --_worker-translate CKPT SRC OUT BEAM BATCH THREADS VARIANT

is the worker; the scripts call it. ``VARIANT``: ``default`` (the config's decoding) or
flags joined by "+": ``int8`` (``--int8``), ``full`` (``--no-shortlist``), ``onnx``
(``CKPT`` an ``nmt export --format onnx`` folder), e.g. ``onnx+int8+full``.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "multi30k"
# Characters str.splitlines() breaks on: the other toolkits read text files with it.
LINE_BREAKS = re.compile("[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")


def say(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def run(cmd: list[str], log: Path | None = None, **kw: Any) -> subprocess.CompletedProcess:
    """Run cmd; on failure show the tail of its output and stop."""
    if log is None:
        proc = subprocess.run(cmd, text=True, capture_output=True, **kw)
        out = proc.stdout + proc.stderr
    else:
        with open(log, "w", encoding="utf-8") as f:
            proc = subprocess.run(cmd, text=True, stdout=kw.pop("stdout", f), stderr=f, **kw)
        out = log.read_text(encoding="utf-8", errors="replace")
    if proc.returncode != 0:
        tail = "\n".join(out.splitlines()[-40:])
        sys.exit(f"command failed ({proc.returncode}): {' '.join(map(str, cmd))}\n{tail}")
    return proc


def venv_python(venv: Path) -> Path:
    return venv / "bin" / "python"


def venv_runs(venv: Path, code: str) -> bool:
    """True when ``code`` runs in ``venv``'s Python: its packages import, at the versions it asserts."""
    py = venv_python(venv)
    return py.is_file() and subprocess.run([str(py), "-c", code], capture_output=True).returncode == 0


def make_venv(venv: Path, installs: list[tuple[list[str], Path]]) -> None:
    """Create ``venv`` if it is missing, then ``pip install`` each (arguments, log file) in order."""
    if not venv_python(venv).is_file():
        run([sys.executable, "-m", "venv", str(venv)])
    pip = [str(venv_python(venv)), "-m", "pip", "install", "--disable-pip-version-check"]
    for args, log in installs:
        run(pip + args, log)


def pip_versions(venv: Path, wanted: set[str]) -> dict[str, str]:
    """The versions of ``wanted`` installed in ``venv`` (for the results file)."""
    out = subprocess.run([str(venv_python(venv)), "-m", "pip", "list", "--format=json",
                          "--disable-pip-version-check"], capture_output=True, text=True, check=True).stdout
    return {p["name"].lower(): p["version"] for p in json.loads(out) if p["name"].lower() in wanted}


# ----------------------------------------------------------------------------- data

def clean(text: str) -> str:
    return " ".join(LINE_BREAKS.sub(" ", text).split())


def write_text_splits(data: Path, ddir: Path, src: str = "de", tgt: str = "en") -> None:
    """``{train,dev,test}.{src,tgt}`` from the JSON-lines splits, one sentence a line.

    Training pairs with an empty side are dropped (as ``nmt train`` drops them); an empty
    validation/test line becomes "." so that every toolkit sees the same line count.
    """
    ddir.mkdir(parents=True, exist_ok=True)
    for split, name in (("train", "train"), ("validation", "dev"), ("test", "test")):
        s_lines, t_lines = [], []
        with open(data / f"{split}.jsonl", encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                row = json.loads(line)
                s, t = clean(row[src]), clean(row[tgt])
                if split == "train" and not (s and t):
                    continue
                s_lines.append(s or ".")
                t_lines.append(t or ".")
        (ddir / f"{name}.{src}").write_text("".join(x + "\n" for x in s_lines), encoding="utf-8")
        (ddir / f"{name}.{tgt}").write_text("".join(x + "\n" for x in t_lines), encoding="utf-8")


def head_file(src: Path, out: Path, n: int) -> Path:
    """The first ``n`` lines of ``src`` in ``out`` (``--max-sentences``)."""
    lines = src.read_text(encoding="utf-8").splitlines()[:n]
    out.write_text("".join(x + "\n" for x in lines), encoding="utf-8")
    return out


def read_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def mean_words(path: Path) -> float:
    lines = read_lines(path)
    return sum(len(x.split()) for x in lines) / max(1, len(lines))


def median_after_first(windows: list[tuple[int, float]]) -> float:
    """The median speed of the logging windows after the first (warm-up)."""
    vals = [v for _, v in windows]
    if len(vals) < 2:
        sys.exit(f"only {len(vals)} logging window(s); raise --steps or lower --log-every")
    return statistics.median(vals[1:])


# ----------------------------------------------------------------------------- ours

def ours_train(a: argparse.Namespace, out: Path, env: dict, logs: Path, tag: str, *extra: str) -> dict:
    """``nmt train`` for ``a.steps`` steps with validation pushed past the last step, so that
    no logging window holds one; returns the logging windows (step, target tokens/s)."""
    sets = [f"train.max_steps={a.steps}", "train.valid_every=100000", f"train.log_every={a.log_every}",
            "data.max_valid_examples=20", f"train.threads={a.threads}", f"data.dataset={a.data.resolve()}",
            f"train.batch_tokens={a.batch_tokens}", *extra]
    cmd = [sys.executable, "-m", "nmt", "train", str(a.config), "--out", str(out), "--overwrite", "--no-progress"]
    for s in sets:
        cmd += ["--set", s]
    t0 = time.perf_counter()
    run(cmd, logs / f"ours_train_{tag}.log", env=env, cwd=str(ROOT))
    wall = time.perf_counter() - t0
    rows = [json.loads(x) for x in (out / "train_log.jsonl").read_text().splitlines() if x.strip()]
    windows = [(r["step"], float(r["tgt_tokens_per_s"])) for r in rows if r.get("kind") == "train"]
    return {"windows": windows, "wall_s": wall}


def ours_translate(a: argparse.Namespace, ckpt: Path, src: Path, out: Path, env: dict, logs: Path, tag: str,
                   variant: str = "default", beam: int | None = None, threads: int | None = None) -> dict:
    """Time ours on ``src`` in a worker process (``variant``: see the module's docstring)."""
    beam = a.beam if beam is None else beam
    threads = a.threads if threads is None else threads
    log = logs / f"ours_translate_{tag}_{variant}_b{beam}_t{threads}.log"
    t0 = time.perf_counter()
    proc = run([sys.executable, str(Path(__file__).resolve()), "--_worker-translate", str(ckpt), str(src), str(out),
                str(beam), str(a.decode_batch), str(threads), variant], log, env=env, cwd=str(ROOT),
               stdout=subprocess.PIPE)
    wall = time.perf_counter() - t0
    res = json.loads(proc.stdout.strip().splitlines()[-1])
    res["wall_s"] = wall
    return res


def worker_translate(ckpt: str, src: str, out: str, beam: str, batch: str, threads: str, variant: str) -> None:
    """Runs in its own process: what ``nmt translate`` does, with the decode timed apart from the load."""
    import torch

    from nmt.decoding.lines import translate_stream
    from nmt.decoding.pool import open_pool
    from nmt.decoding.translator import Translator

    if int(threads):
        torch.set_num_threads(int(threads))
    t0 = time.perf_counter()
    flags = set(variant.split("+"))  # default | int8 | bf16 | full | onnx | wN, e.g. "onnx+int8+full", "int8+w2"
    onnx = "onnx" in flags
    # wN: N decoding processes (nmt translate --workers N), the threads shared among them.
    workers = next((int(f[1:]) for f in flags if f[:1] == "w" and f[1:].isdigit()), 1)
    load = dict(path=Path(ckpt), engine="onnxruntime" if onnx else "torch", threads=int(threads) or None,
                beam=int(beam), batch_size=int(batch), int8=True if "int8" in flags else None,
                bf16=True if "bf16" in flags else None, shortlist=False if "full" in flags else None)
    tr = Translator.load(**load)
    pool = open_pool(load, {}, workers, max(1, int(threads) // workers), "cpu") if workers > 1 else None
    t1 = time.perf_counter()  # the processes have loaded their models (open_pool waits for them)
    with open(src, "rb") as fin, open(out, "w", encoding="utf-8", newline="\n") as fout:
        n = translate_stream(tr, fin, fout, pool=pool)
    t2 = time.perf_counter()
    if pool is not None:
        pool.close()
    params = None
    if not onnx:
        from nmt.model.seq2seq import count_parameters

        params = count_parameters(tr.model)
    print(json.dumps({"load_s": t1 - t0, "decode_s": t2 - t1, "n": n, "params": params,
                      "threads": torch.get_num_threads()}))


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--_worker-translate":
        worker_translate(*sys.argv[2:9])
        sys.exit(0)
    sys.exit(__doc__)
