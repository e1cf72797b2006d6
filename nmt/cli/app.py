"""The ``nmt`` Typer app: its global options, the option types the commands share, and errors.

Errors for people: an :class:`NmtError` becomes one line on stderr and its exit
code (2 for usage, 1 for runtime); a closed pipe (``| head``) exits quietly;
Ctrl-C exits 130 after what was finished has been written. Tracebacks only
with ``--debug``. The library reports through the ``nmt`` logger; the CLI shows
its records on stderr (``warning: ...`` for warnings, progress lines as they are).
The commands live in :mod:`nmt.cli.core` and :mod:`nmt.cli.tools`.
"""

from __future__ import annotations

import errno
import logging
import os
import sys
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated, Iterator, Optional

import typer

from nmt.errors import NmtError
from nmt.version import __version__

DOCS = "README.md in the nmt source tree"

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help=f"Train, run and score GRU/LSTM/RNN attention translation models. nmt {__version__}; "
                       f"documentation: {DOCS}.")

_state = {"debug": False}


class StderrHandler(logging.Handler):
    """The ``nmt`` logger's records on the stderr of the moment (a test runner may swap it):
    warnings and errors with their level in front, information as it is."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            message = record.getMessage()
            if record.levelno >= logging.WARNING:
                message = f"{record.levelname.lower()}: {message}"
            print(message, file=sys.stderr, flush=True)
        except Exception:  # noqa: BLE001 - logging's own rule: a failed record never stops the program
            self.handleError(record)


def show_library_log() -> None:
    """Route the ``nmt`` logger to stderr (once per process), at INFO: training progress and warnings."""
    logger = logging.getLogger("nmt")
    if not any(isinstance(h, StderrHandler) for h in logger.handlers):
        logger.addHandler(StderrHandler())
    logger.setLevel(logging.INFO)


def _version(value: bool) -> None:
    if value:
        import torch

        print(f"nmt {__version__} (torch {torch.__version__})")
        raise typer.Exit(0)


@app.callback()
def _main(debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks on errors.")] = False,
          version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                                help="Print the version and exit.")] = False) -> None:
    _state["debug"] = debug
    show_library_log()


def _fail(message: str, code: int) -> None:
    print(f"error: {message}", file=sys.stderr, flush=True)
    raise typer.Exit(code)


def _quiet_broken_pipe() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot raise again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


@contextmanager
def one_line_errors() -> Iterator[None]:
    """Turn what a person can fix into one line on stderr and an exit code (see the module)."""
    try:
        yield
    except NmtError as exc:
        if _state["debug"]:
            raise
        if exc.quiet:
            raise typer.Exit(exc.exit_code) from None
        _fail(str(exc), exc.exit_code)
    except BrokenPipeError:
        _quiet_broken_pipe()
        raise typer.Exit(0) from None
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr, flush=True)
        raise typer.Exit(130) from None
    except OSError as exc:
        if exc.errno == errno.EPIPE:
            _quiet_broken_pipe()
            raise typer.Exit(0) from None
        if _state["debug"]:
            raise
        where = f"{exc.filename}: " if exc.filename else ""
        _fail(f"{where}{exc.strerror or exc}", 1)


class Engine(str, Enum):
    torch = "torch"
    onnxruntime = "onnxruntime"


EngineOpt = Annotated[Engine, typer.Option("--engine", help="torch, or onnxruntime over a folder written by "
                                           "nmt export --format onnx (-m DIR).")]


SetOpt = Annotated[Optional[list[str]], typer.Option(
    "--set", "-s", help="Override a config field: SECTION.FIELD=VALUE (repeatable), e.g. model.dropout=0.2")]
ModelOpt = Annotated[Path, typer.Option("--model", "-m", help="Checkpoint (.pt) written by nmt train, or a model "
                                        "folder written by nmt export --format hub.")]
ModelsOpt = Annotated[list[Path], typer.Option("--model", "-m", help="Checkpoint (.pt) written by nmt train, or a "
                                               "model folder; repeat for an ensemble (same vocabulary).")]
TgtLangOpt = Annotated[Optional[str], typer.Option("--tgt-lang", help="A multilingual model's target language "
                      "(data.directions; default: its only one).")]
SrcLangOpt = Annotated[Optional[str], typer.Option("--src-lang", help="A multilingual model's source language "
                      "(checked against those it was trained on).")]
BeamOpt = Annotated[Optional[int], typer.Option("--beam", "-b", min=1, help="Beam size (1 = greedy).")]
BatchOpt = Annotated[Optional[int], typer.Option("--batch-size", min=1, help="Sentences per decoding batch (default: the model's decode.batch_size; at least 1000 on a GPU).")]
LpOpt = Annotated[Optional[float], typer.Option("--length-penalty", min=0.0, help="GNMT length penalty alpha.")]
DeviceOpt = Annotated[str, typer.Option("--device", help="auto (a CUDA GPU if torch sees one, else CPU), cpu, "
                                                       "cuda or cuda:N.")]
Bf16Opt = Annotated[Optional[bool], typer.Option("--bf16/--no-bf16", help="bfloat16 matrix products (CPUs with "
                                                 "bf16 units; default: decode.bf16 of the model's config).")]
Int8Opt = Annotated[Optional[bool], typer.Option("--int8/--no-int8", help="Int8 matrix products (CPU, faster, "
                                                 "slightly lower BLEU; default: decode.int8 of the model's config).")]
ShortlistOpt = Annotated[Optional[bool], typer.Option(
    "--shortlist/--no-shortlist", help="Score only each sentence's lexical shortlist of target pieces "
    "(faster; default: decode.shortlist of the model's config).")]


