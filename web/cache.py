"""Objects derived from the whole termbase, cached until the termbase file changes.

The consistency ``Checker`` and the alignment anchors (French/English term pairs) read every
concept; they are rebuilt only when the termbase file or its write-ahead log changes (an
edit, a rebuild), not on every request.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable

from flask import current_app

from web.db import get_tb

_CACHE: dict[tuple[str, str], tuple[tuple[int, int], object]] = {}
_LOCK = threading.Lock()


def _stamp(path: str) -> tuple[int, int]:
    def mtime(name: str) -> int:
        try:
            return os.stat(name).st_mtime_ns
        except OSError:
            return 0

    return mtime(path), mtime(path + "-wal")


def cached(name: str, build: Callable[[list], object]) -> object:
    """``build(concepts)`` for the current termbase, reused while the file is unchanged."""
    path = current_app.config["TERMALIGN_DB"]
    stamp = _stamp(path)
    with _LOCK:
        found = _CACHE.get((path, name))
        if found is not None and found[0] == stamp:
            return found[1]
        value = build(list(get_tb().iter_concepts()))
        _CACHE[(path, name)] = (stamp, value)
        return value


_CHECKERS: dict[str, tuple[int, object]] = {}


def checker():
    """The :class:`checks.checker.Checker` of the whole termbase: one per process, kept while
    the termbase's data version is unchanged, loaded from (or saved to) the on-disk cache
    next to the termbase (:mod:`checks.cache`) when it changes."""
    from checks.cache import load_checker

    path = current_app.config["TERMALIGN_DB"]
    version = int(get_tb().data_version())
    with _LOCK:
        found = _CHECKERS.get(path)
        if found is not None and found[0] == version:
            return found[1]
        value = load_checker(path)
        _CHECKERS[path] = (version, value)
        return value


def anchor_terms() -> list[tuple[str, str]]:
    """(French, English) term pairs of every concept, as ``termalign align --termbase`` uses."""
    def build(concepts: list) -> list[tuple[str, str]]:
        pairs = []
        for concept in concepts:
            usable = [t for t in concept.terms if t.status != "deprecated" and not t.no_check]
            fr = [t.text for t in usable if t.lang == "fr"]
            en = [t.text for t in usable if t.lang == "en"]
            pairs.extend((f, e) for f in fr for e in en)
        return pairs

    return cached("anchors", build)
