"""Faults: free-form input, signals, SIGKILL mid-write, NaN losses, full disks, exact resume."""

import io
import json
import random
import signal
import subprocess
import sys
import time

import pytest
import torch
from conftest import ROOT, small_train_cfg
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import nmt.checkpoint
import nmt.training.trainer
from nmt.checkpoint import load_checkpoint
from nmt.config import load_config
from nmt.decoding.lines import read_lines, translate_stream
from nmt.errors import NmtError
from nmt.training.trainer import train


def _expected_lines(data: bytes) -> int:
    return data.count(b"\n") + (0 if data == b"" or data.endswith(b"\n") else 1)


def _run_stream(translator, data: bytes):
    out, warnings = io.StringIO(), []
    n = translate_stream(translator, io.BytesIO(data), out, warn=warnings.append, chunk_lines=7)
    return out.getvalue(), n, warnings


line_text = st.text(alphabet=st.characters(blacklist_characters="\n", blacklist_categories=("Cs",)), max_size=40)
line_bytes = st.one_of(line_text.map(lambda s: s.encode("utf-8")), st.binary(max_size=30).map(lambda b: b.replace(b"\n", b"")))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(line_bytes, max_size=12), st.sampled_from([b"\n", b"\r\n"]), st.booleans())
def test_any_input_gives_one_line_per_line_in_order(translator, lines, newline, final_newline):
    data = newline.join(lines) + (newline if final_newline and lines else b"")
    text, n, _ = _run_stream(translator, data)
    assert n == _expected_lines(data)
    assert text.count("\n") == n and (text == "" or text.endswith("\n"))
    # Blank inputs map to blank outputs at the same positions (order is kept).
    decoded = list(read_lines(io.BytesIO(data), warn=lambda m: None))
    for src, out in zip(decoded, text.split("\n")):
        if not src.strip():
            assert out == ""


def test_invalid_utf8_is_replaced_with_a_warning_naming_the_line(translator):
    text, n, warnings = _run_stream(translator, b"Ein Hund.\nKaputt \xff\xfe hier\nZwei Katzen.\n")
    assert n == 3 and text.count("\n") == 3
    assert warnings == ["line 2: invalid UTF-8, undecodable bytes replaced by U+FFFD"]


def test_control_characters_and_separators_do_not_split_lines(translator):
    data = "Ein\x00Hund\x1b[31m\u2028läuft\x0b\x0c\x1c\x85.\nZwei\rMänner\n".encode()
    text, n, _ = _run_stream(translator, data)
    assert n == 2 and text.count("\n") == 2


def test_a_very_long_line_is_truncated_with_one_warning(translator):
    long_line = " ".join(["Ein großer Hund läuft schnell über die grüne Wiese."] * 250)  # ~13k chars
    assert len(long_line) > 10_000
    text, n, warnings = _run_stream(translator, f"Hallo.\n{long_line}\nTschüss.\n".encode())
    assert n == 3 and text.count("\n") == 3
    assert len(warnings) == 1 and warnings[0].startswith("line 2:") and "truncated to 249" in warnings[0]


def test_input_is_streamed_in_chunks_never_read_whole(translator):
    """Each chunk's output is written before the next chunk is read: memory is bounded by
    the chunk size, not by the input length, and an interrupted run keeps what it did."""
    chunk, total = 5, 23
    out = io.StringIO()
    seen_when_reading: list[tuple[int, int]] = []

    def lines():
        for i in range(total):
            seen_when_reading.append((i, out.getvalue().count("\n")))
            yield f"Ein Hund läuft {i}.\n".encode()

    n = translate_stream(translator, lines(), out, warn=lambda m: None, chunk_lines=chunk)
    assert n == total and out.getvalue().count("\n") == total
    for i, written in seen_when_reading:
        assert written == (i // chunk) * chunk  # every earlier chunk is out, nothing read ahead


# ------------------------------------------------------------------------- training faults


def _losses(out):
    rows = [json.loads(line) for line in (out / "train_log.jsonl").read_text().splitlines()]
    return {r["step"]: r["loss"] for r in rows if r["kind"] == "train"}


def test_resume_is_exact(tmp_path, multi30k):
    def quiet(message):
        pass

    full = small_train_cfg(multi30k, "train.max_steps=16")
    train(full, tmp_path / "full", log=quiet, progress=False)
    part = small_train_cfg(multi30k, "train.max_steps=7")  # stops mid-epoch, between validations
    train(part, tmp_path / "part", log=quiet, progress=False)
    train(full, tmp_path / "part", resume=True, log=quiet, progress=False)
    a, b = _losses(tmp_path / "full"), _losses(tmp_path / "part")
    assert sorted(a) == sorted(b) == list(range(1, 17))
    for step in range(1, 17):
        assert abs(a[step] - b[step]) <= 1e-6, (step, a[step], b[step])


def test_nan_losses_are_skipped_then_stop_training(tmp_path, multi30k, monkeypatch):
    real = nmt.training.trainer.compute_loss
    calls = {"n": 0}

    def flaky(model, batch, ls):
        calls["n"] += 1
        loss, n = real(model, batch, ls)
        if calls["n"] in (3, 4) or calls["n"] >= 12:
            loss = loss * float("nan")
        return loss, n

    monkeypatch.setattr(nmt.training.trainer, "compute_loss", flaky)
    messages = []
    cfg = small_train_cfg(multi30k, "train.max_steps=40", "train.max_bad_steps=3")
    with pytest.raises(NmtError, match=r"3 non-finite losses in a row.*last good checkpoint"):
        train(cfg, tmp_path / "r", log=messages.append, progress=False)
    assert sum("step skipped" in m for m in messages) == 2 + 3
    state = load_checkpoint(tmp_path / "r" / "last.pt")["train_state"]
    assert state["step"] == 5  # the validation checkpoint before the bad streak
    for p in load_checkpoint(tmp_path / "r" / "last.pt")["model"].values():
        assert torch.isfinite(p).all()


def test_disk_full_while_saving_keeps_the_previous_checkpoint(tmp_path, multi30k, monkeypatch):
    cfg = small_train_cfg(multi30k, "train.max_steps=5")
    train(cfg, tmp_path / "r", log=lambda m: None, progress=False)
    before = (tmp_path / "r" / "last.pt").read_bytes()

    def full_disk(obj, f, *a, **k):
        f.write(b"partial bytes")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(nmt.checkpoint.torch, "save", full_disk)
    with pytest.raises(NmtError, match="No space left on device.*untouched"):
        train(small_train_cfg(multi30k, "train.max_steps=10"), tmp_path / "r", resume=True,
              log=lambda m: None, progress=False)
    assert (tmp_path / "r" / "last.pt").read_bytes() == before
    assert not list((tmp_path / "r").glob(".*.tmp"))


def test_empty_training_pairs_are_dropped_and_counted(tmp_path):
    src = ["Ein Hund läuft.", "", "Zwei Katzen schlafen.", "Ein Mann."] * 30
    tgt = ["A dog runs.", "Nothing.", "Two cats sleep.", "  "] * 30
    (tmp_path / "train.de").write_text("\n".join(src) + "\n")
    (tmp_path / "train.en").write_text("\n".join(tgt) + "\n")
    (tmp_path / "validation.de").write_text("Ein Hund.\n")
    (tmp_path / "validation.en").write_text("A dog.\n")
    cfg = load_config(ROOT / "configs" / "tiny.yaml", [
        f"data.dataset={tmp_path}", "data.max_train_examples=null", "vocab.vocab_size=33", "train.max_steps=2"])
    messages = []
    train(cfg, tmp_path / "r", log=messages.append, progress=False)
    assert "data: dropped 60 training pairs with an empty side" in messages


def _start_training(out, multi30k, *extra):
    args = [sys.executable, "-m", "nmt", "train", "configs/tiny.yaml", "--out", str(out), "--no-progress",
            "--set", f"data.dataset={multi30k}", "--set", "data.max_train_examples=600",
            "--set", "data.max_valid_examples=10", "--set", "vocab.vocab_size=300",
            "--set", "train.batch_tokens=400", "--set", "train.log_every=1", "--set", "train.max_steps=100000",
            "--set", "train.max_epochs=1000", *extra]
    return subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)


def _wait_for(path, timeout=120):
    deadline = time.time() + timeout
    while not path.exists():
        assert time.time() < deadline, f"{path} never appeared"
        time.sleep(0.2)


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_signal_writes_a_checkpoint_then_resume_continues(tmp_path, multi30k, sig):
    out = tmp_path / "r"
    proc = _start_training(out, multi30k, "--set", "train.valid_every=100000")
    _wait_for(out / "train_log.jsonl")
    time.sleep(1.5)
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err.decode()
    assert b"--resume" in err and b"Traceback" not in err
    step = load_checkpoint(out / "last.pt")["train_state"]["step"]
    assert step >= 1
    res = subprocess.run([sys.executable, "-m", "nmt", "train", "configs/tiny.yaml", "--out", str(out), "--resume",
                          "--set", f"data.dataset={multi30k}", "--set", "data.max_train_examples=600",
                          "--set", "data.max_valid_examples=10", "--set", "vocab.vocab_size=300",
                          "--set", "train.batch_tokens=400", "--set", "train.log_every=1",
                          "--set", f"train.max_steps={step + 3}", "--set", "train.valid_every=100000"],
                         capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert res.returncode == 0, res.stderr
    assert load_checkpoint(out / "last.pt")["train_state"]["step"] == step + 3


def test_sigkill_at_random_moments_never_breaks_a_checkpoint(tmp_path, multi30k):
    """Checkpoints are written every 2 steps; kill -9 lands in the middle of many of those writes."""
    out = tmp_path / "r"
    rng = random.Random(1234)
    kills = 0
    for attempt in range(6):
        extra = ["--set", "train.valid_every=2"]
        proc = _start_training(out, multi30k, *extra) if attempt == 0 else subprocess.Popen(
            [sys.executable, "-m", "nmt", "train", "configs/tiny.yaml", "--out", str(out), "--resume",
             "--no-progress", "--set", f"data.dataset={multi30k}", "--set", "data.max_train_examples=600",
             "--set", "data.max_valid_examples=10", "--set", "vocab.vocab_size=300",
             "--set", "train.batch_tokens=400", "--set", "train.log_every=1",
             "--set", "train.max_steps=100000", "--set", "train.max_epochs=1000", *extra],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
        _wait_for(out / "last.pt")
        mtime = (out / "last.pt").stat().st_mtime_ns
        deadline = time.time() + 60
        while (out / "last.pt").stat().st_mtime_ns == mtime and time.time() < deadline:
            time.sleep(0.05)  # wait until this process has written one checkpoint itself
        time.sleep(rng.uniform(0.0, 1.5))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        kills += 1
        for name in ("last.pt", "best.pt"):
            payload = load_checkpoint(out / name)  # raises if torn
            assert payload["model"]
        assert load_checkpoint(out / "last.pt")["train_state"]["step"] > 0
    assert kills == 6


def test_an_empty_training_set_is_a_clear_error(tmp_path):
    for name in ("train.de", "train.en"):
        (tmp_path / name).write_text("")
    (tmp_path / "validation.de").write_text("Ein Hund.\n")
    (tmp_path / "validation.en").write_text("A dog.\n")
    cfg = load_config(ROOT / "configs" / "tiny.yaml", [f"data.dataset={tmp_path}"])
    with pytest.raises(NmtError, match=r"\[train\]: the training set is empty"):
        train(cfg, tmp_path / "r", log=lambda m: None, progress=False)
