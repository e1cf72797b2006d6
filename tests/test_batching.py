"""Token-budget batching: every example once, budget respected, order reproducible."""

from hypothesis import given, settings
from hypothesis import strategies as st

from nmt.batching import batch_indices, make_batch
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


def test_epoch_order_is_a_function_of_the_seed():
    lengths = list(range(1, 200))
    a = batch_indices(lengths, batch_tokens=300, shuffle=True, seed=7)
    assert a == batch_indices(lengths, batch_tokens=300, shuffle=True, seed=7)
    assert a != batch_indices(lengths, batch_tokens=300, shuffle=True, seed=8)


def test_make_batch_adds_bos_and_eos():
    b = make_batch([[5, 6, EOS_ID], [7, EOS_ID]], [[8, 9], [10]])
    assert b.src.tolist() == [[5, 6, EOS_ID], [7, EOS_ID, PAD_ID]]
    assert b.src_len.tolist() == [3, 2]
    assert b.tgt_in.tolist() == [[BOS_ID, 8, 9], [BOS_ID, 10, PAD_ID]]
    assert b.tgt_out.tolist() == [[8, 9, EOS_ID], [10, EOS_ID, PAD_ID]]
    assert b.n_tgt_tokens == 5
