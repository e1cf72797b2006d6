#!/usr/bin/env python
"""`nmt serve` under load: throughput and latency from 1 to 128 concurrent clients.

    python scripts/bench_serve.py [-m runs/multi30k_de_en/best.pt] [--clients 1,8,32,128] [--beam 5]
                                  [--lines 1000] [--json scripts/results/bench_serve.json]

Each client is a keep-alive HTTP/1.1 connection (asyncio, one process, loopback)
that sends one test2016 sentence per request and waits for the answer before
the next; all clients share the 1,000 German sentences of Multi30k test2016,
so every run translates each sentence once. The server runs once per
``--modes`` entry: ``window`` (the default of ``nmt serve``: batches of what
arrived within ``--max-wait-ms``, default 10), ``continuous`` (lines join a
running search at any step) and ``off`` (one request per batch). The server
decodes with its default layout (one single-threaded process per core) unless
``--workers`` / ``--server-threads`` say otherwise. Mean
batch size comes from the server's /metrics (for continuous batching: the mean
number of lines in the search per step). The
baseline is ``nmt translate`` over the same lines (file in, file out), with
the time of a one-line run (start-up and model loading) subtracted, as in
bench_translate.py; the median of three such runs. Client and server share this machine's cores; so does the
baseline, alone. Without -m, configs/tiny.yaml is trained to a temporary folder.
"""

from __future__ import annotations

import asyncio
import json
import multiprocessing as mp
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench_translate import run_translate
from sysinfo import ENV, bench_parser, provenance, test_rows, write_json

ROOT = Path(__file__).resolve().parent.parent


def start_server(model: Path, beam: int, threads: int, batching: str,
                 max_wait_ms: float = 10.0, workers: int = 1) -> tuple[subprocess.Popen, int]:
    proc = subprocess.Popen([sys.executable, "-m", "nmt", "serve", "-m", str(model), "--port", "0",
                             "--beam", str(beam), "--threads", str(threads), "--batching", batching,
                             "--workers", str(workers),
                             "--max-wait-ms", str(max_wait_ms),
                             "--log-format", "none", "--max-queue-lines", "100000", "--timeout", "600"],
                            cwd=ROOT, env=ENV, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    deadline = time.monotonic() + 120
    assert proc.stderr is not None
    while time.monotonic() < deadline:
        line = proc.stderr.readline()
        if not line:
            break
        if m := re.search(r"on http://127\.0\.0\.1:(\d+)", line):
            return proc, int(m.group(1))
    proc.kill()
    raise SystemExit("nmt serve did not start")


async def _request(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, method: str, path: str,
                   body: bytes = b"") -> tuple[int, bytes]:
    writer.write(f"{method} {path} HTTP/1.1\r\nHost: bench\r\nContent-Type: application/json\r\n"
                 f"Content-Length: {len(body)}\r\n\r\n".encode() + body)
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    length = int(re.search(rb"(?i)content-length: *(\d+)", head).group(1))
    return status, await reader.readexactly(length)


async def get(port: int, path: str) -> bytes:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        return (await _request(reader, writer, "GET", path))[1]
    finally:
        writer.close()


async def load(port: int, lines: list[str], clients: int, timeout: float) -> tuple[float, list[float]]:
    """``clients`` connections sending the lines one per request; (seconds, latencies)."""
    todo = iter(enumerate(lines))
    latencies: list[float] = []
    out: list[str | None] = [None] * len(lines)

    async def client() -> None:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            for i, line in todo:
                t0 = time.perf_counter()
                status, body = await _request(reader, writer, "POST", "/v1/translate",
                                              json.dumps({"text": [line]}).encode())
                latencies.append(time.perf_counter() - t0)
                if status != 200:
                    raise SystemExit(f"HTTP {status}: {body[:200]!r}")
                out[i] = json.loads(body)["translations"][0]
        finally:
            writer.close()

    t0 = time.perf_counter()
    await asyncio.wait_for(asyncio.gather(*(client() for _ in range(clients))), timeout)
    seconds = time.perf_counter() - t0
    assert all(o is not None for o in out)
    return seconds, latencies


def batch_totals(metrics: bytes) -> tuple[float, float, float]:
    """(batches, lines in batches, requests in batches) so far, from /metrics."""
    text = metrics.decode()

    def value(name: str) -> float:
        return float(re.search(rf"^{name} (\S+)$", text, re.M).group(1))
    return value("nmt_batch_lines_count"), value("nmt_batch_lines_sum"), value("nmt_batch_requests_sum")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time a process has used so far (Linux /proc; 0 elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def server_processes(pid: int) -> dict[str, int]:
    """The server's HTTP process and its decoding process(es) (multiprocessing's resource
    tracker, which only waits, left out), by role."""
    kids = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()
    decoders = [int(k) for k in kids
                if "resource_tracker" not in Path(f"/proc/{k}/cmdline").read_bytes().decode(errors="replace")]
    return {"http": pid, **{f"decoder{i}": d for i, d in enumerate(decoders)}, "clients": os.getpid()}


def pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1] if len(values) > 1 else values[0]


def pool_rate(tr, src: list[list[int]], in_flight: int) -> float:
    """Sentences/s of continuous batching with ``in_flight`` sentences kept in the search, each
    replaced by the next line as soon as it ends (clients with no HTTP and no delay), joining
    by the decoding process's rule (when the waiting lines reach an eighth of the pool)."""
    pool, start = tr.beam_pool(), time.perf_counter()
    pool.add(list(range(in_flight)), src[:in_flight])
    nxt, waiting = min(in_flight, len(src)), 0
    while len(pool) or waiting:
        if waiting and (waiting * 8 >= len(pool) or not len(pool)):
            pool.add(list(range(nxt, nxt + waiting)), src[nxt: nxt + waiting])
            nxt, waiting = nxt + waiting, 0
        waiting += min(len(pool.step()), len(src) - nxt - waiting)
    return len(src) / (time.perf_counter() - start)


def _decode_share(model: Path, lines: list[str], beam: int, threads: int, sizes: list[int],
                  in_flight: list[int], part: int, parts: int, barrier: Any, out: Any) -> None:
    """One decoding process of :func:`decode_ceiling`: batch ``i`` of each size is this
    process's when ``i % parts == part``; every row starts on a barrier with the others."""
    import torch

    from nmt.decoding.translator import Translator

    torch.set_num_threads(threads)
    tr = Translator.load(model, device="cpu", beam=beam)
    src = tr.encode(lines)
    tr.translate_ids(src[:32])  # warm-up
    for size in [0, *sizes]:
        step = size or -(-len(src) // parts)
        mine = [src[i: i + step] for k, i in enumerate(range(0, len(src), step)) if k % parts == part]
        barrier.wait()
        t0 = time.perf_counter()
        for batch in mine:
            tr.translate_ids(batch)
        out.put((size, time.perf_counter() - t0))
    with torch.inference_mode():
        for c in in_flight:
            share = src[part::parts]
            barrier.wait()
            t0 = time.perf_counter()
            pool_rate(tr, share, max(1, c // parts))
            out.put((f"continuous, {c} in flight", time.perf_counter() - t0))


def decode_ceiling(model: Path, lines: list[str], beam: int, workers: int, threads: int, sizes: list[int],
                   in_flight: list[int] = ()) -> list[dict]:
    """What decoding alone reaches on batches like the server's, with the server's layout
    (``workers`` processes of ``threads`` torch threads, no HTTP): the same lines in input
    (unsorted) order, cut into batches of the server's mean batch size, dealt round-robin to
    the processes; ``sorted``: nmt translate's order (length-sorted batches of
    decode.batch_size, the lines split evenly among the processes) for reference;
    ``continuous``: :func:`pool_rate` with as many sentences in flight, in all, as the
    benchmark has clients. A row's rate is all its lines over the slowest process's time."""
    ctx = mp.get_context("spawn")
    barrier, results = ctx.Barrier(workers), ctx.Queue()
    procs = [ctx.Process(target=_decode_share, args=(model, lines, beam, threads, sizes, list(in_flight),
                                                     part, workers, barrier, results)) for part in range(workers)]
    for p in procs:
        p.start()
    seconds: dict = {}
    for _ in range(workers * (1 + len(sizes) + len(in_flight))):
        key, t = results.get(timeout=1800)
        seconds[key] = max(seconds.get(key, 0.0), t)
    for p in procs:
        p.join(60)
    out = []
    for key in [0, *sizes, *(f"continuous, {c} in flight" for c in in_flight)]:
        rate = len(lines) / seconds[key]
        out.append({"batch_lines": key or "sorted", "sentences_per_s": round(rate, 1)})
        what = "sorted batches" if key == 0 else f"batches of {key}" if isinstance(key, int) else key
        print(f"decoding alone ({workers} x {threads} threads), {what}: {rate:.1f} sent/s", flush=True)
    return out


def main() -> int:
    ap = bench_parser(__doc__, beam=5)  # --threads: of nmt translate and of the server
    ap.add_argument("-m", "--model", type=Path, default=None)
    ap.add_argument("--clients", default="1,8,32,128")
    ap.add_argument("--server-threads", type=int, default=0,
                    help="torch threads per decoding process of the server (0: its default)")
    ap.add_argument("--workers", type=int, default=0, help="the server's decoding processes (0: its default)")
    ap.add_argument("--max-wait-ms", type=float, default=10.0, help="the server's setting (continuous, window)")
    ap.add_argument("--modes", default="window,continuous,off", help="--batching modes to run, in order")
    ap.add_argument("--timeout", type=float, default=900.0, help="bound on each load run (s)")
    args = ap.parse_args()
    lines = [r["de"] for r in test_rows(args.lines)]
    clients = [int(c) for c in args.clients.split(",")]

    tmp = None
    model = args.model
    if model is None:
        tmp = tempfile.TemporaryDirectory()
        print("no -m: training configs/tiny.yaml for the benchmark", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "nmt", "train", "configs/tiny.yaml", "--out", tmp.name,
                        "--no-progress"], cwd=ROOT, env=ENV, check=True, capture_output=True)
        model = Path(tmp.name) / "best.pt"

    # The layout `nmt serve` picks on this machine (see nmt.decoding.pool.layout), stated in the results.
    import torch

    from nmt.decoding.pool import layout

    workers, threads = layout("cpu", args.workers, args.server_threads, torch.get_num_threads())
    text = ("\n".join(lines) + "\n").encode()
    rates, walls, ones = [], [], []
    for _ in range(3):  # the baseline's median of 3: a single run varied by +-8% here
        wall, n, _ = run_translate(model, text, args.beam, args.threads)
        one, _, _ = run_translate(model, (lines[0] + "\n").encode(), args.beam, args.threads)
        rates.append(len(lines) / max(wall - one, 1e-6))
        walls.append(wall)
        ones.append(one)
    base, wall, one = statistics.median(rates), statistics.median(walls), statistics.median(ones)
    print(f"nmt translate: {base:.1f} sentences/s, median of {', '.join(f'{r:.1f}' for r in rates)} "
          f"({wall:.1f} s with start-up, {one:.1f} s for one line)")

    results: dict = {"model": str(args.model or "configs/tiny.yaml (trained by the script)"),
                     "beam": args.beam, "threads": args.threads,
                     "server_workers": workers, "server_threads": threads, "lines": len(lines),
                     "translate_sentences_per_s": round(base, 1),
                     "translate_runs": [round(r, 1) for r in rates],
                     "translate_wall_s": round(wall, 2), "translate_startup_s": round(one, 2),
                     "runs": [], **provenance()}
    for mode in args.modes.split(","):
        wait = args.max_wait_ms
        proc, port = start_server(model, args.beam, threads, mode, wait, workers)
        try:
            asyncio.run(load(port, lines[:16], 4, 120))  # warm-up
            procs = server_processes(proc.pid)
            for c in clients:
                before = batch_totals(asyncio.run(get(port, "/metrics")))
                cpu0 = {k: cpu_seconds(p) for k, p in procs.items()}
                seconds, lat = asyncio.run(load(port, lines, c, args.timeout))
                # Cores each process kept busy during the run: who had the 2 cores.
                cores = {k: round((cpu_seconds(p) - cpu0[k]) / seconds, 2) for k, p in procs.items()}
                after = batch_totals(asyncio.run(get(port, "/metrics")))
                batches = after[0] - before[0]
                row = {"mode": mode, "max_wait_ms": wait if mode != "off" else 0.0, "clients": c,
                       "seconds": round(seconds, 2),
                       "sentences_per_s": round(len(lines) / seconds, 1),
                       "vs_translate": round(len(lines) / seconds / base, 3),
                       "p50_ms": round(pct(lat, 50) * 1000, 1), "p95_ms": round(pct(lat, 95) * 1000, 1),
                       "p99_ms": round(pct(lat, 99) * 1000, 1),
                       "mean_batch_lines": round((after[1] - before[1]) / batches, 2),
                       "mean_batch_requests": round((after[2] - before[2]) / batches, 2), "cores": cores}
                results["runs"].append(row)
                print(f"{mode:12s} {c:4d} clients: {row['sentences_per_s']:7.1f} sent/s "
                      f"({row['vs_translate']:.2f}x translate), p50 {row['p50_ms']:.0f} ms, "
                      f"p95 {row['p95_ms']:.0f} ms, p99 {row['p99_ms']:.0f} ms, "
                      f"batch {row['mean_batch_lines']:.1f} lines, cores {cores}", flush=True)
        finally:
            proc.send_signal(signal.SIGTERM)
            proc.wait(60)
    results["ceiling"] = decode_ceiling(model, lines, args.beam, workers, threads,
                                        sorted({round(r["mean_batch_lines"]) for r in results["runs"]
                                                if r["mode"] != "off"}),
                                        [c for c in clients if c >= 8] if "continuous" in args.modes else [])
    write_json(args.json, results)
    if tmp is not None:
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
