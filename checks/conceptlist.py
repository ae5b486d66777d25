"""Concept lists without a database: a small TSV format and the UNTERM country list.

The TSV has three columns, ``kind``, French forms and English forms; forms are separated
by `` | `` and may be prefixed ``acronym:``, ``variant:`` (an admitted variant),
``deprecated:`` or ``nocheck:`` (an acronym not to be searched). ``#`` starts a comment::

    title	Union africaine | acronym:UA	African Union | acronym:AU

It lets the checks run on a hand-made list (tests, a translator's own list) with the same
:class:`checks.Checker` as a termbase.
"""

from __future__ import annotations

import csv
from pathlib import Path

from termbase.errors import FormatError
from termbase.model import KINDS, Concept, Term

_PREFIXES = {
    "acronym": ("acronym", "preferred", False),
    "variant": ("variant", "admitted", False),
    "deprecated": ("variant", "deprecated", False),
    "nocheck": ("acronym", "preferred", True),
}


def parse_form(lang: str, form: str, first: bool) -> Term:
    """One ``prefix:text`` form as a :class:`Term`.

    >>> parse_form("en", "acronym:CSTO", False)
    Term(lang='en', text='CSTO', type='acronym', status='preferred', no_check=False, id=None)
    """
    prefix, sep, text = form.partition(":")
    if sep and prefix in _PREFIXES:
        type_, status, no_check = _PREFIXES[prefix]
        return Term(lang, text.strip(), type_, status, no_check)
    return Term(lang, form.strip(), "fullForm", "preferred" if first else "admitted")


def load(path: str | Path) -> list[Concept]:
    """Read a concept-list TSV."""
    concepts = []
    text = Path(path).read_text(encoding="utf-8-sig")
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != 3 or cells[0] not in KINDS:
            raise FormatError(f"{path}:{number}: expected 'kind<TAB>French<TAB>English'")
        terms = []
        for lang, cell in (("fr", cells[1]), ("en", cells[2])):
            forms = [f for f in cell.split(" | ") if f.strip()]
            terms += [parse_form(lang, f, i == 0) for i, f in enumerate(forms)]
        concepts.append(Concept(cells[0], terms, origin=f"{Path(path).name}:{number}"))
    return concepts


def unterm_countries(path: str | Path) -> list[Concept]:
    """Country concepts from the UNTERM TSV (English short, French short, formal names)."""
    concepts = []
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t"))
    for number, row in enumerate(rows[1:], 2):
        if len(row) < 4:
            raise FormatError(f"{path}:{number}: expected four columns")
        en_short, fr_short, en_formal, fr_formal = (c.strip() for c in row[:4])
        terms = [
            Term("fr", fr_short, "shortForm"),
            Term("fr", fr_formal, "fullForm"),
            Term("en", en_short, "shortForm"),
            Term("en", en_formal, "fullForm"),
        ]
        concepts.append(Concept("country", terms, origin=f"UNTERM:{number}"))
    return concepts
