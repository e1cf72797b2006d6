"""Lexical shortlists: the table built from co-occurrences, each sentence's vocabulary,
and search over it (a shortlist of the whole vocabulary changes nothing)."""

import pytest
import torch

from nmt.data.batching import make_src_batch
from nmt.decoding.search import beam_search, greedy_search, search
from nmt.shortlist import SPECIALS, Shortlist, build_shortlist
from nmt.tokenizer import EOS_ID, PAD_ID

# Source 10 always comes with target 20, 11 with 21; target 22 is in every pair.
SRC = [[10, 12, EOS_ID], [11, 12, EOS_ID], [10, 13, EOS_ID], [11, EOS_ID], [10, 11, EOS_ID]]
TGT = [[20, 22, EOS_ID], [21, 22, EOS_ID], [20, 22, 22, EOS_ID], [21, 22, EOS_ID], [21, 20, 22, EOS_ID]]


def test_table_ranks_partners_by_dice_and_frequent_lists_specials_first():
    sl = build_shortlist(SRC, TGT, src_vocab=30, tgt_vocab=30, joint=True, per_source=3)
    assert sl.table.shape == (30, 3)
    assert sl.table[10, 0] == 20 and sl.table[11, 0] == 21  # strong association, above the ubiquitous 22
    assert 22 in sl.table[10].tolist()
    assert sl.table[12].tolist()[:1] in ([21], [22]) and PAD_ID in sl.table[5].tolist()  # unseen: padded
    assert sl.frequent[:SPECIALS].tolist() == list(range(SPECIALS))
    assert sl.frequent[SPECIALS] == 22  # 6 occurrences
    assert sorted(sl.frequent.tolist()) == list(range(30))
    again = Shortlist.from_payload(sl.to_payload())
    assert torch.equal(again.table, sl.table) and torch.equal(again.frequent, sl.frequent) and again.joint


def _random_shortlist(V=40, M=4, seed=0):
    g = torch.Generator().manual_seed(seed)
    table = torch.randint(SPECIALS, V, (V, M), generator=g)
    table[7, 2:] = PAD_ID  # a source piece with fewer partners
    frequent = torch.cat([torch.arange(SPECIALS), SPECIALS + torch.randperm(V - SPECIALS, generator=g)])
    return Shortlist(frequent, table, joint=True)


def test_sentence_vocab_is_sorted_unique_and_holds_what_it_should():
    sl = _random_shortlist()
    sents = [[5, 6, 7, 3], [8, 3], [9, 10, 11, 12, 13, 3]]
    src, lens = make_src_batch(sents)
    vocab = sl.sentence_vocab(src, lens, frequent=6, per_source=3, multiple=8)
    assert vocab.ids.size(1) % 8 == 0
    for b, sent in enumerate(sents):
        ids = vocab.ids[b][vocab.real[b]].tolist()
        assert ids[:SPECIALS] == list(range(SPECIALS)) and ids == sorted(set(ids))
        want = set(range(SPECIALS)) | set(sl.frequent[:6].tolist()) | set(sent)
        for s in sent[:-1]:  # EOS has no partners
            want |= set(sl.table[s, :3].tolist())
        assert set(ids) == want
        assert not vocab.real[b, len(ids):].any()
        assert (vocab.ids[b, len(ids):] == PAD_ID).all()
        # A sentence's shortlist does not depend on the sentences batched with it.
        alone = sl.sentence_vocab(*make_src_batch([sent]), frequent=6, per_source=3, multiple=8)
        assert alone.ids[0][alone.real[0]].tolist() == ids


def test_separate_vocabularies_do_not_copy_source_ids():
    sl = Shortlist(torch.arange(40), torch.full((40, 2), 30), joint=False)
    vocab = sl.sentence_vocab(*make_src_batch([[20, 21, 3]]), frequent=5, per_source=2)
    assert vocab.ids[0][vocab.real[0]].tolist() == [0, 1, 2, 3, 4, 30]


@pytest.mark.parametrize("beam", [1, 3])
def test_a_shortlist_of_the_whole_vocabulary_changes_nothing(tiny_model, beam):
    sents = [[5, 6, 7, 8, 9, 3], [10, 11, 3], [12, 3], [13, 14, 15, 3]]
    src, lens = make_src_batch(sents)
    full = _random_shortlist().sentence_vocab(src, lens, frequent=40, per_source=2)  # all 40 ids, width 64
    assert full.real.sum(1).tolist() == [40] * 4 and full.ids.size(1) == 64
    plain = search(tiny_model, src, lens, beam, n_best=beam)
    listed = search(tiny_model, src, lens, beam, n_best=beam, vocab=full)
    for a, b in zip(plain, listed):
        assert [h.tokens for h in a] == [h.tokens for h in b]
        assert [h.score for h in a] == pytest.approx([h.score for h in b], abs=1e-5)


def test_search_over_a_shortlist_only_writes_its_pieces_and_beam_one_is_greedy(tiny_model):
    sents = [[5, 6, 7, 8, 9, 3], [10, 11, 3], [12, 3], [13, 14, 15, 3], [20, 21, 22, 3]]
    src, lens = make_src_batch(sents)
    vocab = _random_shortlist().sentence_vocab(src, lens, frequent=3, per_source=2, multiple=8)
    greedy = greedy_search(tiny_model, src, lens, 2.0, 5, vocab=vocab)
    beam1 = beam_search(tiny_model, src, lens, beam_size=1, max_len_a=2.0, max_len_b=5, vocab=vocab)
    beam3 = beam_search(tiny_model, src, lens, beam_size=3, max_len_a=2.0, max_len_b=5, n_best=3, vocab=vocab)
    for b in range(len(sents)):
        allowed = set(vocab.ids[b][vocab.real[b]].tolist())
        assert greedy[b][0].tokens == beam1[b][0].tokens
        assert greedy[b][0].score == pytest.approx(beam1[b][0].score, abs=1e-5)
        for hyp in greedy[b] + beam3[b]:
            assert set(hyp.tokens) <= allowed
        # ... and the same result decoded alone (sentences leave the batch as they finish).
        one = beam_search(tiny_model, src[b:b + 1, : lens[b]], lens[b:b + 1], beam_size=3, max_len_a=2.0,
                          max_len_b=5, n_best=3, vocab=vocab.index_select(torch.tensor([b])))
        assert [h.tokens for h in one[0]] == [h.tokens for h in beam3[b]]


def test_shortlist_scores_are_normalised_over_the_shortlist(tiny_model):
    """The score of a greedy output is its log-probability under the softmax over the
    sentence's pieces only (a teacher-forced reference computed here by hand)."""
    src, lens = make_src_batch([[5, 6, 7, 3]])
    vocab = _random_shortlist().sentence_vocab(src, lens, frequent=3, per_source=2, multiple=8)
    hyp = greedy_search(tiny_model, src, lens, 2.0, 5, length_penalty=0.0, vocab=vocab)[0][0]
    allowed = vocab.ids[0][vocab.real[0]]
    enc, state = tiny_model.encode(src, lens)
    prev, total = torch.tensor([2]), 0.0
    with torch.inference_mode():
        for tok in hyp.tokens + [EOS_ID]:
            logits, state, _ = tiny_model.decode_logits(prev, state, enc)
            logp = torch.log_softmax(logits[0, allowed], dim=-1)
            total += float(logp[(allowed == tok).nonzero()[0, 0]])
            prev = torch.tensor([tok])
    assert hyp.logprob == pytest.approx(total, abs=1e-4)


# ---------------------------------------------------------------- through training and the CLI


def _strip_table(src, dst):
    payload = torch.load(src, weights_only=True)
    del payload["shortlist"]
    torch.save(payload, dst)


def test_training_stores_the_table_and_translation_stays_inside_it(trained_run, multi30k):
    from conftest import read_jsonl

    from nmt.checkpoint import load_checkpoint, shortlist_of
    from nmt.decoding.translator import Translator

    table = shortlist_of(load_checkpoint(trained_run / "best.pt"))
    assert table is not None and table.joint and table.table.shape == (1000, 64)
    tr = Translator.load(trained_run / "best.pt", beam=3)
    assert tr.decode.shortlist and tr.shortlist is not None  # the default
    src = tr.encode([r["de"] for r in read_jsonl(multi30k / "validation.jsonl", 30)])
    hyps = tr.translate_ids(src)
    for ids, (best,) in zip(src, [h[:1] for h in hyps]):
        vocab = tr.shortlist.sentence_vocab(*make_src_batch([ids]), tr.decode.shortlist_frequent,
                                            tr.decode.shortlist_per_source)
        assert set(best.tokens) <= set(vocab.ids[0][vocab.real[0]].tolist())
    # int8 models gather their shortlist rows from the dequantized output matrix.
    int8 = Translator.load(trained_run / "best.pt", beam=3, int8=True)
    assert len(int8.translate_ids(src[:5])) == 5


def test_shortlist_flag_without_a_table_is_a_one_line_error_and_the_script_adds_it(trained_run, tmp_path, multi30k):
    import subprocess
    import sys

    from conftest import ROOT, run_nmt

    from nmt.checkpoint import load_checkpoint

    old = tmp_path / "old.pt"
    _strip_table(trained_run / "best.pt", old)
    line = "Ein Mann fährt Fahrrad.\n"
    res = run_nmt("translate", "-m", str(old), "--shortlist", input=line)
    assert res.returncode == 2 and "Traceback" not in res.stderr
    assert res.stderr.strip().count("\n") == 0 and str(old) in res.stderr and "add_shortlist.py" in res.stderr
    plain = run_nmt("translate", "-m", str(old), input=line)  # the config's default falls back to the whole vocabulary
    full = run_nmt("translate", "-m", str(trained_run / "best.pt"), "--no-shortlist", input=line)
    assert plain.returncode == 0 and plain.stdout == full.stdout

    script = [sys.executable, str(ROOT / "scripts" / "add_shortlist.py"), str(old)]
    res = subprocess.run(script, capture_output=True, text=True, timeout=300)
    assert res.returncode == 0 and "shortlist table added" in res.stdout, res.stderr
    rebuilt, original = load_checkpoint(old)["shortlist"], load_checkpoint(trained_run / "best.pt")["shortlist"]
    assert torch.equal(rebuilt["table"], original["table"]) and torch.equal(rebuilt["frequent"], original["frequent"])
    res = subprocess.run(script, capture_output=True, text=True, timeout=300)
    assert res.returncode == 0 and "already holds" in res.stdout
    listed = run_nmt("translate", "-m", str(old), "--shortlist", input=line)
    ref = run_nmt("translate", "-m", str(trained_run / "best.pt"), input=line)
    assert listed.returncode == 0 and listed.stdout == ref.stdout


def _reference_table(src, tgt, src_vocab, tgt_vocab, per_source):
    """The per-pair loop that built the tables of the published models (commit 4a649d4)."""
    import numpy as np

    n = len(src)
    src_sents, tgt_sents = np.zeros(src_vocab, dtype=np.int64), np.zeros(tgt_vocab, dtype=np.int64)
    keys = []
    for s, t in zip(src, tgt):
        us, ut = np.unique(np.asarray(s)), np.unique(np.asarray(t))
        us, ut = us[us >= SPECIALS], ut[ut >= SPECIALS]
        src_sents[us] += 1
        tgt_sents[ut] += 1
        keys.append((us[:, None] * tgt_vocab + ut[None, :]).ravel())
    table = np.full((src_vocab, per_source), PAD_ID, dtype=np.int64)
    pair, count = np.unique(np.concatenate(keys), return_counts=True)
    s_id, t_id = pair // tgt_vocab, pair % tgt_vocab
    llr = count * np.log(count * float(n) / (src_sents[s_id] * tgt_sents[t_id]))
    order = np.lexsort((t_id, -llr, s_id))
    s_id, t_id = s_id[order], t_id[order]
    rank = np.arange(len(s_id)) - np.searchsorted(s_id, s_id, side="left")
    keep = rank < per_source
    table[s_id[keep], rank[keep]] = t_id[keep]
    return torch.from_numpy(table)


@pytest.mark.parametrize("bands", [1, 7])
def test_counting_in_bands_of_flat_chunks_gives_the_reference_table(tokenizer, real_pairs, monkeypatch, bands):
    import nmt.shortlist

    src = tokenizer.encode_src([s for s, _ in real_pairs])
    tgt = tokenizer.encode_tgt([t for _, t in real_pairs])
    V = tokenizer.src_vocab_size
    monkeypatch.setattr(nmt.shortlist, "BAND_CELLS", -(-V // bands) * V)
    sl = build_shortlist(src, tgt, V, V, joint=True, per_source=12, chunk_pairs=333)
    assert torch.equal(sl.table, _reference_table(src, tgt, V, V, 12))
