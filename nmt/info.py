"""What a checkpoint holds, for people: ``nmt info`` and the server's ``/v1/models``.

Read from the file alone (config, weights' shapes, tokenizer protos and the
``meta`` summary training writes), so it works for best.pt, last.pt and
averaged files alike, and for files written before ``meta`` existed (those
fields are then None, never guessed).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from nmt.checkpoint import config_of, load_checkpoint, meta_of, tokenizer_of
from nmt.config.directions import directions_of
from nmt.model import build_model
from nmt.model.seq2seq import count_parameters


def describe(path: Path, payload: dict[str, Any] | None = None) -> dict[str, Any]:
    """A JSON-ready summary of the checkpoint at ``path`` (``payload``: already loaded)."""
    payload = payload if payload is not None else load_checkpoint(path)
    cfg = config_of(payload, path)
    tok = tokenizer_of(payload)
    meta = meta_of(payload)
    m = cfg.model
    train = payload.get("train_state") or {}
    return {
        "file": str(path),
        "language_pair": ", ".join(str(x) for x in directions_of(cfg.data)),
        # Every direction a multilingual model was trained on (data.directions), else the one.
        "directions": [str(x) for x in directions_of(cfg.data)],
        "src_lang": cfg.data.src_lang,
        "tgt_lang": cfg.data.tgt_lang,
        "dataset": cfg.data.dataset,
        # data.corpora: what it trained on when that is not data.dataset (e.g. a distilled corpus).
        "corpora": [{"dataset": c.dataset, "split": c.split, "weight": c.weight} for c in cfg.data.corpora],
        "model": {"cell": m.cell, "emb_size": m.emb_size, "enc_hidden": m.enc_hidden,
                  "enc_layers": m.enc_layers, "dec_hidden": m.dec_hidden, "dec_layers": m.dec_layers,
                  "input_feeding": m.input_feeding, "tie_output": m.tie_output,
                  "share_embeddings": m.share_embeddings},
        # Counted on the model the config builds (tied weights once), not on the file's tensors.
        "parameters": count_parameters(build_model(m, tok.src_vocab_size, tok.tgt_vocab_size)),
        "vocab": {"type": cfg.vocab.type, "joint": tok.joint, "src_size": tok.src_vocab_size,
                  "tgt_size": tok.tgt_vocab_size},
        "shortlist": payload.get("shortlist") is not None,
        "decode": {"beam_size": cfg.decode.beam_size, "length_penalty": cfg.decode.length_penalty,
                   "shortlist": cfg.decode.shortlist, "int8": cfg.decode.int8,
                   "bf16": cfg.decode.bf16},
        "training": {
            "step": meta.get("step", train.get("step")),
            "epoch": meta.get("epoch"),
            "train_seconds": meta.get("train_seconds", train.get("elapsed")),
            "best_valid_bleu": meta.get("best_valid_bleu", train.get("best_bleu")),
            "best_step": meta.get("best_step", train.get("best_step")),
            "seed": cfg.train.seed,
            "world_size": meta.get("world_size"),
            "hardware": meta.get("hardware"),
            "averaged_from": meta.get("averaged_from"),
            "resumable": bool(train),
        },
        "written_by": {"nmt": meta.get("nmt_version"), "torch": meta.get("torch_version"),
                       "time": meta.get("written")},
    }


def format_info(info: dict[str, Any]) -> str:
    """The summary as aligned ``key: value`` lines."""
    m, v, t, w = info["model"], info["vocab"], info["training"], info["written_by"]

    def known(x: Any, fmt: str = "{}") -> str:
        return "unknown (file written before nmt recorded it)" if x is None else fmt.format(x)

    bleu = (f"{t['best_valid_bleu']:.2f} at step {t['best_step']}" if t["best_valid_bleu"] is not None
            else "none (averaged weights: score them with nmt evaluate)" if t["averaged_from"] else known(None))
    rows = [
        ("file", info["file"]),
        ("directions" if len(info["directions"]) > 1 else "language pair", f"{info['language_pair']}  ({info['dataset']})"),
        ("model", f"{m['cell']}: emb {m['emb_size']}, encoder {m['enc_layers']}x{m['enc_hidden']} "
                  f"bidirectional, decoder {m['dec_layers']}x{m['dec_hidden']}"
                  f"{', input feeding' if m['input_feeding'] else ''}"
                  f"{', tied output' if m['tie_output'] else ''}"),
        ("parameters", f"{info['parameters']:,}"),
        ("vocabulary", f"{v['type']} SentencePiece, " + (f"joint {v['src_size']}" if v["joint"] else
                                                         f"source {v['src_size']}, target {v['tgt_size']}")),
        ("shortlist", "stored" if info["shortlist"] else "none"),
        ("decoding", f"beam {info['decode']['beam_size']}, length penalty {info['decode']['length_penalty']}"
                     f"{', shortlist' if info['decode']['shortlist'] else ''}"),
        ("training steps", known(t["step"]) + (f" (epoch {t['epoch']})" if t["epoch"] else "")),
        ("training time", known(t["train_seconds"], "{:.0f} s")),
        ("trained on", known(t.get("hardware"))),
        ("best valid BLEU", bleu),
        ("seed", str(t["seed"])),
    ]
    if t["averaged_from"]:
        rows.append(("averaged from", ", ".join(t["averaged_from"])))
    if t["world_size"] and t["world_size"] > 1:
        rows.append(("processes", str(t["world_size"])))
    rows.append(("resumable", "yes (holds optimizer state)" if t["resumable"] else "no"))
    rows.append(("written by", f"nmt {known(w['nmt'])}, torch {known(w['torch'])}"
                               + (f", {w['time']}" if w["time"] else "")))
    width = max(len(k) for k, _ in rows)
    return "\n".join(f"{k + ':':<{width + 1}} {val}" for k, val in rows)
