"""SentencePiece models: trained by the pipeline, stored as bytes, used for both sides.

The models travel inside every checkpoint as serialized protos, so a
checkpoint needs no side files and loading one never reads anything else.
Special ids are fixed (pad 0, unk 1, bos 2, eos 3) so the model code can take
them as plain ints.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Sequence

import sentencepiece as spm

from nmt.config import VocabConfig
from nmt.errors import NmtError

PAD_ID, UNK_ID, BOS_ID, EOS_ID = 0, 1, 2, 3


def train_sentencepiece(sentences: Iterable[str], cfg: VocabConfig, symbols: Sequence[str] = ()) -> bytes:
    """Train one SentencePiece model on ``sentences`` and return its serialized proto.

    ``symbols`` (language and corpus tags, ``<2en>``, ``<BT>``) become user-defined
    symbols: one piece wherever they occur, never split by the model."""
    lines = [s for s in sentences if s.strip()]
    if not lines:
        raise NmtError("cannot train a SentencePiece model on an empty training set")
    buf = io.BytesIO()
    try:
        spm.SentencePieceTrainer.train(
            sentence_iterator=iter(lines),
            model_writer=buf,
            model_type=cfg.type,
            vocab_size=cfg.vocab_size,
            character_coverage=cfg.character_coverage,
            input_sentence_size=cfg.input_sentence_size,
            shuffle_input_sentence=True,
            pad_id=PAD_ID,
            unk_id=UNK_ID,
            bos_id=BOS_ID,
            eos_id=EOS_ID,
            # Keeps a vocabulary that is too large for a small corpus an error
            # we can explain, instead of SentencePiece's RuntimeError.
            hard_vocab_limit=True,
            minloglevel=2,
            num_threads=2,
            user_defined_symbols=list(symbols),
            byte_fallback=cfg.byte_fallback,
        )
    except RuntimeError as exc:
        first = str(exc).splitlines()[-1] if str(exc) else "training failed"
        raise NmtError(f"vocab.vocab_size={cfg.vocab_size}: SentencePiece training failed ({first})") from None
    return buf.getvalue()


def _load(proto: bytes) -> spm.SentencePieceProcessor:
    sp = spm.SentencePieceProcessor()
    sp.LoadFromSerializedProto(proto)
    return sp


# Below this many items a list is encoded or decoded one item at a time.
SMALL_LIST = 256


def _each(method: Callable[[Any], Any], items: list) -> list:
    """``method(items)`` for a list, but one call per item for short lists.

    Why: SentencePiece runs a list on a thread pool it starts for that call. For
    one or a few lines that costs about ten times the work
    (``scripts/bench_tokenizer_calls.py``: a one-line list vs the line alone), and
    ``nmt serve``, which tokenizes each request's few lines while its decoding
    processes hold the cores, spent most of its HTTP process's time there (py-spy).
    Long lists keep the pool, where it pays.
    """
    if len(items) >= SMALL_LIST:
        return method(items)
    return [method(x) for x in items]


_SURROGATE = re.compile("[\ud800-\udfff]")


def _valid_unicode(text: str) -> str:
    """``text`` with lone surrogates (not encodable as UTF-8) replaced by U+FFFD."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


@dataclass
class Tokenizer:
    """Source and target SentencePiece processors (the same object when joint)."""

    src_proto: bytes
    tgt_proto: bytes

    def __post_init__(self) -> None:
        self._src = _load(self.src_proto)
        self._tgt = self._src if self.tgt_proto == self.src_proto else _load(self.tgt_proto)

    @classmethod
    def train(cls, sources: list[str], targets: list[str], cfg: VocabConfig, symbols: Sequence[str] = ()
              ) -> "Tokenizer":
        """SentencePiece on the training text (one joint model, or one per side); ``symbols``
        are kept whole on the source side, where tags go."""
        if cfg.joint:
            proto = train_sentencepiece(sources + targets, cfg, symbols)
            return cls(proto, proto)
        return cls(train_sentencepiece(sources, cfg, symbols), train_sentencepiece(targets, cfg))

    @property
    def joint(self) -> bool:
        return self._src is self._tgt

    @property
    def src_vocab_size(self) -> int:
        return self._src.get_piece_size()

    @property
    def tgt_vocab_size(self) -> int:
        return self._tgt.get_piece_size()

    def encode_src(self, texts: list[str]) -> list[list[int]]:
        """Source ids, each followed by EOS (the encoder sees where the sentence ends).

        A lone surrogate (``"\\ud800"``: possible in a Python str or a JSON string, never
        in UTF-8 text) becomes U+FFFD, as invalid UTF-8 does in ``nmt translate``:
        SentencePiece cannot take one, and one odd character must not fail a whole batch."""
        return [ids + [EOS_ID] for ids in _each(self._src.encode, [_valid_unicode(t) for t in texts])]

    def encode_tgt(self, texts: list[str]) -> list[list[int]]:
        """Target ids without BOS/EOS; the batcher adds them."""
        return _each(self._tgt.encode, texts)

    def decode_tgt(self, ids: list[list[int]]) -> list[str]:
        """Detokenized text; special ids are dropped."""
        clean = [[i for i in seq if i > EOS_ID] for seq in ids]
        return _each(self._tgt.decode, clean)

    def tgt_pieces(self, ids: list[int]) -> list[str]:
        return [self._tgt.id_to_piece(i) for i in ids]

    def src_pieces(self, ids: list[int]) -> list[str]:
        return [self._src.id_to_piece(i) for i in ids]
