"""One model, several directions; the data tools real corpora need (filters, dedup, tags, mixtures).

The multilingual model is configs/tiny_multilingual.yaml (de->en, fr->en, en->de) trained
through the CLI on real Multi30k lines for a few dozen steps: its translations are poor,
but every path (tags, per-direction validation, --tgt-lang, serve's target_lang) is the
one a real model takes.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
from conftest import ROOT, read_jsonl, run_nmt

from nmt.config import load_config
from nmt.config.directions import Direction, source_tag, target_tag, temperature_probabilities, user_symbols
from nmt.errors import ConfigError, NmtError

DIRECTIONS = ["de-en", "fr-en", "en-de"]


@pytest.fixture(scope="module")
def multi(tmp_path_factory, multi30k: Path) -> Path:
    out = tmp_path_factory.mktemp("multi") / "run"
    res = run_nmt("train", "configs/tiny_multilingual.yaml", "--out", str(out), "--no-progress",
                  "--set", f"data.dataset={multi30k}", "--set", "train.max_steps=40",
                  "--set", "train.valid_every=20", "--set", "data.max_train_examples=600")
    assert res.returncode == 0, res.stderr
    return out


@pytest.fixture(scope="module")
def lines(multi30k: Path) -> list[dict]:
    return read_jsonl(multi30k / "test.jsonl", 6)


def test_validation_scores_every_direction_and_picks_on_their_mean(multi: Path):
    log = [json.loads(x) for x in (multi / "train_log.jsonl").read_text().splitlines()]
    valid = [r for r in log if r["kind"] == "valid"]
    assert len(valid) == 2
    for r in valid:
        each = [r[f"valid_bleu_{d}"] for d in DIRECTIONS]
        assert r["valid_bleu"] == pytest.approx(sum(each) / 3, abs=1e-3)
    info = json.loads(run_nmt("info", "-m", str(multi / "best.pt"), "--json").stdout)
    assert info["directions"] == DIRECTIONS
    best = max(valid, key=lambda r: r["valid_bleu"])
    assert info["training"]["best_step"] == best["step"]


def test_tags_are_single_pieces_and_bytes_keep_unseen_characters(multi: Path):
    from nmt.decoding.translator import Translator

    tok = Translator.load(multi / "best.pt").tokenizer
    for lang in ("en", "de"):
        ids = tok.encode_src([f"{target_tag(lang)} Ein Hund"])[0]
        assert target_tag(lang) in tok.src_pieces(ids)
    # Characters that are nowhere in the training text come out as bytes, not <unk>, and back whole.
    text = "漢字 ☃ Ω Ꭰ 𝄞 ꙮ straße"  # (NFKC-stable: SentencePiece normalizes, e.g. Ǆ to DŽ)
    ids = tok.encode_tgt([text])[0]
    assert 1 not in ids  # UNK_ID
    assert any(p.startswith("<0x") for p in tok.tgt_pieces(ids))
    assert tok.decode_tgt([ids]) == [text]


def test_translate_takes_each_target_language(multi: Path, lines: list[dict]):
    from nmt.decoding.translator import Translator

    tr = Translator.load(multi / "best.pt", beam=2)
    de = [r["de"] for r in lines]
    outputs = {}
    for lang in ("en", "de"):
        res = run_nmt("translate", "-m", str(multi / "best.pt"), "--beam", "2", "--tgt-lang", lang,
                      input="\n".join(de + [""]) + "\n")
        assert res.returncode == 0, res.stderr
        outputs[lang] = res.stdout.splitlines()
        assert len(outputs[lang]) == len(de) + 1 and outputs[lang][-1] == ""
        # The CLI is a layer over the API: the same lines from Translator.translate(tgt_lang=...).
        assert tr.translate(de + [""], tgt_lang=lang) == outputs[lang]
    # The tag reaches the encoder: the source ids differ by it alone.
    en_ids = tr.with_options(tgt_lang="en").encode(de[:1])[0]
    de_ids = tr.with_options(tgt_lang="de").encode(de[:1])[0]
    assert en_ids != de_ids and len(en_ids) == len(de_ids)


@pytest.mark.parametrize("args, message", [
    ([], "choose one with --tgt-lang"),
    (["--tgt-lang", "cs"], "--tgt-lang cs: this model writes en, de"),
    (["--tgt-lang", "en", "--src-lang", "cs"], "--src-lang cs: this model reads de, fr, en"),
])
def test_a_direction_the_model_cannot_take_is_one_line(multi: Path, args: list[str], message: str):
    res = run_nmt("translate", "-m", str(multi / "best.pt"), *args, input="Ein Hund\n")
    assert res.returncode == 2 and res.stdout == ""
    assert message in res.stderr and "Traceback" not in res.stderr and len(res.stderr.strip().splitlines()) == 1


def test_evaluate_scores_each_direction_or_the_one_asked(multi: Path):
    res = run_nmt("evaluate", "-m", str(multi / "best.pt"), "--split", "validation", "--beam", "1", "--json")
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert list(data["directions"]) == DIRECTIONS
    assert data["mean_bleu"] == pytest.approx(sum(d["bleu"] for d in data["directions"].values()) / 3, abs=0.01)
    one = run_nmt("evaluate", "-m", str(multi / "best.pt"), "--split", "validation", "--beam", "1", "--json",
                  "--direction", "fr-en")
    assert json.loads(one.stdout)["bleu"] == data["directions"]["fr-en"]["bleu"]
    # Zero-shot: a pair never trained together (fr -> de), any source with any target.
    zero = run_nmt("evaluate", "-m", str(multi / "best.pt"), "--split", "validation", "--beam", "1", "--json",
                   "--direction", "fr-de")
    assert zero.returncode == 0, zero.stderr
    assert json.loads(zero.stdout)["tgt_lang"] == "de"


def test_serve_takes_target_lang_and_lists_directions(multi: Path, lines: list[dict]):
    from starlette.testclient import TestClient

    from nmt.decoding.translator import Translator
    from nmt.info import describe
    from nmt.serving.app import ServerState, create_app
    from nmt.serving.batcher import DynamicBatcher

    tr = Translator.load(multi / "best.pt", device="cpu", beam=2)
    state = ServerState({"m": tr}, {"m": describe(multi / "best.pt")}, DynamicBatcher({"m": tr}, max_wait_ms=0),
                        log_format="none")
    de = [r["de"] for r in lines[:3]]
    with TestClient(create_app(state)) as client:
        assert client.get("/v1/models").json()["models"][0]["directions"] == DIRECTIONS
        for lang in ("en", "de"):
            got = client.post("/v1/translate", json={"text": de, "target_lang": lang})
            assert got.status_code == 200, got.text
            assert got.json()["translations"] == tr.translate(de, tgt_lang=lang)
        missing = client.post("/v1/translate", json={"text": de})
        assert missing.status_code == 422 and "target_lang" in missing.json()["error"]
        wrong = client.post("/v1/translate", json={"text": de, "target_lang": "cs"})
        assert wrong.status_code == 422 and wrong.json()["error"] == "target_lang cs: this model writes en, de"


def test_a_bilingual_model_keeps_its_one_direction(trained_run: Path):
    cfg = load_config(trained_run / "config.yaml")
    assert source_tag(cfg.data) is None and source_tag(cfg.data, "en", "de") is None
    with pytest.raises(NmtError, match="--tgt-lang fr: this model writes en"):
        source_tag(cfg.data, "fr")


# ----------------------------------------------------------------- config and sampling


@pytest.mark.parametrize("override, message", [
    ("data.directions=[de_en]", "data.directions[0]: 'de_en' is not a direction"),
    ("data.directions=[de-en, de-de]", "data.directions[1]: 'de-de' translates a language into itself"),
    ("data.directions=[de-en, de-en]", "data.directions[1]: 'de-en' is listed twice"),
    ("data.direction_temperature=0", "data.direction_temperature must be > 0"),
    ("data.filter.max_ratio=0.5", "data.filter.max_ratio must be 0 (off) or >= 1"),
    ("data.corpora=[{dataset: x, tag: '<B T>'}]", "data.corpora[0].tag must be one word"),
])
def test_bad_settings_are_one_line_errors(override: str, message: str):
    with pytest.raises(ConfigError, match=message.replace("[", r"\[").replace("(", r"\(").replace(")", r"\)")):
        load_config(ROOT / "configs" / "tiny_multilingual.yaml", [override])


def test_user_symbols_are_target_tags_then_corpus_tags():
    cfg = load_config(ROOT / "configs" / "tiny_multilingual.yaml",
                      ["data.corpora=[{dataset: a}, {dataset: b, tag: <BT>}]"])
    assert user_symbols(cfg.data) == ["<2en>", "<2de>", "<BT>"]
    assert Direction.parse("de-en") == Direction("de", "en") and str(Direction("fr", "en")) == "fr-en"


def test_temperature_flattens_direction_probabilities():
    assert temperature_probabilities([900, 100], 1.0) == pytest.approx([0.9, 0.1])
    t5 = temperature_probabilities([900, 100], 5.0)
    assert t5 == pytest.approx([0.9**0.2 / (0.9**0.2 + 0.1**0.2), 0.1**0.2 / (0.9**0.2 + 0.1**0.2)])
    assert temperature_probabilities([900, 100], 1e9) == pytest.approx([0.5, 0.5])
    assert temperature_probabilities([300, 300, 300], 5.0) == pytest.approx([1 / 3] * 3)


def _folder(path: Path, rows: list[dict], splits: tuple[str, ...] = ("train",)) -> Path:
    path.mkdir(parents=True)
    for split in splits:
        with open(path / f"{split}.jsonl", "w", encoding="utf-8") as f:
            f.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    return path


def test_interleaving_follows_the_weights_on_a_fixed_seed(tmp_path: Path, multi30k: Path):
    from nmt.data.sources import training_split

    rows = read_jsonl(multi30k / "train.jsonl", 1200)
    a = _folder(tmp_path / "a", rows[:900])
    b = _folder(tmp_path / "b", [{"de": r["de"], "en": "B " + r["en"]} for r in rows[900:1200]])
    cfg = load_config(ROOT / "configs" / "tiny.yaml",
                      [f"data.corpora=[{{dataset: {a}, weight: 3}}, {{dataset: {b}, weight: 1, tag: <BT>}}]"])
    ds = training_split(cfg.data, seed=1)
    first = ds.select(range(800))
    from_b = sum(t.startswith("B ") for t in first["tgt"]) / 800
    assert from_b == pytest.approx(0.25, abs=0.04)
    # The tagged corpus's sources carry its tag; the other's do not.
    for s, t in zip(first["src"], first["tgt"]):
        assert s.startswith("<BT> ") == t.startswith("B ")
    again = training_split(cfg.data, seed=1)
    assert again.select(range(800))["tgt"] == first["tgt"]


def test_directions_of_one_dataset_mix_with_their_tags(multi30k: Path):
    from nmt.data.sources import training_split

    cfg = load_config(ROOT / "configs" / "tiny_multilingual.yaml", [f"data.dataset={multi30k}"])
    ds = training_split(cfg.data, seed=1)
    assert len(ds) == 3 * 1500
    tags = Counter(s.split(" ", 1)[0] for s in ds["src"])
    assert tags == {"<2en>": 3000, "<2de>": 1500}
    first = read_jsonl(multi30k / "train.jsonl", 1)[0]
    assert ds[0] == {"src": "<2en> " + first["de"], "tgt": first["en"]}


# ----------------------------------------------------------------- filters


def test_filters_remove_exactly_the_planted_rows(tmp_path: Path, multi30k: Path):
    """Real pairs, with exact duplicates and pairs of skewed length planted among them: dedup
    drops the later copies only, max_ratio drops the skewed pairs only, and the log counts both."""
    from nmt.data.cache import prepare_corpus
    from nmt.tokenizer import Tokenizer

    rows = read_jsonl(multi30k / "train.jsonl", 400)
    dup_at = {50: 3, 120: 10, 300: 3, 350: 200}  # row index -> the earlier row it copies
    skewed_at = {80, 210, 260}
    planted = []
    for i, r in enumerate(rows):
        if i in dup_at:
            r = dict(rows[dup_at[i]])
        elif i in skewed_at:
            r = {"de": r["de"] + " " + r["de"] + " " + r["de"], "en": "Yes."}
        planted.append(r)
    data = _folder(tmp_path / "planted", planted, ("train", "validation"))
    messages: list[str] = []
    cfg = load_config(ROOT / "configs" / "tiny.yaml", [
        f"data.dataset={data}", "data.max_train_examples=null", "vocab.vocab_size=500", "data.max_len=200",
        "data.filter.max_ratio=4", "data.filter.dedup=true", f"data.cache_dir={tmp_path / 'cache'}"])
    corpus, tok, _ = prepare_corpus(cfg, log=messages.append)

    # What max_ratio must drop, from the tokenizer itself.
    lengths = [(len(s), len(t)) for s, t in zip(tok.encode_src([r["de"] for r in planted]),
                                                tok.encode_tgt([r["en"] for r in planted]))]
    skewed = {i for i, (s, t) in enumerate(lengths) if max(s - 1, t) > 4 * min(s - 1, t)}
    assert skewed_at <= skewed
    seen, duplicates = set(), set()
    for i, r in enumerate(planted):
        key = (r["de"], r["en"])
        if key in seen and i not in skewed:
            duplicates.add(i)
        seen.add(key)
    assert set(dup_at) <= duplicates
    expected = [i for i in range(len(planted)) if i not in skewed and i not in duplicates]
    assert np.asarray(corpus.rows).tolist() == expected
    assert f"data: dropped {len(skewed)} training pairs whose length ratio exceeds 4" in "\n".join(messages)
    assert f"data: dropped {len(duplicates)} duplicate training pairs (data.filter.dedup)" in messages
    assert isinstance(tok, Tokenizer)

    # Filters off: every row is trained on.
    plain = load_config(ROOT / "configs" / "tiny.yaml", [
        f"data.dataset={data}", "data.max_train_examples=null", "vocab.vocab_size=500", "data.max_len=200",
        f"data.cache_dir={tmp_path / 'cache'}"])
    assert len(prepare_corpus(plain)[0].rows) == len(planted)


def test_a_streamed_corpus_takes_max_ratio_and_refuses_dedup(tmp_path: Path, multi30k: Path):
    """data.streaming reads pairs as they come: max_ratio drops the same pairs there; dedup,
    which needs the whole corpus, is a one-line config error instead of a silent no-op."""
    from nmt.data.stream import prepare_stream

    rows = read_jsonl(multi30k / "train.jsonl", 200)
    rows[40] = {"de": " ".join([rows[40]["de"]] * 4), "en": "Yes."}
    data = _folder(tmp_path / "planted", rows, ("train", "validation"))
    base = [f"data.dataset={data}", "data.max_train_examples=null", "vocab.vocab_size=400", "data.max_len=200",
            f"data.cache_dir={tmp_path / 'cache'}", "data.streaming=true"]
    corpus, tok, _ = prepare_stream(load_config(ROOT / "configs" / "tiny.yaml", [*base, "data.filter.max_ratio=4"]))
    lengths = [(len(s) - 1, len(t)) for s, t in zip(tok.encode_src([r["de"] for r in rows]),
                                                    tok.encode_tgt([r["en"] for r in rows]))]
    kept = sum(max(s, t) <= 4 * min(s, t) for s, t in lengths)
    assert kept < len(rows)
    streamed = sum(b.src.shape[0] for b in corpus.batches(0, 0, lambda k: True, 400, 0, 1) if b is not None)
    assert streamed == kept
    with pytest.raises(ConfigError, match="data.filter.dedup needs the whole training set"):
        load_config(ROOT / "configs" / "tiny.yaml", [*base, "data.filter.dedup=true"])
