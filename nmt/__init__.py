"""nmt: attention-based RNN translation (GRU, LSTM or plain RNN) to train, run and reproduce.

The public API, the same operations as the ``nmt`` command::

    import nmt

    cfg = nmt.load_config("configs/multi30k_de_en.yaml", ["train.max_steps=3000"])
    result = nmt.train(cfg, "runs/de_en")                      # nmt train
    translator = nmt.Translator.load(result.best_path)         # nmt translate -m ...
    hyps = translator.translate(["Ein Hund läuft über die Wiese."])
    print(nmt.score(hyps, ["A dog runs across the meadow."]))  # the scoring half of nmt evaluate

Names load on first use: ``import nmt`` imports neither torch nor datasets. Errors a
person can fix raise :class:`NmtError` (:class:`ConfigError` for configuration and
usage) with a one-line message; warnings go to the ``nmt`` logger. docs/python.md
has the whole surface with examples.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from nmt.errors import ConfigError, NmtError
from nmt.version import __version__

if TYPE_CHECKING:
    from nmt.config import Config, load_config
    from nmt.decoding.distill import DistillResult, distill
    from nmt.decoding.translator import Scored, Translator
    from nmt.metrics import Scores, score
    from nmt.training.progress import TrainResult
    from nmt.training.trainer import train

__all__ = [
    "Config",
    "ConfigError",
    "DistillResult",
    "NmtError",
    "Scored",
    "Scores",
    "TrainResult",
    "Translator",
    "__version__",
    "distill",
    "load_config",
    "score",
    "train",
]

# Where each lazily loaded name lives (its module is imported on first access).
_LAZY = {
    "Config": "nmt.config",
    "load_config": "nmt.config",
    "Translator": "nmt.decoding.translator",
    "Scored": "nmt.decoding.translator",
    "distill": "nmt.decoding.distill",
    "DistillResult": "nmt.decoding.distill",
    "score": "nmt.metrics",
    "Scores": "nmt.metrics",
    "train": "nmt.training.trainer",
    "TrainResult": "nmt.training.progress",
}


def __getattr__(name: str) -> Any:
    """PEP 562: import the module behind a public name when it is first used."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'nmt' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
