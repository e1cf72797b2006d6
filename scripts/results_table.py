#!/usr/bin/env python
"""Build the results table and the performance tables from ``scripts/results/*.json``.

    python scripts/results_table.py            # print both
    python scripts/results_table.py --write    # replace them between their markers in docs/results.md,
                                               # docs/performance.md and README.md (serving, toolbox)

The results table comes from the files reproduce.py writes; the performance
section from the benchmark files (bench_train.json, profile_train.json,
bench_vs_joeynmt.json, bench_translate.json, profile_translate.json,
bench_translate_rss.json, bench_scale.json), each
quoted with the command that wrote it. A figure no file holds is not printed.

Runs of one config with several seeds (``<name>-seedN.json`` beside ``<name>.json``)
are one row: mean ± standard deviation over the seeds. Runs of one config with
another training budget or on another CPU are another row; the file name does not
matter (the grouping reads the files' contents), so an earlier machine's files can
stay beside the current ones under another name.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
from collections import defaultdict
from pathlib import Path

from results_readme import block
from sysinfo import load_result as _load
from sysinfo import short_cpu

ROOT = Path(__file__).resolve().parent.parent

RESULTS_DOC, PERF_DOC = ROOT / "docs" / "results.md", ROOT / "docs" / "performance.md"
BEGIN, END = "<!-- results-table:begin -->", "<!-- results-table:end -->"
PERF_BEGIN, PERF_END = "<!-- performance:begin -->", "<!-- performance:end -->"
README = ROOT / "README.md"
SERVE_BEGIN, SERVE_END = "<!-- serving:begin -->", "<!-- serving:end -->"
TOOLS_BEGIN, TOOLS_END = "<!-- toolbox:begin -->", "<!-- toolbox:end -->"
HEAD_BEGIN, HEAD_END = "<!-- headline:begin -->", "<!-- headline:end -->"
TOOLBOX_DOC = ROOT / "docs" / "toolbox.md"
ENG_BEGIN, ENG_END = "<!-- engines:begin -->", "<!-- engines:end -->"
ENS_BEGIN, ENS_END = "<!-- ensemble:begin -->", "<!-- ensemble:end -->"
SERVING_DOC = ROOT / "docs" / "serving.md"
CEIL_BEGIN, CEIL_END = "<!-- ceiling:begin -->", "<!-- ceiling:end -->"
ALL_BEGIN, ALL_END = "<!-- serving-all:begin -->", "<!-- serving-all:end -->"
LAYOUT_BEGIN, LAYOUT_END = "<!-- layout:begin -->", "<!-- layout:end -->"
GPU_DOC = ROOT / "docs" / "gpu.md"
GPU_BEGIN, GPU_END = "<!-- gpu:begin -->", "<!-- gpu:end -->"
BYLEN_BEGIN, BYLEN_END = "<!-- by-length:begin -->", "<!-- by-length:end -->"
DISTILL_DOC = ROOT / "docs" / "distillation.md"
DISTILL_BEGIN, DISTILL_END = "<!-- distillation:begin -->", "<!-- distillation:end -->"
MULTI_BEGIN, MULTI_END = "<!-- multilingual:begin -->", "<!-- multilingual:end -->"
SIG_BEGIN, SIG_END = "<!-- significance:begin -->", "<!-- significance:end -->"


def machine(data: dict) -> str:
    """Where a results row trained: the GPU when it used one, else the CPU."""
    return data["gpu"].replace("NVIDIA ", "") if data.get("gpu") else short_cpu(data["cpu"])


def _fmt(values: list[float], digits: int = 2) -> str:
    if len(values) == 1:
        return f"{values[0]:.{digits}f}"
    return f"{statistics.mean(values):.{digits}f} ± {statistics.stdev(values):.{digits}f}"


def budget(run: dict) -> str:
    """The training budget a run had: steps, a wall-clock limit, or both (the first reached stops)."""
    train = run.get("resolved_config", {}).get("train", {})
    parts = []
    if train.get("max_steps"):
        parts.append(f"{train['max_steps']} steps")
    if train.get("max_time"):
        parts.append(f"{train['max_time'] / 60:.0f} min" + (" cap" if train.get("max_steps") else ""))
    return " + ".join(parts) or ("?" if not train else f"{train.get('max_epochs')} epochs")


def _shortlist(runs: list[dict]) -> str:
    """Mean (± std) shortlist BLEU when every seed's file records one, else a dash."""
    scores = [r["shortlist"]["bleu"] for r in runs if r.get("shortlist")]
    return _fmt(scores) if scores and len(scores) == len(runs) else "–"


def table(results_dir: Path) -> str:
    # One row per config, budget and machine: the same config trained for 50 minutes on
    # another CPU is another experiment, and both rows stay in the table.
    groups: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for path in sorted(results_dir.glob("*.json")):
        data = json.loads(path.read_text())
        if "bleu" not in data or "config" not in data:
            continue  # benchmark files live here too
        key = (re.sub(r"-seed\d+$", "", data["name"]), budget(data), machine(data))
        groups[key].append(data)
    lines = [
        "| config | pair | cell | seeds | test BLEU | chrF | BLEU, shortlist | params | budget | machine "
        "| train tok/s | steps | to best valid (min) | command |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for (name, run_budget, where), runs in sorted(groups.items()):
        runs.sort(key=lambda r: r["seed"])
        r0 = runs[0]
        command = f"`{r0['command']}`" + (" (other seeds: `--seed N`)" if len(runs) > 1 else "")
        lines.append(
            f"| {name} | {r0['src_lang']}→{r0['tgt_lang']} | {r0['cell']} | "
            f"{', '.join(str(r['seed']) for r in runs)} | {_fmt([r['bleu'] for r in runs])} | "
            f"{_fmt([r['chrf'] for r in runs])} | {_shortlist(runs)} | {r0['parameters'] / 1e6:.1f}M | "
            f"{run_budget} | {where} | "
            f"{_fmt([r['train_tgt_tokens_per_s_median'] for r in runs], 0)} | "
            f"{', '.join(str(r['best_step']) for r in runs)} | "
            f"{_fmt([r['time_to_best_valid_s'] / 60 for r in runs], 1)} | {command} |")
    sigs = sorted({r["bleu_signature"] for runs in groups.values() for r in runs})
    cpus = sorted({f"{r['gpu']}, torch {r['torch']}" if r.get("gpu") else
                   f"{r['cpu']}, {r['threads']} thread{'s' if r['threads'] != 1 else ''}, torch {r['torch']}" for runs in groups.values() for r in runs})
    lines += ["", f"BLEU signature: `{'`, `'.join(sigs)}`; test = Multi30k test2016, beam search as in each "
              f"file's `beam_size` over the whole vocabulary; BLEU, shortlist = the same model decoded with "
              f"its lexical shortlist (`decode.shortlist`, the default of `nmt translate`), where the file "
              f"records it; steps = the step of the best validation BLEU, per seed; budget = the "
              f"training budget (the first limit reached stops). "
              f"Machines: {'; '.join(cpus)}."]
    return "\n".join(lines)


def performance(results_dir: Path) -> str:
    """Markdown for docs/performance.md's tables, from whichever benchmark files exist."""
    out: list[str] = []
    prof = _load(results_dir, "profile_train")
    if prof:
        phases = ", ".join(f"{k} {v:.0f} ms" for k, v in prof["phase_ms_per_step"].items())
        where = f"{short_cpu(prof['cpu'])}, " if prof.get("cpu") else ""
        out += block(f"**Where a training step goes** (`{prof['command']}`, {where}{prof['threads']} threads): "
                     f"{phases}.", ["operator", "self CPU %", "calls/step"],
                     [[f"`{o['op']}`", o["self_cpu_pct"], f"{o['calls_per_step']:g}"] for o in prof["top_ops"]])
    bench = _load(results_dir, "bench_train")
    if bench:
        where = bench["device"] if bench.get("device_type") == "cuda" else short_cpu(bench["cpu"])
        out += [f"**Training throughput and roofline** (`{bench['command']}`, {where}, "
                f"{bench['threads']} threads):", "",
                "| train tgt tok/s (median) | GFLOP / tgt token (fwd+bwd) | matmul GFLOP/s | roofline tok/s "
                "| fraction of roofline |", "|---|---|---|---|---|",
                f"| {bench['tgt_tokens_per_s_median']:.0f} | {bench['gflop_per_tgt_token']:.4f} | "
                f"{bench['sgemm_gflops']:.1f} | {bench['roofline_tokens_per_s']:.0f} | "
                f"{bench['roofline_fraction']:.2f} |", ""]
    joey = _load(results_dir, "bench_vs_joeynmt")
    if joey:
        s, ours, jy = joey["settings"], joey["summary"]["ours"], joey["summary"]["joey"]
        cmd = joey.get("command", "python scripts/bench_vs_joeynmt.py")
        out += [f"**Side by side with Joey NMT 2.3.0** (`{cmd}`: same architecture, data, "
                f"{s['steps']} steps, {short_cpu(joey['cpu'])}, {s['threads']} threads, beam {s['beam']} on the {s['test_sentences']} "
                f"test2016 sentences; medians of {s['runs']} runs):", "",
                "| toolkit | params | train tgt tok/s | translate sent/s | mean output words |",
                "|---|---|---|---|---|",
                f"| nmt | {ours['params'] / 1e6:.1f}M | {ours['train_tok_s']:.0f} | {ours['sent_s']:.1f} | "
                f"{ours['mean_out_words']:.2f} |",
                f"| Joey NMT | {jy['params'] / 1e6:.1f}M | {jy['train_tok_s']:.0f} | {jy['sent_s']:.1f} | "
                f"{jy['mean_out_words']:.2f} |"]
        if "sent_s_full" in ours:
            out.append(f"| nmt `--no-shortlist` | | | {ours['sent_s_full']:.1f} | {ours['mean_out_words_full']:.2f} |")
        if "sent_s_int8" in ours:
            out.append(f"| nmt `--int8` | | | {ours['sent_s_int8']:.1f} | {ours['mean_out_words_int8']:.2f} |")
        from bench_vs_joeynmt import words_ratio  # the bench's own definition (older files lack the field)

        per_word = words_ratio(joey["runs"])
        extra = [f"`{flag}`: {joey['summary'][f'translate_ratio_{v}']:.2f}, per word "
                 f"{joey['summary'][f'translate_words_ratio_{v}']:.2f}"
                 for v, flag in (("full", "--no-shortlist"), ("int8", "--int8"))
                 if f"translate_words_ratio_{v}" in joey["summary"]]
        if not extra and "translate_ratio_int8" in joey["summary"]:  # files written before per-word extras
            extra = [f"`--int8`: {joey['summary']['translate_ratio_int8']:.2f}"]
        out += ["", f"`train_ratio={joey['train_ratio']:.2f} translate_ratio={joey['translate_ratio']:.2f}`"
                + f"; per output word (words/s, median of the runs' ratios): {per_word:.2f}"
                + (f"; translate ratio with {'; with '.join(extra)}" if extra else ""), ""]
    out += marian_tables(results_dir)
    scale = _load(results_dir, "bench_scale")
    if scale:
        out += [f"**Start-up time and memory as the corpus grows** (`{scale['command']}`, "
                f"{short_cpu(scale['cpu'])}, {scale['cores']} cores; synthetic corpora of two Multi30k pairs "
                f"joined, the default config, {scale['steps']} steps; RSS counts the memory-mapped pages a "
                "process touched):", "",
                "| training pairs | to first step, cold | to first step, cached | peak RSS, cold | "
                "peak RSS, cached | peak anonymous / peak file-backed RSS, cold (each sampled on its own) | "
                "process tree, cold | "
                "tokenization sentences/s | SentencePiece | cache on disk |",
                "|---|---|---|---|---|---|---|---|---|---|"]

        def parts(run: dict) -> str:
            return f"{run['peak_anon_mb']:,} / {run['peak_file_mb']:,} MB" if "peak_anon_mb" in run else "–"

        for r in scale["rows"]:
            cold, cached = r["cold"], r["cached"]
            sp = f"{r['sentencepiece_s']:.0f} s" if r.get("sentencepiece_s") else "–"
            out.append(f"| {r['pairs']:,} | {cold['first_step_s']:.0f} s | {cached['first_step_s']:.1f} s | "
                       f"{cold['peak_rss_mb']:,} MB | {cached['peak_rss_mb']:,} MB | {parts(cold)} | "
                       f"{cold['peak_tree_rss_mb']:,} MB | {r['tokenize_sentences_per_s'] or 0:,} | {sp} | "
                       f"{r['cache_mb']:,} MB |")
        out += ["", f"Peak RSS at most {scale['peak_rss_mb_max']:,} MB; largest over smallest "
                f"{scale['peak_rss_spread']:.2f}x.", ""]
    for split in ("validation", "test"):
        sl = _load(results_dir, f"bench_shortlist_{split}")
        if not sl:
            continue
        out += block(f"**Lexical shortlist vs the whole vocabulary, {split}** (`{sl['command']}`, "
                     f"{short_cpu(sl['cpu'])}, {sl['threads']} threads, beam {sl['beam']}, medians of "
                     f"{sl['repeats']} runs; FxM = F frequent pieces + M per source piece):",
                     ["model", "setting", "mean shortlist size", "sentences/s", "speed-up", "BLEU", "chrF",
                      "outputs changed"],
                     [[Path(r["model"]).parent.name, r["setting"], r["mean_width"] or "all", r["sent_per_s"],
                       f"{r['speedup']:.2f}", f"{r['bleu']:.2f}", f"{r['chrf']:.2f}", r["differ"]] for r in sl["rows"]])
        out += ["Mean over the models: " + "; ".join(
            f"{s['setting']} BLEU {s['mean_bleu']:.2f}, chrF {s['mean_chrf']:.2f}, speed-up "
            f"{s['median_speedup']:.2f} (median)" for s in sl["summary"]) + ".", ""]
    speed = _load(results_dir, "bench_translate")
    if speed and speed["speed"]:
        cmd = speed.get("command", "python scripts/bench_translate.py")
        where = f", {short_cpu(speed['cpu'])}, {speed['threads']} threads" if speed.get("cpu") else ""
        out += block(f"**Translation speed** (`{cmd}`: a fresh `nmt translate` process per run over test2016 "
                     f"from stdin, start-up excluded{where}):",
                     ["beam", "precision", "output vocabulary", "sentences/s", "output pieces/s", "peak RSS (MiB)",
                      "test BLEU"],
                     [[r["beam"], r.get("precision", "fp32"), r.get("vocab", "full"), r["sentences_per_s"],
                       r["pieces_per_s"], r["peak_rss_mib"], r.get("bleu", "")] for r in speed["speed"]])
    tprof = _load(results_dir, "profile_translate")
    if tprof:
        out += block(f"**Where beam search goes** (`{tprof['command']}`, {short_cpu(tprof['cpu'])}, "
                     f"{tprof['threads']} threads, beam {tprof['beam']}, batches of {tprof['batch_size']}: "
                     f"{tprof['sentences_per_s']} sentences/s unprofiled):", ["operator", "self CPU %", "calls"],
                     [[f"`{o['op']}`", o["self_cpu_pct"], o["calls"]] for o in tprof["top_ops"]])
    rss = _load(results_dir, "bench_translate_rss")
    if rss and rss["rss"]:
        cmd = rss.get("command", "python scripts/bench_translate.py --rss-lines ...")
        out += block(f"**Memory while streaming** (`{cmd}`):", ["input lines", "beam", "wall (s)", "peak RSS (MiB)"],
                     [[r["lines"], r["beam"], r["wall_s"], r["peak_rss_mib"]] for r in rss["rss"]])
    return "\n".join(out).rstrip()


def marian_tables(results_dir: Path) -> list[str]:
    """Side by side with Marian and OpenNMT-py (bench_vs_marian.json): training, then beam search."""
    m = _load(results_dir, "bench_vs_marian")
    if not m:
        return []
    s = m["settings"]
    models = [("nmt", m["ours"]), *((f"nmt, train.amp={k} (autocast)", v) for k, v in m.get("ours_amp", {}).items()),
              *((f"Marian s2s --dim-rnn {k.removeprefix('marian')}", v) for k, v in m["marian"].items())]
    if m.get("opennmt_py"):
        models.append(("OpenNMT-py", m["opennmt_py"]))
    out = block(f"**Side by side with Marian {m['marian_packages'].get('pymarian', '')} and OpenNMT-py** "
                f"(`{m['command']}`: Multi30k de→en, our SentencePiece model for all, {s['steps']} updates of "
                f"{s['batch_tokens']} tokens, {short_cpu(m['cpu'])}, {s['threads']} threads each{_when(m)}):",
                ["model", "params", "train tgt tok/s", "tgt tokens / update", f"valid BLEU after {s['steps']}"],
                [[n, f"{v['params'] / 1e6:.1f}M", f"{v['train_tok_s']:.0f}", f"{v['tgt_tokens_per_update']:.0f}",
                  f"{v['valid']['bleu']:.2f}"] for n, v in models])
    rows = [r for r in m["decode"] if r["threads"] == s["threads"]]
    out += block(f"Test2016 ({s['test_sentences']} sentences), {s['threads']} threads, decoding only (models "
                 f"loaded), medians of {s['repeats']}; output tokens = pieces of the shared SentencePiece model + EOS; "
                 "Marian's --mini-batch " + ", ".join(f"{k} {v['mini_batch']}" for k, v in m["marian"].items())
                 + " (the fastest of its sweep):",
                 ["toolkit", "setting", "beam", "output tok/s", "sentences/s", "mean output tokens", "BLEU"],
                 [[r["toolkit"], r["setting"], r["beam"], f"{r['out_tok_s']:.0f}", f"{r['sent_s']:.1f}",
                   f"{r['mean_out_tokens']:.1f}", f"{r['bleu']:.2f}"] for r in rows])
    ratios = "; ".join(f"{k}: " + ", ".join(f"{a} {b:.2f}" for a, b in v.items())
                       for k, v in m["decode_ratios"].items())
    amp = m.get("train_ratio_amp", "none")
    precision = "float32" if amp == "none" else f"train.amp={amp}"
    return out + [f"`train_ratio={m['train_ratio']:.2f} decode_ratio={m['decode_ratio']:.2f}` (training: ours in "
                  f"{precision} against {m['train_ratio_against']}, beam {s['beam']} against "
                  f"{m['decode_ratio_against']}); "
                  f"beam-{s['beam']} output tokens/s, ours ÷ Marian — {ratios}.", ""]


def _when(m: dict) -> str:
    """When the stages were measured: the benchmark spans sessions (its records are committed)."""
    span = m.get("measured_between")
    if not span:
        return ""
    first, last = span[0][:10], span[1][:10]
    cpus = ", ".join(short_cpu(c) for c in m.get("cpus", [])) or short_cpu(m["cpu"])
    return f"; measured {first}" + (f" to {last}" if last != first else "") + f" on {cpus}"


def _replace(content: str, begin: str, end: str, text: str) -> str:
    if begin not in content or end not in content:
        raise SystemExit(f"no {begin} ... {end} markers to replace")
    start, stop = content.index(begin) + len(begin), content.index(end)
    return content[:start] + "\n" + text + "\n" + content[stop:]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--results", type=Path, default=ROOT / "scripts" / "results")
    args = ap.parse_args()
    from results_gpu import gpu_doc
    from results_readme import (
        by_length_doc,
        distillation_doc,
        engines,
        ensemble_table,
        headline,
        multilingual_doc,
        serving,
        serving_all,
        serving_ceiling,
        serving_layout,
        significance_doc,
        toolbox,
    )

    parts = ((RESULTS_DOC, BEGIN, END, table), (PERF_DOC, PERF_BEGIN, PERF_END, performance),
             (README, HEAD_BEGIN, HEAD_END, headline), (README, SERVE_BEGIN, SERVE_END, serving),
             (README, TOOLS_BEGIN, TOOLS_END, toolbox), (TOOLBOX_DOC, ENG_BEGIN, ENG_END, engines),
             (TOOLBOX_DOC, ENS_BEGIN, ENS_END, ensemble_table), (SERVING_DOC, CEIL_BEGIN, CEIL_END, serving_ceiling),
             (SERVING_DOC, ALL_BEGIN, ALL_END, serving_all), (TOOLBOX_DOC, BYLEN_BEGIN, BYLEN_END, by_length_doc),
             (SERVING_DOC, LAYOUT_BEGIN, LAYOUT_END, serving_layout), (GPU_DOC, GPU_BEGIN, GPU_END, gpu_doc),
             (DISTILL_DOC, DISTILL_BEGIN, DISTILL_END, distillation_doc),
             (RESULTS_DOC, MULTI_BEGIN, MULTI_END, multilingual_doc),
             (RESULTS_DOC, SIG_BEGIN, SIG_END, significance_doc))
    texts = [(path, begin, end, make(args.results)) for path, begin, end, make in parts]
    if not args.write:
        print("\n\n".join(text for *_, text in texts))
        return 0
    for path, begin, end, text in texts:
        path.write_text(_replace(path.read_text(), begin, end, text))
    return 0


if __name__ == "__main__":
    sys.exit(main())
