#!/usr/bin/env python
"""A checkpoint as model folders in float32, float16 and bfloat16: size, test BLEU, load time.

    python scripts/bench_folder.py -m runs/multi30k_de_en/best.pt --json scripts/results/bench_folder.json

For each dtype: ``nmt export --format hub`` (the Python call behind it) into
``--out/<dtype>``, test2016 translated with the folder (beam and shortlist of the
model's config) and scored with sacreBLEU, the size of ``model.safetensors`` and of
the whole folder, and the time ``nmt.Translator.load`` takes (median of ``--loads``
loads, after one warm-up) against loading ``best.pt`` itself. The card of each folder
quotes its own scores (``--scores`` of nmt export), so the half-precision cards say
what half precision costs.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from sysinfo import bench_parser, cpu_model, provenance, test_rows, write_json

import nmt
from nmt.checkpoint import load_checkpoint, meta_of
from nmt.export import export_folder

ROOT = Path(__file__).resolve().parent.parent


def load_seconds(path: Path, runs: int) -> float:
    nmt.Translator.load(path, device="cpu")  # warm-up: imports, first allocations
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        nmt.Translator.load(path, device="cpu")
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> int:
    ap = bench_parser(__doc__, threads=2, lines=None)
    ap.add_argument("-m", "--model", type=Path, default=ROOT / "runs" / "multi30k_de_en" / "best.pt")
    ap.add_argument("--out", type=Path, default=None, help="where the folders go (default: beside the model)")
    ap.add_argument("--dtypes", default="float32,float16,bfloat16")
    ap.add_argument("--loads", type=int, default=5)
    args = ap.parse_args()
    import torch

    torch.set_num_threads(args.threads)
    out = args.out or args.model.parent / "hub"
    rows = test_rows()
    src, refs = [r["de"] for r in rows], [r["en"] for r in rows]
    base = nmt.Translator.load(args.model, device="cpu")
    assert (base.config.data.src_lang, base.config.data.tgt_lang) == ("de", "en"), "test2016 de-en only"
    meta = meta_of(load_checkpoint(args.model))  # how far the measured model was trained
    results = {"model": str(args.model), "model_step": meta.get("step"), "model_valid_bleu": meta.get("best_valid_bleu"),
               "model_bytes": args.model.stat().st_size,
               "checkpoint_load_s": round(load_seconds(args.model, args.loads), 4),
               "beam_size": base.decode.beam_size, "rows": [], **provenance()}
    t0 = time.perf_counter()
    hyps = base.translate(src)
    checkpoint = nmt.score(hyps, refs)
    results["checkpoint_bleu"], results["checkpoint_chrf"] = checkpoint.bleu, checkpoint.chrf
    print(f"{args.model}: {results['model_bytes'] / 1e6:.1f} MB, BLEU {checkpoint.bleu:.2f} "
          f"({time.perf_counter() - t0:.0f} s), load {results['checkpoint_load_s'] * 1000:.0f} ms")
    for dtype in args.dtypes.split(","):
        folder = out / dtype
        export_folder(args.model, folder, dtype)  # first without scores: they are measured on the folder
        tr = nmt.Translator.load(folder, device="cpu")
        scores = nmt.score(tr.translate(src), refs)
        card_scores = {**scores.to_dict(), "dataset": "multi30k", "split": "test", "beam_size": tr.decode.beam_size,
                       "command": f"python scripts/bench_folder.py -m {args.model}"}
        if not meta.get("hardware"):  # a checkpoint from before training recorded its machine: this one trained it
            card_scores.update(cpu=cpu_model(), threads=args.threads)
        first = results["rows"][0] if results["rows"] else None
        if first and first["dtype"] != dtype:  # what the narrower weights cost, measured by the same command
            card_scores["dtype_scores"] = (
                f"The {first['dtype']} weights of the same checkpoint score BLEU {first['bleu']:.2f} / chrF "
                f"{first['chrf']:.2f} on the same test set and settings: {dtype} costs "
                f"{scores.bleu - first['bleu']:+.2f} BLEU, {scores.chrf - first['chrf']:+.2f} chrF.")
        export_folder(args.model, folder, dtype, card_scores)
        row = {"dtype": dtype, "folder": str(folder),
               "weights_bytes": (folder / "model.safetensors").stat().st_size,
               "folder_bytes": sum(p.stat().st_size for p in folder.iterdir()),
               "bleu": scores.bleu, "chrf": scores.chrf, "bleu_signature": scores.bleu_signature,
               "bleu_minus_checkpoint": round(scores.bleu - checkpoint.bleu, 2),
               "load_s": round(load_seconds(folder, args.loads), 4)}
        results["rows"].append(row)
        print(f"{dtype:>9}: weights {row['weights_bytes'] / 1e6:.1f} MB (folder {row['folder_bytes'] / 1e6:.1f} MB), "
              f"BLEU {row['bleu']:.2f} ({row['bleu_minus_checkpoint']:+.2f}), chrF {row['chrf']:.2f}, "
              f"load {row['load_s'] * 1000:.0f} ms")
    write_json(args.json, results)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
