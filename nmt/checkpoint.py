"""Checkpoints: self-contained, written atomically, loaded without executing code.

:func:`load_checkpoint` also reads a model folder (:mod:`nmt.folder`) into the same
payload, so everything that takes a ``.pt`` takes a folder.

A checkpoint holds the weights, the resolved config (as JSON text), the
SentencePiece model(s) (as uint8 tensors) and, for ``last.pt``, everything
``--resume`` needs (optimizer, scheduler, step, RNG and data-order state).
Only tensors, strings, numbers and containers go in, so
``torch.load(weights_only=True)`` reads it and a pickle with a payload is
refused instead of run.

Writing goes to a temporary file in the same folder, is fsync'ed, then
renamed over the target: a crash or SIGKILL at any moment leaves either the
old file or the new one, never a torn one.
"""

from __future__ import annotations

import json
import pickle
import time
import warnings
from pathlib import Path
from typing import Any

import torch

from nmt.atomic import atomic_write
from nmt.config import Config, config_from_dict
from nmt.errors import NmtError
from nmt.folder import is_model_folder, read_folder
from nmt.shortlist import Shortlist
from nmt.tokenizer import Tokenizer
from nmt.version import __version__

FORMAT = "nmt-checkpoint"
VERSION = 1


def _bytes_to_tensor(data: bytes) -> torch.Tensor:
    return torch.frombuffer(bytearray(data), dtype=torch.uint8).clone()


def _tensor_to_bytes(t: torch.Tensor) -> bytes:
    return t.numpy().tobytes()


def make_payload(cfg: Config, model_state: dict[str, torch.Tensor], tokenizer: Tokenizer,
                 extra: dict[str, Any] | None = None, shortlist: Shortlist | None = None,
                 meta: dict[str, Any] | None = None) -> dict[str, Any]:
    """The dict that goes to disk; ``extra`` holds training state for resuming,
    ``shortlist`` the lexical table decoding may restrict the output layer to, ``meta``
    a summary for people (step, time, validation BLEU; see :func:`meta_of`)."""
    payload = {
        "format": FORMAT,
        "version": VERSION,
        "config": json.dumps(cfg.to_dict()),
        "model": model_state,
        "src_spm": _bytes_to_tensor(tokenizer.src_proto),
        "tgt_spm": _bytes_to_tensor(tokenizer.tgt_proto),
    }
    if extra:
        payload["train_state"] = extra
    if shortlist is not None:
        payload["shortlist"] = shortlist.to_payload()
    payload["meta"] = json.dumps({"nmt_version": __version__, "torch_version": torch.__version__,
                                  "written": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                                  **(meta or {})})
    return payload


def meta_of(payload: dict[str, Any]) -> dict[str, Any]:
    """The summary written with the checkpoint (empty for files written before nmt stored one)."""
    try:
        meta = json.loads(payload.get("meta") or "{}")
    except (TypeError, ValueError):
        return {}
    return meta if isinstance(meta, dict) else {}


def save_checkpoint(path: Path, payload: dict[str, Any]) -> None:
    atomic_write(path, lambda f: torch.save(payload, f))


def load_checkpoint(path: Path) -> dict[str, Any]:
    """Read a checkpoint safely; every failure is a one-line NmtError naming the file."""
    path = Path(path)
    if not path.exists():
        raise NmtError(f"{path}: model file not found")
    if path.is_dir():
        if is_model_folder(path):
            return read_folder(path)
        raise NmtError(f"{path}: is a folder but not a model folder (no config.json); pass a checkpoint "
                       f"such as {path}/best.pt or a folder written by nmt export --format hub")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # e.g. "Detected pickle protocol 4": we refuse or read, not warn
            payload = torch.load(path, map_location="cpu", weights_only=True)
    except pickle.UnpicklingError as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else "unsafe content"
        raise NmtError(f"{path}: refused to load: it holds objects other than tensors and plain data "
                       f"({first[:160]})") from None
    except Exception as exc:  # torch.load fails in many ways on foreign bytes (KeyError, EOFError, ...)
        raise NmtError(f"{path}: not a readable nmt checkpoint (truncated or another format: "
                       f"{str(exc).splitlines()[0][:160] if str(exc) else type(exc).__name__})") from None
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise NmtError(f"{path}: not an nmt checkpoint (no '{FORMAT}' marker)")
    if payload.get("version") != VERSION:
        raise NmtError(f"{path}: checkpoint version {payload.get('version')} is not supported "
                       f"(this nmt reads version {VERSION})")
    for key in ("config", "model", "src_spm", "tgt_spm"):
        if key not in payload:
            raise NmtError(f"{path}: checkpoint is missing {key!r}")
    return payload


def config_of(payload: dict[str, Any], path: Path | str = "checkpoint") -> Config:
    try:
        raw = json.loads(payload["config"])
    except (TypeError, ValueError):
        raise NmtError(f"{path}: checkpoint config is not valid JSON") from None
    return config_from_dict(raw, f"{path} (config)")


def shortlist_of(payload: dict[str, Any]) -> Shortlist | None:
    """The checkpoint's lexical shortlist table; None in checkpoints written without one."""
    data = payload.get("shortlist")
    return Shortlist.from_payload(data) if data is not None else None


def tokenizer_of(payload: dict[str, Any]) -> Tokenizer:
    return Tokenizer(_tensor_to_bytes(payload["src_spm"]), _tensor_to_bytes(payload["tgt_spm"]))


def average_weights(paths: list[Path]) -> dict[str, torch.Tensor]:
    """Element-wise mean of the model weights in ``paths`` (summed in float64, kept in
    each tensor's dtype; non-float tensors are taken from the last file). Every file must
    hold the same tensors with the same shapes: a difference is an error naming both files."""
    states = [load_checkpoint(p)["model"] for p in paths]
    first = states[0]
    for path, state in zip(paths[1:], states[1:]):
        if set(state) != set(first):
            diff = sorted(set(state) ^ set(first))
            raise NmtError(f"{paths[0]} and {path}: different models ({len(diff)} weights in one only, "
                           f"e.g. {diff[0]})", exit_code=2)
        for name, t in state.items():
            if t.shape != first[name].shape:
                raise NmtError(f"{paths[0]} and {path}: {name} is {tuple(first[name].shape)} in one and "
                               f"{tuple(t.shape)} in the other", exit_code=2)
    return {name: (sum(s[name].double() for s in states) / len(states)).to(t.dtype)
            if t.is_floating_point() else t for name, t in states[-1].items()}


def average_checkpoints(paths: list[Path]) -> dict[str, Any]:
    """A checkpoint of the averaged weights of ``paths``: the first file's config, tokenizer
    and shortlist; its ``meta`` names the files. The tokenizers must be the same."""
    first = load_checkpoint(paths[0])
    for path in paths[1:]:
        other = load_checkpoint(path)
        if not (torch.equal(other["src_spm"], first["src_spm"]) and torch.equal(other["tgt_spm"], first["tgt_spm"])):
            raise NmtError(f"{paths[0]} and {path}: different vocabularies (SentencePiece models); "
                           "only checkpoints of one run or of runs with the same vocabulary can be averaged",
                           exit_code=2)
    weights = average_weights(paths)
    shortlist = shortlist_of(first)
    meta = {k: v for k, v in meta_of(first).items() if k in ("step", "epoch", "train_seconds")}
    return make_payload(config_of(first, paths[0]), weights, tokenizer_of(first), shortlist=shortlist,
                        meta={**meta, "averaged_from": [str(p) for p in paths]})
