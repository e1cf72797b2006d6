#!/usr/bin/env python
"""Translation throughput and memory: test2016 at beam 1 and 5, and peak RSS vs input length.

    python scripts/bench_translate.py -m runs/multi30k_de_en/best.pt [--runs 3] [--beams 1,5] [--int8] [--bf16] [--full-vocab]
    python scripts/bench_translate.py -m runs/tiny/best.pt --rss-lines 10000,100000 --beams 1

Speed: each run is a fresh ``nmt translate`` process over the 1,000 German
sentences of Multi30k test2016 (read from stdin, written to a file); sentences/s
and output pieces/s exclude interpreter start-up and model loading (the time
to translate one line is subtracted). Peak RSS is the child's ``ru_maxrss``.
With ``--int8`` every beam is also run with ``nmt translate --int8``, with ``--bf16``
with ``nmt translate --bf16``, with
``--full-vocab`` also with ``--no-shortlist`` (the default decoding scores each
sentence's lexical shortlist when the checkpoint holds one). The test BLEU of
each setting's output is printed beside its speed.
With ``--rss-lines``, the test sentences are repeated to N lines and streamed
through ``nmt translate``: peak RSS should not grow with N (streaming).

    python scripts/bench_translate.py -m runs/multi30k_de_en/best.pt --in-process --device cuda --batch-sizes 64,256,1000

``--in-process`` loads the model once per setting and times the translation of
the 1,000 lines alone (``translate_stream``, as ``nmt translate`` runs it; a
first pass warms up, then ``--runs`` timed passes, synchronised on a GPU): the
way to compare devices, since a GPU process spends seconds starting CUDA that
say nothing about decoding. ``--batch-sizes`` sweeps ``--batch-size``
(sentences per decoding batch; default: the checkpoint's).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sysinfo import provenance, write_json

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "multi30k" / "test.jsonl"


def run_translate(model: Path, text: bytes, beam: int, threads: int, precision: str = "fp32",
                  full_vocab: bool = False) -> tuple[float, int, int]:
    """Wall seconds, output lines, peak RSS (KiB) of one ``nmt translate`` child process."""
    env = dict(os.environ, HF_DATASETS_OFFLINE="1", HF_HUB_OFFLINE="1")
    with tempfile.TemporaryFile() as out:
        # ru_maxrss of RUSAGE_CHILDREN is the max over all children so far: measure in a
        # fresh grandchild-free wrapper so each figure is this run's own.
        wrapper = ("import resource,subprocess,sys;"
                   "r=subprocess.run(sys.argv[1:],stdin=sys.stdin,stdout=sys.stdout);"
                   "sys.stderr.write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss));"
                   "sys.exit(r.returncode)")
        cmd = [sys.executable, "-c", wrapper, sys.executable, "-m", "nmt", "translate", "-m", str(model),
               "--beam", str(beam), "--threads", str(threads)] + ([f"--{precision}"] if precision != "fp32" else []) \
            + (["--no-shortlist"] if full_vocab else [])
        t0 = time.perf_counter()
        res = subprocess.run(cmd, input=text, stdout=out, stderr=subprocess.PIPE, env=env, cwd=ROOT)
        wall = time.perf_counter() - t0
        if res.returncode != 0:
            raise SystemExit(f"nmt translate failed: {res.stderr.decode()[-500:]}")
        out.seek(0)
        lines = out.read().count(b"\n")
        rss = int(res.stderr.decode().strip().splitlines()[-1])
    return wall, lines, rss


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-m", "--model", type=Path, required=True)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--beams", default="1,5")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--int8", action="store_true", help="also measure nmt translate --int8")
    ap.add_argument("--bf16", action="store_true", help="also measure nmt translate --bf16")
    ap.add_argument("--full-vocab", action="store_true", help="also measure nmt translate --no-shortlist")
    ap.add_argument("--rss-lines", default="", help="comma-separated line counts for the memory check")
    ap.add_argument("--json", type=Path, default=None, help="also write the figures here")
    ap.add_argument("--in-process", action="store_true",
                    help="time translate_stream in this process (model loaded once) instead of nmt translate runs")
    ap.add_argument("--device", default="cpu", help="with --in-process: cpu, cuda, ... (as nmt translate --device)")
    ap.add_argument("--batch-sizes", default="", help="with --in-process: comma-separated sentences per batch")
    args = ap.parse_args()
    if args.in_process:
        return in_process(args)
    sentences = [json.loads(line)["de"] for line in DATA.read_text(encoding="utf-8").splitlines()]
    beams = [int(b) for b in args.beams.split(",")]
    results: dict = {"model": str(args.model), "threads": args.threads, "speed": [], "rss": [], **provenance()}

    if not args.rss_lines:
        text = "".join(s + "\n" for s in sentences).encode()
        print("| beam | precision | output vocabulary | sentences/s | output pieces/s | peak RSS (MiB) "
              "| test BLEU | runs |")
        print("|---|---|---|---|---|---|---|---|")
        for beam in beams:
            precisions = ["fp32"] + ["int8"] * args.int8 + ["bf16"] * args.bf16
            for precision, full in [(p, f) for f in ([False, True] if args.full_vocab else [False])
                                    for p in precisions]:
                base = statistics.median(
                    run_translate(args.model, sentences[0].encode() + b"\n", beam, args.threads, precision, full)[0]
                    for _ in range(2))
                walls, rss = [], []
                for _ in range(args.runs):
                    wall, lines, peak = run_translate(args.model, text, beam, args.threads, precision, full)
                    assert lines == len(sentences)
                    walls.append(max(1e-6, wall - base))
                    rss.append(peak)
                pieces, bleu, listed = _pieces_and_bleu(args.model, text, beam, args.threads, precision, full)
                sent_s = len(sentences) / statistics.median(walls)
                row = {"beam": beam, "precision": precision,
                       "vocab": "shortlist" if listed else "full",
                       "sentences_per_s": round(sent_s, 1),
                       "pieces_per_s": round(pieces / statistics.median(walls), 1),
                       "peak_rss_mib": round(statistics.median(rss) / 1024, 1), "bleu": bleu, "runs": args.runs}
                results["speed"].append(row)
                print(f"| {beam} | {row['precision']} | {row['vocab']} | {row['sentences_per_s']} | {row['pieces_per_s']} | "
                      f"{row['peak_rss_mib']} | {bleu} | {args.runs} |")
    else:
        print("| input lines | beam | wall (s) | peak RSS (MiB) |")
        print("|---|---|---|---|")
        for n in [int(x) for x in args.rss_lines.split(",")]:
            text = "".join(sentences[i % len(sentences)] + "\n" for i in range(n)).encode()
            wall, lines, peak = run_translate(args.model, text, beams[0], args.threads)
            assert lines == n, (lines, n)
            results["rss"].append({"lines": n, "beam": beams[0], "wall_s": round(wall, 1),
                                   "peak_rss_mib": round(peak / 1024, 1)})
            print(f"| {n} | {beams[0]} | {wall:.1f} | {peak / 1024:.1f} |")
    write_json(args.json, results)
    return 0


def in_process(args: argparse.Namespace) -> int:
    """Decoding speed with the model loaded once: median of ``args.runs`` timed passes over test2016."""
    import io

    import torch

    from nmt.decoding.lines import translate_stream
    from nmt.decoding.translator import Translator
    from nmt.metrics import score

    torch.set_num_threads(args.threads)
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines()]
    text = "".join(r["de"] + "\n" for r in rows).encode()
    sizes = [int(b) for b in args.batch_sizes.split(",")] if args.batch_sizes else [None]
    results: dict = {"model": str(args.model), "mode": "in-process", "threads": args.threads,
                     "speed": [], **provenance()}
    print("| device | beam | batch size | output vocabulary | sentences/s | test BLEU | runs (s) |")
    print("|---|---|---|---|---|---|---|")
    for beam in [int(b) for b in args.beams.split(",")]:
        for size in sizes:
            tr = Translator.load(args.model, device=args.device, beam=beam, batch_size=size,
                                 shortlist=False if args.full_vocab else None)
            sync = torch.cuda.synchronize if tr.device.type == "cuda" else (lambda: None)
            walls, hyps = [], ""
            for i in range(args.runs + 1):  # pass 0 warms up (allocator, cuBLAS handles, caches)
                out = io.StringIO()
                sync()
                t0 = time.perf_counter()
                translate_stream(tr, io.BytesIO(text), out)
                sync()
                if i:
                    walls.append(time.perf_counter() - t0)
                hyps = out.getvalue()
            assert tr.config is not None
            bleu = score(hyps.splitlines(), [r[tr.config.data.tgt_lang] for r in rows]).bleu
            row = {"device": torch.cuda.get_device_name(tr.device) if tr.device.type == "cuda" else "cpu",
                   "beam": beam, "batch_size": tr.decode.batch_size,
                   "vocab": "shortlist" if tr.decode.shortlist and tr.shortlist is not None else "full",
                   "sentences_per_s": round(len(rows) / statistics.median(walls), 1),
                   "runs_s": [round(w, 3) for w in walls], "bleu": bleu}
            results["speed"].append(row)
            print(f"| {row['device']} | {beam} | {row['batch_size']} | {row['vocab']} | {row['sentences_per_s']} "
                  f"| {bleu} | {', '.join(f'{w:.2f}' for w in walls)} |", flush=True)
    write_json(args.json, results)
    return 0


def _pieces_and_bleu(model: Path, text: bytes, beam: int, threads: int, precision: str, full_vocab: bool
                     ) -> tuple[int, float, bool]:
    """Pieces in the outputs (for pieces/s, counted with the model's own SentencePiece),
    the outputs' test BLEU and whether a shortlist was used, from one in-process
    translation with the same settings."""
    import io

    import torch

    from nmt.decoding.lines import translate_stream
    from nmt.decoding.translator import Translator
    from nmt.metrics import score

    torch.set_num_threads(threads)
    tr = Translator.load(model, beam=beam, int8=precision == "int8", bf16=precision == "bf16",
                         shortlist=False if full_vocab else None)
    out = io.StringIO()
    translate_stream(tr, io.BytesIO(text), out)
    hyps = out.getvalue().splitlines()
    assert tr.config is not None
    tgt = tr.config.data.tgt_lang
    refs = [json.loads(line)[tgt] for line in DATA.read_text(encoding="utf-8").splitlines()]
    pieces = sum(len(ids) + 1 for ids in tr.tokenizer.encode_tgt(hyps))
    return pieces, score(hyps, refs).bleu, bool(tr.decode.shortlist and tr.shortlist is not None)


if __name__ == "__main__":
    sys.exit(main())
