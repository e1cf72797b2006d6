"""Sequence-level knowledge distillation (Kim & Rush 2016): a teacher translates a corpus.

``nmt distill`` translates the source side of a dataset's splits with a teacher (one
model or an ensemble) and writes a dataset folder that the loader reads like any other
(``train.jsonl``, ``validation.jsonl``: one JSON object a line, one column per
language). The teacher's translation takes the target language's column; the original
target is kept beside it as ``<tgt>_original``. A student trains on the folder with
``data.corpora`` (alone, or beside the original corpus), validating against the
original references of ``data.dataset``.

Translating a training set takes minutes to hours, so the run keeps ``nmt translate``'s
contract and survives being killed: rows are translated in fixed chunks, each chunk
is appended to ``.SPLIT.jsonl.partial`` and synced before the next starts, and a rerun
with the same job (``distill.json`` records it) truncates a half-written chunk and goes
on from the last whole one. Chunks are the same rows whether or not the run was
interrupted, so the folder is byte for byte what an uninterrupted run writes. A split
becomes ``SPLIT.jsonl`` (renamed into place) only when complete.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Sequence, Union

from nmt.atomic import atomic_write
from nmt.data.sources import as_text, load_split
from nmt.decoding.lines import chunk_size
from nmt.decoding.translator import Translator
from nmt.errors import NmtError
from nmt.version import __version__

PathLike = Union[str, Path]
MANIFEST = "distill.json"
FORMAT = 1

logger = logging.getLogger("nmt.distill")


@dataclass
class DistillResult:
    """What :func:`distill` wrote: the folder, rows and seconds per split, the teacher's speed."""

    folder: Path
    rows: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)  # this run's translation time per split
    resumed: dict[str, int] = field(default_factory=dict)  # rows found done when the run started

    @property
    def sentences_per_s(self) -> float:
        done = sum(self.rows[s] - self.resumed.get(s, 0) for s in self.seconds)
        spent = sum(self.seconds.values())
        return done / spent if spent else 0.0


def _sha256(path: Path) -> str:
    """A teacher file or folder by content, so that a rerun naming the same model another way
    (``./runs/x`` for ``runs/x``) is the same job and another model of the same name is not."""
    h = hashlib.sha256()
    files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    for p in files:
        h.update(p.name.encode())
        with open(p, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                h.update(block)
    return h.hexdigest()


def _job(tr: Translator, dataset: str, name: str | None, src: str, tgt: str, keep_original: bool,
         chunk: int) -> dict[str, Any]:
    """Everything that decides the folder's bytes: a rerun resumes only the same job."""
    d = tr.decode
    return {
        "format": FORMAT,
        "teachers_sha256": [_sha256(p) for p in tr.sources],
        # A local dataset by its absolute path (a hub id as it is): the same data, however named.
        "dataset": str(Path(dataset).resolve()) if Path(dataset).exists() else dataset,
        "name": name, "src_lang": src, "tgt_lang": tgt,
        "decode": {"beam_size": d.beam_size, "length_penalty": d.length_penalty, "max_len_a": d.max_len_a,
                   "max_len_b": d.max_len_b, "max_src_len": d.max_src_len, "batch_size": d.batch_size,
                   "shortlist": d.shortlist, "int8": d.int8, "bf16": d.bf16},
        "keep_original": keep_original,
        "chunk_lines": chunk,
    }


def _read_manifest(folder: Path) -> dict[str, Any] | None:
    path = folder / MANIFEST
    if not path.is_file():
        return None
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise NmtError(f"{path}: unreadable ({exc}); remove the folder or use --overwrite") from None
    if not isinstance(manifest, dict) or not isinstance(manifest.get("job"), dict):
        raise NmtError(f"{path}: not a distillation manifest; remove the folder or use --overwrite")
    return manifest


def _write_manifest(folder: Path, manifest: dict[str, Any]) -> None:
    atomic_write(folder / MANIFEST, lambda f: f.write(json.dumps(manifest, indent=2).encode() + b"\n"))


def _differences(a: dict[str, Any], b: dict[str, Any]) -> list[str]:
    return sorted(k for k in set(a) | set(b) if a.get(k) != b.get(k))


def _open_folder(folder: Path, job: dict[str, Any], teachers: Sequence[Path], splits: list[str],
                 overwrite: bool) -> dict[str, Any]:
    """The manifest to continue: this job's (resumed), or a fresh one. Another job's folder,
    or a folder of other files, is refused unless ``overwrite`` (which removes only the
    files this run writes: its splits' ``.jsonl`` and partial files and the manifest)."""
    source = Path(job["dataset"]).expanduser()
    if source.exists() and folder.exists() and source.resolve() == folder.resolve():
        raise NmtError(f"-o {folder}: that is the dataset being translated; write the distilled one elsewhere",
                       exit_code=2)
    manifest = None if overwrite else _read_manifest(folder)
    if manifest is not None:
        if manifest["job"] != job:
            keys = ", ".join(_differences(manifest["job"], job))
            raise NmtError(f"{folder}: holds a distillation of another job (differs in: {keys}); "
                           "use another -o or --overwrite", exit_code=2)
        return manifest
    if overwrite:
        for split in splits:
            for p in (folder / f"{split}.jsonl", folder / f".{split}.jsonl.partial"):
                p.unlink(missing_ok=True)
    elif folder.is_dir() and any(folder.iterdir()):
        raise NmtError(f"{folder}: not empty and not a distillation folder; use another -o or --overwrite",
                       exit_code=2)
    folder.mkdir(parents=True, exist_ok=True)
    manifest = {"job": job, "teachers": [str(p) for p in teachers], "nmt_version": __version__, "splits": {}}
    _write_manifest(folder, manifest)
    return manifest


def _resume_point(path: Path, chunk: int) -> int:
    """Rows of ``path`` to keep: whole lines, rounded down to whole chunks (a chunk cut by a
    kill is translated again, with the same rows, so the file ends as if never cut). Read
    line by line: memory stays flat however large the split."""
    if not path.is_file():
        return 0
    keep = end = lines = 0
    with open(path, "r+b") as f:
        for line in iter(f.readline, b""):
            if not line.endswith(b"\n"):
                break
            lines += 1
            if lines % chunk == 0:
                keep, end = lines, f.tell()
        f.truncate(end)
    return keep


def _progress(total: int, initial: int, desc: str, enabled: bool) -> Any:
    from tqdm import tqdm

    return tqdm(total=total, initial=initial, unit="sent", desc=desc, file=sys.stderr, disable=not enabled,
                dynamic_ncols=True, smoothing=0.1)


def distill(teacher: PathLike | Sequence[PathLike], out_dir: PathLike, *, splits: Sequence[str] | None = None,
            dataset: str | None = None, name: str | None = None, beam: int | None = None,
            batch_size: int | None = None, length_penalty: float | None = None, device: str = "auto",
            threads: int | None = None, keep_original: bool = True, overwrite: bool = False,
            progress: bool | None = None, chunk_lines: int | None = None,
            log: Callable[[str], None] = logger.info) -> DistillResult:
    """Translate ``splits`` of a dataset with ``teacher`` into the dataset folder ``out_dir``.

    ``teacher``: a checkpoint or model folder, or several (an ensemble). The dataset and its
    languages default to the (first) teacher's ``data`` section, the splits to its training
    and validation splits. Decoding options not given keep the teacher's ``decode`` section
    (beam 5 for the default config). Rerun with the same arguments after an interruption and
    it continues where it stopped; a finished split is not translated again. ``progress``: a
    bar on stderr (default: when stderr is a terminal); messages go to ``log``.
    """
    if progress is None:
        progress = sys.stderr.isatty()
    tr = Translator.load(teacher if isinstance(teacher, (list, tuple)) else [teacher], device=device,
                         threads=threads, beam=beam, batch_size=batch_size, length_penalty=length_penalty)
    if tr.config is None:
        raise NmtError("the teacher carries no training config (dataset and languages unknown)", exit_code=2)
    d = tr.config.data
    dataset = dataset or d.dataset
    name = name if dataset != d.dataset else (name or d.name)
    splits = list(splits or [d.train_split, d.valid_split])
    src, tgt = d.src_lang, d.tgt_lang
    chunk = chunk_lines or chunk_size(tr.decode.batch_size)
    folder = Path(out_dir)
    job = _job(tr, dataset, name, src, tgt, keep_original, chunk)
    manifest = _open_folder(folder, job, tr.sources, splits, overwrite)
    result = DistillResult(folder)
    for split in splits:
        final = folder / f"{split}.jsonl"
        done_before = manifest["splits"].get(split)
        if done_before and final.is_file():
            log(f"distill: {split} already done ({done_before['rows']} rows)")
            result.rows[split] = done_before["rows"]
            continue
        rows = load_split(dataset, name, split, src, tgt)
        partial = folder / f".{split}.jsonl.partial"
        start = _resume_point(partial, chunk)
        result.resumed[split] = start
        n = len(rows)
        log(f"distill: {dataset} [{split}] {src}->{tgt}, {n} rows" + (f", resuming at row {start}" if start else ""))
        t0 = time.perf_counter()
        with open(partial, "ab") as out, _progress(n, start, split, progress) as bar:
            for first in range(start, n, chunk):
                part = rows[first:first + chunk]
                sources, originals = as_text(part["src"]), as_text(part["tgt"])
                hyps = tr.translate(sources, first_line=first + 1)
                text = "".join(
                    json.dumps({src: s, tgt: h, **({f"{tgt}_original": o} if keep_original else {})},
                               ensure_ascii=False) + "\n"
                    for s, h, o in zip(sources, hyps, originals))
                out.write(text.encode("utf-8"))
                out.flush()
                os.fsync(out.fileno())
                bar.update(len(sources))
        seconds = time.perf_counter() - t0
        os.replace(partial, final)
        result.rows[split], result.seconds[split] = n, seconds
        manifest["splits"][split] = {"rows": n, "translated_rows": n - start, "seconds": round(seconds, 2),
                                     "sentences_per_s": round((n - start) / seconds, 2) if seconds else None}
        _write_manifest(folder, manifest)
        log(f"distill: {split} done, {n} rows in {final} ({(n - start) / max(seconds, 1e-9):.1f} sentences/s)")
    return result
