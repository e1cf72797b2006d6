#!/usr/bin/env python
"""Training throughput of a config: target tokens/s, and the fraction of the device's matmul roofline.

    python scripts/bench_train.py configs/multi30k_de_en.yaml [--windows 5] [--steps 20] [--threads 2]
    python scripts/bench_train.py configs/multi30k_de_en.yaml --set train.device=cuda [--set train.amp=bf16]

Builds the run exactly as ``nmt train`` does (data, SentencePiece, model, Adam)
and times ``Trainer.train_step`` — the loop's own step — over several windows
after a warm-up window (on a GPU each window ends with a synchronisation);
prints the median. The physical bound: the model's forward+backward FLOPs per
target token (counted from the config and the batches' real lengths), and the
sustained matrix-product GFLOP/s of the device the run trains on, measured in
the same process beside each timed window (median): on a CPU a 1024² sgemm, on
a GPU an 8192² product in the training's precision (bf16 under train.amp=bf16,
else float32 with TF32 as torch is set to use it). Their ratio is the best
tokens/s any implementation of this model could reach there. Beside it, the
GFLOP/s of the decoder step's own product (batch rows × the GRU's input, all
gates), the shape a launch-bound recurrence runs at. The device is named by
what it is (the GPU's name on CUDA), never by the host CPU.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import torch

from nmt.config import ModelConfig, load_config
from nmt.training.trainer import Trainer


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


def _sync(device: torch.device) -> None:
    if device.type == "cuda":
        torch.cuda.synchronize(device)


def matmul_gflops(device: torch.device, dtype: torch.dtype, m: int, k: int, n: int, repeats: int = 10) -> float:
    """Achieved GFLOP/s of an (m x k) @ (k x n) product on ``device`` in ``dtype``: median of
    ``repeats`` timed products after a warm-up, each synchronised on a GPU."""
    a = torch.randn(m, k, device=device).to(dtype)
    b = torch.randn(k, n, device=device).to(dtype)
    for _ in range(3):
        a @ b
    _sync(device)
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        a @ b
        _sync(device)
        times.append(time.perf_counter() - t0)
    return 2 * m * k * n / statistics.median(times) / 1e9


def peak_shape(device: torch.device) -> int:
    """Square size that reaches the device's sustained matmul rate (a GPU needs a large one)."""
    return 8192 if device.type == "cuda" else 1024


def step_shape(m: ModelConfig, rows: int) -> tuple[int, int, int]:
    """The decoder step's input product: (rows, decoder input) @ (decoder input, gates x hidden)."""
    out = m.emb_size if m.tie_output else m.dec_hidden
    gates = {"gru": 3, "lstm": 4, "rnn": 1}[m.cell]
    return rows, m.emb_size + (out if m.input_feeding else 0), gates * m.dec_hidden


def device_name(device: torch.device) -> str:
    """What the run trains on: the GPU's name on CUDA, the CPU's model otherwise."""
    if device.type == "cuda":
        return torch.cuda.get_device_name(device)
    from sysinfo import cpu_model

    return cpu_model()


def measure(cfg, args: argparse.Namespace, overrides: list[str]) -> dict:  # noqa: ANN001
    """Train ``args.windows`` timed windows (after a warm-up one) of ``cfg``; the figures as a dict."""
    with tempfile.TemporaryDirectory() as tmp:
        trainer = Trainer(cfg, Path(tmp) / "run", log=lambda m: None, progress=False)
        trainer.model.train()
        device = trainer.device
        dtype = torch.bfloat16 if cfg.train.amp == "bf16" else torch.float32
        batches = trainer.epoch_batches(0)
        rates, flops_per_token, sgemm, step_rate, rows = [], [], [], [], []
        it = iter(batches)
        for window in range(args.windows + 1):
            _sync(device)
            tokens, flops, t0 = 0, 0.0, time.perf_counter()
            for _ in range(args.steps):
                try:
                    idx = next(it)
                except StopIteration:  # large batches: fewer per epoch than windows x steps
                    it = iter(batches)
                    idx = next(it)
                batch = trainer.corpus.batch(idx)
                ntok = batch.n_tgt_tokens
                trainer.train_step([batch], ntok)
                src_tok = float(batch.src_len.sum())
                flops += 3 * forward_flops(cfg.model, trainer.tok.tgt_vocab_size, src_tok, ntok,
                                           float(batch.src.size(1)))
                tokens += ntok
                rows.append(batch.src.size(0))
            _sync(device)
            elapsed = time.perf_counter() - t0
            if window > 0:  # window 0 is warm-up
                rates.append(tokens / elapsed)
                flops_per_token.append(flops / tokens)
                # The machine's speed drifts: measure the bound beside each window, not once.
                n = peak_shape(device)
                sgemm.append(matmul_gflops(device, dtype, n, n, n, repeats=5))
                step_rate.append(matmul_gflops(device, dtype, *step_shape(cfg.model, int(statistics.median(rows)))))
        peak_mib = torch.cuda.max_memory_allocated(device) / 2 ** 20 if device.type == "cuda" else None
        del trainer
        if device.type == "cuda":
            torch.cuda.empty_cache()
            torch.cuda.reset_peak_memory_stats(device)
    gflops = statistics.median(sgemm)
    rate = statistics.median(rates)
    fpt = statistics.median(flops_per_token)
    roof = gflops * 1e9 / fpt
    return {
        "config": args.config.stem, "overrides": overrides, "compile": cfg.train.compile,
        "threads": torch.get_num_threads(), "windows": args.windows, "steps_per_window": args.steps,
        "batch_tokens": cfg.train.batch_tokens, "amp": cfg.train.amp,
        "tf32": bool(cfg.train.tf32 and device.type == "cuda"),
        "tgt_tokens_per_s_median": round(rate, 1), "tgt_tokens_per_s_windows": [round(r, 1) for r in rates],
        "gflop_per_tgt_token": round(fpt / 1e9, 5), "sgemm_gflops": round(gflops, 1),
        "sgemm_gflops_windows": [round(g, 1) for g in sgemm],
        "device": device_name(device), "device_type": device.type, "matmul_dtype": str(dtype).replace("torch.", ""),
        "peak_matmul_shape": peak_shape(device),
        "step_matmul_shape": list(step_shape(cfg.model, int(statistics.median(rows)))),
        "step_matmul_gflops": round(statistics.median(step_rate), 1),
        "roofline_tokens_per_s": round(roof, 1), "roofline_fraction": round(rate / roof, 3),
        "peak_gpu_memory_mib": round(peak_mib) if peak_mib is not None else None,
        "_rates": rates,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("config", type=Path)
    ap.add_argument("--set", dest="overrides", action="append", default=[])
    ap.add_argument("--variant", action="append", default=[],
                    help="space-separated overrides measured as one more row on top of --set, in the "
                         "same process (e.g. --variant 'train.batch_tokens=16384 train.amp=bf16'); "
                         "repeat for a sweep; the word step-loop in a variant times the decoder's "
                         "step-by-step training loop instead of the default one that takes each weight "
                         "gradient in one product (nmt.model.teacher_forcing), for an A/B in one process")
    ap.add_argument("--windows", type=int, default=5)
    ap.add_argument("--steps", type=int, default=20, help="steps per window")
    ap.add_argument("--threads", type=int, default=0)
    ap.add_argument("--json", type=Path, default=None, help="also write the figures here")
    ap.add_argument("--compile", action="store_true",
                    help="as --set train.compile=true: the decoder step (recurrence, attention, readout) "
                         "under torch.compile(dynamic=True); compilation falls in the warm-up window")
    args = ap.parse_args()
    if args.threads:
        torch.set_num_threads(args.threads)
    rows = []
    print(f"| config | threads | train tgt tok/s (median of {args.windows}x{args.steps} steps) | "
          "GFLOP/tgt token (fwd+bwd) | peak matmul GFLOP/s | decoder-step matmul GFLOP/s | roofline tok/s "
          "| fraction of roofline |")
    print("|---|---|---|---|---|---|---|---|")
    from nmt.model.seq2seq import Seq2Seq

    for variant in args.variant or [""]:
        words = variant.split()
        Seq2Seq.defer_weight_grads = "step-loop" not in words
        overrides = args.overrides + [w for w in words if w != "step-loop"]
        cfg = load_config(args.config, overrides + ["data.max_valid_examples=1"]
                          + (["train.compile=true"] if args.compile else []))
        row = measure(cfg, args, overrides)
        row["decoder_loop"] = "deferred weight gradients" if Seq2Seq.defer_weight_grads else "step by step"
        rates = row.pop("_rates")
        label = args.config.stem + (f" {variant}" if variant else "") + (" (compiled step)" if row["compile"] else "")
        print(f"| {label} | {row['threads']} | {row['tgt_tokens_per_s_median']:.0f} (min {min(rates):.0f}, max "
              f"{max(rates):.0f}) | {row['gflop_per_tgt_token']:.4f} | {row['sgemm_gflops']:.1f} | "
              f"{row['step_matmul_gflops']:.1f} | {row['roofline_tokens_per_s']:.0f} | {row['roofline_fraction']:.2f} |",
              flush=True)
        rows.append(row)
    print(f"device: {rows[0]['device']} ({rows[0]['device_type']}; products in "
          f"{', '.join(sorted({r['matmul_dtype'] + (' (TF32)' if r['tf32'] and r['matmul_dtype'] == 'float32' else '') for r in rows}))})")
    if args.json:
        from sysinfo import provenance, write_json

        extra = {"torch": torch.__version__, **provenance()}
        if args.variant:
            write_json(args.json, {"benchmark": "training throughput", "variants": rows, **extra})
        else:
            write_json(args.json, {"benchmark": "training throughput", **rows[0], **extra})
    return 0


if __name__ == "__main__":
    sys.exit(main())
