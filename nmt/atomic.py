"""Writing a file so that a crash never leaves half of it: temp file, fsync, rename.

Checkpoints, run files and the data cache all go through :func:`atomic_write`:
a crash or SIGKILL at any moment leaves either the old file or the new one.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from nmt.errors import NmtError


def fsync_dir(folder: Path) -> None:
    """Make a rename durable (POSIX: the directory entry lives in the folder)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def atomic_write(path: Path, write: Any) -> None:
    """Call ``write(fileobj)`` on a temp file beside ``path``, fsync, rename over ``path``.

    On any error (disk full, permissions) the temp file is removed, ``path``
    is untouched, and an NmtError names the file.
    """
    path = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise NmtError(f"{path}: cannot write ({exc.strerror or exc})") from None
    try:
        with os.fdopen(fd, "wb") as f:
            write(f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise NmtError(f"{path}: cannot write ({exc.strerror or exc}); "
                       "the previous file is untouched") from None
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    fsync_dir(path.parent)
