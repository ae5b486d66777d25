"""Objects derived from the whole termbase, cached while its data version is unchanged.

The consistency ``Checker``, the alignment anchors (French/English term pairs, prepared for
many alignments) and the glossary's index read every concept; they are rebuilt only when the
termbase's data version changes (an edit, a rebuild), not on every request.

Reading the data version is a query; it is skipped while the termbase's files are exactly as
they were at an earlier reading (:func:`data_version`), so that a request that only uses these
objects (``POST /api/check``) touches no connection at all.
"""

from __future__ import annotations

import os
import threading
import time
from collections import OrderedDict
from collections.abc import Callable

from flask import current_app

from web.db import get_tb

#: A file stamp stands for a data version only if the files had not changed for this long
#: (nanoseconds) when it was taken: any later write then gives them a later modification time.
SETTLED_NS = 2_000_000_000

_LOCK = threading.Lock()
#: By termbase path: (file stamp, data version) of the last trusted reading.
_VERSIONS: dict[str, tuple[tuple, int]] = {}
#: By (termbase path, name): (data version, value).
_CACHE: dict[tuple[str, str], tuple[int, object]] = {}


def _stamp(path: str) -> tuple:
    """Inode, size and modification time of the termbase file and of its write-ahead log
    (None for a missing file): every commit changes one of them."""
    def one(name: str) -> tuple[int, int, int] | None:
        try:
            info = os.stat(name)
        except OSError:
            return None
        return info.st_ino, info.st_size, info.st_mtime_ns

    return one(path), one(path + "-wal")


def data_version(path: str | None = None) -> int:
    """The termbase's :meth:`~termbase.store.Termbase.data_version`, read from it only when
    its files changed since the last trusted reading.

    A reading is trusted (kept with the files' stamp) when the stamp was taken at least
    :data:`SETTLED_NS` after the files' last change: a write made since has a different
    modification time, whatever the clock's granularity. Files that changed recently are
    read every time.
    """
    path = path or current_app.config["TERMALIGN_DB"]
    now = time.time_ns()
    stamp = _stamp(path)
    with _LOCK:
        known = _VERSIONS.get(path)
    if known is not None and known[0] == stamp:
        return known[1]
    version = int(get_tb().data_version())
    newest = max((part[2] for part in stamp if part is not None), default=now)
    if now - newest >= SETTLED_NS:
        with _LOCK:
            _VERSIONS[path] = (stamp, version)
    return version


def _current(name: str, build: Callable[[], object]) -> object:
    """``build()`` for the current termbase, reused while its data version is unchanged."""
    path = current_app.config["TERMALIGN_DB"]
    version = data_version(path)
    with _LOCK:
        found = _CACHE.get((path, name))
        if found is not None and found[0] == version:
            return found[1]
        value = build()
        _CACHE[(path, name)] = (version, value)
        return value


def cached(name: str, build: Callable[[list], object]) -> object:
    """``build(concepts)`` for the current termbase, reused while its data is unchanged."""
    return _current(name, lambda: build(list(get_tb().iter_concepts())))


def checker():
    """The :class:`checks.checker.Checker` of the whole termbase: one per process, kept while
    the termbase's data version is unchanged, loaded from (or saved to) the on-disk cache
    next to the termbase (:mod:`checks.cache`) when it changes."""
    from checks.cache import load_checker

    path = current_app.config["TERMALIGN_DB"]
    return _current("checker", lambda: load_checker(path))


def anchor_terms():
    """(French, English) term pairs of every concept, as ``termalign align --termbase`` uses
    them, as an :class:`aligner.align.inputs.TermAnchors` (prepared once per data version)."""
    from aligner.align.inputs import TermAnchors

    def build(concepts: list) -> TermAnchors:
        pairs = []
        for concept in concepts:
            usable = [t for t in concept.terms if t.status != "deprecated" and not t.no_check]
            fr = [t.text for t in usable if t.lang == "fr"]
            en = [t.text for t in usable if t.lang == "en"]
            pairs.extend((f, e) for f in fr for e in en)
        return TermAnchors(pairs)

    return cached("anchors", build)


#: Largest request body and answer of ``POST /api/check`` kept by :func:`keep_answer`.
ANSWER_MAX = 256 * 1024


def _answers() -> OrderedDict[bytes, tuple[object, bytes]]:
    """The application's kept answers: request body -> (checker, answer), oldest first."""
    return current_app.extensions.setdefault("check_answers", OrderedDict())


def kept_answer(body: bytes) -> bytes | None:
    """The answer of this application to this very ``POST /api/check`` body, if it was one
    of its last ``CHECK_ANSWERS`` (config; ``$TERMALIGN_CHECK_ANSWERS``, 0: none) and the
    checker that made it is still the current one (a new data version builds a new one):
    the same request again (a reloaded page, a client that sends a text twice) is answered
    without checking it again. Only bodies and answers of at most :data:`ANSWER_MAX` bytes
    are kept."""
    if not current_app.config.get("CHECK_ANSWERS") or len(body) > ANSWER_MAX:
        return None
    answers = _answers()
    with _LOCK:
        found = answers.get(body)
    if found is None or found[0] is not checker():
        return None
    with _LOCK:
        if body in answers:
            answers.move_to_end(body)
    return found[1]


def keep_answer(body: bytes, made_by: object, answer: bytes) -> None:
    """Keep ``answer`` to the request ``body``, made by the checker ``made_by``."""
    kept = current_app.config.get("CHECK_ANSWERS") or 0
    if not kept or made_by is None or len(body) > ANSWER_MAX or len(answer) > ANSWER_MAX:
        return
    answers = _answers()
    with _LOCK:
        answers[body] = (made_by, answer)
        while len(answers) > kept:
            answers.popitem(last=False)
