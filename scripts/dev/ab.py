#!/usr/bin/env python
"""A/B of decoding: the ``nmt`` package at a git revision vs the working tree.

    python scripts/dev/ab.py -m runs/multi30k_de_en/best.pt --rev 6edacbb [--beam 5] [--repeats 3]
    python scripts/dev/ab.py -m runs/multi30k_de_en/best.pt --rev f197c96 --only nmt/decoding/search.py

By default the whole package is taken at the revision, which checks changes
anywhere in it (e.g. the model's attention); ``--only FILE`` takes just those
files at the revision and the rest from the working tree, to time one module's
change alone (what the former ``ab_search.py`` did). Each run is a fresh worker
process that imports one version of ``nmt``, loads the model,
warms up on one batch, then times ``Translator.translate_ids`` over the whole
split (model loading and tokenization excluded); ``--batch-lines N`` decodes it in
batches of N lines in input order instead, as a server's batches come (``nmt serve``
decodes with one thread per process: add ``--threads 1``). The two versions alternate,
so machine noise hits both alike. Prints each run, the median speed-up, how
many outputs differ and the BLEU of each version's output.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data" / "multi30k"


def unpack_rev(rev: str, only: list[str]) -> Path:
    """``nmt/`` as it was at ``rev`` (or the working tree's with just the ``only`` files at ``rev``),
    in a temporary folder (returned: the folder holding ``nmt``)."""
    dest = Path(tempfile.mkdtemp(prefix="ab_"))
    if only:
        shutil.copytree(ROOT / "nmt", dest / "nmt", ignore=shutil.ignore_patterns("__pycache__"))
        for path in only:
            (dest / path).write_bytes(subprocess.run(["git", "show", f"{rev}:{path}"], cwd=ROOT, check=True,
                                                     capture_output=True).stdout)
        return dest
    blob = subprocess.run(["git", "archive", "--format=tar", rev, "nmt"], cwd=ROOT, check=True,
                          capture_output=True).stdout
    with tarfile.open(fileobj=BytesIO(blob)) as tar:
        tar.extractall(dest, filter="data")
    return dest


def worker(root: str, model: str, split: str, beam: int, threads: int, out: str, batch_lines: int) -> None:
    """Runs in its own process with ``root`` first on sys.path, so ``import nmt`` is that version."""
    sys.path.insert(0, root)
    import torch

    from nmt.decoding.translator import Translator

    torch.set_num_threads(threads)
    tr = Translator.load(Path(model), beam=beam)
    assert tr.config is not None
    rows = [json.loads(line) for line in (DATA / f"{split}.jsonl").read_text(encoding="utf-8").splitlines()]
    src = tr.encode([r[tr.config.data.src_lang] for r in rows])
    tr.translate_ids(src[:64])
    t0 = time.perf_counter()
    if batch_lines:
        hyps = [h for i in range(0, len(src), batch_lines) for h in tr.translate_ids(src[i: i + batch_lines])]
    else:
        hyps = tr.translate_ids(src)
    seconds = time.perf_counter() - t0
    texts = tr.tokenizer.decode_tgt([h[0].tokens for h in hyps])
    Path(out).write_text(json.dumps({"seconds": seconds, "texts": texts, "tgt": tr.config.data.tgt_lang,
                                     "nmt": str(Path(sys.modules["nmt"].__file__).parent)}))


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--_worker":
        worker(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]), int(sys.argv[6]), sys.argv[7], int(sys.argv[8]))
        return 0
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-m", "--model", type=Path, required=True)
    ap.add_argument("--rev", required=True, help="git revision of the 'before' nmt package")
    ap.add_argument("--only", action="append", default=[], metavar="FILE",
                    help="take only this file (e.g. nmt/decoding/search.py) at --rev; repeatable")
    ap.add_argument("--beam", type=int, default=5)
    ap.add_argument("--split", default="test")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--batch-lines", type=int, default=0,
                    help="decode in batches of this many lines in input order (0: sorted batches, as nmt translate)")
    args = ap.parse_args()
    import sacrebleu

    versions = {args.rev: unpack_rev(args.rev, args.only), "working tree": ROOT}
    times: dict[str, list[float]] = {name: [] for name in versions}
    texts: dict[str, list[str]] = {}
    tmp = Path(tempfile.mkdtemp(prefix="ab_out_"))
    for rep in range(args.repeats):
        order = list(versions) if rep % 2 == 0 else list(reversed(versions))
        for name in order:
            out = tmp / "out.json"
            subprocess.run([sys.executable, __file__, "--_worker", str(versions[name]), str(args.model.resolve()),
                            args.split, str(args.beam), str(args.threads), str(out), str(args.batch_lines)],
                           check=True, cwd=tmp)
            res = json.loads(out.read_text())
            times[name].append(res["seconds"])
            texts[name], tgt = res["texts"], res["tgt"]
            print(f"{name}: run {rep + 1} {res['seconds']:.2f} s ({res['nmt']})", flush=True)
    refs = [json.loads(line)[tgt] for line in (DATA / f"{args.split}.jsonl").read_text(encoding="utf-8").splitlines()]
    before, after = (statistics.median(times[n]) for n in versions)
    a, b = (texts[n] for n in versions)
    bleu = [round(sacrebleu.corpus_bleu(t, [refs]).score, 2) for t in (a, b)]
    how = f"batches of {args.batch_lines} in input order" if args.batch_lines else "sorted batches"
    print(f"beam {args.beam}, {len(a)} {args.split} sentences, {how}, {args.threads} thread(s): {args.rev} {before:.2f} s, "
          f"working tree {after:.2f} s (medians of {args.repeats}), speed-up {before / after:.2f}x; "
          f"outputs differing: {sum(x != y for x, y in zip(a, b))}; BLEU {bleu[0]} vs {bleu[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
