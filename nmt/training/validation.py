"""Validation during training: loss, perplexity and BLEU on the validation split.

Kept apart from the loop: the trainer only asks for the figures (rank 0 under
torchrun) and decides what to do with them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import torch

from nmt.config import Config
from nmt.config.directions import directions_of, is_multilingual, tag_sources, target_tag
from nmt.data.batching import batch_indices, make_batch, make_src_batch
from nmt.data.sources import load_splits
from nmt.decoding.search import search
from nmt.errors import NmtError
from nmt.metrics import bleu_only
from nmt.model import Seq2Seq
from nmt.shortlist import Shortlist
from nmt.tokenizer import Tokenizer
from nmt.training.loss import compute_loss


@dataclass
class ValidationSet:
    """The validation pairs as ids (``src`` with EOS, ``tgt`` without BOS/EOS) and the
    reference text BLEU is computed against; with data.directions, each direction's pairs
    one after the other, ``spans`` naming each direction's slice."""

    src: list[list[int]]
    tgt: list[list[int]]
    refs: list[str]
    spans: tuple[tuple[str, int, int], ...] = ()

    @classmethod
    def load(cls, cfg: Config, tok: Tokenizer) -> "ValidationSet":
        """data.valid_split, cut to data.max_valid_examples (per direction; never filtered otherwise)."""
        d = cfg.data
        src: list[list[int]] = []
        tgt: list[list[int]] = []
        refs: list[str] = []
        spans = []
        for x in directions_of(d):
            pairs = load_splits(d.dataset, d.name, [d.valid_split], x.src, x.tgt)[d.valid_split].pairs
            if d.max_valid_examples:
                pairs = pairs[: d.max_valid_examples]
            if not pairs:
                raise NmtError(f"{d.dataset} [{d.valid_split}]: the validation set is empty")
            tag = target_tag(x.tgt) if is_multilingual(d) else None
            spans.append((str(x), len(refs), len(refs) + len(pairs)))
            src += tok.encode_src(tag_sources([s for s, _ in pairs], tag))
            tgt += tok.encode_tgt([t for _, t in pairs])
            refs += [t for _, t in pairs]
        return cls(src, tgt, refs, tuple(spans) if is_multilingual(d) else ())


@torch.no_grad()
def validate(model: Seq2Seq, data: ValidationSet, tok: Tokenizer, shortlist: Shortlist | None, cfg: Config,
             device: torch.device) -> dict[str, float]:
    """Validation loss/perplexity (no smoothing) and BLEU of greedy or small-beam
    (train.valid_beam) output, decoded as translate does (the shortlist when
    decode.shortlist is on); ``model`` is left in the mode it came in. With several
    directions, ``valid_bleu`` is the mean of their BLEU (each as ``valid_bleu_de-en``):
    best.pt is the model best on average, not on the largest direction."""
    was_training = model.training
    model.eval()
    total, tokens = 0.0, 0
    lengths = [max(len(s), len(t) + 1) for s, t in zip(data.src, data.tgt)]
    for idx in batch_indices(lengths, batch_tokens=cfg.train.batch_tokens * 2):
        batch = make_batch([data.src[i] for i in idx], [data.tgt[i] for i in idx])
        loss, n = compute_loss(model.packed_logits, batch.to(device), 0.0)
        total, tokens = total + float(loss), tokens + n
    hyps = [""] * len(data.src)
    d = cfg.decode
    for idx in batch_indices([len(s) for s in data.src], batch_sentences=d.batch_size):
        src = [data.src[i] for i in idx]
        ids, lens = make_src_batch(src)
        ids, lens = ids.to(device), lens.to(device)
        vocab = (shortlist.sentence_vocab(ids, lens, d.shortlist_frequent, d.shortlist_per_source)
                 if d.shortlist and shortlist is not None else None)
        out = search(model, ids, lens, cfg.train.valid_beam, d.max_len_a, d.max_len_b,
                     d.length_penalty, vocab=vocab)
        for i, text in zip(idx, tok.decode_tgt([h[0].tokens for h in out])):
            hyps[i] = text
    model.train(was_training)
    loss = total / max(1, tokens)
    metrics = {"valid_loss": loss, "valid_ppl": math.exp(min(loss, 50.0))}
    if not data.spans:
        return {**metrics, "valid_bleu": bleu_only(hyps, data.refs)}
    each = {f"valid_bleu_{name}": bleu_only(hyps[a:b], data.refs[a:b]) for name, a, b in data.spans}
    return {**metrics, "valid_bleu": sum(each.values()) / len(each), **each}
