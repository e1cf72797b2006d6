"""Parallel corpora through Hugging Face ``datasets``: hub ids, local folders, plain files.

Every layout ends as a dataset with two string columns, ``src`` and ``tgt``
(:func:`load_split`; Arrow, memory-mapped, or streamed), or for the small
splits as a list of ``(source, target)`` pairs (:func:`load_splits`), so
nothing downstream knows where the text came from. Three sources:

* a **hub id** (``bentrevett/multi30k``; ``wmt14`` with ``data.name: de-en``);
* a **local dataset folder** that ``datasets.load_dataset(folder)`` reads
  (``train/validation/test`` as JSON lines, CSV, TSV or Parquet);
* a **folder of plain parallel files**, ``{split}.{lang}`` one sentence a line
  (``train.de`` + ``train.en``), read with the ``text`` builder.

And two column layouts: one column per language (``{"de": .., "en": ..}``) or
a nested ``translation`` column (``{"translation": {"de": .., "en": ..}}``).
Each split is loaded on its own from its data files, so splits whose columns
differ (train ``de,en``, validation ``de,en,fr,cs``) load too.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from nmt.config.directions import directions_of, is_multilingual, tag_sources, target_tag, temperature_probabilities
from nmt.config.sections import CorpusConfig, DataConfig
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


def _count_lines(path: Path) -> int:
    """Lines as the text builder counts them, for a streamed file (a trailing line without
    its newline counts)."""
    n, last = 0, b"\n"
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            n, last = n + chunk.count(b"\n"), chunk[-1:]
    return n + (last != b"\n")


def _load_plain(folder: Path, split: str, src: str, tgt: str, streaming: bool) -> Any:
    """``{split}.{src}`` and ``{split}.{tgt}`` through the text builder, joined column-wise
    into one dataset (Arrow, memory-mapped: nothing is read into Python lists)."""
    import datasets

    files = _plain_files(folder, split, src, tgt)
    if files is None:
        available = sorted({p.name.rsplit(".", 1)[0] for p in folder.glob(f"*.{src}")})
        raise NmtError(
            f"{folder}: no split {split!r} (no {split}.{src} / {split}.{tgt}; "
            f"available: {', '.join(available) or 'none'})"
        )
    for path in files:
        if not path.is_file():
            raise NmtError(f"{path}: file not found (its parallel side {files[0] if path == files[1] else files[1]} exists)")
    sides, lines = [], []
    for path, column in zip(files, ("src", "tgt")):
        if path.stat().st_size == 0:  # the text builder cannot read an empty file
            ds = datasets.Dataset.from_dict({column: []}, features=datasets.Features({column: datasets.Value("string")}))
            ds = ds.to_iterable_dataset() if streaming else ds
        else:
            ds = datasets.load_dataset("text", data_files={split: str(path)}, split=split, streaming=streaming)
            ds = ds.rename_column("text", column)
        sides.append(ds)
        lines.append(_count_lines(path) if streaming else len(ds))
    if lines[0] != lines[1]:
        raise NmtError(
            f"parallel files differ in length: {files[0]} has {lines[0]} lines, "
            f"{files[1]} has {lines[1]}"
        )
    if lines[0] == 0:  # concatenate_datasets drops the columns of empty datasets
        empty = datasets.Dataset.from_dict({"src": [], "tgt": []}, features=datasets.Features(
            {"src": datasets.Value("string"), "tgt": datasets.Value("string")}))
        return empty.to_iterable_dataset() if streaming else empty
    return datasets.concatenate_datasets(sides, axis=1)


def _hub_error(spec: str, exc: Exception) -> NmtError:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    offline = os.environ.get("HF_DATASETS_OFFLINE") == "1" or os.environ.get("HF_HUB_OFFLINE") == "1"
    hint = (
        "the hub is unreachable (offline); point data.dataset at a local copy instead, "
        "e.g. --set data.dataset=../shared/data/multi30k"
    )
    state = "offline" if offline else "cannot reach or read it"
    return NmtError(f"data.dataset: hub dataset {spec!r} could not be loaded ({state}: {text}); {hint}")


def _split_files(spec: str, name: str | None) -> dict[str, Any] | None:
    """The data files of each split (``{"train": [...], ...}``), or None for a dataset that
    is not made of data files. Knowing them lets every split load on its own, so splits
    whose columns differ (train ``de,en``; validation ``de,en,fr,cs``) still load."""
    import datasets

    path = Path(spec).expanduser()
    local = path.exists()
    if not local and (spec.startswith((".", "/", "~")) or spec.count("/") > 1):
        raise NmtError(f"data.dataset: {spec}: no such file or folder")
    try:
        builder = datasets.load_dataset_builder(str(path) if local else spec, name)
    except Exception as exc:  # datasets raises many types; all mean "could not load"
        if local:
            text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise NmtError(f"{path}: cannot load as a dataset ({text})") from None
        raise _hub_error(spec, exc) from None
    files = builder.config.data_files
    return {str(k): list(v) for k, v in files.items()} if files else None


def _load_split(spec: str, name: str | None, split: str, streaming: bool) -> Any:
    """One split of a hub id or local dataset folder, errors made readable."""
    import datasets

    path = Path(spec).expanduser()
    target = str(path) if path.exists() else spec
    files = _split_files(spec, name)
    if files is not None and split not in files:
        raise NmtError(f"{spec}: no split {split!r} (available: {', '.join(files)})")
    kwargs = {"data_files": {split: files[split]}} if files is not None else {}
    try:
        return datasets.load_dataset(target, name, split=split, streaming=streaming, **kwargs)
    except NmtError:
        raise
    except Exception as exc:  # datasets raises many types; all mean "could not load"
        text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        if "Unknown split" in text or "Bad split" in text:
            raise NmtError(f"{spec}: no split {split!r} ({text})") from None
        if path.exists():
            raise NmtError(f"{path} [{split}]: cannot load as a dataset ({text})") from None
        raise _hub_error(spec, exc) from None


def _language_columns(ds: Any, where: str, src: str, tgt: str) -> Any:
    """Keep the two languages as columns ``src`` and ``tgt``, from either layout: a column
    per language, or a nested ``translation`` column (flattened, no rows read)."""
    columns = list(ds.column_names or [])
    if not (src in columns and tgt in columns) and "translation" in columns:
        inner = ds.features["translation"] if ds.features is not None else None
        present = sorted(inner) if isinstance(inner, dict) else []
        for lang in (src, tgt):
            if lang not in present:
                raise NmtError(
                    f"{where}: no language {lang!r} in the 'translation' column "
                    f"(it has: {', '.join(present) or 'nothing'})"
                )
        ds = ds.select_columns(["translation"]).flatten()
        src, tgt = f"translation.{src}", f"translation.{tgt}"
        columns = list(ds.column_names)
    missing = [lang for lang in (src, tgt) if lang not in columns]
    if missing:
        raise NmtError(
            f"{where}: no column {missing[0]!r} (columns: {', '.join(columns)}); "
            "expected one column per language or a 'translation' column"
        )
    if src == tgt:  # data.allow_same_lang: one column on both sides
        return ds.select_columns([src]).rename_column(src, "src").map(
            lambda b: {"tgt": b["src"]}, batched=True)
    return ds.select_columns([src, tgt]).rename_columns({src: "src", tgt: "tgt"})


def load_split(dataset: str, name: str | None, split: str, src: str, tgt: str,
               streaming: bool = False) -> Any:
    """One split as a ``datasets.Dataset`` (or ``IterableDataset`` with ``streaming``)
    with exactly two string columns, ``src`` and ``tgt``.

    The rows stay in Arrow (memory-mapped from the datasets cache), so a corpus
    of millions of pairs costs no Python objects until a batch of it is read.
    """
    _quiet_datasets()
    folder = Path(dataset).expanduser()
    if folder.is_dir() and _is_plain_folder(folder, src, tgt):
        return _load_plain(folder, split, src, tgt, streaming)
    ds = _load_split(dataset, name, split, streaming)
    return _language_columns(ds, f"{dataset} [{split}]", src, tgt)


def training_corpora(d: DataConfig) -> list[CorpusConfig]:
    """What ``nmt train`` trains on: ``data.corpora``, or else data.dataset's training split."""
    if d.corpora:
        return [c if c.split else replace(c, split=d.train_split) for c in d.corpora]
    return [CorpusConfig(d.dataset, d.name, d.train_split)]


def training_name(d: DataConfig) -> str:
    """The training split as messages name it: ``DATASET [SPLIT]`` (each, with data.corpora)."""
    return " + ".join(f"{c.dataset} [{c.split}]" for c in training_corpora(d))


def is_mixture(d: DataConfig) -> bool:
    """Whether the corpora are drawn by weight (interleaved) rather than concatenated."""
    return len({c.weight for c in d.corpora}) > 1


def _prefix(batch: dict[str, list], tag: str) -> dict[str, list]:
    """datasets.map function: ``tag`` before each non-blank source."""
    return {"src": tag_sources(as_text(batch["src"]), tag)}


def with_tag(ds: Any, tag: str | None) -> Any:
    """``ds`` with ``tag`` put before its sources (datasets.map, batched; lazy when streamed)."""
    return ds if not tag else ds.map(_prefix, batched=True, fn_kwargs={"tag": tag})


def _as_strings(parts: list[Any]) -> list[Any]:
    """``parts`` with plain string columns, so that datasets can concatenate or interleave them."""
    import datasets

    string = datasets.Features({"src": datasets.Value("string"), "tgt": datasets.Value("string")})
    return [p if p.features is None or p.features == string else p.cast(string) for p in parts]


def _direction_split(d: DataConfig, src: str, tgt: str, seed: int, streaming: bool) -> Any:
    """The training pairs of one direction: data.corpora (each with its tag) or data.dataset."""
    import datasets

    corpora = training_corpora(d)
    parts = []
    for i, c in enumerate(corpora):
        try:
            part = load_split(c.dataset, c.name, c.split or d.train_split, src, tgt, streaming)
        except NmtError as exc:
            if not d.corpora:
                raise
            raise NmtError(f"data.corpora[{i}]: {str(exc).removeprefix('data.dataset: ')}",
                           exit_code=exc.exit_code) from None
        parts.append(with_tag(part, c.tag))
    if len(parts) == 1:
        return parts[0]
    parts = _as_strings(parts)
    if not is_mixture(d):
        return datasets.concatenate_datasets(parts)
    total = sum(c.weight for c in corpora)
    return datasets.interleave_datasets(parts, probabilities=[c.weight / total for c in corpora], seed=seed,
                                        stopping_strategy="all_exhausted")


def direction_probabilities(d: DataConfig, sizes: list[int]) -> list[float]:
    """How often each of data.directions is drawn (:func:`temperature_probabilities`)."""
    return temperature_probabilities(sizes, d.direction_temperature)


def training_split(d: DataConfig, seed: int = 0, streaming: bool = False) -> Any:
    """The training pairs as one dataset with ``src``/``tgt`` columns (see :func:`load_split`).

    Several corpora are concatenated when their weights are equal (each pair once an
    epoch) and otherwise interleaved by ``datasets.interleave_datasets`` with probability
    weight / total, seeded with ``seed``, until each corpus has been drawn whole
    (``all_exhausted``: a small corpus repeats rather than a large one being cut).

    With data.directions, each direction's pairs get their target tag and the directions
    are mixed the same way, with temperature probabilities (equal-sized directions, or
    streamed ones whose size is unknown, are concatenated: each pair once an epoch)."""
    import datasets

    pairs = directions_of(d)
    if not is_multilingual(d):
        return _direction_split(d, d.src_lang, d.tgt_lang, seed, streaming)
    parts = [_direction_split(d, x.src, x.tgt, seed, streaming) for x in pairs]
    if d.max_train_examples and not streaming:  # per direction, so that every direction is in the sample
        parts = [p.select(range(min(d.max_train_examples, len(p)))) for p in parts]
    parts = _as_strings([with_tag(p, target_tag(x.tgt)) for p, x in zip(parts, pairs)])
    probs = None if streaming else direction_probabilities(d, [len(p) for p in parts])
    if probs is None or max(probs) - min(probs) < 1e-9:
        return datasets.concatenate_datasets(parts)
    return datasets.interleave_datasets(parts, probabilities=probs, seed=seed, stopping_strategy="all_exhausted")


def data_files(dataset: str, name: str | None, split: str, src: str, tgt: str) -> list[str] | None:
    """The files a split is read from (local paths, or hub URLs that name their revision), or
    None for a dataset not made of data files. Caches key on them (with local files' sizes and
    modification times) without reading a row."""
    folder = Path(dataset).expanduser()
    if folder.is_dir() and _is_plain_folder(folder, src, tgt):
        files = _plain_files(folder, split, src, tgt)
        return [str(p) for p in files] if files else None
    files = _split_files(dataset, name)
    if files is None or split not in files:
        return None
    return [str(f) for f in files[split]]


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def as_text(values: Any) -> list[str]:
    """Column values as strings (a missing value is an empty line)."""
    return [_text(v) for v in values]


def load_splits(
    dataset: str, name: str | None, splits: list[str], src: str, tgt: str
) -> dict[str, Split]:
    """Load the named splits of a parallel corpus as source/target pairs in memory
    (validation and test sets; training reads its split through :mod:`nmt.data.cache`).

    Raises NmtError (one line) for a missing split or language column, unequal
    parallel files, an unreachable hub dataset, and so on.
    """
    out: dict[str, Split] = {}
    for split in splits:
        ds = load_split(dataset, name, split, src, tgt)
        out[split] = Split(split, list(zip(as_text(ds["src"]), as_text(ds["tgt"]))))
    return out


def drop_empty(pairs: list[Pair]) -> tuple[list[Pair], int]:
    """Training pairs with an empty (or blank) side teach nothing: drop and count them."""
    kept = [(s, t) for s, t in pairs if s.strip() and t.strip()]
    return kept, len(pairs) - len(kept)
