"""What the training loop reports: a live progress bar, a JSON-lines log, TensorBoard.

Kept apart from the loop so the loop stays about optimisation. Messages go to the
``nmt.training`` logger (the CLI shows them on stderr), or above the bar when one is drawn. The log
(``train_log.jsonl``) has one object per logged step (``"kind": "train"``) and
per validation (``"kind": "valid"``); it is what benchmarks and the results
scripts read.
"""

from __future__ import annotations

import json
import logging
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tqdm import tqdm

from nmt.config import TrainConfig
from nmt.errors import NmtError

logger = logging.getLogger("nmt.training")


class ProgressReporter:
    """tqdm bar (step, loss, lr, tokens/s, ETA) on stderr + ``train_log.jsonl``."""

    def __init__(self, out: Path, cfg: TrainConfig, progress: bool | None = None, active: bool = True) -> None:
        self.cfg = cfg
        self.path = out / "train_log.jsonl"
        # Inactive on every rank but 0 under torchrun: nothing is written or printed.
        self.active = active
        self.progress = progress if active else False
        self.bar: tqdm | None = None
        self.tb: Any = None
        self.file: Any = None
        if cfg.tensorboard and active:
            try:
                from torch.utils.tensorboard import SummaryWriter
            except ImportError:
                raise NmtError("train.tensorboard=true needs the tensorboard package "
                               "(pip install tensorboard)", exit_code=2) from None
            self.tb = SummaryWriter(str(out / "tensorboard"))
        self._tokens = 0
        self._loss_sum = 0.0
        self._n = 0
        self._t0 = time.perf_counter()

    def __enter__(self) -> "ProgressReporter":
        if self.active:
            self.file = open(self.path, "a", encoding="utf-8")
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.close()
        if self.file is not None:
            self.file.close()
        if self.tb is not None:
            self.tb.close()

    def start(self, step: int, batches_per_epoch: int | None) -> None:
        """``batches_per_epoch`` is None for a streamed corpus (the bar then counts to max_steps)."""
        total = self.cfg.max_steps or (batches_per_epoch * self.cfg.max_epochs if batches_per_epoch else None)
        # disable=None: a bar on a terminal, nothing when stderr is a file or pipe.
        disable = None if self.progress is None else not self.progress
        self.bar = tqdm(total=total, initial=step, unit="step", file=sys.stderr, disable=disable,
                        dynamic_ncols=True, mininterval=1.0)

    def _write(self, record: dict[str, Any]) -> None:
        if self.file is None:
            return
        self.file.write(json.dumps(record) + "\n")
        self.file.flush()

    def train_step(self, step: int, epoch: int, loss: float, tokens: int, lr: float, elapsed: float) -> None:
        self._tokens += tokens
        self._loss_sum += loss
        self._n += 1
        if self.bar is not None:
            self.bar.update(1)
        if step % self.cfg.log_every:
            return
        now = time.perf_counter()
        tok_s = self._tokens / max(1e-9, now - self._t0)
        record = {"kind": "train", "step": step, "epoch": epoch + 1, "loss": round(self._loss_sum / self._n, 5),
                  "lr": lr, "tgt_tokens_per_s": round(tok_s, 1), "elapsed": round(elapsed, 2)}
        self._write(record)
        if self.bar is not None:
            self.bar.set_postfix(loss=f"{record['loss']:.3f}", lr=f"{lr:.2e}", tok_s=f"{tok_s:.0f}", refresh=False)
        if self.tb is not None:
            self.tb.add_scalar("train/loss", record["loss"], step)
            self.tb.add_scalar("train/lr", lr, step)
            self.tb.add_scalar("train/tokens_per_s", tok_s, step)
        self._tokens, self._loss_sum, self._n, self._t0 = 0, 0.0, 0, now

    def validation(self, step: int, epoch: int, metrics: dict[str, float], improved: bool, elapsed: float) -> None:
        record = {"kind": "valid", "step": step, "epoch": epoch + 1, **{k: round(v, 4) for k, v in metrics.items()},
                  "best": improved, "elapsed": round(elapsed, 2)}
        self._write(record)
        message = (f"step {step}: valid loss {metrics['valid_loss']:.3f} ppl {metrics['valid_ppl']:.2f} "
                   f"BLEU {metrics['valid_bleu']:.2f}{' (best)' if improved else ''}")
        each = {k.removeprefix("valid_bleu_"): v for k, v in metrics.items() if k.startswith("valid_bleu_")}
        if each:  # data.directions: valid_bleu is their mean
            message += " = mean of " + ", ".join(f"{k} {v:.2f}" for k, v in each.items())
        if not self.active:
            pass
        elif self.bar is not None and not self.bar.disable:
            self.bar.write(message, file=sys.stderr)
        else:
            logger.info(message)
        if self.tb is not None:
            for k, v in metrics.items():
                self.tb.add_scalar(f"valid/{k}", v, step)
        # Validation time must not count against the next window's tokens/s.
        self._t0 = time.perf_counter()

    def averaged(self, steps: list[int], metrics: dict[str, float], best_bleu: float, best_step: int) -> None:
        """The checkpoint average written at the end (``train.average_last``)."""
        self._write({"kind": "averaged", "steps": steps, **{k: round(v, 4) for k, v in metrics.items()},
                     "best_single_bleu": round(best_bleu, 4), "best_single_step": best_step})
        logger.info(f"averaged.pt: the last {len(steps)} validation checkpoints (steps {steps[0]}-{steps[-1]}): "
                    f"valid BLEU {metrics['valid_bleu']:.2f} (best.pt: {best_bleu:.2f} at step {best_step})")


@dataclass
class TrainResult:
    """What a finished (or stopped) run left in ``out_dir``, and how it ended."""

    out_dir: Path
    steps: int  # optimizer steps taken, counting those of the runs this one resumed
    best_bleu: float  # best validation BLEU, the one best.pt holds
    best_step: int
    stopped: str  # "finished", "early-stopping", "max-steps", "max-time", "interrupted"
    elapsed: float  # seconds of training, resumed runs included

    @property
    def best_path(self) -> Path:
        """The checkpoint with the best validation BLEU: the one to translate with."""
        return self.out_dir / "best.pt"

    @property
    def last_path(self) -> Path:
        """The latest checkpoint, with optimizer state: ``resume=True`` continues from it."""
        return self.out_dir / "last.pt"
