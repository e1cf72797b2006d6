"""The config's sections: one dataclass each, whose defaults say why they are what they are.

Configs are data. ``Config`` holds the five sections (data, vocab, model, train,
decode); :mod:`nmt.config.loading` builds it from YAML and ``--set`` overrides and
:mod:`nmt.config.checks` rejects impossible values, both naming the dotted key. The
resolved config (``Config.to_dict()``) is written beside every run and inside every
checkpoint, so translate and evaluate rebuild exactly what trained.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from typing import Any, Literal, Optional

# Device names accepted by train.device and --device (resolved by nmt.device).
DEVICE_PATTERN = re.compile(r"^(auto|cpu|cuda(:\d+)?)$")


@dataclass
class DataConfig:
    """Where the parallel corpus lives and which parts of it to use."""

    # A hub id (``bentrevett/multi30k``), a local dataset folder, or a prefix of
    # plain parallel files (``corpus/train`` → ``corpus/train.de`` + ``.en``).
    dataset: str = "../shared/data/multi30k"
    # Hub configuration name, e.g. ``de-en`` for ``wmt14``.
    name: Optional[str] = None
    src_lang: str = "de"  # source language: a column name, or a key of the translation column
    tgt_lang: str = "en"  # target language, likewise
    train_split: str = "train"  # split names in the dataset
    valid_split: str = "validation"  # validation BLEU during training
    test_split: str = "test"  # what nmt evaluate scores by default
    # Training pairs longer than this many pieces on either side are dropped
    # (validation and test are never filtered).
    max_len: int = 100
    # Use only the first N training pairs (tiny runs, tests); None = all.
    max_train_examples: Optional[int] = None
    # Validate on the first N validation pairs only (speeds up tiny runs).
    max_valid_examples: Optional[int] = None
    # Deliberately allow src_lang == tgt_lang (e.g. paraphrasing, auto-encoding).
    allow_same_lang: bool = False
    # Where tokenized training sets, SentencePiece models and shortlist tables are
    # cached, keyed by the split's data files and the settings that made them, so a
    # second run and --resume start in seconds (None: $NMT_CACHE, else ~/.cache/nmt).
    cache_dir: Optional[str] = None
    # Processes that tokenize the training set (datasets.map num_proc); 0 = one per CPU core.
    num_proc: int = 0
    # Read the training split with datasets streaming (hub corpora too large to download
    # whole); examples pass through a shuffle buffer. Validation and test load normally.
    streaming: bool = False
    # Streaming only: the shuffle buffer, in pairs (datasets IterableDataset.shuffle).
    shuffle_buffer: int = 100_000
    # Train on these corpora instead of data.dataset's training split (validation and test
    # still come from data.dataset): e.g. a distilled corpus (nmt distill), alone or beside
    # the original. Each is a mapping {dataset, name, split, weight}, or the dataset alone. Equal weights
    # concatenate the corpora (every pair once an epoch); unequal ones draw pairs with
    # datasets.interleave_datasets, each corpus with probability weight / sum of weights,
    # until every corpus has been seen whole (the smaller ones repeat).
    corpora: list[CorpusConfig] = field(default_factory=list)
    # One model for several directions (``[de-en, fr-en, en-de]``; Johnson et al. 2017):
    # each source gets its target language's tag (``<2en>``, one SentencePiece piece),
    # batches mix the directions, and validation scores each one (best.pt on their mean).
    # Empty: the one direction src_lang -> tgt_lang.
    directions: list[str] = field(default_factory=list)
    # Directions are drawn with probability proportional to (pairs / all pairs) ** (1/T):
    # 1 follows the data, larger values up-sample the small directions (Arivazhagan et
    # al. 2019 use 5). Equal-sized directions (Multi30k) are drawn equally at any T.
    direction_temperature: float = 5.0
    # Training-pair filters (the data.filter table), each counted in the run log; never validation or test.
    filter: FilterConfig = field(default_factory=lambda: FilterConfig())


@dataclass
class FilterConfig:
    """``data.filter``: what real (crawled, back-translated) corpora need removed before training."""

    # Drop pairs whose longer side has more than max_ratio times the pieces of the
    # shorter (misaligned or truncated pairs); 0 = keep all. Fairseq/Moses use 1.5-3.
    max_ratio: float = 0.0
    # Drop exact duplicate pairs (both sides equal), keeping the first: crawled corpora
    # repeat boilerplate thousands of times. Hash-based: 8 bytes a pair in memory.
    dedup: bool = False


@dataclass
class CorpusConfig:
    """One training corpus of ``data.corpora`` (its rows are read as ``data.src_lang`` and ``data.tgt_lang``)."""

    dataset: str = ""  # a hub id, a local dataset folder or a folder of plain parallel files
    name: Optional[str] = None  # hub configuration name
    split: Optional[str] = None  # its split to train on (None: data.train_split)
    # Share of training pairs drawn from this corpus, relative to the others' weights.
    weight: float = 1.0
    # A tag put before each of its sources, e.g. ``<BT>`` for back-translated pairs
    # (Caswell et al. 2019, "Tagged Back-Translation"): the model learns to tell synthetic
    # sources from real ones. Tags are single SentencePiece pieces (user-defined symbols).
    tag: Optional[str] = None


@dataclass
class VocabConfig:
    """SentencePiece models trained on the training split by ``nmt train``."""

    type: Literal["unigram", "bpe"] = "unigram"  # SentencePiece model type
    # 8k joint pieces suit Multi30k's 29k pairs (Joey NMT's and fairseq's choice).
    vocab_size: int = 8000
    # One model for both sides lets us share source/target embeddings.
    joint: bool = True
    # 1.0 keeps every character of these Latin-script languages.
    character_coverage: float = 1.0
    # SentencePiece trains on a random sample of this many sentences (0 = all); its
    # trainer holds ~2.8 KB a sentence (scripts/bench_spm_memory.py), so 200k keeps
    # start-up memory flat from 100k to 4M pairs (scripts/bench_scale.py). Smaller
    # corpora (Multi30k) use every sentence, in order.
    input_sentence_size: int = 200_000
    # Characters outside the vocabulary become their UTF-8 bytes (pieces <0x41>) instead of
    # <unk>, so none comes out as ⁇; multilingual models (several scripts) want it.
    byte_fallback: bool = False


@dataclass
class ModelConfig:
    """A bidirectional RNN encoder and an attentional RNN decoder (Bahdanau et al. 2015)."""

    cell: Literal["gru", "lstm", "rnn"] = "gru"  # the recurrence of encoder and decoder
    emb_size: int = 256  # embedding width (source and target)
    # Per direction: the encoder states are 2 * enc_hidden wide.
    enc_hidden: int = 256
    enc_layers: int = 2  # stacked bidirectional encoder layers
    dec_hidden: int = 512  # decoder state width
    dec_layers: int = 1  # stacked decoder layers
    # Width of the additive attention's hidden layer (0 = dec_hidden).
    attn_size: int = 0
    # Dropout on embeddings, between RNN layers and before the output layer.
    dropout: float = 0.3
    # Probability of replacing a whole target input word by <unk> (Gal & Ghahramani 2016).
    word_dropout: float = 0.0
    # Feed the previous attentional vector into the decoder RNN (Luong et al. 2015).
    input_feeding: bool = True
    # Tie the target embedding with the output projection (Press & Wolf 2017).
    tie_output: bool = True
    # Share source and target embeddings (needs a joint vocabulary).
    share_embeddings: bool = True


@dataclass
class TrainConfig:
    """The optimisation loop."""

    seed: int = 1  # initial weights, dropout and the data order of every epoch
    # Token budget per batch (source+target pieces, after padding to bucket length);
    # per process: with torchrun the global batch is world_size * accum_steps of these.
    batch_tokens: int = 2048
    # Gradient accumulation: one update per accum_steps batches (on one GPU, reproduces
    # the global batch of accum_steps GPUs).
    accum_steps: int = 1
    # Scale lr with the global batch (processes x accum_steps x batch_tokens) against
    # lr_reference_tokens, the batch lr was tuned for: linear (Goyal et al. 2017) or
    # sqrt (the usual choice for Adam; Hoffer et al. 2017); none uses lr as given.
    # For larger GPU batches, pair it with scheduler=warmup.
    lr_scaling: Literal["none", "linear", "sqrt"] = "none"
    lr_reference_tokens: int = 2048  # the global batch (tokens) lr was tuned for
    # torchrun only: seconds a process waits for the others in a collective (the first
    # process tokenizing a new corpus, rank 0 validating) before the run counts as lost.
    dist_timeout: float = 1800.0
    # Or a fixed number of sentences per batch when > 0 (overrides batch_tokens).
    batch_sentences: int = 0
    lr: float = 1e-3  # Adam learning rate (before lr_scaling)
    # Adam; weight decay is rarely useful for these small models.
    weight_decay: float = 0.0
    clip_grad_norm: float = 1.0  # gradient-norm clipping; 0 = off
    label_smoothing: float = 0.1  # Szegedy et al. 2016
    scheduler: Literal["plateau", "warmup", "cosine", "constant"] = "plateau"  # how lr changes during training
    # plateau: multiply lr by `decay_factor` after `lr_patience` validations without gain.
    decay_factor: float = 0.5
    lr_patience: int = 2  # plateau: validations without gain before lr decays
    min_lr: float = 1e-5  # plateau: lr never decays below this; cosine: lr at max_steps
    # warmup: linear warmup for this many steps, then inverse square root decay.
    # cosine: linear warmup for this many steps (may be 0), then a cosine from lr down
    # to min_lr at max_steps: a run of a fixed short budget ends annealed.
    warmup_steps: int = 0
    max_steps: int = 0  # 0 = no limit (max_epochs decides)
    max_epochs: int = 30  # passes over the training set at most
    # Stop after this much wall-clock (seconds); 0 = no limit.
    max_time: float = 0.0
    valid_every: int = 500  # steps between validations (and checkpoints)
    log_every: int = 50  # steps between lines of train_log.jsonl
    # Early stopping after this many validations without a better BLEU.
    patience: int = 8
    # Decoding for validation BLEU: 1 = greedy, keeps validation cheap.
    valid_beam: int = 1
    # torch intra-op threads; 0 = torch's default.
    threads: int = 0
    # Where to train: auto (a CUDA GPU when torch sees one, else the CPU), cpu, cuda or cuda:N.
    device: str = "auto"
    # Mixed precision, CPU only: bf16 runs the matrix products under torch.autocast in
    # bfloat16 (weights and Adam state stay float32), for CPUs with bf16 units
    # (AVX512-BF16/AMX); on AVX2-only CPUs it is slower than none. Refused on a GPU,
    # where it was no faster than float32 with TF32 (docs/gpu.md).
    amp: Literal["none", "bf16"] = "none"
    # CUDA only: float32 matrix products and cuDNN recurrences on TF32 tensor cores
    # (10-bit mantissa inputs, float32 accumulation), as most GPU trainers do; false
    # keeps full float32. No effect on the CPU.
    tf32: bool = True
    # Compile the decoder step (recurrence, attention, readout; run once per target
    # position) with torch.compile(dynamic=True), fusing its small element-wise ops
    # into fewer kernels. The first steps pay the compilation (tens of seconds).
    compile: bool = False
    # Several consecutive non-finite losses stop training.
    max_bad_steps: int = 5
    tensorboard: bool = False  # also log to RUN/tensorboard (needs the tensorboard package)
    # Keep the weights of the last N validations (valid-STEP.pt) and write their
    # average to `averaged.pt` at the end, with its validation scores (0 = off).
    average_last: int = 0


@dataclass
class DecodeConfig:
    """Beam search settings used by translate and evaluate."""

    beam_size: int = 5  # 1 = greedy
    # GNMT-style length penalty exponent; 0 disables, 1 = average log-prob.
    length_penalty: float = 1.0
    # Outputs are at most max_len_a * source_length + max_len_b pieces.
    max_len_a: float = 1.5
    max_len_b: int = 10  # see max_len_a
    # Sentences per decoding batch.
    batch_size: int = 64
    # Longer inputs are cut to this many source pieces (with a warning), which
    # bounds memory and time for any input line.
    max_src_len: int = 250
    # CPU only: int8 weights with dynamic activation quantization for the matrix
    # products (torch.ao dynamic quantization, as OpenNMT-py's -int8); faster on
    # CPUs without bf16, at a small cost in BLEU (docs/performance.md).
    int8: bool = False
    # CPU only: the decoder's matrix products in bfloat16 (weights rounded and packed for
    # oneDNN once, activations per step; scores and the search stay float32), for CPUs with
    # bf16 units (AVX512-BF16, AMX), where they run about 2.5x faster than float32; on
    # others slower. BLEU changes by rounding only (docs/performance.md). Not with int8.
    bf16: bool = False
    # Lexical shortlist (nmt/shortlist.py, Marian's and CTranslate2's CPU lever):
    # each sentence's softmax covers only the special ids, the shortlist_frequent
    # most frequent target pieces and the shortlist_per_source best co-occurring
    # target pieces of each of its source pieces (and its source pieces, with a
    # joint vocabulary). Checkpoints without a shortlist table use the whole
    # vocabulary. 100 x 10 was chosen on Multi30k validation (3 seeds, beam 5):
    # BLEU 41.11 vs 41.15 with the whole vocabulary, chrF +0.3, 1.35x faster
    # on 2 CPU threads (scripts/bench_shortlist.py, docs/performance.md).
    shortlist: bool = True
    shortlist_frequent: int = 100  # most frequent target pieces in every shortlist
    shortlist_per_source: int = 10  # partners per source piece, at most 64


@dataclass
class Config:
    """The whole run: data, vocabulary, model, training and decoding."""

    data: DataConfig = field(default_factory=DataConfig)
    vocab: VocabConfig = field(default_factory=VocabConfig)
    model: ModelConfig = field(default_factory=ModelConfig)
    train: TrainConfig = field(default_factory=TrainConfig)
    decode: DecodeConfig = field(default_factory=DecodeConfig)

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def architecture_diff(a: Config, b: Config) -> list[str]:
    """Fields that change the shape of the model or its vocabulary (for --resume checks)."""
    diffs = []
    for section in ("model", "vocab"):
        for f in dataclasses.fields(getattr(a, section)):
            if section == "model" and f.name in ("dropout", "word_dropout"):
                continue
            if section == "vocab" and f.name == "input_sentence_size":
                continue
            va, vb = getattr(getattr(a, section), f.name), getattr(getattr(b, section), f.name)
            if va != vb:
                diffs.append(f"{section}.{f.name}: {va!r} != {vb!r}")
    for key in ("src_lang", "tgt_lang"):
        va, vb = getattr(a.data, key), getattr(b.data, key)
        if va != vb:
            diffs.append(f"data.{key}: {va!r} != {vb!r}")
    return diffs
