"""Segment pairs to check: TSV, TMX, XLIFF 1.2 and 2.0, or two documents aligned first.

Segments are numbered from 1 in input order; for a TSV file the number is the line number,
so that a translator can go straight to the line. Errors are
:class:`aligner.errors.InputError` with a one-line message.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from aligner import readers, safexml
from aligner.errors import InputError
from checks.model import Segment

_XLIFF_12 = "urn:oasis:names:tc:xliff:document:1.2"
_XLIFF_20 = "urn:oasis:names:tc:xliff:document:2.0"
_HEADERS = {("fr", "en"), ("french", "english"), ("français", "anglais"), ("source", "target")}


def load_segments(path: str | Path, en_path: str | Path | None = None) -> list[Segment]:
    """The segment pairs of ``path`` (with ``en_path``: two documents, aligned first)."""
    path = Path(path)
    if en_path is not None:
        return align_documents(path, Path(en_path))
    data = readers.read_bytes(path)  # refused over aligner.readers.MAX_INPUT_BYTES
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    suffix = path.suffix.lower()
    if suffix in (".xlf", ".xliff") or (head.startswith(b"<") and b"<xliff" in head):
        return load_xliff(data, path.name)
    if suffix == ".tmx" or (head.startswith(b"<") and b"<tmx" in head):
        return load_tmx(path)
    return load_tsv(_decode(data, path.name), path.name)


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


def _text(element) -> str:
    return " ".join("".join(element.itertext()).split()) if element is not None else ""


def load_xliff(data: bytes, name: str = "input") -> list[Segment]:
    """Source and target of every XLIFF 1.2 trans-unit or 2.0 segment, French as source.

    Segments are numbered by unit; units without a target are skipped.
    """
    root = _parse_xml(data, name)
    ns = etree.QName(root).namespace
    if ns == _XLIFF_12:
        q = {"n": _XLIFF_12}
        files = root.findall("n:file", q)
        langs = [(f.get("source-language", ""), f.get("target-language", "")) for f in files]
        units = root.iterfind(".//n:trans-unit", q)
        pairs = [(u.find("n:source", q), u.find("n:target", q)) for u in units]
    elif ns == _XLIFF_20:
        q = {"n": _XLIFF_20}
        langs = [(root.get("srcLang", ""), root.get("trgLang", ""))]
        segs = root.iterfind(".//n:segment", q)
        pairs = [(s.find("n:source", q), s.find("n:target", q)) for s in segs]
    else:
        raise InputError(f"{name}: not XLIFF 1.2 or 2.0 (namespace {ns!r})")
    swap = bool(langs) and all(s.lower().startswith("en") for s, _t in langs)
    if langs and not swap and not all(s.lower().startswith("fr") for s, _t in langs):
        raise InputError(f"{name}: expected French and English, found {langs[0][0]!r}")
    segments = []
    for number, (source, target) in enumerate(pairs, 1):
        if source is None or target is None:
            continue  # a unit not translated yet: nothing to check (numbering kept)
        fr, en = _text(source), _text(target)
        segments.append(Segment(number, en, fr) if swap else Segment(number, fr, en))
    if not segments:
        raise InputError(f"{name}: no translation units")
    return segments


def load_tmx(path: Path) -> list[Segment]:
    """The French/English units of a TMX file, through :mod:`aligner.formats.tmx`."""
    from aligner.formats import tmx

    segments = []
    for number, unit in enumerate(tmx.load(path).units, 1):
        segments.append(Segment(number, " ".join(unit.fr.split()), " ".join(unit.en.split())))
    if not segments:
        raise InputError(f"{path.name}: no translation units")
    return segments


def align_documents(fr_path: Path, en_path: Path) -> list[Segment]:
    """Clean, segment and align a French document and its English translation
    (:mod:`aligner.pipeline`); the segments are the aligned pairs, numbered from 1."""
    from aligner.pipeline import align_sentences, read_sentences

    fr, fr_paras = read_sentences(fr_path, "fr")
    en, en_paras = read_sentences(en_path, "en")
    units = align_sentences(fr, en, fr_paras, en_paras).alignment.units
    pairs = [unit for unit in units if unit.fr_ids and unit.en_ids]
    return [Segment(number, unit.fr, unit.en) for number, unit in enumerate(pairs, 1)]
