#!/usr/bin/env python
"""Write docs/configuration.md from nmt/config/sections.py: every field, its type, default and comment.

    python scripts/config_doc.py          # print it
    python scripts/config_doc.py --write  # replace docs/configuration.md

The comments above each dataclass field in ``nmt/config/sections.py`` are the
documentation; this page is generated from them so it cannot drift (a test
compares the file with what this script prints).
"""

from __future__ import annotations

import argparse
import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "nmt" / "config" / "sections.py"
TARGET = ROOT / "docs" / "configuration.md"
SECTIONS = {"DataConfig": "data", "FilterConfig": "data.filter", "CorpusConfig": "data.corpora[i]", "VocabConfig": "vocab", "ModelConfig": "model", "TrainConfig": "train",
            "DecodeConfig": "decode"}


def _comment_above(lines: list[str], lineno: int) -> list[str]:
    """The ``#`` lines directly above line ``lineno`` (1-based), in order."""
    out: list[str] = []
    i = lineno - 2
    while i >= 0 and lines[i].strip().startswith("#"):
        out.insert(0, lines[i].strip().lstrip("#").strip())
        i -= 1
    return out


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def render(source: str) -> str:
    lines = source.splitlines()
    tree = ast.parse(source)
    out = ["# Configuration", "",
           "Generated from the comments in `nmt/config/sections.py` by `python scripts/config_doc.py --write`;",
           "edit those, not this page. A config is a YAML file of these five sections; any field can",
           "be overridden from the command line with `--set SECTION.FIELD=VALUE`. Unknown keys, wrong",
           "types and impossible values fail before any work, naming the key.", ""]
    for node in tree.body:
        if not (isinstance(node, ast.ClassDef) and node.name in SECTIONS):
            continue
        out += [f"## `{SECTIONS[node.name]}`", "", (ast.get_docstring(node) or "").strip(), "",
                "| field | type | default | what it does |", "|---|---|---|---|"]
        for item in node.body:
            if not (isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name)):
                continue
            line = lines[item.lineno - 1]
            text = _comment_above(lines, item.lineno)
            if "#" in line.split("=", 1)[-1]:
                text.append(line.split("#", 1)[1].strip())
            default = ast.get_source_segment(source, item.value) if item.value is not None else ""
            out.append(f"| `{item.target.id}` | `{_cell(ast.get_source_segment(source, item.annotation))}` | "
                       f"`{_cell(default)}` | {_cell(' '.join(text))} |")
        out.append("")
    return "\n".join(out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    text = render(SOURCE.read_text(encoding="utf-8"))
    if args.write:
        TARGET.parent.mkdir(exist_ok=True)
        TARGET.write_text(text, encoding="utf-8")
    else:
        print(text, end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
