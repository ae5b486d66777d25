"""CSV and TSV export/import of concepts: one row per term and one row per piece of evidence.

Columns (:data:`COLUMNS`): the concept's fields are repeated on each of its rows, ``record``
says whether the row is a ``term`` or ``evidence``. Rows of one concept are consecutive and
share the ``concept`` column (an id in the exporting termbase, only used for grouping).

>>> import io
>>> from termbase.model import Concept, Term, Evidence
>>> c = Concept(kind="title", id=7, terms=[Term("fr", "OTSC", "acronym")],
...             evidence=[Evidence("S/2021/297", context_fr="l'OTSC, dit-il")])
>>> buf = io.StringIO()
>>> write_rows([c], buf)
1
>>> back = read_rows(io.StringIO(buf.getvalue()))
>>> back[0].terms[0].text, back[0].evidence[0].context_fr, back[0].kind
('OTSC', "l'OTSC, dit-il", 'title')
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from ioguard.atomic import replacing
from termbase import glossary
from termbase.errors import FormatError
from termbase.model import Concept, Evidence, Term

COLUMNS = ["concept", "kind", "subject", "note", "curated", "confidence", "origin", "record",
           "lang", "text", "type", "status", "no_check", "source", "symbol", "context_fr",
           "context_en", "method", "evidence_confidence"]


def _dialect(path: str | Path) -> str:
    return "excel-tab" if str(path).lower().endswith((".tsv", ".tab")) else "excel"


def write_rows(concepts: Iterable[Concept], handle: TextIO, dialect: str = "excel") -> int:
    """Write the rows of the concepts to an open text file; return the number of concepts."""
    writer = csv.DictWriter(handle, COLUMNS, dialect=dialect, lineterminator="\n")
    writer.writeheader()
    count = 0
    for c in concepts:
        base = {"concept": c.id or count + 1, "kind": c.kind, "subject": c.subject,
                "note": c.note, "curated": int(c.curated), "confidence": f"{c.confidence:g}",
                "origin": c.origin}
        for t in c.terms:
            writer.writerow({**base, "record": "term", "lang": t.lang, "text": t.text,
                             "type": t.type, "status": t.status, "no_check": int(t.no_check)})
        for e in c.evidence:
            writer.writerow({**base, "record": "evidence", "source": e.source,
                             "symbol": e.symbol, "context_fr": e.context_fr,
                             "context_en": e.context_en, "method": e.method,
                             "evidence_confidence": f"{e.confidence:g}"})
        count += 1
    return count


def dump(concepts: Iterable[Concept], path: str | Path, tabs: bool | None = None) -> int:
    """Write a ``.csv`` (comma) or ``.tsv`` (tab) file atomically; return the concept count.

    ``tabs`` forces tab-separated (True) or comma-separated (False) output.
    """
    path = Path(path)
    if not path.parent.is_dir():
        raise FileNotFoundError(2, "No such directory", str(path.parent))
    with replacing(path) as tmp, open(tmp, "w", encoding="utf-8", newline="") as handle:
        dialect = _dialect(path) if tabs is None else ("excel-tab" if tabs else "excel")
        count = write_rows(concepts, handle, dialect)
    return count


def _float(value: str, default: float, line: int) -> float:
    try:
        return float(value) if value else default
    except ValueError:
        raise FormatError(f"line {line}: not a number: {value!r}") from None


def read_rows(handle: TextIO, dialect: str = "excel", ignored: Counter | None = None,
              ) -> list[Concept]:
    """The concepts of rows written by :func:`write_rows`; unknown columns are counted in
    ``ignored``."""
    reader = csv.DictReader(handle, dialect=dialect)
    missing = {"concept", "record", "lang", "text"} - set(reader.fieldnames or [])
    if missing:
        raise FormatError(f"missing CSV column(s): {', '.join(sorted(missing))}")
    if ignored is not None:
        for column in set(reader.fieldnames or []) - set(COLUMNS):
            ignored[f"CSV column {column!r}"] += 1
    concepts: dict[str, Concept] = {}
    for row in reader:
        line = reader.line_num
        key = row["concept"] or ""
        concept = concepts.get(key)
        if concept is None:
            concept = concepts[key] = Concept(
                kind=row.get("kind") or "term", subject=row.get("subject") or "",
                note=row.get("note") or "", curated=(row.get("curated") or "0") in ("1", "yes"),
                confidence=_float(row.get("confidence", ""), 1.0, line),
                origin=row.get("origin") or "")
        if row["record"] == "term":
            concept.terms.append(Term(
                lang=row["lang"], text=row["text"], type=row.get("type") or "fullForm",
                status=row.get("status") or "preferred",
                no_check=(row.get("no_check") or "0") in ("1", "yes")))
        elif row["record"] == "evidence":
            concept.evidence.append(Evidence(
                source=row.get("source") or "", symbol=row.get("symbol") or "",
                context_fr=row.get("context_fr") or "", context_en=row.get("context_en") or "",
                method=row.get("method") or "import",
                confidence=_float(row.get("evidence_confidence", ""), 1.0, line)))
        else:
            raise FormatError(f"line {line}: unknown record {row['record']!r}")
    return list(concepts.values())


def load(path: str | Path, ignored: Counter | None = None) -> list[Concept]:
    """The concepts of a ``.csv`` or ``.tsv`` file written by :func:`dump`, or of a plain
    two-column French/English glossary (:func:`termbase.glossary.read_pairs`)."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            first = handle.readline()
            handle.seek(0)
            if first.startswith("\ufeff"):  # utf-8-sig strips the BOM only at offset 0
                first = first[1:]
            columns = set(next(csv.reader([first], dialect=_dialect(path)), []))
            if {"concept", "record"} <= columns:
                return read_rows(handle, _dialect(path), ignored)
            return glossary.read_pairs(handle, Path(path).name)
    except (UnicodeDecodeError, csv.Error) as exc:
        raise FormatError(f"{path}: {exc}") from exc
