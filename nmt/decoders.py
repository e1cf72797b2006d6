"""Where a batch is decoded: in the calling thread, or in a child process that owns the models.

Why a process for the server: decoding from a thread other than the main one
was 2x slower with torch's OpenMP threads (28 vs 15.6 ms a sentence at beam 5
on 2 cores, default model), and a decoding thread shares the GIL with the HTTP
event loop. A child process decodes in its main thread with its own
interpreter; the batcher thread that feeds it only sends ids and receives
hypotheses (small pickles). If the child dies (killed, out of memory), the
batch it held fails, a new child is started, and the server goes on.
"""

from __future__ import annotations

import multiprocessing as mp
import signal
from dataclasses import replace
from pathlib import Path
from typing import Any

import torch

from nmt.search import Hypothesis
from nmt.translate import Translator


class DecoderLost(RuntimeError):
    """The decoding process ended while it held a batch; a new one has been started."""


class ThreadDecoder:
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
        decoder = ThreadDecoder({name: Translator.from_checkpoint(Path(path), device, **overrides)
                                 for name, path in specs})
    except Exception as exc:  # noqa: BLE001 - reported to the parent, which says it in one line
        conn.send(("error", f"{type(exc).__name__}: {exc}"))
        return
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


class ProcessDecoder:
    """A child process (``spawn``) holding the models of ``specs`` (name, checkpoint path)."""

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
            raise DecoderLost(f"the decoding process ended (exit code {code}); a new one was started") from None
        if status == "error":
            raise RuntimeError(payload)
        return payload

    def close(self) -> None:
        try:
            self.conn.send(None)
        except OSError:
            pass
        self.proc.join(10)
        if self.proc.is_alive():
            self.proc.kill()
