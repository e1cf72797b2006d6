"""Shared fixtures: offline datasets, real Multi30k lines, tiny seeded models."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

os.environ["HF_DATASETS_OFFLINE"] = "1"
os.environ["HF_HUB_OFFLINE"] = "1"
# The data cache (nmt/data/cache.py) of this test session, never the user's ~/.cache/nmt;
# subprocesses (the CLI as users run it) inherit it.
os.environ["NMT_CACHE"] = tempfile.mkdtemp(prefix="nmt-test-cache-")

import pytest
import torch

from nmt.config import Config, ModelConfig, VocabConfig
from nmt.model import build_model
from nmt.tokenizer import Tokenizer

ROOT = Path(__file__).resolve().parent.parent
MULTI30K = (ROOT.parent / "shared" / "data" / "multi30k").resolve()


PRE_LAYOUT = ROOT / "tests" / "fixtures" / "pre_layout"


def pre_layout_checkpoint() -> Path:
    """The checkpoint trained at 4c08ffc (tests/fixtures/pre_layout/README.md), decompressed once
    per test session (xz keeps it at 172 KB in git: its two SentencePiece copies compress away)."""
    import lzma

    path = Path(os.environ["NMT_CACHE"]) / "pre_layout_best.pt"
    if not path.exists():
        path.write_bytes(lzma.decompress((PRE_LAYOUT / "best.pt.xz").read_bytes()))
    return path


def load_script(name: str):  # noqa: ANN201
    """``scripts/NAME.py`` as a module (scripts are not a package; their own imports, such as
    ``sysinfo``, resolve from scripts/)."""
    import importlib.util
    import sys

    if str(ROOT / "scripts") not in sys.path:
        sys.path.insert(0, str(ROOT / "scripts"))
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def read_jsonl(path: Path, n: int | None = None) -> list[dict]:
    rows = []
    with open(path, encoding="utf-8") as f:
        for i, line in enumerate(f):
            if n is not None and i >= n:
                break
            rows.append(json.loads(line))
    return rows


@pytest.fixture(scope="session")
def multi30k() -> Path:
    if not MULTI30K.is_dir():
        pytest.fail(f"real data missing: {MULTI30K} (../shared/data/multi30k beside the repo)")
    return MULTI30K


@pytest.fixture(scope="session")
def real_pairs(multi30k: Path) -> list[tuple[str, str]]:
    """The first 2,000 de-en training pairs of Multi30k."""
    return [(r["de"], r["en"]) for r in read_jsonl(multi30k / "train.jsonl", 2000)]


@pytest.fixture(scope="session")
def tokenizer(real_pairs) -> Tokenizer:
    cfg = VocabConfig(vocab_size=500, joint=True)
    return Tokenizer.train([s for s, _ in real_pairs], [t for _, t in real_pairs], cfg)


def tiny_model_config(**kw) -> ModelConfig:
    base = dict(emb_size=12, enc_hidden=12, enc_layers=2, dec_hidden=12, dec_layers=1, dropout=0.0)
    base.update(kw)
    return ModelConfig(**base)


@pytest.fixture
def tiny_model():
    """A seeded, untrained 12-wide model over a 40-word vocabulary (eval mode)."""
    torch.manual_seed(0)
    model = build_model(tiny_model_config(), 40, 40)
    return model.eval()


@pytest.fixture
def tiny_cfg(multi30k: Path) -> Config:
    """configs/tiny.yaml made even smaller, pointing at the real data by absolute path."""
    from nmt.config import load_config

    return load_config(ROOT / "configs" / "tiny.yaml", [f"data.dataset={multi30k}"])


def run_nmt(*args: str, input: str | bytes | None = None, timeout: float = 600, cwd: Path | None = None):
    """Run the installed CLI as a user does (``python -m nmt``), capturing bytes or text."""
    import subprocess
    import sys

    text = not isinstance(input, bytes)
    return subprocess.run([sys.executable, "-m", "nmt", *args], input=input, capture_output=True,
                          text=text, timeout=timeout, cwd=cwd or ROOT)


@pytest.fixture(scope="session")
def trained_run(tmp_path_factory, multi30k) -> Path:
    """configs/tiny.yaml trained once through the CLI on real Multi30k pairs (~1 min)."""
    out = tmp_path_factory.mktemp("runs") / "tiny"
    res = run_nmt("train", "configs/tiny.yaml", "--out", str(out), "--set", f"data.dataset={multi30k}")
    assert res.returncode == 0, res.stderr
    return out


@pytest.fixture(scope="session")
def translator(trained_run):
    from nmt.decoding.translator import Translator

    return Translator.load(trained_run / "best.pt", beam=2)


def small_train_cfg(multi30k: Path, *extra: str) -> Config:
    """configs/tiny.yaml cut down to seconds per run: 600 real pairs, validation every 5 steps."""
    from nmt.config import load_config

    return load_config(ROOT / "configs" / "tiny.yaml", [
        f"data.dataset={multi30k}", "data.max_train_examples=600", "data.max_valid_examples=20",
        "vocab.vocab_size=300", "train.batch_tokens=400", "train.log_every=1", "train.valid_every=5",
        "model.dropout=0.2", *extra])
