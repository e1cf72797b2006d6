"""Attention pictures: what the decoder looked at while writing each target piece.

``nmt translate --attention DIR`` writes one file per input line, named by its
line number (``000001.png``), with the chosen hypothesis's attention: target
pieces down, source pieces across, every row summing to 1 over the real source
pieces. PNGs need matplotlib (``pip install "nmt-rnn[plot]"``); ``--attention-format
json`` writes the raw matrices with no extra dependency.

The picture's size follows from the lengths alone (:func:`png_size`), so a
long sentence gets a larger picture instead of unreadable labels.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from nmt.errors import NmtError

DPI = 100
CELL_IN = 0.32  # inches per source or target piece
LEFT_IN, TOP_IN, RIGHT_IN, BOTTOM_IN = 1.3, 1.3, 0.2, 0.3  # room for the labels
MARGIN_IN = (LEFT_IN + RIGHT_IN, TOP_IN + BOTTOM_IN)


@dataclass(frozen=True)
class Alignment:
    src: list[str]  # source pieces, EOS as </s>
    tgt: list[str]  # target pieces, the final </s> included
    weights: list[list[float]]  # len(tgt) rows of len(src) weights

    def to_dict(self) -> dict:
        return {"source": self.src, "target": self.tgt, "attention": self.weights}


def png_size(n_src: int, n_tgt: int) -> tuple[int, int]:
    """(width, height) in pixels of the picture of an n_src x n_tgt alignment."""
    return (round(DPI * (MARGIN_IN[0] + CELL_IN * max(n_src, 4))),
            round(DPI * (MARGIN_IN[1] + CELL_IN * max(n_tgt, 4))))


def write_json(alignment: Alignment, path: Path) -> None:
    path.write_text(json.dumps(alignment.to_dict(), ensure_ascii=False) + "\n", encoding="utf-8")


def write_png(alignment: Alignment, path: Path) -> None:
    """A heat map of ``alignment`` at :func:`png_size` pixels (matplotlib, Agg backend)."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        from matplotlib.figure import Figure
    except ImportError:
        raise NmtError('--attention pictures need matplotlib: pip install "nmt-rnn[plot]" '
                       "(or --attention-format json)", exit_code=2) from None
    w, h = png_size(len(alignment.src), len(alignment.tgt))
    fig = Figure(figsize=(w / DPI, h / DPI), dpi=DPI)
    W, H = w / DPI, h / DPI
    ax = fig.add_axes((LEFT_IN / W, BOTTOM_IN / H, (W - MARGIN_IN[0]) / W, (H - MARGIN_IN[1]) / H))
    ax.imshow(alignment.weights, cmap="Greys", vmin=0.0, vmax=1.0, aspect="auto", interpolation="nearest")
    ax.set_xticks(range(len(alignment.src)), alignment.src, rotation=90, fontsize=9)
    ax.set_yticks(range(len(alignment.tgt)), alignment.tgt, fontsize=9)
    ax.xaxis.tick_top()
    fig.savefig(path, dpi=DPI)


class AttentionWriter:
    """Writes each line's alignment into ``folder`` as ``NNNNNN.png`` or ``NNNNNN.json``."""

    def __init__(self, folder: Path, fmt: str = "png") -> None:
        if fmt not in ("png", "json"):
            raise NmtError(f"--attention-format {fmt}: use png or json", exit_code=2)
        if folder.exists() and not folder.is_dir():
            raise NmtError(f"--attention {folder}: exists and is not a folder", exit_code=2)
        folder.mkdir(parents=True, exist_ok=True)
        self.folder, self.fmt = folder, fmt

    def __call__(self, line: int, alignment: Alignment) -> None:
        path = self.folder / f"{line:06d}.{self.fmt}"
        (write_png if self.fmt == "png" else write_json)(alignment, path)
