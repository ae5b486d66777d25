"""Import and export of whole termbases: TBX (v3, v2), CSV/TSV and glossaries, chosen by
file name (or by an explicit format)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from termbase import csvfmt, tbx
from termbase.errors import FormatError
from termbase.model import Concept

TBX_SUFFIXES = (".tbx", ".xml", ".tbxm")
CSV_SUFFIXES = (".csv", ".tsv", ".tab")


def read_concepts(path: str | Path, ignored: Counter | None = None) -> Iterable[Concept]:
    """The concepts of a TBX, CSV or TSV file (by suffix; unknown suffixes are tried as TBX).

    What the file holds but termalign does not keep is counted in ``ignored``.
    """
    path = Path(path)
    if not path.is_file():
        raise FormatError(f"{path}: no such file")
    if path.suffix.lower() in CSV_SUFFIXES:
        return csvfmt.load(path, ignored)
    return tbx.iter_load(path, ignored)


def import_file(termbase, path: str | Path, ignored: Counter | None = None) -> Counter:
    """Merge every concept of a file into the termbase in ONE transaction.

    Returns counts of ``added``, ``merged`` and ``skipped`` concepts; what the file holds
    that was not imported (other languages, categories termalign does not keep, entries
    without a French or English term) is counted in ``ignored``, by description. Any error
    rolls the whole import back, leaving the termbase as it was.
    """
    counts: Counter = Counter(added=0, merged=0, skipped=0)
    ignored = Counter() if ignored is None else ignored
    name = Path(path).name
    with termbase.transaction():
        for concept in read_concepts(path, ignored):
            concept.origin = concept.origin or name
            counts[termbase.merge_concept(concept)[1]] += 1
    return counts


def export_file(termbase, path: str | Path, tbx_version: int = 3, kind: str | None = None) -> int:
    """Write the termbase (or one kind of concept) to TBX or CSV/TSV by the file's suffix."""
    concepts = termbase.iter_concepts(kind=kind)
    if Path(path).suffix.lower() in CSV_SUFFIXES:
        return csvfmt.dump(concepts, path)
    return tbx.dump(concepts, path, version=tbx_version)
