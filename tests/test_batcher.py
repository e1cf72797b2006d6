"""DynamicBatcher with several workers, without HTTP or models: fake decoders that sleep."""

from __future__ import annotations

import threading
import time

import pytest

from nmt.batcher import DynamicBatcher, Job
from nmt.decoders import layout


class SlowDecoder:
    """Echoes each line back after ``seconds``, counting what it decoded."""

    def __init__(self, seconds: float) -> None:
        self.seconds, self.lines, self.batches = seconds, 0, 0

    def decode(self, model: str, beam: int, n_best: int, src: list[list[int]]) -> list[list]:
        time.sleep(self.seconds)
        self.lines += len(src)
        self.batches += 1
        return [[tuple(s)] for s in src]

    def close(self) -> None:
        pass


def test_every_worker_decodes_and_none_dies_when_another_took_the_queue():
    # Regression: a worker waiting out its window woke to a queue another worker
    # had emptied, popped from it and died, so --workers 2 decoded on one process.
    decoders = [SlowDecoder(0.02), SlowDecoder(0.02)]
    batcher = DynamicBatcher({}, max_batch_tokens=4096, max_wait_ms=5, max_queue_lines=10_000,
                             decoders=decoders)
    batcher.start()
    answers: dict[int, list] = {}

    def client(c: int) -> None:
        for r in range(10):
            line = [c, r, 7]
            answers[c * 100 + r] = batcher.submit(Job("m", [line], 5, 1)).result(timeout=30)

    clients = [threading.Thread(target=client, args=(c,)) for c in range(16)]
    for t in clients:
        t.start()
    for t in clients:
        t.join(60)
    try:
        assert all(t.is_alive() for t in batcher._threads), "a worker thread died"
        assert answers == {c * 100 + r: [[(c, r, 7)]] for c in range(16) for r in range(10)}
        assert all(d.lines > 0 for d in decoders), [d.lines for d in decoders]
        assert sum(d.lines for d in decoders) == 160
    finally:
        batcher.stop()


def test_the_window_closes_once_the_last_batchs_count_of_lines_is_in():
    # The first batch waits out its window (0.5 s: nothing to go by yet); after a one-line
    # batch, a lone line goes at once: a 60 s window would fail the 10 s bound.
    decoder = SlowDecoder(0.0)
    batcher = DynamicBatcher({}, max_batch_tokens=4096, max_wait_ms=500, max_queue_lines=100,
                             decoders=[decoder])
    batcher.start()
    try:
        start = time.monotonic()
        assert batcher.submit(Job("m", [[1]], 5, 1)).result(timeout=10) == [[(1,)]]
        assert time.monotonic() - start >= 0.45
        batcher.max_wait = 60.0
        assert batcher.submit(Job("m", [[2]], 5, 1)).result(timeout=10) == [[(2,)]]
        assert decoder.batches == 2
    finally:
        batcher.stop()


@pytest.mark.parametrize("device,workers,threads,cores,expected", [
    ("cpu", 0, 0, 2, (2, 1)),     # default on a CPU: a one-thread process per core
    ("cpu", 0, 0, 16, (16, 1)),
    ("cpu", 1, 0, 2, (1, 2)),     # one process gets every core
    ("cpu", 3, 0, 8, (3, 2)),
    ("cpu", 4, 0, 2, (4, 1)),     # never 0 threads
    ("cpu", 0, 3, 2, (2, 3)),     # what the user set stays
    ("cuda", 0, 0, 16, (1, 0)),   # a GPU: one process, torch's own thread default
    ("cuda:1", 2, 0, 16, (2, 0)),
])
def test_decoding_layout(device, workers, threads, cores, expected):
    assert layout(device, workers, threads, cores) == expected


def _queued(batcher: DynamicBatcher, lines: int) -> None:
    for i in range(lines):  # no worker threads started: the jobs stay queued
        batcher.submit(Job("m", [[i, 1]], 5, 1))


def test_idle_workers_split_what_gathered_but_never_below_their_last_batch():
    """Two idle workers share the queue, except that one whose last batch held 8 lines takes
    8, not half of 12: the even split fragmented the batches at 32 clients."""
    batcher = DynamicBatcher({}, max_batch_tokens=4096, max_wait_ms=50, max_queue_lines=100,
                             decoders=[SlowDecoder(0.0), SlowDecoder(0.0)])
    _queued(batcher, 12)
    batcher._idle = 1  # the other worker is idle too (_take counts this one)
    assert sum(len(j.src) for j in batcher._take(8)) == 8
    _queued(batcher, 8)  # 12 queued again
    batcher._idle = 1
    assert sum(len(j.src) for j in batcher._take(2)) == 6  # half of 12 is more than its last 2
    batcher._idle = 1
    first = batcher._take(batcher.max_queue_lines + 1)  # before a first batch: the even split
    assert sum(len(j.src) for j in first) == 3


def test_a_window_stays_open_until_as_many_lines_as_a_busy_peer_decodes():
    """A free worker whose last batch was small waits (up to max_wait_ms) for as many lines as
    the other worker is decoding, so the two batch sizes do not drift apart."""
    batcher = DynamicBatcher({}, max_batch_tokens=4096, max_wait_ms=300, max_queue_lines=100,
                             decoders=[SlowDecoder(0.0), SlowDecoder(0.0)])
    _queued(batcher, 4)
    batcher._decoding[1] = 10
    start = time.monotonic()
    assert sum(len(j.src) for j in batcher._take(2)) == 4
    assert time.monotonic() - start >= 0.2  # waited out the window for the peer's 10
    _queued(batcher, 4)
    batcher._decoding[1] = 0
    start = time.monotonic()
    assert sum(len(j.src) for j in batcher._take(2)) == 4
    assert time.monotonic() - start < 0.2  # nobody busy: its own last batch (2) is enough
