#!/usr/bin/env python
"""Tagged back-translation on Multi30k de→en, measured (docs/data.md's recipe, run as one command).

    python scripts/back_translate.py [--top-p 0.9] [--seed 1] [--json scripts/results/back_translation.json]

1. The reverse model: runs/multi30k_en_de/best.pt, trained first by ``scripts/reproduce.py
   configs/multi30k_en_de.yaml`` when it is not there (which refreshes that results row and
   keeps its test output too).
2. It samples one German source for every English sentence of the training split
   (top-p 0.9, seeded: sampling, not beam search, as Edunov et al. 2018 found better for
   back-translation) into runs/bt/multi30k_de_en/train.{de,en}, plain parallel files.
   The sampled German is also kept in git (scripts/results/bt/, gzip, with its SHA-256), so
   that a later session skips steps 1 and 2: ``runs/`` does not outlive a session.
3. ``scripts/reproduce.py configs/multi30k_de_en_bt.yaml``: the default model trained on the
   real pairs plus the synthetic ones tagged ``<BT>`` (Caswell et al. 2019), the same 3,000
   steps of 2,048 target tokens as the default row (the same compute, over twice the pairs).
4. The figure: its test2016 BLEU against the default model's (``multi30k_de_en.json``, seed
   1), each with its 95% interval and the paired bootstrap p-value (sacreBLEU's), from both
   kept outputs.

On Multi30k the English of the synthetic pairs is the real pairs' English: what is measured
is what a second, sampled and tagged German source per sentence adds, not new target text.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import subprocess
import sys
import time
from pathlib import Path

from sysinfo import ENV, bench_parser, load_result, provenance, test_rows, write_json

ROOT = Path(__file__).resolve().parent.parent
DATASET = ROOT.parent / "shared" / "data" / "multi30k"
REVERSE = ROOT / "runs" / "multi30k_en_de" / "best.pt"
FOLDER = ROOT / "runs" / "bt" / "multi30k_de_en"
KEPT = ROOT / "scripts" / "results" / "bt" / "multi30k_de_en"
CONFIG = "configs/multi30k_de_en_bt.yaml"
HYPS = ROOT / "scripts" / "results" / "hyps"


def _english(dataset: Path) -> list[str]:
    """The training split's English, one line each (a line break inside a sentence becomes a space)."""
    from nmt.data.sources import as_text, load_split

    rows = load_split(str(dataset), None, "train", "en", "de")
    return [" ".join(t.splitlines()) for t in as_text(rows["src"])]


def _write(folder: Path, german: list[str], english: list[str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "train.de").write_text("".join(g + "\n" for g in german), encoding="utf-8")
    (folder / "train.en").write_text("".join(e + "\n" for e in english), encoding="utf-8")


def keep(german: list[str], kept: Path, info: dict) -> None:
    """The sampled German as ``kept/train.de.gz`` (deterministic bytes) and ``bt.json`` with its SHA-256."""
    kept.mkdir(parents=True, exist_ok=True)
    data = "".join(g + "\n" for g in german).encode("utf-8")
    with open(kept / "train.de.gz", "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as gz:
        gz.write(data)
    (kept / "bt.json").write_text(json.dumps({**info, "rows": len(german),
                                              "sha256": hashlib.sha256(data).hexdigest()}, indent=2) + "\n")


def restore(kept: Path, folder: Path, dataset: Path) -> None:
    """``folder`` again from ``kept`` and the dataset's English, the sampled German checked by SHA-256."""
    info = json.loads((kept / "bt.json").read_text())
    with gzip.open(kept / "train.de.gz", "rb") as f:
        data = f.read()
    if hashlib.sha256(data).hexdigest() != info["sha256"]:
        raise SystemExit(f"{kept / 'train.de.gz'}: SHA-256 differs from bt.json")
    german = data.decode("utf-8").split("\n")[:-1]
    english = _english(dataset)
    if len(german) != len(english):
        raise SystemExit(f"{kept}: {len(german)} sampled sources for {len(english)} English sentences in {dataset}")
    _write(folder, german, english)
    print(f"{folder}: rebuilt from {kept} ({len(german)} pairs)")


def _has_output(row: dict | None) -> bool:
    """A results row whose test output is kept (reproduce.py keeps it since 2026-12)."""
    return bool(row and row.get("hyp_file") and (ROOT / row["hyp_file"]).is_file())


def main() -> int:
    ap = bench_parser(__doc__, lines=None)
    ap.add_argument("--top-p", type=float, default=0.9)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()

    sampled = None
    if not (FOLDER / "train.de").is_file():
        if (KEPT / "bt.json").is_file():
            restore(KEPT, FOLDER, DATASET)
        else:
            if not REVERSE.is_file():
                subprocess.run([sys.executable, str(ROOT / "scripts" / "reproduce.py"), "configs/multi30k_en_de.yaml"],
                               check=True, cwd=ROOT, env=ENV)
            import torch

            from nmt.decoding.sampling import Sampling
            from nmt.decoding.translator import Translator

            torch.set_num_threads(args.threads)
            english = _english(DATASET)
            # The whole vocabulary: a shortlist (the model's default decoding) would cut the very
            # diversity that sampling is for.
            tr = Translator.load(REVERSE, threads=args.threads, shortlist=False,
                                 sampling=Sampling(top_p=args.top_p, seed=args.seed))
            t0 = time.perf_counter()
            # One line each, whatever the sample holds (the plain-files loader splits on any line break).
            german = [" ".join(g.splitlines()) for g in tr.translate(english)]
            seconds = time.perf_counter() - t0
            sampled = {"model": str(REVERSE.relative_to(ROOT)), "top_p": args.top_p, "seed": args.seed,
                       "shortlist": False,
                       "sentences": len(english), "seconds": round(seconds, 1),
                       "sentences_per_s": round(len(english) / seconds, 1)}
            _write(FOLDER, german, english)
            keep(german, KEPT, sampled)
            print(f"sampled {len(german)} German sources in {seconds:.0f} s -> {FOLDER}")

    results = ROOT / "scripts" / "results"
    if not _has_output(load_result(results, "multi30k_de_en")):  # the baseline's output, to test against
        subprocess.run([sys.executable, str(ROOT / "scripts" / "reproduce.py"), "configs/multi30k_de_en.yaml"],
                       check=True, cwd=ROOT, env=ENV)
    subprocess.run([sys.executable, str(ROOT / "scripts" / "reproduce.py"), CONFIG], check=True, cwd=ROOT, env=ENV)

    from nmt.metrics import compare

    base, bt = load_result(results, "multi30k_de_en"), load_result(results, "multi30k_de_en_bt")
    rows = test_rows()
    refs = [r["en"] for r in rows]
    systems = [(name, (ROOT / row["hyp_file"]).read_text(encoding="utf-8").splitlines())
               for name, row in (("default", base), ("tagged back-translation", bt))]
    tested, signatures = compare(systems, refs)
    write_json(args.json, {
        "reverse_model": {k: v for k, v in (load_result(results, "multi30k_en_de") or {}).items()
                          if k in ("name", "bleu", "chrf", "cpu", "git_commit", "command")},
        "sampling": sampled or json.loads((KEPT / "bt.json").read_text()),
        "synthetic_pairs": sum(1 for _ in open(FOLDER / "train.de", encoding="utf-8")),
        "baseline": {k: base[k] for k in ("name", "bleu", "chrf", "steps", "command", "hyp_file")},
        "back_translation": {k: bt[k] for k in ("name", "bleu", "chrf", "steps", "best_step", "train_wall_s",
                                                "command", "hyp_file")},
        "delta_bleu": round(bt["bleu"] - base["bleu"], 2),
        "test": "paired bootstrap resampling (sacrebleu.significance, 1,000 resamples)",
        "systems": [c.to_dict() for c in tested], "bleu_signature": signatures["bleu"],
        **provenance()})
    b, t = tested
    print(f"default {b.bleu:.2f}, tagged back-translation {t.bleu:.2f} (p = {t.bleu_p})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
