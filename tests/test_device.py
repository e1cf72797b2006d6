"""Device selection and mixed precision: the CPU paths run everywhere; asking for a GPU
the machine lacks is a one-line error. (The CUDA paths themselves need a GPU to test.)"""

import json
import math

import pytest
import torch

from nmt.config import load_config
from nmt.device import resolve_device
from nmt.errors import ConfigError, NmtError
from nmt.train import train

from conftest import ROOT, run_nmt, small_train_cfg

no_cuda = pytest.mark.skipif(torch.cuda.is_available(), reason="this machine has a GPU")


def test_auto_is_cuda_only_when_torch_sees_a_gpu():
    assert resolve_device("auto").type == ("cuda" if torch.cuda.is_available() else "cpu")
    assert resolve_device("cpu") == torch.device("cpu")


@pytest.mark.parametrize("name", ["gpu", "cuda:x", "CPU", ""])
def test_bad_device_names_are_errors_naming_the_setting(name):
    with pytest.raises(NmtError, match="--device="):
        resolve_device(name, "--device")
    with pytest.raises(ConfigError, match="train.device"):
        load_config(ROOT / "configs" / "tiny.yaml", [f"train.device={name!r}"])


@no_cuda
def test_asking_for_a_missing_gpu_is_a_one_line_error(trained_run):
    with pytest.raises(NmtError, match="no CUDA GPU"):
        resolve_device("cuda:0", "train.device")
    res = run_nmt("translate", "-m", str(trained_run / "best.pt"), "--device", "cuda", input="Ein Hund.\n")
    assert res.returncode == 2 and res.stdout == ""
    assert res.stderr.strip().count("\n") == 0 and "--device=cuda" in res.stderr, res.stderr


def test_bf16_autocast_trains(tmp_path, multi30k):
    """amp=bf16 runs the products in bfloat16 (on this CPU too) and still learns."""
    cfg = small_train_cfg(multi30k, "train.max_steps=12", "train.amp=bf16", "train.device=cpu")
    train(cfg, tmp_path / "run", log=lambda m: None, progress=False)
    rows = [json.loads(line) for line in (tmp_path / "run" / "train_log.jsonl").read_text().splitlines()]
    losses = [r["loss"] for r in rows if r["kind"] == "train"]
    assert len(losses) == 12 and all(math.isfinite(x) for x in losses)
    assert losses[-1] < losses[0]
