"""Streaming line-in/line-out translation: the contract of ``nmt translate``.

The contract a pipeline relies on: for any input, exactly one output line per
input line, in input order. Input is read as bytes in chunks (memory stays flat
however long the stream), each chunk is sorted by length into batches for
speed and written back in its original order, and every chunk is flushed before
the next is read, so an interrupted run has written all the lines it finished.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, BinaryIO, Callable, Iterable, Iterator, TextIO

import torch

if TYPE_CHECKING:
    from nmt.decoding.plot import Alignment
    from nmt.decoding.pool import TranslatorPool
    from nmt.decoding.translator import Translator

Warn = Callable[[str], None]

logger = logging.getLogger("nmt")


def log_warning(message: str) -> None:
    """The default ``warn``: the ``nmt`` logger (the CLI prints it as ``warning: ...``)."""
    logger.warning(message)


def one_line(text: str) -> str:
    """Never let a newline inside a translation shift the lines after it."""
    return " ".join(text.splitlines()).replace("\r", " ") if ("\n" in text or "\r" in text) else text


def read_lines(stream: BinaryIO, warn: Warn = log_warning) -> Iterator[str]:
    """Decode a byte stream line by line: ``\\n`` or ``\\r\\n`` ends a line, a last
    line without newline counts, invalid UTF-8 is replaced (U+FFFD) with a warning."""
    for number, raw in enumerate(stream, start=1):
        if raw.endswith(b"\n"):
            raw = raw[:-1]
            if raw.endswith(b"\r"):
                raw = raw[:-1]
        try:
            yield raw.decode("utf-8")
        except UnicodeDecodeError:
            warn(f"line {number}: invalid UTF-8, undecodable bytes replaced by U+FFFD")
            yield raw.decode("utf-8", errors="replace")


def chunked(lines: Iterable[str], size: int) -> Iterator[list[str]]:
    """Lists of ``size`` consecutive lines (the last one shorter), read lazily."""
    chunk: list[str] = []
    for line in lines:
        chunk.append(line)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def chunk_size(batch_size: int, workers: int = 1) -> int:
    """Lines read at once: enough for 16 length-sorted batches, so that sorting pays; with
    several decoding processes, 4 batches, so that a thousand lines keep each one busy."""
    return max(256, batch_size * 16) if workers <= 1 else batch_size * 4


def _format(results: list, first_line: int, n_best: int) -> str:
    if n_best > 1:
        return "".join(f"{first_line + i}\t{score:.4f}\t{hyp}\n"
                       for i, hyps in enumerate(results) for hyp, score in hyps)
    return "".join(f"{hyps[0][0]}\n" for hyps in results)


def translate_stream(translator: Translator, stream: BinaryIO, out: TextIO, n_best: int = 1,
                     chunk_lines: int = 0, warn: Warn = log_warning,
                     on_attention: Callable[[int, Alignment], None] | None = None,
                     pool: TranslatorPool | None = None) -> int:
    """Translate ``stream`` to ``out``, one line per input line (n_best lines each when
    n_best > 1, as ``LINE_NO<TAB>SCORE<TAB>TEXT``). Returns the number of input lines.
    ``on_attention(line_no, alignment)`` is called for each non-blank line when given.
    With a ``pool`` (:class:`~nmt.decoding.pool.TranslatorPool`, the same model and options
    as ``translator``), its processes decode the chunks, and the output is the same."""
    size = chunk_lines or chunk_size(translator.decode.batch_size, pool.workers if pool else 1)
    done = 0
    chunks = chunked(read_lines(stream, warn), size)
    if pool is not None:
        if on_attention is not None:
            raise ValueError("attention pictures are written by one process: no pool")
        for results, warnings in pool.map(chunks, n_best):
            for message in warnings:
                warn(message)
            out.write(_format(results, done + 1, n_best))
            out.flush()
            done += len(results)
        return done
    with torch.inference_mode():
        for chunk in chunks:
            aligned: list | None = [] if on_attention is not None else None
            results = translator.translate_batch(chunk, n_best=n_best, return_scores=True, first_line=done + 1,
                                                 warn=warn, attention=aligned)
            if on_attention is not None and aligned is not None:
                for i, a in enumerate(aligned):
                    if a is not None:
                        on_attention(done + i + 1, a)
            out.write(_format(results, done + 1, n_best))
            out.flush()
            done += len(chunk)
    return done
