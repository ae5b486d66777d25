"""XLIFF 1.2 out of ``align``, for reviewing an alignment in a CAT tool (OmegaT, Okapi, memoQ).

One ``<file>`` (``source-language="fr"``, ``target-language="en"``, ``original`` = the French
document), one ``<trans-unit>`` per bead with a French side, numbered from 1:

- the target's ``state`` comes from the bead's confidence: ``translated`` for a confident
  bead, ``needs-review-translation`` for a low-confidence one (score under 0.3, the documented
  rule of :func:`aligner.formats.model.is_low`), ``needs-translation`` (empty target) for a
  French sentence left without English (a 1-0 bead);
- the score and the sentence indices are attributes in termalign's namespace
  (``ta:score``, ``ta:fr-sentences``, ``ta:en-sentences``), which XLIFF 1.2 allows and CAT
  tools ignore; a ``<note>`` repeats the score for the reviewer;
- English sentences left without French (0-1 beads) have no unit: their number is in the
  header's ``<note>``, as in the TMX output; whole-document warnings are header notes too.

:func:`load` reads the file back (or any XLIFF 1.2 written this way).
"""

from __future__ import annotations

import os
from importlib import metadata

from lxml import etree

from aligner import safexml
from aligner.errors import InputError
from aligner.formats.model import Alignment, Unit, is_low, write_atomic

NS = "urn:oasis:names:tc:xliff:document:1.2"
TA = "urn:termalign:alignment"
_X = f"{{{NS}}}"
_T = f"{{{TA}}}"
_UNALIGNED_EN = "English sentences without French: "


def _version() -> str:
    try:
        return metadata.version("termalign")
    except metadata.PackageNotFoundError:
        return "0"


def _xml_safe(text: str) -> str:
    return "".join(ch for ch in text if ch in "\t\n\r" or ord(ch) >= 0x20)


def state_of(unit: Unit) -> str:
    """The XLIFF state of a bead's target.

    >>> state_of(Unit("Oui.", "Yes.", 0.9, False, (0,), (0,)))
    'translated'
    >>> state_of(Unit("Oui.", "No.", 0.1, True, (0,), (0,))), state_of(Unit("Oui.", "", 0.5, False, (0,)))
    ('needs-review-translation', 'needs-translation')
    """
    if not (unit.en_ids or unit.en):
        return "needs-translation"
    return "needs-review-translation" if unit.low else "translated"


def to_tree(alignment: Alignment) -> etree._ElementTree:
    root = etree.Element(_X + "xliff", version="1.2", nsmap={None: NS, "ta": TA})
    file_el = etree.SubElement(root, _X + "file", {
        "original": alignment.fr_name or "fr", "source-language": "fr", "target-language": "en",
        "datatype": "plaintext", _T + "en-document": alignment.en_name})
    header = etree.SubElement(file_el, _X + "header")
    etree.SubElement(header, _X + "tool", {"tool-id": "termalign", "tool-name": "termalign",
                                           "tool-version": _version()})
    for warning in alignment.warnings:
        etree.SubElement(header, _X + "note", {"from": "termalign"}).text = _xml_safe(warning)
    english_only = sum(len(u.en_ids) for u in alignment.units if not (u.fr_ids or u.fr))
    etree.SubElement(header, _X + "note", {"from": "termalign"}).text = (
        f"{_UNALIGNED_EN}{english_only}")
    body = etree.SubElement(file_el, _X + "body")
    number = 0
    for unit in alignment.units:
        if not (unit.fr_ids or unit.fr):
            continue
        number += 1
        tu = etree.SubElement(body, _X + "trans-unit", {
            "id": str(number), _T + "score": f"{unit.score:.4f}",
            _T + "fr-sentences": " ".join(map(str, unit.fr_ids)),
            _T + "en-sentences": " ".join(map(str, unit.en_ids))})
        etree.SubElement(tu, _X + "source").text = _xml_safe(unit.fr)
        target = etree.SubElement(tu, _X + "target", state=state_of(unit))
        target.text = _xml_safe(unit.en)
        etree.SubElement(tu, _X + "note", {"from": "termalign"}).text = (
            f"alignment score {unit.score:.2f}" + (" (low confidence)" if unit.low else ""))
    return etree.ElementTree(root)


def dumps(alignment: Alignment) -> str:
    data = etree.tostring(to_tree(alignment), xml_declaration=True, encoding="UTF-8",
                          pretty_print=True)
    return data.decode("utf-8")


def dump(alignment: Alignment, path: str | os.PathLike) -> None:
    write_atomic(path, dumps(alignment).encode("utf-8"))


def _ids(text: str | None, path) -> tuple[int, ...]:
    try:
        return tuple(int(x) for x in (text or "").split())
    except ValueError:
        raise InputError(f"{path}: bad sentence indices {text!r}") from None


def load(path: str | os.PathLike) -> Alignment:
    """Read an alignment written by :func:`dump`."""
    root = safexml.parse_file(path)
    file_el = root.find(_X + "file")
    if root.tag != _X + "xliff" or file_el is None:
        raise InputError(f"{path}: not an XLIFF 1.2 file")
    units = []
    for tu in file_el.iter(_X + "trans-unit"):
        try:
            score = float(tu.get(_T + "score", "1"))
        except ValueError:
            raise InputError(f"{path}: bad score in trans-unit {tu.get('id')}") from None
        fr = "".join(tu.find(_X + "source").itertext()) if tu.find(_X + "source") is not None else ""
        target = tu.find(_X + "target")
        en = "".join(target.itertext()) if target is not None else ""
        units.append(Unit(fr, en, score, is_low(score), _ids(tu.get(_T + "fr-sentences"), path),
                          _ids(tu.get(_T + "en-sentences"), path)))
    header = file_el.find(_X + "header")
    warnings = [n.text or "" for n in (header.findall(_X + "note") if header is not None else [])
                if not (n.text or "").startswith(_UNALIGNED_EN)]
    return Alignment(units, file_el.get("original", ""), file_el.get(_T + "en-document", ""),
                     warnings)
