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


def chunk_size(batch_size: int) -> int:
    """Lines read at once: enough for 16 length-sorted batches, so that sorting pays."""
    return max(256, batch_size * 16)


def translate_stream(translator: Translator, stream: BinaryIO, out: TextIO, n_best: int = 1,
                     chunk_lines: int = 0, warn: Warn = log_warning,
                     on_attention: Callable[[int, Alignment], None] | None = None) -> int:
    """Translate ``stream`` to ``out``, one line per input line (n_best lines each when
    n_best > 1, as ``LINE_NO<TAB>SCORE<TAB>TEXT``). Returns the number of input lines.
    ``on_attention(line_no, alignment)`` is called for each non-blank line when given."""
    size = chunk_lines or chunk_size(translator.decode.batch_size)
    done = 0
    with torch.inference_mode():
        for chunk in chunked(read_lines(stream, warn), size):
            aligned: list | None = [] if on_attention is not None else None
            results = translator.translate_batch(chunk, n_best=n_best, return_scores=True, first_line=done + 1,
                                                 warn=warn, attention=aligned)
            if on_attention is not None and aligned is not None:
                for i, a in enumerate(aligned):
                    if a is not None:
                        on_attention(done + i + 1, a)
            if n_best > 1:
                text = "".join(f"{done + i + 1}\t{score:.4f}\t{hyp}\n"
                               for i, hyps in enumerate(results) for hyp, score in hyps)
            else:
                text = "".join(f"{hyps[0][0]}\n" for hyps in results)
            out.write(text)
            out.flush()
            done += len(chunk)
    return done
