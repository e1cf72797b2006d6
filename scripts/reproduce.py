#!/usr/bin/env python
"""Reproduce one results row: train CONFIG from scratch offline, evaluate test2016, write JSON.

    python scripts/reproduce.py configs/multi30k_de_en.yaml [--seed 2] [--set train.max_time=3300]

Writes ``scripts/results/<config-name>[-<tag>].json`` with BLEU and chrF (and
their sacreBLEU signatures), the seed, git commit, resolved config, wall time,
training tokens/s, time to best validation BLEU, parameter count, CPU model and
thread count. The table in docs/results.md is generated from those files by
``scripts/results_table.py``; nothing in it is typed by hand.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from sysinfo import cpu_model, git_commit, git_dirty

ROOT = Path(__file__).resolve().parent.parent


def _restore_corpora(config: Path, overrides: list[str]) -> None:
    """A corpus made by a script of this repo (runs/distilled/NAME: scripts/distill_teacher.py;
    runs/bt/NAME: scripts/back_translate.py) is gone with the session that made it, as all of
    runs/; its generated side is committed, so rebuild the folder from it (checked by SHA-256)
    rather than fail, or spend hours making it again."""
    from nmt.config import load_config

    data = ROOT.parent / "shared" / "data" / "multi30k"
    for corpus in load_config(config, overrides).data.corpora:
        folder = (Path.cwd() / corpus.dataset).resolve()  # as `nmt train` (run here) reads it
        kind = folder.parent.name
        kept = ROOT / "scripts" / "results" / kind / folder.name
        if folder.parent.parent != (ROOT / "runs").resolve():
            continue
        if kind == "distilled" and (kept / "distill.json").is_file() and not (folder / "distill.json").is_file():
            from distill_teacher import restore

            restore(kept, folder, data)
        elif kind == "bt" and (kept / "bt.json").is_file() and not (folder / "train.de").is_file():
            from back_translate import restore

            restore(kept, folder, data)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("config", type=Path)
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--tag", default="", help="suffix of the results file name (default: seed<N> when --seed)")
    ap.add_argument("--set", dest="overrides", action="append", default=[], help="config override")
    ap.add_argument("--beam", type=int, default=None, help="beam size for the test evaluation")
    ap.add_argument("--resume", action="store_true",
                    help="continue an interrupted run of this row from its last.pt (nmt train --resume)")
    ap.add_argument("--runs", type=Path, default=ROOT / "runs", help="where run folders go")
    ap.add_argument("--results", type=Path, default=ROOT / "scripts" / "results")
    args = ap.parse_args()

    os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    overrides = list(args.overrides)
    tag = args.tag
    if args.seed is not None:
        overrides.append(f"train.seed={args.seed}")
        tag = tag or f"seed{args.seed}"
    name = args.config.stem + (f"-{tag}" if tag else "")
    out = args.runs / name
    sets = [a for o in overrides for a in ("--set", o)]

    _restore_corpora(args.config, overrides)
    # The checkout as it is when training starts (a commit made while it runs is not this run's).
    commit, dirty = git_commit(), git_dirty()
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "nmt", "train", str(args.config), "--out", str(out),
                    "--resume" if args.resume else "--overwrite", "--no-progress", *sets], check=True)
    train_wall = time.perf_counter() - t0

    import torch

    from nmt.checkpoint import config_of, load_checkpoint, tokenizer_of
    from nmt.model import build_model
    from nmt.model.seq2seq import count_parameters

    payload = load_checkpoint(out / "best.pt")
    cfg = config_of(payload)
    tok = tokenizer_of(payload)
    params = count_parameters(build_model(cfg.model, tok.src_vocab_size, tok.tgt_vocab_size))

    beam = ["--beam", str(args.beam)] if args.beam else []

    def evaluate(hyp: str, *flags: str) -> dict:
        ev = subprocess.run([sys.executable, "-m", "nmt", "evaluate", "-m", str(out / "best.pt"),
                             "--split", cfg.data.test_split, "--json", "--save-hyp", str(out / hyp), *beam, *flags],
                            check=True, capture_output=True, text=True)
        return json.loads(ev.stdout)

    # The row's BLEU is over the whole vocabulary, as every earlier row; with
    # decode.shortlist the shortlist's BLEU (what `nmt translate` gives by
    # default) is recorded beside it.
    t1 = time.perf_counter()
    scores = evaluate("test.hyp", "--no-shortlist")
    eval_wall = time.perf_counter() - t1
    listed = None
    if cfg.decode.shortlist and "shortlist" in payload:
        s = evaluate("test.shortlist.hyp", "--shortlist")
        listed = {"bleu": s["bleu"], "chrf": s["chrf"], "frequent": cfg.decode.shortlist_frequent,
                  "per_source": cfg.decode.shortlist_per_source}

    log = [json.loads(line) for line in (out / "train_log.jsonl").read_text().splitlines() if line.strip()]
    train_rows = [r for r in log if r["kind"] == "train"]
    valid_rows = [r for r in log if r["kind"] == "valid"]
    best = max(valid_rows, key=lambda r: r["valid_bleu"])
    # Skip the first window (warm-up, SentencePiece/tensor allocation).
    speeds = [r["tgt_tokens_per_s"] for r in train_rows[1:]] or [r["tgt_tokens_per_s"] for r in train_rows]

    result = {
        "config": str(args.config),
        "name": name,
        "src_lang": cfg.data.src_lang,
        "tgt_lang": cfg.data.tgt_lang,
        "cell": cfg.model.cell,
        "seed": cfg.train.seed,
        "test_split": cfg.data.test_split,
        "beam_size": args.beam or cfg.decode.beam_size,
        "bleu": scores["bleu"],
        "chrf": scores["chrf"],
        "bleu_signature": scores["bleu_signature"],
        "chrf_signature": scores["chrf_signature"],
        "bleu_detail": scores["bleu_detail"],
        "shortlist": listed,
        "best_valid_bleu": best["valid_bleu"],
        "best_step": best["step"],
        "time_to_best_valid_s": best["elapsed"],
        # The first validation at or above 40 BLEU (issue 17's goal on a GPU), None if none was.
        "time_to_valid_bleu_40_s": next((r["elapsed"] for r in valid_rows if r["valid_bleu"] >= 40.0), None),
        "step_to_valid_bleu_40": next((r["step"] for r in valid_rows if r["valid_bleu"] >= 40.0), None),
        "steps": train_rows[-1]["step"] if train_rows else 0,
        # With --resume, the wall time of the resumed part only (train_log's elapsed spans both).
        "train_wall_s": round(train_wall, 1),
        "resumed": args.resume,
        "eval_wall_s": round(eval_wall, 1),
        "train_tgt_tokens_per_s_median": round(statistics.median(speeds), 1) if speeds else None,
        "parameters": params,
        "cpu": cpu_model(),
        "gpu": torch.cuda.get_device_name(0) if cfg.train.device != "cpu" and torch.cuda.is_available() else None,
        "threads": torch.get_num_threads() if not cfg.train.threads else cfg.train.threads,
        "torch": torch.__version__,
        "git_commit": commit,
        "git_dirty": dirty,
        "command": " ".join(["python", "scripts/reproduce.py", str(args.config)]
                            + (["--seed", str(args.seed)] if args.seed is not None else [])
                            + (["--tag", args.tag] if args.tag else [])
                            + [a for o in args.overrides for a in ("--set", o)]
                            + (["--beam", str(args.beam)] if args.beam else [])
                            + (["--resume"] if args.resume else [])),
        "resolved_config": cfg.to_dict(),
    }
    args.results.mkdir(parents=True, exist_ok=True)
    # The test hypotheses travel with the row, so that a later `nmt evaluate
    # --compare --hyp` can test a difference for significance without the model.
    hyps = args.results / "hyps"
    hyps.mkdir(exist_ok=True)
    hyp_file = hyps / f"{name}.{cfg.data.test_split}.{cfg.data.tgt_lang}"
    hyp_file.write_text((out / "test.hyp").read_text())
    result["hyp_file"] = str(hyp_file.relative_to(ROOT)) if hyp_file.is_relative_to(ROOT) else str(hyp_file)
    if listed is not None:  # the shortlist's output too: shortlist vs full vocabulary, tested
        listed_file = hyps / f"{name}.{cfg.data.test_split}.shortlist.{cfg.data.tgt_lang}"
        listed_file.write_text((out / "test.shortlist.hyp").read_text())
        listed["hyp_file"] = str(listed_file.relative_to(ROOT)) if listed_file.is_relative_to(ROOT) else str(listed_file)
    path = args.results / f"{name}.json"
    path.write_text(json.dumps(result, indent=2) + "\n")
    print(f"{name}: test BLEU {result['bleu']:.2f} chrF {result['chrf']:.2f} "
          f"(best valid BLEU {best['valid_bleu']:.2f} at {best['elapsed']:.0f}s) -> {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
