#!/usr/bin/env python
"""Side by side with Marian (pymarian 1.12.42), the C++ engine of production NMT, on the same CPU.

    python scripts/bench_vs_marian.py                       # 1,000 steps each, 2 threads (hours)
    python scripts/bench_vs_marian.py --steps 40 --log-every 10 --max-sentences 100 --repeats 1 \\
        --dims 256 --work runs/bench_marian_smoke --results /tmp/smoke.json   # a few minutes

The same work on both sides: Multi30k de→en, **our joint 8k SentencePiece model given to
Marian** (``vocab.spm``: Marian reads SentencePiece models itself and takes EOS/UNK from
the model, so both toolkits see the same pieces), one training budget in updates of
``--batch-tokens`` tokens, 2 threads each, run alone.

* **Models.** Ours: the default config (embeddings 256, bi-GRU encoder 2×256 in 2 layers,
  GRU decoder 512 with input feeding, additive attention, tied embeddings). Marian's
  ``--type s2s`` (Nematus-style: bidirectional GRU encoder, *conditional* GRU decoder, i.e.
  two GRU transitions around the attention each step) has one ``--dim-rnn`` for encoder and
  decoder, so no setting is ours: ``--dims 256 512`` trains the two that bracket it
  (256: its decoder half as wide as ours; 512: its encoder twice as wide). Both: 2 encoder
  layers, tied embeddings (``--tied-embeddings-all``), dropout 0.3 (Marian's on the RNN
  states), label smoothing 0.1, Adam at 1e-3, clipping at 1.0, mean cross-entropy per
  target token, sentences over 80 pieces dropped. Parameter counts are reported (Marian's
  from its ``model.npz``).
* **Training speed**: target tokens (pieces + EOS) per second, the median of the logging
  windows after the first (ours: ``train_log.jsonl``; Marian: the "words/s" of its log line,
  which counts the same labels), and the mean target tokens per update of each side (both
  cap a batch at ``--batch-tokens``; ours counts padded max(source, target) tokens, Marian
  its target words, so its batches hold more target tokens: reported, not corrected).
  Marian's ``--cpu-threads N`` trains N single-threaded replicas, each on its own batch
  of ``--batch-tokens``, with *asynchronous* SGD (its default without ``--sync-sgd``: each
  replica pushes its gradient to sharded parameters and pulls them back, "Using
  asynchronous training" in its log), so an update is one replica's batch; ours uses N
  intra-op threads on one batch. Validation is pushed past the last step on both sides. Ours is
  trained once per ``--ours-amp`` setting: float32 (``none``, the default) and, with
  ``--ours-amp none,bf16``, ``bf16`` too (autocast: the matrix products in bfloat16, weights
  and Adam in float32; Marian trains in float32 only on a CPU, its fp16 is GPU-only; it was
  no faster in whole runs here, see docs/performance.md), each with its own validation BLEU;
  the first setting's model is the one that decodes.
* **Validation BLEU at equal steps**: the validation split decoded at beam 5 (full
  vocabulary, float32) by each model after ``--steps`` updates, scored by sacreBLEU here.
* **Beam search** on test2016 (``--max-sentences``), beams 5 and 1, 1 and ``--threads``
  threads: sentences/s and *output tokens/s* (each output re-encoded with the shared
  SentencePiece model, + EOS: a model that writes more does more work), mean output
  length and BLEU. Decoding only: model loading is outside both timers (ours: the
  ``translate_stream`` call in a worker process; Marian: its own "Processed ... in Xs"
  line, ``--stat-freq``, which starts after the model is loaded). Each timing is the
  median of ``--repeats`` runs.
  - Marian at its fastest CPU settings for s2s models: ``--cpu-threads N`` (N workers,
    each its own batches), ``--maxi-batch 100 --maxi-batch-sort src``, the ``--mini-batch``
    that is fastest at beam 5 (swept: ``--mini-batches``), float32 and FBGEMM's on-the-fly
    packed fp16 / int8 GEMMs (``--optimize --gemm-type packed16|packed8``), with
    ``--skip-cost`` (no final rescoring pass), and its lexical shortlist built from *our*
    shortlist table (``lex.s2t``: each source piece, itself and its ``shortlist_per_source``
    partners; ``--shortlist lex.s2t 100 N``: Marian adds the first 100 vocabulary ids, ours
    the 100 most frequent pieces; Marian's is per batch, ours per sentence).
  - Ours: the whole vocabulary in float32 (``--no-shortlist``), ``--int8``, ``--bf16``
    (oneDNN bf16 products: CPUs with bf16 units), ONNX Runtime (fp32 and int8,
    ``nmt export --format onnx --int8``), and the shortlist (the default); at ``--threads``
    above 1 also as ``nmt translate --workers 2`` (two decoding processes of one thread,
    each on its own chunks of lines: what Marian's ``--cpu-threads 2`` does).

``train_ratio`` = ours (its fastest ``--ours-amp`` setting, named in ``train_ratio_amp``)
÷ Marian training target tokens/s against the *faster* Marian setting (the bar: the smaller
of the two ratios); ``train_ratios`` holds every pair. ``decode_ratio`` = our fastest
full-vocabulary beam-5 output tokens/s ÷ Marian's fastest full-vocabulary setting of its
faster model, ``--threads`` threads; the fp32-vs-fp32, int8-vs-int8 and
shortlist-vs-shortlist ratios are kept beside it. The last line printed is
``train_ratio=X decode_ratio=Y``.

**OpenNMT-py 3.5.1** is measured the same way (no goal; ``--no-onmt`` leaves it out):
``-encoder_type brnn -rnn_type GRU -global_attention mlp`` with input feeding, 2×256
encoder, 512 decoder, shared embeddings (its tied softmax needs a decoder as wide as the
embeddings, so its 512→8k output layer is untied), the same SentencePiece model through
its ``sentencepiece`` transform, token batches of ``--batch-tokens``; speed from the
"tok/s" of its report lines (target side) and its ``-report_time`` translation time.
Its wheel pins ``torch<2.3``, which only the registry's CUDA builds satisfy, so its venv
(``--onmt-venv``) gets our ``torch==2.13.0``, ``opennmt-py`` with ``--no-deps`` and the
packages it imports (its server's and CTranslate2 left out); it runs unchanged, and its
checkpoints (which pickle an ``argparse.Namespace``) load with
``TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD=1``.

Marian lives in its own virtual environment (``--marian-venv``, made on first use:
``pymarian==1.12.42``, a 604 MB wheel built with CUDA, so ``--cpu-threads`` is always
given). Every finished stage (training, decoding) is recorded under a key of its settings
in ``--stages`` (committed: scripts/results/bench_vs_marian/, or ``--work``/stages for a
run whose ``--results`` is elsewhere, e.g. the quick one above; models and logs go to
``--work``, runs/bench_marian), so an interrupted run goes on where it stopped and a later
session adds what is missing; each record names its date, CPU and commit, and the results
JSON lists them (``stages_measured``, ``measured_between``, ``cpus``). ``--fresh`` starts over.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import re
import shutil
import statistics
import sys
import time
from pathlib import Path
from typing import Any, Callable

from sidebyside import (
    DEFAULT_DATA,
    head_file,
    make_venv,
    median_after_first,
    ours_train,
    ours_translate,
    pip_versions,
    read_lines,
    run,
    say,
    venv_python,
    venv_runs,
    write_text_splits,
)
from sysinfo import cpu_model, git_commit

ROOT = Path(__file__).resolve().parent.parent
MARIAN_VERSION = "1.12.42"
# "Ep. 1 : Up. 20 : Sen. 2,562 : Cost 6.86585808 : Time 32.64s : 581.24 words/s : gNorm 0.0000"
MARIAN_WINDOW = re.compile(r"Up\. (\d+) : Sen\. [\d,]+ : Cost [\d.]+ : Time ([\d.]+)s : ([\d.]+) words/s")
# "Processed 16 batches, 1000 lines, 15788 source tokens in 12.51s - Speed (total): ..."
MARIAN_DECODE = re.compile(r"Processed \d+ batches, (\d+) lines, \d+ source tokens in ([\d.]+)s")


# ----------------------------------------------------------------------------- stages

class Stages:
    """Results of finished stages, one JSON file each in ``dir``, keyed by the stage's settings:
    an interrupted benchmark resumes, a changed setting re-runs.

    The records are committed (``scripts/results/bench_vs_marian/``) because the whole
    benchmark is longer than one working session: Marian at ``--dim-rnn 512`` alone trains
    for over an hour on 2 cores. A stage's name starts ``<what>-<unit>`` (``decode-marian256-b5-t2-packed8``);
    a unit is one trained model and everything measured with it. The models themselves live
    in ``--work`` (not committed): a unit whose model is gone is measured again from its
    training unless it was finished (``done-<unit>``). Every record says when, on which CPU
    and at which commit it was measured, and the results JSON lists them; one measured on
    another CPU model is measured again (the sessions' machines differ)."""

    def __init__(self, dir: Path, fresh: bool) -> None:
        self.dir = dir
        if fresh and self.dir.exists():
            shutil.rmtree(self.dir)
        self.dir.mkdir(parents=True, exist_ok=True)
        self.used: set[Path] = set()

    def _path(self, name: str, settings: dict) -> Path:
        key = hashlib.blake2b(json.dumps(settings, sort_keys=True).encode(), digest_size=6).hexdigest()
        return self.dir / f"{name}-{key}.json"

    def has(self, name: str, settings: dict, cpu: str) -> bool:
        path = self._path(name, settings)
        return path.is_file() and json.loads(path.read_text()).get("measured", {}).get("cpu") == cpu

    def get(self, name: str, settings: dict, make: Callable[..., dict], *args: Any) -> dict:
        """The stored result of stage ``name`` with ``settings``, else ``make(*args)``, stored."""
        path = self._path(name, settings)
        self.used.add(path)
        if path.is_file():
            kept = json.loads(path.read_text())
            if kept.get("measured", {}).get("cpu", cpu_model()) == cpu_model():
                return kept  # a figure measured on another CPU model is not compared with this one's
        result = make(*args)
        result["measured"] = {"date": time.strftime("%Y-%m-%d %H:%M:%S"), "cpu": cpu_model(),
                              "git_commit": git_commit()}
        path.write_text(json.dumps(result, indent=1) + "\n")
        return result

    @staticmethod
    def unit_of(path: Path) -> str:
        return path.name.split("-")[1]

    def drop(self, unit: str) -> None:
        """Forget every record of ``unit``: its model is gone, so all of it is measured again."""
        for f in self.dir.glob("*.json"):
            if self.unit_of(f) == unit:
                f.unlink()

    def prune(self, units: set[str]) -> None:
        """Remove the records of ``units`` that this run did not use (settings or code since changed),
        so that the directory holds what the results JSON was made from."""
        for f in self.dir.glob("*.json"):
            if self.unit_of(f) in units and f not in self.used:
                f.unlink()

    def measured(self) -> list[dict]:
        """When, where and at which commit each record this run used was measured."""
        return [{"stage": f.stem, **json.loads(f.read_text()).get("measured", {})} for f in sorted(self.used)]


# ----------------------------------------------------------------------------- Marian

def marian_ready(venv: Path) -> bool:
    return venv_runs(venv, f"import pymarian; assert pymarian.__version__ == {MARIAN_VERSION!r}, pymarian.__version__")


def setup_marian(venv: Path, logs: Path) -> dict[str, str]:
    if not marian_ready(venv):
        say(f"setting up pymarian {MARIAN_VERSION} in {venv} (one-off: a 604 MB wheel)")
        make_venv(venv, [([f"pymarian=={MARIAN_VERSION}"], logs / "pip_marian.log")])
    if not marian_ready(venv):
        sys.exit(f"{venv}: pymarian {MARIAN_VERSION} does not import; see {logs / 'pip_marian.log'}")
    return pip_versions(venv, {"pymarian", "numpy", "pyyaml"})


def marian(venv: Path, mode: str, *args: str, log: Path, env: dict) -> None:
    """``pymarian MODE ARGS``: the marian binary's entry point inside the wheel."""
    run([str(venv_python(venv)), "-m", "pymarian", mode, *args, "--log", str(log)],
        log.with_suffix(".out"), env=env)


def marian_train_args(dim: int, model_dir: Path, ddir: Path, vocab: Path, threads: int, batch_tokens: int,
                      steps: int, log_every: int) -> list[str]:
    """``pymarian train``'s arguments for the s2s model nearest ours (also scripts/profile_marian.py's)."""
    return ["--type", "s2s", "--model", str(model_dir / "model.npz"),
            "--train-sets", str(ddir / "train.de"), str(ddir / "train.en"),
            "--vocabs", str(vocab), str(vocab), "--dim-vocabs", "8000", "8000",
            "--dim-emb", "256", "--dim-rnn", str(dim), "--enc-type", "bidirectional", "--enc-cell", "gru",
            "--enc-depth", "2", "--dec-cell", "gru", "--dec-depth", "1", "--tied-embeddings-all",
            "--dropout-rnn", "0.3", "--label-smoothing", "0.1", "--cost-type", "ce-mean-words",
            "--optimizer", "adam", "--learn-rate", "0.001", "--clip-norm", "1",
            "--mini-batch-words", str(batch_tokens), "--maxi-batch", "100", "--maxi-batch-sort", "trg",
            "--max-length", "80", "--cpu-threads", str(threads), "--after", f"{steps}u",
            "--disp-freq", f"{log_every}u", "--save-freq", f"{10 * steps}u", "--seed", "1",
            "--tempdir", str(model_dir), "--quiet"]


def marian_train(a: argparse.Namespace, dim: int, model_dir: Path, ddir: Path, vocab: Path, env: dict,
                 logs: Path) -> dict:
    if model_dir.exists():
        shutil.rmtree(model_dir)
    model_dir.mkdir(parents=True)
    log = logs / f"marian{dim}_train.log"
    log.unlink(missing_ok=True)
    t0 = time.perf_counter()
    marian(a.marian_venv, "train", *marian_train_args(dim, model_dir, ddir, vocab, a.threads, a.batch_tokens,
                                                      a.steps, a.log_every), log=log, env=env)
    wall = time.perf_counter() - t0
    text = log.read_text(encoding="utf-8", errors="replace")
    windows = [(int(u), float(t), float(w)) for u, t, w in MARIAN_WINDOW.findall(text)]
    import numpy as np

    with np.load(model_dir / "model.npz") as npz:
        params = sum(int(npz[k].size) for k in npz.files if not k.startswith("special:"))
    # Target tokens per update in each window: words/s x seconds / updates in the window.
    per_update = [w * t / (u - p) for (p, _, _), (u, t, w) in zip([(0, 0, 0)] + windows, windows)]
    return {"windows": [(u, w) for u, _, w in windows], "wall_s": round(wall, 1), "params": params,
            "tgt_tokens_per_update": round(statistics.median(per_update), 1)}


def marian_decode(a: argparse.Namespace, model: Path, vocab: Path, src: Path, out: Path, env: dict, logs: Path,
                  beam: int, threads: int, mini_batch: int, gemm: str, shortlist: Path | None,
                  per_source: int) -> float:
    """Marian's decode seconds for ``src`` (its own timer: after loading, through writing)."""
    extra = ["--optimize", "--gemm-type", gemm] if gemm != "float32" else []
    if shortlist is not None:
        extra += ["--shortlist", str(shortlist), "100", str(per_source + 1)]
    log = logs / f"marian_decode_{model.parent.name}_b{beam}_t{threads}_m{mini_batch}_{gemm}{'_sl' if shortlist else ''}.log"
    log.unlink(missing_ok=True)
    marian(a.marian_venv, "decode", "-m", str(model), "-v", str(vocab), str(vocab), "-i", str(src), "-o", str(out),
           "--cpu-threads", str(threads), "--beam-size", str(beam), "--normalize", "1.0", "--skip-cost",
           "--mini-batch", str(mini_batch), "--maxi-batch", "100", "--maxi-batch-sort", "src",
           "--max-length-factor", "3", "--stat-freq", "100000u", "--quiet-translation", *extra,
           log=log, env=env)
    found = MARIAN_DECODE.findall(log.read_text(encoding="utf-8", errors="replace"))
    if not found:
        sys.exit(f"{log}: no 'Processed ... in Xs' line")
    return float(found[-1][1])


def write_lex(ckpt: Path, out: Path, per_source: int) -> None:
    """Marian's text lexical table (``trg src prob`` a line) from our checkpoint's shortlist:
    each source piece, itself (a joint vocabulary copies names) and its best partners."""
    from nmt.checkpoint import load_checkpoint, tokenizer_of
    from nmt.shortlist import Shortlist

    payload = load_checkpoint(ckpt)
    sl, tok = Shortlist.from_payload(payload["shortlist"]), tokenizer_of(payload)
    table = sl.table.tolist()
    pieces = tok.tgt_pieces(list(range(len(table))))
    lines = []
    for s, partners in enumerate(table):
        src = pieces[s]
        if s < 4 or not src.strip():
            continue
        lines.append(f"{src} {src} 1.0")
        for rank, t in enumerate(p for p in partners[:per_source] if p >= 4):
            lines.append(f"{pieces[t]} {src} {0.9 / (rank + 1):.4f}")
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


# ----------------------------------------------------------------------------- OpenNMT-py

ONMT_VERSION = "3.5.1"
TORCH_VERSION = "2.13.0"
# What onmt.bin.{build_vocab,train,translate} import besides torch: its 3.5.1 wheel pins
# torch<2.3 (only CUDA builds satisfy it here), so it is installed with --no-deps beside
# our torch and these; ctranslate2, flask and waitress (its server) are left out.
ONMT_RUNTIME_DEPS = ["configargparse", "pyonmttok", "pyyaml", "sacrebleu", "sentencepiece", "six", "tensorboard",
                     "spacy", "pyahocorasick", "rapidfuzz", "fasttext-wheel"]
# "Step 20/   30; acc: 5.2; ppl: 7000.1; xent: 8.9; lr: 0.00100; sents:    1282; bsz: 1165/1312/128; 1234/1456 tok/s;"
ONMT_WINDOW = re.compile(r"Step\s+(\d+)/\s*\d+;.*?bsz:\s*\d+/\s*(\d+)/\s*\d+;\s*\d+/\s*(\d+) tok/s")
ONMT_PARAMS = re.compile(r"\* number of parameters: (\d+)")
ONMT_TIME = re.compile(r"Average translation time \(ms\): ([\d.]+)")


def onmt_ready(venv: Path) -> bool:
    return venv_runs(venv, "import torch, onmt, onmt.bin.train, onmt.bin.translate, onmt.bin.build_vocab; "
                     f"assert torch.__version__.split('+')[0] == {TORCH_VERSION!r}, torch.__version__; "
                     f"assert onmt.__version__ == {ONMT_VERSION!r}, onmt.__version__")


def setup_onmt(venv: Path, logs: Path) -> dict[str, str]:
    if not onmt_ready(venv):
        say(f"setting up OpenNMT-py {ONMT_VERSION} in {venv} (one-off)")
        make_venv(venv, [([f"torch=={TORCH_VERSION}"], logs / "pip_onmt_torch.log"),
                         (["--no-deps", f"opennmt-py=={ONMT_VERSION}"], logs / "pip_onmt.log"),
                         (ONMT_RUNTIME_DEPS, logs / "pip_onmt_deps.log")])
    if not onmt_ready(venv):
        sys.exit(f"{venv}: OpenNMT-py {ONMT_VERSION} does not import; see {logs}")
    return pip_versions(venv, {"torch", "opennmt-py", "sentencepiece", "numpy"})


def onmt_config(a: argparse.Namespace, ddir: Path, vocab: Path, model_dir: Path) -> dict:
    """The closest OpenNMT-py allows to ours: embeddings 256, a 2-layer bidirectional GRU
    encoder of 2 x 256, a GRU decoder of 512 with input feeding and MLP (additive)
    attention, shared source/target embeddings. Its tied softmax needs the decoder as
    wide as the embeddings, so the 512 -> 8k output layer is untied (more parameters
    than ours); ``bridge`` maps the 2-layer encoder's final states to the decoder's."""
    return {
        "save_data": str(model_dir / "data"), "src_vocab": str(model_dir / "vocab.txt"), "share_vocab": True,
        "src_vocab_size": 8000, "tgt_vocab_size": 8000, "overwrite": True,
        "data": {"corpus_1": {"path_src": str(ddir / "train.de"), "path_tgt": str(ddir / "train.en"),
                              "transforms": ["sentencepiece", "filtertoolong"]},
                 "valid": {"path_src": str(ddir / "dev.de"), "path_tgt": str(ddir / "dev.en"),
                           "transforms": ["sentencepiece"]}},
        "src_subword_model": str(vocab), "tgt_subword_model": str(vocab),
        "src_seq_length": 80, "tgt_seq_length": 80,
        "encoder_type": "brnn", "decoder_type": "rnn", "rnn_type": "GRU", "enc_layers": 2, "dec_layers": 1,
        "enc_hid_size": 512, "dec_hid_size": 512, "word_vec_size": 256, "global_attention": "mlp",
        "input_feed": 1, "bridge": True, "share_embeddings": True, "share_decoder_embeddings": False,
        "dropout": [0.3], "label_smoothing": 0.1, "optim": "adam", "learning_rate": 0.001, "max_grad_norm": 1.0,
        "batch_type": "tokens", "batch_size": a.batch_tokens, "valid_batch_size": 64, "train_steps": a.steps,
        "valid_steps": 100 * a.steps, "report_every": a.log_every, "save_checkpoint_steps": a.steps,
        "save_model": str(model_dir / "model"), "seed": 1, "world_size": 1, "num_workers": 0,
    }


def onmt_train(a: argparse.Namespace, ddir: Path, vocab: Path, model_dir: Path, env: dict, logs: Path) -> dict:
    import yaml

    if model_dir.exists():
        shutil.rmtree(model_dir)
    model_dir.mkdir(parents=True)
    cfg = model_dir / "config.yaml"
    cfg.write_text(yaml.safe_dump(onmt_config(a, ddir, vocab, model_dir), sort_keys=False), encoding="utf-8")
    py = str(venv_python(a.onmt_venv))
    run([py, "-m", "onmt.bin.build_vocab", "-config", str(cfg), "-n_sample", "-1"], logs / "onmt_vocab.log", env=env)
    t0 = time.perf_counter()
    run([py, "-m", "onmt.bin.train", "-config", str(cfg)], logs / "onmt_train.log", env=env)
    wall = time.perf_counter() - t0
    text = (logs / "onmt_train.log").read_text(encoding="utf-8", errors="replace")
    windows = [(int(s), int(b), float(t)) for s, b, t in ONMT_WINDOW.findall(text)]
    params = ONMT_PARAMS.findall(text)
    return {"windows": [(s, t) for s, _, t in windows], "wall_s": round(wall, 1),
            "params": int(params[-1]) if params else None,
            "tgt_tokens_per_update": statistics.median(b for _, b, _ in windows) if windows else None,
            "model": str(model_dir / f"model_step_{a.steps}.pt")}


def onmt_decode(a: argparse.Namespace, model: Path, vocab: Path, src: Path, out: Path, env: dict, logs: Path,
                beam: int, threads: int) -> float:
    """OpenNMT-py's own translation time (after loading the model; tokenizing, search, detokenizing)."""
    log = logs / f"onmt_decode_b{beam}_t{threads}.log"
    run([str(venv_python(a.onmt_venv)), "-m", "onmt.bin.translate", "-model", str(model), "-src", str(src),
         "-output", str(out), "-beam_size", str(beam), "-batch_size", str(a.decode_batch), "-batch_type", "sents",
         "-transforms", "sentencepiece", "-src_subword_model", str(vocab), "-tgt_subword_model", str(vocab),
         "-max_length", "250", "-length_penalty", "wu", "-alpha", "1.0", "-report_time", "-gpu", "-1"],
        # The checkpoint holds an argparse.Namespace, which torch >= 2.6 refuses to unpickle by
        # default; it is the one this script just trained, so the old behaviour is safe here.
        log, env={**env, "OMP_NUM_THREADS": str(threads), "MKL_NUM_THREADS": str(threads),
                  "TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD": "1"})
    found = ONMT_TIME.findall(log.read_text(encoding="utf-8", errors="replace"))
    if not found:
        sys.exit(f"{log}: no 'Average translation time' line")
    return float(found[-1]) * len(read_lines(src)) / 1000


# ----------------------------------------------------------------------------- measuring

class Scorer:
    """BLEU against references and output tokens under the shared SentencePiece model."""

    def __init__(self, spm_model: Path) -> None:
        import sentencepiece as spm

        self.sp = spm.SentencePieceProcessor(model_file=str(spm_model))

    def measure(self, hyp: Path, refs: list[str], seconds: float) -> dict:
        import sacrebleu

        hyps = read_lines(hyp)
        if len(hyps) != len(refs):
            sys.exit(f"{hyp}: {len(hyps)} lines for {len(refs)} sources")
        tokens = sum(len(p) + 1 for p in self.sp.encode(hyps))
        return {"seconds": round(seconds, 3), "sent_s": round(len(hyps) / seconds, 2),
                "out_tok_s": round(tokens / seconds, 1), "mean_out_tokens": round(tokens / len(hyps), 2),
                "mean_out_words": round(sum(len(h.split()) for h in hyps) / len(hyps), 2),
                "bleu": round(sacrebleu.corpus_bleu(hyps, [refs]).score, 2)}


def median_of(runs: int, once: Callable[[], float]) -> float:
    return statistics.median(once() for _ in range(runs))


def main() -> int:  # noqa: C901 (one linear script)
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--steps", type=int, default=1000, help="training updates of every model (default 1000)")
    ap.add_argument("--log-every", type=int, default=50, help="updates per logging window (default 50)")
    ap.add_argument("--threads", type=int, default=2, help="threads of both (default 2)")
    ap.add_argument("--batch-tokens", type=int, default=2048)
    ap.add_argument("--beam", type=int, default=5)
    ap.add_argument("--decode-batch", type=int, default=64, help="our sentences per decoding batch")
    ap.add_argument("--mini-batches", default="16,32,64,128", help="Marian --mini-batch values swept at beam 5")
    ap.add_argument("--dims", default="256,512", help="Marian --dim-rnn settings (default 256,512)")
    ap.add_argument("--ours-amp", default="none",
                    help="our train.amp settings, each trained and timed (default none; none,bf16 adds bfloat16 autocast; "
                         "the first decodes)")
    ap.add_argument("--repeats", type=int, default=3, help="timings per decode setting (median)")
    ap.add_argument("--max-sentences", type=int, default=0, help="decode only the first N test sentences")
    ap.add_argument("--config", type=Path, default=ROOT / "configs" / "multi30k_de_en.yaml")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--marian-venv", type=Path, default=Path("/tmp/marian-venv"))
    ap.add_argument("--onmt-venv", type=Path, default=Path("/tmp/onmt-venv"))
    ap.add_argument("--no-onmt", action="store_true", help="leave OpenNMT-py out")
    ap.add_argument("--work", type=Path, default=ROOT / "runs" / "bench_marian", help="models, logs, outputs")
    ap.add_argument("--stages", type=Path,
                    help="records of finished stages (default: scripts/results/bench_vs_marian/, committed: the "
                         "benchmark spans sessions; WORK/stages when --results is not the default, so that a "
                         "quick run never touches the published records)")
    ap.add_argument("--fresh", action="store_true", help="forget the finished stages in --stages")
    ap.add_argument("--results", type=Path, default=ROOT / "scripts" / "results" / "bench_vs_marian.json")
    a = ap.parse_args()
    if a.steps < 3 * a.log_every:
        ap.error("--steps must cover at least three logging windows (3 x --log-every)")
    a.marian_venv, a.onmt_venv = a.marian_venv.resolve(), a.onmt_venv.resolve()
    dims = [int(x) for x in a.dims.split(",")]
    amps = a.ours_amp.split(",")
    mini_batches = [int(x) for x in a.mini_batches.split(",")]

    work = a.work.resolve()
    logs, ddir = work / "logs", work / "data"
    logs.mkdir(parents=True, exist_ok=True)
    published = a.results.resolve() == (ROOT / "scripts" / "results" / "bench_vs_marian.json").resolve()
    stages_dir = a.stages or (ROOT / "scripts" / "results" / "bench_vs_marian" if published else work / "stages")
    stages = Stages(stages_dir.resolve(), a.fresh)
    t_start = time.perf_counter()
    marian_pkgs = setup_marian(a.marian_venv, logs)
    onmt_pkgs = None if a.no_onmt else setup_onmt(a.onmt_venv, logs)
    write_text_splits(a.data, ddir)
    test_src = ddir / "test.de"
    if a.max_sentences:
        test_src = head_file(test_src, work / f"test.{a.max_sentences}.de", a.max_sentences)
    n_test = len(read_lines(test_src))
    test_refs = read_lines(ddir / "test.en")[:n_test]
    dev_refs = read_lines(ddir / "dev.en")

    env = dict(os.environ)
    env.update(OMP_NUM_THREADS=str(a.threads), MKL_NUM_THREADS=str(a.threads), PYTHONUNBUFFERED="1",
               HF_DATASETS_OFFLINE="1", HF_HUB_OFFLINE="1")
    train_key = {"steps": a.steps, "log_every": a.log_every, "threads": a.threads, "batch_tokens": a.batch_tokens,
                 "config": str(a.config), "data": str(a.data.resolve())}
    decode_key = {**train_key, "n_test": n_test, "repeats": a.repeats, "beam": a.beam}
    # A unit is done when all of its stages are: then its model is no longer needed.
    done_key = {**decode_key, "mini_batches": mini_batches, "threads_set": sorted({1, a.threads})}
    out_dir = work / "models"
    hyps = work / "hyps"
    hyps.mkdir(parents=True, exist_ok=True)

    # --- ours: train (its SentencePiece model becomes Marian's vocab.spm), validate. Our stages'
    # keys hold a digest of nmt/'s source, so a change to our code retrains and re-times ours.
    ours_key = {**train_key, "nmt_source": _source_digest()}

    def train_ours(run_dir: Path, amp: str) -> dict:
        say(f"ours (train.amp={amp}): training {a.steps} steps")
        tr = ours_train(a, run_dir, env, logs, "marian" if amp == "none" else f"marian_{amp}", f"train.amp={amp}")
        rows = [json.loads(x) for x in (run_dir / "train_log.jsonl").read_text().splitlines() if x.strip()]
        train = [r for r in rows if r.get("kind") == "train"]
        per_update = [r["tgt_tokens_per_s"] * (r["elapsed"] - p["elapsed"]) / (r["step"] - p["step"])
                      for p, r in zip(train, train[1:])]
        return {"windows": tr["windows"], "wall_s": round(tr["wall_s"], 1), "amp": amp,
                "tgt_tokens_per_update": round(statistics.median(per_update), 1)}

    def run_dir_of(amp: str) -> Path:
        return out_dir / ("ours" if amp == amps[0] else f"ours_{amp}")

    if not all((run_dir_of(amp) / "best.pt").is_file() for amp in amps):
        stages.drop("ours")  # our model gives the others their vocabulary and shortlist: always at hand
    ours_runs = {amp: stages.get("train-ours" + ("" if amp == amps[0] else f"-{amp}"), {**ours_key, "amp": amp},
                                 train_ours, run_dir_of(amp), amp) for amp in amps}
    ours = ours_runs[amps[0]]
    ckpt = run_dir_of(amps[0]) / "best.pt"
    for amp in amps:
        if not (run_dir_of(amp) / "best.pt").is_file():
            sys.exit(f"{run_dir_of(amp) / 'best.pt'}: missing (the stage record says it was trained): rerun with --fresh")
    vocab = work / "vocab.spm"
    shutil.copyfile(run_dir_of(amps[0]) / "spm.model", vocab)
    scorer = Scorer(vocab)
    per_source = _decode_setting(ckpt, "shortlist_per_source")

    def onnx_export() -> dict:
        onnx_dir = out_dir / "ours_onnx"
        run([sys.executable, "-m", "nmt", "export", "-m", str(ckpt), "--format", "onnx", "-o", str(onnx_dir),
             "--int8", "--force"], logs / "ours_export.log", env=env, cwd=str(ROOT))
        return {"dir": str(onnx_dir)}

    onnx_dir = Path(stages.get("export-ours-onnx", ours_key, onnx_export)["dir"])

    def ours_decode(src: Path, refs: list[str], variant: str, beam: int, threads: int, tag: str,
                    model_ckpt: Path = ckpt) -> dict:
        model = onnx_dir if variant.startswith("onnx") else model_ckpt
        name = "ours" if model_ckpt == ckpt else model_ckpt.parent.name
        hyp = hyps / f"{name}_{tag}_{variant}_b{beam}_t{threads}.en"

        def once() -> float:
            return ours_translate(a, model, src, hyp, env, logs, tag, variant, beam, threads)["decode_s"]

        return scorer.measure(hyp, refs, median_of(1 if tag == "dev" else a.repeats, once))

    for amp, o in ours_runs.items():
        run_ckpt = run_dir_of(amp) / "best.pt"
        o["params"] = _our_params(run_ckpt)
        o["valid"] = stages.get("valid-ours" + ("" if amp == amps[0] else f"-{amp}"), {**ours_key, "amp": amp},
                                lambda c=run_ckpt: ours_decode(ddir / "dev.de", dev_refs, "full", a.beam, a.threads,
                                                               "dev", c))
        o["train_tok_s"] = median_after_first(o["windows"])
        say(f"ours (train.amp={amp}): {o['train_tok_s']:.0f} tgt tok/s, validation BLEU {o['valid']['bleu']}")

    # --- Marian: train each --dim-rnn, validate
    marians: dict[str, dict] = {}
    for dim in dims:
        name = f"marian{dim}"
        model_dir = out_dir / name

        def train_marian(dim: int = dim, model_dir: Path = model_dir) -> dict:
            say(f"Marian --dim-rnn {dim}: training {a.steps} updates")
            return marian_train(a, dim, model_dir, ddir, vocab, env, logs)

        model = model_dir / "model.npz"
        if not model.is_file() and not stages.has(f"done-{name}", {**done_key, "dim": dim}, cpu_model()):
            stages.drop(name)
        m = stages.get(f"train-{name}", {**train_key, "dim": dim, "vocab": _digest(vocab)}, train_marian)

        def marian_measure(src: Path, refs: list[str], beam: int, threads: int, mb: int, gemm: str,
                           sl: Path | None, tag: str, model: Path = model, name: str = name) -> dict:
            hyp = hyps / f"{name}_{tag}_b{beam}_t{threads}_m{mb}_{gemm}{'_sl' if sl else ''}.en"
            secs = median_of(1 if tag == "dev" else a.repeats,
                             lambda: marian_decode(a, model, vocab, src, hyp, env, logs, beam, threads, mb, gemm,
                                                   sl, per_source))
            return scorer.measure(hyp, refs, secs)

        m["valid"] = stages.get(f"valid-{name}", {**train_key, "dim": dim},
                                lambda: marian_measure(ddir / "dev.de", dev_refs, a.beam, a.threads, 64, "float32",
                                                       None, "dev"))
        m["train_tok_s"] = median_after_first(m["windows"])
        m["marian_measure"] = marian_measure
        marians[name] = m
        say(f"{name}: {m['train_tok_s']:.0f} tgt tok/s, {m['params']:,} parameters, "
            f"validation BLEU {m['valid']['bleu']}")

    # --- OpenNMT-py: train, validate
    onmt: dict | None = None
    if not a.no_onmt:
        def train_onmt() -> dict:
            say(f"OpenNMT-py: training {a.steps} steps")
            return onmt_train(a, ddir, vocab, out_dir / "onmt", env, logs)

        if not (out_dir / "onmt").is_dir() and not stages.has("done-onmt", done_key, cpu_model()):
            stages.drop("onmt")
        onmt = stages.get("train-onmt", {**train_key, "vocab": _digest(vocab)}, train_onmt)
        onmt_model = Path(onmt["model"])

        def onmt_measure(src: Path, refs: list[str], beam: int, threads: int, tag: str) -> dict:
            hyp = hyps / f"onmt_{tag}_b{beam}_t{threads}.en"
            secs = median_of(1 if tag == "dev" else a.repeats,
                             lambda: onmt_decode(a, onmt_model, vocab, src, hyp, env, logs, beam, threads))
            return scorer.measure(hyp, refs, secs)

        onmt["valid"] = stages.get("valid-onmt", train_key, onmt_measure, ddir / "dev.de", dev_refs, a.beam,
                                   a.threads, "dev")
        onmt["train_tok_s"] = median_after_first([tuple(w) for w in onmt["windows"]])
        say(f"OpenNMT-py: {onmt['train_tok_s']:.0f} tgt tok/s, {onmt['params']:,} parameters, "
            f"validation BLEU {onmt['valid']['bleu']}")

    # --- decoding test2016
    lex = work / "lex.s2t"
    write_lex(ckpt, lex, per_source)
    rows: list[dict] = []
    for name, m in marians.items():
        measure = m.pop("marian_measure")

        def sweep(measure: Callable = measure) -> dict:
            return {str(mb): measure(test_src, test_refs, a.beam, a.threads, mb, "float32", None, "test")
                    for mb in mini_batches}

        swept = stages.get(f"sweep-{name}", {**decode_key, "mini_batches": mini_batches}, sweep)
        best_mb = max(mini_batches, key=lambda mb: swept[str(mb)]["out_tok_s"])
        m["mini_batch_sweep"] = swept
        m["mini_batch"] = best_mb
        say(f"{name}: fastest --mini-batch at beam {a.beam}: {best_mb}")
        for beam in (a.beam, 1):
            for threads in sorted({1, a.threads}):
                for gemm in ("float32", "packed16", "packed8"):
                    for sl in (None, lex):
                        if sl is not None and gemm == "packed16":
                            continue
                        key = {**decode_key, "b": beam, "t": threads, "gemm": gemm, "sl": bool(sl), "mb": best_mb}
                        r = stages.get(f"decode-{name}-b{beam}-t{threads}-{gemm}{'-sl' if sl else ''}", key,
                                       measure, test_src, test_refs, beam, threads, best_mb, gemm, sl, "test")
                        rows.append({"toolkit": name, "beam": beam, "threads": threads,
                                     "setting": gemm + (" + shortlist" if sl else ""),
                                     "precision": {"float32": "fp32", "packed16": "fp16", "packed8": "int8"}[gemm],
                                     "shortlist": bool(sl), **r})
                        say(f"{name} beam {beam} {threads}t {rows[-1]['setting']}: {r['out_tok_s']} out tok/s, "
                            f"{r['sent_s']} sent/s, BLEU {r['bleu']}")
        stages.get(f"done-{name}", {**done_key, "dim": int(name.removeprefix("marian"))}, dict)
    for beam in (a.beam, 1):
        for threads in sorted({1, a.threads}):
            for variant, setting, precision, sl in (("full", "torch fp32", "fp32", False),
                                                    ("int8+full", "torch --int8", "int8", False),
                                                    ("bf16+full", "torch --bf16", "bf16", False),
                                                    ("onnx+full", "onnxruntime fp32", "fp32", False),
                                                    ("onnx+int8+full", "onnxruntime int8", "int8", False),
                                                    ("default", "torch fp32 + shortlist", "fp32", True),
                                                    ("int8", "torch --int8 + shortlist", "int8", True),
                                                    ("bf16", "torch --bf16 + shortlist", "bf16", True),
                                                    *(() if threads == 1 else (
                                                        ("full+w2", "torch fp32, 2 processes", "fp32", False),
                                                        ("int8+full+w2", "torch --int8, 2 processes", "int8", False),
                                                        ("bf16+full+w2", "torch --bf16, 2 processes", "bf16", False),
                                                        ("default+w2", "torch fp32 + shortlist, 2 processes",
                                                         "fp32", True),
                                                        ("int8+w2", "torch --int8 + shortlist, 2 processes",
                                                         "int8", True),
                                                        ("bf16+w2", "torch --bf16 + shortlist, 2 processes",
                                                         "bf16", True)))):
                key = {**decode_key, "b": beam, "t": threads, "variant": variant, "nmt_source": ours_key["nmt_source"]}
                r = stages.get(f"decode-ours-b{beam}-t{threads}-{variant}", key,
                               ours_decode, test_src, test_refs, variant, beam, threads, "test")
                rows.append({"toolkit": "ours", "beam": beam, "threads": threads, "setting": setting,
                             "precision": precision, "shortlist": sl, **r})
                say(f"ours beam {beam} {threads}t {setting}: {r['out_tok_s']} out tok/s, {r['sent_s']} sent/s, "
                    f"BLEU {r['bleu']}")

    if onmt is not None:
        for beam in (a.beam, 1):
            for threads in sorted({1, a.threads}):
                key = {**decode_key, "b": beam, "t": threads}
                r = stages.get(f"decode-onmt-b{beam}-t{threads}", key, onmt_measure, test_src, test_refs, beam,
                               threads, "test")
                rows.append({"toolkit": "opennmt-py", "beam": beam, "threads": threads, "setting": "torch fp32",
                             "precision": "fp32", "shortlist": False, **r})
                say(f"OpenNMT-py beam {beam} {threads}t: {r['out_tok_s']} out tok/s, BLEU {r['bleu']}")
        stages.get("done-onmt", done_key, dict)

    # --- ratios
    fastest_marian = max(marians, key=lambda n: marians[n]["train_tok_s"])
    # ours ÷ each Marian setting, for each of our precisions; the headline is our fastest
    # precision against the faster Marian setting (the bar), with the precision named.
    train_ratios = {amp: {n: round(o["train_tok_s"] / m["train_tok_s"], 3) for n, m in marians.items()}
                    for amp, o in ours_runs.items()}
    fastest_amp = max(ours_runs, key=lambda amp: ours_runs[amp]["train_tok_s"])

    def best(who: str, **want: Any) -> dict:
        cands = [r for r in rows if r["toolkit"] == who and r["beam"] == a.beam and r["threads"] == a.threads
                 and all(r[k] == v for k, v in want.items())]
        return max(cands, key=lambda r: r["out_tok_s"])

    decode_vs = {}
    for n in marians:
        decode_vs[n] = {
            "fastest_full_vocab": round(best("ours", shortlist=False)["out_tok_s"]
                                        / best(n, shortlist=False)["out_tok_s"], 3),
            "fp32": round(best("ours", shortlist=False, precision="fp32")["out_tok_s"]
                          / best(n, shortlist=False, precision="fp32")["out_tok_s"], 3),
            "int8": round(best("ours", shortlist=False, precision="int8")["out_tok_s"]
                          / best(n, shortlist=False, precision="int8")["out_tok_s"], 3),
            "16-bit": round(best("ours", shortlist=False, precision="bf16")["out_tok_s"]
                            / best(n, shortlist=False, precision="fp16")["out_tok_s"], 3),
            "shortlist": round(best("ours", shortlist=True)["out_tok_s"] / best(n, shortlist=True)["out_tok_s"], 3),
        }
    fastest_decoder = max(marians, key=lambda n: best(n, shortlist=False)["out_tok_s"])
    train_ratio = min(train_ratios[fastest_amp].values())
    decode_ratio = decode_vs[fastest_decoder]["fastest_full_vocab"]

    result = {
        "benchmark": f"nmt vs Marian {MARIAN_VERSION} (pymarian), Multi30k de-en, CPU",
        "settings": {**train_key, "beam": a.beam, "decode_batch": a.decode_batch, "mini_batches": mini_batches,
                     "dims": dims, "repeats": a.repeats, "test_sentences": n_test,
                     "vocabulary": "ours (nmt train's joint 8k unigram SentencePiece model), given to Marian as vocab.spm"},
        "ours": {k: v for k, v in ours.items()},
        "ours_amp": {amp: o for amp, o in ours_runs.items() if amp != amps[0]},
        "marian": marians,
        "opennmt_py": onmt,
        "decode": rows,
        "train_ratios": train_ratios,
        "train_ratio": train_ratio,
        "train_ratio_against": fastest_marian,
        "train_ratio_amp": fastest_amp,
        "decode_ratios": decode_vs,
        "decode_ratio": decode_ratio,
        "decode_ratio_against": fastest_decoder,
        "marian_packages": marian_pkgs,
        "onmt_packages": onmt_pkgs,
        "torch": _torch_version(),
        "python": platform.python_version(),
        "cpu": cpu_model(),
        "cpu_count": os.cpu_count(),
        "load_avg_at_end": os.getloadavg(),
        "total_wall_s": round(time.perf_counter() - t_start, 1),
        "date": time.strftime("%Y-%m-%d %H:%M:%S"),
        "git_commit": git_commit(),
        "command": "python scripts/bench_vs_marian.py " + " ".join(sys.argv[1:]),
    }
    stages.prune({"ours", *marians, *(["onmt"] if onmt else [])})
    when = stages.measured()
    result["stages_measured"] = when
    result["measured_between"] = [min(w["date"] for w in when if "date" in w),
                                  max(w["date"] for w in when if "date" in w)] if when else None
    result["cpus"] = sorted({w["cpu"] for w in when if "cpu" in w})
    a.results.parent.mkdir(parents=True, exist_ok=True)
    a.results.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")

    print(f"\n{a.steps} updates, {a.threads} threads, beam {a.beam}, {n_test} test sentences")
    print(f"{'model':<12}{'params':>12}{'train tok/s':>13}{'tok/update':>12}{'valid BLEU':>12}")
    for n, m in [*((f"ours {amp}", o) for amp, o in ours_runs.items()), *marians.items(),
                 *([("opennmt-py", onmt)] if onmt else [])]:
        print(f"{n:<12}{m['params']:>12,}{m['train_tok_s']:>13.0f}{m['tgt_tokens_per_update']:>12.0f}"
              f"{m['valid']['bleu']:>12.2f}")
    print(f"\n{'toolkit':<12}{'beam':>5}{'thr':>4}  {'setting':<28}{'out tok/s':>10}{'sent/s':>9}{'len':>7}{'BLEU':>7}")
    for r in rows:
        print(f"{r['toolkit']:<12}{r['beam']:>5}{r['threads']:>4}  {r['setting']:<28}{r['out_tok_s']:>10.0f}"
              f"{r['sent_s']:>9.1f}{r['mean_out_tokens']:>7.1f}{r['bleu']:>7.2f}")
    print(f"\nresults: {a.results}")
    print(f"train_ratio={train_ratio:.2f} decode_ratio={decode_ratio:.2f}")
    return 0


def _digest(path: Path) -> str:
    return hashlib.blake2b(path.read_bytes(), digest_size=8).hexdigest()


def _source_digest() -> str:
    """A digest of nmt/'s Python source: what our stages' figures depend on besides their settings."""
    h = hashlib.blake2b(digest_size=8)
    for f in sorted((ROOT / "nmt").rglob("*.py")):
        h.update(str(f.relative_to(ROOT)).encode() + b"\0" + f.read_bytes())
    return h.hexdigest()


def _decode_setting(ckpt: Path, name: str) -> Any:
    from nmt.checkpoint import config_of, load_checkpoint

    return getattr(config_of(load_checkpoint(ckpt)).decode, name)


def _our_params(ckpt: Path) -> int:
    from nmt.decoding.translator import load_model
    from nmt.model.seq2seq import count_parameters

    return count_parameters(load_model(ckpt)[1])


def _torch_version() -> str:
    import torch

    return torch.__version__


if __name__ == "__main__":
    sys.exit(main())
