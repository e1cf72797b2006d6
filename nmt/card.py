"""The model card (README.md) of a model folder, written with huggingface_hub's ModelCard.

Metadata (language pair, license, tags, datasets, and a ``model-index`` with the test
scores ``nmt evaluate --json`` measured) goes in the YAML header that the Hub and its
tools read; the body says what a person needs before using the model: what it is, how
it was trained and scored (sacreBLEU signatures), how to run it, and its limits. Every
figure comes from the checkpoint or the scores file; none is typed here.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from nmt.errors import NmtError

TEMPLATE = """---
{{ card_data }}
---

# {{ title }}

An attention-based RNN translation model ({{ cell }} encoder-decoder with additive attention,
after Bahdanau, Cho & Bengio 2015) trained with [nmt](https://pypi.org/project/nmt-rnn/),
translating **{{ src }} → {{ tgt }}**.

| | |
|---|---|
| architecture | bidirectional {{ cell }} encoder {{ enc }}, {{ cell }} decoder {{ dec }}, embeddings {{ emb }} |
| parameters | {{ parameters }} |
| vocabulary | {{ vocab }} |
| weights | `model.safetensors`, {{ dtype }} |
| training data | {{ dataset }} ({{ src }}-{{ tgt }} pairs) |
| training | {{ training }} |

## Scores

{{ scores }}

## Use

```bash
pip install nmt-rnn
echo "{{ example }}" | nmt translate -m {{ folder }}
```

```python
import nmt

translator = nmt.Translator.from_pretrained("{{ folder }}")  # a local folder or a Hub repo id
print(translator.translate(["{{ example }}"]))
```

## Reproduce

`training.yaml` is the resolved config this model was trained with (also in `config.json`):

```bash
nmt train training.yaml --out run   # --set data.dataset=... if the data lives elsewhere
```

trains the same model: same data, seed and settings (bit-identical only on the same
hardware and software versions).{{ command }}

## Intended use and limits

{{ limits }}
"""

MULTI30K_LIMITS = (
    "Trained on Multi30k: descriptions of Flickr photographs, short and literal (about 12 words). "
    "It translates such sentences well and anything else (news, dialogue, long or technical text) "
    "poorly; names and words outside the captions' vocabulary are often lost. For research, teaching "
    "and as a baseline, not for translating text whose meaning matters.")
GENERIC_LIMITS = (
    "A model is as good as its training data on text like that data and worse elsewhere; check it on "
    "your own text before relying on it. Attention RNNs lose accuracy on long sentences.")
EXAMPLES = {"de": "Ein Hund läuft über die Wiese.", "en": "A dog runs across the meadow.",
            "fr": "Un chien court dans le pré.", "cs": "Pes běží po louce."}


def _cell(text: str) -> str:
    """A sacreBLEU signature inside a Markdown table: its ``|`` would end the cell."""
    return text.replace("|", "\\|")


def _duration(seconds: float) -> str:
    return f"{seconds:.0f} s of training" if seconds < 120 else f"{seconds / 60:.0f} min of training"


def read_scores(path: Path) -> dict[str, Any]:
    """A scores file written by ``nmt evaluate --json`` (or scripts/reproduce.py)."""
    try:
        scores = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise NmtError(f"{path}: scores file not found", exit_code=2) from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise NmtError(f"{path}: not a JSON scores file ({exc})", exit_code=2) from None
    missing = [k for k in ("bleu", "chrf", "bleu_signature", "chrf_signature") if k not in scores]
    if not isinstance(scores, dict) or missing:
        raise NmtError(f"{path}: not written by nmt evaluate --json (missing {', '.join(missing)})", exit_code=2)
    return scores


def _training_data(info: dict[str, Any]) -> str:
    """data.dataset, or the corpora it trained on (data.corpora) and where it was validated."""
    corpora = info.get("corpora") or []
    if not corpora:
        return f"`{info['dataset']}`"
    weights = len({c["weight"] for c in corpora}) > 1
    names = " + ".join(f"`{c['dataset']}`" + (f" (weight {c['weight']:g})" if weights else "") for c in corpora)
    return f"{names}, validated on `{info['dataset']}`"


def model_card(info: dict[str, Any], folder_name: str, dtype: str, scores: dict[str, Any] | None = None,
               license: str = "mit") -> str:
    """README.md text for the model ``info`` (:func:`nmt.info.describe`) stored as ``dtype``."""
    from huggingface_hub import EvalResult, ModelCard, ModelCardData

    src, tgt, m = info["src_lang"], info["tgt_lang"], info["model"]
    pairs = [d.split("-") for d in info.get("directions") or [f"{src}-{tgt}"]]
    languages = list(dict.fromkeys(lang for pair in pairs for lang in pair))
    dataset = info["dataset"]
    hub_dataset = "bentrevett/multi30k" if "multi30k" in dataset.lower() else dataset
    results = []
    if scores is not None:
        split = scores.get("split", scores.get("test_split", "test"))
        for metric, name in (("bleu", "BLEU"), ("chrf", "chrF")):
            results.append(EvalResult(task_type="translation", task_name=f"Translation {src}-{tgt}",
                                      dataset_type=hub_dataset, dataset_name=scores.get("dataset_name", hub_dataset),
                                      dataset_split=split, metric_type=metric, metric_name=name,
                                      metric_value=float(scores[metric]),
                                      metric_config=scores[f"{metric}_signature"]))
    data = ModelCardData(language=languages, license=license, library_name="nmt",
                         tags=["translation", "nmt", m["cell"], "seq2seq", "attention"], datasets=[hub_dataset],
                         pipeline_tag="translation", metrics=["bleu", "chrf"],
                         model_name=f"nmt {m['cell']} {info['language_pair']}", eval_results=results or None)
    t = info["training"]
    training = ", ".join(x for x in (
        f"{t['step']} steps" if t.get("step") is not None else "",
        f"best validation BLEU {t['best_valid_bleu']} at step {t['best_step']}" if t.get("best_valid_bleu") else "",
        _duration(t["train_seconds"]) if t.get("train_seconds") else "",
        f"on {t['hardware']}" if t.get("hardware") else
        f"on {scores['cpu']} ({scores.get('threads', '?')} threads)" if scores and scores.get("cpu") else "",
        f"seed {t['seed']}") if x)
    if scores is None:
        score_text = "Not evaluated when this folder was written (`nmt export --scores FILE` adds them)."
    else:
        beam = scores.get("beam_size", scores.get("beam"))
        score_text = (f"On `{hub_dataset}` [{scores.get('split', scores.get('test_split', 'test'))}]"
                      f"{f', beam {beam}' if beam else ''}:\n\n"
                      f"| metric | score | sacreBLEU signature |\n|---|---|---|\n"
                      f"| BLEU | {scores['bleu']:.2f} | `{_cell(scores['bleu_signature'])}` |\n"
                      f"| chrF | {scores['chrf']:.2f} | `{_cell(scores['chrf_signature'])}` |")
        if scores.get("dtype_scores"):
            score_text += "\n\n" + scores["dtype_scores"]
    vocab = info["vocab"]
    card = ModelCard.from_template(
        data, template_str=TEMPLATE, title=f"nmt {m['cell'].upper()} {src}→{tgt}", cell=m["cell"].upper(),
        src=src, tgt=tgt, enc=f"{m['enc_layers']}×{m['enc_hidden']}", dec=f"{m['dec_layers']}×{m['dec_hidden']}",
        emb=m["emb_size"], parameters=f"{info['parameters']:,}",
        vocab=f"{vocab['type']} SentencePiece, {'joint ' if vocab['joint'] else ''}{vocab['tgt_size']:,} pieces",
        dtype=dtype, dataset=_training_data(info), training=training or "unknown", scores=score_text,
        example=EXAMPLES.get(src, "..."), folder=folder_name,
        command=f" The scores above were measured by `{scores['command']}`." if scores and scores.get("command") else "",
        limits=MULTI30K_LIMITS if "multi30k" in dataset.lower() else GENERIC_LIMITS)
    return str(card).rstrip("\n") + "\n"
