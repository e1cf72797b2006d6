"""nmt evaluate --compare: sacreBLEU's paired significance tests, figures identical to its own CLI."""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import pre_layout_checkpoint, read_jsonl, run_nmt

from nmt.metrics import compare

AR_TRIALS = 2000  # approximate randomization's trials here (its default, 10,000, takes longer to the same end)


@pytest.fixture(scope="module")
def systems(tmp_path_factory, multi30k: Path) -> tuple[Path, list[Path]]:
    """A 300-line test set and three systems: the references with 15%, 15% (other words) and
    40% of their words dropped (seeded): one difference is chance, one is not."""
    folder = tmp_path_factory.mktemp("compare")
    rows = read_jsonl(multi30k / "test.jsonl", 300)
    (folder / "data").mkdir()  # the dataset apart from the .en files (a folder of them reads as plain files)
    with open(folder / "data" / "test.jsonl", "w", encoding="utf-8") as f:
        f.writelines(json.dumps({"de": r["de"], "en": r["en"]}, ensure_ascii=False) + "\n" for r in rows)
    (folder / "ref.en").write_text("".join(r["en"] + "\n" for r in rows), encoding="utf-8")
    paths = []
    for i, drop in enumerate((0.15, 0.15, 0.4)):
        rng = random.Random(i)
        text = "".join(" ".join(w for w in r["en"].split() if rng.random() > drop) + "\n" for r in rows)
        paths.append(folder / f"sys{i}.en")
        paths[-1].write_text(text, encoding="utf-8")
    return folder, paths


def sacrebleu_cli(ref: Path, hyps: list[Path], test: str) -> list[list[float | None]]:
    """Each system's (BLEU, mean, CI, p, chrF, mean, CI, p) from ``sacrebleu --paired-bs/-ar -w 4``
    (approximate randomization reports no intervals: None there)."""
    flag = ["--paired-bs"] if test == "bs" else ["--paired-ar", "--paired-ar-n", str(AR_TRIALS)]
    res = subprocess.run([sys.executable, "-m", "sacrebleu", str(ref), "-i", *map(str, hyps), "-m", "bleu", "chrf",
                          *flag, "-w", "4", "-f", "text"], capture_output=True, text=True, check=True)
    table = res.stdout.split("\n\n")[0]
    numbers = [[float(x) for x in re.findall(r"\d+\.\d+", line)] for line in table.splitlines()
               if re.search(r"\d+\.\d+", line)]
    # The baseline is one line (score, mean, CI per metric); every other system two (then p-values).
    def metric(line: list[float], k: int) -> list[float | None]:
        return line[3 * k:3 * k + 3] if test == "bs" else [line[k], None, None]

    out, i = [metric(numbers[0], 0) + [None] + metric(numbers[0], 1) + [None]], 1
    while i < len(numbers):
        s, p = numbers[i], numbers[i + 1]
        out.append(metric(s, 0) + [p[0]] + metric(s, 1) + [p[1]])
        i += 2
    return out


@pytest.mark.parametrize("test", ["bs", "ar"])
def test_compare_matches_sacrebleus_own_cli(systems, test):
    folder, paths = systems
    refs = (folder / "ref.en").read_text(encoding="utf-8").splitlines()
    rows, signatures = compare([(str(p), p.read_text(encoding="utf-8").splitlines()) for p in paths], refs, test,
                               samples=AR_TRIALS if test == "ar" else 0)
    expected = sacrebleu_cli(folder / "ref.en", paths, test)
    for row, want in zip(rows, expected):
        got = [row.bleu, row.bleu_mean, row.bleu_ci, row.bleu_p, row.chrf, row.chrf_mean, row.chrf_ci, row.chrf_p]
        for g, w in zip(got, want):
            assert (g is None) == (w is None)
            if g is not None:
                assert g == pytest.approx(w, abs=1.5e-4 if w < 1 else 1e-4 * 100), (row.name, got, want)
    assert f"{test}:" in signatures["bleu"] and "nrefs:1" in signatures["bleu"]


def test_cli_compare_flags_what_is_significant(systems, multi30k):
    folder, paths = systems
    res = run_nmt("evaluate", "--compare", "--hyp", str(paths[0]), "--hyp", str(paths[1]), "--hyp", str(paths[2]),
                  "--dataset", str(folder / "data"), "--src", "de", "--tgt", "en", "--json")
    assert res.returncode == 0, res.stderr
    out = json.loads(res.stdout)
    assert [s["name"] for s in out["systems"]] == [str(p) for p in paths]
    assert out["systems"][0]["bleu_p"] is None
    assert out["systems"][2]["bleu_p"] < 0.05 < out["systems"][1]["bleu_p"]  # 40% dropped differs, 15% again does not
    text = run_nmt("evaluate", "--compare", "--hyp", str(paths[0]), "--hyp", str(paths[1]),
                   "--dataset", str(folder / "data"), "--src", "de", "--tgt", "en")
    assert text.returncode == 0 and "(not significant)" in text.stdout and "[baseline]" in text.stdout


def test_cli_compare_models_and_files_together(systems, tmp_path, multi30k):
    """-m systems are translated one by one (not as an ensemble), then --hyp files join them."""
    model = pre_layout_checkpoint()
    folder, _ = systems
    greedy = tmp_path / "greedy.en"
    res = run_nmt("evaluate", "-m", str(model), "--dataset", str(folder / "data"), "--beam", "1", "--save-hyp", str(greedy))
    assert res.returncode == 0, res.stderr
    res = run_nmt("evaluate", "--compare", "-m", str(model), "--hyp", str(greedy), "--dataset", str(folder / "data"), "--json")
    assert res.returncode == 0, res.stderr
    out = json.loads(res.stdout)
    assert [s["name"] for s in out["systems"]] == [str(model), str(greedy)]
    assert out["beam_size"] == 3 and out["split"] == "test"


@pytest.mark.parametrize("args, message", [
    (["--hyp", "a", "--hyp", "b"], "several --hyp files need --compare"),
    (["--compare", "--hyp", "a"], "at least two systems"),
    (["--compare", "--hyp", "a", "--hyp", "b", "--paired-test", "t"], "unknown paired test"),
])
def test_compare_usage_errors_are_one_line(systems, args, message):
    folder, paths = systems
    args = [str(paths[0]) if a == "a" else str(paths[1]) if a == "b" else a for a in args]
    res = run_nmt("evaluate", *args, "--dataset", str(folder / "data"), "--src", "de", "--tgt", "en")
    assert res.returncode == 2, res.stderr
    assert message in res.stderr and res.stderr.strip().count("\n") == 0


def test_an_identical_output_is_said_to_be_identical_not_significant(systems, multi30k):
    """sacreBLEU reports p = 1/1001 for a system against its own output (it counts a zero
    difference as not chance): without a word, that would read as a significant difference."""
    folder, paths = systems
    refs = (folder / "ref.en").read_text(encoding="utf-8").splitlines()
    rows, _ = compare([("a", paths[0].read_text().splitlines()), ("b", paths[0].read_text().splitlines()),
                       ("c", paths[1].read_text().splitlines())], refs)
    assert rows[1].bleu_p < 0.05 and rows[1].identical  # sacreBLEU's own figure, kept, and flagged
    assert not rows[0].identical and not rows[2].identical
    args = ["evaluate", "--compare", "--hyp", str(paths[0]), "--hyp", str(paths[0]), "--dataset", str(folder / "data"),
            "--src", "de", "--tgt", "en"]
    text = run_nmt(*args)
    assert text.returncode == 0
    second = [line for line in text.stdout.splitlines() if line.startswith(str(paths[0])) and "[baseline]" not in line]
    assert len(second) == 2  # its BLEU and its chrF line
    assert all("identical output (no difference to test)" in line and "p =" not in line for line in second)
    assert json.loads(run_nmt(*args, "--json").stdout)["systems"][1]["identical"] is True
