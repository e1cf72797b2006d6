"""Several decoding processes for one stream of lines: ``nmt translate --workers N``.

Why processes and not more threads: a beam search step on a CPU is a chain of small
operators (a batch of 64 sentences x 5 hypotheses), too small to split well across
OpenMP threads, and the threads wait for each other at every operator. N processes
with one thread each, every one on its own chunk of lines, keep N cores busy without
those barriers; this is what Marian's ``--cpu-threads N`` does when it translates
(one batch per thread) and what ``nmt serve`` does with its decoding processes.
Measured on 2 cores (``scripts/bench_vs_marian.py``, beam 5, test2016, default
model): see docs/performance.md.

Each process loads its own copy of the model (``spawn``: a forked child of a process
that has run torch's OpenMP threads can hang), so a process costs the model's memory
and a fresh interpreter's start-up; one is worth it only for inputs of more than a
few hundred lines. Outputs are the same as one process gives, in input order:
decoding never looks across chunks, and sampling is seeded per sentence; only
``int8``'s differ a little, since its activation scales are taken per batch and the
chunks make other batches.
"""

from __future__ import annotations

import collections
import multiprocessing as mp
import os
import signal
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Iterable, Iterator

from nmt.errors import NmtError

_translator: Any = None  # the decoding process's Translator, loaded once by _start


def layout(device: str, workers: int, threads: int, cores: int | None = None) -> tuple[int, int]:
    """(decoding processes, torch threads each) for ``nmt serve`` and ``nmt translate
    --workers``; 0 = choose.

    One single-threaded process per core on a CPU (see the module docstring; for the
    server, ``scripts/bench_serve.py``, 2 cores, 32 clients: docs/serving.md); a GPU
    gets one process: its kernels, not the host's cores, do the work. Threads left
    at 0 share the cores evenly among the processes.
    """
    cores = cores or os.cpu_count() or 1
    if workers == 0:
        workers = 1 if device.startswith("cuda") else max(1, cores)
    if threads == 0 and not device.startswith("cuda"):
        threads = max(1, cores // workers)
    return workers, threads


def _start(load: dict, options: dict, threads: int, ready: Any) -> None:
    """A decoding process's start: Ctrl-C is the parent's to handle; load the model once, then
    say so on ``ready`` (what :meth:`TranslatorPool.warm` waits for)."""
    global _translator
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    import torch

    from nmt.decoding.translator import Translator

    if threads:
        torch.set_num_threads(threads)
    _translator = Translator.load(**load).with_options(**options)
    ready.put(os.getpid())


def _noop() -> None:
    """A task that only makes the pool start a process."""


def _translate(lines: list[str], n_best: int, first_line: int) -> tuple[list, list[str]]:
    """One chunk in a decoding process: its scored hypotheses and the warnings it gave."""
    warnings: list[str] = []
    scored = _translator.translate_batch(lines, n_best=n_best, return_scores=True, first_line=first_line,
                                         warn=warnings.append)
    return scored, warnings


def open_pool(load: dict, options: dict, workers: int, threads: int, device: str) -> TranslatorPool | None:
    """The pool ``nmt translate --workers N --threads T`` asks for (``load``: the arguments of
    ``Translator.load``), started and loaded; None for one process (N = 1, or 0 on a GPU)."""
    workers, threads = layout(device, workers, threads)
    if workers <= 1:
        return None
    pool = TranslatorPool({**load, "threads": threads}, options, workers, threads)
    pool.warm()
    return pool


class TranslatorPool:
    """``workers`` processes, each with the translator that ``Translator.load(**load)
    .with_options(**options)`` gives and ``threads`` torch threads, translating chunks of
    lines in parallel; :meth:`map` yields their results in input order."""

    def __init__(self, load: dict, options: dict | None = None, workers: int = 2, threads: int = 1) -> None:
        self.workers = workers
        ctx = mp.get_context("spawn")
        self.ready = ctx.Queue()
        self.executor = ProcessPoolExecutor(workers, mp_context=ctx, initializer=_start,
                                            initargs=(load, options or {}, threads, self.ready))

    def warm(self, timeout: float = 600.0) -> None:
        """Start every process and load its model now, not with the first chunks (a benchmark
        times decoding apart from loading, as Marian's own timer does)."""
        import queue

        # A spawn pool starts a process for each task submitted while none is idle.
        tasks = [self.executor.submit(_noop) for _ in range(self.workers)]
        try:
            for _ in range(self.workers):
                self.ready.get(timeout=timeout)
        except queue.Empty:
            raise NmtError(f"the decoding processes did not load the model within {timeout:.0f} s") from None
        for t in tasks:
            t.result()

    def map(self, chunks: Iterable[list[str]], n_best: int = 1) -> Iterator[tuple[list, list[str]]]:
        """(scored hypotheses of each line, warnings) per chunk, in order, with at most two
        chunks a process in flight: memory stays bounded however long the input."""
        pending: collections.deque[Future] = collections.deque()
        first = 1
        try:
            for chunk in chunks:
                pending.append(self.executor.submit(_translate, chunk, n_best, first))
                first += len(chunk)
                if len(pending) >= 2 * self.workers:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        except BrokenProcessPool:
            raise NmtError("a decoding process ended unexpectedly (out of memory?); the lines before "
                           "its chunk were written") from None
        finally:
            for f in pending:
                f.cancel()

    def translate_iter(self, lines: Iterable[str], chunk_lines: int = 256) -> Iterator[str]:
        """The best translation of each line, in input order: ``Translator.translate_iter``
        with the chunks decoded by the pool's processes (warnings go to the ``nmt`` logger)."""
        from nmt.decoding.lines import chunked, log_warning

        for scored, warnings in self.map(chunked(lines, chunk_lines)):
            for message in warnings:
                log_warning(message)
            for hyps in scored:
                yield hyps[0].text

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> TranslatorPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
