"""The training loss: label-smoothed cross-entropy with a hand-written backward, over real target tokens.

The loss is ``-sum_i sum_v q_iv log p_iv`` with ``q = (1 - eps) onehot(y) + eps / V``
(Szegedy et al. 2016), the same value as ``F.cross_entropy(label_smoothing=eps,
reduction="sum")``. Its gradient with respect to the logits is ``p - q``: the saved softmax and
two cheap in-place updates. Autograd through
``F.cross_entropy`` instead runs the log-softmax backward and sums the
gradients of its two branches (NLL and smoothing), which allocates, zero-fills
and adds two more (tokens x vocabulary) tensors: in the training profile of
the default config that was ~100 ms of a ~1100 ms step.

The caller passes only real target positions (no padding), so there is no
``ignore_index``.
"""

from __future__ import annotations

from typing import Callable

import torch

from nmt.data.batching import Batch
from nmt.tokenizer import PAD_ID


class _LabelSmoothedCE(torch.autograd.Function):
    """Forward saves the softmax ``p`` (one fused kernel) rather than the log-softmax, so the
    backward needs no ``exp`` pass over (tokens x vocabulary) (4% of a step in the profile).
    The log-probabilities the loss needs come from the logits and the log-normaliser
    ``lse = z_m - log p_m`` read at each row's largest logit ``m`` (``p_m >= 1/V``, so the
    log is finite): ``log p_y = z_y - lse`` and ``sum_v log p_v = sum_v z_v - V lse``.
    """

    @staticmethod
    def forward(ctx, logits: torch.Tensor, target: torch.Tensor, eps: float) -> torch.Tensor:  # type: ignore[override]
        z = logits.float()
        p = torch.softmax(z, dim=-1)  # N x V
        z_max, arg = z.max(dim=-1)
        lse = z_max - p.gather(1, arg.unsqueeze(1)).squeeze(1).log()  # N
        nll = (lse - z.gather(1, target.unsqueeze(1)).squeeze(1)).sum()
        loss = (1.0 - eps) * nll
        if eps:
            vocab = z.size(1)
            loss = loss + eps * (lse.sum() - z.sum() / vocab)
        ctx.save_for_backward(p, target)
        ctx.eps, ctx.dtype = eps, logits.dtype
        return loss

    @staticmethod
    @torch.autograd.function.once_differentiable
    def backward(ctx, grad_out: torch.Tensor):  # type: ignore[override]
        p, target = ctx.saved_tensors
        eps = ctx.eps
        grad = p  # p - q, in place: the saved softmax is not needed after this single backward
        if eps:
            grad.sub_(eps / p.size(1))
        grad.scatter_add_(1, target.unsqueeze(1), grad.new_full((grad.size(0), 1), -(1.0 - eps)))
        grad.mul_(grad_out)
        return grad.to(ctx.dtype), None, None


def label_smoothed_ce(logits: torch.Tensor, target: torch.Tensor, eps: float = 0.0) -> torch.Tensor:
    """Summed label-smoothed cross-entropy of (N, V) logits against (N,) targets, in float32."""
    if logits.dim() != 2 or target.shape != logits.shape[:1]:
        raise ValueError(f"want (N, V) logits and (N,) targets, got {tuple(logits.shape)} and {tuple(target.shape)}")
    return _LabelSmoothedCE.apply(logits, target, float(eps))


def compute_loss(forward: Callable[..., tuple[torch.Tensor, torch.Tensor]], batch: Batch,
                 label_smoothing: float) -> tuple[torch.Tensor, int]:
    """Label-smoothed cross-entropy summed over the real target tokens, and their count.

    ``forward`` is :meth:`Seq2Seq.packed_logits` or a module that calls it (the
    DistributedDataParallel wrapper of :mod:`nmt.training.distributed`). Padded positions are
    never computed, so the loss needs no ``ignore_index``.
    """
    tgt_len = (batch.tgt_out != PAD_ID).sum(1)
    logits, index = forward(batch.src, batch.src_len, batch.tgt_in, tgt_len)
    loss = label_smoothed_ce(logits, batch.tgt_out.reshape(-1).index_select(0, index), label_smoothing)
    return loss, int(index.numel())
