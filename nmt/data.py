"""Parallel corpora through Hugging Face ``datasets``: hub ids, local folders, plain files.

Every layout ends as a list of ``(source, target)`` string pairs per split, so
nothing downstream knows where the text came from. Three sources:

* a **hub id** (``bentrevett/multi30k``; ``wmt14`` with ``data.name: de-en``);
* a **local dataset folder** that ``datasets.load_dataset(folder)`` reads
  (``train/validation/test`` as JSON lines, CSV, TSV or Parquet);
* a **folder of plain parallel files**, ``{split}.{lang}`` one sentence a line
  (``train.de`` + ``train.en``), read with the ``text`` builder.

And two column layouts: one column per language (``{"de": .., "en": ..}``) or
a nested ``translation`` column (``{"translation": {"de": .., "en": ..}}``).
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nmt.errors import NmtError

log = logging.getLogger(__name__)

Pair = tuple[str, str]


@dataclass(frozen=True)
class Split:
    """One split of a parallel corpus."""

    name: str
    pairs: list[Pair]

    @property
    def sources(self) -> list[str]:
        return [s for s, _ in self.pairs]

    @property
    def targets(self) -> list[str]:
        return [t for _, t in self.pairs]

    def __len__(self) -> int:
        return len(self.pairs)


def _quiet_datasets() -> None:
    """datasets prints progress bars for every local load; they are noise in a CLI."""
    import datasets

    datasets.disable_progress_bars()
    datasets.logging.set_verbosity_error()


def _plain_files(folder: Path, split: str, src: str, tgt: str) -> tuple[Path, Path] | None:
    s, t = folder / f"{split}.{src}", folder / f"{split}.{tgt}"
    if s.is_file() or t.is_file():
        return s, t
    return None


def _is_plain_folder(folder: Path, src: str, tgt: str) -> bool:
    return any(folder.glob(f"*.{src}")) or any(folder.glob(f"*.{tgt}"))


def _load_plain(folder: Path, split: str, src: str, tgt: str) -> list[Pair]:
    """Read ``{split}.{src}`` and ``{split}.{tgt}`` line by line through the text builder."""
    import datasets

    files = _plain_files(folder, split, src, tgt)
    if files is None:
        available = sorted({p.name.rsplit(".", 1)[0] for p in folder.glob(f"*.{src}")})
        raise NmtError(
            f"{folder}: no split {split!r} (no {split}.{src} / {split}.{tgt}; "
            f"available: {', '.join(available) or 'none'})"
        )
    columns = []
    for path in files:
        if not path.is_file():
            raise NmtError(f"{path}: file not found (its parallel side {files[0] if path == files[1] else files[1]} exists)")
        if path.stat().st_size == 0:
            columns.append([])
            continue
        ds = datasets.load_dataset("text", data_files={split: str(path)}, split=split)
        columns.append(ds["text"])
    if len(columns[0]) != len(columns[1]):
        raise NmtError(
            f"parallel files differ in length: {files[0]} has {len(columns[0])} lines, "
            f"{files[1]} has {len(columns[1])}"
        )
    return list(zip(columns[0], columns[1]))


def _load_dataset_dict(spec: str, name: str | None) -> Any:
    """``datasets.load_dataset`` for a hub id or local folder, errors made readable."""
    import datasets

    path = Path(spec).expanduser()
    local = path.exists()
    if not local and (spec.startswith((".", "/", "~")) or spec.count("/") > 1):
        raise NmtError(f"data.dataset: {spec}: no such file or folder")
    try:
        if local:
            return datasets.load_dataset(str(path), name)
        return datasets.load_dataset(spec, name)
    except NmtError:
        raise
    except Exception as exc:  # datasets raises many types; all mean "could not load"
        text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        if local:
            raise NmtError(f"{path}: cannot load as a dataset ({text})") from None
        offline = os.environ.get("HF_DATASETS_OFFLINE") == "1" or os.environ.get("HF_HUB_OFFLINE") == "1"
        hint = (
            "the hub is unreachable (offline); point data.dataset at a local copy instead, "
            "e.g. --set data.dataset=../shared/data/multi30k"
        )
        state = "offline" if offline else "cannot reach or read it"
        raise NmtError(f"data.dataset: hub dataset {spec!r} could not be loaded ({state}: {text}); {hint}") from None


def _pairs_from_columns(ds: Any, where: str, src: str, tgt: str) -> list[Pair]:
    """Accept both layouts: a column per language, or a nested ``translation`` column."""
    columns = list(ds.column_names)
    if src in columns and tgt in columns:
        return list(zip(_as_text(ds[src]), _as_text(ds[tgt])))
    if "translation" in columns:
        rows = ds["translation"]
        first = rows[0] if len(rows) else {}
        for lang in (src, tgt):
            if lang not in first:
                raise NmtError(
                    f"{where}: no language {lang!r} in the 'translation' column "
                    f"(it has: {', '.join(sorted(first)) or 'nothing'})"
                )
        return [(_text(r.get(src)), _text(r.get(tgt))) for r in rows]
    missing = [lang for lang in (src, tgt) if lang not in columns]
    raise NmtError(
        f"{where}: no column {missing[0]!r} (columns: {', '.join(columns)}); "
        "expected one column per language or a 'translation' column"
    )


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _as_text(values: Any) -> list[str]:
    return [_text(v) for v in values]


def load_splits(
    dataset: str, name: str | None, splits: list[str], src: str, tgt: str
) -> dict[str, Split]:
    """Load the named splits of a parallel corpus as source/target pairs.

    Raises NmtError (one line) for a missing split or language column, unequal
    parallel files, an unreachable hub dataset, and so on.
    """
    _quiet_datasets()
    folder = Path(dataset).expanduser()
    out: dict[str, Split] = {}
    if folder.is_dir() and _is_plain_folder(folder, src, tgt):
        for split in splits:
            out[split] = Split(split, _load_plain(folder, split, src, tgt))
        return out
    dsd = _load_dataset_dict(dataset, name)
    for split in splits:
        if split not in dsd:
            raise NmtError(
                f"{dataset}: no split {split!r} (available: {', '.join(dsd.keys())})"
            )
        out[split] = Split(split, _pairs_from_columns(dsd[split], f"{dataset} [{split}]", src, tgt))
    return out


def drop_empty(pairs: list[Pair]) -> tuple[list[Pair], int]:
    """Training pairs with an empty (or blank) side teach nothing: drop and count them."""
    kept = [(s, t) for s, t in pairs if s.strip() and t.strip()]
    return kept, len(pairs) - len(kept)
