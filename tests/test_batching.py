"""Token-budget batching: every example once, budget respected, order reproducible."""

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from nmt.data.batching import batch_indices, make_batch
from nmt.tokenizer import BOS_ID, EOS_ID, PAD_ID


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(1, 60), min_size=1, max_size=300), st.integers(60, 600), st.booleans())
def test_every_example_once_and_budget_respected(lengths, budget, shuffle):
    batches = batch_indices(lengths, batch_tokens=budget, shuffle=shuffle, seed=3)
    flat = sorted(i for b in batches for i in b)
    assert flat == list(range(len(lengths)))
    for b in batches:
        assert len(b) == 1 or max(lengths[i] for i in b) * len(b) <= budget


def test_sentence_count_batches():
    batches = batch_indices([3] * 10, batch_sentences=4)
    assert [len(b) for b in batches] == [4, 4, 2]


def _as_lists(batches):
    return [b.tolist() for b in batches]


def test_epoch_order_is_a_function_of_the_seed():
    lengths = list(range(1, 200))
    a = _as_lists(batch_indices(lengths, batch_tokens=300, shuffle=True, seed=7))
    assert a == _as_lists(batch_indices(lengths, batch_tokens=300, shuffle=True, seed=7))
    assert a != _as_lists(batch_indices(lengths, batch_tokens=300, shuffle=True, seed=8))


def _list_batches(lengths, batch_tokens=0, batch_sentences=0, shuffle=False, seed=0):
    """The list-based batching that trained the published models (commit 4a649d4), kept
    as the reference: the array version must give the very same batches for every seed."""
    order = list(range(len(lengths)))
    rng = random.Random(seed)
    if shuffle:
        rng.shuffle(order)
        avg = max(1, sum(lengths) // max(1, len(lengths)))
        per_batch = batch_sentences or max(1, batch_tokens // avg)
        chunk = per_batch * 100
        order = [i for c in range(0, len(order), chunk)
                 for i in sorted(order[c:c + chunk], key=lambda i: lengths[i])]
    else:
        order.sort(key=lambda i: lengths[i])
    batches, current, longest = [], [], 0
    for i in order:
        new_longest = max(longest, lengths[i])
        full = (batch_sentences > 0 and len(current) >= batch_sentences) or (
            batch_sentences <= 0 and current and new_longest * (len(current) + 1) > batch_tokens)
        if full:
            batches.append(current)
            current, new_longest = [], lengths[i]
        current.append(i)
        longest = new_longest
    if current:
        batches.append(current)
    if shuffle:
        rng.shuffle(batches)
    return batches


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(1, 80), min_size=0, max_size=3000), st.integers(80, 2048),
       st.integers(0, 40), st.booleans(), st.integers(0, 10**6))
def test_same_batches_as_the_list_version_that_trained_the_published_models(
        lengths, budget, sentences, shuffle, seed):
    got = batch_indices(lengths, batch_tokens=budget, batch_sentences=sentences, shuffle=shuffle, seed=seed)
    assert _as_lists(got) == _list_batches(lengths, budget, sentences, shuffle, seed)


def test_make_batch_adds_bos_and_eos():
    b = make_batch([[5, 6, EOS_ID], [7, EOS_ID]], [[8, 9], [10]])
    assert b.src.tolist() == [[5, 6, EOS_ID], [7, EOS_ID, PAD_ID]]
    assert b.src_len.tolist() == [3, 2]
    assert b.tgt_in.tolist() == [[BOS_ID, 8, 9], [BOS_ID, 10, PAD_ID]]
    assert b.tgt_out.tolist() == [[8, 9, EOS_ID], [10, EOS_ID, PAD_ID]]
    assert b.n_tgt_tokens == 5
