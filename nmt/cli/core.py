"""The core commands: ``nmt train``, ``nmt translate``, ``nmt evaluate``, ``nmt distill``.

Each reads its options, calls the public API (:func:`nmt.train`,
:meth:`nmt.Translator.load` and its ``translate`` methods, :func:`nmt.score`,
:func:`nmt.distill`) and prints; errors go through :func:`nmt.cli.app.one_line_errors`.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from nmt.cli.app import (
    BatchOpt,
    BeamOpt,
    Bf16Opt,
    DeviceOpt,
    Engine,
    EngineOpt,
    Int8Opt,
    LpOpt,
    ModelsOpt,
    SetOpt,
    ShortlistOpt,
    SrcLangOpt,
    TgtLangOpt,
    app,
    one_line_errors,
)
from nmt.errors import NmtError

if TYPE_CHECKING:
    from nmt.decoding.sampling import Sampling


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
    from nmt.training.trainer import train as run_training

    with one_line_errors():
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


def _sampling(sample: bool, temperature: float, top_k: int, top_p: float, seed: int) -> Sampling | None:
    from nmt.decoding.sampling import Sampling

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
    bf16: Bf16Opt = None,
    shortlist: ShortlistOpt = None,
    device: DeviceOpt = "auto",
    threads: Annotated[int, typer.Option("--threads", min=0, help="torch threads (a process's with --workers; 0 = default).")] = 0,
    workers: Annotated[int, typer.Option("--workers", min=0, help="Decoding processes, each with a copy of the model and its own lines (0 = one per CPU core).")] = 1,
    attention: Annotated[Optional[Path], typer.Option("--attention", help="Write each line's attention "
                         "picture into this folder (NNNNNN.png, by line number).")] = None,
    attention_format: Annotated[str, typer.Option("--attention-format", help="png (needs nmt[plot]) or json.")] = "png",
    sample: SampleOpt = False,
    temperature: TempOpt = 1.0,
    top_k: TopKOpt = 0,
    top_p: TopPOpt = 1.0,
    seed: SeedOpt = 0,
    engine: EngineOpt = Engine.torch,
    tgt_lang: TgtLangOpt = None,
    src_lang: SrcLangOpt = None,
) -> None:
    """Translate stdin (or --input) line by line to stdout (or --output).

    Example: echo "Ein Hund läuft über die Wiese." | nmt translate -m runs/multi30k_de_en/best.pt

    Several -m: an ensemble. --sample: sampled translations (back-translation).
    """
    from nmt.decoding.lines import translate_stream
    from nmt.decoding.pool import open_pool
    from nmt.decoding.translator import Translator

    with one_line_errors():
        sampling = _sampling(sample, temperature, top_k, top_p, seed)
        if attention is not None and workers != 1:
            raise NmtError("--attention writes from one process: use --workers 1", exit_code=2)
        writer = None
        if attention is not None:
            from nmt.decoding.plot import AttentionWriter

            writer = AttentionWriter(attention, attention_format)
        load = dict(path=model, engine=engine.value, device=device, threads=threads, sampling=sampling, beam=beam,
                    batch_size=batch_size, length_penalty=length_penalty, int8=int8, bf16=bf16, shortlist=shortlist)
        options = dict(tgt_lang=tgt_lang, src_lang=src_lang)
        translator = Translator.load(**load).with_options(**options)
        translator.source_tag()  # a multilingual model without --tgt-lang fails before reading a line
        if n_best > translator.decode.beam_size and sampling is None:
            raise NmtError(f"--n-best {n_best} needs --beam >= {n_best}", exit_code=2)
        if input is not None and not input.is_file():
            raise NmtError(f"{input}: input file not found", exit_code=2)
        src = open(input, "rb") if input is not None else sys.stdin.buffer
        pool = None
        try:  # the pool inside: the input is closed even if a decoding process fails to start
            pool = open_pool(load, options, workers, threads, str(translator.device)) if workers != 1 else None
            if output is None:
                translate_stream(translator, src, sys.stdout, n_best, on_attention=writer, pool=pool)
            else:
                # Written beside the target and renamed at the end: an earlier output is
                # never left half-overwritten.
                tmp = output.with_name(f".{output.name}.partial")
                with open(tmp, "w", encoding="utf-8", newline="\n") as f:
                    translate_stream(translator, src, f, n_best, on_attention=writer, pool=pool)
                os.replace(tmp, output)
        finally:
            if pool is not None:
                pool.close()
            if input is not None:
                src.close()


@app.command()
def evaluate(
    model: Annotated[Optional[list[Path]], typer.Option("--model", "-m", help="Checkpoint to translate with "
                                                      "(repeat for an ensemble; with --compare, one system each).")] = None,
    dataset: Annotated[Optional[str], typer.Option("--dataset", help="Hub id or local path (default: the model's).")] = None,
    split: Annotated[str, typer.Option("--split", help="Split to score.")] = "test",
    hyp: Annotated[Optional[list[Path]], typer.Option("--hyp", help="Score this hypothesis file instead of "
                                                      "translating (repeat with --compare).")] = None,
    src_lang: Annotated[Optional[str], typer.Option("--src", help="Source language (default: the model's).")] = None,
    tgt_lang: Annotated[Optional[str], typer.Option("--tgt", help="Target language (default: the model's).")] = None,
    save: Annotated[Optional[Path], typer.Option("--save-hyp", help="Write the hypotheses here.")] = None,
    beam: BeamOpt = None,
    batch_size: BatchOpt = None,
    length_penalty: LpOpt = None,
    int8: Int8Opt = None,
    bf16: Bf16Opt = None,
    shortlist: ShortlistOpt = None,
    device: DeviceOpt = "auto",
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    engine: EngineOpt = Engine.torch,
    by_length: Annotated[bool, typer.Option("--by-length", help="Also BLEU and chrF per source-length bucket "
                                            "(words: 1-10, 11-15, 16-20, 21-30, 31+).")] = False,
    compare: Annotated[bool, typer.Option("--compare", help="Score each -m and --hyp as its own system and test "
                                          "each against the first (sacreBLEU's paired test).",
                                          rich_help_panel="Significance")] = False,
    paired_test: Annotated[str, typer.Option("--paired-test", help="bs: paired bootstrap resampling; ar: approximate "
                                             "randomization.", rich_help_panel="Significance")] = "bs",
    samples: Annotated[int, typer.Option("--samples", min=0, help="Resamples (bs, default 1000) or trials "
                                         "(ar, default 10000).", rich_help_panel="Significance")] = 0,
    direction: Annotated[Optional[str], typer.Option("--direction", help="A multilingual model's direction, "
                         "SRC-TGT (default: each it was trained on; any pair of its languages).")] = None,
) -> None:
    """Translate a split and print BLEU and chrF with their sacreBLEU signatures.

    Example: nmt evaluate -m runs/multi30k_de_en/best.pt --split test

    Compare systems: nmt evaluate --compare -m A.pt -m B.pt [--hyp C.txt] (p-values against A).
    """
    from nmt.config.directions import Direction, directions_of, is_multilingual
    from nmt.decoding.translator import Translator

    with one_line_errors():
        models, hyps_files = list(model or []), list(hyp or [])
        if not models and not hyps_files:
            raise NmtError("give --model to translate a split, or --hyp to score a file", exit_code=2)
        if not compare and len(hyps_files) > 1:
            raise NmtError("several --hyp files need --compare", exit_code=2)
        if not compare and models and hyps_files:
            raise NmtError("give --model or --hyp, not both (or --compare to test them against each other)",
                           exit_code=2)

        def load(paths: list[Path]) -> Translator:
            return Translator.load(paths, engine=engine.value, device=device, beam=beam, batch_size=batch_size,
                                   length_penalty=length_penalty, int8=int8, bf16=bf16, shortlist=shortlist)

        translators = [load([m]) for m in models] if compare else ([load(models)] if models else [])
        data = translators[0].config.data if translators and translators[0].config else None
        if direction is not None:
            chosen = Direction.parse(direction, "--direction")
            src_lang, tgt_lang = chosen.src, chosen.tgt
        pairs_to_score = ([(x.src, x.tgt) for x in directions_of(data)]
                          if data is not None and is_multilingual(data) and not (src_lang or tgt_lang)
                          else [(src_lang, tgt_lang)])
        if len(pairs_to_score) > 1 and (compare or hyps_files or save is not None):
            raise NmtError("this model has several directions: choose one with --direction", exit_code=2)
        results = {}
        for src, tgt in pairs_to_score:
            if data is not None and is_multilingual(data):
                translators = [tr.with_options(src_lang=src, tgt_lang=tgt) for tr in translators]
            results[f"{src}-{tgt}"] = _evaluate_one(
                translators, models, hyps_files, data, dataset, split, src, tgt, save, by_length, compare,
                paired_test, samples, as_json, header=len(pairs_to_score) > 1)
        if as_json and len(pairs_to_score) > 1:
            mean = sum(r["bleu"] for r in results.values()) / len(results)
            print(json.dumps({"directions": results, "mean_bleu": round(mean, 2)}, indent=2))
        elif len(pairs_to_score) > 1:
            print(f"mean BLEU over {len(results)} directions: "
                  f"{sum(r['bleu'] for r in results.values()) / len(results):.2f}")


def _evaluate_one(translators: list, models: list[Path], hyps_files: list[Path], data: Any, dataset: str | None,
                  split: str, src: str | None, tgt: str | None, save: Path | None, by_length: bool, compare: bool,
                  paired_test: str, samples: int, as_json: bool, header: bool) -> dict:
    """``nmt evaluate`` for one direction: score (or compare) and print; the scores as a dict.
    ``header``: one of several directions (its name printed first; with --json, printed by the caller)."""
    from nmt.data.sources import load_splits
    from nmt.metrics import score, score_by_length

    ds = dataset or (data.dataset if data else None)
    src = src or (data.src_lang if data else None)
    tgt = tgt or (data.tgt_lang if data else None)
    if ds is None or src is None or tgt is None:
        raise NmtError("without --model, give --dataset, --src and --tgt", exit_code=2)
    pairs = load_splits(ds, data.name if data and not dataset else None, [split], src, tgt)[split].pairs
    refs = [t for _, t in pairs]
    systems: list[tuple[str, list[str]]] = []
    for path, tr in zip(models if compare else ["+".join(map(str, models))], translators):
        systems.append((str(path), tr.translate([s for s, _ in pairs])))
    for path in hyps_files:
        if not path.is_file():
            raise NmtError(f"{path}: hypothesis file not found", exit_code=2)
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
        if len(lines) != len(refs):
            raise NmtError(f"{path}: {len(lines)} lines, but {ds} [{split}] has {len(refs)} references",
                           exit_code=2)
        systems.append((str(path), lines))
    where = {"dataset": ds, "split": split, "src_lang": src, "tgt_lang": tgt,
             "beam_size": translators[0].decode.beam_size if translators else None}
    if compare:
        _print_comparison(systems, refs, paired_test, samples, where, as_json)
        return where
    hyps = systems[0][1]
    if save is not None:
        save.write_text("".join(h + "\n" for h in hyps), encoding="utf-8")
    scores = score(hyps, refs)
    buckets = score_by_length([s for s, _ in pairs], hyps, refs) if by_length else None
    result = {**scores.to_dict(), **where, **({"by_length": buckets} if buckets else {})}
    if as_json and not header:
        print(json.dumps(result, indent=2))
    elif not as_json:
        if header:
            print(f"{src}-{tgt}:")
        print(f"BLEU {scores.bleu:.2f}  {scores.bleu_signature}")
        print(f"     {scores.bleu_detail}")
        print(f"chrF {scores.chrf:.2f}  {scores.chrf_signature}")
        for row in buckets or []:
            scored = f"BLEU {row['bleu']:6.2f}  chrF {row['chrf']:6.2f}" if row["sentences"] else "-"
            print(f"source words {row['bucket']:>6}: {row['sentences']:5d} sentences  {scored}")
    return result


def _print_comparison(systems: list[tuple[str, list[str]]], refs: list[str], test: str, samples: int,
                      where: dict, as_json: bool) -> None:
    """The table of ``nmt evaluate --compare``: each system's scores, 95% intervals and p-values."""
    from nmt.metrics import compare

    rows, signatures = compare(systems, refs, test, samples)
    if as_json:
        print(json.dumps({"test": test, "systems": [r.to_dict() for r in rows], "signatures": signatures,
                          "threshold": 0.05, **where}, indent=2))
        return

    def cell(value: float, mean: float | None, ci: float | None, p: float | None, same: bool) -> str:
        text = f"{value:6.2f}" + (f" ({mean:.2f} ± {ci:.2f})" if mean is not None and ci is not None else "")
        if same:
            text += "  identical output (no difference to test)"
        elif p is not None:
            text += f"  p = {p:.4f}" + (" *" if p < 0.05 else " (not significant)")
        return text

    width = max(len(r.name) for r in rows)
    name = "paired bootstrap resampling" if test == "bs" else "approximate randomization"
    interval = " (μ ± 95% CI)" if test == "bs" else ""
    print(f"{'system':<{width}}  BLEU{interval}")
    for i, r in enumerate(rows):
        print(f"{r.name:<{width}}  {cell(r.bleu, r.bleu_mean, r.bleu_ci, r.bleu_p, r.identical)}" + ("  [baseline]" if i == 0 else ""))
    print(f"{'system':<{width}}  chrF{interval}")
    for i, r in enumerate(rows):
        print(f"{r.name:<{width}}  {cell(r.chrf, r.chrf_mean, r.chrf_ci, r.chrf_p, r.identical)}" + ("  [baseline]" if i == 0 else ""))
    print(f"{name}, each system against the first; * = p < 0.05")
    print(f"BLEU {signatures['bleu']}")
    print(f"chrF {signatures['chrf']}")


@app.command()
def distill(
    model: ModelsOpt,
    out: Annotated[Path, typer.Option("--out", "-o", help="The dataset folder to write (SPLIT.jsonl per split).")],
    split: Annotated[Optional[list[str]], typer.Option("--split", help="Split to translate; repeat for several "
                     "(default: the teacher's training and validation splits).")] = None,
    dataset: Annotated[Optional[str], typer.Option("--dataset", help="Hub id or local path (default: the teacher's).")] = None,
    beam: BeamOpt = None,
    batch_size: BatchOpt = None,
    length_penalty: LpOpt = None,
    keep_original: Annotated[bool, typer.Option("--keep-original/--no-keep-original", help="Keep the original "
                             "target beside the teacher's, as column TGT_original.")] = True,
    device: DeviceOpt = "auto",
    threads: Annotated[int, typer.Option("--threads", min=0, help="torch threads (0 = default).")] = 0,
    overwrite: Annotated[bool, typer.Option("--overwrite", help="Start again in a folder that holds another job.")] = False,
    progress: Annotated[Optional[bool], typer.Option("--progress/--no-progress", help="Progress bar (default: when stderr is a terminal).")] = None,
) -> None:
    """Translate a corpus with a teacher (several -m: an ensemble) for a student to learn from.

    Example: nmt distill -m runs/seed1/best.pt -m runs/seed2/best.pt -o runs/distilled

    Writes train.jsonl and validation.jsonl (source, the teacher's target, the original
    target as TGT_original) and distill.json. Killed, the same command continues where it
    stopped. Train a student on it with data.corpora (docs/distillation.md).
    """
    from nmt.decoding.distill import distill as run_distill

    with one_line_errors():
        result = run_distill(model, out, splits=split, dataset=dataset, beam=beam, batch_size=batch_size,
                             length_penalty=length_penalty, device=device, threads=threads,
                             keep_original=keep_original, overwrite=overwrite, progress=progress)
        rows = ", ".join(f"{s} {n}" for s, n in result.rows.items())
        speed = f" at {result.sentences_per_s:.1f} sentences/s" if result.seconds else ""
        print(f"{result.folder}: {rows} rows{speed}", file=sys.stderr)
