"""scripts/significance.py: the README's comparisons tested from kept outputs, no model needed.

Outputs are made from test2016's own references (a system that drops words from long
sentences only), so which comparisons are significant, and where, is known in advance."""

from __future__ import annotations

from pathlib import Path

from conftest import load_script

ROOT = Path(__file__).resolve().parent.parent


def _script():
    return load_script("significance")


def test_a_comparison_tests_each_system_against_the_first_and_by_length(tmp_path: Path, multi30k: Path) -> None:
    sig = _script()
    rows = sig.test_rows()
    refs = [r["en"] for r in rows]
    # "GRU" is the reference itself; "LSTM" too but for one sentence; "plain RNN" loses the
    # second half of every sentence whose source has more than 15 words.
    long = [len(r["de"].split()) > 15 for r in rows]
    lost = [" ".join(e.split()[: len(e.split()) // 2]) if is_long else e for e, is_long in zip(refs, long)]
    (tmp_path / "multi30k_de_en.test.en").write_text("\n".join(refs) + "\n")
    (tmp_path / "multi30k_de_en_lstm.test.en").write_text("\n".join(["A dog."] + refs[1:]) + "\n")
    (tmp_path / "multi30k_de_en_rnn.test.en").write_text("\n".join(lost) + "\n")
    cells = next(c for c in sig.COMPARISONS if c["id"] == "cells")
    out = sig.run(cells, rows, hyps=tmp_path)

    assert "missing" not in out
    gru, lstm, rnn = out["systems"]
    assert gru["bleu"] == 100.0 and gru["bleu_p"] is None  # the baseline has no p-value
    assert lstm["bleu_p"] > 0.05  # one sentence in 1,000: not significant
    assert rnn["bleu_p"] < 0.01 and rnn["bleu"] < gru["bleu"] - 5
    buckets = {b["bucket"]: b for b in out["by_length"]}
    assert sum(b["sentences"] for b in buckets.values()) == len(rows)
    # The loss is only where the sources are long, and the test says so bucket by bucket.
    # sacreBLEU's p for two identical outputs is 1/1001; the script says "identical" instead.
    assert buckets["1-10"]["systems"][2]["identical"] and buckets["1-10"]["systems"][2]["bleu"] == 100.0
    assert not buckets["16-20"]["systems"][2]["identical"] and not rnn["identical"] and not lstm["identical"]
    assert buckets["16-20"]["systems"][2]["bleu_p"] < 0.01


def test_missing_outputs_are_named_with_the_command_that_makes_them(tmp_path: Path, multi30k: Path) -> None:
    sig = _script()
    rows = sig.test_rows()
    (tmp_path / "multi30k_de_en.test.en").write_text("\n".join(r["en"] for r in rows) + "\n")
    ens = next(c for c in sig.COMPARISONS if c["id"] == "ensemble")
    out = sig.run(ens, rows, hyps=tmp_path)
    assert "systems" not in out  # nothing to test the baseline against
    assert out["missing"] == [{"system": "ensemble of 3", "file": "scripts/results/hyps/multi30k_de_en-ensemble3.test.en",
                               "made_by": "python scripts/distill_teacher.py --json scripts/results/distill_teacher.json"}]
    # Every file a comparison names is written by a script of this repo that exists.
    for c in sig.COMPARISONS:
        for _, _, cmd in c["systems"]:
            assert (ROOT / cmd.split()[1]).is_file(), cmd
