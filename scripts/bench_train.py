#!/usr/bin/env python
"""Training throughput of a config: target tokens/s, and the fraction of the CPU's sgemm roofline.

    python scripts/bench_train.py configs/multi30k_de_en.yaml [--windows 5] [--steps 20] [--threads 2]

Builds the run exactly as ``nmt train`` does (data, SentencePiece, model, Adam)
and times ``Trainer.train_step`` — the loop's own step — over several windows
after a warm-up window; prints the median. The physical bound: the model's
forward+backward FLOPs per target token (counted from the config and the
batches' real lengths), and the sustained sgemm GFLOP/s of this CPU measured
in the same process beside each timed window (median); their ratio is the best tokens/s any implementation of
this model could reach here.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import torch  # noqa: E402

from nmt.config import ModelConfig, load_config  # noqa: E402
from nmt.train import Trainer  # noqa: E402


def rnn_flops(cell: str, inp: int, hidden: int) -> int:
    """Multiply-adds ×2 of one step of one direction: gates × (input + recurrent) matmuls."""
    gates = {"gru": 3, "lstm": 4, "rnn": 1}[cell]
    return 2 * gates * (inp * hidden + hidden * hidden)


def forward_flops(m: ModelConfig, vocab: int, src_tokens: float, tgt_tokens: float, src_len: float) -> float:
    """Forward FLOPs for a batch with ``src_tokens`` / ``tgt_tokens`` real tokens (matmuls only).

    src_len is the mean padded source length (each target step attends over it).
    """
    attn = m.attn_size or m.dec_hidden
    out = m.emb_size if m.tie_output else m.dec_hidden
    enc = 0
    for layer in range(m.enc_layers):
        inp = m.emb_size if layer == 0 else 2 * m.enc_hidden
        enc += 2 * rnn_flops(m.cell, inp, m.enc_hidden)
    enc += 2 * (2 * m.enc_hidden) * attn  # key projection, once per source token
    dec_in = m.emb_size + (out if m.input_feeding else 0)
    dec = sum(rnn_flops(m.cell, dec_in if i == 0 else m.dec_hidden, m.dec_hidden) for i in range(m.dec_layers))
    dec += 2 * m.dec_hidden * attn  # query projection
    dec += src_len * (2 * attn + 2 * 2 * m.enc_hidden)  # energies + context over the source
    dec += 2 * (m.dec_hidden + 2 * m.enc_hidden + m.emb_size) * out  # readout
    dec += 2 * out * vocab  # output projection
    return enc * src_tokens + dec * tgt_tokens


def sgemm_gflops(n: int = 1024, repeats: int = 10) -> float:
    a, b = torch.randn(n, n), torch.randn(n, n)
    for _ in range(3):
        a @ b
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        a @ b
        times.append(time.perf_counter() - t0)
    return 2 * n ** 3 / statistics.median(times) / 1e9


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("config", type=Path)
    ap.add_argument("--set", dest="overrides", action="append", default=[])
    ap.add_argument("--windows", type=int, default=5)
    ap.add_argument("--steps", type=int, default=20, help="steps per window")
    ap.add_argument("--threads", type=int, default=0)
    ap.add_argument("--json", type=Path, default=None, help="also write the figures here")
    ap.add_argument("--compile", action="store_true",
                    help="wrap the decoder step (the per-step recurrence, attention and readout) in "
                         "torch.compile(dynamic=True); compilation falls in the warm-up window")
    args = ap.parse_args()
    if args.threads:
        torch.set_num_threads(args.threads)
    cfg = load_config(args.config, args.overrides + ["data.max_valid_examples=1"])
    with tempfile.TemporaryDirectory() as tmp:
        trainer = Trainer(cfg, Path(tmp) / "run", log=lambda m: None, progress=False)
        trainer.model.train()
        if args.compile:
            trainer.model.decoder.step = torch.compile(trainer.model.decoder.step, dynamic=True)
        batches = trainer.epoch_batches(0)
        rates, flops_per_token, sgemm = [], [], []
        it = iter(batches)
        for window in range(args.windows + 1):
            tokens, flops, t0 = 0, 0.0, time.perf_counter()
            for _ in range(args.steps):
                idx = next(it)
                batch = trainer.corpus.batch(idx)
                ntok = batch.n_tgt_tokens
                trainer.train_step([batch], ntok)
                src_tok = float(batch.src_len.sum())
                flops += 3 * forward_flops(cfg.model, trainer.tok.tgt_vocab_size, src_tok, ntok,
                                           float(batch.src.size(1)))
                tokens += ntok
            elapsed = time.perf_counter() - t0
            if window > 0:  # window 0 is warm-up
                rates.append(tokens / elapsed)
                flops_per_token.append(flops / tokens)
                # The VM's speed drifts: measure the bound beside each window, not once.
                sgemm.append(sgemm_gflops(repeats=5))
    gflops = statistics.median(sgemm)
    rate = statistics.median(rates)
    fpt = statistics.median(flops_per_token)
    roof = gflops * 1e9 / fpt
    print(f"| config | threads | train tgt tok/s (median of {args.windows}x{args.steps} steps) | "
          "GFLOP/tgt token (fwd+bwd) | sgemm GFLOP/s | roofline tok/s | fraction of roofline |")
    print("|---|---|---|---|---|---|---|")
    print(f"| {args.config.stem}{' (compiled step)' if args.compile else ''} | {torch.get_num_threads()} | {rate:.0f} (min {min(rates):.0f}, max {max(rates):.0f}) "
          f"| {fpt / 1e9:.4f} | {gflops:.1f} | {roof:.0f} | {rate / roof:.2f} |")
    if args.json:
        sys.path.insert(0, str(ROOT / "scripts"))
        from sysinfo import cpu_model, git_commit

        args.json.write_text(json.dumps({
            "benchmark": "training throughput", "config": args.config.stem, "overrides": args.overrides, "compile": args.compile,
            "threads": torch.get_num_threads(), "windows": args.windows, "steps_per_window": args.steps,
            "tgt_tokens_per_s_median": round(rate, 1), "tgt_tokens_per_s_windows": [round(r, 1) for r in rates],
            "gflop_per_tgt_token": round(fpt / 1e9, 5), "sgemm_gflops": round(gflops, 1),
            "sgemm_gflops_windows": [round(g, 1) for g in sgemm],
            "roofline_tokens_per_s": round(roof, 1), "roofline_fraction": round(rate / roof, 3),
            "cpu": cpu_model(), "git_commit": git_commit(), "torch": torch.__version__,
            "command": "python scripts/bench_train.py " + " ".join(sys.argv[1:]),
        }, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
