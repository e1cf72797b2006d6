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
    import sys

    sys.path.insert(0, str(ROOT / "scripts"))
    from sysinfo import cpu_model

    assert _bench().device_name(torch.device("cpu")) == cpu_model()


def test_decoder_step_shape_follows_the_cell_and_input_feeding():
    bench = _bench()
    gru = ModelConfig(emb_size=256, dec_hidden=512, cell="gru", input_feeding=True, tie_output=True)
    assert bench.step_shape(gru, 64) == (64, 512, 1536)
    lstm = ModelConfig(emb_size=256, dec_hidden=512, cell="lstm", input_feeding=False)
    assert bench.step_shape(lstm, 32) == (32, 256, 2048)
