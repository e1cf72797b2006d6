"""SentencePiece training, special ids and the detokenized round trip."""

import pytest

from nmt.config import VocabConfig
from nmt.errors import NmtError
from nmt.tokenizer import BOS_ID, EOS_ID, PAD_ID, UNK_ID, Tokenizer


def test_round_trip_on_real_sentences(tokenizer, real_pairs):
    for de, en in real_pairs[:50]:
        assert tokenizer.decode_tgt(tokenizer.encode_tgt([en]))[0] == en
        src = tokenizer.encode_src([de])[0]
        assert src[-1] == EOS_ID and PAD_ID not in src


def test_special_ids_are_fixed(tokenizer):
    assert tokenizer.tgt_pieces([PAD_ID, UNK_ID, BOS_ID, EOS_ID]) == ["<pad>", "<unk>", "<s>", "</s>"]
    assert tokenizer.joint and tokenizer.src_vocab_size == 500


def test_decode_drops_special_ids(tokenizer):
    ids = tokenizer.encode_tgt(["A dog runs."])[0]
    assert tokenizer.decode_tgt([[BOS_ID] + ids + [EOS_ID, PAD_ID]]) == ["A dog runs."]


@pytest.mark.parametrize("kind", ["unigram", "bpe"])
def test_separate_vocabularies(real_pairs, kind):
    cfg = VocabConfig(type=kind, vocab_size=300, joint=False)
    tok = Tokenizer.train([s for s, _ in real_pairs[:500]], [t for _, t in real_pairs[:500]], cfg)
    assert not tok.joint
    assert tok.src_vocab_size == tok.tgt_vocab_size == 300
    assert tok.src_proto != tok.tgt_proto


def test_too_large_vocabulary_is_a_clear_error():
    with pytest.raises(NmtError, match="vocab.vocab_size=5000"):
        Tokenizer.train(["ein kleiner Satz"] * 5, ["a small sentence"] * 5, VocabConfig(vocab_size=5000))


def test_empty_training_text_is_an_error():
    with pytest.raises(NmtError, match="empty training set"):
        Tokenizer.train(["", " "], ["", ""], VocabConfig(vocab_size=100))
