"""Translation directions of one model (data.directions), and the tags that choose among them.

A multilingual model (``data.directions: [de-en, fr-en, en-de]``) is an ordinary
model trained on sources that start with their target language's tag, ``<2en>``
(Johnson et al. 2017, "Google's Multilingual NMT System"): the encoder reads which
language to write, so the architecture, batching and search stay as they are. The
tags, and the tags of ``data.corpora`` entries (``<BT>`` for back-translation), are
SentencePiece *user-defined symbols*: always one piece, never cut into ``<``, ``2``,
``en``, ``>``.

Everything that puts a tag on a source goes through :func:`tag_sources`, so
training, validation, ``nmt translate --tgt-lang`` and ``nmt serve`` agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from nmt.config.sections import DataConfig
from nmt.errors import NmtError


@dataclass(frozen=True)
class Direction:
    """One translation direction, ``de-en``."""

    src: str
    tgt: str

    def __str__(self) -> str:
        return f"{self.src}-{self.tgt}"

    @classmethod
    def parse(cls, text: str, where: str = "direction") -> Direction:
        """``"de-en"`` -> Direction("de", "en"); a one-line error naming ``where`` otherwise."""
        src, sep, tgt = text.partition("-")
        if not (sep and src and tgt) or "-" in tgt:
            raise NmtError(f"{where}: {text!r} is not a direction (write SRC-TGT, e.g. de-en)", exit_code=2)
        return cls(src, tgt)


def target_tag(lang: str) -> str:
    """The tag that asks for ``lang``: ``<2en>``."""
    return f"<2{lang}>"


def is_multilingual(d: DataConfig) -> bool:
    """Whether sources carry a target-language tag (the model was trained with data.directions)."""
    return bool(d.directions)


def directions_of(d: DataConfig) -> list[Direction]:
    """data.directions, or the one direction data.src_lang -> data.tgt_lang."""
    if d.directions:
        return [Direction.parse(x, f"data.directions[{i}]") for i, x in enumerate(d.directions)]
    return [Direction(d.src_lang, d.tgt_lang)]


def user_symbols(d: DataConfig) -> list[str]:
    """The pieces SentencePiece must keep whole: target tags, then the corpora's tags."""
    tags = [target_tag(x.tgt) for x in directions_of(d)] if is_multilingual(d) else []
    tags += [c.tag for c in d.corpora if c.tag]
    return list(dict.fromkeys(tags))


def tag_sources(lines: Sequence[str], tag: str | None) -> list[str]:
    """``tag`` and a space before each non-blank line (a blank line stays blank: it is
    still dropped in training and still gives ``""`` in translation)."""
    if not tag:
        return list(lines)
    return [f"{tag} {line}" if line.strip() else line for line in lines]


def temperature_probabilities(sizes: Sequence[int], temperature: float) -> list[float]:
    """Sampling probability of each direction: (n_i / N) ** (1/T), normalised.

    T = 1 samples in proportion to the data; T -> infinity uniformly. Large directions
    would otherwise crowd out the small ones, which then under-fit (Arivazhagan et al.
    2019, "Massively Multilingual NMT in the Wild", section 4.2)."""
    total = sum(sizes)
    if total <= 0:
        return [1.0 / len(sizes)] * len(sizes)
    weights = [(n / total) ** (1.0 / temperature) for n in sizes]
    norm = sum(weights)
    return [w / norm for w in weights]


def source_tag(d: DataConfig, tgt_lang: str | None = None, src_lang: str | None = None) -> str | None:
    """The tag a source needs to be translated into ``tgt_lang`` by a model trained on ``d``
    (None for a bilingual model), or a one-line error for a language it cannot produce.

    A multilingual model takes any of its target languages from any of its source
    languages, including pairs it never saw together (zero-shot, de -> fr when it
    learnt de -> en and en -> fr); ``src_lang`` is only checked, since the tag names
    the target alone."""
    pairs = directions_of(d)
    sources = list(dict.fromkeys(x.src for x in pairs))
    targets = list(dict.fromkeys(x.tgt for x in pairs))
    if src_lang is not None and src_lang not in sources:
        raise NmtError(f"--src-lang {src_lang}: this model reads {', '.join(sources)}", exit_code=2)
    if tgt_lang is not None and tgt_lang not in targets:
        raise NmtError(f"--tgt-lang {tgt_lang}: this model writes {', '.join(targets)}", exit_code=2)
    if not is_multilingual(d):
        return None
    if tgt_lang is None:
        if len(targets) > 1:
            raise NmtError(f"this model writes {', '.join(targets)}: choose one with --tgt-lang "
                           "(target_lang in Python and nmt serve)", exit_code=2)
        tgt_lang = targets[0]
    return target_tag(tgt_lang)
