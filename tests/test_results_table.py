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
