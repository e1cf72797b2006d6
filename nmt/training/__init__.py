"""The training loop and what it is made of.

``trainer`` (the loop, :func:`~nmt.training.trainer.train`) uses ``loss``, ``schedule``
(optimizer, learning rate), ``validation`` (BLEU on the validation split), ``progress``
(log file, progress bar), ``rundir`` (the run folder, stop signals) and ``distributed``
(torchrun).
"""
