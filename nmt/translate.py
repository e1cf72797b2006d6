"""Streaming line-in/line-out translation.

The contract a pipeline relies on: for any input, exactly one output line per
input line, in input order. Input is read as bytes in chunks (memory stays flat
however long the stream), each chunk is sorted by length into batches for
speed and written back in its original order, and every chunk is flushed before
the next is read, so an interrupted run has written all the lines it finished.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Callable, Iterable, Iterator, TextIO

import torch
from torch import nn

from nmt.batching import batch_indices, make_src_batch
from nmt.checkpoint import config_of, load_checkpoint, shortlist_of, tokenizer_of
from nmt.config import Config, DecodeConfig
from nmt.device import resolve_device
from nmt.errors import NmtError
from nmt.model import Seq2Seq, build_model
from nmt.model.packed import pack_for_cpu
from nmt.ensemble import Ensemble, check_members
from nmt.sampling import Sampling, sample
from nmt.search import Hypothesis, search
from nmt.pool import BeamPool
from nmt.shortlist import SentenceVocab, Shortlist, union_vocab
from nmt.tokenizer import EOS_ID, Tokenizer

if TYPE_CHECKING:
    from nmt.plot import Alignment

Warn = Callable[[str], None]


def _stderr_warn(message: str) -> None:
    print(f"warning: {message}", file=sys.stderr)


def _check_shortlist(path: Path, overrides: dict, has_table: bool) -> None:
    if overrides.get("shortlist") and not has_table:
        raise NmtError(f"{path}: --shortlist, but this checkpoint holds no shortlist table (written "
                       "before nmt stored one): add it with scripts/add_shortlist.py", exit_code=2)


def load_model(path: Path) -> tuple[Config, Seq2Seq, Tokenizer, Shortlist | None]:
    """Rebuild config, model (eval mode), tokenizer and shortlist table from one checkpoint file."""
    payload = load_checkpoint(path)
    cfg = config_of(payload, path)
    tok = tokenizer_of(payload)
    model = build_model(cfg.model, tok.src_vocab_size, tok.tgt_vocab_size)
    try:
        model.load_state_dict(payload["model"])
    except RuntimeError as exc:
        raise NmtError(f"{path}: weights do not match the config stored with them "
                       f"({str(exc).splitlines()[0][:160]})") from None
    model.eval()
    return cfg, model, tok, shortlist_of(payload)


def quantize_int8(model: Seq2Seq) -> Seq2Seq:
    """Int8 weights for every Linear and GRU/LSTM layer, activations quantized per call.

    Why dynamic: the decoder's matrix products (output projection, recurrence,
    readout) dominate CPU decoding, int8 GEMMs run on any x86 CPU (fbgemm), and
    dynamic quantization needs no calibration data. Plain ``rnn`` cells and the
    embeddings stay float. The tied output projection gets its own int8 copy;
    the embedding it shares weights with is unchanged.
    """
    import warnings

    from torch.ao.quantization import quantize_dynamic

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # torch.ao's deprecation notices would reach the user's stderr
        return quantize_dynamic(model, {nn.Linear, nn.GRU, nn.LSTM}, dtype=torch.qint8)


# Sentences per decoding batch on a GPU unless --batch-size says otherwise. A beam search step
# there costs about the same for 64 or 1,000 sentences (it is launch-bound): beam 5 on test2016,
# H100, 1,456 sentences/s at 64, 3,878 at 256, 6,228 at 1,000 (docs/gpu.md).
GPU_BATCH_SIZE = 1000


def batch_size_for(device: torch.device, configured: int, asked: bool) -> int:
    """The decoding batch: what was asked for, else the checkpoint's decode.batch_size (tuned
    for the CPU), raised to GPU_BATCH_SIZE on a GPU."""
    return configured if asked or device.type != "cuda" else max(configured, GPU_BATCH_SIZE)


@dataclass
class Translator:
    """A model (or an :class:`~nmt.ensemble.Ensemble`), its tokenizer and decoding settings;
    translates lists of strings."""

    model: Seq2Seq | Ensemble | None  # None: tokenizes only (see text_only)
    tokenizer: Tokenizer
    decode: DecodeConfig
    config: Config | None = None  # the config the (first) model was trained with, when known
    device: torch.device = torch.device("cpu")
    shortlist: Shortlist | None = None  # used when decode.shortlist; None = whole vocabulary
    more_shortlists: tuple[Shortlist, ...] = ()  # the other ensemble members' (their union is used)
    sampling: Sampling | None = None  # sample instead of searching

    @classmethod
    def from_checkpoint(cls, path: Path | list[Path], device: str = "auto", sampling: Sampling | None = None,
                        **decode_overrides: object) -> "Translator":
        """Load ``path`` (several: an ensemble) onto ``device`` (auto: a CUDA GPU when torch
        sees one); keyword arguments that are not None override the (first) checkpoint's
        ``decode`` settings."""
        paths = [Path(p) for p in path] if isinstance(path, (list, tuple)) else [Path(path)]
        where = resolve_device(device, "--device")
        loaded = [load_model(p) for p in paths]
        check_members(paths, [x[2] for x in loaded])
        cfg, _, tok, shortlist = loaded[0]
        overrides = {k: v for k, v in decode_overrides.items() if v is not None}
        decode = replace(cfg.decode, **overrides)
        decode = replace(decode, batch_size=batch_size_for(where, decode.batch_size, "batch_size" in overrides))
        for p, x in zip(paths, loaded):
            _check_shortlist(p, overrides, x[3] is not None)
        models = [x[1] for x in loaded]
        if decode.int8:
            if where.type != "cpu":
                if device != "auto":
                    raise NmtError(f"--int8 runs on the CPU only, not --device {device}", exit_code=2)
                where = torch.device("cpu")
            models = [quantize_int8(m) for m in models]
        else:
            for m in models:
                m.to(where)
                if where.type == "cpu":
                    pack_for_cpu(m.eval())
        model = models[0] if len(models) == 1 else Ensemble(models)
        more = tuple(x[3] for x in loaded[1:] if x[3] is not None)
        return cls(model.to(where), tok, decode, cfg, where, shortlist, more, sampling)

    @classmethod
    def text_only(cls, path: Path, payload: dict, **decode_overrides: object) -> "Translator":
        """The tokenizer and decoding settings of checkpoint ``path`` (already loaded as
        ``payload``), without the model: for a process that only turns text into ids and
        back while others decode (``nmt serve``'s HTTP process), so it does not hold a
        copy of the weights it never uses."""
        cfg = config_of(payload, path)
        overrides = {k: v for k, v in decode_overrides.items() if v is not None}
        _check_shortlist(path, overrides, payload.get("shortlist") is not None)
        return cls(None, tokenizer_of(payload), replace(cfg.decode, **overrides), cfg)

    def encode(self, lines: list[str], first_line: int = 1, warn: Warn = _stderr_warn) -> list[list[int]]:
        """Source ids, cut to ``decode.max_src_len`` with one warning per cut line."""
        limit = self.decode.max_src_len
        out = []
        for i, ids in enumerate(self.tokenizer.encode_src(lines)):
            if len(ids) > limit:
                warn(f"line {first_line + i}: {len(ids) - 1} source pieces, truncated to {limit - 1} "
                     "(decode.max_src_len)")
                ids = ids[: limit - 1] + [EOS_ID]
            out.append(ids)
        return out

    def translate_ids(self, src: list[list[int]], n_best: int = 1, attention: bool = False,
                      ) -> list[list[Hypothesis]]:
        """Decode id sequences sorted by length in batches; results in input order."""
        results: list[list[Hypothesis]] = [[] for _ in src]
        d = self.decode
        for idx in batch_indices([len(s) for s in src], batch_sentences=d.batch_size):
            ids, lens = make_src_batch([src[i] for i in idx])
            ids, lens = ids.to(self.device), lens.to(self.device)
            vocab = self.sentence_vocab(ids, lens)
            if self.sampling is not None:
                hyps = sample(self.model, ids, lens, n_best, self.sampling, d.max_len_a, d.max_len_b,
                              d.length_penalty, vocab, attention)
            else:
                hyps = search(self.model, ids, lens, d.beam_size, d.max_len_a, d.max_len_b, d.length_penalty,
                              n_best, vocab, attention)
            for i, h in zip(idx, hyps):
                results[i] = h
        return results

    def sentence_vocab(self, ids: torch.Tensor, lens: torch.Tensor) -> SentenceVocab | None:
        """Each source sentence's output pieces under ``decode.shortlist`` (None: all of them)."""
        d = self.decode
        if not d.shortlist or self.shortlist is None:
            return None
        if self.more_shortlists:
            return union_vocab((self.shortlist, *self.more_shortlists), ids, lens, d.shortlist_frequent,
                               d.shortlist_per_source)
        return self.shortlist.sentence_vocab(ids, lens, d.shortlist_frequent, d.shortlist_per_source)

    def beam_pool(self, beam_size: int | None = None) -> BeamPool:
        """A :class:`~nmt.pool.BeamPool` with these decoding settings (continuous batching: the
        server's decoding processes). Single models only: an ensemble's state has no pool layout."""
        if isinstance(self.model, Ensemble):
            raise NmtError("continuous batching decodes single models, not ensembles")
        d = self.decode
        return BeamPool(self.model, beam_size or d.beam_size, d.max_len_a, d.max_len_b, d.length_penalty,
                        self.sentence_vocab, self.device)

    def translate(self, lines: list[str], n_best: int = 1, first_line: int = 1,
                  warn: Warn = _stderr_warn, attention: list | None = None) -> list[list[tuple[str, float]]]:
        """(text, score) hypotheses per line, best first; blank lines give ``[("", 0.0)]``.

        ``attention``: a list that gets, per line, the best hypothesis's
        :class:`~nmt.plot.Alignment` (None for blank lines).
        """
        todo = [i for i, line in enumerate(lines) if line.strip()]
        out: list[list[tuple[str, float]]] = [[("", 0.0)] for _ in lines]
        if attention is not None:
            attention[:] = [None] * len(lines)
        if not todo:
            return out
        src = self.encode([lines[i] for i in todo], first_line, warn)
        # Line numbers in warnings must be those of the input, not of the non-blank subset.
        for i, ids, hyps in zip(todo, src, self.translate_ids(src, n_best, attention is not None)):
            texts = self.tokenizer.decode_tgt([h.tokens for h in hyps])
            out[i] = [(_one_line(t), h.score) for t, h in zip(texts, hyps)]
            if attention is not None:
                attention[i] = self.alignment(ids, hyps[0])
        return out

    def alignment(self, src_ids: list[int], hyp: Hypothesis) -> "Alignment":
        """Source and target pieces (as strings, EOS shown as ``</s>``) with ``hyp``'s attention."""
        from nmt.plot import Alignment

        src = self.tokenizer.src_pieces(src_ids)
        tgt = self.tokenizer.tgt_pieces(hyp.tokens + [EOS_ID])
        weights = hyp.attention or []
        return Alignment(src[: len(weights[0]) if weights else len(src)], tgt[: len(weights)], weights)


def _one_line(text: str) -> str:
    """Never let a newline inside a translation shift the lines after it."""
    return " ".join(text.splitlines()).replace("\r", " ") if ("\n" in text or "\r" in text) else text


def read_lines(stream: BinaryIO, warn: Warn = _stderr_warn) -> Iterator[str]:
    """Decode a byte stream line by line: ``\\n`` or ``\\r\\n`` ends a line, a last
    line without newline counts, invalid UTF-8 is replaced (U+FFFD) with a warning."""
    for number, raw in enumerate(stream, start=1):
        if raw.endswith(b"\n"):
            raw = raw[:-1]
            if raw.endswith(b"\r"):
                raw = raw[:-1]
        try:
            yield raw.decode("utf-8")
        except UnicodeDecodeError:
            warn(f"line {number}: invalid UTF-8, undecodable bytes replaced by U+FFFD")
            yield raw.decode("utf-8", errors="replace")


def chunked(lines: Iterable[str], size: int) -> Iterator[list[str]]:
    chunk: list[str] = []
    for line in lines:
        chunk.append(line)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def translate_stream(translator: Translator, stream: BinaryIO, out: TextIO, n_best: int = 1,
                     chunk_lines: int = 0, warn: Warn = _stderr_warn,
                     on_attention: Callable[[int, "Alignment"], None] | None = None) -> int:
    """Translate ``stream`` to ``out``, one line per input line (n_best lines each when
    n_best > 1, as ``LINE_NO<TAB>SCORE<TAB>TEXT``). Returns the number of input lines.
    ``on_attention(line_no, alignment)`` is called for each non-blank line when given."""
    size = chunk_lines or max(256, translator.decode.batch_size * 16)
    done = 0
    with torch.inference_mode():
        for chunk in chunked(read_lines(stream, warn), size):
            aligned: list | None = [] if on_attention is not None else None
            results = translator.translate(chunk, n_best, first_line=done + 1, warn=warn, attention=aligned)
            if on_attention is not None and aligned is not None:
                for i, a in enumerate(aligned):
                    if a is not None:
                        on_attention(done + i + 1, a)
            if n_best > 1:
                text = "".join(f"{done + i + 1}\t{score:.4f}\t{hyp}\n"
                               for i, hyps in enumerate(results) for hyp, score in hyps)
            else:
                text = "".join(f"{hyps[0][0]}\n" for hyps in results)
            out.write(text)
            out.flush()
            done += len(chunk)
    return done
