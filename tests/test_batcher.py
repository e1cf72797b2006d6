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
