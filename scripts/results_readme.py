"""The tables README.md quotes, from the files the benchmarks wrote (used by results_table.py).

* serving: ``bench_serve.json`` and ``bench_serve_1x2.json`` (scripts/bench_serve.py);
* toolbox: ``bench_engines.json`` (scripts/bench_engines.py), ``bench_ensemble.json``
  (scripts/bench_ensemble.py) and ``by_length.json`` (scripts/by_length.py).

A figure no file holds is not printed; a missing file leaves its table out.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Callable

from sysinfo import load_result as _load
from sysinfo import short_cpu


def table(header: list[str], rows: list[list]) -> list[str]:
    """Markdown table lines: the header, its rule, one line per row (cells already formatted)."""
    return ["| " + " | ".join(header) + " |", "|" + "---|" * len(header),
            *("| " + " | ".join(str(c) for c in row) + " |" for row in rows)]


def block(title: str, header: list[str], rows: list[list]) -> list[str]:
    """A titled table as the docs show each benchmark: title line, blank, table, blank."""
    return [title, "", *table(header, rows), ""]


def _layout(b: dict) -> str:
    """ " (2 decoding processes × 1 thread)": how the benchmarked server decoded."""
    w, t = b.get("server_workers"), b.get("server_threads")
    if not w:
        return ""
    return f" ({w} decoding process{'es' if w > 1 else ''} × {t} thread{'s' if t > 1 else ''})"


def serving(results_dir: Path) -> str:
    """README's serving sentence: one client and the most clients measured, against batching
    off and against `nmt translate` (every row is in docs/serving.md)."""
    b = _load(results_dir, "bench_serve")
    if not b:
        return "(no scripts/results/bench_serve.json yet: run scripts/bench_serve.py)"
    runs = {(r["mode"], r["clients"]): r for r in b["runs"]}
    clients = sorted({c for m, c in runs if m == "window"})
    if not clients:
        return f"(`{b['command']}` measured no window-batching row)"

    def at(c: int) -> str:
        w, off = runs[("window", c)], runs.get(("off", c))
        return (f"{c} client{'s' if c > 1 else ''}: {w['sentences_per_s']} sentences/s "
                f"({w['vs_translate']:.2f}× `nmt translate`), p95 {w['p95_ms']:.0f} ms"
                + (f" (batching off: {off['sentences_per_s']}, p95 {off['p95_ms']:.0f} ms)" if off and c > 1 else ""))

    shown = sorted({clients[0], clients[-1]})
    return (f"`{b['command']}` (beam {b['beam']}, {short_cpu(b['cpu'])}, {b['cores']} cores shared by the clients "
            f"and the server{_layout(b)}; `nmt translate`: {b['translate_sentences_per_s']} sentences/s): "
            + "; ".join(at(c) for c in shown) + ". [Every row](docs/serving.md#tests-and-benchmark).")


def serving_all(results_dir: Path) -> str:
    """docs/serving.md's table: every mode and load of bench_serve.json."""
    b = _load(results_dir, "bench_serve")
    if not b:
        return "(no scripts/results/bench_serve.json yet)"
    def cores(r: dict) -> str:
        c = r.get("cores")
        return "–" if not c else " / ".join(
            f"{sum(v for k, v in c.items() if k.startswith(who)):.2f}" for who in ("http", "decoder", "clients"))
    return "\n".join(table(
        ["batching", "clients", "sentences/s", "× translate", "p50 / p95 / p99 ms", "lines per batch (continuous: "
         "per step)", "requests per batch", "cores busy: HTTP / decoding / clients"],
        [[r["mode"], r["clients"], r["sentences_per_s"], f"{r['vs_translate']:.2f}",
          f"{r['p50_ms']:.0f} / {r['p95_ms']:.0f} / {r['p99_ms']:.0f}", f"{r['mean_batch_lines']:.1f}",
          f"{r['mean_batch_requests']:.1f}", cores(r)] for r in b["runs"]]))


def serving_layout(results_dir: Path) -> str:
    """docs/serving.md's table: the window rows of bench_serve.json against the same run with
    another decoding layout (bench_serve_1x2.json: one process of two threads)."""
    runs = [b for b in (_load(results_dir, "bench_serve"), _load(results_dir, "bench_serve_1x2")) if b]
    if len(runs) < 2:
        return "(needs scripts/results/bench_serve.json and bench_serve_1x2.json)"
    rows = []
    for b in runs:
        for r in b["runs"]:
            if r["mode"] == "window":
                rows.append([f"{b['server_workers']} × {b['server_threads']}", r["clients"], r["sentences_per_s"],
                             f"{r['vs_translate']:.2f}", f"{r['p50_ms']:.0f} / {r['p95_ms']:.0f}",
                             f"{r['mean_batch_lines']:.1f}"])
    cmds = " and ".join(f"`{b['command']}`" for b in runs)
    return "\n".join([f"Window batching, {cmds} (each against its own `nmt translate` median):", "",
                      *table(["processes × threads", "clients", "sentences/s", "× translate", "p50 / p95 ms",
                              "lines per batch"], rows)])


def serving_ceiling(results_dir: Path) -> str:
    """docs/serving.md's line: what the same lines decode at without HTTP, by how batches are made."""
    b = _load(results_dir, "bench_serve")
    if not b or not b.get("ceiling"):
        return "(no decoding ceiling in scripts/results/bench_serve.json yet)"

    def what(c: dict) -> str:
        lines = c["batch_lines"]
        kind = ("length-sorted batches, as nmt translate" if lines == "sorted" else lines if isinstance(lines, str)
                else f"batches of {lines} in arrival order")
        return f"{kind}: {c['sentences_per_s']}"
    return (f"Decoding alone, no HTTP, in the same run of `{b['command']}`{_layout(b)} (sentences/s): "
            + "; ".join(what(c) for c in b["ceiling"]) + ".")


def _rows_table(results_dir: Path, name: str, title: Callable[[dict], str], header: list[str],
                row: Callable[[dict], list]) -> str:
    """A titled table with one line per entry of ``name``.json's "rows"."""
    data = _load(results_dir, name)
    if not data:
        return f"(no scripts/results/{name}.json yet)"
    return "\n".join(block(title(data), header, [row(r) for r in data["rows"]])).rstrip()


def ensemble_table(results_dir: Path) -> str:
    """docs/toolbox.md's table: each seed alone and their ensemble, from bench_ensemble.json."""
    return _rows_table(results_dir, "bench_ensemble",
                       lambda e: f"**Ensemble** (`{e['command']}`, test2016, beam {e['beam']}, "
                                 f"{short_cpu(e['cpu'])}, {e['threads']} threads):",
                       ["model", "BLEU", "chrF", "sentences/s"],
                       lambda r: [r["name"], f"{r['bleu']:.2f}", f"{r['chrf']:.2f}", r["sentences_per_s"]])


def by_length_table(results_dir: Path, picture: str) -> list[str]:
    """BLEU (chrF) per source-length bucket, one column per model of by_length.json."""
    bl = _load(results_dir, "by_length")
    if not bl:
        return []
    names = list(bl["models"])
    first = bl["models"][names[0]]["by_length"]

    def cell(row: dict) -> str:
        return f"{row['bleu']:.2f} ({row['chrf']:.1f})"

    rows = [[bucket["bucket"], bucket["sentences"], *(cell(bl["models"][n]["by_length"][i]) for n in names)]
            for i, bucket in enumerate(first) if bucket["sentences"]]
    rows.append(["all", sum(b["sentences"] for b in first), *(cell(bl["models"][n]) for n in names)])
    return block(f"**BLEU (chrF) by source length** (`{bl['command']}`, {bl['split']}; [picture]({picture})):",
                 ["source words", "sentences", *(n.upper() for n in names)], rows)


def by_length_doc(results_dir: Path) -> str:
    """docs/toolbox.md's copy of the table, naming the checkpoint behind each column."""
    bl = _load(results_dir, "by_length")
    if not bl:
        return "(no scripts/results/by_length.json yet: run scripts/by_length.py)"
    which = "; ".join(f"{n.upper()}: `{m['checkpoint']}`" for n, m in bl["models"].items())
    return "\n".join(by_length_table(results_dir, "../scripts/results/by_length.png")
                     + [f"Checkpoints: {which} (decoded with their own settings: beam 5, shortlist)."])


def toolbox(results_dir: Path) -> str:
    out: list[str] = []
    ens = _load(results_dir, "bench_ensemble")
    if ens:
        *singles, both = ens["rows"]
        best = max(singles, key=lambda r: r["bleu"])
        out += [f"**Ensemble**: {both['name']} default seeds {both['bleu']:.2f} BLEU / {both['chrf']:.2f} chrF at "
                f"{both['sentences_per_s']} sentences/s, against the best seed alone {best['bleu']:.2f} / "
                f"{best['chrf']:.2f} at {best['sentences_per_s']} (beam {ens['beam']}, `{ens['command']}`; "
                "[every seed](docs/toolbox.md#ensembles)).", ""]
    eng = _load(results_dir, "bench_engines")
    if eng:
        rows = {(r["beam"], r["engine"], r["precision"]): r for r in eng["rows"]}
        t5, o5 = rows.get((5, "torch", "fp32")), rows.get((5, "onnxruntime", "fp32"))
        if t5 and o5:
            out += [f"**ONNX**: onnxruntime fp32 gives the same test BLEU as PyTorch ({o5['bleu']:.2f} at beam 5, "
                    f"identical outputs) at {o5['sentences_per_s'] / t5['sentences_per_s']:.2f}x its speed "
                    f"({o5['sentences_per_s']} vs {t5['sentences_per_s']} sentences/s; all engines and "
                    "precisions: [docs/toolbox.md](docs/toolbox.md#onnx-export-and-onnxruntime)).", ""]
    bl = _load(results_dir, "by_length")
    if bl:  # README keeps one line; the table is in docs/toolbox.md
        kept = {n: [b for b in m["by_length"] if b["sentences"]] for n, m in bl["models"].items()}
        first, last = next(iter(kept.values()))[0]["bucket"], next(iter(kept.values()))[-1]["bucket"]
        spans = "; ".join(f"{n.upper()} {b[0]['bleu']:.1f} → {b[-1]['bleu']:.1f}" for n, b in kept.items())
        out.append(f"**BLEU by source length** (`{bl['command']}`), {first} words → {last}: {spans} "
                   "([table and picture](docs/toolbox.md#bleu-by-sentence-length)).")
    return "\n".join(out).rstrip() or "(no toolbox results yet)"


CURRENT = (("multi30k_de_en", "GRU (default)"), ("multi30k_de_en_lstm", "LSTM"), ("multi30k_de_en_rnn", "plain RNN"),
           ("multi30k_en_de", "GRU, en→de"))


def headline(results_dir: Path) -> str:
    """README's five rows: the current reproduced runs (files named as their run, not older
    machines' copies), seeds as mean ± std, and the ensemble of the default config's seeds."""
    import re
    import statistics

    runs: dict[str, list[dict]] = {}
    for path in sorted(results_dir.glob("multi30k_*.json")):
        data = json.loads(path.read_text())
        if path.stem != data.get("name"):
            continue  # e.g. multi30k_de_en.amd-epyc-50min.json: another machine's row, kept in docs/results.md
        runs.setdefault(re.sub(r"-seed\d+$", "", data["name"]), []).append(data)

    def fmt(values: list[float]) -> str:
        return f"{values[0]:.2f}" if len(values) == 1 else \
            f"{statistics.mean(values):.2f} ± {statistics.stdev(values):.2f}"

    lines = ["| model | test BLEU | chrF | seeds | training, 2 CPU cores | reproduce |", "|---|---|---|---|---|---|"]
    for name, label in CURRENT:
        rs = sorted(runs.get(name, []), key=lambda r: r["seed"])
        if rs:
            # The machine beside the time: rows trained in different sessions ran on different CPUs.
            where = "/".join(sorted({short_cpu(r["cpu"]).split()[-1] for r in rs}))
            lines.append(f"| {label} | {fmt([r['bleu'] for r in rs])} | {fmt([r['chrf'] for r in rs])} | "
                         f"{len(rs)} | {statistics.median(r['train_wall_s'] for r in rs) / 60:.0f} min, {where} | "
                         f"`python scripts/reproduce.py configs/{name}.yaml` |")
    # The ensemble of the current seeds (the distillation teacher, scored over the whole
    # vocabulary); before that file existed, bench_ensemble.json's (older machines' seeds).
    teacher, ens = _load(results_dir, "distill_teacher"), _load(results_dir, "bench_ensemble")
    if teacher and "test_shortlist" in teacher:
        lines.append(f"| ensemble of {len(teacher['teachers'])} default seeds | {teacher['test_bleu']:.2f} | "
                     f"{teacher['test_chrf']:.2f} | – | – | `{teacher['command']}` |")
    elif ens:
        row = ens["rows"][-1]
        lines.append(f"| {row['name']} default seeds | {row['bleu']:.2f} | {row['chrf']:.2f} | – | – | "
                     f"`{ens['command']}` |")
    multi = _load(results_dir, "multilingual")
    shown = next((d for d in multi["directions"] if d["direction"] == "de-en"), None) if multi else None
    if shown:
        lines.append(f"| one model, six directions: de→en (mean {multi['mean_bleu']:.2f}) | {shown['bleu']:.2f} | "
                     f"{shown['chrf']:.2f} | 1 | {multi['train_seconds'] / 60:.0f} min"
                     + (f", {short_cpu(multi['cpu']).split()[-1]}" if multi.get("cpu") else "") + " | "
                     "`python scripts/multilingual.py --train` |")
    joey = _load(results_dir, "bench_vs_joeynmt")
    sig = next((r["bleu_signature"] for rs in runs.values() for r in rs), "")
    lines += ["", f"Multi30k test2016, beam 5, sacreBLEU `{sig}`. [All rows and settings](docs/results.md)."]
    tested = tested_sentence(results_dir)
    if tested:
        lines[-1] += " " + tested
    marian = _load(results_dir, "bench_vs_marian")
    speed = []
    if joey:
        speed.append(f"{joey['train_ratio']:.1f}× Joey NMT's training speed and {joey['translate_ratio']:.1f}× "
                     "its beam search")
    if marian:
        speed.append(f"{marian['train_ratio']:.1f}× Marian's (C++) training and {marian['decode_ratio']:.1f}× its "
                     "fastest beam search (output tokens/s)")
    if speed:  # the commands, settings and tables are in docs/performance.md
        lines[-1] += (" On the same model, data and 2 cores: " + "; ".join(speed)
                      + " ([how](docs/performance.md#against-other-toolkits)).")
    gpu = gpu_sentence(results_dir)
    if gpu:
        lines += ["", gpu]
    return "\n".join(lines)


# The comparisons README's rows make, by significance.json id, and how the sentence names each system.
README_TESTS = (("cells", {"LSTM": "LSTM", "plain RNN": "plain RNN"}), ("ensemble", {"ensemble of 3": "ensemble"}),
                ("shortlist", {"shortlist": "shortlist"}), ("int8", {"int8": "int8"}))


def tested_sentence(results_dir: Path) -> str:
    """README's p-values: each row's difference from the default model (seed 1), tested
    (significance.json, scripts/significance.py); empty until that file has them."""
    sig = _load(results_dir, "significance")
    if not sig:
        return ""
    by_id = {c["id"]: c for c in sig["comparisons"]}
    parts = []
    for cid, names in README_TESTS:
        for s in by_id.get(cid, {}).get("systems", [])[1:]:
            if s["name"] in names:
                p = "identical output" if s.get("identical") else \
                    f"p = {s['bleu_p']:.3f}" + ("" if s["bleu_p"] < 0.05 else ", not significant")
                parts.append(f"{names[s['name']]} {s['bleu']:.2f} ({p})")
    if not parts:
        return ""
    return ("Against the default model's seed 1, paired bootstrap: " + "; ".join(parts)
            + " ([all](docs/results.md#which-differences-are-real)).")


def gpu_sentence(results_dir: Path) -> str:
    """One GPU line for README: the GPU config's run, its training speed and beam search against the CPU."""
    run, bench = _load(results_dir, "multi30k_de_en_gpu-b16384"), _load(results_dir, "bench_train_cuda")
    gpu, cpu = _load(results_dir, "bench_translate_cuda"), _load(results_dir, "bench_translate_cpu_inprocess")
    if not (run and bench and gpu and cpu):
        return ""
    rate = next(v["tgt_tokens_per_s_median"] for v in bench["variants"]
                if v["batch_tokens"] == run["resolved_config"]["train"]["batch_tokens"] and v["amp"] == "none")
    fast = max(gpu["speed"], key=lambda r: r["sentences_per_s"])
    slow = cpu["speed"][0]
    return (f"**On one GPU** ({run['gpu'].replace('NVIDIA ', '')}, `configs/multi30k_de_en_gpu.yaml`: the default "
            f"model with {run['resolved_config']['train']['batch_tokens']}-token batches): test BLEU "
            f"{run['bleu']:.2f} after {run['time_to_best_valid_s']:.0f} s of training ({rate / 1000:.0f}k target "
            f"tokens/s); beam 5 translates test2016 at {fast['sentences_per_s']:,.0f} sentences/s, "
            f"{fast['sentences_per_s'] / slow['sentences_per_s']:.0f}× the 2 CPU cores. [docs/gpu.md](docs/gpu.md)")


def engines(results_dir: Path) -> str:
    """docs/toolbox.md's table: every engine x precision x beam from bench_engines.json."""
    return _rows_table(results_dir, "bench_engines",
                       lambda e: f"**Engines** (`{e['command']}`, test2016, {short_cpu(e['cpu'])}, "
                                 f"{e['threads']} threads, start-up excluded, one run each):",
                       ["beam", "engine", "precision", "sentences/s", "BLEU"],
                       lambda r: [r["beam"], r["engine"], r["precision"], r["sentences_per_s"], f"{r['bleu']:.2f}"])


def _seed_groups(results_dir: Path, prefix: str) -> dict[str, list[dict]]:
    """reproduce.py's files of configs named ``prefix*``, grouped by config (seeds together)."""
    import re

    groups: dict[str, list[dict]] = {}
    for path in sorted(results_dir.glob(f"{prefix}*.json")):
        data = json.loads(path.read_text())
        # A file not named as its run (multi30k_de_en.amd-epyc-50min.json, .intel-xeon.json) is
        # another machine's copy, kept for docs/results.md's full table only.
        if "bleu" in data and "config" in data and path.stem == data.get("name"):
            groups.setdefault(re.sub(r"-seed\d+$", "", data["name"]), []).append(data)
    return groups


def _mean(values: list[float]) -> str:
    import statistics

    if len(values) == 1:
        return f"{values[0]:.2f}"
    return f"{statistics.mean(values):.2f} ± {statistics.stdev(values):.2f}"


def distillation_doc(results_dir: Path) -> str:
    """docs/distillation.md's measured section: the teacher (distill_teacher.json),
    the students against the default model (reproduce.py's files) and their speed (bench_students.json)."""
    lines: list[str] = []
    teacher = _load(results_dir, "distill_teacher")
    if teacher:
        lines += [f"**Teacher**: the ensemble of {len(teacher['teachers'])} ({', '.join(teacher['teachers'])}), "
                  f"test2016 BLEU {teacher['test_bleu']:.2f} / chrF {teacher['test_chrf']:.2f} at beam "
                  f"{teacher['beam_size']}.", ""]
        parts = ", ".join(f"{split} {s['rows']:,} rows in {s['seconds'] / 60:.1f} min ({s['sentences_per_s']} sentences/s)"
                          for split, s in teacher["splits"].items())
        lines += [f"**Distillation** (`{teacher['command']}`, beam {teacher['beam_size']}, "
                  f"{short_cpu(teacher['cpu'])}, {teacher['threads']} threads): {parts}.", ""]
    groups = _seed_groups(results_dir, "multi30k_de_en")
    rows = []
    for name in ("multi30k_de_en", *sorted(n for n in groups if n.startswith("multi30k_de_en_student"))):
        runs = groups.get(name)
        if not runs:
            continue
        runs.sort(key=lambda r: r["seed"])
        what = "references (baseline)" if name == "multi30k_de_en" else "teacher's translations"
        rows.append([name, what, len(runs), f"{runs[0]['parameters'] / 1e6:.1f}M", _mean([r["bleu"] for r in runs]),
                     _mean([r["chrf"] for r in runs]), f"`{runs[0]['command']}`"])
    if len(rows) > 1:
        lines += block("**Students** (test2016, beam 5; mean ± sd over seeds):",
                       ["config", "trained on", "seeds", "params", "BLEU", "chrF", "command"], rows)
    speed = _load(results_dir, "bench_students")
    if speed:
        lines += block(f"**Speed** (`{speed['command']}`, beam {speed['beam']}, {speed['threads']} threads, "
                       f"{short_cpu(speed['cpu'])}; median of {speed['runs']} passes, ratios from this one run):",
                       ["model", "params", "BLEU", "sentences/s", "× baseline"],
                       [[r["model"], f"{r['parameters'] / 1e6:.1f}M", f"{r['bleu']:.2f}", r["sentences_per_s"],
                         r["speedup"]] for r in speed["rows"]])
    return "\n".join(lines).rstrip() or "(not measured yet: the commands above write the files this is generated from)"


def multilingual_doc(results_dir: Path) -> str:
    """docs/results.md's multilingual section: one six-direction model against the bilingual
    rows, and zero-shot against pivoting (multilingual.json, scripts/multilingual.py); without
    that file, the bilingual rows alone (reproduce.py's files of each direction's config)."""
    m = _load(results_dir, "multilingual")
    lines: list[str] = []

    def p(value: float | None) -> str:
        if value is None:
            return "–"
        return f"{value:.3f}" + (" *" if value < 0.05 else " (n.s.)")

    if m:
        rows = []
        for d in m["directions"]:
            sig = d.get("significance") or {}
            rows.append([d["direction"], f"{d['bleu']:.2f}", f"{d['chrf']:.2f}",
                         f"{d['bilingual_bleu']:.2f}" if "bilingual_bleu" in d else "–",
                         f"{d['delta_bleu']:+.2f}" if "delta_bleu" in d else "–", p(sig.get("bleu_p"))])
        how = (f"trained with `{m['trained_with']}`, measured with `{m['command'].split(' --trained-with')[0]}`"
               if m.get("trained_with") and "--train " not in m["command"] + " " else f"`{m['command']}`")
        lines += block(f"**One model, six directions** ({how}; {m['steps']} steps, best at "
                       f"{m['best_step']}, {m['parameters'] / 1e6:.1f}M parameters; test2016, beam {m['beam_size']}, "
                       f"full vocabulary; p: sacreBLEU paired bootstrap against the bilingual model's output, "
                       "* = p < 0.05, n.s. = not significant):",
                       ["direction", "multilingual BLEU", "chrF", "bilingual BLEU", "Δ", "p"], rows)
        lines += block("**Zero-shot** (pairs never trained together) against pivoting through English with the "
                       "same model:", ["direction", "zero-shot BLEU", "pivot BLEU", "p", "answers in English"],
                       [[z["direction"], f"{z['zero_shot_bleu']:.2f}", f"{z['pivot_bleu']:.2f}", p(z["bleu_p"]),
                         f"{100 * z['copied_english_share']:.0f}%"] for z in m["zero_shot"]])
    rows = []
    for name, runs in sorted(_seed_groups(results_dir, "multi30k_").items()):
        r = next((x for x in runs if x["seed"] == 1), runs[0])
        if r.get("cell") != "gru" or "_" not in name.removeprefix("multi30k_") or len(name.split("_")) != 3:
            continue
        rows.append([f"{r['src_lang']}→{r['tgt_lang']}", f"{r['bleu']:.2f}", f"{r['chrf']:.2f}",
                     "yes" if r.get("hyp_file") else "no", f"`{r['command']}`"])
    if rows:
        lines += block("**Bilingual models** (the default config per direction, seed 1; "
                       "hypotheses kept = can be tested for significance):",
                       ["direction", "BLEU", "chrF", "hypotheses kept", "command"], rows)
    return "\n".join(lines).rstrip() or "(not measured yet)"


def _p(s: dict) -> str:
    """A p-value cell: "0.012 *" (p < 0.05), "0.31 (n.s.)", "identical" (the same output), "–" (the baseline)."""
    if s.get("identical"):
        return "identical"
    if s.get("bleu_p") is None:
        return "–"
    return f"{s['bleu_p']:.3f}" + (" *" if s["bleu_p"] < 0.05 else " (n.s.)")


def significance_doc(results_dir: Path) -> str:
    """docs/results.md's comparisons with their p-values (significance.json, scripts/significance.py);
    a comparison still missing outputs is listed with the commands that make them."""
    sig = _load(results_dir, "significance")
    if not sig:
        return "(not measured yet: `python scripts/significance.py --json scripts/results/significance.json`)"
    lines = [f"`{sig['command']}` ({sig['test']}; * = p < 0.05, n.s. = not significant; BLEU ± the half-width of "
             "its 95% interval):", ""]
    rows, waiting = [], []
    for c in sig["comparisons"]:
        for s in c.get("systems", []):
            ci = f" ± {s['bleu_ci']:.2f}" if s.get("bleu_ci") is not None else ""
            rows.append([c["title"], s["name"], f"{s['bleu']:.2f}{ci}", f"{s['chrf']:.2f}", _p(s)])
        if c.get("missing"):
            waiting.append(f"{c['title']}: " + ", ".join(f"{m['system']} waits for `{m['made_by']}`"
                                                         for m in c["missing"]))
        if c.get("error"):
            waiting.append(f"{c['title']}: {c['error']}")
    if rows:
        lines += table(["comparison", "system", "BLEU", "chrF", "p (BLEU, vs the first)"], rows) + [""]
    for c in sig["comparisons"]:
        if c.get("by_length"):
            names = [s["name"] for s in c["by_length"][0]["systems"]]
            lines += block(f"**{c['title']}, by source length** (words; BLEU, p against {names[0]}):",
                           ["source words", "sentences", *names],
                           [[b["bucket"], b["sentences"], *(f"{s['bleu']:.2f}" + ("" if k == 0 else f" ({_p(s)})")
                                                            for k, s in enumerate(b["systems"]))]
                            for b in c["by_length"]])
    if waiting:
        lines += ["Not tested yet:", "", *(f"- {w}" for w in waiting), ""]
    return "\n".join(lines).rstrip()

