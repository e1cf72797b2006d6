#!/usr/bin/env python
"""PyTorch vs onnxruntime, fp32 vs int8: sentences/s and BLEU on Multi30k test2016.

    python scripts/bench_engines.py -m runs/multi30k_de_en/best.pt [--beams 1,5] [--threads 2]
                                    [--json scripts/results/bench_engines.json]

Exports the checkpoint with ``nmt export --format onnx --int8`` into a temporary
folder, then runs ``nmt translate`` over the 1,000 German test2016 sentences
(stdin in, stdout out) for each beam with ``--engine torch``, ``--engine torch
--int8``, ``--engine onnxruntime`` and ``--engine onnxruntime --int8``, all
with the same ``--threads``. Sentences/s exclude start-up and loading (the
time of a one-line run is subtracted); BLEU is the output's against the
English references (sacreBLEU defaults). One run per setting, as the
figures are for comparing engines on one machine in one sitting.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sysinfo import ENV, bench_parser, provenance, test_rows, write_json

ROOT = Path(__file__).resolve().parent.parent

SETTINGS = [("torch", False), ("torch", True), ("onnxruntime", False), ("onnxruntime", True)]


def translate(model: Path, engine: str, int8: bool, beam: int, threads: int, text: bytes) -> tuple[float, str]:
    cmd = [sys.executable, "-m", "nmt", "translate", "-m", str(model), "--engine", engine, "--beam", str(beam),
           "--threads", str(threads)] + (["--int8"] if int8 else [])
    t0 = time.perf_counter()
    res = subprocess.run(cmd, input=text, capture_output=True, env=ENV, cwd=ROOT)
    wall = time.perf_counter() - t0
    if res.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed: {res.stderr.decode()[-400:]}")
    return wall, res.stdout.decode()


def main() -> int:
    ap = bench_parser(__doc__)
    ap.add_argument("-m", "--model", type=Path, required=True)
    ap.add_argument("--beams", default="1,5")
    args = ap.parse_args()
    from nmt.metrics import score

    rows_in = test_rows(args.lines)
    with tempfile.TemporaryDirectory() as tmp:
        onnx_dir = Path(tmp) / "onnx"
        subprocess.run([sys.executable, "-m", "nmt", "export", "-m", str(args.model), "--format", "onnx",
                        "-o", str(onnx_dir), "--int8"], env=ENV, cwd=ROOT, check=True, capture_output=True)
        manifest = json.loads((onnx_dir / "manifest.json").read_text())
        src, tgt = manifest["config"]["data"]["src_lang"], manifest["config"]["data"]["tgt_lang"]
        text = "".join(r[src] + "\n" for r in rows_in).encode()
        refs = [r[tgt] for r in rows_in]
        results: dict = {"model": str(args.model), "threads": args.threads, "lines": len(rows_in), "rows": [],
                         **provenance()}
        print("| beam | engine | precision | sentences/s | test BLEU |")
        print("|---|---|---|---|---|")
        for beam in [int(b) for b in args.beams.split(",")]:
            for engine, int8 in SETTINGS:
                model = onnx_dir if engine == "onnxruntime" else args.model
                one, _ = translate(model, engine, int8, beam, args.threads, text.split(b"\n", 1)[0] + b"\n")
                wall, out = translate(model, engine, int8, beam, args.threads, text)
                hyps = out.splitlines()
                assert len(hyps) == len(refs)
                row = {"beam": beam, "engine": engine, "precision": "int8" if int8 else "fp32",
                       "sentences_per_s": round(len(refs) / max(wall - one, 1e-6), 1),
                       "wall_s": round(wall, 2), "startup_s": round(one, 2), "bleu": score(hyps, refs).bleu}
                results["rows"].append(row)
                print(f"| {beam} | {engine} | {row['precision']} | {row['sentences_per_s']} | {row['bleu']} |",
                      flush=True)
    write_json(args.json, results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
