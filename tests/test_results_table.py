"""The results table (docs/results.md) is generated from the results files: seeds of one config
become one row (mean ± std), and each row names its budget and machine, because
a wall-clock budget on a faster CPU is a different experiment."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _module():
    spec = importlib.util.spec_from_file_location("results_table", ROOT / "scripts" / "results_table.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _row(name: str, seed: int, bleu: float, cpu: str, train: dict) -> dict:
    return {"config": f"configs/{name}.yaml", "name": name + (f"-seed{seed}" if seed != 1 else ""),
            "src_lang": "de", "tgt_lang": "en", "cell": "gru", "seed": seed, "bleu": bleu, "chrf": bleu + 20,
            "bleu_signature": "nrefs:1|tok:13a", "best_step": 1000 * seed, "time_to_best_valid_s": 600.0 * seed,
            "train_tgt_tokens_per_s_median": 1000.0, "parameters": 6_700_000, "cpu": cpu, "threads": 2,
            "torch": "2.13.0+cpu", "command": f"python scripts/reproduce.py configs/{name}.yaml",
            "resolved_config": {"train": train}}


def test_seeds_are_one_row_with_mean_std_budget_and_machine(tmp_path: Path) -> None:
    rt = _module()
    steps = {"max_steps": 3000, "max_time": 3300.0, "max_epochs": 30}
    for seed, bleu in ((1, 40.0), (2, 41.0), (3, 42.0)):
        r = _row("cfg", seed, bleu, "Intel(R) Xeon(R) Processor", steps)
        r["shortlist"] = {"bleu": bleu + 1, "chrf": bleu + 21, "frequent": 100, "per_source": 10}
        (tmp_path / f"{r['name']}.json").write_text(json.dumps(r))
    other = _row("lstm", 1, 37.5, "AMD EPYC", {"max_steps": 0, "max_time": 3000.0, "max_epochs": 30})
    (tmp_path / "lstm.json").write_text(json.dumps(other))
    # An earlier machine's run of the same config, kept under another file name.
    earlier = _row("cfg", 1, 39.0, "AMD EPYC", {"max_steps": 0, "max_time": 3000.0, "max_epochs": 30})
    (tmp_path / "cfg.earlier.json").write_text(json.dumps(earlier))
    (tmp_path / "bench_train.json").write_text(json.dumps({"benchmark": "not a results row"}))

    rows = [[c.strip() for c in line.split("|")] for line in rt.table(tmp_path).splitlines()
            if line.startswith(("| cfg", "| lstm"))]
    assert [(r[1], r[9], r[10]) for r in rows] == [
        ("cfg", "3000 steps + 55 min cap", "Intel Xeon"), ("cfg", "50 min", "AMD EPYC"),
        ("lstm", "50 min", "AMD EPYC")]
    assert rows[0][4] == "1, 2, 3" and rows[0][5] == "41.00 ± 1.00"
    assert rows[0][7] == "42.00 ± 1.00"  # the shortlist's BLEU, recorded by every seed
    assert rows[1][4] == "1" and rows[1][5] == "39.00" and rows[1][7] == "–"  # files written before shortlists
    assert rows[2][5] == "37.50"


def test_write_replaces_only_between_the_markers() -> None:
    rt = _module()
    text = f"intro\n{rt.BEGIN}\nold table\n{rt.END}\nafter\n"
    out = rt._replace(text, rt.BEGIN, rt.END, "new table")
    assert out == f"intro\n{rt.BEGIN}\nnew table\n{rt.END}\nafter\n"
    with pytest.raises(SystemExit):
        rt._replace("no markers here", rt.BEGIN, rt.END, "x")


def _readme_module():
    spec = importlib.util.spec_from_file_location("results_readme", ROOT / "scripts" / "results_readme.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_readme_headline_takes_the_current_rows_and_the_ensemble(tmp_path: Path) -> None:
    rr = _readme_module()
    steps = {"max_steps": 3000}
    for seed, bleu in ((1, 40.0), (2, 41.0)):
        r = _row("multi30k_de_en", seed, bleu, "Intel(R) Xeon(R) Processor", steps)
        r["train_wall_s"] = 1800.0
        (tmp_path / f"{r['name']}.json").write_text(json.dumps(r))
    old = _row("multi30k_de_en", 1, 30.0, "AMD EPYC", steps)
    old["train_wall_s"] = 3000.0
    (tmp_path / "multi30k_de_en.amd-epyc.json").write_text(json.dumps(old))  # another machine's copy: not here
    (tmp_path / "bench_ensemble.json").write_text(json.dumps({"command": "python scripts/bench_ensemble.py", "rows": [
        {"name": "seed 1", "bleu": 40.0, "chrf": 60.0}, {"name": "ensemble of 2", "bleu": 42.5, "chrf": 61.5}]}))
    rows = [line for line in rr.headline(tmp_path).splitlines() if line.startswith("| ")][1:]
    assert rows == ["| GRU (default) | 40.50 ± 0.71 | 60.50 ± 0.71 | 2 | 30 min, Xeon | "
                    "`python scripts/reproduce.py configs/multi30k_de_en.yaml` |",
                    "| ensemble of 2 default seeds | 42.50 | 61.50 | – | – | `python scripts/bench_ensemble.py` |"]
    # Once the current seeds' ensemble is scored (scripts/distill_teacher.py), the row is that one.
    (tmp_path / "distill_teacher.json").write_text(json.dumps({
        "teachers": ["a", "b", "c"], "test_bleu": 41.5, "test_chrf": 60.8, "test_shortlist": False,
        "command": "python scripts/distill_teacher.py"}))
    rows = [line for line in rr.headline(tmp_path).splitlines() if line.startswith("| ")][1:]
    assert rows[-1] == "| ensemble of 3 default seeds | 41.50 | 60.80 | – | – | `python scripts/distill_teacher.py` |"


def test_serving_tables_pair_window_batching_with_one_request_at_a_time(tmp_path: Path) -> None:
    rr = _readme_module()
    run = {"sentences_per_s": 100.0, "vs_translate": 0.9, "p50_ms": 50, "p95_ms": 90, "p99_ms": 99,
           "mean_batch_lines": 12.5, "mean_batch_requests": 6.0,
           "cores": {"http": 0.2, "decoder0": 1.7, "clients": 0.05}}
    (tmp_path / "bench_serve.json").write_text(json.dumps({
        "command": "python scripts/bench_serve.py", "model": "runs/x/best.pt", "beam": 5, "lines": 1000,
        "cpu": "Intel(R) Xeon(R) Processor", "cores": 2, "translate_sentences_per_s": 111.1,
        "runs": [{"mode": "window", "clients": 8, **run},
                 {"mode": "continuous", "clients": 8, **run, "sentences_per_s": 90.0},
                 {"mode": "off", "clients": 8, **run, "sentences_per_s": 40.0, "p95_ms": 400}]}))
    line = rr.serving(tmp_path)
    assert "8 clients: 100.0 sentences/s (0.90× `nmt translate`), p95 90 ms (batching off: 40.0, p95 400 ms)" in line
    assert "`nmt translate`: 111.1 sentences/s" in line
    every = rr.serving_all(tmp_path).splitlines()
    assert len(every) == 2 + 3 and every[3].startswith("| continuous | 8 | 90.0 | 0.90 |")
    assert every[2].endswith("| 12.5 | 6.0 | 0.20 / 1.70 / 0.05 |")


def test_readme_has_the_markers_results_table_writes() -> None:
    rt = _module()
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    for begin, end in ((rt.HEAD_BEGIN, rt.HEAD_END), (rt.SERVE_BEGIN, rt.SERVE_END), (rt.TOOLS_BEGIN, rt.TOOLS_END)):
        assert text.index(begin) < text.index(end)


def test_readme_headline_has_the_multilingual_row_once_its_file_exists(tmp_path: Path) -> None:
    rr = _readme_module()
    assert "six directions" not in rr.headline(tmp_path)
    (tmp_path / "multilingual.json").write_text(json.dumps({
        "directions": [{"direction": "de-en", "bleu": 39.5, "chrf": 59.0}, {"direction": "en-de", "bleu": 36.5,
                                                                            "chrf": 60.0}],
        "mean_bleu": 38.0, "train_seconds": 5400.0}))
    rows = [line for line in rr.headline(tmp_path).splitlines() if "six directions" in line]
    assert rows == ["| one model, six directions: de→en (mean 38.00) | 39.50 | 59.00 | 1 | 90 min | "
                    "`python scripts/multilingual.py --train` |"]


def test_readme_headline_names_marian_beside_joey_once_its_benchmark_exists(tmp_path: Path) -> None:
    rr = _readme_module()
    assert "Marian" not in rr.headline(tmp_path)
    (tmp_path / "bench_vs_joeynmt.json").write_text(json.dumps({"command": "python scripts/bench_vs_joeynmt.py",
                                                                 "train_ratio": 3.31, "translate_ratio": 5.72}))
    (tmp_path / "bench_vs_marian.json").write_text(json.dumps({"command": "python scripts/bench_vs_marian.py",
                                                               "train_ratio": 2.149, "decode_ratio": 2.81}))
    text = rr.headline(tmp_path)
    assert "3.3× Joey NMT's training speed and 5.7× its beam search; 2.1× Marian's (C++) training and 2.8× its " \
           "fastest beam search (output tokens/s)" in text


def test_marian_tables_come_from_the_benchmark_file_and_quote_its_ratios(tmp_path: Path) -> None:
    rt = _module()
    assert rt.marian_tables(tmp_path) == []
    model = {"params": 6_700_000, "train_tok_s": 1800.0, "tgt_tokens_per_update": 1840.0, "valid": {"bleu": 30.1}}
    row = {"toolkit": "ours", "setting": "torch fp32", "beam": 5, "threads": 2, "out_tok_s": 1500.0, "sent_s": 120.0,
           "mean_out_tokens": 12.5, "bleu": 33.0}
    (tmp_path / "bench_vs_marian.json").write_text(json.dumps({
        "command": "python scripts/bench_vs_marian.py", "cpu": "AMD EPYC 7B13", "marian_packages": {"pymarian": "1.12.42"},
        "settings": {"steps": 1000, "batch_tokens": 2048, "threads": 2, "test_sentences": 1000, "repeats": 3, "beam": 5},
        "ours": model, "ours_amp": {"bf16": {**model, "train_tok_s": 2400.0, "valid": {"bleu": 30.3}}},
        "marian": {"marian256": {**model, "params": 5_400_000, "train_tok_s": 600.0, "mini_batch": 32}},
        "opennmt_py": None, "decode": [row, {**row, "threads": 1}, {**row, "toolkit": "marian256", "out_tok_s": 500.0}],
        "train_ratio": 4.0, "train_ratio_against": "marian256", "train_ratio_amp": "bf16", "decode_ratio": 3.0,
        "decode_ratio_against": "marian256", "decode_ratios": {"marian256": {"fastest_full_vocab": 3.0}}}))
    text = "\n".join(rt.marian_tables(tmp_path))
    assert "| Marian s2s --dim-rnn 256 | 5.4M | 600 | 1840 | 30.10 |" in text
    assert "| marian256 | torch fp32 | 5 | 500 | 120.0 | 12.5 | 33.00 |" in text
    assert text.count("| ours |") == 1  # the --threads rows only
    assert "| nmt, train.amp=bf16 (autocast) | 6.7M | 2400 | 1840 | 30.30 |" in text
    assert "`train_ratio=4.00 decode_ratio=3.00` (training: ours in train.amp=bf16 against marian256" in text
    assert "marian256 32" in text


def test_significance_table_says_significant_not_significant_identical_and_what_waits(tmp_path: Path) -> None:
    significance_doc = _readme_module().significance_doc
    assert "not measured yet" in significance_doc(tmp_path)

    def system(name: str, bleu: float, p: float | None, identical: bool = False) -> dict:
        return {"name": name, "bleu": bleu, "bleu_ci": 1.2, "bleu_p": p, "chrf": bleu + 20, "identical": identical}

    data = {"command": "python scripts/significance.py --json x", "test": "paired bootstrap",
            "comparisons": [
                {"id": "cells", "title": "GRU vs LSTM", "by_length": [
                    {"bucket": "1-10", "sentences": 400, "systems": [system("GRU", 45.0, None), system("LSTM", 45.0, 0.001, True)]}],
                 "systems": [system("GRU", 40.0, None), system("LSTM", 40.3, 0.31), system("RNN", 36.0, 0.001)]},
                {"id": "int8", "title": "int8 vs float32", "missing": [{"system": "int8", "file": "f",
                                                                        "made_by": "python scripts/significance.py --make-hyps"}]}]}
    (tmp_path / "significance.json").write_text(json.dumps(data))
    doc = significance_doc(tmp_path)
    assert "| GRU vs LSTM | LSTM | 40.30 ± 1.20 | 60.30 | 0.310 (n.s.) |" in doc
    assert "| GRU vs LSTM | RNN | 36.00 ± 1.20 | 56.00 | 0.001 * |" in doc
    assert "| 1-10 | 400 | 45.00 | 45.00 (identical) |" in doc  # sacreBLEU's p = 0.001 for the same output
    assert "int8 vs float32: int8 waits for `python scripts/significance.py --make-hyps`" in doc


def test_readme_headline_gives_each_tested_difference_its_p_value(tmp_path: Path) -> None:
    rr = _readme_module()
    assert "paired bootstrap" not in rr.headline(tmp_path)

    def system(name: str, bleu: float, p: float | None, identical: bool = False) -> dict:
        return {"name": name, "bleu": bleu, "bleu_p": p, "identical": identical}

    (tmp_path / "significance.json").write_text(json.dumps({"comparisons": [
        {"id": "cells", "systems": [system("GRU", 40.0, None), system("LSTM", 40.3, 0.31), system("plain RNN", 36.0, 0.001)]},
        {"id": "int8", "systems": [system("float32", 40.0, None), system("int8", 40.0, 0.001, True)]},
        {"id": "ensemble", "missing": [{"system": "ensemble of 3"}]}]}))
    line = rr.tested_sentence(tmp_path)
    assert line == ("Against the default model's seed 1, paired bootstrap: LSTM 40.30 (p = 0.310, not significant); "
                    "plain RNN 36.00 (p = 0.001); int8 40.00 (identical output) "
                    "([all](docs/results.md#which-differences-are-real)).")
    assert line in rr.headline(tmp_path)
