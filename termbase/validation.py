"""Whether a concept can be stored as it is: known kinds, languages, types, statuses and
methods, and no character that XML 1.0 (and so TBX) cannot carry. Pure: no SQL."""

from __future__ import annotations

from termbase.errors import TermbaseError
from termbase.fold import fold_term
from termbase.model import KINDS, LANGS, METHODS, STATUSES, TERM_TYPES, Concept


def _xml_unsafe(text: str) -> str | None:
    r"""The first character XML 1.0 (and so TBX) cannot carry, or None.

    >>> _xml_unsafe("Côte d’Ivoire\t"), _xml_unsafe("a\x00b"), _xml_unsafe("a\x1bb")
    (None, '\x00', '\x1b')
    """
    for ch in text:
        code = ord(ch)
        if (code < 0x20 and ch not in "\t\n\r") or 0xD800 <= code <= 0xDFFF or code in (
                0xFFFE, 0xFFFF):
            return ch
    return None


def validate(concept: Concept) -> None:
    """Raise :class:`TermbaseError` when the concept cannot be stored as it is."""
    if concept.kind not in KINDS:
        raise TermbaseError(f"unknown concept kind {concept.kind!r} (expected {', '.join(KINDS)})")
    if not concept.terms:
        raise TermbaseError("a concept needs at least one term")
    for term in concept.terms:
        if term.lang not in LANGS:
            raise TermbaseError(f"unsupported term language {term.lang!r} in {term.text!r}")
        if term.type not in TERM_TYPES:
            raise TermbaseError(f"unknown term type {term.type!r} in {term.text!r}")
        if term.status not in STATUSES:
            raise TermbaseError(f"unknown term status {term.status!r} in {term.text!r}")
        if not term.text.strip() or not fold_term(term.text):
            raise TermbaseError("empty term text")
        if (bad := _xml_unsafe(term.text)) is not None:
            raise TermbaseError(f"control character {bad!r} in term {term.text!r}"
                                " (refused, as in TBX)")
    for name in ("subject", "note"):
        if (bad := _xml_unsafe((concept.subject if name == "subject" else concept.note) or "")) is not None:
            raise TermbaseError(f"control character {bad!r} in the concept's {name}"
                                " (refused, as in TBX)")
    for ev in concept.evidence:
        if ev.method not in METHODS:
            raise TermbaseError(f"unknown evidence method {ev.method!r}")
