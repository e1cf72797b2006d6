from pathlib import Path

import pytest

from nmt.config import Config, architecture_diff, load_config
from nmt.errors import ConfigError

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("name", sorted(p.name for p in (ROOT / "configs").glob("*.yaml")))
def test_shipped_configs_load(name):
    cfg = load_config(ROOT / "configs" / name)
    assert isinstance(cfg, Config)


def test_the_back_translation_config_is_the_default_but_for_its_corpora():
    """Its BLEU is compared with the default row's: nothing but the training data may differ."""
    default = load_config(ROOT / "configs" / "multi30k_de_en.yaml").to_dict()
    bt = load_config(ROOT / "configs" / "multi30k_de_en_bt.yaml").to_dict()
    corpora = bt["data"].pop("corpora")
    default["data"].pop("corpora")
    assert bt == default
    assert [c["tag"] for c in corpora] == [None, "<BT>"]


def test_overrides_are_typed_and_applied():
    cfg = load_config(ROOT / "configs" / "tiny.yaml",
                      ["model.dec_hidden=64", "train.lr=2e-3", "model.cell=lstm", "data.max_train_examples=null"])
    assert cfg.model.dec_hidden == 64
    assert cfg.train.lr == pytest.approx(2e-3)
    assert cfg.model.cell == "lstm"
    assert cfg.data.max_train_examples is None


@pytest.mark.parametrize("override, words", [
    ("model.hiden_size=3", ["unknown key", "model.hiden_size"]),
    ("modle.dropout=0.1", ["unknown key", "modle"]),
    ("model.emb_size=-3", ["model.emb_size", "-3"]),
    ("model.emb_size=abc", ["model.emb_size", "abc"]),
    ("decode.beam_size=0", ["decode.beam_size", "0"]),
    ("model.cell=transformer", ["model.cell", "transformer"]),
    ("model.dropout=1.5", ["model.dropout", "1.5"]),
    ("data.tgt_lang=de", ["src_lang", "tgt_lang", "de"]),
    ("train.lr", ["KEY=VALUE"]),
    ("lr=3", ["SECTION.FIELD"]),
])
def test_bad_values_name_the_key(override, words):
    with pytest.raises(ConfigError) as err:
        load_config(ROOT / "configs" / "tiny.yaml", [override])
    message = str(err.value)
    assert "\n" not in message
    for w in words:
        assert w in message
    assert err.value.exit_code == 2


def test_same_language_allowed_when_asked():
    cfg = load_config(None, ["data.tgt_lang=de", "data.allow_same_lang=true"])
    assert cfg.data.src_lang == cfg.data.tgt_lang == "de"


def test_unknown_key_in_file_names_file_and_key(tmp_path):
    p = tmp_path / "bad.yaml"
    p.write_text("model:\n  emb_size: 8\n  colour: red\n")
    with pytest.raises(ConfigError, match=r"bad.yaml: unknown key 'model.colour'"):
        load_config(p)


def test_yaml_syntax_error_names_line(tmp_path):
    p = tmp_path / "broken.yaml"
    p.write_text("model:\n  emb_size: 8\n   dropout: [\n")
    with pytest.raises(ConfigError, match=r"broken.yaml: line \d+"):
        load_config(p)


def test_missing_config_file(tmp_path):
    with pytest.raises(ConfigError, match="config file not found"):
        load_config(tmp_path / "nope.yaml")


def test_architecture_diff_names_fields():
    a = load_config(None)
    b = load_config(None, ["model.dec_hidden=128", "model.dropout=0.1"])
    diffs = architecture_diff(a, b)
    assert diffs == ["model.dec_hidden: 512 != 128"]


def test_docs_configuration_page_is_generated_from_the_config_comments():
    """docs/configuration.md cannot drift from nmt/config/sections.py: every field is there, with its
    comment, and the page is exactly what scripts/config_doc.py writes."""
    import dataclasses
    import importlib.util

    from conftest import ROOT

    from nmt.config import Config

    spec = importlib.util.spec_from_file_location("config_doc", ROOT / "scripts" / "config_doc.py")
    doc = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(doc)
    text = doc.render(doc.SOURCE.read_text(encoding="utf-8"))
    assert (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8") == text, \
        "run: python scripts/config_doc.py --write"
    for section in dataclasses.fields(Config):
        for f in dataclasses.fields(section.type if isinstance(section.type, type) else getattr(Config(), section.name)):
            row = next(line for line in text.splitlines() if line.startswith(f"| `{f.name}` |"))
            assert not row.endswith("|  |"), f"{section.name}.{f.name} has no comment in nmt/config/sections.py"
