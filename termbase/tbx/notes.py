"""termalign's own fields inside TBX ``<note>`` elements, so that they survive a round trip.

A concept's kind, curated flag, origin and confidence are written in standard categories
(``projectSubset``, a ``transacGrp`` with its responsibility, a ``reliabilityCode`` note:
see :mod:`termbase.tbx.write`); the ``termalign: key=value`` concept note of earlier versions
is still read. TBX-Basic has no data category for the method, symbol and confidence of a
piece of evidence: they are one ``termalign-evidence: key=value; ...`` note per piece
(values percent-encoded), left out of the ``--for-cat-tools`` export.
"""

from __future__ import annotations

from urllib.parse import quote, unquote

#: Prefix of the concept-level note with the concept's own fields.
CONCEPT = "termalign:"
#: Prefix of the concept-level note describing one piece of evidence.
EVIDENCE = "termalign-evidence:"
#: ``customerSubset`` value marking a term excluded from consistency checks.
NO_CHECK = "termalign-no-check"


def encode(prefix: str, fields: dict[str, object]) -> str:
    """One note text; empty values are left out.

    >>> encode(CONCEPT, {"kind": "title", "curated": "yes", "origin": "UN; Term"})
    'termalign: kind=title; curated=yes; origin=UN%3B Term'
    """
    parts = [f"{k}={quote(str(v), safe=' /,.()-_:')}" for k, v in fields.items() if v != ""]
    return f"{prefix} " + "; ".join(parts)


def decode(prefix: str, text: str) -> dict[str, str] | None:
    """The fields of a note written by :func:`encode`, or None for another note.

    >>> decode(CONCEPT, 'termalign: kind=title; origin=UN%3B Term')
    {'kind': 'title', 'origin': 'UN; Term'}
    >>> decode(CONCEPT, "Ne pas confondre avec la CEMAC.") is None
    True
    """
    text = text.strip()
    if not text.startswith(prefix):
        return None
    fields = {}
    for part in text[len(prefix):].split(";"):
        key, sep, value = part.strip().partition("=")
        if sep:
            fields[key.strip()] = unquote(value)
    return fields


def as_float(value: str | None, default: float) -> float:
    """A float field, ``default`` when missing or malformed.

    >>> as_float("0.5", 1.0), as_float("x", 1.0), as_float(None, 0.3)
    (0.5, 1.0, 0.3)
    """
    try:
        return float(value) if value is not None else default
    except ValueError:
        return default
