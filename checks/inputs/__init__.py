"""Segment pairs to check: TSV, TMX, XLIFF (1.0, 1.1, 1.2, 2.0), or two documents aligned first.

Segments are numbered from 1 in input order; for a TSV file the number is the line number,
so that a translator can go straight to the line. Errors are
:class:`aligner.errors.InputError` with a one-line message.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from aligner import readers, safexml
from aligner.errors import InputError
from checks.inputs import tmx, xliff
from checks.inputs.loaded import Loaded, Untranslated
from checks.model import Segment

__all__ = ["Loaded", "Untranslated", "load_input", "load_segments", "load_tmx", "load_tsv",
           "load_xliff"]

_HEADERS = {("fr", "en"), ("french", "english"), ("français", "anglais"), ("source", "target")}


def load_input(path: str | Path, en_path: str | Path | None = None) -> Loaded:
    """The segments of ``path`` with its declared languages, warnings and untranslated units
    (with ``en_path``: two documents, aligned first)."""
    path = Path(path)
    if en_path is not None:
        return Loaded(align_documents(path, Path(en_path)))
    data = readers.read_bytes(path)  # refused over aligner.readers.MAX_INPUT_BYTES
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    suffix = path.suffix.lower()
    if suffix in (".xlf", ".xliff") or (head.startswith(b"<") and b"<xliff" in head):
        return _nonempty(xliff.load(_parse_xml(data, path.name), path.name), path.name)
    if suffix == ".tmx" or (head.startswith(b"<") and b"<tmx" in head) or (
            data.startswith((b"\xff\xfe", b"\xfe\xff")) and b"<\0t\0m\0x" in data[:4096]):
        return _nonempty(tmx.load(_parse_xml(data, path.name), path.name), path.name)
    return Loaded(load_tsv(_decode(data, path.name), path.name))


def load_segments(path: str | Path, en_path: str | Path | None = None) -> list[Segment]:
    """The segment pairs of ``path`` (with ``en_path``: two documents, aligned first)."""
    return load_input(path, en_path).segments


def _nonempty(loaded: Loaded, name: str) -> Loaded:
    if not loaded.segments and not loaded.untranslated:
        raise InputError(f"{name}: no translation units")
    if not loaded.segments and all(u.reason.startswith("no ") for u in loaded.untranslated):
        raise InputError(f"{name}: no unit with both French and English text")
    return loaded


def _decode(data: bytes, name: str) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\0" in data[:8192]:
        raise InputError(f"{name}: binary file, expected French<TAB>English lines")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not UTF-8 text (byte {exc.start})") from None


def load_tsv(text: str, name: str = "input") -> list[Segment]:
    """``French<TAB>English`` per line; blank lines are skipped, a header line is allowed.

    >>> [(s.number, s.en) for s in load_tsv("fr\\ten\\nUn.\\tOne.\\n\\nDeux.\\tTwo.\\n")]
    [(2, 'One.'), (4, 'Two.')]
    """
    if "\0" in text:
        raise InputError(f"{name}: binary file, expected French<TAB>English lines")
    segments = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        if "\t" not in line:
            raise InputError(
                f"{name}:{number}: no tab between French and English (for two documents, "
                "give the English file as a second argument)"
            )
        fr, en = line.split("\t", 2)[:2]
        if number == 1 and (fr.strip().lower(), en.strip().lower()) in _HEADERS:
            continue
        segments.append(Segment(number, fr.strip(), en.strip()))
    if not segments:
        raise InputError(f"{name}: no segments")
    return segments


def _parse_xml(data: bytes, name: str) -> etree._Element:
    return safexml.parse_bytes(data, name)  # no entities, DTD or network


def load_xliff(data: bytes, name: str = "input") -> list[Segment]:
    """The translated units of an XLIFF 1.0, 1.1, 1.2 or 2.0 document, French as ``fr``
    (:mod:`checks.inputs.xliff` gives the rules)."""
    return _nonempty(xliff.load(_parse_xml(data, name), name), name).segments


def load_tmx(path: Path) -> list[Segment]:
    """The French/English units of a TMX file (:mod:`checks.inputs.tmx` gives the rules)."""
    data = readers.read_bytes(path)
    return _nonempty(tmx.load(_parse_xml(data, path.name), path.name), path.name).segments


def align_documents(fr_path: Path, en_path: Path) -> list[Segment]:
    """Clean, segment and align a French document and its English translation
    (:mod:`aligner.pipeline`); the segments are the aligned pairs, numbered from 1."""
    from aligner.pipeline import align_sentences, read_sentences

    fr, fr_paras = read_sentences(fr_path, "fr")
    en, en_paras = read_sentences(en_path, "en")
    units = align_sentences(fr, en, fr_paras, en_paras).alignment.units
    pairs = [unit for unit in units if unit.fr_ids and unit.en_ids]
    return [Segment(number, unit.fr, unit.en) for number, unit in enumerate(pairs, 1)]
