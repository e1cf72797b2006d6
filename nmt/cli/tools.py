"""The commands around a trained model: ``nmt serve``, ``nmt export``, ``nmt average``, ``nmt info``.

Registered on :data:`nmt.cli.app.app` when :mod:`nmt.cli` imports this module; same
conventions as :mod:`nmt.cli.core` (options → library call, :func:`nmt.cli.app.one_line_errors`
for one-line errors).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from nmt.cli.app import BeamOpt, Bf16Opt, DeviceOpt, Int8Opt, ModelOpt, ShortlistOpt, app, one_line_errors
from nmt.errors import NmtError


def _model_specs(specs: list[str]) -> list[tuple[str | None, Path]]:
    """``-m PATH`` or ``-m NAME=PATH``."""
    out = []
    for spec in specs:
        name, sep, path = spec.partition("=")
        if sep and name and "/" not in name and not Path(spec).exists():
            out.append((name, Path(path)))
        else:
            out.append((None, Path(spec)))
    return out


@app.command()
def serve(
    model: Annotated[list[str], typer.Option("--model", "-m", help="Checkpoint to serve, as PATH or NAME=PATH "
                                             "(repeatable; default name: the language pair, e.g. de-en).")],
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", "-p", min=0, max=65535, help="Port (0 = any free one).")] = 8000,
    beam: BeamOpt = None,
    int8: Int8Opt = None,
    bf16: Bf16Opt = None,
    shortlist: ShortlistOpt = None,
    batching: Annotated[str, typer.Option("--batching", help="window: batches of what arrived within --max-wait-ms (default); continuous: lines join a running search at any step; off: one request per batch.")] = "window",
    max_batch_tokens: Annotated[int, typer.Option("--max-batch-tokens", min=1, help="Source pieces decoded at once, across requests.")] = 4096,
    max_wait_ms: Annotated[float, typer.Option("--max-wait-ms", min=0.0, help="How long a line may wait for others to join it (window: from its arrival or a decoding process becoming free, whichever is later).")] = 10.0,
    min_batch_lines: Annotated[int, typer.Option("--min-batch-lines", min=0, help="window: wait (up to --max-wait-ms) for this many lines before a batch (0 = an even share of the lines in the server).")] = 0,
    workers: Annotated[int, typer.Option("--workers", min=0, help="Decoding processes, each with its own copy of the models (0 = one per CPU core; on a GPU, 1).")] = 0,
    threads: Annotated[int, typer.Option("--threads", min=0, help="torch threads per decoding process (0 = the cores shared among the processes).")] = 0,
    max_queue_lines: Annotated[int, typer.Option("--max-queue-lines", min=1, help="Lines waiting at most; beyond, 429 + Retry-After.")] = 4096,
    max_lines: Annotated[int, typer.Option("--max-lines", min=1, help="Lines per request.")] = 256,
    max_line_chars: Annotated[int, typer.Option("--max-line-chars", min=1, help="Characters per line.")] = 10_000,
    max_body_bytes: Annotated[int, typer.Option("--max-body-bytes", min=1, help="Request body size.")] = 1 << 20,
    max_beam: Annotated[int, typer.Option("--max-beam", min=1, help="Largest beam a request may ask for.")] = 16,
    timeout: Annotated[float, typer.Option("--timeout", min=0.001, help="Seconds a request may wait for its translation (then 503).")] = 30.0,
    drain: Annotated[float, typer.Option("--drain", min=0.0, help="Seconds to answer requests in flight after SIGTERM.")] = 30.0,
    log_format: Annotated[str, typer.Option("--log-format", help="Access log on stderr: text, json or none.")] = "text",
    device: DeviceOpt = "auto",
) -> None:
    """Serve models over HTTP: POST /v1/translate, GET /v1/models, /health, /ready, /metrics, /docs.

    Example: nmt serve -m runs/multi30k_de_en/best.pt --port 8000
    """

    with one_line_errors():
        try:
            from nmt.decoding.pool import layout
            from nmt.serving.app import Limits, ServerState
            from nmt.serving.app import serve as run_server
            from nmt.serving.batcher import DynamicBatcher
            from nmt.serving.workers import BeamPoolWorker, ProcessWorker
        except ImportError as exc:
            raise NmtError(f"nmt serve needs the serve extra ({exc.name} is missing): "
                           'pip install "nmt-rnn[serve]"', exit_code=2) from None
        import torch

        from nmt.checkpoint import load_checkpoint
        from nmt.decoding.translator import Translator
        from nmt.device import resolve_device
        from nmt.info import describe

        if log_format not in ("text", "json", "none"):
            raise NmtError(f"--log-format {log_format}: use text, json or none", exit_code=2)
        if batching not in ("continuous", "window", "off"):
            raise NmtError(f"--batching {batching}: use continuous, window or off", exit_code=2)
        translators, infos, specs = {}, {}, []
        for name, path in _model_specs(model):
            # This process only tokenizes and detokenizes: the decoding processes hold the models.
            payload = load_checkpoint(path)
            tr = Translator.text_only(path, payload, beam_size=beam, shortlist=shortlist)
            info = describe(path, payload)
            name = name or info["language_pair"]
            if name in translators:
                raise NmtError(f"-m {path}: the name {name} is taken by another model; "
                               "name them: -m NAME=PATH", exit_code=2)
            if tr.decode.beam_size > max_beam:
                raise NmtError(f"-m {path}: beam {tr.decode.beam_size} is over --max-beam {max_beam}", exit_code=2)
            translators[name], infos[name] = tr, info
            specs.append((name, str(path)))
        overrides = {"beam": beam, "int8": int8, "bf16": bf16, "shortlist": shortlist}  # Translator.load options
        workers, threads = layout(str(resolve_device(device, "--device")), workers, threads,
                                  torch.get_num_threads())
        try:
            decoders = [BeamPoolWorker(specs, device, threads, overrides, max_wait_ms) if batching == "continuous"
                        else ProcessWorker(specs, device, threads, overrides) for _ in range(workers)]
        except RuntimeError as exc:
            raise NmtError(str(exc)) from None
        batcher = DynamicBatcher(translators, max_batch_tokens, max_wait_ms if batching != "off" else 0.0,
                                 max_queue_lines, workers, decode_workers=decoders, min_batch_lines=min_batch_lines)
        state = ServerState(translators, infos, batcher, Limits(max_body_bytes, max_lines, max_line_chars,
                                                                max_beam, timeout), log_format)

        def announce(bound: int) -> None:
            names = ", ".join(f"{n} ({infos[n]['file']})" for n in translators)
            procs = f"{workers} decoding process{'es' if workers > 1 else ''}" + (
                f" x {threads} thread{'s' if threads > 1 else ''}" if threads else "")
            print(f"nmt serve: {names} on http://{host}:{bound} ({procs}; API docs at /docs)",
                  file=sys.stderr, flush=True)

        try:
            run_server(state, host, port, drain, announce)
        except OSError as exc:
            raise NmtError(f"--host {host} --port {port}: cannot listen there ({exc.strerror or exc})",
                           exit_code=1) from None


@app.command()
def average(
    checkpoints: Annotated[list[Path], typer.Argument(help="Checkpoints of one model (e.g. a run's valid-*.pt).")],
    out: Annotated[Path, typer.Option("--output", "-o", help="Write the averaged checkpoint here.")],
    force: Annotated[bool, typer.Option("--force", help="Replace an existing output file.")] = False,
) -> None:
    """Average the weights of checkpoints (config, tokenizer and shortlist from the first).

    Example: nmt average runs/multi30k_de_en/valid-*.pt -o runs/multi30k_de_en/averaged.pt
    """
    from nmt.checkpoint import average_checkpoints, save_checkpoint

    with one_line_errors():
        if len(checkpoints) < 2:
            raise NmtError("give at least two checkpoints to average", exit_code=2)
        if out.exists() and not force:
            raise NmtError(f"{out}: exists; pass --force to replace it", exit_code=2)
        if any(out.resolve() == c.resolve() for c in checkpoints if c.exists()):
            raise NmtError(f"-o {out}: is one of the inputs", exit_code=2)
        save_checkpoint(out, average_checkpoints(checkpoints))
        print(f"averaged {len(checkpoints)} checkpoints into {out}", file=sys.stderr)


@app.command()
def export(
    model: ModelOpt,
    out: Annotated[Path, typer.Option("--output", "-o", help="Folder to write into.")],
    format: Annotated[str, typer.Option("--format", help="hub: a model folder to share (safetensors, config.json, "
                                        "SentencePiece, model card); onnx: graphs for onnxruntime.")] = "onnx",
    dtype: Annotated[str, typer.Option("--dtype", help="hub: float32, float16 or bfloat16 weights.")] = "float32",
    scores: Annotated[Optional[Path], typer.Option("--scores", help="hub: the JSON of nmt evaluate --json, quoted "
                                                   "in the model card.")] = None,
    int8: Annotated[bool, typer.Option("--int8", help="onnx: also write int8 graphs (dynamic quantization).")] = False,
    force: Annotated[bool, typer.Option("--force", help="Write into a folder that holds an export.")] = False,
) -> None:
    """Export a checkpoint: a model folder to share or load (hub), or onnxruntime graphs (onnx).

    Example: nmt export -m runs/multi30k_de_en/best.pt --format hub -o models/de-en --scores test.json
    """
    with one_line_errors():
        if format not in ("hub", "onnx"):
            raise NmtError(f"--format {format}: use hub or onnx", exit_code=2)
        if out.exists() and not out.is_dir():
            raise NmtError(f"-o {out}: exists and is not a folder", exit_code=2)
        if format == "hub":
            from nmt.card import read_scores
            from nmt.export import export_folder
            from nmt.folder import CONFIG

            if (out / CONFIG).exists() and not force:
                raise NmtError(f"{out}: holds a model folder; pass --force to replace it", exit_code=2)
            files = export_folder(model, out, dtype, read_scores(scores) if scores is not None else None)
            print(f"exported {model} to {out}: {', '.join(files)}", file=sys.stderr)
            return
        import importlib.util

        for needed in ("onnx", "onnxruntime"):  # torch's exporter needs onnx; int8 and checks onnxruntime
            if importlib.util.find_spec(needed) is None:
                raise NmtError(f'nmt export needs the onnx extra ({needed} is missing): pip install "nmt-rnn[onnx]"',
                               exit_code=2)
        from nmt.decoding.translator import load_model
        from nmt.export import export_onnx

        if (out / "manifest.json").exists() and not force:
            raise NmtError(f"{out}: holds an export; pass --force to replace it", exit_code=2)
        cfg, net, tok, shortlist = load_model(model)
        manifest = export_onnx(net, cfg.to_dict(), tok.src_proto, tok.tgt_proto, shortlist, out, int8, str(model))
        print(f"exported {model} to {out}: {', '.join(manifest['files'])}", file=sys.stderr)


@app.command()
def info(
    model: ModelOpt,
    as_json: Annotated[bool, typer.Option("--json", help="Print as JSON.")] = False,
) -> None:
    """What a checkpoint holds: language pair, model, parameters, vocabulary, training, versions.

    Example: nmt info -m runs/multi30k_de_en/best.pt
    """
    from nmt.info import describe, format_info

    with one_line_errors():
        summary = describe(model)
        print(json.dumps(summary, indent=2) if as_json else format_info(summary))

