"""Checkpoints: round trip, refusal of code-carrying pickles, atomic writes."""

import os
import pickle

import pytest
import torch
from conftest import tiny_model_config

from nmt.checkpoint import config_of, load_checkpoint, make_payload, save_checkpoint, tokenizer_of
from nmt.config import Config
from nmt.decoding.translator import load_model
from nmt.errors import NmtError
from nmt.model import build_model


def _save(tmp_path, tokenizer, name="m.pt"):
    cfg = Config()
    cfg.model = tiny_model_config()
    cfg.vocab.vocab_size = 500
    torch.manual_seed(0)
    model = build_model(cfg.model, tokenizer.src_vocab_size, tokenizer.tgt_vocab_size)
    path = tmp_path / name
    save_checkpoint(path, make_payload(cfg, model.state_dict(), tokenizer, {"step": 3}))
    return path, cfg, model


def test_round_trip(tmp_path, tokenizer):
    path, cfg, model = _save(tmp_path, tokenizer)
    payload = load_checkpoint(path)
    assert config_of(payload) == cfg
    assert tokenizer_of(payload).src_proto == tokenizer.src_proto
    assert payload["train_state"]["step"] == 3
    cfg2, model2, tok2, _ = load_model(path)
    for (k, a), (_, b) in zip(model.state_dict().items(), model2.state_dict().items()):
        assert torch.equal(a, b), k
    assert not list(tmp_path.glob(".*.tmp"))  # no temp file left behind


class Payload:
    def __reduce__(self):
        return (os.system, ("touch /tmp/nmt-pwned",))


def test_pickle_with_a_payload_is_refused(tmp_path):
    path = tmp_path / "evil.pt"
    torch.save({"format": "nmt-checkpoint", "x": Payload()}, path)
    with pytest.raises(NmtError, match="refused to load"):
        load_checkpoint(path)
    raw = tmp_path / "evil.pkl"
    raw.write_bytes(pickle.dumps(Payload()))
    with pytest.raises(NmtError):
        load_checkpoint(raw)
    assert not os.path.exists("/tmp/nmt-pwned")


@pytest.mark.parametrize("content", [b"", b"hello, not a checkpoint\n", b"PK\x03\x04garbage"])
def test_wrong_files_are_one_line_errors(tmp_path, content):
    path = tmp_path / "x.pt"
    path.write_bytes(content)
    with pytest.raises(NmtError) as err:
        load_checkpoint(path)
    assert "\n" not in str(err.value) and str(path) in str(err.value)


def test_truncated_checkpoint(tmp_path, tokenizer):
    path, _, _ = _save(tmp_path, tokenizer)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(NmtError, match="truncated or another format"):
        load_checkpoint(path)


def test_torch_file_from_another_program(tmp_path):
    path = tmp_path / "other.pt"
    torch.save({"state_dict": {"w": torch.zeros(2)}}, path)
    with pytest.raises(NmtError, match="not an nmt checkpoint"):
        load_checkpoint(path)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(NmtError, match="model file not found"):
        load_checkpoint(tmp_path / "nope.pt")
    with pytest.raises(NmtError, match="is a folder"):
        load_checkpoint(tmp_path)


def test_failed_write_leaves_previous_checkpoint_intact(tmp_path, tokenizer):
    path, _, _ = _save(tmp_path, tokenizer)
    before = path.read_bytes()

    def boom(f):
        f.write(b"partial")
        raise OSError(28, "No space left on device")

    from nmt.checkpoint import atomic_write

    with pytest.raises(NmtError, match="No space left on device.*untouched"):
        atomic_write(path, boom)
    assert path.read_bytes() == before
    assert not list(tmp_path.glob(".*.tmp"))
