"""Bilingual glossaries as CAT tools exchange them: ``source⇥target⇥comment`` lines.

Export (:func:`dump`): the convention of OmegaT, memoQ and Wordfast glossaries, in either
direction (``fr`` → ``en`` or ``en`` → ``fr``), UTF-8, with a byte-order mark on request
(Excel needs one to read UTF-8). One line per usable source term (deprecated and superseded
terms are left out): the target is the first usable target term of the same type (an
acronym for an acronym), else the first usable one; the comment gives the concept's
definition or note and the target terms to avoid.

Import (:func:`read_pairs`): a plain 2-column French/English CSV or TSV, with or without a
header line (``fr,en``, ``en,fr``, ``French,English``, ``source,target``...); a third column is
kept as the concept's note.

>>> import io
>>> rows = read_pairs(io.StringIO("en\\tfr\\nCSTO\\tOTSC\\tdefined in 2002\\n"), "g.tsv")
>>> [(t.lang, t.text, t.type) for t in rows[0].terms], rows[0].note
([('fr', 'OTSC', 'acronym'), ('en', 'CSTO', 'acronym')], 'defined in 2002')
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from ioguard.atomic import replacing
from termbase.errors import FormatError
from termbase.model import Concept, Term

_HEADER_NAMES = {"fr": "fr", "french": "fr", "français": "fr", "francais": "fr",
                 "en": "en", "english": "en", "anglais": "en"}
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&./-]*[A-Z0-9]")
NOT_FOR_USE = ("deprecated", "superseded")


def _usable(terms: list[Term]) -> list[Term]:
    return [t for t in terms if t.status not in NOT_FOR_USE]


def lines(concepts: Iterable[Concept], source: str = "fr") -> Iterable[tuple[str, str, str]]:
    """The ``(source, target, comment)`` lines of the concepts.

    >>> c = Concept(terms=[Term("fr", "OTSC", "acronym"), Term("en", "CSTO", "acronym"),
    ...                    Term("en", "OTSC", "acronym", "deprecated")], note="2002")
    >>> list(lines([c])), list(lines([c], "en"))
    ([('OTSC', 'CSTO', '2002; avoid: OTSC')], [('CSTO', 'OTSC', '2002')])
    """
    if source not in ("fr", "en"):
        raise FormatError(f"glossary source language: fr or en, not {source!r}")
    target = "en" if source == "fr" else "fr"
    for concept in concepts:
        targets = _usable(concept.terms_in(target))
        if not targets:
            continue
        definition = next((f.value for f in concept.fields if f.name == "definition"
                           and f.lang in ("", target)), "")
        avoid = [t.text for t in concept.terms_in(target) if t.status in NOT_FOR_USE]
        parts = [definition or concept.note] + ([f"avoid: {', '.join(avoid)}"] if avoid else [])
        comment = " ".join("; ".join(p for p in parts if p).split())
        for term in _usable(concept.terms_in(source)):
            match = next((t for t in targets if t.type == term.type), targets[0])
            yield term.text, match.text, comment


def dump(concepts: Iterable[Concept], path: str | Path, source: str = "fr",
         bom: bool = False) -> int:
    """Write a tab-separated glossary atomically; return the number of lines."""
    path = Path(path)
    if not path.parent.is_dir():
        raise FileNotFoundError(2, "No such directory", str(path.parent))
    with replacing(path) as tmp, open(tmp, "w", encoding="utf-8-sig" if bom else "utf-8",
                                      newline="") as handle:
        return write(concepts, handle, source)


def write(concepts: Iterable[Concept], handle: TextIO, source: str = "fr") -> int:
    """Write the glossary lines to an open text file; return their number."""
    count = 0
    for row in lines(concepts, source):
        # A tab or line break inside a term would shift the columns: spaces instead.
        handle.write("\t".join(" ".join(cell.split()) for cell in row) + "\n")
        count += 1
    return count


def _term(lang: str, text: str) -> Term:
    return Term(lang, text, "acronym" if _ACRONYM.fullmatch(text) else "fullForm")


def read_pairs(handle: TextIO, name: str, delimiter: str | None = None) -> list[Concept]:
    """The concepts of a plain French/English glossary (see the module's rules)."""
    text = handle.read()
    if delimiter is None:
        first = text.split("\n", 1)[0]
        delimiter = "\t" if "\t" in first or name.lower().endswith((".tsv", ".tab", ".txt")) \
            else ";" if first.count(";") > first.count(",") else ","
    rows = list(csv.reader(text.splitlines(), delimiter=delimiter))
    order = ("fr", "en")
    concepts = []
    for number, row in enumerate(rows, 1):
        cells = [c.strip() for c in row]
        if not any(cells) or cells[0].startswith("#"):
            continue
        if number == 1 and len(cells) >= 2:
            names = (_HEADER_NAMES.get(cells[0].lower()), _HEADER_NAMES.get(cells[1].lower()))
            if set(names) == {"fr", "en"}:
                order = names
                continue
            if (cells[0].lower(), cells[1].lower()) == ("source", "target"):
                continue
        if len(cells) < 2 or not cells[0] or not cells[1]:
            raise FormatError(f"{name}:{number}: expected a French and an English term")
        terms = {order[0]: cells[0], order[1]: cells[1]}
        concepts.append(Concept(kind="term", terms=[_term("fr", terms["fr"]),
                                                    _term("en", terms["en"])],
                                note=" ".join(cells[2:]).strip()))
    if not concepts:
        raise FormatError(f"{name}: no French/English pair")
    return concepts
