"""Loaders for every supported layout, and their one-line errors."""

import json

import pytest
from conftest import read_jsonl

from nmt.data.sources import drop_empty, load_splits
from nmt.errors import NmtError

PAIRS = [("Ein Hund läuft.", "A dog runs."), ("Zwei Katzen.", "Two cats."), ("Hallo Welt", "Hello world")]


def test_real_multi30k_folder(multi30k):
    splits = load_splits(str(multi30k), None, ["train", "validation", "test"], "de", "en")
    assert [len(splits[s]) for s in ("train", "validation", "test")] == [29000, 1014, 1000]
    first = read_jsonl(multi30k / "test.jsonl", 1)[0]
    assert splits["test"].pairs[0] == (first["de"], first["en"])


def _write_jsonl(path, rows):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "tsv", "parquet"])
def test_folder_with_language_columns(tmp_path, fmt):
    import pandas as pd

    df = pd.DataFrame({"de": [s for s, _ in PAIRS], "en": [t for _, t in PAIRS]})
    for split in ("train", "validation"):
        path = tmp_path / f"{split}.{fmt}"
        if fmt == "jsonl":
            df.to_json(path, orient="records", lines=True, force_ascii=False)
        elif fmt == "csv":
            df.to_csv(path, index=False)
        elif fmt == "tsv":
            df.to_csv(path, index=False, sep="\t")
        else:
            df.to_parquet(path)
    splits = load_splits(str(tmp_path), None, ["train", "validation"], "de", "en")
    assert splits["validation"].pairs == PAIRS


def test_folder_with_translation_column(tmp_path):
    rows = [{"translation": {"de": s, "en": t}} for s, t in PAIRS]
    _write_jsonl(tmp_path / "train.jsonl", rows)
    _write_jsonl(tmp_path / "test.jsonl", rows)
    splits = load_splits(str(tmp_path), None, ["train", "test"], "en", "de")
    assert splits["test"].pairs == [(t, s) for s, t in PAIRS]


def test_plain_parallel_files(tmp_path):
    (tmp_path / "train.de").write_text("".join(s + "\n" for s, _ in PAIRS), encoding="utf-8")
    (tmp_path / "train.en").write_text("".join(t + "\n" for _, t in PAIRS), encoding="utf-8")
    splits = load_splits(str(tmp_path), None, ["train"], "de", "en")
    assert splits["train"].pairs == PAIRS


def test_plain_files_of_unequal_length_name_both(tmp_path):
    (tmp_path / "train.de").write_text("a\nb\nc\n")
    (tmp_path / "train.en").write_text("a\nb\n")
    with pytest.raises(NmtError) as err:
        load_splits(str(tmp_path), None, ["train"], "de", "en")
    msg = str(err.value)
    assert "train.de has 3 lines" in msg and "train.en has 2" in msg and "\n" not in msg


def test_plain_files_missing_split(tmp_path):
    (tmp_path / "train.de").write_text("a\n")
    (tmp_path / "train.en").write_text("a\n")
    with pytest.raises(NmtError, match="no split 'dev'.*available: train"):
        load_splits(str(tmp_path), None, ["dev"], "de", "en")


def test_plain_files_one_side_missing(tmp_path):
    (tmp_path / "train.de").write_text("a\n")
    with pytest.raises(NmtError, match=r"train.en: file not found"):
        load_splits(str(tmp_path), None, ["train"], "de", "en")


def test_empty_plain_file_gives_an_empty_split(tmp_path):
    (tmp_path / "train.de").write_text("")
    (tmp_path / "train.en").write_text("")
    assert load_splits(str(tmp_path), None, ["train"], "de", "en")["train"].pairs == []


def test_missing_split_names_available(multi30k):
    with pytest.raises(NmtError, match=r"no split 'dev' \(available: .*validation"):
        load_splits(str(multi30k), None, ["dev"], "de", "en")


def test_missing_language_column(multi30k):
    with pytest.raises(NmtError, match=r"no column 'xx'.*columns: "):
        load_splits(str(multi30k), None, ["test"], "xx", "en")


def test_missing_language_in_translation_column(tmp_path):
    _write_jsonl(tmp_path / "train.jsonl", [{"translation": {"de": "a", "en": "b"}}])
    with pytest.raises(NmtError, match=r"no language 'fr' in the 'translation' column"):
        load_splits(str(tmp_path), None, ["train"], "fr", "en")


def test_unreachable_hub_dataset_offline_says_how_to_use_a_local_copy():
    with pytest.raises(NmtError) as err:
        load_splits("bentrevett/multi30k", None, ["train"], "de", "en")
    msg = str(err.value)
    assert "offline" in msg and "local copy" in msg and "\n" not in msg


def test_missing_local_path():
    with pytest.raises(NmtError, match="no such file or folder"):
        load_splits("./does/not/exist", None, ["train"], "de", "en")


def test_drop_empty_counts():
    kept, dropped = drop_empty([("a", "b"), ("", "b"), ("a", "  "), ("c", "d")])
    assert kept == [("a", "b"), ("c", "d")] and dropped == 2
