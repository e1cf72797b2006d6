"""``nmt export``: a checkpoint as a model folder to share (``--format hub``) or as ONNX graphs.

``--format hub`` (:func:`export_folder`) writes the folder :mod:`nmt.folder` describes,
with the model card of :mod:`nmt.card`. ``--format onnx`` (:func:`export_onnx`) writes
the encoder and one decoder step as ONNX graphs. What goes into that folder:

* ``encoder.onnx``: (src (B, S) int64, src_len (B,) int64) → values, proj_keys,
  mask, the decoder's initial hidden state (and cell, for LSTM) and a_0;
* ``decoder.onnx``: one step for R rows: (prev ids, hidden [, cell], prev_att,
  values, proj_keys, mask, out_weight_t (G, out, n), out_bias (G, 1, n)) →
  logits (R, n), new hidden [, cell], a_t, attention weights. The output
  matrix is an *input*: the whole vocabulary (G = 1) or each sentence's
  shortlist rows (one group per sentence), so one graph serves both;
* ``output.npy``, the output matrix the decoder is given rows of;
* ``src.spm`` / ``tgt.spm``, ``shortlist.npz`` (when the checkpoint has one),
  and ``manifest.json``: config, file names with SHA-256, opset, versions;
* with ``--int8``: ``encoder.int8.onnx`` and ``decoder.int8.onnx`` quantized by
  onnxruntime's dynamic quantization.

Why the encoder is rewritten for export: the training encoder packs padded
sequences, which the TorchScript-based exporter bakes into the graph for the
traced batch (wrong outputs for any other). :class:`ExportEncoder` computes the
same function with plain one-direction RNNs sharing the weights: the forward
direction runs over the padded batch (padding only follows the real tokens),
the backward one over each sentence reversed within its own length. Both map
to ONNX's GRU/LSTM/RNN operators with dynamic batch and length.
"""

from __future__ import annotations

import hashlib
import json
import warnings
from pathlib import Path
from typing import Any

import numpy as np
import torch
from torch import nn

from nmt.card import model_card
from nmt.checkpoint import load_checkpoint
from nmt.folder import write_folder
from nmt.info import describe
from nmt.model import DecoderState, EncoderOutput, Seq2Seq
from nmt.version import __version__

FORMAT = "nmt-onnx"
VERSION = 1
OPSET = 17


def reverse_by_length(x: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
    """Reverse each row's first ``lengths[b]`` positions along dim 1, leave the padding in place."""
    S = x.size(1)
    pos = torch.arange(S, device=x.device).unsqueeze(0)  # 1 x S
    ln = lengths.unsqueeze(1)
    index = torch.where(pos < ln, ln - 1 - pos, pos)  # B x S
    return x.gather(1, index.unsqueeze(2).expand(-1, -1, x.size(2)))


def _direction(rnn: nn.RNNBase, layer: int, reverse: bool, input_size: int) -> nn.RNNBase:
    """A one-layer, one-direction copy of ``rnn``'s layer ``layer`` (shared weights)."""
    cls = type(rnn)
    kwargs = {"nonlinearity": rnn.nonlinearity} if cls is nn.RNN else {}
    one = cls(input_size, rnn.hidden_size, num_layers=1, batch_first=True, **kwargs)
    suffix = f"_l{layer}" + ("_reverse" if reverse else "")
    for name in ("weight_ih", "weight_hh", "bias_ih", "bias_hh"):
        setattr(one, f"{name}_l0", getattr(rnn, name + suffix))
    return one


class ExportEncoder(nn.Module):
    """``Seq2Seq.encode`` without packed sequences (see the module docstring)."""

    def __init__(self, model: Seq2Seq) -> None:
        super().__init__()
        self.model = model
        rnn = model.encoder.rnn
        self.layers = nn.ModuleList()
        size = rnn.input_size
        for layer in range(rnn.num_layers):
            self.layers.append(nn.ModuleList([_direction(rnn, layer, False, size), _direction(rnn, layer, True, size)]))
            size = 2 * rnn.hidden_size

    def forward(self, src: torch.Tensor, src_len: torch.Tensor) -> tuple[torch.Tensor, ...]:
        m = self.model
        B = src.size(0)
        mask = src != m.pad_id
        x = m.src_embed(src)
        for fwd, bwd in self.layers:
            f, _ = fwd(x)
            b_rev, _ = bwd(reverse_by_length(x, src_len))
            x = torch.cat([f, reverse_by_length(b_rev, src_len)], dim=2) * mask.unsqueeze(2).to(x.dtype)
        last = (src_len - 1).view(B, 1, 1).expand(-1, 1, f.size(2))
        final = torch.cat([f.gather(1, last).squeeze(1), b_rev.gather(1, last).squeeze(1)], dim=1)
        values = x
        proj_keys = m.decoder.attention.project_keys(values)
        cfg = m.cfg
        h0 = torch.tanh(m.bridge(final)).view(B, cfg.dec_layers, cfg.dec_hidden).transpose(0, 1).contiguous()
        prev_att = values.new_zeros(B, m.decoder.out_size)
        if cfg.cell == "lstm":
            return values, proj_keys, mask, h0, torch.zeros_like(h0), prev_att
        return values, proj_keys, mask, h0, prev_att


class ExportDecoder(nn.Module):
    """``Seq2Seq.decode_logits`` for one step with the output matrix as an input."""

    def __init__(self, model: Seq2Seq) -> None:
        super().__init__()
        self.model = model
        self.lstm = model.cfg.cell == "lstm"

    def forward(self, prev: torch.Tensor, *args: torch.Tensor) -> tuple[torch.Tensor, ...]:
        if self.lstm:
            h, c, prev_att, values, proj_keys, mask, weight_t, bias = args
            hidden: Any = (h, c)
        else:
            hidden, prev_att, values, proj_keys, mask, weight_t, bias = args
        m = self.model
        att, state, weights = m._step(m.tgt_embed(prev), DecoderState(hidden, prev_att),
                                      EncoderOutput(values, proj_keys, mask))
        # OutputVocab.project with the matrix given transposed, (G, out, n): a transpose inside
        # the graph would copy the whole output matrix at every step.
        G = weight_t.size(0)
        logits = torch.baddbmm(bias, att.view(G, -1, att.size(-1)), weight_t).view(att.size(0), -1)
        new = list(state.hidden) if self.lstm else [state.hidden]
        return (logits, *new, state.prev_att, weights)


def state_names(lstm: bool) -> list[str]:
    return ["hidden", "cell"] if lstm else ["hidden"]


def sha256_file(path: Path) -> str:
    """Hex SHA-256 of a file: the manifest records one per file, and loading checks them."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def export_onnx(model: Seq2Seq, cfg_dict: dict, src_spm: bytes, tgt_spm: bytes, shortlist: Any,
                out: Path, int8: bool = False, source: str = "") -> dict:
    """Write the folder described in the module docstring; returns the manifest."""
    model = model.eval()
    lstm = model.cfg.cell == "lstm"
    states = state_names(lstm)
    out.mkdir(parents=True, exist_ok=True)
    src = torch.tensor([[5, 6, 7, 3], [8, 3, 0, 0]])
    src_len = torch.tensor([4, 2])
    enc_names = ["values", "proj_keys", "mask", *states, "prev_att"]
    row, rs = {0: "rows"}, {0: "rows", 1: "src_len"}
    with warnings.catch_warnings(), torch.no_grad():
        warnings.simplefilter("ignore")  # the exporter's deprecation and shape-inference notices
        torch.onnx.export(ExportEncoder(model), (src, src_len), str(out / "encoder.onnx"), dynamo=False,
                          opset_version=OPSET, input_names=["src", "src_len"], output_names=enc_names,
                          dynamic_axes={"src": rs, "src_len": row, "values": rs, "proj_keys": rs, "mask": rs,
                                        **{s: {1: "rows"} for s in states}, "prev_att": row})
        enc = model.encode(src, src_len)
        hidden = list(enc[1].hidden) if lstm else [enc[1].hidden]
        weight_t = model.output_matrix().t().unsqueeze(0)
        bias = torch.zeros(1, 1, weight_t.size(2))
        dec_in = ["prev", *states, "prev_att", "values", "proj_keys", "mask", "out_weight_t", "out_bias"]
        dec_out = ["logits", *(f"new_{s}" for s in states), "att", "weights"]
        torch.onnx.export(
            ExportDecoder(model),
            (torch.tensor([2, 2]), *hidden, enc[1].prev_att, enc[0].values, enc[0].proj_keys, enc[0].mask,
             weight_t, bias),
            str(out / "decoder.onnx"), dynamo=False, opset_version=OPSET, input_names=dec_in,
            output_names=dec_out,
            dynamic_axes={"prev": row, **{s: {1: "rows"} for s in states}, "prev_att": row, "values": rs,
                          "proj_keys": rs, "mask": rs, "out_weight_t": {0: "groups", 2: "width"},
                          "out_bias": {0: "groups", 2: "width"}, "logits": {0: "rows", 1: "width"},
                          **{f"new_{s}": {1: "rows"} for s in states}, "att": row, "weights": rs})
    (out / "src.spm").write_bytes(src_spm)
    (out / "tgt.spm").write_bytes(tgt_spm)
    # The output matrix is an input of decoder.onnx (whole vocabulary or shortlist rows): kept beside it.
    np.save(out / "output.npy", model.output_matrix().detach().float().numpy())
    files = ["encoder.onnx", "decoder.onnx", "src.spm", "tgt.spm", "output.npy"]
    if shortlist is not None:
        np.savez(out / "shortlist.npz", frequent=shortlist.frequent.numpy(), table=shortlist.table.numpy(),
                 joint=np.array(shortlist.joint))
        files.append("shortlist.npz")
    if int8:
        import logging

        from onnxruntime.quantization import QuantType, quantize_dynamic

        root = logging.getLogger()
        level, root.level = root.level, logging.ERROR  # its "consider pre-processing" notice, twice
        try:
            for name in ("encoder", "decoder"):
                quantize_dynamic(str(out / f"{name}.onnx"), str(out / f"{name}.int8.onnx"),
                                 weight_type=QuantType.QInt8)
                files.append(f"{name}.int8.onnx")
        finally:
            root.level = level
    manifest = {"format": FORMAT, "version": VERSION, "opset": OPSET, "nmt": __version__, "torch": torch.__version__,
                "source": source, "cell": model.cfg.cell, "states": states, "config": cfg_dict,
                "files": {f: sha256_file(out / f) for f in files}}
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
    return manifest


def export_folder(model: Path, out: Path, dtype: str = "float32", scores: dict[str, Any] | None = None,
                  ) -> list[str]:
    """Write checkpoint ``model`` (a ``.pt`` or a model folder) as a model folder in ``out``, its
    weights in ``dtype``, with a model card that quotes ``scores`` (``nmt evaluate --json``)."""
    payload = load_checkpoint(model)
    card = model_card(describe(model, payload), Path(out).name, dtype, scores)
    return write_folder(payload, Path(out), dtype, card)
