"""scripts/bench_train.py names the device it measures and takes its roofline from that device."""

from __future__ import annotations

import importlib.util

import torch
from conftest import ROOT

from nmt.config import ModelConfig


def _bench():
    spec = importlib.util.spec_from_file_location("bench_train", ROOT / "scripts" / "bench_train.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_roofline_is_measured_on_the_training_device_in_its_precision():
    bench = _bench()
    cpu = torch.device("cpu")
    assert bench.matmul_gflops(cpu, torch.float32, 64, 64, 64, repeats=3) > 0
    assert bench.matmul_gflops(cpu, torch.bfloat16, 64, 64, 64, repeats=3) > 0
    assert bench.peak_shape(cpu) == 1024 and bench.peak_shape(torch.device("cuda")) == 8192


def test_the_device_is_named_by_what_it_is():

    from sysinfo import cpu_model

    assert _bench().device_name(torch.device("cpu")) == cpu_model()


def test_decoder_step_shape_follows_the_cell_and_input_feeding():
    bench = _bench()
    gru = ModelConfig(emb_size=256, dec_hidden=512, cell="gru", input_feeding=True, tie_output=True)
    assert bench.step_shape(gru, 64) == (64, 512, 1536)
    lstm = ModelConfig(emb_size=256, dec_hidden=512, cell="lstm", input_feeding=False)
    assert bench.step_shape(lstm, 32) == (32, 256, 2048)


def test_variants_are_measured_as_rows_of_one_run(tmp_path, multi30k):
    """--variant adds rows (a sweep of batch sizes / precisions) to one results file."""
    import json
    import subprocess
    import sys

    out = tmp_path / "bench.json"
    res = subprocess.run([sys.executable, "scripts/bench_train.py", "configs/tiny.yaml", "--threads", "1",
                          "--set", f"data.dataset={multi30k}", "--set", "data.max_train_examples=300",
                          "--set", "vocab.vocab_size=300", "--windows", "1", "--steps", "2",
                          "--variant", "", "--variant", "train.batch_tokens=300", "--json", str(out)],
                         cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, res.stderr[-2000:]
    rows = json.loads(out.read_text())["variants"]
    assert [r["overrides"][-1:] for r in rows] == [["vocab.vocab_size=300"], ["train.batch_tokens=300"]]
    assert rows[1]["batch_tokens"] == 300 and all(r["tgt_tokens_per_s_median"] > 0 for r in rows)
    assert all(r["tf32"] is False and r["peak_gpu_memory_mib"] is None for r in rows)  # CPU rows


def test_results_name_the_commit_given_beside_the_checkout(monkeypatch):
    """A GPU machine gets a copy of the working tree whose .git may be stale; the commit that
    scripts/gpu_check.sh is given wins over what git says there."""

    import sysinfo

    monkeypatch.setenv("NMT_GIT_COMMIT", "0123abcd")
    monkeypatch.setenv("NMT_GIT_DIRTY", "0")
    assert sysinfo.git_commit() == "0123abcd" and sysinfo.git_dirty() is False
    monkeypatch.delenv("NMT_GIT_DIRTY")
    assert sysinfo.git_dirty() is True  # unknown state counts as dirty
