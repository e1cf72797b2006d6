"""The model folder people share: what the Hugging Face Hub and its tools expect of one.

::

    config.json          format, architecture, languages, vocabulary, decoding defaults,
                         shortlist settings, nmt version, and the resolved training config
    model.safetensors    the weights (safetensors: no pickle), tied weights stored once
    spm.model            the joint SentencePiece model (src.model + tgt.model when not joint)
    shortlist.npz        the lexical shortlist table (a plain numpy archive, read without pickle)
    training.yaml        the resolved training config, for ``nmt train training.yaml``
    README.md            the model card (nmt.card)

:func:`read_folder` turns a folder back into the same payload a ``.pt`` checkpoint
holds (:mod:`nmt.checkpoint`), so every command and the Python API load either. It
reads only safetensors, JSON, numpy arrays with ``allow_pickle=False`` and
SentencePiece protos: nothing in a folder is executed. A missing or truncated file, a
config that disagrees with the tensors' shapes or an unknown format version is a
one-line error naming the file.
"""

from __future__ import annotations

import io
import json
import os
from pathlib import Path
from typing import Any

import numpy as np
import torch
import yaml

from nmt.atomic import atomic_write
from nmt.config import config_from_dict
from nmt.errors import NmtError
from nmt.model import build_model
from nmt.version import __version__

FORMAT = "nmt-model-folder"
VERSION = 1
WEIGHTS, CONFIG, SHORTLIST, CARD = "model.safetensors", "config.json", "shortlist.npz", "README.md"
TRAINING = "training.yaml"
DTYPES = {"float32": torch.float32, "float16": torch.float16, "bfloat16": torch.bfloat16}


def is_model_folder(path: Path) -> bool:
    """A folder written by :func:`write_folder` (it has a config.json)."""
    return Path(path).is_dir() and (Path(path) / CONFIG).is_file()


def _dedup(state: dict[str, torch.Tensor]) -> tuple[dict[str, torch.Tensor], dict[str, str]]:
    """Tensors stored once (safetensors refuses shared memory) and ``alias -> stored name``
    for each tied weight (the output layer tied to the embedding)."""
    stored: dict[str, torch.Tensor] = {}
    aliases: dict[str, str] = {}
    seen: dict[tuple[int, int, tuple[int, ...], tuple[int, ...]], str] = {}
    for name, t in state.items():
        key = (t.untyped_storage().data_ptr(), t.storage_offset(), tuple(t.shape), tuple(t.stride()))
        if key in seen:
            aliases[name] = seen[key]
        else:
            seen[key] = name
            stored[name] = t
    return stored, aliases


def _sizes(proto: bytes) -> int:
    import sentencepiece as spm

    sp = spm.SentencePieceProcessor()
    sp.LoadFromSerializedProto(proto)
    return sp.GetPieceSize()


def folder_config(payload: dict[str, Any], dtype: str) -> dict[str, Any]:
    """config.json: a summary people and tools read, and the resolved config nmt rebuilds from."""
    cfg = json.loads(payload["config"])
    meta = json.loads(payload.get("meta") or "{}")
    joint = bytes(payload["src_spm"].numpy()) == bytes(payload["tgt_spm"].numpy())
    shortlist = payload.get("shortlist")
    return {
        "format": FORMAT,
        "format_version": VERSION,
        "nmt_version": __version__,
        "model_type": "nmt-rnn-attention",
        "architecture": "bidirectional RNN encoder, attentional RNN decoder (Bahdanau et al. 2015)",
        "cell": cfg["model"]["cell"],
        "src_lang": cfg["data"]["src_lang"],
        "tgt_lang": cfg["data"]["tgt_lang"],
        # A multilingual model's directions (sources carry a <2xx> target tag); [] when bilingual.
        "directions": list(cfg["data"].get("directions") or []),
        "dtype": dtype,
        "vocab": {"type": cfg["vocab"]["type"], "joint": joint,
                  "src_size": _sizes(bytes(payload["src_spm"].numpy())),
                  "tgt_size": _sizes(bytes(payload["tgt_spm"].numpy())),
                  "files": ["spm.model"] if joint else ["src.model", "tgt.model"]},
        "model": cfg["model"],
        "decode": cfg["decode"],
        "shortlist": None if shortlist is None else {"file": SHORTLIST, "joint": bool(shortlist["joint"]),
                                                    "frequent": cfg["decode"]["shortlist_frequent"],
                                                    "per_source": cfg["decode"]["shortlist_per_source"]},
        "training": {k: meta.get(k) for k in ("step", "epoch", "train_seconds", "best_valid_bleu", "best_step",
                                             "world_size", "averaged_from", "torch_version", "written")},
        "config": cfg,  # the resolved config: nmt rebuilds the model from it
    }


def write_folder(payload: dict[str, Any], out: Path, dtype: str = "float32", card: str | None = None) -> list[str]:
    """Write the checkpoint ``payload`` as a model folder in ``out``; returns the file names.

    ``dtype``: float32, float16 or bfloat16 for the floating-point weights (half the size;
    they are cast back to float32 when loaded for the CPU). ``card``: the README.md text.
    Each file is written atomically; files of an earlier folder not written again are left.
    """
    from safetensors.torch import save

    if dtype not in DTYPES:
        raise NmtError(f"--dtype {dtype}: use {', '.join(DTYPES)}", exit_code=2)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    stored, aliases = _dedup(payload["model"])
    tensors = {k: (v.to(DTYPES[dtype]) if v.is_floating_point() else v).contiguous() for k, v in stored.items()}
    config = folder_config(payload, dtype)
    metadata = {"format": FORMAT, "format_version": str(VERSION), "nmt_version": __version__, "dtype": dtype,
                "aliases": json.dumps(aliases, sort_keys=True)}
    files = {WEIGHTS: save(tensors, metadata=metadata),
             CONFIG: (json.dumps(config, indent=2) + "\n").encode()}
    src, tgt = bytes(payload["src_spm"].numpy()), bytes(payload["tgt_spm"].numpy())
    files.update({"spm.model": src} if config["vocab"]["joint"] else {"src.model": src, "tgt.model": tgt})
    if payload.get("shortlist") is not None:
        buf = io.BytesIO()
        sl = payload["shortlist"]
        np.savez(buf, frequent=sl["frequent"].numpy(), table=sl["table"].numpy(), joint=np.array(bool(sl["joint"])))
        files[SHORTLIST] = buf.getvalue()
    files[TRAINING] = yaml.safe_dump(config["config"], sort_keys=False, allow_unicode=True).encode()
    if card is not None:
        files[CARD] = card.encode()
    for name, data in files.items():
        atomic_write(out / name, lambda f, data=data: f.write(data))
        os.chmod(out / name, 0o644)  # files to share (atomic_write's temporary files are 0600)
    return list(files)


def _read(path: Path) -> bytes:
    if not path.is_file():
        raise NmtError(f"{path}: missing from the model folder")
    return path.read_bytes()


def _check_shapes(path: Path, state: dict[str, torch.Tensor], expected: dict[str, torch.Tensor]) -> None:
    """The weights are those of the model config.json describes, name for name, shape for shape."""
    missing, extra = sorted(set(expected) - set(state)), sorted(set(state) - set(expected))
    if missing or extra:
        what = f"lacks {missing[0]}" if missing else f"holds {extra[0]}, which the model has not"
        raise NmtError(f"{path}: does not match config.json: it {what} ({len(missing)} missing, {len(extra)} extra)")
    for name, t in expected.items():
        if tuple(state[name].shape) != tuple(t.shape):
            raise NmtError(f"{path}: {name} is {tuple(state[name].shape)}, config.json's model needs {tuple(t.shape)}")


def read_folder(folder: Path) -> dict[str, Any]:
    """The checkpoint payload (see :mod:`nmt.checkpoint`) of the model folder ``folder``."""
    from safetensors import SafetensorError
    from safetensors.torch import load

    folder = Path(folder)
    try:
        config = json.loads(_read(folder / CONFIG))
    except (ValueError, UnicodeDecodeError) as exc:
        raise NmtError(f"{folder / CONFIG}: not valid JSON ({exc})") from None
    if not isinstance(config, dict) or config.get("format") != FORMAT:
        raise NmtError(f"{folder / CONFIG}: not an nmt model folder (no \"format\": \"{FORMAT}\")")
    if config.get("format_version") != VERSION:
        raise NmtError(f"{folder / CONFIG}: format version {config.get('format_version')} is not supported "
                       f"(this nmt {__version__} reads version {VERSION}; a newer nmt wrote it?)")
    if not isinstance(config.get("config"), dict):
        raise NmtError(f"{folder / CONFIG}: has no \"config\" section")
    cfg = config_from_dict(config["config"], f"{folder / CONFIG} (config)")  # bad values fail here, named
    raw = _read(folder / WEIGHTS)
    try:
        tensors = load(raw)
        header_len = int.from_bytes(raw[:8], "little")
        metadata = json.loads(raw[8:8 + header_len]).get("__metadata__", {})
    except (SafetensorError, ValueError, OverflowError) as exc:
        raise NmtError(f"{folder / WEIGHTS}: not a readable safetensors file (truncated? "
                       f"{str(exc).splitlines()[0][:120]})") from None
    if not isinstance(metadata, dict) or metadata.get("format") != FORMAT \
            or metadata.get("format_version") != str(VERSION):
        raise NmtError(f"{folder / WEIGHTS}: not weights of an nmt model folder version {VERSION}")
    try:
        aliases = json.loads(metadata.get("aliases", "{}"))
    except ValueError:
        raise NmtError(f"{folder / WEIGHTS}: unreadable alias table in its metadata") from None
    state = {k: (v.float() if v.is_floating_point() else v) for k, v in tensors.items()}
    for alias, name in aliases.items():
        if name not in state:
            raise NmtError(f"{folder / WEIGHTS}: {alias} is tied to {name}, which the file does not hold")
        state[alias] = state[name]
    files = (config.get("vocab") or {}).get("files") if isinstance(config.get("vocab"), dict) else None
    if files not in (["spm.model"], ["src.model", "tgt.model"]):
        raise NmtError(f"{folder / CONFIG}: vocab.files must be [\"spm.model\"] or [\"src.model\", \"tgt.model\"]")
    protos = [_read(folder / f) for f in files]
    src, tgt = (protos[0], protos[0]) if len(protos) == 1 else (protos[0], protos[1])
    try:
        sizes = _sizes(src), _sizes(tgt)
    except Exception as exc:  # sentencepiece raises RuntimeError/OSError on foreign bytes
        raise NmtError(f"{folder / files[0]}: not a SentencePiece model ({str(exc)[:120]})") from None
    with torch.device("meta"):  # shapes only: nothing allocated, nothing initialised
        expected = build_model(cfg.model, *sizes).state_dict()
    _check_shapes(folder / WEIGHTS, state, expected)
    training = config.get("training") if isinstance(config.get("training"), dict) else {}
    payload: dict[str, Any] = {
        "format": "nmt-checkpoint", "version": 1, "config": json.dumps(config["config"]), "model": state,
        "src_spm": torch.frombuffer(bytearray(src), dtype=torch.uint8).clone(),
        "tgt_spm": torch.frombuffer(bytearray(tgt), dtype=torch.uint8).clone(),
        "meta": json.dumps({**{k: v for k, v in training.items() if v is not None},
                            "nmt_version": config.get("nmt_version"), "folder_dtype": config.get("dtype")}),
    }
    if config.get("shortlist"):
        try:
            with np.load(folder / SHORTLIST, allow_pickle=False) as data:
                payload["shortlist"] = {"frequent": torch.from_numpy(data["frequent"].copy()),
                                        "table": torch.from_numpy(data["table"].copy()), "joint": bool(data["joint"])}
        except FileNotFoundError:
            raise NmtError(f"{folder / SHORTLIST}: missing from the model folder") from None
        except (ValueError, KeyError, OSError, EOFError) as exc:
            raise NmtError(f"{folder / SHORTLIST}: not a readable shortlist array file ({exc})") from None
    return payload


def fetch(name: str | Path) -> Path:
    """A local path as it is; otherwise a Hub repo id (``user/repo``) downloaded with
    ``huggingface_hub.snapshot_download`` (nothing of ours talks HTTP). Offline or
    unreachable: a one-line error saying so."""
    path = Path(name)
    if path.exists() or str(name).count("/") != 1 or str(name).startswith((".", "/", "~")):
        return path
    from huggingface_hub import snapshot_download
    from huggingface_hub.errors import HfHubHTTPError, LocalEntryNotFoundError, RepositoryNotFoundError

    try:
        return Path(snapshot_download(repo_id=str(name)))
    except LocalEntryNotFoundError:
        raise NmtError(f"{name}: no such local folder, and the Hugging Face Hub cannot be reached to download "
                       "it (offline, or HF_HUB_OFFLINE=1) and it is not in the Hub cache") from None
    except RepositoryNotFoundError:
        raise NmtError(f"{name}: no such local folder, and no such model repository on the Hub") from None
    except (HfHubHTTPError, OSError, ValueError) as exc:
        raise NmtError(f"{name}: cannot download it from the Hub ({str(exc).splitlines()[0][:160]})") from None
