"""``nmt translate --engine onnxruntime -m DIR``: our search over graphs that onnxruntime runs.

:class:`OnnxModel` has the part of the model interface that search uses
(``encode``, ``decode_logits``, ``output_vocab``), so greedy, beam search,
sampling and the shortlist are the same code as with PyTorch; only the
network runs in onnxruntime (the tensors between steps stay torch tensors,
shared with numpy without copies). Needs ``pip install "nmt-rnn[onnx]"``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
import torch

from nmt.config import Config, DecodeConfig, config_from_dict
from nmt.errors import NmtError
from nmt.export import FORMAT, VERSION, sha256_file
from nmt.model import DecoderState, EncoderOutput
from nmt.model.seq2seq import OutputVocab
from nmt.shortlist import Shortlist
from nmt.tokenizer import Tokenizer


def _np(t: torch.Tensor) -> np.ndarray:
    return t.detach().contiguous().numpy()


class OnnxModel:
    def __init__(self, encoder: Any, decoder: Any, states: list[str], output_matrix: np.ndarray) -> None:
        self.encoder, self.decoder, self.states = encoder, decoder, states
        self._output = torch.from_numpy(output_matrix)
        # decoder.onnx takes the output rows transposed, (G, out, n); the whole vocabulary once.
        self._full = OutputVocab(self._output.t().contiguous().unsqueeze(0), torch.zeros(1, 1, self._output.size(0)))

    def eval(self) -> "OnnxModel":
        return self

    def to(self, _: Any) -> "OnnxModel":
        return self

    def encode(self, src: torch.Tensor, src_len: torch.Tensor) -> tuple[EncoderOutput, DecoderState]:
        outs = [torch.from_numpy(x) for x in self.encoder.run(None, {"src": _np(src), "src_len": _np(src_len)})]
        values, proj_keys, mask, *hidden, prev_att = outs
        return EncoderOutput(values, proj_keys, mask), DecoderState(self._hidden(hidden), prev_att)

    def _hidden(self, parts: list[torch.Tensor]) -> Any:
        return (parts[0], parts[1]) if len(self.states) == 2 else parts[0]

    def output_matrix(self) -> torch.Tensor:
        return self._output

    def output_vocab(self, ids: torch.Tensor, real: torch.Tensor) -> OutputVocab:
        """Each sentence's shortlist rows, transposed to (G, out, n) as decoder.onnx takes them."""
        weight = self._output.index_select(0, ids.reshape(-1)).view(*ids.shape, -1)
        bias = torch.zeros(ids.shape, dtype=weight.dtype).masked_fill_(~real, float("-inf"))
        return OutputVocab(weight.transpose(1, 2).contiguous(), bias.unsqueeze(1))

    def decode_logits(self, prev_tokens: torch.Tensor, state: DecoderState, enc: EncoderOutput,
                      rows: torch.Tensor | None = None, vocab: OutputVocab | None = None,
                      ) -> tuple[torch.Tensor, DecoderState, torch.Tensor]:
        vocab = vocab if vocab is not None else self._full
        hidden = list(state.hidden) if isinstance(state.hidden, tuple) else [state.hidden]
        feed = {"prev": _np(prev_tokens), **{n: _np(h) for n, h in zip(self.states, hidden)},
                "prev_att": _np(state.prev_att), "values": _np(enc.values), "proj_keys": _np(enc.proj_keys),
                "mask": _np(enc.mask), "out_weight_t": _np(vocab.weight), "out_bias": _np(vocab.bias)}
        logits, *new, att, weights = [torch.from_numpy(x) for x in self.decoder.run(None, feed)]
        if rows is not None:
            logits = logits.index_select(0, rows)
        return logits, DecoderState(self._hidden(new), att), weights


@dataclass
class OnnxExport:
    """What a folder written by ``nmt export --format onnx`` holds, loaded and checked."""

    model: OnnxModel
    tokenizer: Tokenizer
    config: Config
    shortlist: Shortlist | None


def load_onnx(folder: Path, threads: int = 0, overrides: dict[str, Any] | None = None,
              ) -> tuple[OnnxExport, DecodeConfig]:
    """The export in ``folder`` and its decoding settings with ``overrides`` (``Translator.load``'s
    options as DecodeConfig fields; ``int8`` picks the int8 graphs). Every file is checked
    against the SHA-256 in the manifest. ``Translator.load(folder, engine="onnxruntime")`` wraps it."""
    overrides = dict(overrides or {})
    int8 = bool(overrides.pop("int8", False))
    export = _load(Path(folder), int8, threads)
    decode = replace(export.config.decode, **overrides, int8=int8)
    if decode.shortlist and export.shortlist is None and overrides.get("shortlist"):
        raise NmtError(f"{folder}: --shortlist, but this export holds no shortlist table", exit_code=2)
    return export, decode


def _load(folder: Path, int8: bool, threads: int) -> OnnxExport:
    try:
        import onnxruntime as ort
    except ImportError:
        raise NmtError('--engine onnxruntime needs onnxruntime: pip install "nmt-rnn[onnx]"', exit_code=2) from None
    folder = Path(folder)
    if not folder.is_dir():
        raise NmtError(f"{folder}: not a folder written by nmt export --format onnx", exit_code=2)
    try:
        manifest = json.loads((folder / "manifest.json").read_text())
    except (OSError, ValueError) as exc:
        raise NmtError(f"{folder / 'manifest.json'}: missing or unreadable ({exc.__class__.__name__})") from None
    if manifest.get("format") != FORMAT or manifest.get("version") != VERSION:
        raise NmtError(f"{folder / 'manifest.json'}: not an {FORMAT} version {VERSION} manifest")
    names = ["encoder.int8.onnx", "decoder.int8.onnx"] if int8 else ["encoder.onnx", "decoder.onnx"]
    files = manifest.get("files", {})
    for name in names + ["src.spm", "tgt.spm", "output.npy"]:
        path = folder / name
        if name not in files:
            hint = " (export with --int8)" if "int8" in name else ""
            raise NmtError(f"{path}: not in this export{hint}", exit_code=2)
        if not path.is_file():
            raise NmtError(f"{path}: missing")
        if sha256_file(path) != files[name]:
            raise NmtError(f"{path}: corrupted (its SHA-256 differs from manifest.json)")
    options = ort.SessionOptions()
    if threads:
        options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    try:
        enc, dec = (ort.InferenceSession(str(folder / n), options, providers=["CPUExecutionProvider"]) for n in names)
    except Exception as exc:  # onnxruntime raises its own exception types
        raise NmtError(f"{folder}: onnxruntime cannot load the graphs ({str(exc).splitlines()[0][:160]})") from None
    cfg = config_from_dict(manifest["config"], f"{folder / 'manifest.json'} (config)")
    tok = Tokenizer((folder / "src.spm").read_bytes(), (folder / "tgt.spm").read_bytes())
    shortlist = None
    if (folder / "shortlist.npz").is_file():
        data = np.load(folder / "shortlist.npz")
        shortlist = Shortlist(torch.from_numpy(data["frequent"]).long(), torch.from_numpy(data["table"]).long(),
                              bool(data["joint"]))
    model = OnnxModel(enc, dec, manifest["states"], np.load(folder / "output.npy"))
    return OnnxExport(model, tok, cfg, shortlist)
