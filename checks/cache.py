"""The compiled checker of a termbase, built once per termbase version and kept on disk.

Building a :class:`~checks.checker.Checker` (automata over every designation) costs far more
than checking a file, so it is pickled next to the termbase as
``<termbase>.matcher.<data version>.pickle``, keyed by
:meth:`termbase.store.Termbase.data_version` (bumped by every write, by any process):

* a later call with the same version loads the file instead of rebuilding;
* after any write the version differs, so the checker is rebuilt and the old files removed;
* a writer that commits while the concepts are being read changes the version between the
  two reads around them: that checker is used but not saved (it may mix two versions);
* the file is written atomically (:mod:`ioguard.atomic`), so a reader never sees half a file;
  an unreadable or foreign file is ignored and rebuilt.

The pickle is trusted like the termbase beside it (same folder, same owner).
"""

from __future__ import annotations

import contextlib
import pickle
from pathlib import Path

import ioguard.atomic
from checks.checker import Checker

#: Bump when the pickled layout of a Checker, or the concepts it keeps, change (old files
#: are then rebuilt).
FORMAT = 11
_MAGIC = "termalign-checker"


def cache_path(db: str | Path, version: int) -> Path:
    """Where the checker of version ``version`` of the termbase ``db`` is kept.

    >>> cache_path("/data/tb.sqlite3", 7).name
    'tb.sqlite3.matcher.7.pickle'
    """
    db = Path(db)
    return db.with_name(f"{db.name}.matcher.{version}.pickle")


def _version(db: Path) -> int:
    from termbase.store import Termbase

    with Termbase.open(db) as tb:
        return int(tb.data_version())


def _load(path: Path) -> Checker | None:
    try:
        with open(path, "rb") as handle:
            magic, fmt, checker = pickle.load(handle)
    except FileNotFoundError:
        return None
    except Exception:  # a truncated, foreign or older file: rebuild it
        return None
    if magic != _MAGIC or fmt != FORMAT or not isinstance(checker, Checker):
        return None
    return checker


def _remove_old(db: Path, keep: Path) -> None:
    for old in db.parent.glob(f"{db.name}.matcher.*.pickle"):
        if old != keep:
            with contextlib.suppress(OSError):
                old.unlink()


def load_checker(db: str | Path, *, save: bool = True) -> Checker:
    """The checker of the termbase at ``db``, from its cache file when it is current."""
    from termbase.store import Termbase

    db = Path(db)
    version = _version(db)
    path = cache_path(db, version)
    checker = _load(path)
    if checker is not None:
        return checker
    with Termbase.open(db) as tb:
        before = int(tb.data_version())
        concepts = list(tb.iter_concepts())
        after = int(tb.data_version())
    checker = Checker(concepts)
    if save and before == after:
        path = cache_path(db, after)
        try:
            data = pickle.dumps((_MAGIC, FORMAT, checker), protocol=pickle.HIGHEST_PROTOCOL)
            ioguard.atomic.write_bytes(path, data)
        except OSError:
            return checker  # a read-only folder: check without the cache
        _remove_old(db, path)
    return checker
