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


@dataclass(frozen=True)
class Compared:
    """One system of a paired significance test: its scores, the bootstrap estimate of each
    (mean ± the half-width of its 95% confidence interval; paired bootstrap only) and the
    p-value against the first system (None for the first). A p-value below 0.05 says the difference is unlikely
    to be chance; above it, the systems are not shown to differ. ``identical``: the system wrote
    exactly the first one's output, where sacreBLEU still reports p = 1/(trials + 1) (it counts
    a zero difference as not due to chance, after multeval), which would read as significant."""

    name: str
    bleu: float
    bleu_mean: float | None
    bleu_ci: float | None
    bleu_p: float | None
    chrf: float
    chrf_mean: float | None
    chrf_ci: float | None
    chrf_p: float | None
    identical: bool = False

    def to_dict(self) -> dict:
        return asdict(self)


def compare(systems: list[tuple[str, list[str]]], references: list[str], test: str = "bs",
            samples: int = 0) -> tuple[list[Compared], dict[str, str]]:
    """sacreBLEU's paired significance test of each system against the first (``test``: ``bs``,
    paired bootstrap resampling, 1,000 resamples by default, with 95% intervals; ``ar``, approximate
    randomization, 10,000 trials, p-values only) on BLEU and chrF, exactly as ``sacrebleu REF -i A
    B ... -m bleu chrf --paired-bs`` (``--paired-ar``) computes them (its fixed seed,
    ``SACREBLEU_SEED``, included). Returns the systems in order and each metric's signature."""
    from sacrebleu.significance import PairedTest

    if len(systems) < 2:
        raise NmtError("a comparison needs at least two systems", exit_code=2)
    if test not in ("bs", "ar"):
        raise NmtError(f"unknown paired test {test!r} (bs or ar)", exit_code=2)
    for name, hyps in systems:
        if len(hyps) != len(references):
            raise NmtError(f"{name}: {len(hyps)} lines for {len(references)} references", exit_code=2)
    paired = PairedTest(systems, {"bleu": BLEU(), "chrf": CHRF()}, [references], test_type=test, n_samples=samples)
    signatures, scores = paired()
    (bleu_key,) = [k for k in scores if k.startswith("BLEU")]
    (chrf_key,) = [k for k in scores if k.startswith("chrF")]

    def num(x: float | None, digits: int = 4) -> float | None:
        return None if x is None else round(float(x), digits)

    rows = []
    for i, (name, _) in enumerate(systems):
        b, c = scores[bleu_key][i], scores[chrf_key][i]
        rows.append(Compared(name, round(float(b.score), 2), num(b.mean), num(b.ci), num(b.p_value),
                             round(float(c.score), 2), num(c.mean), num(c.ci), num(c.p_value),
                             identical=i > 0 and list(systems[i][1]) == list(systems[0][1])))
    return rows, {"bleu": str(signatures[bleu_key]), "chrf": str(signatures[chrf_key])}
