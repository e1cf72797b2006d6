"""docs/gpu.md's tables, from the files scripts/gpu_check.sh wrote on a lent GPU.

Kept apart from results_readme.py (one page, one module); results_table.py --write calls it.
"""

from __future__ import annotations

from pathlib import Path

from results_readme import block
from sysinfo import load_result as _load


def _runs(results_dir: Path) -> list[dict]:
    return [r for r in (_load(results_dir, p.stem) for p in sorted(results_dir.glob("multi30k_de_en_gpu*.json"))) if r]


def gpu_doc(results_dir: Path) -> str:
    """Training speed by batch size and precision, the from-scratch GPU runs, and beam search on
    the GPU against the 2 CPU cores."""
    out: list[str] = []
    bench = _load(results_dir, "bench_train_cuda")
    if bench:
        v0 = bench["variants"][0]
        out += block(f"**Training speed** (`{bench['command'].split(' --json')[0]}`; {v0['device']}, "
                     f"median of {v0['windows']} windows of {v0['steps_per_window']} steps after a warm-up window):",
                     ["batch (target tokens)", "precision", "target tokens/s (min–max)", "peak GPU memory (MiB)"],
                     [[v["batch_tokens"], "bf16 autocast" if v["amp"] == "bf16" else "float32 (TF32)",
                       f"{v['tgt_tokens_per_s_median']:,.0f} ({min(v['tgt_tokens_per_s_windows']):,.0f}–"
                       f"{max(v['tgt_tokens_per_s_windows']):,.0f})", v["peak_gpu_memory_mib"]]
                      for v in bench["variants"]])
    runs = _runs(results_dir)
    if runs:
        rows = []
        for r in runs:
            t = r["resolved_config"]["train"]
            first40 = r.get("time_to_valid_bleu_40_s")
            lr = t["lr"] * {"none": 1.0, "linear": t["batch_tokens"] / t["lr_reference_tokens"],
                            "sqrt": (t["batch_tokens"] / t["lr_reference_tokens"]) ** 0.5}[t["lr_scaling"]]
            rows.append([t["batch_tokens"], f"{lr:.2g}, warmup {t['warmup_steps']}", f"{r['bleu']:.2f} / {r['chrf']:.2f}",
                         f"{r['shortlist']['bleu']:.2f}" if r.get("shortlist") else "–",
                         f"{r['best_valid_bleu']:.2f} (step {r['best_step']}, {r['time_to_best_valid_s']:.0f} s)",
                         f"{first40:.0f} s (step {r['step_to_valid_bleu_40']})" if first40 else "not reached",
                         f"{r['train_tgt_tokens_per_s_median']:,.0f}", f"`{r['command']}`"])
        out += block(f"**From scratch on the GPU** (`configs/multi30k_de_en_gpu.yaml`, seed 1, {runs[0]['gpu']}; "
                     "times are the run's own clock, validations included, start-up excluded):",
                     ["batch", "peak lr", "test BLEU / chrF", "BLEU, shortlist", "best validation BLEU",
                      "first validation ≥ 40", "logged tokens/s", "command"], rows)
    gpu, cpu = _load(results_dir, "bench_translate_cuda"), _load(results_dir, "bench_translate_cpu_inprocess")
    if gpu and cpu:
        base = cpu["speed"][0]
        rows = [[r["device"].replace("NVIDIA ", ""), r["batch_size"], f"{r['sentences_per_s']:,.1f}",
                 f"{r['sentences_per_s'] / base['sentences_per_s']:.1f}×", f"{r['bleu']:.2f}"]
                for r in [base] + gpu["speed"]]
        rows[0][0] = f"2 CPU cores ({cpu['cpu']})"
        out += block(f"**Beam search** (beam {base['beam']}, shortlist, test2016, model loaded once, median of "
                     f"{len(base['runs_s'])} passes after a warm-up pass; `{gpu['command'].split(' --json')[0]}` and "
                     f"`{cpu['command'].split(' --json')[0]}`):",
                     ["device", "batch (sentences)", "sentences/s", "× CPU", "test BLEU"], rows)
    return "\n".join(out).rstrip() or "(no GPU results yet: run scripts/gpu_check.sh on a GPU machine)"
