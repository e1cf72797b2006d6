"""DynamicBatcher with several workers, without HTTP or models: fake decoders that sleep."""

from __future__ import annotations

import threading
import time

import pytest

from nmt.decoding.pool import layout
from nmt.serving.batcher import DynamicBatcher, Job


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
                             decode_workers=decoders)
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


def test_a_lone_line_on_an_idle_server_goes_at_once():
    # Nothing else in the server: the target is one line, so a 60 s window never delays it
    # (the rule before waited out the window for a worker's first batch).
    decoder = SlowDecoder(0.0)
    batcher = DynamicBatcher({}, max_batch_tokens=4096, max_wait_ms=60_000, max_queue_lines=100,
                             decode_workers=[decoder])
    batcher.start()
    try:
        for i in range(3):
            assert batcher.submit(Job("m", [[i]], 5, 1)).result(timeout=10) == [[(i,)]]
        assert decoder.batches == 3
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


def _lines(jobs: list[Job] | None) -> int:
    return sum(len(j.src) for j in jobs or [])


def test_a_batch_takes_an_even_share_of_the_load_and_leaves_the_rest():
    """Lines queued or being decoded, shared among the workers: with 12 queued and 10 in the
    other worker's batch a free worker takes 11 at once and leaves 1."""
    batcher = DynamicBatcher({}, max_batch_tokens=4096, max_wait_ms=60_000, max_queue_lines=100,
                             decode_workers=[SlowDecoder(0.0), SlowDecoder(0.0)])
    _queued(batcher, 12)
    batcher._decoding[1] = 10
    start = time.monotonic()
    assert _lines(batcher._take()) == 11
    assert batcher.queued_lines == 1
    assert time.monotonic() - start < 5  # 11 were there: no waiting for the 60 s window


def test_a_window_waits_for_answered_lines_to_come_back_but_not_longer():
    """A worker that has just answered 8 lines counts them until new lines replace them, so
    with 4 back it waits for the other 4 (a closed-loop client sends its next line at once)
    and goes as soon as they are in, long before its window ends."""
    batcher = DynamicBatcher({}, max_batch_tokens=4096, max_wait_ms=5_000, max_queue_lines=100,
                             decode_workers=[SlowDecoder(0.0), SlowDecoder(0.0)])
    batcher._decoding[:] = [8, 8]
    batcher._answered(0, 8)
    _queued(batcher, 4)
    assert batcher._in_system() == 16  # 4 queued + 8 decoding + 4 answered not yet replaced
    taken: list = []
    worker = threading.Thread(target=lambda: taken.append(batcher._take()))
    start = time.monotonic()
    worker.start()
    time.sleep(0.3)
    assert not taken, "it went with 4 of its 8 lines"
    _queued(batcher, 4)
    worker.join(10)
    assert _lines(taken[0]) == 8
    assert time.monotonic() - start < 3  # not the 5 s window


def test_answered_lines_count_until_replaced_or_the_window_has_passed():
    batcher = DynamicBatcher({}, max_batch_tokens=4096, max_wait_ms=100, max_queue_lines=100,
                             decode_workers=[SlowDecoder(0.0)])
    batcher._answered(0, 5)
    _queued(batcher, 3)
    assert batcher._in_system() == 5  # 3 of the 5 came back: not counted twice
    time.sleep(0.15)
    assert batcher._in_system() == 3  # the other 2 did not come back within max_wait_ms
    assert batcher.target() == 3
    batcher.min_batch_lines = 8  # nmt serve --min-batch-lines: the window waits for 8 whatever the load
    assert batcher.target() == 8


def test_a_line_that_waited_for_a_busy_worker_does_not_close_its_window_at_once():
    """The window counts from when the worker became free: a line older than max_wait_ms
    (it waited while the worker decoded) still lets the worker wait for the 4 lines it has
    just answered, instead of decoding that one line alone."""
    batcher = DynamicBatcher({}, max_batch_tokens=4096, max_wait_ms=2_000, max_queue_lines=100,
                             decode_workers=[SlowDecoder(0.0)])
    _queued(batcher, 1)
    batcher._queue[0].enqueued -= 5.0  # it has waited 5 s
    batcher._decoding[0] = 4
    batcher._answered(0, 4)
    taken: list = []
    worker = threading.Thread(target=lambda: taken.append(batcher._take()))
    worker.start()
    time.sleep(0.2)
    assert not taken, "it went with the one old line"
    _queued(batcher, 4)
    worker.join(10)
    assert _lines(taken[0]) == 5
