"""Corpus BLEU and chrF with sacreBLEU, each with the signature that makes it comparable.

Scores are computed on detokenized text against the raw references, with
sacreBLEU's defaults (13a tokenization, cased BLEU; chrF with n=6, beta=2):
the numbers published for Multi30k and WMT are computed the same way.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from sacrebleu.metrics import BLEU, CHRF

from nmt.errors import NmtError


@dataclass(frozen=True)
class Scores:
    bleu: float
    chrf: float
    bleu_signature: str
    chrf_signature: str
    bleu_detail: str
    n_sentences: int

    def to_dict(self) -> dict:
        return asdict(self)


def score(hypotheses: list[str], references: list[str]) -> Scores:
    """BLEU and chrF of ``hypotheses`` against one reference each (same order)."""
    if len(hypotheses) != len(references):
        raise NmtError(f"{len(hypotheses)} hypotheses for {len(references)} references: "
                       "one line per reference is needed")
    bleu, chrf = BLEU(), CHRF()
    b = bleu.corpus_score(hypotheses, [references])
    c = chrf.corpus_score(hypotheses, [references])
    return Scores(
        bleu=round(b.score, 2),
        chrf=round(c.score, 2),
        bleu_signature=str(bleu.get_signature()),
        chrf_signature=str(chrf.get_signature()),
        bleu_detail=str(b),
        n_sentences=len(references),
    )


def bleu_only(hypotheses: list[str], references: list[str]) -> float:
    """Cheap BLEU for validation during training."""
    return float(BLEU().corpus_score(hypotheses, [references]).score)


# Source-length buckets (words, whitespace-split) for --by-length: where attention
# models are said to differ most is on long sentences, so the long tail gets its own rows.
LENGTH_BUCKETS = ((1, 10), (11, 15), (16, 20), (21, 30), (31, None))


def bucket_name(lo: int, hi: int | None) -> str:
    return f"{lo}-{hi}" if hi is not None else f"{lo}+"


def score_by_length(sources: list[str], hypotheses: list[str], references: list[str],
                    buckets: tuple[tuple[int, int | None], ...] = LENGTH_BUCKETS) -> list[dict]:
    """Corpus BLEU and chrF per source-length bucket: ``{"bucket", "sentences", "bleu", "chrf"}``
    rows in bucket order (empty buckets have 0 sentences and None scores)."""
    rows = []
    for lo, hi in buckets:
        idx = [i for i, s in enumerate(sources) if lo <= len(s.split()) and (hi is None or len(s.split()) <= hi)]
        row: dict = {"bucket": bucket_name(lo, hi), "sentences": len(idx), "bleu": None, "chrf": None}
        if idx:
            s = score([hypotheses[i] for i in idx], [references[i] for i in idx])
            row.update(bleu=s.bleu, chrf=s.chrf)
        rows.append(row)
    return rows
