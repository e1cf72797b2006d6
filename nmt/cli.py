"""The ``nmt`` command: options → config → library call → printed result.

Errors for people: an :class:`NmtError` becomes one line on stderr and its exit
code (2 for usage, 1 for runtime); a closed pipe (``| head``) exits quietly;
Ctrl-C exits 130 after what was finished has been written. Tracebacks only
with ``--debug``.
"""

from __future__ import annotations

import errno
import json
import os
import sys
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated, Iterator, Optional

import typer

from nmt.errors import NmtError

from nmt import __version__

DOCS = "README.md in the nmt source tree"

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help=f"Train, run and score GRU attention translation models. nmt {__version__}; "
                       f"documentation: {DOCS}.")

_state = {"debug": False}


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
def _errors() -> Iterator[None]:
    try:
        yield
    except NmtError as exc:
        if _state["debug"]:
            raise
        if exc.quiet:
            raise typer.Exit(exc.exit_code)
        _fail(str(exc), exc.exit_code)
    except BrokenPipeError:
        _quiet_broken_pipe()
        raise typer.Exit(0)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr, flush=True)
        raise typer.Exit(130)
    except OSError as exc:
        if exc.errno == errno.EPIPE:
            _quiet_broken_pipe()
            raise typer.Exit(0)
        if _state["debug"]:
            raise
        where = f"{exc.filename}: " if exc.filename else ""
        _fail(f"{where}{exc.strerror or exc}", 1)


class Engine(str, Enum):
    torch = "torch"
    onnxruntime = "onnxruntime"


EngineOpt = Annotated[Engine, typer.Option("--engine", help="torch, or onnxruntime over a folder written by "
                                           "nmt export --format onnx (-m DIR).")]


def _translator(models: list[Path], engine: "Engine", device: str, threads: int = 0, sampling=None,  # noqa: ANN001
                **decode: object):  # noqa: ANN202
    """The Translator the options ask for, with PyTorch or onnxruntime."""
    from nmt.translate import Translator

    if engine == Engine.onnxruntime:
        from nmt.onnx_engine import load_onnx

        if len(models) != 1:
            raise NmtError("--engine onnxruntime takes one -m DIR (no ensembles)", exit_code=2)
        int8 = bool(decode.pop("int8", None))
        translator = load_onnx(models[0], int8, threads, **decode)
        translator.sampling = sampling
        return translator
    return Translator.from_checkpoint(models, device, sampling, **decode)


class Strategy(str, Enum):
    beam = "beam"
    greedy = "greedy"


SetOpt = Annotated[Optional[list[str]], typer.Option(
    "--set", "-s", help="Override a config field: SECTION.FIELD=VALUE (repeatable), e.g. model.dropout=0.2")]
ModelOpt = Annotated[Path, typer.Option("--model", "-m", help="Checkpoint (.pt) written by nmt train.")]
ModelsOpt = Annotated[list[Path], typer.Option("--model", "-m", help="Checkpoint (.pt) written by nmt train; "
                                               "repeat for an ensemble (same vocabulary).")]
BeamOpt = Annotated[Optional[int], typer.Option("--beam", "-b", min=1, help="Beam size (1 = greedy).")]
BatchOpt = Annotated[Optional[int], typer.Option("--batch-size", min=1, help="Sentences per decoding batch (default: the model's decode.batch_size; at least 1000 on a GPU).")]
LpOpt = Annotated[Optional[float], typer.Option("--length-penalty", min=0.0, help="GNMT length penalty alpha.")]
DeviceOpt = Annotated[str, typer.Option("--device", help="auto (a CUDA GPU if torch sees one, else CPU), cpu, "
                                                       "cuda or cuda:N.")]
Int8Opt = Annotated[Optional[bool], typer.Option("--int8/--no-int8", help="Int8 matrix products (CPU, faster, "
                                                 "slightly lower BLEU; default: decode.int8 of the model's config).")]
ShortlistOpt = Annotated[Optional[bool], typer.Option(
    "--shortlist/--no-shortlist", help="Score only each sentence's lexical shortlist of target pieces "
    "(faster; default: decode.shortlist of the model's config).")]


def _default_out(config: Path) -> Path:
    return Path("runs") / config.stem


@app.command()
def train(
    config: Annotated[Path, typer.Argument(help="YAML config, e.g. configs/multi30k_de_en.yaml")],
    set_: SetOpt = None,
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Run folder (default: runs/CONFIG_NAME).")] = None,
    resume: Annotated[bool, typer.Option("--resume", help="Continue the run in --out from last.pt.")] = False,
    overwrite: Annotated[bool, typer.Option("--overwrite", help="Start again in a folder that holds a run.")] = False,
    progress: Annotated[Optional[bool], typer.Option("--progress/--no-progress", help="Progress bar (default: when stderr is a terminal).")] = None,
) -> None:
    """Train a model; writes best.pt, last.pt, train_log.jsonl and the SentencePiece models.

    Example: nmt train configs/multi30k_de_en.yaml --set train.max_steps=3000

    Several GPUs or machines: torchrun --nproc_per_node=N -m nmt train CONFIG (README).
    """
    from nmt.config import load_config
    from nmt.train import train as run_training

    with _errors():
        if resume and overwrite:
            raise NmtError("--resume and --overwrite exclude each other", exit_code=2)
        cfg = load_config(config, set_ or [])
        result = run_training(cfg, out or _default_out(config), resume=resume, overwrite=overwrite,
                              progress=progress)
        if result.stopped == "interrupted":
            print(f"stopped by signal at step {result.steps}; continue with: nmt train {config} "
                  f"--out {result.out_dir} --resume", file=sys.stderr)
            raise typer.Exit(130)


SampleOpt = Annotated[bool, typer.Option("--sample", help="Sample translations instead of searching "
                                        "(--n-best K gives K samples).", rich_help_panel="Sampling")]
TempOpt = Annotated[float, typer.Option("--temperature", min=0.0, help="Below 1 sharper, above 1 flatter.",
                                        rich_help_panel="Sampling")]
TopKOpt = Annotated[int, typer.Option("--top-k", min=0, help="Sample among the K most likely pieces (0 = all).",
                                      rich_help_panel="Sampling")]
TopPOpt = Annotated[float, typer.Option("--top-p", min=0.0, max=1.0, help="Nucleus: the fewest pieces holding P "
                                        "of the probability (1 = all).", rich_help_panel="Sampling")]
SeedOpt = Annotated[int, typer.Option("--seed", help="Same seed and line, same samples.", rich_help_panel="Sampling")]


def _sampling(sample: bool, temperature: float, top_k: int, top_p: float, seed: int):  # noqa: ANN202
    from nmt.sampling import Sampling

    if not sample:
        if (temperature, top_k, top_p) != (1.0, 0, 1.0):
            raise NmtError("--temperature, --top-k and --top-p need --sample", exit_code=2)
        return None
    if temperature <= 0:
        raise NmtError("--temperature must be above 0 (use --beam 1 for the most likely piece)", exit_code=2)
    if top_p <= 0:
        raise NmtError("--top-p must be above 0", exit_code=2)
    return Sampling(temperature, top_k, top_p, seed)


@app.command()
def translate(
    model: ModelsOpt,
    input: Annotated[Optional[Path], typer.Option("--input", "-i", help="Read from this file (default: stdin).")] = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to this file (default: stdout).")] = None,
    beam: BeamOpt = None,
    batch_size: BatchOpt = None,
    n_best: Annotated[int, typer.Option("--n-best", min=1, help="Hypotheses per line, as LINE<TAB>SCORE<TAB>TEXT.")] = 1,
    length_penalty: LpOpt = None,
    int8: Int8Opt = None,
    shortlist: ShortlistOpt = None,
    device: DeviceOpt = "auto",
    threads: Annotated[int, typer.Option("--threads", min=0, help="torch threads (0 = default).")] = 0,
    attention: Annotated[Optional[Path], typer.Option("--attention", help="Write each line's attention "
                         "picture into this folder (NNNNNN.png, by line number).")] = None,
    attention_format: Annotated[str, typer.Option("--attention-format", help="png (needs nmt[plot]) or json.")] = "png",
    sample: SampleOpt = False,
    temperature: TempOpt = 1.0,
    top_k: TopKOpt = 0,
    top_p: TopPOpt = 1.0,
    seed: SeedOpt = 0,
    engine: EngineOpt = Engine.torch,
) -> None:
    """Translate stdin (or --input) line by line to stdout (or --output).

    Example: echo "Ein Hund läuft über die Wiese." | nmt translate -m runs/multi30k_de_en/best.pt

    Several -m: an ensemble. --sample: sampled translations (back-translation).
    """
    import torch

    from nmt.translate import translate_stream

    with _errors():
        if threads:
            torch.set_num_threads(threads)
        sampling = _sampling(sample, temperature, top_k, top_p, seed)
        writer = None
        if attention is not None:
            from nmt.plot import AttentionWriter

            writer = AttentionWriter(attention, attention_format)
        translator = _translator(model, engine, device, threads, sampling, beam_size=beam, batch_size=batch_size,
                                 length_penalty=length_penalty, int8=int8, shortlist=shortlist)
        if n_best > translator.decode.beam_size and sampling is None:
            raise NmtError(f"--n-best {n_best} needs --beam >= {n_best}", exit_code=2)
        if input is not None and not input.is_file():
            raise NmtError(f"{input}: input file not found", exit_code=2)
        src = open(input, "rb") if input is not None else sys.stdin.buffer
        try:
            if output is None:
                translate_stream(translator, src, sys.stdout, n_best, on_attention=writer)
            else:
                # Written beside the target and renamed at the end: an earlier output is
                # never left half-overwritten.
                tmp = output.with_name(f".{output.name}.partial")
                with open(tmp, "w", encoding="utf-8", newline="\n") as f:
                    translate_stream(translator, src, f, n_best, on_attention=writer)
                os.replace(tmp, output)
        finally:
            if input is not None:
                src.close()


@app.command()
def evaluate(
    model: Annotated[Optional[list[Path]], typer.Option("--model", "-m", help="Checkpoint to translate with "
                                                      "(repeat for an ensemble).")] = None,
    dataset: Annotated[Optional[str], typer.Option("--dataset", help="Hub id or local path (default: the model's).")] = None,
    split: Annotated[str, typer.Option("--split", help="Split to score.")] = "test",
    hyp: Annotated[Optional[Path], typer.Option("--hyp", help="Score this hypothesis file instead of translating.")] = None,
    src_lang: Annotated[Optional[str], typer.Option("--src", help="Source language (default: the model's).")] = None,
    tgt_lang: Annotated[Optional[str], typer.Option("--tgt", help="Target language (default: the model's).")] = None,
    save: Annotated[Optional[Path], typer.Option("--save-hyp", help="Write the hypotheses here.")] = None,
    beam: BeamOpt = None,
    batch_size: BatchOpt = None,
    length_penalty: LpOpt = None,
    int8: Int8Opt = None,
    shortlist: ShortlistOpt = None,
    device: DeviceOpt = "auto",
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    engine: EngineOpt = Engine.torch,
    by_length: Annotated[bool, typer.Option("--by-length", help="Also BLEU and chrF per source-length bucket "
                                            "(words: 1-10, 11-15, 16-20, 21-30, 31+).")] = False,
) -> None:
    """Translate a split and print BLEU and chrF with their sacreBLEU signatures.

    Example: nmt evaluate -m runs/multi30k_de_en/best.pt --split test
    """
    from nmt.data import load_splits
    from nmt.evaluate import score, score_by_length

    with _errors():
        if not model and hyp is None:
            raise NmtError("give --model to translate a split, or --hyp to score a file", exit_code=2)
        translator = None
        data = None
        if model:
            translator = _translator(model, engine, device, beam_size=beam, batch_size=batch_size,
                                     length_penalty=length_penalty, int8=int8, shortlist=shortlist)
            assert translator.config is not None
            data = translator.config.data
        ds = dataset or (data.dataset if data else None)
        src = src_lang or (data.src_lang if data else None)
        tgt = tgt_lang or (data.tgt_lang if data else None)
        if ds is None or src is None or tgt is None:
            raise NmtError("without --model, give --dataset, --src and --tgt", exit_code=2)
        pairs = load_splits(ds, data.name if data and not dataset else None, [split], src, tgt)[split].pairs
        refs = [t for _, t in pairs]
        if hyp is not None:
            if not hyp.is_file():
                raise NmtError(f"{hyp}: hypothesis file not found", exit_code=2)
            hyps = hyp.read_text(encoding="utf-8", errors="replace").splitlines()
            if len(hyps) != len(refs):
                raise NmtError(f"{hyp}: {len(hyps)} lines, but {ds} [{split}] has {len(refs)} references",
                               exit_code=2)
        else:
            assert translator is not None
            hyps = [h[0][0] for h in translator.translate([s for s, _ in pairs])]
        if save is not None:
            save.write_text("".join(h + "\n" for h in hyps), encoding="utf-8")
        scores = score(hyps, refs)
        buckets = score_by_length([s for s, _ in pairs], hyps, refs) if by_length else None
        if as_json:
            print(json.dumps({**scores.to_dict(), **({"by_length": buckets} if buckets else {})}, indent=2))
        else:
            print(f"BLEU {scores.bleu:.2f}  {scores.bleu_signature}")
            print(f"     {scores.bleu_detail}")
            print(f"chrF {scores.chrf:.2f}  {scores.chrf_signature}")
            for row in buckets or []:
                scored = f"BLEU {row['bleu']:6.2f}  chrF {row['chrf']:6.2f}" if row["sentences"] else "-"
                print(f"source words {row['bucket']:>6}: {row['sentences']:5d} sentences  {scored}")



# The commands around a trained model (serve, export, average, info) live in nmt/cli_tools.py;
# importing it registers them on ``app``.
from nmt import cli_tools  # noqa: E402,F401


def main() -> None:
    app()
