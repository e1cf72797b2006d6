"""The Python API's translator: load a model once, translate lists or streams of lines.

``Translator.load(path)`` takes what ``nmt translate -m`` takes (a checkpoint, a list
of them for an ensemble, or with ``engine="onnxruntime"`` a folder written by ``nmt
export``); ``translate`` keeps the command's contract (one output per input, in
order, blank in -> blank out), ``translate_batch`` adds n-best lists and scores, and
``translate_iter`` streams with bounded memory. Decoding options can be given per
translator (``load``) or per call; the model is shared, never copied.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator, Literal, NamedTuple, Sequence, Union

import torch
from torch import nn

from nmt.checkpoint import config_of, load_checkpoint, shortlist_of, tokenizer_of
from nmt.config import Config, DecodeConfig
from nmt.config.directions import source_tag, tag_sources
from nmt.data.batching import batch_indices, make_src_batch
from nmt.decoding.beam_pool import BeamPool
from nmt.decoding.ensemble import Ensemble, check_members
from nmt.decoding.lines import Warn, chunk_size, chunked, log_warning, one_line
from nmt.decoding.sampling import Sampling, sample
from nmt.decoding.search import Hypothesis, search
from nmt.device import resolve_device
from nmt.errors import NmtError
from nmt.model import Seq2Seq, build_model
from nmt.model.packed import pack_for_cpu
from nmt.shortlist import SentenceVocab, Shortlist, union_vocab
from nmt.tokenizer import EOS_ID, Tokenizer

if TYPE_CHECKING:
    from nmt.decoding.plot import Alignment

PathLike = Union[str, Path]
Engine = Literal["torch", "onnxruntime"]

# Decoding options a caller may set per translator or per call -> DecodeConfig fields.
# Besides these, ``tgt_lang`` and ``src_lang`` choose a multilingual model's direction.
OPTIONS = {"beam": "beam_size", "batch_size": "batch_size", "length_penalty": "length_penalty",
           "shortlist": "shortlist", "max_len_a": "max_len_a", "max_len_b": "max_len_b"}


class Scored(NamedTuple):
    """One hypothesis: its detokenized text and its (length-normalized) log-probability."""

    text: str
    score: float


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
    """A model (or an :class:`~nmt.decoding.ensemble.Ensemble`), its tokenizer and decoding settings.

    Build one with :meth:`load`; every ``translate*`` method keeps ``nmt translate``'s
    contract: one result per input line, in input order, ``""`` for a blank line.
    """

    model: Seq2Seq | Ensemble | None  # None: tokenizes only (see text_only)
    tokenizer: Tokenizer
    decode: DecodeConfig
    config: Config | None = None  # the config the (first) model was trained with, when known
    device: torch.device = torch.device("cpu")
    shortlist: Shortlist | None = None  # used when decode.shortlist; None = whole vocabulary
    more_shortlists: tuple[Shortlist, ...] = ()  # the other ensemble members' (their union is used)
    sampling: Sampling | None = None  # sample instead of searching
    sources: tuple[Path, ...] = ()  # the files or folders the model was loaded from
    # A multilingual model's target language (data.directions; None: its only one) and,
    # checked only, the source language (see nmt.config.directions.source_tag).
    tgt_lang: str | None = None
    src_lang: str | None = None

    @classmethod
    def load(cls, path: PathLike | Sequence[PathLike], *, engine: Engine = "torch", device: str = "auto",
             threads: int | None = None, beam: int | None = None, batch_size: int | None = None,
             length_penalty: float | None = None, shortlist: bool | None = None, int8: bool | None = None,
             bf16: bool | None = None, sampling: Sampling | None = None) -> Translator:
        """What ``nmt translate -m PATH [-m PATH ...]`` loads: a checkpoint or model folder, a list
        of them (an ensemble), or with ``engine="onnxruntime"`` an ONNX export. Options not given
        keep the model's ``decode`` section; docs/python.md has them all. A missing, corrupt or
        mismatched model raises a one-line :class:`~nmt.errors.NmtError`."""
        paths = [Path(p) for p in path] if isinstance(path, (list, tuple)) else [Path(path)]  # type: ignore[arg-type]
        if not paths:
            raise NmtError("no model given", exit_code=2)
        overrides = {k: v for k, v in {"beam_size": beam, "batch_size": batch_size, "length_penalty": length_penalty,
                                       "shortlist": shortlist, "int8": int8, "bf16": bf16}.items()
                     if v is not None}
        if threads:
            torch.set_num_threads(threads)
        if engine == "onnxruntime":
            return cls._from_onnx(paths, threads or 0, sampling, overrides)
        if engine != "torch":
            raise NmtError(f"engine {engine!r}: use torch or onnxruntime", exit_code=2)
        for p in paths:
            if p.is_dir() and (p / "manifest.json").is_file():
                raise NmtError(f"{p}: a folder written by nmt export --format onnx; load it with "
                               "--engine onnxruntime (engine='onnxruntime')", exit_code=2)
        return cls._from_checkpoints(paths, device, sampling, overrides)

    @classmethod
    def _from_checkpoints(cls, paths: list[Path], device: str, sampling: Sampling | None,
                          overrides: dict[str, object]) -> Translator:
        where = resolve_device(device, "--device")
        loaded = [load_model(p) for p in paths]
        check_members(paths, [x[2] for x in loaded])
        cfg, _, tok, shortlist = loaded[0]
        decode = replace(cfg.decode, **overrides)
        decode = replace(decode, batch_size=batch_size_for(where, decode.batch_size, "batch_size" in overrides))
        for p, x in zip(paths, loaded):
            _check_shortlist(p, overrides, x[3] is not None)
        models = [x[1] for x in loaded]
        if decode.int8 and decode.bf16:
            raise NmtError("--int8 and --bf16 are two precisions: choose one", exit_code=2)
        if (decode.int8 or decode.bf16) and where.type != "cpu":  # CPU precisions: auto means the CPU
            if device != "auto":
                raise NmtError(f"--{'int8' if decode.int8 else 'bf16'} runs on the CPU only, not --device {device}",
                               exit_code=2)
            where = torch.device("cpu")
        if decode.int8:
            models = [quantize_int8(m) for m in models]
        else:
            for m in models:
                m.to(where)
                if where.type == "cpu" and not pack_for_cpu(m.eval(), torch.bfloat16 if decode.bf16 else torch.float32) \
                        and decode.bf16:
                    raise NmtError("--bf16: this torch build cannot run bf16 products through oneDNN", exit_code=2)
        model = models[0] if len(models) == 1 else Ensemble(models)
        more = tuple(x[3] for x in loaded[1:] if x[3] is not None)
        return cls(model.to(where), tok, decode, cfg, where, shortlist, more, sampling, tuple(paths))

    @classmethod
    def from_pretrained(cls, name: PathLike, **options: object) -> Translator:
        """:meth:`load` a model folder: a path, or a Hub repo id (``user/repo``)."""
        from nmt.folder import fetch

        return cls.load(fetch(name), **options)  # type: ignore[arg-type]

    def save_pretrained(self, folder: PathLike, *, dtype: str = "float32", scores: dict | None = None) -> list[str]:
        """The model this was loaded from as a model folder (``nmt export --format hub``)."""
        from nmt.export import export_folder

        if len(self.sources) != 1 or not self.sources[0].exists():
            raise NmtError("save_pretrained saves one model loaded from a file or folder", exit_code=2)
        return export_folder(self.sources[0], Path(folder), dtype, scores)

    @classmethod
    def _from_onnx(cls, paths: list[Path], threads: int, sampling: Sampling | None,
                   overrides: dict[str, object]) -> Translator:
        from nmt.decoding.onnx_engine import load_onnx

        if len(paths) != 1:
            raise NmtError("--engine onnxruntime takes one -m DIR (no ensembles)", exit_code=2)
        ex, decode = load_onnx(paths[0], threads, overrides)
        return cls(ex.model, ex.tokenizer, decode, ex.config, torch.device("cpu"), ex.shortlist,  # type: ignore[arg-type]
                   sampling=sampling, sources=(paths[0],))

    @classmethod
    def text_only(cls, path: Path, payload: dict, **decode_overrides: object) -> Translator:
        """The tokenizer and decoding settings of checkpoint ``path`` (already loaded as
        ``payload``), without the model: for a process that only turns text into ids and
        back while others decode (``nmt serve``'s HTTP process), so it does not hold a
        copy of the weights it never uses."""
        cfg = config_of(payload, path)
        overrides = {k: v for k, v in decode_overrides.items() if v is not None}
        _check_shortlist(path, overrides, payload.get("shortlist") is not None)
        return cls(None, tokenizer_of(payload), replace(cfg.decode, **overrides), cfg)

    def with_options(self, **options: object) -> Translator:
        """This translator with other decoding options (:data:`OPTIONS`; None keeps one); the same model."""
        changes = {}
        langs = {k: v for k in ("tgt_lang", "src_lang") if (v := options.pop(k, None)) is not None}
        if langs:
            tr = replace(self, **langs)
            tr.source_tag()  # a language the model cannot read or write fails here, once
            return tr.with_options(**options)
        for name, value in options.items():
            if name not in OPTIONS:
                raise NmtError(f"unknown decoding option {name!r} (known: {', '.join(sorted(OPTIONS))})",
                               exit_code=2)
            if value is not None:
                changes[OPTIONS[name]] = value
        if not changes:
            return self
        if changes.get("shortlist") and self.shortlist is None:
            raise NmtError("shortlist=True, but this model holds no shortlist table", exit_code=2)
        for name in ("beam_size", "batch_size"):
            if name in changes and not (isinstance(changes[name], int) and changes[name] >= 1):
                raise NmtError(f"{name} must be an int >= 1, got {changes[name]!r}", exit_code=2)
        return replace(self, decode=replace(self.decode, **changes))

    def source_tag(self) -> str | None:
        """The tag put before each source: a multilingual model's target language (None: none)."""
        if self.config is None:
            return None
        return source_tag(self.config.data, self.tgt_lang, self.src_lang)

    def encode(self, lines: list[str], first_line: int = 1, warn: Warn = log_warning) -> list[list[int]]:
        """Source ids (after the target-language tag, for a multilingual model), cut to
        ``decode.max_src_len`` with one warning per cut line."""
        limit = self.decode.max_src_len
        out = []
        for i, ids in enumerate(self.tokenizer.encode_src(tag_sources(lines, self.source_tag()))):
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
        """A :class:`~nmt.decoding.beam_pool.BeamPool` with these decoding settings (continuous batching: the
        server's decoding processes). Single models only: an ensemble's state has no pool layout."""
        if isinstance(self.model, Ensemble):
            raise NmtError("continuous batching decodes single models, not ensembles")
        d = self.decode
        return BeamPool(self.model, beam_size or d.beam_size, d.max_len_a, d.max_len_b, d.length_penalty,
                        self.sentence_vocab, self.device)

    def translate(self, lines: Sequence[str], **options: object) -> list[str]:
        """The best translation of each line: one string per line, in order, ``""`` for a blank line.

        ``options``: decoding options for this call only (``beam=5``, ``length_penalty=1.0``, ...;
        see :meth:`with_options`).
        """
        return [hyps[0] for hyps in self.translate_batch(lines, **options)]

    def translate_batch(self, lines: Sequence[str], *, n_best: int = 1, return_scores: bool = False,
                        first_line: int = 1, warn: Warn = log_warning, attention: list | None = None,
                        **options: object) -> list[list[str]] | list[list[Scored]]:
        """The ``n_best`` best translations of each line, best first; with ``return_scores``,
        :class:`Scored` ``(text, score)`` pairs. A blank line gives ``[""]``. Warnings (``line N:
        ...``, numbered from ``first_line``) go to ``warn``; ``attention`` gets each line's
        :class:`~nmt.decoding.plot.Alignment`."""
        tr = self.with_options(**options)
        if n_best < 1:
            raise NmtError(f"n_best must be >= 1, got {n_best}", exit_code=2)
        if tr.sampling is None and n_best > tr.decode.beam_size:
            raise NmtError(f"n_best {n_best} needs a beam of at least {n_best} (beam={tr.decode.beam_size})",
                           exit_code=2)
        with torch.inference_mode():
            scored = tr._translate(list(lines), n_best, first_line, warn, attention)
        if return_scores:
            return scored
        return [[s.text for s in hyps] for hyps in scored]

    def translate_iter(self, lines: Iterable[str], *, chunk_lines: int | None = None, **options: object,
                       ) -> Iterator[str]:
        """:meth:`translate` over an iterable of any length, yielding each translation in input order.

        Reads ``chunk_lines`` lines at a time (default: 16 decoding batches), so memory stays
        bounded however long the input; a chunk is translated when it is full or the input ends.
        """
        tr = self.with_options(**options)
        size = chunk_lines or chunk_size(tr.decode.batch_size)
        done = 0
        for chunk in chunked(lines, size):
            yield from tr.translate(chunk, first_line=done + 1)
            done += len(chunk)

    def _translate(self, lines: list[str], n_best: int, first_line: int, warn: Warn,
                   attention: list | None) -> list[list[Scored]]:
        todo = [i for i, line in enumerate(lines) if line.strip()]
        out: list[list[Scored]] = [[Scored("", 0.0)] for _ in lines]
        if attention is not None:
            attention[:] = [None] * len(lines)
        if not todo:
            return out
        src = self.encode([lines[i] for i in todo], first_line, warn)
        # Line numbers in warnings must be those of the input, not of the non-blank subset.
        for i, ids, hyps in zip(todo, src, self.translate_ids(src, n_best, attention is not None)):
            texts = self.tokenizer.decode_tgt([h.tokens for h in hyps])
            out[i] = [Scored(one_line(t), h.score) for t, h in zip(texts, hyps)]
            if attention is not None:
                attention[i] = self.alignment(ids, hyps[0])
        return out

    def alignment(self, src_ids: list[int], hyp: Hypothesis) -> Alignment:
        """Source and target pieces (as strings, EOS shown as ``</s>``) with ``hyp``'s attention."""
        from nmt.decoding.plot import Alignment

        src = self.tokenizer.src_pieces(src_ids)
        tgt = self.tokenizer.tgt_pieces(hyp.tokens + [EOS_ID])
        weights = hyp.attention or []
        return Alignment(src[: len(weights[0]) if weights else len(src)], tgt[: len(weights)], weights)
