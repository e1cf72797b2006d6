"""SentencePiece training, special ids and the detokenized round trip."""

import pytest

from nmt.config import VocabConfig
from nmt.errors import NmtError
from nmt.tokenizer import BOS_ID, EOS_ID, PAD_ID, SMALL_LIST, UNK_ID, Tokenizer


def test_round_trip_on_real_sentences(tokenizer, real_pairs):
    for de, en in real_pairs[:50]:
        assert tokenizer.decode_tgt(tokenizer.encode_tgt([en]))[0] == en
        src = tokenizer.encode_src([de])[0]
        assert src[-1] == EOS_ID and PAD_ID not in src


@pytest.mark.parametrize("n", [1, 3, SMALL_LIST - 1, SMALL_LIST])
def test_short_lists_one_by_one_equal_sentencepieces_own_list_call(tokenizer, real_pairs, n):
    # Short lists are run line by line (no thread pool per call); the ids must not change.
    de = [p[0] for p in real_pairs[:n]]
    en = [p[1] for p in real_pairs[:n]]
    assert len(de) == n
    assert tokenizer.encode_src(de) == [ids + [EOS_ID] for ids in tokenizer._src.encode(de)]
    assert tokenizer.encode_tgt(en) == tokenizer._tgt.encode(en)
    ids = tokenizer._tgt.encode(en)
    assert tokenizer.decode_tgt(ids) == tokenizer._tgt.decode(ids) == en


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


def test_bench_tokenizer_calls_writes_its_figures(tmp_path):
    import json
    import subprocess
    import sys

    from conftest import ROOT

    out = tmp_path / "calls.json"
    res = subprocess.run([sys.executable, "scripts/bench_tokenizer_calls.py", "--lines", "20", "--json", str(out)],
                         cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    data = json.loads(out.read_text())
    assert data["lines"] == 20 and data["git_commit"]
    assert {k.rsplit(", cores ", 1)[1] for k in data["us_per_line"]} == {"idle", "busy"}
    assert len(data["us_per_line"]) == 12 and all(v > 0 for v in data["us_per_line"].values())
