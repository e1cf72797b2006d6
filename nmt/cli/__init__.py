"""The ``nmt`` command line: a thin layer over the public API (:mod:`nmt`).

:mod:`nmt.cli.app` holds the Typer app, the shared options and the error
handling; importing :mod:`nmt.cli.core` (train, translate, evaluate) and
:mod:`nmt.cli.tools` (serve, average, export, info) registers their commands.
"""

from nmt.cli import app, core, tools  # noqa: F401 - core and tools are imported for their commands

__all__ = ["main"]


def main() -> None:
    """The ``nmt`` console script (and ``python -m nmt``)."""
    app.app()
