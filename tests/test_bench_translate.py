"""scripts/bench_translate.py --in-process: the device comparison's measurement."""

import json
import subprocess
import sys

from conftest import ROOT


def test_in_process_sweep_of_batch_sizes_gives_the_same_translations(trained_run, tmp_path):
    """Each batch size is a row with its speed; the outputs (hence BLEU) do not depend on
    how the 1,000 test lines are batched."""
    out = tmp_path / "t.json"
    res = subprocess.run([sys.executable, "scripts/bench_translate.py", "-m", str(trained_run / "best.pt"),
                          "--in-process", "--beams", "2", "--runs", "1", "--batch-sizes", "7,64",
                          "--threads", "1", "--json", str(out)],
                         cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, res.stderr[-2000:]
    data = json.loads(out.read_text())
    rows = data["speed"]
    assert data["mode"] == "in-process" and [r["batch_size"] for r in rows] == [7, 64]
    assert all(r["device"] == "cpu" and r["beam"] == 2 and r["sentences_per_s"] > 0 for r in rows)
    assert rows[0]["bleu"] == rows[1]["bleu"]
