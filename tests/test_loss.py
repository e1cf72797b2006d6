"""The hand-written label-smoothed cross-entropy and the CPU dropout, against torch's own."""

import pytest
import torch
import torch.nn.functional as F

from nmt.model.dropout import Dropout, dropout
from nmt.training.loss import label_smoothed_ce


@pytest.mark.parametrize("eps", [0.0, 0.1, 0.3])
def test_label_smoothed_ce_matches_torch_value_and_gradient(eps):
    torch.manual_seed(0)
    logits = (torch.randn(37, 50) * 3).requires_grad_()
    target = torch.randint(0, 50, (37,))
    want = F.cross_entropy(logits, target, label_smoothing=eps, reduction="sum")
    (want_grad,) = torch.autograd.grad(want * 0.7, logits)
    got = label_smoothed_ce(logits, target, eps)
    (got_grad,) = torch.autograd.grad(got * 0.7, logits)
    assert torch.allclose(got, want, rtol=1e-5)
    assert torch.allclose(got_grad, want_grad, atol=1e-6)


def test_label_smoothed_ce_keeps_the_logits_dtype_and_rejects_bad_shapes():
    logits = torch.randn(4, 9, dtype=torch.bfloat16, requires_grad=True)
    loss = label_smoothed_ce(logits, torch.tensor([1, 2, 3, 4]), 0.1)
    assert loss.dtype == torch.float32
    loss.backward()
    assert logits.grad.dtype == torch.bfloat16
    with pytest.raises(ValueError, match="want"):
        label_smoothed_ce(torch.randn(2, 3, 4), torch.zeros(2, 3, dtype=torch.long))


def test_dropout_is_inverted_dropout_with_rate_p():
    torch.manual_seed(0)
    x = torch.ones(200, 500, requires_grad=True)
    y = dropout(x, 0.3, training=True)
    zero = (y == 0).float().mean().item()
    assert abs(zero - 0.3) < 0.01  # 100k draws: std of the rate ~0.0015
    assert torch.allclose(y[y != 0], torch.full_like(y[y != 0], 1 / 0.7))
    y.sum().backward()
    assert torch.equal(x.grad, y.detach())  # gradient = the scaled mask
    assert abs(y.mean().item() - 1.0) < 0.02  # expectation preserved


def test_dropout_module_is_identity_in_eval_and_when_p_is_zero():
    x = torch.randn(3, 4)
    m = Dropout(0.5)
    m.eval()
    assert m(x) is x
    assert dropout(x, 0.0, training=True) is x
    m.train()
    assert not torch.equal(m(torch.ones(1000)), torch.ones(1000))
