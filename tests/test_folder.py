"""Model folders (nmt export --format hub): a round trip that changes nothing, a card that
parses back, no pickle anywhere, and a one-line error for every way a folder can be broken.

Runs on the small checkpoint kept in tests/fixtures (no training needed)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import torch
from conftest import MULTI30K, pre_layout_checkpoint, read_jsonl, run_nmt

import nmt
from nmt.checkpoint import load_checkpoint

OLD = Path(__file__).resolve().parent / "fixtures" / "pre_layout"
MODEL = pre_layout_checkpoint()


@pytest.fixture(scope="module")
def small_test_set(tmp_path_factory) -> Path:
    """A 40-pair test split in the Multi30k layout (a dataset folder the loader reads)."""
    folder = tmp_path_factory.mktemp("data") / "m30k_small"
    folder.mkdir()
    rows = read_jsonl(MULTI30K / "test.jsonl", 40)
    (folder / "test.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
    return folder


@pytest.fixture(scope="module")
def scores(small_test_set, tmp_path_factory) -> Path:
    res = run_nmt("evaluate", "-m", str(MODEL), "--dataset", str(small_test_set), "--split", "test", "--json")
    assert res.returncode == 0, res.stderr
    path = tmp_path_factory.mktemp("scores") / "test.json"
    path.write_text(res.stdout)
    return path


@pytest.fixture(scope="module")
def folder(scores, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("hub") / "nmt-gru-de-en"
    res = run_nmt("export", "-m", str(MODEL), "--format", "hub", "-o", str(out), "--scores", str(scores))
    assert res.returncode == 0, res.stderr
    return out


def test_the_folder_holds_the_hub_files(folder):
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["README.md", "config.json", "model.safetensors", "shortlist.npz", "spm.model", "training.yaml"]
    config = json.loads((folder / "config.json").read_text())
    assert (config["format"], config["format_version"], config["cell"]) == ("nmt-model-folder", 1, "gru")
    assert (config["src_lang"], config["tgt_lang"], config["vocab"]["src_size"]) == ("de", "en", 300)
    assert config["decode"]["beam_size"] == 3 and config["shortlist"]["file"] == "shortlist.npz"
    assert config["nmt_version"] == nmt.__version__ and config["config"]["model"]["dec_hidden"] == 32


def test_round_trip_gives_bit_identical_weights_tied_weights_stored_once(folder):
    from safetensors import safe_open

    before, after = load_checkpoint(MODEL)["model"], load_checkpoint(folder)["model"]
    assert before.keys() == after.keys()
    assert all(torch.equal(before[k], after[k]) and after[k].dtype == before[k].dtype for k in before)
    with safe_open(str(folder / "model.safetensors"), "pt") as f:  # safetensors alone opens it
        stored = set(f.keys())
        meta = f.metadata()
    assert len(stored) < len(before)  # the tied output layer is not stored twice
    assert json.loads(meta["aliases"]) and meta["format"] == "nmt-model-folder" and meta["nmt_version"]


@pytest.mark.parametrize("args", [(), ("--beam", "1"), ("--no-shortlist",), ("--n-best", "2")])
def test_the_folder_translates_exactly_as_the_checkpoint(folder, args):
    src = str(OLD / "src.de")
    a = run_nmt("translate", "-m", str(MODEL), "-i", src, *args)
    b = run_nmt("translate", "-m", str(folder), "-i", src, *args)
    assert a.returncode == b.returncode == 0, b.stderr
    assert a.stdout == b.stdout and a.stdout.count("\n") >= 40


def test_the_card_parses_back_with_the_evaluation_figures(folder, scores):
    from huggingface_hub import ModelCard

    card = ModelCard.load(folder / "README.md")
    measured = json.loads(scores.read_text())
    data = card.data
    assert data.language == ["de", "en"] and data.license == "mit" and data.library_name == "nmt"
    assert {"translation", "gru"} <= set(data.tags) and data.datasets == ["bentrevett/multi30k"]
    got = {r.metric_type: (r.metric_value, r.metric_config) for r in data.eval_results}
    assert got == {"bleu": (measured["bleu"], measured["bleu_signature"]),
                   "chrf": (measured["chrf"], measured["chrf_signature"])}
    assert measured["bleu_signature"].replace("|", "\\|") in card.text  # in a Markdown table cell
    assert "18,832" in card.text  # parameters
    assert "Flickr" in card.text and "nmt train training.yaml" in card.text


def test_the_folder_holds_no_pickle(folder):
    for path in folder.iterdir():
        data = path.read_bytes()
        assert not data.startswith(b"\x80"), path  # pickle's protocol marker
    import numpy as np

    with np.load(folder / "shortlist.npz", allow_pickle=False) as arrays:
        assert set(arrays.files) == {"frequent", "table", "joint"}


def test_half_precision_folders_are_half_the_size_and_translate(tmp_path, folder):
    src = str(OLD / "src.de")
    ref = run_nmt("translate", "-m", str(MODEL), "-i", src).stdout
    for dtype in ("float16", "bfloat16"):
        out = tmp_path / dtype
        res = run_nmt("export", "-m", str(MODEL), "--format", "hub", "-o", str(out), "--dtype", dtype)
        assert res.returncode == 0, res.stderr
        ratio = (out / "model.safetensors").stat().st_size / (folder / "model.safetensors").stat().st_size
        assert 0.45 < ratio < 0.55, ratio
        assert json.loads((out / "config.json").read_text())["dtype"] == dtype
        got = run_nmt("translate", "-m", str(out), "-i", src)
        assert got.returncode == 0 and got.stdout.count("\n") == ref.count("\n")


def test_python_api_saves_and_loads_folders(tmp_path, folder):
    tr = nmt.Translator.load(MODEL, device="cpu")
    files = tr.save_pretrained(tmp_path / "saved")
    assert "model.safetensors" in files and "README.md" in files
    again = nmt.Translator.from_pretrained(tmp_path / "saved", device="cpu")
    lines = (OLD / "src.de").read_text().splitlines()
    assert again.translate(lines) == tr.translate(lines) == nmt.Translator.load(folder, device="cpu").translate(lines)
    ensemble = nmt.Translator.load([folder, MODEL], device="cpu")
    assert len(ensemble.translate(lines)) == len(lines)
    with pytest.raises(nmt.NmtError, match="one model"):
        ensemble.save_pretrained(tmp_path / "ensemble")


def test_a_hub_id_offline_is_a_one_line_error(monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(nmt.NmtError) as info:
        nmt.Translator.from_pretrained("nobody-here/no-such-model")
    assert "cannot be reached" in str(info.value) and "\n" not in str(info.value)


def test_info_and_serve_options_take_a_folder(folder):
    res = run_nmt("info", "-m", str(folder), "--json")
    assert res.returncode == 0, res.stderr
    info = json.loads(res.stdout)
    assert info["language_pair"] == "de-en" and info["parameters"] == 18832 and info["training"]["step"] == 100


def _break(folder: Path, tmp_path: Path, how: str) -> Path:
    bad = tmp_path / how
    shutil.copytree(folder, bad)
    if how.startswith("missing-"):
        (bad / how.removeprefix("missing-")).unlink()
    elif how == "truncated-weights":
        data = (bad / "model.safetensors").read_bytes()
        (bad / "model.safetensors").write_bytes(data[: len(data) // 2])
    elif how in ("shape-mismatch", "future-version", "not-json", "bad-config-value"):
        config = json.loads((bad / "config.json").read_text())
        if how == "shape-mismatch":
            config["config"]["model"]["dec_hidden"] = 48
        elif how == "future-version":
            config["format_version"] = 2
        elif how == "bad-config-value":
            config["config"]["model"]["dec_hidden"] = -3
        (bad / "config.json").write_text("{not json" if how == "not-json" else json.dumps(config))
    elif how == "garbage-spm":
        (bad / "spm.model").write_bytes(b"not a sentencepiece model")
    return bad


@pytest.mark.parametrize("how, names", [
    ("missing-config.json", "is a folder but not a model folder"),
    ("missing-model.safetensors", "model.safetensors: missing"),
    ("missing-spm.model", "spm.model: missing"),
    ("missing-shortlist.npz", "shortlist.npz: missing"),
    ("truncated-weights", "model.safetensors: not a readable safetensors file"),
    ("shape-mismatch", "model.safetensors: "),
    ("future-version", "config.json: format version 2 is not supported"),
    ("not-json", "config.json: not valid JSON"),
    ("bad-config-value", "model.dec_hidden must be > 0"),
    ("garbage-spm", "spm.model: not a SentencePiece model"),
])
def test_every_broken_folder_is_a_one_line_error(folder, tmp_path, how, names):
    bad = _break(folder, tmp_path, how)
    res = run_nmt("translate", "-m", str(bad), input="Ein Hund.\n")
    assert res.returncode in (1, 2), res.stderr
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and names in lines[0], res.stderr
    assert "Traceback" not in res.stderr
    with pytest.raises(nmt.NmtError, match=names.split(":")[0].replace(".", r"\.")):
        nmt.Translator.load(bad, device="cpu")


def test_a_model_trained_now_records_its_machine_and_the_card_names_it(trained_run, tmp_path):
    from nmt.device import hardware

    res = run_nmt("info", "-m", str(trained_run / "best.pt"))
    assert res.returncode == 0, res.stderr
    line = next(x for x in res.stdout.splitlines() if x.strip().startswith("trained on"))
    machine = hardware(torch.device("cpu"))
    assert line.split(":", 1)[1].strip() == machine  # the CPU model and torch's threads
    out = tmp_path / "hub"
    assert run_nmt("export", "-m", str(trained_run / "best.pt"), "--format", "hub", "-o", str(out)).returncode == 0
    assert f"on {machine}" in (out / "README.md").read_text()
    # A file from before nmt recorded it says so, instead of guessing.
    old = run_nmt("info", "-m", str(MODEL)).stdout
    assert "trained on" in old and "unknown (file written before nmt recorded it)" in old.split("trained on")[1]
