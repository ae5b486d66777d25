"""Import and export of whole termbases: TBX (v3, v2), CSV/TSV and glossaries, chosen by
file name (or by an explicit format)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from termbase import csvfmt, tbx
from termbase.errors import FormatError, TermbaseError
from termbase.model import Concept
from termbase.validation import validate

TBX_SUFFIXES = (".tbx", ".xml", ".tbxm")
#: Largest file :func:`import_file` accepts by default (an IATE domain export is well under).
MAX_IMPORT_BYTES = 256 * 1024 * 1024
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


def import_file(termbase, path: str | Path, ignored: Counter | None = None,
                max_bytes: int = MAX_IMPORT_BYTES, progress=None) -> Counter:
    """Merge every concept of a file into the termbase.

    The whole file is read and every concept validated first, outside the write lock: a
    bad file changes nothing. The concepts are then merged in short batches
    (:meth:`Termbase.merge_batches`), so that web edits made meanwhile wait a moment and
    are kept; an import cut short leaves whole concepts only, and importing the file again
    completes it. Files over ``max_bytes`` are refused before they are read.
    ``progress(done, total)`` is called as concepts are merged.

    Returns counts of ``added``, ``merged`` and ``skipped`` concepts; what the file holds
    that was not imported (other languages, categories termalign does not keep, entries
    without a French or English term) is counted in ``ignored``, by description.
    """
    counts: Counter = Counter(added=0, merged=0, skipped=0)
    ignored = Counter() if ignored is None else ignored
    path = Path(path)
    name = path.name
    if path.is_file() and (size := path.stat().st_size) > max_bytes:
        raise FormatError(f"{path}: file too large to import ({size} bytes; the limit is "
                          f"{max_bytes} bytes)")
    concepts = list(read_concepts(path, ignored))
    for number, concept in enumerate(concepts, 1):
        concept.origin = concept.origin or name
        try:
            validate(concept)
        except TermbaseError as exc:
            raise FormatError(f"{path}: concept {number}: {exc}") from None

    def done(_concept, _id, outcome) -> None:
        counts[outcome] += 1
        if progress:
            progress(sum(counts.values()), len(concepts))

    with termbase.long_write(f"import of {name}"):
        termbase.merge_batches(concepts, done)
    return counts


def export_file(termbase, path: str | Path, tbx_version: int = 3, kind: str | None = None) -> int:
    """Write the termbase (or one kind of concept) to TBX or CSV/TSV by the file's suffix."""
    concepts = termbase.iter_concepts(kind=kind)
    if Path(path).suffix.lower() in CSV_SUFFIXES:
        return csvfmt.dump(concepts, path)
    return tbx.dump(concepts, path, version=tbx_version)
