"""The training loop: token-budget batches, Adam, validation BLEU, checkpoints, resume.

Owns the run folder (``config.yaml``, SentencePiece models, ``train_log.jsonl``,
``best.pt`` by validation BLEU, ``last.pt`` for ``--resume``). Pairs come from ``data.cache``
or ``data.stream``. Resuming is exact on CPU: an epoch's data order is a function of
(seed, epoch); model, optimizer, scheduler, RNGs and epoch position are restored. SIGINT/SIGTERM write
``last.pt`` at the next step boundary and return.
"""

from __future__ import annotations

import json
import logging
import time
from contextlib import nullcontext
from itertools import islice
from pathlib import Path
from typing import Any, Callable, Iterator

import torch
import yaml

from nmt.atomic import atomic_write
from nmt.checkpoint import average_weights, config_of, load_checkpoint, make_payload, save_checkpoint, tokenizer_of
from nmt.config import Config, architecture_diff, load_config
from nmt.data.batching import Batch
from nmt.data.cache import prepare_corpus
from nmt.data.stream import prepare_stream
from nmt.device import hardware, resolve_device, set_training_precision
from nmt.errors import NmtError
from nmt.model import Seq2Seq, build_model
from nmt.training import distributed
from nmt.training.loss import compute_loss
from nmt.training.progress import ProgressReporter, TrainResult
from nmt.training.rundir import prepare_out_dir, stop_signals
from nmt.training.schedule import make_optimizer, make_scheduler, scaled_lr
from nmt.training.validation import ValidationSet, validate

Log = Callable[[str], None]
logger = logging.getLogger("nmt.training")


class Trainer:
    """State of one run; :meth:`run` is the loop. Construction loads data and model."""

    def __init__(self, cfg: Config, out: Path, resume: bool = False, overwrite: bool = False,
                 log: Log = logger.info, progress: bool | None = None) -> None:
        # Under torchrun every rank builds the same run; rank 0 alone writes, logs.
        self.dist = distributed.from_env()
        self.out = Path(out)
        self.log = log if self.dist.main else (lambda message: None)
        self.progress = progress if self.dist.main else False
        self.device = distributed.setup(self.dist, resolve_device(cfg.train.device, "train.device"),
                                        cfg.train.dist_timeout)
        distributed.staged(self.dist, lambda: prepare_out_dir(self.out, resume, overwrite), first=self.dist.main)
        state = None
        if resume:
            payload = load_checkpoint(self.out / "last.pt")
            old = config_of(payload, self.out / "last.pt")
            diffs = architecture_diff(old, cfg)
            if diffs:
                raise NmtError(f"{self.out / 'last.pt'}: cannot resume, the model differs from the "
                               f"checkpoint: {'; '.join(diffs)}", exit_code=2)
            state = payload.get("train_state")
            if state is None:
                raise NmtError(f"{self.out / 'last.pt'}: holds no training state to resume from")
        self.cfg = cfg
        set_training_precision(self.device, cfg.train.amp, cfg.train.tf32)
        if cfg.train.threads:
            torch.set_num_threads(cfg.train.threads)
        torch.manual_seed(cfg.train.seed)
        # The first process on each machine fills the data cache; the others then read it.
        distributed.staged(self.dist, lambda: self._load_data(payload if resume else None),
                           first=self.dist.local_rank == 0)
        self.model = build_model(cfg.model, self.tok.src_vocab_size, self.tok.tgt_vocab_size).to(self.device)
        if cfg.train.compile:
            self.model.compile_step()
        if self.dist.rank:  # same initial weights everywhere, different dropout masks
            torch.manual_seed(cfg.train.seed + self.dist.rank)
        lr = scaled_lr(cfg.train, self.dist.world)
        if lr != cfg.train.lr:
            self.log(f"lr: {cfg.train.lr:g} scaled to {lr:g} ({cfg.train.lr_scaling}, global batch "
                     f"{self.dist.world * cfg.train.accum_steps * cfg.train.batch_tokens} tokens)")
        self.optimizer = make_optimizer(self.model.parameters(), lr, cfg.train.weight_decay, self.device)
        self.scheduler = make_scheduler(cfg, self.optimizer)
        self.step, self.epoch, self.batch_in_epoch = 0, 0, 0
        self.best_bleu, self.best_step, self.bad_validations, self.elapsed = -1.0, 0, 0, 0.0
        if state is not None:
            self._restore(payload, state)
        elif self.dist.main:
            self._write_run_files()
        # What training calls: DistributedDataParallel under torchrun (nmt/training/distributed.py).
        self.forward = distributed.wrap(self.dist, self.model, self.device)

    # ---------------------------------------------------------------- setup

    def _load_data(self, payload: dict | None) -> None:
        d = self.cfg.data
        tok = tokenizer_of(payload) if payload is not None else None
        # On disk (data/corpus.py: only lengths in memory) or streamed (data/stream.py).
        prepare = prepare_stream if d.streaming else prepare_corpus
        self.corpus, self.tok, self.shortlist = prepare(self.cfg, tok, self.log)
        self.valid = ValidationSet.load(self.cfg, self.tok)
        what = "streamed training pairs" if d.streaming else f"{len(self.corpus)} training pairs"
        self.log(f"data: {what}, {len(self.valid.refs)} validation pairs")

    def _write_run_files(self) -> None:
        def dump(path: Path, data: bytes) -> None:
            atomic_write(path, lambda f: f.write(data))

        dump(self.out / "config.yaml", yaml.safe_dump(self.cfg.to_dict(), sort_keys=False).encode())
        if self.tok.joint:
            dump(self.out / "spm.model", self.tok.src_proto)
        else:
            dump(self.out / "src.model", self.tok.src_proto)
            dump(self.out / "tgt.model", self.tok.tgt_proto)

    def _restore(self, payload: dict, state: dict) -> None:
        self.model.load_state_dict(payload["model"])
        self.optimizer.load_state_dict(state["optimizer"])
        self.scheduler.load_state_dict(state["scheduler"])
        for key in ("step", "epoch", "batch_in_epoch", "best_bleu", "best_step", "bad_validations", "elapsed"):
            setattr(self, key, state[key])
        ranks = state.get("rng_ranks") or [{"torch": state["torch_rng"], "cuda": state.get("cuda_rng")}]
        if len(ranks) == self.dist.world:
            torch.set_rng_state(ranks[self.dist.rank]["torch"])
            if self.device.type == "cuda" and ranks[self.dist.rank]["cuda"] is not None:
                torch.cuda.set_rng_state(ranks[self.dist.rank]["cuda"], self.device)
        else:  # another number of processes: the data order resumes exactly, dropout masks cannot
            self.log(f"resume: {len(ranks)} process(es) wrote last.pt, {self.dist.world} resume it; "
                     "dropout draws new random numbers")
            torch.manual_seed(self.cfg.train.seed * 1_000_003 + self.step * 101 + self.dist.rank)
        # Log lines written after the checkpoint will be written again.
        log_path = self.out / "train_log.jsonl"
        if self.dist.main and log_path.exists():
            kept = [ln for ln in log_path.read_text().splitlines()
                    if ln.strip() and json.loads(ln).get("step", 0) <= self.step]
            atomic_write(log_path, lambda f: f.write("".join(k + "\n" for k in kept).encode()))
        self.log(f"resume: step {self.step}, epoch {self.epoch + 1}, best BLEU {self.best_bleu:.2f}")

    # ---------------------------------------------------------------- checkpoints

    def _train_state(self) -> dict[str, Any]:
        """Everything --resume needs; the RNG states of every rank (a collective under torchrun)."""
        cuda = self.device.type == "cuda"
        rng = {"torch": torch.get_rng_state(), "cuda": torch.cuda.get_rng_state(self.device) if cuda else None}
        ranks = distributed.gather(self.dist, rng, "saving last.pt")
        return {"rng_ranks": ranks,
            "optimizer": self.optimizer.state_dict(), "scheduler": self.scheduler.state_dict(),
            "step": self.step, "epoch": self.epoch, "batch_in_epoch": self.batch_in_epoch,
            "best_bleu": self.best_bleu, "best_step": self.best_step,
            "bad_validations": self.bad_validations, "elapsed": self.elapsed,
            "torch_rng": ranks[0]["torch"], "cuda_rng": ranks[0]["cuda"],
        }

    def save(self, name: str, with_state: bool) -> None:
        """Rank 0 writes ``name``; with the training state, every rank must call this (their
        RNG states are gathered into the file)."""
        state = self._train_state() if with_state else None
        if self.dist.main:
            save_checkpoint(self.out / name, make_payload(self.cfg, self.model.state_dict(), self.tok,
                                                          state, self.shortlist, self._meta()))

    def _meta(self) -> dict[str, Any]:
        """What ``nmt info`` shows: how far training was, and where, when this was written."""
        return {"step": self.step, "epoch": self.epoch + 1, "train_seconds": round(self.elapsed, 1),
                "best_valid_bleu": round(self.best_bleu, 2) if self.best_step else None,
                "best_step": self.best_step or None, "world_size": self.dist.world,
                "hardware": hardware(self.device, self.dist.world)}

    # ---------------------------------------------------------------- validation

    def validate(self, model: Seq2Seq | None = None) -> dict[str, float]:
        """Validation figures of the model being trained (or of ``model``)."""
        return validate(model or self.model, self.valid, self.tok, self.shortlist, self.cfg, self.device)

    # ---------------------------------------------------------------- the loop

    def epoch_batches(self, epoch: int) -> list[Any]:
        """The index arrays of ``epoch``'s batches (cached corpus only; tools and benchmarks)."""
        t = self.cfg.train
        return self.corpus.epoch_order(epoch, t.batch_tokens, t.batch_sentences, t.seed)

    def updates(self, epoch: int) -> Iterator[list[Batch]]:
        """This rank's batches of each update of ``epoch``, from ``batch_in_epoch`` on.

        An update takes ``world * accum_steps`` consecutive batches of the epoch's order
        (the same order on every rank); rank r trains on the r-th, (r + world)-th, ... of
        them and the others are never built. An epoch's last incomplete group is skipped.
        """
        t, d = self.cfg.train, self.dist
        group = d.world * t.accum_steps
        it = self.corpus.batches(epoch, self.batch_in_epoch, lambda k: k % d.world == d.rank,
                                 t.batch_tokens, t.batch_sentences, t.seed)
        while True:
            got = list(islice(it, group))
            if len(got) < group:
                return
            yield [b for b in got if b is not None]

    def train_step(self, batches: list[Batch], tokens: float) -> tuple[torch.Tensor, bool]:
        """One update from this rank's ``batches`` (train.accum_steps of them); ``tokens`` is
        the target token count of the whole update, all batches on all ranks.

        Each batch's summed loss is divided by ``tokens / world`` before its backward, so
        the gradient DDP averages over ranks is the mean over every token of the update:
        N processes, or one process accumulating N batches, take the same step. A
        non-finite gradient norm (the same on every rank after the all-reduce) skips the
        update everywhere. Returns this rank's per-token loss and whether it updated.
        """
        self.optimizer.zero_grad(set_to_none=True)
        scale = tokens / self.dist.world
        total, local = torch.zeros((), device=self.device), 0
        with distributed.collective(self.dist, "a training step"):
            for i, batch in enumerate(batches):
                last = i == len(batches) - 1
                sync = nullcontext() if last or not self.dist.enabled else self.forward.no_sync()
                with sync:
                    with torch.autocast(self.device.type, dtype=torch.bfloat16, enabled=self.cfg.train.amp == "bf16"):
                        loss, ntok = compute_loss(self.forward, batch.to(self.device), self.cfg.train.label_smoothing)
                    (loss / scale).backward()
                total, local = total + loss.detach(), local + ntok
        norm = torch.nn.utils.clip_grad_norm_(self.model.parameters(), self.cfg.train.clip_grad_norm or 1e9)
        if not bool(torch.isfinite(norm)):
            self.optimizer.zero_grad(set_to_none=True)
            return total / max(1, local), False
        self.optimizer.step()
        return total / max(1, local), True

    def run(self) -> TrainResult:
        """The loop: one update per :meth:`updates` group, validation every train.valid_every
        updates, until max_steps, max_epochs, max_time, early stopping or a signal."""
        t = self.cfg.train
        group = self.dist.world * t.accum_steps
        self.model.train()
        reporter = ProgressReporter(self.out, t, self.progress, active=self.dist.main)
        bad_in_row, stopped = 0, "finished"
        start = time.perf_counter() - self.elapsed
        with stop_signals() as flag, reporter:
            per_epoch = self.corpus.count(self.epoch, t.batch_tokens, t.batch_sentences, t.seed)
            reporter.start(self.step, per_epoch // group if per_epoch is not None else None)
            while self.epoch < t.max_epochs and stopped == "finished":
                for mine in self.updates(self.epoch):
                    # One all-reduce keeps the ranks in step: the update's tokens, and whether any
                    # rank was signalled or ran out of time (all then stop at this same step).
                    tokens, stop, late = distributed.agree(self.dist, [
                        sum(x.n_tgt_tokens for x in mine), float(flag["stop"]),
                        float(bool(t.max_time) and time.perf_counter() - start >= t.max_time)], self.device)
                    if stop or late:
                        stopped = "interrupted" if stop else "max-time"
                        break
                    loss, ok = self.train_step(mine, tokens)
                    self.batch_in_epoch += group
                    if not ok:
                        bad_in_row += 1
                        self.log(f"step {self.step + 1}: non-finite loss or gradient, step skipped "
                                 f"({bad_in_row} in a row)")
                        if bad_in_row >= t.max_bad_steps:
                            raise NmtError(
                                f"training stopped: {bad_in_row} non-finite losses in a row at step "
                                f"{self.step + 1}; the last good checkpoint {self.out / 'last.pt'} is kept "
                                "(lower train.lr or check the data)")
                        continue
                    bad_in_row = 0
                    self.step += 1
                    if t.scheduler != "plateau":
                        self.scheduler.step()
                    self.elapsed = time.perf_counter() - start
                    reporter.train_step(self.step, self.epoch, float(loss), int(tokens),
                                        self.optimizer.param_groups[0]["lr"], self.elapsed)
                    if self.step % t.valid_every == 0:
                        stopped = self._validate_and_save(reporter) or stopped
                    if t.max_steps and self.step >= t.max_steps:
                        stopped = "max-steps"
                    if stopped != "finished":
                        break
                else:
                    self.epoch += 1
                    self.batch_in_epoch = 0
            self.elapsed = time.perf_counter() - start
            if stopped != "interrupted" and self.step % t.valid_every != 0 and self.step > 0:
                self._validate_and_save(reporter, final=True)
            self.save("last.pt", with_state=True)
            if self.dist.main and self.best_step == 0 and self.step > 0 and not (self.out / "best.pt").exists():
                self.save("best.pt", with_state=False)
            if t.average_last and stopped != "interrupted" and self.dist.main:
                self._average(reporter)
        self.log(f"{stopped}: step {self.step}, best validation BLEU {self.best_bleu:.2f} "
                 f"at step {self.best_step}, {self.elapsed:.0f}s; checkpoints in {self.out}")
        return TrainResult(self.out, self.step, self.best_bleu, self.best_step, stopped, self.elapsed)

    def _validate_and_save(self, reporter: ProgressReporter, final: bool = False) -> str | None:
        """Validate, keep the best checkpoint, step the plateau scheduler; maybe stop early.

        A ``final`` validation (a run ending between two scheduled ones) only
        updates best.pt: stepping the scheduler or the patience there would make
        a run that is later resumed differ from one that never stopped.
        """
        # Rank 0 validates; every rank takes its figures, so schedulers and patience agree.
        metrics = distributed.broadcast(self.dist, self.validate() if self.dist.main else None, "validation")
        improved = metrics["valid_bleu"] > self.best_bleu
        if improved:
            self.best_bleu, self.best_step = metrics["valid_bleu"], self.step
        if not final:
            self.bad_validations = 0 if improved else self.bad_validations + 1
            if self.cfg.train.scheduler == "plateau":
                self.scheduler.step(metrics["valid_bleu"])
        reporter.validation(self.step, self.epoch, metrics, improved, self.elapsed)
        if improved:
            self.save("best.pt", with_state=False)
        if self.cfg.train.average_last and self.dist.main:
            self.save(f"valid-{self.step:08d}.pt", with_state=False)
            for old in sorted(self.out.glob("valid-*.pt"))[: -self.cfg.train.average_last]:
                old.unlink(missing_ok=True)
        self.save("last.pt", with_state=True)
        if self.bad_validations >= self.cfg.train.patience > 0:
            return "early-stopping"
        return None

    def _average(self, reporter: ProgressReporter) -> None:
        """Average the weights of the last ``train.average_last`` validation checkpoints
        into ``averaged.pt`` and report its validation scores next to the best single one.

        Why: late checkpoints of a run sit around the same optimum with different noise;
        their mean often scores higher than any of them (Junczys-Dowmunt et al. 2016,
        Vaswani et al. 2017). It is a separate file, so ``best.pt`` stays what
        validation picked, and the user compares the two figures.
        """
        files = sorted(self.out.glob("valid-*.pt"))[-self.cfg.train.average_last:]
        if len(files) < 2:
            self.log(f"average: {len(files)} validation checkpoint(s), nothing to average")
            return
        averaged = average_weights(files)
        model = build_model(self.cfg.model, self.tok.src_vocab_size, self.tok.tgt_vocab_size)
        model.load_state_dict(averaged)
        model.to(self.device)
        metrics = self.validate(model)
        save_checkpoint(self.out / "averaged.pt", make_payload(self.cfg, averaged, self.tok, shortlist=self.shortlist,
                                     meta={**self._meta(), "averaged_from": [f.name for f in files]}))
        steps = [int(f.stem.split("-")[1]) for f in files]
        reporter.averaged(steps, metrics, self.best_bleu, self.best_step)


def train(config: Config | str | Path, out_dir: str | Path, resume: bool = False, overwrite: bool = False,
          log: Log = logger.info, progress: bool | None = None) -> TrainResult:
    """``nmt train CONFIG --out OUT_DIR``: ``config`` is a :class:`~nmt.config.Config` or a YAML path;
    ``out_dir`` must be new or empty unless ``resume`` (from ``last.pt``) or ``overwrite``.
    Messages go to ``log`` (default: the ``nmt.training`` logger). Under torchrun the
    process group is left cleanly at the end (one left in it aborts its peers)."""
    cfg = config if isinstance(config, Config) else load_config(Path(config))
    result = Trainer(cfg, Path(out_dir), resume, overwrite, log, progress).run()
    distributed.shutdown()
    return result
