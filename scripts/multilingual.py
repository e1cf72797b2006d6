#!/usr/bin/env python
"""One model for six directions against six bilingual ones, and zero-shot against pivoting.

    python scripts/multilingual.py [--train [--set KEY=VALUE ...]] [--model runs/multi30k_multilingual/best.pt]
                                   [--threads 2] [--json scripts/results/multilingual.json]

With ``--train``, first trains configs/multi30k_multilingual.yaml (``nmt train``, its
6,000 steps) into runs/multi30k_multilingual. Then, on Multi30k test2016 at beam 5:

* each trained direction: the multilingual model's BLEU/chrF against the bilingual
  model's (``scripts/results/multi30k_SRC_TGT.json``, written by scripts/reproduce.py),
  with sacreBLEU's paired bootstrap test of the two outputs where the bilingual row
  kept its hypotheses (``hyp_file``);
* zero-shot de->fr, de->cs, fr->cs, ... (pairs the model never saw together) against
  pivoting through English with the same model (de->en, then en->fr), tested the same way.

Every output is kept in scripts/results/hyps (``multi30k_multilingual.SRC-TGT.test.TGT``),
so that scripts/significance.py can test a bilingual row kept later against it.

Every figure in docs/results.md's multilingual table comes from the JSON this writes.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from sysinfo import bench_parser, provenance, test_rows, write_json

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "configs" / "multi30k_multilingual.yaml"
RUN = ROOT / "runs" / "multi30k_multilingual"
HYPS = ROOT / "scripts" / "results" / "hyps"


def keep(name: str, lines: list[str]) -> None:
    """Keep an output in scripts/results/hyps: the model does not outlive the session, and a
    bilingual row kept later can then be tested against it (scripts/significance.py)."""
    HYPS.mkdir(parents=True, exist_ok=True)
    (HYPS / name).write_text("".join(line + "\n" for line in lines), encoding="utf-8")
PIVOT = "en"


def main() -> int:
    ap = bench_parser(__doc__, lines=None, beam=5)
    ap.add_argument("--train", action="store_true", help="train the model first (nmt train, its config's steps)")
    ap.add_argument("--model", type=Path, default=RUN / "best.pt")
    ap.add_argument("--results", type=Path, default=ROOT / "scripts" / "results", help="the bilingual rows")
    ap.add_argument("--set", dest="overrides", action="append", default=[], help="config override for --train")
    ap.add_argument("--trained-with", default=None,
                    help="without --train: the command that trained --model (recorded in the JSON)")
    args = ap.parse_args()

    train_wall = None
    train_cmd = [sys.executable, "-m", "nmt", "train", str(CONFIG), "--out", str(args.model.parent),
                 "--overwrite", "--no-progress", *[a for o in args.overrides for a in ("--set", o)]]
    trained_with = args.trained_with
    if args.train:
        t0 = time.perf_counter()
        subprocess.run(train_cmd, check=True)
        train_wall = round(time.perf_counter() - t0, 1)
        trained_with = " ".join(["nmt", *train_cmd[3:]])

    import torch

    import nmt
    from nmt.config.directions import directions_of
    from nmt.info import describe
    from nmt.metrics import compare

    torch.set_num_threads(args.threads)
    tr = nmt.Translator.load(args.model, beam=args.beam, shortlist=False, threads=args.threads)
    rows = test_rows()
    info = describe(args.model)

    def significance(baseline: tuple[str, list[str]], system: tuple[str, list[str]], refs: list[str]) -> dict:
        b, s = compare([baseline, system], refs)[0]
        return {"baseline_bleu": b.bleu, "bleu": s.bleu, "bleu_ci": s.bleu_ci, "bleu_p": s.bleu_p,
                "baseline_chrf": b.chrf, "chrf": s.chrf, "chrf_p": s.chrf_p}

    directions, seconds = [], 0.0
    for x in directions_of(tr.config.data):
        src, refs = [r[x.src] for r in rows], [r[x.tgt] for r in rows]
        t0 = time.perf_counter()
        hyps = tr.translate(src, tgt_lang=x.tgt)
        keep(f"multi30k_multilingual.{x.src}-{x.tgt}.test.{x.tgt}", hyps)
        seconds += time.perf_counter() - t0
        scores = nmt.score(hyps, refs)
        row = {"direction": str(x), "bleu": scores.bleu, "chrf": scores.chrf}
        bilingual = _bilingual(args.results, x.src, x.tgt)
        if bilingual is not None:
            row.update(bilingual_bleu=bilingual["bleu"], bilingual_chrf=bilingual["chrf"],
                       bilingual_row=bilingual["name"], delta_bleu=round(scores.bleu - bilingual["bleu"], 2))
            hyp_file = ROOT / bilingual["hyp_file"] if bilingual.get("hyp_file") else None
            if hyp_file is not None and hyp_file.is_file():
                base = hyp_file.read_text(encoding="utf-8").splitlines()
                row["significance"] = significance((bilingual["name"], base), ("multilingual", hyps), refs)
        directions.append(row)
        print(f"{x}: BLEU {scores.bleu:.2f} chrF {scores.chrf:.2f}"
              + (f" (bilingual {row['bilingual_bleu']:.2f}" if "bilingual_bleu" in row else "")
              + (f", p = {row['significance']['bleu_p']})" if "significance" in row else ")" if "bilingual_bleu" in row else ""))

    trained = directions_of(tr.config.data)
    sources, targets = {x.src for x in trained}, {x.tgt for x in trained}
    never = sorted({(s, t) for s in sources for t in targets if PIVOT not in (s, t) and s != t}
                   - {(x.src, x.tgt) for x in trained})
    zero = []
    for s, t in never:
        src, refs = [r[s] for r in rows], [r[t] for r in rows]
        direct = tr.translate(src, tgt_lang=t)
        pivot = tr.translate(tr.translate(src, tgt_lang="en"), tgt_lang=t)
        keep(f"multi30k_multilingual.{s}-{t}.zero-shot.test.{t}", direct)
        keep(f"multi30k_multilingual.{s}-{t}.pivot.test.{t}", pivot)
        test = significance(("pivot", pivot), ("zero-shot", direct), refs)
        zero.append({"direction": f"{s}-{t}", "zero_shot_bleu": test["bleu"], "zero_shot_chrf": test["chrf"],
                     "pivot_bleu": test["baseline_bleu"], "pivot_chrf": test["baseline_chrf"],
                     "bleu_p": test["bleu_p"], "chrf_p": test["chrf_p"],
                     # A zero-shot model often answers in the wrong language: the share of outputs
                     # that are the English pivot's words, not the target language's, says how often.
                     "copied_english_share": _english_share(direct, tr.translate(src, tgt_lang="en"))})
        print(f"{s}-{t}: zero-shot BLEU {test['bleu']:.2f} vs pivot {test['baseline_bleu']:.2f} (p = {test['bleu_p']})")

    data = {
        "model": str(args.model.relative_to(ROOT)) if args.model.is_relative_to(ROOT) else str(args.model),
        "config": str(CONFIG.relative_to(ROOT)),
        "directions": directions,
        "mean_bleu": round(sum(d["bleu"] for d in directions) / len(directions), 2),
        "zero_shot": zero,
        "parameters": info["parameters"],
        "steps": info["training"]["step"], "best_step": info["training"]["best_step"],
        "best_valid_bleu": info["training"]["best_valid_bleu"],
        "train_seconds": info["training"]["train_seconds"], "train_wall_s": train_wall,
        "trained_with": trained_with,
        "test_split": "test", "beam_size": args.beam, "shortlist": False,
        "decode_seconds": round(seconds, 1), "threads": args.threads, "torch": torch.__version__,
        "test": "paired bootstrap resampling (sacrebleu.significance, 1,000 resamples), each against the "
                "bilingual model or the pivot",
        "bleu_signature": nmt.score(["a"], ["a"]).bleu_signature,
        **provenance(),
    }
    write_json(args.json, data)
    return 0


def _bilingual(results: Path, src: str, tgt: str) -> dict | None:
    """The bilingual row of ``src``-``tgt`` (the default config, seed 1), if reproduce.py wrote it."""
    import json

    path = results / f"multi30k_{src}_{tgt}.json"
    return json.loads(path.read_text()) if path.is_file() else None


def _english_share(outputs: list[str], english: list[str]) -> float:
    """The share of ``outputs`` whose words are mostly those of the same line's English
    translation (an answer in English where another language was asked for)."""
    same = 0
    for out, en in zip(outputs, english):
        words, ref = out.lower().split(), set(en.lower().split())
        same += bool(words) and sum(w in ref for w in words) / len(words) > 0.5
    return round(same / max(1, len(outputs)), 3)


if __name__ == "__main__":
    sys.exit(main())
