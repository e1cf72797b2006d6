"""The one error type the CLI turns into a one-line message.

Library code raises :class:`NmtError` for anything a person can fix (a bad
option, a missing file, a split that does not exist); the CLI prints its text
on stderr and exits with ``exit_code``. Everything else is a bug and keeps its
traceback (shown with ``--debug``).
"""

from __future__ import annotations


class NmtError(Exception):
    """A user-facing error: the message names the file, key or option at fault."""

    def __init__(self, message: str, exit_code: int = 1, quiet: bool = False) -> None:
        super().__init__(message)
        self.exit_code = exit_code
        # Already reported by another process of the run (torchrun): exit without repeating it.
        self.quiet = quiet


class ConfigError(NmtError):
    """Bad configuration or command-line usage (exit code 2)."""

    def __init__(self, message: str) -> None:
        super().__init__(message, exit_code=2)
