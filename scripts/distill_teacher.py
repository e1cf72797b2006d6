#!/usr/bin/env python
"""Distil Multi30k de→en with the teacher ensemble and record what it cost.

    python scripts/distill_teacher.py [-m runs/multi30k_de_en/best.pt -m ...] [-o runs/distilled/multi30k_de_en]
                                      [--threads 2] [--json scripts/results/distill_teacher.json]
    python scripts/distill_teacher.py --restore      # the folder again, from the committed targets

Runs ``nmt.distill`` (what ``nmt distill`` runs) with the teacher: by default the
ensemble of the default config's three seeds (seed 1 in runs/multi30k_de_en, seeds 2
and 3 in runs/multi30k_de_en-seedN, trained by scripts/reproduce.py), over the
training and validation splits, beam 5 and the models' other decoding settings.
Records rows, wall time and sentences/s per split (this run's translation time; a
resumed run records only the part it translated), the teacher's own test2016 BLEU and
chrF (beam 5, the whole vocabulary, the whole test set; its output goes to scripts/results/hyps
so that students can be tested against it for significance), its files and the
machine. The students trained on the folder (configs/multi30k_de_en_student*.yaml)
are results rows of their own (scripts/reproduce.py).

**Across sessions.** The teachers take two hours of CPU to train and ``runs/`` is not
kept, so the teacher's side of the folder is committed: ``--targets`` (default
scripts/results/distilled/multi30k_de_en) gets ``SPLIT.TGT.gz`` (the teacher's lines,
one per row) and the folder's ``distill.json``, with each split file's SHA-256. The
source and original-target columns are ../shared's data and stay out of the repo;
``--restore`` joins them again into the folder, byte for byte what the teacher wrote
(checked against the SHA-256; a mismatch is an error, not a silently different corpus).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import sys
from pathlib import Path

from sysinfo import bench_parser, provenance, test_rows, write_json

ROOT = Path(__file__).resolve().parent.parent
DEFAULTS = ["runs/multi30k_de_en/best.pt", "runs/multi30k_de_en-seed2/best.pt", "runs/multi30k_de_en-seed3/best.pt"]
TARGETS = ROOT / "scripts" / "results" / "distilled" / "multi30k_de_en"
DATASET = ROOT.parent / "shared" / "data" / "multi30k"
HYPS = ROOT / "scripts" / "results" / "hyps"


def _rel(path: Path) -> str:
    path = Path(path)
    return str(path.resolve().relative_to(ROOT)) if path.resolve().is_relative_to(ROOT) else str(path)


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def save_targets(folder: Path, targets: Path) -> dict:
    """The teacher's column of each finished split of ``folder`` as ``targets/SPLIT.TGT.gz``,
    with ``distill.json`` (gaining each split file's SHA-256). Deterministic bytes (gzip
    mtime 0), so re-saving the same folder changes nothing in git."""
    manifest = json.loads((folder / "distill.json").read_text())
    tgt = manifest["job"]["tgt_lang"]
    targets.mkdir(parents=True, exist_ok=True)
    for split, info in manifest["splits"].items():
        path = folder / f"{split}.jsonl"
        with open(path, encoding="utf-8", newline="\n") as f:
            lines = [json.loads(line)[tgt] for line in f]
        if len(lines) != info["rows"]:
            raise SystemExit(f"{path}: {len(lines)} rows, distill.json says {info['rows']}")
        broken = next((i for i, line in enumerate(lines) if "\n" in line or "\r" in line), None)
        if broken is not None:  # nmt.distill writes one line per row; one that is not cannot be kept as a line
            raise SystemExit(f"{path}: row {broken + 1}'s translation holds a line break")
        with open(targets / f"{split}.{tgt}.gz", "wb") as raw, \
                gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as gz:
            gz.write("".join(line + "\n" for line in lines).encode("utf-8"))
        info["sha256"] = _sha256(path)
    (targets / "distill.json").write_text(json.dumps(manifest, indent=2) + "\n")
    return manifest


def restore(targets: Path, folder: Path, dataset: Path) -> dict:
    """``folder`` rebuilt from ``targets`` (save_targets') and the source/original columns of
    ``dataset``: the rows in the order and JSON form nmt.distill writes them, each split's
    SHA-256 checked before the file is put in place."""
    from nmt.atomic import atomic_write
    from nmt.data.sources import as_text, load_split

    manifest = json.loads((targets / "distill.json").read_text())
    job = manifest["job"]
    src, tgt, keep = job["src_lang"], job["tgt_lang"], job["keep_original"]
    built = {}
    for split, info in manifest["splits"].items():
        with gzip.open(targets / f"{split}.{tgt}.gz", "rb") as f:  # bytes: text mode would turn a \r into a row
            hyps = f.read().decode("utf-8").split("\n")[:-1]
        rows = load_split(str(dataset), job["name"], split, src, tgt)
        sources, originals = as_text(rows["src"]), as_text(rows["tgt"])
        if not len(sources) == len(hyps) == info["rows"]:
            raise SystemExit(f"{targets}: {split} has {len(hyps)} teacher lines, {dataset} {len(sources)} rows, "
                             f"distill.json {info['rows']}")
        text = "".join(json.dumps({src: s, tgt: h, **({f"{tgt}_original": o} if keep else {})},
                                  ensure_ascii=False) + "\n" for s, h, o in zip(sources, hyps, originals))
        data = text.encode("utf-8")
        if hashlib.sha256(data).hexdigest() != info["sha256"]:
            raise SystemExit(f"{targets}: {split} does not rebuild to the teacher's file (SHA-256 differs): "
                             f"is {dataset} the data it was distilled from?")
        built[split] = data
    # Every split checked before any is written: a failed restore leaves no half-made folder.
    folder.mkdir(parents=True, exist_ok=True)
    for split, data in built.items():
        atomic_write(folder / f"{split}.jsonl", lambda f, data=data: f.write(data))
        print(f"{split}: {manifest['splits'][split]['rows']} rows -> {folder / f'{split}.jsonl'}")
    job["dataset"] = str(dataset.resolve())  # where this checkout reads it, as nmt.distill records it
    (folder / "distill.json").write_text(json.dumps(manifest, indent=2) + "\n")
    return manifest


def main() -> int:
    ap = bench_parser(__doc__, lines=None, beam=5)
    ap.add_argument("-m", "--model", action="append", type=Path, default=None)
    ap.add_argument("-o", "--out", type=Path, default=ROOT / "runs" / "distilled" / "multi30k_de_en")
    ap.add_argument("--targets", type=Path, default=TARGETS, help="where the teacher's side is kept (committed)")
    ap.add_argument("--restore", action="store_true", help="rebuild --out from --targets and the dataset, no teacher")
    ap.add_argument("--dataset", type=Path, default=DATASET, help="with --restore: the data it was distilled from")
    args = ap.parse_args()

    if args.restore:
        restore(args.targets, args.out, args.dataset)
        return 0

    import torch

    import nmt

    torch.set_num_threads(args.threads)
    models = args.model or [ROOT / p for p in DEFAULTS]
    result = nmt.distill(models, args.out, beam=args.beam, threads=args.threads, log=print)
    manifest = save_targets(args.out, args.targets)
    # Its test score over the whole vocabulary, as every results row (the distillation itself
    # decoded with the models' own decode settings: the shortlist where they have one).
    teacher = nmt.Translator.load(models, beam=args.beam, threads=args.threads, shortlist=False)
    rows = test_rows()
    src, tgt = teacher.config.data.src_lang, teacher.config.data.tgt_lang
    hyps = teacher.translate([r[src] for r in rows])
    test = nmt.score(hyps, [r[tgt] for r in rows])
    hyp_file = HYPS / f"multi30k_{src}_{tgt}-ensemble{len(models)}.test.{tgt}"
    hyp_file.write_text("".join(h + "\n" for h in hyps), encoding="utf-8")
    print(f"teacher: test2016 BLEU {test.bleu:.2f} chrF {test.chrf:.2f} -> {_rel(hyp_file)}")
    data = {
        "teachers": [_rel(m) for m in models],
        "beam_size": args.beam,
        "distill_shortlist": manifest["job"]["decode"]["shortlist"],
        "test_shortlist": False,
        "threads": args.threads,
        "torch": torch.__version__,
        "folder": _rel(args.out),
        "targets": _rel(args.targets),
        "splits": manifest["splits"],
        "rows": result.rows,
        "test_bleu": test.bleu,
        "test_chrf": test.chrf,
        "bleu_signature": test.bleu_signature,
        "hyp_file": _rel(hyp_file),
        "resumed": result.resumed,
        **provenance(),
    }
    write_json(args.json, data)
    for split, s in manifest["splits"].items():
        print(f"{split}: {s['rows']} rows, {s['seconds']:.0f} s, {s['sentences_per_s']} sentences/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
