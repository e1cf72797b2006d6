#!/usr/bin/env python
"""Side-by-side CPU speed benchmark: this toolkit (``nmt``) against Joey NMT 2.3.0.

    python scripts/bench_vs_joeynmt.py                    # 300 steps, 3 runs, 2 threads
    python scripts/bench_vs_joeynmt.py --steps 20 --runs 1 --max-sentences 50   # smoke test

Both toolkits train the same GRU architecture on the same Multi30k de→en data with
the same thread count, and then translate the same test sentences at the same beam
size. What is measured:

* **train**: target tokens per second (target pieces + EOS, padding excluded), the
  median over the logging windows of a run after the first one (warm-up). Ours is
  ``tgt_tokens_per_s`` from ``train_log.jsonl``; Joey's is the "Tokens per Sec" of its
  ``train.log`` lines, which counts the same thing (``batch.ntokens`` = non-pad target
  tokens incl. EOS) over the same kind of window (``logging_freq`` = ``--log-every``).
  Validation is pushed past the last step on both sides, so no window holds one.
* **translate**: sentences per second at ``--beam`` with batches of ``--decode-batch``
  sentences, decoding only, i.e. *excluding* interpreter start-up, imports and model
  loading. Ours: ``Translator.load`` + ``translate_stream`` (exactly what
  ``nmt translate`` runs) in a worker process, timing ``translate_stream`` (read,
  tokenize, beam search, detokenize, write); Joey: ``python -m joeynmt translate
  CONFIG < test.de``, timed by its own "Generation took X[sec]" log line (tokenize,
  batch, beam search; its detokenization, a few ms, comes after). The wall time of
  each whole process is recorded too (``sent_s_wall``, ``translate_wall_s``).
  Briefly trained models can ramble, and decoding time grows with output length,
  so the mean output length (words) of each side is reported beside the speed.

Every measurement is repeated ``--runs`` times (a fresh training run each time;
ours and Joey alternate who goes first) and the medians are compared. The last
line printed is ``train_ratio=X translate_ratio=Y`` (ours / Joey).

Joey NMT lives in its own virtual environment (``--venv``, created on first use):
``torch==2.13.0`` (the local CPU wheel), ``joeynmt==2.3.0`` with ``--no-deps`` (its
metadata pins protobuf<3.21 and pulls in pylint/pytest/yapf/datasets/pandas/plotly/
seaborn, none of which a plain-text CPU run imports) and then the packages it does
import. Joey 2.3.0 passes ``verbose=False`` to ``ReduceLROnPlateau``, a keyword
torch 2.13 no longer accepts; that one line is text-patched out of the installed
``joeynmt/builders.py`` (idempotent; no Joey code is copied here).

Differences that cannot be removed (they are reported in the JSON):

* Joey's recurrent decoder projects its attentional vector to the *decoder hidden
  size* and its ``tied_softmax`` needs that to equal the embedding size; ours ties a
  256-d readout to the 256-d embeddings while keeping a 512-d GRU. So with the
  default ``--joey-variant untied`` Joey keeps the 512-d decoder GRU with an untied
  512→8000 softmax (more parameters and FLOPs per target token than ours), and
  ``--joey-variant tied256`` gives Joey a tied 256-d decoder (fewer than ours).
  Source/target embeddings are shared (joint vocabulary) on both sides.
* Joey builds token batches from randomly ordered sentences (no length bucketing),
  ours buckets by length; both cap a batch at ``--batch-tokens`` padded tokens,
  counting max(source+EOS, target+1) per sentence.
* Joey caps outputs at 1.5 × the longest source in the batch, ours at 1.5 × source +
  10 per sentence; both use GNMT length penalty alpha = 1.0.
* Each side trains its own joint 8k unigram SentencePiece model on the training
  set (ours inside ``nmt train``, Joey's here with the same settings), as a user of
  each toolkit would.
* Each side decodes as its toolkit does by default. Ours scores each sentence's
  lexical shortlist (``decode.shortlist`` of the config: the 100 most frequent
  target pieces and 10 co-occurrence partners per source piece, see
  ``nmt/shortlist.py``); Joey scores the whole vocabulary. ``--full-vocab`` also
  times ours over the whole vocabulary (``nmt translate --no-shortlist``),
  reported apart, like ``--int8``.

Results go to ``scripts/results/bench_vs_joeynmt.json`` (``--results``). The work
folder (``--work``, default /tmp/bench_joey) holds the text files, the
SentencePiece model, configs, logs and translations; run folders with checkpoints
are deleted after each run unless ``--keep-runs``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from sidebyside import (
    DEFAULT_DATA,
    head_file,
    make_venv,
    mean_words,
    median_after_first,
    ours_train,
    ours_translate,
    pip_versions,
    run,
    say,
    venv_python,
    venv_runs,
    write_text_splits,
)
from sysinfo import cpu_model, git_commit

ROOT = Path(__file__).resolve().parent.parent

JOEY_VERSION = "2.3.0"
TORCH_VERSION = "2.13.0"
SPM_VERSION = "0.2.0"
# What Joey 2.3.0 imports on a plain-text CPU run (training, translate) besides torch.
JOEY_RUNTIME_DEPS = [f"sentencepiece=={SPM_VERSION}", "importlib_metadata", "numpy", "pyyaml",
                     "sacrebleu", "subword-nmt", "tqdm", "tensorboard", "packaging", "matplotlib"]
VERBOSE_KWARG = re.compile(r'^[ \t]*"verbose": False,[ \t]*\n', re.M)


# ----------------------------------------------------------------------------- Joey venv

def joey_ready(venv: Path) -> bool:
    return venv_runs(venv, "import torch, joeynmt, sentencepiece, joeynmt.training, joeynmt.prediction; "
                     f"assert torch.__version__.split('+')[0] == {TORCH_VERSION!r}, torch.__version__; "
                     f"assert joeynmt.__version__ == {JOEY_VERSION!r}, joeynmt.__version__; "
                     f"assert sentencepiece.__version__ == {SPM_VERSION!r}, sentencepiece.__version__")


def patch_joey(venv: Path) -> str:
    """Drop ``"verbose": False,`` from the ReduceLROnPlateau kwargs in joeynmt/builders.py."""
    py = venv_python(venv)
    site = subprocess.run([str(py), "-c", "import joeynmt, os; print(os.path.dirname(joeynmt.__file__))"],
                          capture_output=True, text=True, check=True).stdout.strip()
    builders = Path(site) / "builders.py"
    text = builders.read_text(encoding="utf-8")
    new, n = VERBOSE_KWARG.subn("", text)
    if n:
        builders.write_text(new, encoding="utf-8")
        for pyc in (Path(site) / "__pycache__").glob("builders.*.pyc"):
            pyc.unlink()
        return f"patched {builders}: removed {n} 'verbose' keyword(s)"
    if "ReduceLROnPlateau" in text and '"verbose"' not in text:
        return f"{builders}: already patched"
    sys.exit(f"{builders}: did not find the ReduceLROnPlateau 'verbose' keyword to patch")


def setup_venv(venv: Path, work: Path) -> dict[str, str]:
    if not joey_ready(venv):
        say(f"setting up Joey NMT {JOEY_VERSION} in {venv} (one-off, a few minutes)")
        logs = work / "logs"
        make_venv(venv, [([f"torch=={TORCH_VERSION}"], logs / "pip_torch.log"),
                         (["--no-deps", f"joeynmt=={JOEY_VERSION}"], logs / "pip_joeynmt.log"),
                         (JOEY_RUNTIME_DEPS, logs / "pip_joey_deps.log")])
    say(patch_joey(venv))
    if not joey_ready(venv):
        sys.exit(f"{venv}: Joey NMT {JOEY_VERSION} still does not import; see {work / 'logs'}")
    return pip_versions(venv, {"torch", "joeynmt", "sentencepiece", "numpy", "protobuf", "tensorboard", "sacrebleu"})


# ----------------------------------------------------------------------------- data

def prepare_data(data: Path, work: Path, vocab_size: int) -> Path:
    """Plain text {train,dev,test}.{de,en} + one joint SentencePiece model + Joey vocab file."""
    ddir = work / "data"
    stamp = ddir / "stamp.json"
    want = {"data": str(data.resolve()), "vocab_size": vocab_size, "spm": SPM_VERSION}
    if stamp.is_file() and json.loads(stamp.read_text()) == want:
        return ddir
    say(f"preparing text files and a joint SentencePiece model in {ddir}")
    write_text_splits(data, ddir)

    import sentencepiece as spm

    lines = [x for lang in ("de", "en") for x in (ddir / f"train.{lang}").read_text(encoding="utf-8").splitlines()]
    # Same settings as nmt.tokenizer.train_sentencepiece, with Joey's special ids.
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines), model_prefix=str(ddir / "spm"), model_type="unigram",
        vocab_size=vocab_size, character_coverage=1.0, input_sentence_size=0, shuffle_input_sentence=True,
        unk_id=0, pad_id=1, bos_id=2, eos_id=3, unk_piece="<unk>", pad_piece="<pad>",
        bos_piece="<s>", eos_piece="</s>", hard_vocab_limit=True, minloglevel=2, num_threads=2)
    sp = spm.SentencePieceProcessor(model_file=str(ddir / "spm.model"))
    # Joey's vocab file: one token per line in id order (its specials come first anyway).
    pieces = [sp.id_to_piece(i) for i in range(sp.get_piece_size())]
    (ddir / "vocab.txt").write_text("".join(p + "\n" for p in pieces), encoding="utf-8")
    stamp.write_text(json.dumps(want))
    return ddir


# ----------------------------------------------------------------------------- Joey

def words_ratio(per_run: list[dict], suffix: str = "") -> float:
    """Median over runs of (our output words per second) / (Joey NMT's output words per second);
    ``suffix`` picks one of our extra timings ("_int8", "_full")."""
    return statistics.median(r["ours"][f"sent_s{suffix}"] * r["ours"][f"mean_out_words{suffix}"]
                             / (r["joey"]["sent_s"] * r["joey"]["mean_out_words"]) for r in per_run)


def joey_config(ddir: Path, model_dir: Path, a: argparse.Namespace) -> dict:
    valid_freq = a.log_every * (a.steps // a.log_every + 1000)  # never reached, divisible
    tied = a.joey_variant == "tied256"
    side = lambda lang: {  # noqa: E731
        "lang": lang, "level": "bpe", "lowercase": False, "normalize": False, "max_length": 80,
        "voc_file": str(ddir / "vocab.txt"), "tokenizer_type": "sentencepiece",
        "tokenizer_cfg": {"model_file": str(ddir / "spm.model")},
    }
    return {
        "name": "bench_joey",
        "joeynmt_version": JOEY_VERSION,
        "model_dir": str(model_dir),
        "use_cuda": False,
        "fp16": False,
        "random_seed": 1,
        "data": {
            "train": str(ddir / "train"), "dev": str(ddir / "dev"),
            "dataset_type": "plain", "sample_dev_subset": 20,
            "src": side("de"), "trg": side("en"),
        },
        "testing": {
            "n_best": 1, "beam_size": a.beam, "beam_alpha": 1.0, "batch_size": a.decode_batch,
            "batch_type": "sentence", "max_output_length": -1, "eval_metrics": ["bleu"],
            "return_prob": "none", "generate_unk": True,
        },
        "training": {
            "optimizer": "adam", "adam_betas": [0.9, 0.999], "learning_rate": 0.001,
            "learning_rate_min": 1.0e-5, "scheduling": "plateau", "patience": 2, "decrease_factor": 0.5,
            "weight_decay": 0.0, "clip_grad_norm": 1.0, "label_smoothing": 0.1, "loss": "crossentropy",
            "normalization": "tokens", "batch_size": a.batch_tokens, "batch_type": "token",
            "batch_multiplier": 1, "epochs": 1000, "updates": a.steps, "logging_freq": a.log_every,
            "validation_freq": valid_freq, "early_stopping_metric": "ppl", "shuffle": True,
            "overwrite": True, "keep_best_ckpts": 1, "print_valid_sents": [], "num_workers": 0,
        },
        "model": {
            "initializer": "xavier_uniform", "bias_initializer": "zeros", "init_gain": 1.0,
            "embed_initializer": "normal", "embed_init_weight": 256 ** -0.5, "init_rnn_orthogonal": True,
            "tied_embeddings": True, "tied_softmax": tied,
            "encoder": {
                "type": "recurrent", "rnn_type": "gru", "hidden_size": 256, "bidirectional": True,
                "num_layers": 2, "dropout": 0.3,
                "embeddings": {"embedding_dim": 256, "scale": False, "dropout": 0.3},
            },
            "decoder": {
                "type": "recurrent", "rnn_type": "gru", "hidden_size": 256 if tied else 512, "num_layers": 1,
                "dropout": 0.3, "hidden_dropout": 0.3, "attention": "bahdanau", "input_feeding": True,
                "init_hidden": "bridge",
                "embeddings": {"embedding_dim": 256, "scale": False, "dropout": 0.3},
            },
        },
    }


def write_yaml(path: Path, obj: dict) -> None:
    import yaml

    path.write_text(yaml.safe_dump(obj, sort_keys=False), encoding="utf-8")


JOEY_STEP = re.compile(r"Step:\s+(\d+),.*Tokens per Sec:\s+([\d.]+)")
JOEY_GEN = re.compile(r"Generation took\s+([\d.]+)\s*\[sec\]")
JOEY_PARAMS = re.compile(r"Total params:\s+(\d+)")


def joey_train(venv: Path, cfg_path: Path, model_dir: Path, env: dict, logs: Path, tag: str) -> dict:
    t0 = time.perf_counter()
    run([str(venv_python(venv)), "-m", "joeynmt", "train", str(cfg_path), "--skip-test"],
        logs / f"joey_train_{tag}.log", env=env, cwd=str(model_dir.parent))
    wall = time.perf_counter() - t0
    text = (model_dir / "train.log").read_text(encoding="utf-8", errors="replace")
    windows = [(int(s), float(v)) for s, v in JOEY_STEP.findall(text)]
    params = JOEY_PARAMS.findall(text)
    return {"windows": windows, "wall_s": wall, "params": int(params[-1]) if params else None}


def joey_translate(venv: Path, cfg_path: Path, src: Path, out: Path, env: dict, logs: Path, tag: str) -> dict:
    log = logs / f"joey_translate_{tag}.log"
    t0 = time.perf_counter()
    with open(src, encoding="utf-8") as fin, open(out, "w", encoding="utf-8") as fout:
        run([str(venv_python(venv)), "-m", "joeynmt", "translate", str(cfg_path)], log,
            env=env, stdin=fin, stdout=fout, cwd=str(cfg_path.parent))
    wall = time.perf_counter() - t0
    gen = JOEY_GEN.findall(log.read_text(encoding="utf-8", errors="replace"))
    if not gen:
        sys.exit(f"{log}: no 'Generation took' line")
    return {"decode_s": float(gen[-1]), "wall_s": wall}


# ----------------------------------------------------------------------------- driver

def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--steps", type=int, default=300, help="training steps per run (default 300)")
    ap.add_argument("--runs", type=int, default=3, help="repeats of every measurement (default 3)")
    ap.add_argument("--threads", type=int, default=2, help="torch/OpenMP threads for both (default 2)")
    ap.add_argument("--log-every", type=int, default=20, help="steps per logging window (default 20)")
    ap.add_argument("--beam", type=int, default=5)
    ap.add_argument("--decode-batch", type=int, default=64, help="sentences per decoding batch (default 64)")
    ap.add_argument("--batch-tokens", type=int, default=2048, help="padded tokens per training batch")
    ap.add_argument("--max-sentences", type=int, default=0, help="translate only the first N test sentences")
    ap.add_argument("--joey-variant", choices=["untied", "tied256"], default="untied",
                    help="untied: Joey decoder GRU 512 + untied softmax (default); "
                         "tied256: Joey decoder GRU 256 with tied softmax")
    ap.add_argument("--config", type=Path, default=ROOT / "configs" / "multi30k_de_en.yaml")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder with {train,validation,test}.jsonl")
    ap.add_argument("--venv", type=Path, default=Path("/tmp/joeynmt-venv"))
    ap.add_argument("--work", type=Path, default=Path("/tmp/bench_joey"))
    ap.add_argument("--results", type=Path, default=ROOT / "scripts" / "results" / "bench_vs_joeynmt.json")
    ap.add_argument("--int8", action="store_true",
                    help="also time ours with nmt translate --int8 (reported apart; the last line is the default decoding)")
    ap.add_argument("--full-vocab", action="store_true",
                    help="also time ours with nmt translate --no-shortlist (softmax over the whole vocabulary; "
                         "reported apart)")
    ap.add_argument("--keep-runs", action="store_true", help="keep the run folders (checkpoints)")
    a = ap.parse_args()
    if a.steps < 2 * a.log_every:
        ap.error("--steps must cover at least two logging windows (2 x --log-every)")

    work = a.work.resolve()
    logs = work / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    t_start = time.perf_counter()
    joey_pkgs = setup_venv(a.venv.resolve(), work)
    ddir = prepare_data(a.data, work, 8000)

    test_src = ddir / "test.de"
    if a.max_sentences:
        test_src = head_file(ddir / "test.de", work / f"test.{a.max_sentences}.de", a.max_sentences)
    n_sent = len(test_src.read_text(encoding="utf-8").splitlines())

    env = dict(os.environ)
    env.update(OMP_NUM_THREADS=str(a.threads), MKL_NUM_THREADS=str(a.threads), PYTHONUNBUFFERED="1",
               HF_DATASETS_OFFLINE="1", HF_HUB_OFFLINE="1", TOKENIZERS_PARALLELISM="false")
    joey_env = dict(env)
    joey_env.pop("PYTHONPATH", None)

    runs_dir = work / "runs"
    trans_dir = work / "translations"
    trans_dir.mkdir(parents=True, exist_ok=True)
    per_run: list[dict] = []
    for r in range(a.runs):
        tag = f"r{r + 1}"
        rec: dict[str, Any] = {"run": r + 1}
        order = ["ours", "joey"] if r % 2 == 0 else ["joey", "ours"]
        for who in order:
            if who == "ours":
                out = runs_dir / f"ours_{tag}"
                say(f"run {r + 1}/{a.runs}: ours, training {a.steps} steps")
                tr = ours_train(a, out, env, logs, tag)
                say(f"run {r + 1}/{a.runs}: ours, translating {n_sent} sentences (beam {a.beam})")
                hyp = trans_dir / f"ours_{tag}.en"
                dec = ours_translate(a, out / "best.pt", test_src, hyp, env, logs, tag)
                rec["ours"] = {"train_tok_s": median_after_first(tr["windows"]), "train_windows": tr["windows"],
                               "train_wall_s": round(tr["wall_s"], 2), "params": dec["params"],
                               "decode_s": round(dec["decode_s"], 3), "load_s": round(dec["load_s"], 3),
                               "translate_wall_s": round(dec["wall_s"], 3),
                               "sent_s": n_sent / dec["decode_s"], "sent_s_wall": n_sent / dec["wall_s"],
                               "mean_out_words": mean_words(hyp)}
                for variant, flag in (("int8", "--int8"), ("full", "--no-shortlist")):
                    if not getattr(a, "full_vocab" if variant == "full" else variant):
                        continue
                    say(f"run {r + 1}/{a.runs}: ours, translating with {flag}")
                    hyp_v = trans_dir / f"ours_{tag}.{variant}.en"
                    dec_v = ours_translate(a, out / "best.pt", test_src, hyp_v, env, logs, tag, variant)
                    rec["ours"].update({f"decode_s_{variant}": round(dec_v["decode_s"], 3),
                                        f"sent_s_{variant}": n_sent / dec_v["decode_s"],
                                        f"mean_out_words_{variant}": mean_words(hyp_v)})
            else:
                model_dir = runs_dir / f"joey_{tag}"
                cfg_path = runs_dir / f"joey_{tag}.yaml"
                runs_dir.mkdir(parents=True, exist_ok=True)
                write_yaml(cfg_path, joey_config(ddir, model_dir, a))
                say(f"run {r + 1}/{a.runs}: Joey NMT, training {a.steps} steps")
                tr = joey_train(a.venv.resolve(), cfg_path, model_dir, joey_env, logs, tag)
                say(f"run {r + 1}/{a.runs}: Joey NMT, translating {n_sent} sentences (beam {a.beam})")
                hyp = trans_dir / f"joey_{tag}.en"
                dec = joey_translate(a.venv.resolve(), cfg_path, test_src, hyp, joey_env, logs, tag)
                rec["joey"] = {"train_tok_s": median_after_first(tr["windows"]), "train_windows": tr["windows"],
                               "train_wall_s": round(tr["wall_s"], 2), "params": tr["params"],
                               "decode_s": round(dec["decode_s"], 3), "translate_wall_s": round(dec["wall_s"], 3),
                               "sent_s": n_sent / dec["decode_s"], "sent_s_wall": n_sent / dec["wall_s"],
                               "mean_out_words": mean_words(hyp)}
            say(f"run {r + 1}/{a.runs}: {who}: train {rec[who]['train_tok_s']:.0f} tgt tok/s, "
                f"translate {rec[who]['sent_s']:.2f} sent/s, mean output {rec[who]['mean_out_words']:.1f} words")
        per_run.append(rec)
        if not a.keep_runs:
            shutil.rmtree(runs_dir / f"ours_{tag}", ignore_errors=True)
            shutil.rmtree(runs_dir / f"joey_{tag}", ignore_errors=True)

    def med(who: str, key: str) -> float:
        return statistics.median(rec[who][key] for rec in per_run)

    summary = {who: {k: med(who, k) for k in ("train_tok_s", "sent_s", "sent_s_wall", "mean_out_words",
                                              "train_wall_s", "decode_s")} for who in ("ours", "joey")}
    for who in ("ours", "joey"):
        summary[who]["params"] = per_run[0][who]["params"]
    train_ratio = summary["ours"]["train_tok_s"] / summary["joey"]["train_tok_s"]
    translate_ratio = summary["ours"]["sent_s"] / summary["joey"]["sent_s"]
    # Decoding time grows with output length, and a briefly trained Joey model's
    # outputs vary in length from run to run (9.8 to 15.2 words on test2016), so
    # the speed per output word is reported beside the sentence ratio.
    summary["translate_words_ratio"] = round(words_ratio(per_run), 4)
    for variant, on in (("int8", a.int8), ("full", a.full_vocab)):
        if on:
            for k in (f"sent_s_{variant}", f"mean_out_words_{variant}"):
                summary["ours"][k] = med("ours", k)
            summary[f"translate_ratio_{variant}"] = round(summary["ours"][f"sent_s_{variant}"]
                                                          / summary["joey"]["sent_s"], 4)
            summary[f"translate_words_ratio_{variant}"] = round(words_ratio(per_run, f"_{variant}"), 4)

    result = {
        "benchmark": "nmt vs Joey NMT 2.3.0, Multi30k de-en, CPU",
        "settings": {"steps": a.steps, "runs": a.runs, "threads": a.threads, "log_every": a.log_every,
                     "beam": a.beam, "decode_batch": a.decode_batch, "batch_tokens": a.batch_tokens,
                     "test_sentences": n_sent, "joey_variant": a.joey_variant, "config": str(a.config),
                     "data": str(a.data.resolve())},
        "measures": {
            "train_tok_s": "target tokens (pieces + EOS, no padding) per second, median of the logging "
                           "windows after the first; median over runs",
            "sent_s": "test sentences per second, decoding only, model already loaded (ours: translate_stream; "
                      "Joey: its 'Generation took' time); median over runs",
            "sent_s_wall": "test sentences per second over the whole translate command/process",
            "mean_out_words": "mean whitespace words per output line",
        },
        "summary": summary,
        "train_ratio": round(train_ratio, 4),
        "translate_ratio": round(translate_ratio, 4),
        "runs": per_run,
        "joey_packages": joey_pkgs,
        "python": platform.python_version(),
        "cpu": cpu_model(),
        "cpu_count": os.cpu_count(),
        "load_avg_at_end": os.getloadavg() if hasattr(os, "getloadavg") else None,
        "total_wall_s": round(time.perf_counter() - t_start, 1),
        "date": time.strftime("%Y-%m-%d %H:%M:%S"),
        "git_commit": git_commit(),
        "command": "python scripts/bench_vs_joeynmt.py " + " ".join(sys.argv[1:]),
    }
    a.results.parent.mkdir(parents=True, exist_ok=True)
    a.results.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")

    print(f"\n{a.runs} run(s) x {a.steps} steps, {a.threads} thread(s), beam {a.beam}, {n_sent} test sentences")
    hdr = f"{'toolkit':<14}{'train tgt tok/s':>16}{'translate sent/s':>18}{'(wall sent/s)':>15}" \
          f"{'out words':>11}{'params':>12}"
    print(hdr)
    print("-" * len(hdr))
    for who, name in (("ours", "nmt (ours)"), ("joey", f"joeynmt {JOEY_VERSION}")):
        s = summary[who]
        print(f"{name:<14}{s['train_tok_s']:>16.0f}{s['sent_s']:>18.2f}{s['sent_s_wall']:>15.2f}"
              f"{s['mean_out_words']:>11.2f}{s['params'] or 0:>12,}")
    for variant, on, label in (("int8", a.int8, "nmt --int8"), ("full", a.full_vocab, "nmt full vocab")):
        if on:
            print(f"{label:<14}{'':>16}{summary['ours'][f'sent_s_{variant}']:>18.2f}{'':>15}"
                  f"{summary['ours'][f'mean_out_words_{variant}']:>11.2f}   translate_ratio_{variant}="
                  f"{summary[f'translate_ratio_{variant}']:.2f} (per word "
                  f"{summary[f'translate_words_ratio_{variant}']:.2f})")
    print(f"per output word, ours / Joey NMT (median over runs): {summary['translate_words_ratio']:.2f}")
    print(f"results: {a.results}")
    print(f"train_ratio={train_ratio:.2f} translate_ratio={translate_ratio:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
