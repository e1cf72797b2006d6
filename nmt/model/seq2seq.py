"""The encoder-decoder: embeddings, encoder, bridge, decoder, output projection.

``encode()`` runs once per batch; ``decode_step()`` advances every sentence
(or every beam hypothesis) by one token and is the only way the decoder is
run, by training (teacher forcing in :meth:`forward`), greedy and beam search.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import torch
import torch.nn.functional as F
from torch import nn

from nmt.config import ModelConfig
from nmt.model.attention import Spans, length_spans
from nmt.model.decoder import Decoder
from nmt.model.dropout import Dropout
from nmt.model.encoder import Encoder
from nmt.model.packed import linear
from nmt.model.rnn import Hidden, map_hidden
from nmt.model.teacher_forcing import supported, teacher_forced


@dataclass
class EncoderOutput:
    """What every decoder step attends over; batch-major so beams can index it.

    values: (B, S, 2*enc_hidden); proj_keys: (B, S, attn_size); mask: (B, S) bool.
    """

    values: torch.Tensor
    proj_keys: torch.Tensor
    mask: torch.Tensor
    # Each row's source length, kept on the host for CPU inference: attention then skips the
    # padding of rows shorter than the batch's longest (nmt.model.attention.length_spans).
    lengths: list[int] | None = None
    spans: Spans | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        if self.lengths:
            self.spans = length_spans(self.lengths, self.mask.size(1))

    def index_select(self, index: torch.Tensor) -> "EncoderOutput":
        """Rows ``index`` of the batch, e.g. each sentence repeated beam_size times."""
        lengths = None if self.lengths is None else [self.lengths[i] for i in index.tolist()]
        return EncoderOutput(self.values.index_select(0, index),
                             self.proj_keys.index_select(0, index),
                             self.mask.index_select(0, index), lengths)

    def head(self, n: int) -> "EncoderOutput":
        """The first ``n`` rows, as views (training drops sentences that have ended)."""
        return EncoderOutput(self.values[:n], self.proj_keys[:n], self.mask[:n],
                             None if self.lengths is None else self.lengths[:n])


@dataclass
class OutputVocab:
    """Per-group output matrices for a restricted vocabulary (a lexical shortlist).

    The rows being decoded form ``G`` equal groups (the K beams of each of G
    sentences, or one row per sentence in greedy search); group g is scored
    over its own ``n`` target pieces. weight: (G, n, out) rows of the output
    projection; bias: (G, 1, n), 0 for real pieces and -inf for columns that
    only pad a group to the common width.
    """

    weight: torch.Tensor
    bias: torch.Tensor

    def project(self, att: torch.Tensor) -> torch.Tensor:
        """(G * r, out) attentional vectors → (G * r, n) logits, one matrix per group."""
        G = self.weight.size(0)
        logits = torch.baddbmm(self.bias, att.view(G, -1, att.size(-1)), self.weight.transpose(1, 2))
        return logits.view(att.size(0), -1)

    def index_select(self, index: torch.Tensor) -> "OutputVocab":
        """Groups ``index`` (sentences that are still being decoded)."""
        return OutputVocab(self.weight.index_select(0, index), self.bias.index_select(0, index))


@dataclass
class DecoderState:
    """Recurrent state between steps: RNN hidden (layers, B, H) and a_{t-1} (B, out)."""

    hidden: Hidden
    prev_att: torch.Tensor

    def index_select(self, index: torch.Tensor) -> "DecoderState":
        """Reorder/copy rows (the beam search keeps the survivors' states)."""
        return DecoderState(map_hidden(lambda h: h.index_select(1, index), self.hidden),
                            self.prev_att.index_select(0, index))

    def head(self, n: int) -> "DecoderState":
        """The first ``n`` rows (views; ``contiguous`` only copies with several layers)."""
        return DecoderState(map_hidden(lambda h: h[:, :n].contiguous(), self.hidden), self.prev_att[:n])


class Seq2Seq(nn.Module):
    # The attention serves G query rows per encoder row (the beams of a sentence), so a beam
    # search keeps one copy of the encoder states per sentence (nmt.decoding.search.beam_search).
    attends_grouped = True
    # Training on the CPU takes each decoder weight's gradient in one product per batch
    # (nmt.model.teacher_forcing); tests set it False to compare with the step-by-step loop.
    defer_weight_grads = True

    def __init__(self, cfg: ModelConfig, src_vocab: int, tgt_vocab: int, pad_id: int = 0,
                 unk_id: int = 1) -> None:
        super().__init__()
        self.cfg = cfg
        self.pad_id, self.unk_id = pad_id, unk_id
        self.src_vocab, self.tgt_vocab = src_vocab, tgt_vocab
        out_size = cfg.emb_size if cfg.tie_output else cfg.dec_hidden
        attn = cfg.attn_size or cfg.dec_hidden
        self.src_embed = nn.Embedding(src_vocab, cfg.emb_size, padding_idx=pad_id)
        if cfg.share_embeddings:
            if src_vocab != tgt_vocab:
                raise ValueError("share_embeddings needs equal source and target vocabularies")
            self.tgt_embed = self.src_embed
        else:
            self.tgt_embed = nn.Embedding(tgt_vocab, cfg.emb_size, padding_idx=pad_id)
        self.emb_dropout = Dropout(cfg.dropout)
        self.encoder = Encoder(cfg.cell, cfg.emb_size, cfg.enc_hidden, cfg.enc_layers, cfg.dropout)
        # The bridge maps the encoder summary to the decoder's initial state
        # (Bahdanau et al., Section A.2.2: s_0 = tanh(W_s h_1^backward)).
        self.bridge = nn.Linear(self.encoder.output_size, cfg.dec_hidden * cfg.dec_layers)
        self.decoder = Decoder(cfg.cell, cfg.emb_size, self.encoder.output_size, cfg.dec_hidden,
                               cfg.dec_layers, attn, out_size, cfg.dropout, cfg.input_feeding)
        self.output = nn.Linear(out_size, tgt_vocab, bias=False)
        if cfg.tie_output:
            self.output.weight = self.tgt_embed.weight
        self._init_weights()

    def _init_weights(self) -> None:
        """Small uniform init for recurrences, Xavier for projections, N(0, emb^-1/2) embeddings."""
        for name, p in self.named_parameters():
            if "embed" in name:
                nn.init.normal_(p, 0.0, self.cfg.emb_size ** -0.5)
            elif "rnn" in name and "weight_hh" in name:
                for chunk in p.data.chunk(p.shape[0] // p.shape[1]):
                    nn.init.orthogonal_(chunk)
            elif p.dim() > 1:
                nn.init.xavier_uniform_(p)
            else:
                nn.init.zeros_(p)
        with torch.no_grad():
            self.src_embed.weight[self.pad_id].zero_()
            self.tgt_embed.weight[self.pad_id].zero_()

    # ------------------------------------------------------------------ inference API

    def encode(self, src: torch.Tensor, src_len: torch.Tensor) -> tuple[EncoderOutput, DecoderState]:
        """Encode (B, S) ids of true lengths (B,) → attention memory and initial state."""
        B = src.size(0)
        mask = src != self.pad_id  # B x S
        values, final = self.encoder(self.emb_dropout(self.src_embed(src)), src_len)
        if torch.is_autocast_enabled(values.device.type):
            # Every decoder step reads the values in a bf16 product (the context); a recurrence
            # that returns float32 (the CPU's) would have them cast at each step.
            values = values.to(torch.get_autocast_dtype(values.device.type))
        proj_keys = self.decoder.attention.project_keys(values)  # B x S x A
        h0 = torch.tanh(self.bridge(final))  # B x (layers*H)
        h0 = h0.view(B, self.cfg.dec_layers, self.cfg.dec_hidden).transpose(0, 1).contiguous()
        hidden: Hidden = (h0, torch.zeros_like(h0)) if self.cfg.cell == "lstm" else h0
        prev_att = values.new_zeros(B, self.decoder.out_size)
        # Host-side lengths only where they pay: CPU inference (a GPU would get more kernel launches).
        lengths = src_len.tolist() if values.device.type == "cpu" and not torch.is_grad_enabled() else None
        return EncoderOutput(values, proj_keys, mask, lengths), DecoderState(hidden, prev_att)

    def _step(self, emb: torch.Tensor, state: DecoderState, enc: EncoderOutput
              ) -> tuple[torch.Tensor, DecoderState, torch.Tensor]:
        """One decoder step from the embedded previous tokens (B, E)."""
        att, hidden, weights = self.decoder.step(emb, state.prev_att, state.hidden,
                                                 enc.proj_keys, enc.values, enc.mask, enc.spans)
        return att, DecoderState(hidden, att), weights

    def decode_logits(self, prev_tokens: torch.Tensor, state: DecoderState, enc: EncoderOutput,
                      rows: torch.Tensor | None = None, vocab: OutputVocab | None = None,
                      ) -> tuple[torch.Tensor, DecoderState, torch.Tensor]:
        """Advance each row by one token; unnormalised scores over the vocabulary.

        Search uses this rather than :meth:`decode_step`: it normalises the
        scores itself (:func:`nmt.decoding.search.step_candidates`), and ``rows`` limits
        the output projection, the largest matrix product of a step, to the
        rows whose scores will be read: beam search passes its unfinished
        hypotheses (finished ones can only add PAD).

        :param prev_tokens: (B,) ids of y_{t-1}
        :param rows: (R,) row indices to score, or None for all B
        :param vocab: score only each group's own target pieces (a lexical
            shortlist, :class:`OutputVocab`) instead of the whole vocabulary
        :return: logits (B or R, tgt_vocab or vocab width), new state (all B rows), attention (B, S)
        """
        emb = self.emb_dropout(self.tgt_embed(prev_tokens))  # B x E
        att, state, weights = self._step(emb, state, enc)
        if vocab is not None:
            logits = vocab.project(att)
            return (logits if rows is None else logits.index_select(0, rows)), state, weights
        if rows is not None:
            att = att.index_select(0, rows)
        return linear(self.output)(att), state, weights

    def output_vocab(self, ids: torch.Tensor, real: torch.Tensor) -> OutputVocab:
        """The output matrices of each sentence's shortlist ``ids`` (B, n); columns where
        ``real`` is False only pad a row to width n and get -inf (gathered once per batch)."""
        weight = self.output_matrix().index_select(0, ids.reshape(-1)).view(*ids.shape, -1)
        bias = torch.zeros(ids.shape, dtype=weight.dtype, device=weight.device)
        return OutputVocab(weight, bias.masked_fill_(~real, float("-inf")).unsqueeze(1))

    def output_matrix(self) -> torch.Tensor:
        """The (tgt_vocab, out) output projection as a float tensor, also when int8."""
        weight = self.output.weight
        return weight().dequantize() if callable(weight) else weight

    def decode_step(self, prev_tokens: torch.Tensor, state: DecoderState, enc: EncoderOutput
                    ) -> tuple[torch.Tensor, DecoderState, torch.Tensor]:
        """As :meth:`decode_logits`, with log-probabilities (B, tgt_vocab)."""
        logits, state, weights = self.decode_logits(prev_tokens, state, enc)
        return F.log_softmax(logits, dim=-1), state, weights

    # ------------------------------------------------------------------ training

    def compile_step(self) -> None:
        """``train.compile``: the decoder step (recurrence, attention, readout; run once per
        target position) under ``torch.compile(dynamic=True)``, which fuses its small
        element-wise ops. An instance attribute, so weights and checkpoints are unchanged."""
        self.decoder.step = torch.compile(self.decoder.step, dynamic=True)

    def forward(self, src: torch.Tensor, src_len: torch.Tensor, tgt_in: torch.Tensor) -> torch.Tensor:
        """Teacher-forced logits (B, T, tgt_vocab) for target inputs (B, T) = BOS + y.

        Positions past a target's end (PAD in ``tgt_in``) are not computed and
        hold zeros; training uses :meth:`packed_logits` directly.
        """
        B, T = tgt_in.shape
        logits, index = self.packed_logits(src, src_len, tgt_in, (tgt_in != self.pad_id).sum(1))
        out = logits.new_zeros(B * T, logits.size(-1))
        out[index] = logits
        return out.view(B, T, -1)

    def packed_logits(self, src: torch.Tensor, src_len: torch.Tensor, tgt_in: torch.Tensor,
                      tgt_len: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """Teacher-forced logits of the real target positions only.

        The batch is sorted by target length, longest first, and at step t only
        the sentences whose target is longer than t are stepped (the decoder's
        analogue of a packed sequence): with length-bucketed batches 9% of the
        (B, T) positions of the default config are padding, which costs decoder
        steps, output projection and loss if computed. The steps share
        :meth:`_step` with decoding. What does not depend on the recurrence is
        done once for all steps: the embedding lookup and its dropout
        (per-step lookups cost T dense embedding gradients of vocab x emb_size
        each, ~10% of a step in the profile) and the output projection (one
        large matmul instead of T).

        :param tgt_len: (B,) lengths of ``tgt_in`` without padding (1 + len(y))
        :return: logits (N, tgt_vocab) for the N = tgt_len.sum() real positions,
                 time-major; index (N,) their flat positions in (B, T), so that
                 ``tgt_out.view(-1)[index]`` are their targets
        """
        B, T = tgt_in.shape
        order = torch.argsort(tgt_len, descending=True, stable=True)
        src, src_len, tgt_in, tgt_len = (x.index_select(0, order) for x in (src, src_len, tgt_in, tgt_len))
        enc, state = self.encode(src, src_len)
        if self.training and self.cfg.word_dropout > 0:
            drop = torch.rand(tgt_in.shape, device=tgt_in.device) < self.cfg.word_dropout
            drop[:, 0] = False  # keep BOS
            tgt_in = tgt_in.masked_fill(drop & (tgt_in != self.pad_id), self.unk_id)
        embs = self.emb_dropout(self.tgt_embed(tgt_in))  # B x T x E
        if torch.is_autocast_enabled(embs.device.type):
            # Autocast leaves embedding lookups in float32, and every step would then cast
            # its slice twice (the recurrence and the readout concatenate it with bf16
            # activations): one cast here instead of 2 x T small ones, each a kernel launch.
            embs = embs.to(torch.get_autocast_dtype(embs.device.type))
        steps = torch.arange(T, device=tgt_in.device)
        real = steps.unsqueeze(0) < tgt_len.unsqueeze(1)  # B x T, a prefix of each row
        active = real.sum(0).tolist()  # sentences still going at each step, non-increasing
        if self._defer_weight_grads(embs):
            atts = teacher_forced(self.decoder, embs, active, state.hidden, state.prev_att, enc.proj_keys,
                                  enc.values, enc.mask)
        else:
            atts, rows = [], B
            # unbind, not embs[:, t]: the backward of T slices is T zero-filled B x T x E
            # tensors summed up (aten::fill_ + add, ~10% of a step); unbind's is one stack.
            for emb, n in zip(embs.unbind(1), active):
                if n == 0:  # only if tgt_len leaves trailing all-padding columns
                    break
                if n < rows:  # sentences are sorted, so the ended ones are the last rows
                    enc, state, rows = enc.head(n), state.head(n), n
                att, state, _ = self._step(emb[:n], state, enc)
                atts.append(att)
        flat = order.unsqueeze(1) * T + steps.unsqueeze(0)  # B x T positions in the caller's order
        return self.output(torch.cat(atts)), flat.t()[real.t()]

    def _defer_weight_grads(self, embs: torch.Tensor) -> bool:
        """Whether training's loop is :func:`nmt.model.teacher_forcing.teacher_forced` (CPU, with
        gradients, a cell it has, no compiled step): else the step-by-step loop."""
        return (self.defer_weight_grads and torch.is_grad_enabled() and embs.device.type == "cpu"
                and supported(self.decoder.rnn) and "step" not in self.decoder.__dict__)


def build_model(cfg: ModelConfig, src_vocab: int, tgt_vocab: int) -> Seq2Seq:
    return Seq2Seq(cfg, src_vocab, tgt_vocab)


def count_parameters(model: nn.Module) -> int:
    """Distinct trainable parameters (tied weights counted once)."""
    return sum(p.numel() for p in {id(p): p for p in model.parameters() if p.requires_grad}.values())
