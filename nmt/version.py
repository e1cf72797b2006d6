"""The installed distribution's version, read from its metadata (pyproject.toml is the one source).

A leaf that imports nothing of nmt, so that checkpoints, exports, the server and the CLI
can stamp the version without importing the package's lazy front door.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

DISTRIBUTION = "nmt-rnn"  # the name on PyPI; the import name and the command stay ``nmt``

try:
    __version__ = version(DISTRIBUTION)
except PackageNotFoundError:  # a source tree on sys.path without ``pip install -e .``
    __version__ = "0+unknown"
