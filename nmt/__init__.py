"""nmt: a GRU encoder-decoder with additive attention, trained and run from a shell.

The public surface is small; everything else is reachable through its module.
"""

from nmt.errors import ConfigError, NmtError

__version__ = "0.1.0"

__all__ = ["ConfigError", "NmtError", "__version__"]
