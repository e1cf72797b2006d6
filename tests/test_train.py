"""Training features beyond the loop itself: checkpoint averaging, learning-rate scaling."""

import json

import pytest
import torch
from conftest import small_train_cfg

from nmt.checkpoint import load_checkpoint
from nmt.decoding.translator import Translator
from nmt.training.trainer import train


def test_average_last_writes_the_mean_of_the_last_validation_checkpoints(tmp_path, multi30k):
    run = tmp_path / "run"
    # Validations at steps 5, 10, 15 and a final one at 17 (the run ends between two).
    train(small_train_cfg(multi30k, "train.max_steps=17", "train.average_last=3"), run,
          log=lambda m: None, progress=False)
    files = sorted(run.glob("valid-*.pt"))
    assert [f.name for f in files] == ["valid-00000010.pt", "valid-00000015.pt", "valid-00000017.pt"]
    states = [load_checkpoint(f)["model"] for f in files]
    averaged = load_checkpoint(run / "averaged.pt")["model"]
    assert averaged.keys() == states[0].keys()
    for name, tensor in averaged.items():
        assert torch.allclose(tensor, sum(s[name] for s in states) / 3, atol=1e-6), name
    assert not torch.equal(averaged["decoder.readout.weight"], states[-1]["decoder.readout.weight"])
    rows = [json.loads(line) for line in (run / "train_log.jsonl").read_text().splitlines()]
    record = [r for r in rows if r["kind"] == "averaged"]
    assert len(record) == 1 and record[0]["steps"] == [10, 15, 17] and "valid_bleu" in record[0]
    out = Translator.load(run / "averaged.pt").translate(["Ein Hund läuft."])
    assert len(out) == 1 and out[0]


def test_a_new_run_does_not_average_an_old_runs_checkpoints(tmp_path, multi30k):
    run = tmp_path / "run"
    quiet = lambda m: None  # noqa: E731
    train(small_train_cfg(multi30k, "train.max_steps=10", "train.average_last=2"), run, log=quiet, progress=False)
    assert len(list(run.glob("valid-*.pt"))) == 2
    train(small_train_cfg(multi30k, "train.max_steps=5"), run, overwrite=True, log=quiet, progress=False)
    assert not list(run.glob("valid-*.pt")) and not (run / "averaged.pt").exists()


def test_lr_scales_with_the_global_batch_when_asked(tmp_path, multi30k):
    from nmt.training.schedule import scaled_lr
    from nmt.training.trainer import Trainer

    cfg = small_train_cfg(multi30k, "train.accum_steps=4", "train.lr_scaling=sqrt", "train.lr_reference_tokens=400")
    assert scaled_lr(cfg.train) == pytest.approx(cfg.train.lr * 2)  # 4 batches of 400 tokens: sqrt(4)
    assert scaled_lr(cfg.train, world=2) == pytest.approx(cfg.train.lr * 8 ** 0.5)
    linear = small_train_cfg(multi30k, "train.accum_steps=4", "train.lr_scaling=linear", "train.lr_reference_tokens=800")
    assert scaled_lr(linear.train) == pytest.approx(linear.train.lr * 2)
    messages = []
    trainer = Trainer(cfg, tmp_path / "run", log=messages.append, progress=False)
    assert trainer.optimizer.param_groups[0]["lr"] == pytest.approx(cfg.train.lr * 2)
    assert any("scaled to" in m and "1600 tokens" in m for m in messages)
    plain = small_train_cfg(multi30k, "train.accum_steps=4")
    assert scaled_lr(plain.train) == plain.train.lr


def test_compiled_decoder_step_trains_like_the_eager_one(tmp_path, multi30k):
    """train.compile=true (torch.compile of the decoder step) follows the eager run's losses and
    writes an ordinary checkpoint that translates."""
    def losses(run, *extra):
        cfg = small_train_cfg(multi30k, "train.max_steps=4", "train.valid_every=4", "train.device=cpu",
                              "model.dropout=0.0", *extra)
        train(cfg, tmp_path / run, log=lambda m: None, progress=False)
        rows = [json.loads(line) for line in (tmp_path / run / "train_log.jsonl").read_text().splitlines()]
        return [r["loss"] for r in rows if r["kind"] == "train"]

    eager, compiled = losses("eager"), losses("compiled", "train.compile=true")
    assert len(compiled) == 4 and compiled == pytest.approx(eager, rel=1e-3)
    tr = Translator.load(tmp_path / "compiled" / "best.pt", device="cpu", beam=2)
    assert len(tr.translate(["Ein Hund läuft."])) == 1


def test_cosine_schedule_warms_up_then_anneals_to_min_lr_at_max_steps(tmp_path, multi30k):
    """scheduler=cosine: linear warmup, then a cosine down to min_lr exactly at max_steps."""
    from nmt.errors import ConfigError
    from nmt.training.trainer import Trainer

    cfg = small_train_cfg(multi30k, "train.scheduler=cosine", "train.warmup_steps=4", "train.max_steps=20",
                          "train.lr=0.002", "train.min_lr=0.0001")
    trainer = Trainer(cfg, tmp_path / "run", log=lambda m: None, progress=False)
    lrs = []
    for _ in range(22):
        lrs.append(trainer.optimizer.param_groups[0]["lr"])
        trainer.scheduler.step()
    assert lrs[:4] == pytest.approx([0.0005, 0.001, 0.0015, 0.002])
    assert lrs[4] == pytest.approx(0.002) and lrs[12] == pytest.approx((0.002 + 0.0001) / 2)
    assert all(a >= b for a, b in zip(lrs[4:], lrs[5:])) and lrs[20] == lrs[21] == pytest.approx(0.0001)
    with pytest.raises(ConfigError, match="max_steps"):
        small_train_cfg(multi30k, "train.scheduler=cosine", "train.max_steps=0")
