#!/usr/bin/env python
"""Add the lexical shortlist table to checkpoints written before nmt stored one.

    python scripts/add_shortlist.py runs/multi30k_de_en/best.pt [more.pt ...]

Reads the training data named by each checkpoint's own config, builds the
same table training builds now (``nmt.data.cache.prepare_corpus`` over the same
filtered pairs with the checkpoint's SentencePiece models), and rewrites
the checkpoint atomically with the table added; weights, config and training
state are unchanged. A checkpoint that already holds a table is left alone.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from nmt.checkpoint import config_of, load_checkpoint, save_checkpoint, tokenizer_of
from nmt.data.cache import prepare_corpus
from nmt.errors import NmtError

ROOT = Path(__file__).resolve().parent.parent


def add_shortlist(path: Path) -> str:
    payload = load_checkpoint(path)
    if "shortlist" in payload:
        return f"{path}: already holds a shortlist table"
    cfg = config_of(payload, path)
    corpus, _, table = prepare_corpus(cfg, tokenizer_of(payload))
    payload["shortlist"] = table.to_payload()
    save_checkpoint(path, payload)
    return f"{path}: shortlist table added ({len(corpus)} training pairs)"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("checkpoints", type=Path, nargs="+")
    args = ap.parse_args()
    os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    try:
        for path in args.checkpoints:
            print(add_shortlist(path))
    except NmtError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
