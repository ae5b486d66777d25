"""Atomic file writes: a temporary file in the target's folder, then ``os.replace``.

A reader sees either the old file or the new one, never a half-written file, and a failed
write leaves the old file untouched.

>>> import tempfile, pathlib
>>> target = pathlib.Path(tempfile.mkdtemp()) / "out.txt"
>>> write_text(target, "bonjour\\n")
>>> target.read_text()
'bonjour\\n'
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

#: Permissions of the files written here (``mkstemp`` alone would make them private).
FILE_MODE = 0o644


@contextlib.contextmanager
def replacing(path: str | os.PathLike, suffix: str = ".tmp") -> Iterator[Path]:
    """Yield a temporary path next to ``path``; on success it replaces ``path``.

    For writers that need a file name (lxml's ``xmlfile``, SQLite). On an exception the
    temporary file is removed and ``path`` is left as it was.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=suffix)
    os.close(fd)
    os.chmod(tmp, FILE_MODE)  # mkstemp makes 0600 files; outputs are ordinary files
    try:
        yield Path(tmp)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_bytes(path: str | os.PathLike, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically."""
    with replacing(path) as tmp:
        tmp.write_bytes(data)


def write_text(path: str | os.PathLike, text: str, encoding: str = "utf-8") -> None:
    """Write ``text`` to ``path`` atomically, with ``\\n`` line ends as given."""
    with replacing(path) as tmp, open(tmp, "w", encoding=encoding, newline="") as handle:
        handle.write(text)
