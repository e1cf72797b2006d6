"""Device selection and mixed precision: the CPU paths run everywhere; asking for a GPU
the machine lacks is a one-line error. (The CUDA paths themselves need a GPU to test.)"""

import json
import math

import pytest
import torch
from conftest import ROOT, run_nmt, small_train_cfg

from nmt.config import load_config
from nmt.device import resolve_device
from nmt.errors import ConfigError, NmtError
from nmt.training.trainer import train

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


def _casts_in_forward(model, tgt_len: int) -> int:
    """aten::_to_copy calls (dtype casts; on a GPU each one a kernel) in one teacher-forced
    forward under bf16 autocast, for a fixed source and a target of ``tgt_len`` pieces."""
    from torch.utils._python_dispatch import TorchDispatchMode

    class Count(TorchDispatchMode):
        n = 0

        def __torch_dispatch__(self, func, types, args=(), kwargs=None):
            if func is torch.ops.aten._to_copy.default:
                self.n += 1
            return func(*args, **(kwargs or {}))

    torch.manual_seed(0)
    src, tgt = torch.randint(3, 40, (3, 5)), torch.randint(3, 40, (3, tgt_len))
    counter = Count()
    with counter, torch.autocast("cpu", dtype=torch.bfloat16):
        model.packed_logits(src, torch.full((3,), 5), tgt, torch.full((3,), tgt_len))
    return counter.n


def test_bf16_decoder_loop_casts_nothing_per_time_step(tiny_model):
    """Under autocast the decoder's inputs (embeddings, encoder values) are cast once per batch,
    not at every time step: a target three times as long costs no extra casts. (Before, six
    casts a step; on a launch-bound GPU loop each is a kernel, which is why bf16 was slower.)"""
    tiny_model.train()
    assert _casts_in_forward(tiny_model, 4) == _casts_in_forward(tiny_model, 12)


def test_tf32_is_a_setting_with_no_effect_on_the_cpu(multi30k):
    cfg = small_train_cfg(multi30k, "train.tf32=false")
    assert cfg.train.tf32 is False and load_config(ROOT / "configs" / "tiny.yaml").train.tf32 is True
    before = torch.backends.cuda.matmul.allow_tf32
    import tempfile
    from pathlib import Path

    from nmt.training.trainer import Trainer

    with tempfile.TemporaryDirectory() as tmp:
        Trainer(small_train_cfg(multi30k, "train.device=cpu", "train.tf32=true"), Path(tmp) / "r",
                log=lambda m: None, progress=False)
    assert torch.backends.cuda.matmul.allow_tf32 == before  # a CPU run leaves torch's settings alone


def test_decoding_batch_is_large_on_a_gpu_unless_asked():
    """A GPU decodes 1,000 sentences a batch by default (its steps are launch-bound); the CPU keeps
    the checkpoint's setting, and --batch-size always wins."""
    from nmt.decoding.translator import GPU_BATCH_SIZE, batch_size_for

    cuda, cpu = torch.device("cuda"), torch.device("cpu")
    assert batch_size_for(cuda, 64, asked=False) == GPU_BATCH_SIZE == 1000
    assert batch_size_for(cuda, 2000, asked=False) == 2000
    assert batch_size_for(cuda, 64, asked=True) == 64
    assert batch_size_for(cpu, 64, asked=False) == 64


def test_bf16_is_refused_on_a_gpu_with_the_reason(tmp_path, multi30k, monkeypatch):
    """On a GPU bf16 autocast measured no faster than float32 with TF32 (docs/gpu.md), so it is
    not offered there: a one-line error naming the setting, before any training."""
    import nmt.training.trainer as train_module

    monkeypatch.setattr(train_module, "resolve_device", lambda name, setting: torch.device("cuda"))
    with pytest.raises(NmtError, match=r"train.amp=bf16: on a GPU .* docs/gpu.md"):
        train_module.Trainer(small_train_cfg(multi30k, "train.amp=bf16"), tmp_path / "run",
                             log=lambda m: None, progress=False)
