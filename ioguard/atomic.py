"""Atomic file writes: a temporary file in the target's folder, then ``os.replace``.

A reader sees either the old file or the new one, never a half-written file, and a failed
write leaves the old file untouched. The policy for the target:

- a symbolic link is written through (the file it points to is replaced, the link stays);
- an existing file keeps its permissions; a read-only one (no write bit at all) is refused;
- a special file (``/dev/stdout``, a named pipe, a terminal) is written directly: it cannot
  be replaced, and must not be;
- the temporary file is named ``.NAME.PID.XXXXXXXX.tmp``: the debris of a killed run (its
  process is gone) is removed by the next write to the same target;
- error messages name the target, never the temporary file.

>>> import tempfile, pathlib
>>> target = pathlib.Path(tempfile.mkdtemp()) / "out.txt"
>>> write_text(target, "bonjour\\n")
>>> target.read_text()
'bonjour\\n'
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

#: Permissions of new files written here (``mkstemp`` alone would make them private).
FILE_MODE = 0o644
#: Files SQLite keeps next to a database (removed with a temporary database).
SIDE_FILES = ("-wal", "-shm", "-journal")


def same_file(output: str | os.PathLike, inputs: Iterable[str | os.PathLike]) -> bool:
    """True when ``output`` is (or links to) one of ``inputs``.

    >>> import tempfile, pathlib
    >>> a = pathlib.Path(tempfile.mkdtemp()) / "a.txt"; _ = a.write_text("x")
    >>> same_file(a, [a.parent / "." / "a.txt"]), same_file(a.parent / "b.txt", [a])
    (True, False)
    """
    out = Path(output)
    for path in inputs:
        try:
            if os.path.samefile(out, path):
                return True
        except OSError:  # one of them does not exist
            if os.path.realpath(out) == os.path.realpath(path):
                return True
    return False


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # someone else's process: alive
        return True
    return True


def clean_debris(target: str | os.PathLike, suffix: str = ".tmp") -> list[Path]:
    """Remove the temporary files (and SQLite side files) that runs killed while writing
    ``target`` left behind; return them. Files of running processes are left alone."""
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    removed = []
    for path in folder.glob(f".{target.name}.*{suffix}*"):
        pid, _, rest = path.name[len(target.name) + 2 :].partition(".")
        if not pid.isdigit() or not any(rest.endswith(suffix + side) for side in ("", *SIDE_FILES)):
            continue
        if not _pid_alive(int(pid)):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
                removed.append(path)
    return sorted(removed)


def _resolve(path: Path) -> Path:
    """The file a write to ``path`` must replace (symbolic links followed)."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


@contextlib.contextmanager
def replacing(path: str | os.PathLike, suffix: str = ".tmp") -> Iterator[Path]:
    """Yield a temporary path next to ``path``; on success it replaces ``path``.

    For writers that need a file name (lxml's ``xmlfile``, SQLite). On an exception the
    temporary file is removed and ``path`` is left as it was. A special file is yielded
    as it is, to be written directly.
    """
    try:
        info = Path(path).stat()  # (through symbolic links)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror, str(path)) from None
    if info is not None and not stat.S_ISREG(info.st_mode):
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, "is a directory", str(path))
        yield Path(path)  # /dev/stdout, a pipe, a terminal: written in place
        return
    target = _resolve(Path(path))
    if info is not None and not info.st_mode & 0o222:
        raise PermissionError(errno.EACCES, "read-only file, not replaced", str(path))
    folder = target.parent if str(target.parent) else Path(".")
    clean_debris(target, suffix)
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.{os.getpid()}.",
                                   suffix=suffix)
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror, str(path)) from None
    os.close(fd)
    os.chmod(tmp, stat.S_IMODE(info.st_mode) if info is not None else FILE_MODE)
    try:
        try:
            yield Path(tmp)
            os.replace(tmp, target)
        except OSError as exc:
            if exc.filename in (tmp, str(tmp)) or exc.filename2 in (tmp, str(tmp)):
                raise OSError(exc.errno, exc.strerror, str(path)) from None
            raise
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_bytes(path: str | os.PathLike, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically."""
    with replacing(path) as tmp, open(tmp, "wb") as handle:
        handle.write(data)


def write_text(path: str | os.PathLike, text: str, encoding: str = "utf-8") -> None:
    """Write ``text`` to ``path`` atomically, with ``\\n`` line ends as given."""
    with replacing(path) as tmp, open(tmp, "w", encoding=encoding, newline="") as handle:
        handle.write(text)
