"""Where lines are decoded: in the calling thread, or in a child process that owns the models.

Why a process for the server: decoding from a thread other than the main one
was 2x slower with torch's OpenMP threads (28 vs 15.6 ms a sentence at beam 5
on 2 cores, default model), and a decoding thread shares the GIL with the HTTP
event loop. A child process decodes in its main thread with its own
interpreter; the batcher thread that feeds it only sends ids and receives
hypotheses (small pickles). If the child dies (killed, out of memory), the
batch it held fails, a new child is started, and the server goes on.

Two kinds of child: :class:`ProcessWorker` decodes one batch per request
message (the batcher made the batch); :class:`BeamPoolWorker` runs continuous
batching (:class:`nmt.decoding.beam_pool.BeamPool`): each job joins the running search as it
arrives and its answer is sent as soon as its last line has ended.
"""

from __future__ import annotations

import gc
import multiprocessing as mp
import signal
import threading
import time
from collections import defaultdict
from dataclasses import replace
from pathlib import Path
from typing import Any, Callable

import torch

from nmt.decoding.search import Hypothesis
from nmt.decoding.translator import Translator


class WorkerLost(RuntimeError):
    """The decoding process ended while it held a batch; a new one has been started."""


class InlineWorker:
    """Decode with the given translators in the calling thread (tests, libraries)."""

    def __init__(self, translators: dict[str, Translator]) -> None:
        self.translators = translators

    def decode(self, model: str, beam: int, n_best: int, src: list[list[int]]) -> list[list[Hypothesis]]:
        base = self.translators[model]
        translator = replace(base, decode=replace(base.decode, beam_size=beam))
        with torch.inference_mode():
            return translator.translate_ids(src, n_best)

    def close(self) -> None:
        pass


def _child(conn: Any, specs: list[tuple[str, str]], device: str, threads: int, overrides: dict) -> None:
    """The decoding process: load the models, then answer (model, beam, n_best, src) requests."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the server drains and then closes the pipe
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    if threads:
        torch.set_num_threads(threads)
    try:
        decoder = InlineWorker({name: Translator.load(Path(path), device=device, **overrides)
                                 for name, path in specs})
    except Exception as exc:  # noqa: BLE001 - reported to the parent, which says it in one line
        conn.send(("error", f"{type(exc).__name__}: {exc}"))
        return
    gc.freeze()  # the models and tables live as long as the process: no full collection scans them
    conn.send(("ready", None))
    while True:
        try:
            request = conn.recv()
        except EOFError:
            return
        if request is None:
            return
        try:
            conn.send(("ok", decoder.decode(*request)))
        except Exception as exc:  # noqa: BLE001 - this batch fails, the process goes on
            conn.send(("error", f"{type(exc).__name__}: {exc}"))


def _end(proc: Any, conn: Any) -> None:
    """Ask a decoding process to end (None on its pipe), and kill it if it has not after 10 s."""
    try:
        conn.send(None)
    except OSError:
        pass
    proc.join(10)
    if proc.is_alive():
        proc.kill()


class ProcessWorker:
    """A child process (``spawn``) holding the models of ``specs`` (name, checkpoint path), loaded
    with ``Translator.load(path, device=device, **overrides)`` (``beam``, ``int8``, ``shortlist``)."""

    def __init__(self, specs: list[tuple[str, str]], device: str = "cpu", threads: int = 0,
                 overrides: dict | None = None) -> None:
        self.args = (specs, device, threads, overrides or {})
        self._start()

    def _start(self) -> None:
        ctx = mp.get_context("spawn")
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_child, args=(child, *self.args), name="nmt-decoder", daemon=True)
        self.proc.start()
        child.close()
        status, detail = self.conn.recv()
        if status != "ready":
            self.proc.join(5)
            raise RuntimeError(f"the decoding process could not load the models: {detail}")

    def decode(self, model: str, beam: int, n_best: int, src: list[list[int]]) -> list[list[Hypothesis]]:
        try:
            self.conn.send((model, beam, n_best, src))
            status, payload = self.conn.recv()
        except (EOFError, OSError):
            code = self.proc.exitcode
            self.proc.join(1)
            self._start()
            raise WorkerLost(f"the decoding process ended (exit code {code}); a new one was started") from None
        if status == "error":
            raise RuntimeError(payload)
        return payload

    def close(self) -> None:
        _end(self.proc, self.conn)


# (hypotheses per line, or None) and the exception (or None) of one job
Done = Callable[[Any, "BaseException | None"], None]
# what one continuous-batching step held: (lines, requests, source pieces, seconds)
Step = tuple[int, int, int, float]


def _pool_child(jobs: Any, results: Any, specs: list[tuple[str, str]], device: str, threads: int,
                overrides: dict, max_wait_ms: float) -> None:
    """The continuous-batching process: one :class:`~nmt.decoding.beam_pool.BeamPool` per (model, beam).

    Jobs ``(job_id, model, beam, n_best, src)`` wait until their pool takes
    them: at once when it is idle, else when the waiting lines reach an eighth
    of those being searched or the oldest has waited ``max_wait_ms`` (each
    joining costs an encoder call and moving the pool's tensors, so lines join
    a few at a time). Each answer goes out when the job's last line ends, with
    the steps taken since the previous answer (for the server's metrics).
    """
    if threading.current_thread() is threading.main_thread():  # (the tests run this loop in a thread)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
    if threads:
        torch.set_num_threads(threads)
    try:
        translators = {name: Translator.load(Path(path), device=device, **overrides) for name, path in specs}
        for tr in translators.values():
            tr.beam_pool()  # an ensemble cannot pool: say so at start-up
    except Exception as exc:  # noqa: BLE001 - reported to the parent, which says it in one line
        results.send(("error", f"{type(exc).__name__}: {exc}"))
        return
    gc.freeze()
    results.send(("ready", None))
    pools: dict[tuple[str, int], Any] = {}
    waiting: dict[tuple[str, int], list] = defaultdict(list)  # key -> [(job_id, n_best, src, arrived)]
    live: dict[tuple[str, int], dict[int, int]] = defaultdict(dict)  # key -> {job_id: lines in the pool}
    pieces: dict[tuple[str, int], int] = defaultdict(int)
    answers: dict[int, list] = {}  # job_id -> [hypotheses per line, lines left, source lengths]
    steps: list[Step] = []
    max_wait = max_wait_ms / 1000.0

    def fail(job_ids: list[int], exc: BaseException) -> None:
        nonlocal steps
        for job_id in job_ids:
            answers.pop(job_id, None)
            results.send(("error", job_id, f"{type(exc).__name__}: {exc}", steps))
            steps = []

    while True:
        busy = any(len(pool) for pool in pools.values()) or any(waiting.values())
        try:
            while jobs.poll(0 if busy else None):
                msg = jobs.recv()
                if msg is None:
                    return
                job_id, model, beam, n_best, src = msg
                if not src:
                    results.send(("ok", job_id, [], []))
                    continue
                waiting[(model, beam)].append((job_id, n_best, src, time.monotonic()))
                answers[job_id] = [[None] * len(src), len(src), [len(x) for x in src]]
                busy = True
        except EOFError:
            return
        now = time.monotonic()
        for key, queue in waiting.items():
            if not queue:
                continue
            pool = pools.get(key)
            if pool is None:
                pool = pools[key] = translators[key[0]].beam_pool(key[1])
            lines = sum(len(q[2]) for q in queue)
            if len(pool) and lines * 8 < len(pool) and now - queue[0][3] < max_wait:
                continue
            try:
                pool.add([(q[0], i) for q in queue for i in range(len(q[2]))], [x for q in queue for x in q[2]],
                         [q[1] for q in queue for _ in q[2]])
            except Exception as exc:  # noqa: BLE001 - these jobs fail, the process goes on
                fail([q[0] for q in queue], exc)
            else:
                for q in queue:
                    live[key][q[0]] = len(q[2])
                    pieces[key] += sum(len(x) for x in q[2])
            queue.clear()
        for key, pool in pools.items():
            if not len(pool):
                continue
            start, lines, requests = time.perf_counter(), len(pool), len(live[key])
            try:
                ended = pool.step()
            except Exception as exc:  # noqa: BLE001 - the pool's jobs fail, a new pool takes the next ones
                fail(list(live[key]), exc)
                live[key].clear()
                pieces[key] = 0
                pools[key] = translators[key[0]].beam_pool(key[1])
                continue
            steps.append((lines, requests, pieces[key], time.perf_counter() - start))
            for (job_id, i), hyps in ended:
                answer = answers[job_id]
                answer[0][i] = hyps
                answer[1] -= 1
                pieces[key] -= answer[2][i]
                live[key][job_id] -= 1
                if answer[1] == 0:
                    del answers[job_id], live[key][job_id]
                    results.send(("ok", job_id, answer[0], steps))
                    steps = []


class BeamPoolWorker:
    """A continuous-batching child process (``spawn``) holding the models of ``specs``.

    :meth:`submit` sends a job and returns at once; a reader thread calls the
    job's ``done`` when the answer comes. ``inflight_pieces`` (source pieces
    sent and not yet answered) lets the batcher bound what the child holds.
    """

    def __init__(self, specs: list[tuple[str, str]], device: str = "cpu", threads: int = 0,
                 overrides: dict | None = None, max_wait_ms: float = 10.0) -> None:
        self.args = (specs, device, threads, overrides or {}, max_wait_ms)
        self.on_steps: Callable[[list[Step]], None] | None = None
        self.on_free: Callable[[], None] | None = None  # called when an answer frees capacity
        self.inflight_pieces = 0
        self._pending: dict[int, tuple[Done, int]] = {}
        self._next_id = 0
        self._lock = threading.Lock()
        self._closing = False
        self._broken: str | None = None  # why no child could be started again
        self._start()

    def _start(self) -> None:
        ctx = mp.get_context("spawn")
        jobs_in, self._jobs = ctx.Pipe(duplex=False)
        self._results, results_out = ctx.Pipe(duplex=False)
        self.proc = ctx.Process(target=_pool_child, args=(jobs_in, results_out, *self.args), name="nmt-decoder",
                                daemon=True)
        self.proc.start()
        jobs_in.close()
        results_out.close()
        try:
            status, detail = self._results.recv()
        except EOFError:
            status, detail = "error", f"it ended (exit code {self.proc.exitcode})"
        if status != "ready":
            self.proc.join(5)
            raise RuntimeError(f"the decoding process could not load the models: {detail}")
        threading.Thread(target=self._read, args=(self._results, self.proc), name="nmt-decoder-reader",
                         daemon=True).start()

    def submit(self, model: str, beam: int, n_best: int, src: list[list[int]], done: Done) -> None:
        if self._broken is not None:
            done(None, RuntimeError(self._broken))
            return
        with self._lock:
            job_id, self._next_id = self._next_id, self._next_id + 1
            size = sum(len(s) for s in src)
            self._pending[job_id] = (done, size)
            self.inflight_pieces += size
            try:
                self._jobs.send((job_id, model, beam, n_best, src))
            except OSError:
                pass  # the child has ended: the reader fails this job with the others

    def _read(self, conn: Any, proc: Any) -> None:
        while True:
            try:
                status, job_id, payload, steps = conn.recv()
            except (EOFError, OSError):
                break
            if steps and self.on_steps is not None:
                self.on_steps(steps)
            with self._lock:
                done, size = self._pending.pop(job_id)
                self.inflight_pieces -= size
            done(payload, None) if status == "ok" else done(None, RuntimeError(payload))
            if self.on_free is not None:
                self.on_free()
        if self._closing:
            return
        proc.join(1)
        with self._lock:  # submits wait while the new child starts, rather than write to the dead one
            lost = list(self._pending.values())
            self._pending.clear()
            self.inflight_pieces = 0
            try:
                self._start()
            except RuntimeError as exc:
                self._broken = str(exc)
        exc = WorkerLost(f"the decoding process ended (exit code {proc.exitcode}); "
                          + ("a new one was started" if self._broken is None else self._broken))
        for done, _ in lost:
            done(None, exc)
        if self.on_free is not None:
            self.on_free()

    def close(self, timeout: float = 30.0) -> None:
        """Wait (up to ``timeout``) for the jobs sent to be answered, then end the child."""
        deadline = time.monotonic() + timeout
        while self._pending and time.monotonic() < deadline and self.proc.is_alive():
            time.sleep(0.01)
        self._closing = True
        _end(self.proc, self._jobs)
