"""Train → translate → evaluate on real Multi30k data, through the CLI as a user runs it."""

import json

from conftest import read_jsonl, run_nmt

# Measured: configs/tiny.yaml reaches about 10 BLEU on test2016 after its 300 steps
# (beam 3); a model that learnt nothing scores below 1.
BLEU_FLOOR = 5.0


def test_training_writes_the_run_folder_and_learns(trained_run):
    for name in ("best.pt", "last.pt", "config.yaml", "spm.model", "train_log.jsonl"):
        assert (trained_run / name).is_file(), name
    log = [json.loads(line) for line in (trained_run / "train_log.jsonl").read_text().splitlines()]
    losses = [r["loss"] for r in log if r["kind"] == "train"]
    assert losses[-1] < losses[0] - 1.5, losses  # clearly down (≈ 6.5 → 3.9 measured)
    valid = [r for r in log if r["kind"] == "valid"]
    assert valid and valid[-1]["valid_bleu"] > 3.0


def test_translate_from_stdin_then_evaluate(trained_run, multi30k):
    rows = read_jsonl(multi30k / "test.jsonl", 20)
    text = "".join(r["de"] + "\n" for r in rows)
    res = run_nmt("translate", "-m", str(trained_run / "best.pt"), input=text)
    assert res.returncode == 0, res.stderr
    lines = res.stdout.split("\n")
    assert lines[-1] == "" and len(lines) - 1 == 20
    assert sum(bool(line.strip()) for line in lines) == 20
    assert "▁" not in res.stdout  # detokenized text, not pieces

    res = run_nmt("evaluate", "-m", str(trained_run / "best.pt"), "--split", "test", "--json",
                  "--dataset", str(multi30k))
    assert res.returncode == 0, res.stderr
    scores = json.loads(res.stdout)
    assert scores["n_sentences"] == 1000
    assert scores["bleu"] > BLEU_FLOOR, scores
    assert scores["bleu_signature"].startswith("nrefs:1|case:mixed|eff:no|tok:13a")
    assert "version:" in scores["chrf_signature"]
