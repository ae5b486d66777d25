"""Loading the curated reference data: official names, acronyms, avoided and former names.

Two formats, both tab-separated UTF-8 with ``#`` comment lines:

- *term rows* (``seeds/curated/un_bodies.tsv``, ``country_name_changes.tsv``): one row per
  term, ``concept lang term type status no_check source note``; rows sharing a concept key
  make one concept;
- the *UNTERM country list* (``seeds/unterm/unterm_countries_en_fr.tsv``): English short,
  French short, English formal, French formal name per country. The French short form carries
  its article in brackets (``Viet Nam (le)``): the term is ``Viet Nam`` and the article form
  ``le Viet Nam`` is kept as an admitted variant.

Everything loaded here is ``curated=True``: automatic candidates never overwrite it.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from termbase.errors import FormatError
from termbase.model import KINDS, LANGS, STATUSES, TERM_TYPES, Concept, Evidence, Term

TERM_COLUMNS = ("concept", "lang", "term", "type", "status", "no_check", "source", "note")
COUNTRY_COLUMNS = ("English short", "French short", "English formal", "French formal")
#: Source recorded for the UNTERM country list.
UNTERM_COUNTRIES = "UNTERM country names"
_SYMBOL = re.compile(r"^[A-Z]+/[\w./()-]+$")
_FR_ARTICLE = re.compile(r"^(.*\S)\s*\((le|la|les|l['’])\)$")
_EN_ARTICLE = re.compile(r"^(.*\S)\s*\((the)\)$")
_LEADING_ARTICLE = re.compile(r"^(?:the|le|la|les)\s+|^l['’]", re.I)


@dataclass
class CuratedRow:
    """One row of a term-rows file."""

    concept: str
    lang: str
    text: str
    type: str
    status: str
    no_check: bool
    source: str
    note: str
    line: int = 0


def _rows(path: Path) -> list[list[str]]:
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FormatError(f"{path}: not UTF-8 text ({exc.reason})") from exc
    lines = [(i, line) for i, line in enumerate(text.splitlines(), 1)
             if line.strip() and not line.startswith("#")]
    reader = csv.reader((line for _, line in lines), delimiter="\t", quoting=csv.QUOTE_NONE)
    return [[str(i), *row] for (i, _), row in zip(lines, reader, strict=True)]


def read_term_rows(path: str | Path) -> list[CuratedRow]:
    """Read a term-rows file, checking every value.

    Raises :class:`FormatError` with the file and line of the first bad row.
    """
    path = Path(path)
    rows = _rows(path)
    if not rows or tuple(rows[0][1:9]) != TERM_COLUMNS:
        raise FormatError(f"{path}: expected the header {' '.join(TERM_COLUMNS)}")
    out = []
    for number, *cells in rows[1:]:
        where = f"{path}:{number}"
        if len(cells) < 5:
            raise FormatError(f"{where}: expected {len(TERM_COLUMNS)} tab-separated columns")
        cells += [""] * (len(TERM_COLUMNS) - len(cells))
        key, lang, text, type_, status, no_check, source, note = (c.strip() for c in cells[:8])
        if not key or not text:
            raise FormatError(f"{where}: empty concept key or term")
        if lang not in LANGS:
            raise FormatError(f"{where}: unknown language {lang!r}")
        if type_ not in TERM_TYPES:
            raise FormatError(f"{where}: unknown term type {type_!r}")
        if status not in STATUSES:
            raise FormatError(f"{where}: unknown status {status!r}")
        if no_check not in ("", "yes", "no"):
            raise FormatError(f"{where}: no_check must be yes, no or empty")
        out.append(CuratedRow(key, lang, text, type_, status, no_check == "yes", source, note,
                              int(number)))
    return out


def _sources(source: str) -> list[str]:
    return [s.strip() for s in source.split(";") if s.strip()]


def concepts_from_rows(rows: list[CuratedRow], kind: str = "title") -> dict[str, Concept]:
    """Group term rows into curated concepts, by concept key (in file order).

    >>> rows = [CuratedRow("otsc", "fr", "OTSC", "acronym", "preferred", False, "UNTERM", ""),
    ...         CuratedRow("otsc", "en", "CSTO", "acronym", "preferred", False,
    ...                    "UNTERM; S/2016/867", "")]
    >>> c = concepts_from_rows(rows)["otsc"]
    >>> [t.text for t in c.terms], c.origin, [e.symbol for e in c.evidence]
    (['OTSC', 'CSTO'], 'UNTERM; S/2016/867', ['', 'S/2016/867'])
    """
    if kind not in KINDS:
        raise FormatError(f"unknown concept kind {kind!r}")
    concepts: dict[str, Concept] = {}
    for row in rows:
        concept = concepts.setdefault(row.concept, Concept(kind=kind, curated=True, origin=""))
        concept.terms.append(Term(row.lang, row.text, row.type, row.status, row.no_check))
        if row.note:
            line = f"{row.text}: {row.note}"
            concept.note = f"{concept.note}\n{line}" if concept.note else line
        for source in _sources(row.source):
            if all(e.source != source for e in concept.evidence):
                symbol = source if _SYMBOL.match(source) else ""
                concept.evidence.append(Evidence(source=source, symbol=symbol, method="curated"))
    for concept in concepts.values():
        concept.origin = "; ".join(e.source for e in concept.evidence[:6])
    return concepts


def _strip_marks(name: str) -> str:
    return name.replace("*", "").strip()


def split_article(name: str, lang: str) -> tuple[str, str]:
    """``(name, article form)`` of a UNTERM short name; the article form is ``""`` if none.

    >>> split_article("Viet Nam (le)", "fr"), split_article("Afghanistan (l')", "fr")
    (('Viet Nam', 'le Viet Nam'), ('Afghanistan', "l'Afghanistan"))
    >>> split_article("Bahamas (the)", "en"), split_article("Cabo Verde", "fr")
    (('Bahamas', 'the Bahamas'), ('Cabo Verde', ''))
    """
    name = _strip_marks(name)
    m = (_FR_ARTICLE if lang == "fr" else _EN_ARTICLE).match(name)
    if not m:
        return name, ""
    base, article = m.group(1), m.group(2)
    joined = f"{article}{base}" if article.endswith(("'", "’")) else f"{article} {base}"
    return base, joined


def strip_leading_article(name: str) -> str:
    """A formal name without its leading article.

    >>> strip_leading_article("la République socialiste du Viet Nam")
    'République socialiste du Viet Nam'
    >>> strip_leading_article("l'État plurinational de Bolivie")
    'État plurinational de Bolivie'
    """
    return _LEADING_ARTICLE.sub("", _strip_marks(name), count=1)


def load_unterm_countries(path: str | Path) -> dict[str, Concept]:
    """The UNTERM country list as curated ``country`` concepts, keyed by English short name."""
    path = Path(path)
    rows = _rows(path)
    if not rows or tuple(c.strip() for c in rows[0][1:5]) != COUNTRY_COLUMNS:
        raise FormatError(f"{path}: expected the header {', '.join(COUNTRY_COLUMNS)}")
    concepts: dict[str, Concept] = {}
    for number, *cells in rows[1:]:
        if len(cells) != 4 or not all(c.strip() for c in cells):
            raise FormatError(f"{path}:{number}: expected 4 non-empty tab-separated names")
        en_short, en_article = split_article(cells[0], "en")
        if en_short in concepts:
            continue  # the list repeats a few observer States
        fr_short, fr_article = split_article(cells[1], "fr")
        terms = [Term("en", en_short, "shortForm"), Term("fr", fr_short, "shortForm")]
        if fr_article:
            terms.append(Term("fr", fr_article, "variant", "admitted"))
        for lang, formal, short in (("en", cells[2], en_short), ("fr", cells[3], fr_short)):
            formal = strip_leading_article(formal)
            if formal and formal != short:
                terms.append(Term(lang, formal, "fullForm"))
        note = ""
        if "*" in cells[0]:
            note = "non-member State" if cells[0].count("*") == 1 else "not a UN member"
        if en_article:
            note = f"{note}; English article: {en_article}".lstrip("; ")
        concepts[en_short] = Concept(
            kind="country", terms=terms, note=note, curated=True, origin=UNTERM_COUNTRIES,
            evidence=[Evidence(source=UNTERM_COUNTRIES, method="curated")])
    return concepts


def load_curated(bodies: list[str | Path], countries: str | Path | None = None,
                 country_changes: list[str | Path] = (),
                 terms: list[str | Path] = ()) -> list[Concept]:
    """All curated concepts: UN bodies, ranks and instruments (term-rows files, kind
    ``title``), key terms (term-rows files, kind ``term``), UNTERM countries and their former
    names (term-rows files keyed by the English short name)."""
    out: list[Concept] = []
    for path in bodies:
        out.extend(concepts_from_rows(read_term_rows(path), "title").values())
    for path in terms:
        out.extend(concepts_from_rows(read_term_rows(path), "term").values())
    if countries is not None:
        by_name = load_unterm_countries(countries)
        for path in country_changes:
            for row in read_term_rows(path):
                concept = by_name.get(row.concept)
                if concept is None:
                    raise FormatError(f"{path}:{row.line}: unknown country {row.concept!r}")
                concept.terms.append(Term(row.lang, row.text, row.type, row.status,
                                          row.no_check))
                if row.note:
                    line = f"{row.text}: {row.note}"
                    concept.note = f"{concept.note}\n{line}" if concept.note else line
        out.extend(by_name.values())
    return out
