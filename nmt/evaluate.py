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
