"""Dynamic batching across requests: many callers, decoding workers that own the models.

Why: a server that decodes each request alone runs one short batch per request,
so under load most of the machine's time goes to tiny batches (OpenNMT-py's
server works this way). Here callers put their lines in a queue and a worker
thread (one per decoding process) takes its share of the load once that much
has gathered (or ``max_batch_tokens`` source pieces, or after ``max_wait_ms``:
see :meth:`DynamicBatcher._take`), decodes it as one length-sorted batch per
(model, beam, n-best) and hands each caller its own results. No HTTP here:
:mod:`nmt.serving.app` puts a web API in front of it.

``max_wait_ms = 0`` turns batching across requests off (one request per batch),
which is what the benchmark compares against.

With a continuous-batching worker (:class:`nmt.serving.workers.BeamPoolWorker`,
``nmt serve --batching continuous``) no batch is made here: a feeder thread hands each
job to the decoding process as soon as what that process holds leaves room under
``max_batch_tokens`` source pieces, the job joins the running search there,
and its answer comes back when its last line ends. The queue here then only
holds what does not fit, which keeps the 429 bound and the timeouts (a queued
job can still be cancelled) meaningful.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any, Callable

from nmt.decoding.search import Hypothesis
from nmt.decoding.translator import Translator
from nmt.serving.workers import InlineWorker


class QueueFull(Exception):
    """The queue holds ``max_queue_lines`` already; the caller should come back later."""

    def __init__(self, retry_after_s: int) -> None:
        super().__init__(f"the server is saturated; retry in {retry_after_s} s")
        self.retry_after_s = retry_after_s


class Stopped(Exception):
    """The batcher is shutting down and takes no new work."""


@dataclass(eq=False)  # identity: the queue removes this job, never an equal-looking one
class Job:
    """One request's lines (already encoded) and where its results go."""

    model: str
    src: list[list[int]]
    beam: int
    n_best: int
    future: Future = field(default_factory=Future)
    enqueued: float = field(default_factory=time.monotonic)

    @property
    def pieces(self) -> int:
        return sum(len(s) for s in self.src)

    @property
    def key(self) -> tuple[str, int, int]:
        return self.model, self.beam, self.n_best


@dataclass(frozen=True)
class BatchStats:
    """What one decoded batch held; the server turns these into metrics."""

    lines: int
    requests: int
    pieces: int
    seconds: float


class DynamicBatcher:
    """A queue of :class:`Job` and ``workers`` threads that decode it in batches."""

    def __init__(self, translators: dict[str, Translator], max_batch_tokens: int = 4096,
                 max_wait_ms: float = 5.0, max_queue_lines: int = 4096, workers: int = 1,
                 on_batch: Callable[[BatchStats], None] | None = None, decode_workers: list | None = None,
                 min_batch_lines: int = 0) -> None:
        """``decode_workers``: one per worker thread (:mod:`nmt.serving.workers`); default: decode with
        ``translators`` in the worker threads themselves. ``min_batch_lines``: a window waits
        for at least this many lines (within ``max_wait_ms``) whatever the load."""
        self.translators = translators
        self.decode_workers = decode_workers or [InlineWorker(translators) for _ in range(max(1, workers))]
        self.max_batch_tokens = max_batch_tokens
        self.max_wait = max_wait_ms / 1000.0
        self.max_queue_lines = max_queue_lines
        self.min_batch_lines = min_batch_lines
        self.on_batch = on_batch
        self._queue: deque[Job] = deque()
        self._queued_lines = 0
        self._queued_pieces = 0
        self._cond = threading.Condition()
        self._stopping = False
        self._decoding = [0] * len(self.decode_workers)  # lines each window worker is decoding now
        self._recent: deque[tuple[float, int]] = deque()  # (when, lines) answered, not yet replaced
        self._recent_lines = 0
        self._recent_rate = 50.0  # lines/s, updated after each batch; for Retry-After
        self._last_answer = time.monotonic()
        self._threads = []
        for i, d in enumerate(self.decode_workers):
            continuous = hasattr(d, "submit")
            if continuous:
                d.on_free, d.on_steps = self._wake, self._steps
            self._threads.append(threading.Thread(target=self._feed if continuous else self._work, args=(d,),
                                                  name=f"nmt-batcher-{i}", daemon=True))

    # ------------------------------------------------------------------ callers

    def start(self) -> None:
        for t in self._threads:
            t.start()

    def submit(self, job: Job) -> Future:
        """Queue ``job``; raises :class:`QueueFull` or :class:`Stopped` instead of waiting."""
        with self._cond:
            if self._stopping:
                raise Stopped()
            if self._queued_lines and self._queued_lines + len(job.src) > self.max_queue_lines:
                wait = (self._queued_lines + len(job.src)) / max(self._recent_rate, 1.0)
                raise QueueFull(max(1, int(wait + 0.999)))
            self._queue.append(job)
            self._queued_lines += len(job.src)
            self._queued_pieces += job.pieces
            self._replaced(len(job.src))
            self._cond.notify_all()  # every waiting window re-checks its target
        return job.future

    def _replaced(self, lines: int) -> None:
        """New lines take the place of as many answered ones in :meth:`_in_system` (lock held)."""
        while lines and self._recent:
            when, n = self._recent[0]
            used = min(n, lines)
            lines -= used
            self._recent_lines -= used
            if used == n:
                self._recent.popleft()
            else:
                self._recent[0] = (when, n - used)

    def cancel(self, job: Job) -> bool:
        """Take ``job`` out of the queue if no worker has started it (a timed-out request)."""
        with self._cond:
            try:
                self._queue.remove(job)
            except ValueError:
                return False
            self._queued_lines -= len(job.src)
            self._queued_pieces -= job.pieces
        job.future.cancel()
        return True

    @property
    def queued_lines(self) -> int:
        return self._queued_lines

    def stop(self, timeout: float = 30.0) -> None:
        """Finish what is queued, then end the workers (new submits raise :class:`Stopped`)."""
        with self._cond:
            self._stopping = True
            self._cond.notify_all()
        for t in self._threads:
            if t.is_alive():
                t.join(timeout)
        for d in self.decode_workers:
            d.close()

    # ------------------------------------------------------------------ workers

    def _in_system(self) -> int:
        """Lines the server holds or expects back soon (lock held): queued, being decoded, and
        answered within the last ``max_wait_ms`` and not yet replaced by a new arrival."""
        horizon = time.monotonic() - self.max_wait
        while self._recent and self._recent[0][0] < horizon:
            self._recent_lines -= self._recent.popleft()[1]
        return self._queued_lines + sum(self._decoding) + self._recent_lines

    def target(self) -> int:
        """Lines a worker's batch should hold (lock held): an even share of :meth:`_in_system`
        among the workers, at least 1 and at least ``min_batch_lines``."""
        return max(1, self.min_batch_lines, -(-self._in_system() // len(self.decode_workers)))

    def _take(self) -> list[Job] | None:
        """Wait for work; return the next batch's jobs (None: stopped and drained).

        The window closes once :meth:`target` lines have queued, or
        ``max_batch_tokens`` source pieces, or ``max_wait_ms`` after the oldest
        line arrived; the batch takes the oldest jobs up to that many lines (a job
        is never split; the rest is another worker's). Why a share of the load:
        under a steady load each worker then decodes its share at every turn, the
        shares stay even, and a worker whose own clients are back need not wait
        for more. The rule it replaced (close at as many lines as the worker's own
        last batch) let the batches settle wherever the first seconds put them,
        4 to 12 lines at 32 clients from run to run, with one worker often waiting
        out the window for lines that were in the other's batch (docs/serving.md).
        Answered lines count until new ones replace them (or ``max_wait_ms``
        passes): a closed-loop client sends its next line right after its answer,
        and without them a worker that has just answered its clients would see
        half the load and take half a batch. The window is counted from when the
        oldest line arrived or from when this worker became free, whichever is later:
        a line that waited while every worker was busy would otherwise close the
        window at once, and a worker that had just answered its clients would go
        with that one line instead of waiting a few milliseconds for them."""
        free = time.monotonic()
        with self._cond:
            while True:
                while not self._queue:
                    if self._stopping:
                        return None
                    self._cond.wait()
                if self.max_wait > 0:
                    deadline = max(self._queue[0].enqueued, free) + self.max_wait
                    while (self._queue and self._queued_pieces < self.max_batch_tokens
                           and self._queued_lines < self.target() and not self._stopping):
                        left = deadline - time.monotonic()
                        if left <= 0:
                            break
                        self._cond.wait(left)
                if self._queue:  # another worker may have taken it all while this one waited
                    break
            share = self.target()
            jobs = [self._queue.popleft()]
            pieces, lines = jobs[0].pieces, len(jobs[0].src)
            while (self.max_wait > 0 and self._queue and pieces + self._queue[0].pieces <= self.max_batch_tokens
                   and lines + len(self._queue[0].src) <= share):
                jobs.append(self._queue.popleft())
                pieces, lines = pieces + jobs[-1].pieces, lines + len(jobs[-1].src)
            self._queued_lines -= lines
            self._queued_pieces -= pieces
            if self._queue:
                self._cond.notify()  # the rest is another worker's
            return jobs

    def _work(self, decoder: Any) -> None:
        """Take batches (:meth:`_take`) and decode them, one (model, beam, n-best) group at a time."""
        me = self.decode_workers.index(decoder)
        while (jobs := self._take()) is not None:
            with self._cond:
                self._decoding[me] = sum(len(j.src) for j in jobs)
            jobs = [j for j in jobs if j.future.set_running_or_notify_cancel()]
            groups: dict[tuple[str, int, int], list[Job]] = {}
            for job in jobs:
                groups.setdefault(job.key, []).append(job)
            for group in groups.values():
                self._decode(decoder, group, me)
            with self._cond:
                self._decoding[me] = 0  # what is left: cancelled jobs, never decoded

    def _answered(self, me: int, lines: int) -> None:
        """Move ``lines`` of worker ``me`` from decoding to answered, before their callers hear:
        a caller that sends its next line at once must find its answered line counted, or
        :meth:`_replaced` has nothing to replace and the load is counted twice."""
        with self._cond:
            self._decoding[me] = max(0, self._decoding[me] - lines)
            self._recent.append((time.monotonic(), lines))
            self._recent_lines += lines
            self._cond.notify_all()  # the load changed: waiting windows re-read target()

    def _decode(self, decoder: Any, jobs: list[Job], me: int = 0) -> None:
        start = time.perf_counter()
        src = [s for job in jobs for s in job.src]
        try:
            hyps = decoder.decode(*jobs[0].key, src)
        except Exception as exc:  # noqa: BLE001 - handed to each caller; the worker lives on
            self._answered(me, len(src))
            for job in jobs:
                job.future.set_exception(exc)
            return
        seconds = time.perf_counter() - start
        self._answered(me, len(src))
        at = 0
        for job in jobs:
            part: list[list[Hypothesis]] = hyps[at: at + len(job.src)]
            at += len(job.src)
            job.future.set_result(part)
        self._recent_rate = 0.8 * self._recent_rate + 0.2 * (len(src) / max(seconds, 1e-6))
        if self.on_batch is not None:
            self.on_batch(BatchStats(len(src), len(jobs), sum(len(s) for s in src), seconds))

    # ------------------------------------------------------------------ continuous batching

    def _feed(self, decoder: Any) -> None:
        """Hand jobs to a continuous-batching decoder while it has room for them."""
        while True:
            with self._cond:
                while not (self._queue and (decoder.inflight_pieces == 0 or decoder.inflight_pieces
                                            + self._queue[0].pieces <= self.max_batch_tokens)):
                    if self._stopping and not self._queue:
                        return
                    self._cond.wait()
                job = self._queue.popleft()
                self._queued_lines -= len(job.src)
                self._queued_pieces -= job.pieces
            if job.future.set_running_or_notify_cancel():
                decoder.submit(*job.key, job.src, lambda hyps, exc, job=job: self._finish(job, hyps, exc))

    def _finish(self, job: Job, hyps: Any, exc: BaseException | None) -> None:
        if exc is not None:
            job.future.set_exception(exc)
            return
        job.future.set_result(hyps)
        # Lines answered per second (for Retry-After), from the gaps between answers.
        now = time.monotonic()
        gap, self._last_answer = now - self._last_answer, now
        self._recent_rate = 0.9 * self._recent_rate + 0.1 * len(job.src) / max(gap, 1e-3)

    def _wake(self) -> None:
        with self._cond:
            self._cond.notify_all()

    def _steps(self, steps: list[tuple[int, int, int, float]]) -> None:
        if self.on_batch is not None:
            for lines, requests, pieces, seconds in steps:
                self.on_batch(BatchStats(lines, requests, pieces, seconds))
