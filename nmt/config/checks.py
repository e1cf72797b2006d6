"""The checks every loaded config passes: impossible values fail with their dotted key.

Apart from the dataclasses (:mod:`nmt.config.sections`) and their parsing
(:mod:`nmt.config.loading`) so that each stays one job; ``config_from_dict`` calls
:func:`validate` on every config it builds.
"""

from __future__ import annotations

from nmt.config.sections import DEVICE_PATTERN, Config
from nmt.errors import ConfigError


def validate(cfg: Config) -> None:
    """Impossible values fail here, each message naming its key."""

    def positive(where: str, value: float) -> None:
        if value <= 0:
            raise ConfigError(f"{where} must be > 0, got {value}")

    def non_negative(where: str, value: float) -> None:
        if value < 0:
            raise ConfigError(f"{where} must be >= 0, got {value}")

    def probability(where: str, value: float) -> None:
        if not 0.0 <= value < 1.0:
            raise ConfigError(f"{where} must be in [0, 1), got {value}")

    d, v, m, t, dec = cfg.data, cfg.vocab, cfg.model, cfg.train, cfg.decode
    if d.src_lang == d.tgt_lang and not d.allow_same_lang:
        raise ConfigError(
            f"data.src_lang and data.tgt_lang are both {d.src_lang!r}; "
            "set data.allow_same_lang=true if that is intended"
        )
    positive("data.max_len", d.max_len)
    for i, c in enumerate(d.corpora):
        if not c.dataset:
            raise ConfigError(f"data.corpora[{i}].dataset is required (a hub id or a local folder)")
        positive(f"data.corpora[{i}].weight", c.weight)
    for i, c in enumerate(d.corpora):
        if c.tag is not None and (not c.tag or any(ch.isspace() for ch in c.tag)):
            raise ConfigError(f"data.corpora[{i}].tag must be one word without spaces (e.g. <BT>), got {c.tag!r}")
    seen = set()
    for i, x in enumerate(d.directions):
        src, sep, tgt = x.partition("-")
        if not (sep and src and tgt) or "-" in tgt or any(ch.isspace() for ch in x):
            raise ConfigError(f"data.directions[{i}]: {x!r} is not a direction (write SRC-TGT, e.g. de-en)")
        if src == tgt:
            raise ConfigError(f"data.directions[{i}]: {x!r} translates a language into itself")
        if x in seen:
            raise ConfigError(f"data.directions[{i}]: {x!r} is listed twice")
        seen.add(x)
    positive("data.direction_temperature", d.direction_temperature)
    if d.filter.dedup and d.streaming:
        raise ConfigError("data.filter.dedup needs the whole training set (the cached path): "
                          "not with data.streaming=true")
    if d.filter.max_ratio and d.filter.max_ratio < 1.0:
        raise ConfigError(f"data.filter.max_ratio must be 0 (off) or >= 1, got {d.filter.max_ratio}")
    for key in ("max_train_examples", "max_valid_examples"):
        if getattr(d, key) is not None:
            positive(f"data.{key}", getattr(d, key))
    if v.vocab_size < 16:
        raise ConfigError(f"vocab.vocab_size must be >= 16, got {v.vocab_size}")
    if not 0.0 < v.character_coverage <= 1.0:
        raise ConfigError(f"vocab.character_coverage must be in (0, 1], got {v.character_coverage}")
    non_negative("vocab.input_sentence_size", v.input_sentence_size)
    non_negative("data.num_proc", d.num_proc)
    positive("data.shuffle_buffer", d.shuffle_buffer)
    for key in ("emb_size", "enc_hidden", "enc_layers", "dec_hidden", "dec_layers"):
        positive(f"model.{key}", getattr(m, key))
    non_negative("model.attn_size", m.attn_size)
    probability("model.dropout", m.dropout)
    probability("model.word_dropout", m.word_dropout)
    if m.share_embeddings and not v.joint:
        raise ConfigError("model.share_embeddings=true needs vocab.joint=true")
    positive("train.batch_tokens", t.batch_tokens)
    non_negative("train.batch_sentences", t.batch_sentences)
    positive("train.lr", t.lr)
    non_negative("train.weight_decay", t.weight_decay)
    non_negative("train.clip_grad_norm", t.clip_grad_norm)
    probability("train.label_smoothing", t.label_smoothing)
    if not 0.0 < t.decay_factor < 1.0:
        raise ConfigError(f"train.decay_factor must be in (0, 1), got {t.decay_factor}")
    for key in ("lr_patience", "warmup_steps", "max_steps", "max_epochs", "max_time",
                "patience", "threads", "average_last"):
        non_negative(f"train.{key}", getattr(t, key))
    positive("train.dist_timeout", t.dist_timeout)
    positive("train.lr_reference_tokens", t.lr_reference_tokens)
    if t.lr_scaling != "none" and t.batch_sentences:
        raise ConfigError("train.lr_scaling scales by tokens: it needs train.batch_sentences=0")
    for key in ("valid_every", "log_every", "valid_beam", "max_bad_steps", "accum_steps"):
        positive(f"train.{key}", getattr(t, key))
    if not DEVICE_PATTERN.match(t.device):
        raise ConfigError(f"train.device must be auto, cpu, cuda or cuda:N, got {t.device!r}")
    if t.scheduler == "warmup" and t.warmup_steps == 0:
        raise ConfigError("train.scheduler=warmup needs train.warmup_steps > 0")
    if t.scheduler == "cosine" and not t.max_steps > t.warmup_steps:
        raise ConfigError("train.scheduler=cosine needs train.max_steps > train.warmup_steps (it decays to max_steps)")
    positive("decode.beam_size", dec.beam_size)
    positive("decode.batch_size", dec.batch_size)
    if dec.max_src_len < 2:
        raise ConfigError(f"decode.max_src_len must be >= 2, got {dec.max_src_len}")
    non_negative("decode.length_penalty", dec.length_penalty)
    non_negative("decode.shortlist_frequent", dec.shortlist_frequent)
    if not 1 <= dec.shortlist_per_source <= 64:
        raise ConfigError(f"decode.shortlist_per_source must be between 1 and 64, got {dec.shortlist_per_source}")
    non_negative("decode.max_len_a", dec.max_len_a)
    non_negative("decode.max_len_b", dec.max_len_b)
    if dec.max_len_a == 0 and dec.max_len_b == 0:
        raise ConfigError("decode.max_len_a and decode.max_len_b are both 0: no output could be produced")
