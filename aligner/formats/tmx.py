"""TMX 1.4b: one ``<tu>`` per bead that has both a French and an English side.

The header's ``srclang`` is the alignment's source language (``fr`` or ``en``), whose
``<tuv>`` comes first in every unit; it says ``segtype="sentence"``, ``datatype="plaintext"`` and carries
the document names (``x-fr-document``, ``x-en-document``), any whole-document warning
(``x-warning``) and the number of French-only and English-only sentences (``x-unaligned-fr``,
``x-unaligned-en``): a translation memory holds translation pairs, so 1-0 and 0-1 beads are
not written as units, only counted. Each ``<tu>`` has the props ``x-score`` (the bead's
confidence, 0–1), ``x-low-confidence`` (``yes``/``no``), ``x-fr-sentences`` and
``x-en-sentences`` (0-based indices, space-separated) and the two document names.

:func:`load` parses without entities, DTD or network (no XXE).
"""

from __future__ import annotations

import os
from importlib import metadata

from lxml import etree

from aligner import safexml
from aligner.errors import InputError
from aligner.formats.inline import flatten
from aligner.formats.model import Alignment, Unit, write_atomic

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _tool_version() -> str:
    try:
        return metadata.version("termalign")
    except metadata.PackageNotFoundError:
        return "0"


def _prop(parent, kind: str, value: str) -> None:
    etree.SubElement(parent, "prop", type=kind).text = value


def to_tree(alignment: Alignment, tool_version: str | None = None) -> etree._ElementTree:
    root = etree.Element("tmx", version="1.4")
    header = etree.SubElement(
        root,
        "header",
        {
            "creationtool": "termalign",
            "creationtoolversion": tool_version or _tool_version(),
            "segtype": "sentence",
            "o-tmf": "termalign",
            "adminlang": "en",
            "srclang": alignment.source,
            "datatype": "plaintext",
        },
    )
    _prop(header, "x-fr-document", alignment.fr_name)
    _prop(header, "x-en-document", alignment.en_name)
    for warning in alignment.warnings:
        _prop(header, "x-warning", warning)
    nulls = [u for u in alignment.units if not u.is_pair]
    _prop(header, "x-unaligned-fr", str(sum(len(u.fr_ids) for u in nulls)))
    _prop(header, "x-unaligned-en", str(sum(len(u.en_ids) for u in nulls)))
    body = etree.SubElement(root, "body")
    for number, unit in enumerate((u for u in alignment.units if u.is_pair), 1):
        tu = etree.SubElement(body, "tu", tuid=str(number))
        _prop(tu, "x-score", f"{unit.score:.4f}")
        _prop(tu, "x-low-confidence", "yes" if unit.low else "no")
        _prop(tu, "x-fr-sentences", " ".join(str(i) for i in unit.fr_ids))
        _prop(tu, "x-en-sentences", " ".join(str(j) for j in unit.en_ids))
        _prop(tu, "x-fr-document", alignment.fr_name)
        _prop(tu, "x-en-document", alignment.en_name)
        sides = (("fr", unit.fr), ("en", unit.en))
        for lang, text in sides if alignment.source == "fr" else sides[::-1]:
            tuv = etree.SubElement(tu, "tuv", {XML_LANG: lang})
            etree.SubElement(tuv, "seg").text = _xml_safe(text)
    return etree.ElementTree(root)


def _xml_safe(text: str) -> str:
    """Drop the characters XML 1.0 cannot carry (control characters)."""
    return "".join(ch for ch in text if ch in "\t\n\r" or ord(ch) >= 0x20)


def dumps(alignment: Alignment, tool_version: str | None = None) -> str:
    """The TMX document as text (UTF-8 declared)."""
    data = etree.tostring(
        to_tree(alignment, tool_version), xml_declaration=True, encoding="UTF-8", pretty_print=True
    )
    return data.decode("utf-8")


def dump(alignment: Alignment, path: str | os.PathLike, tool_version: str | None = None) -> None:
    write_atomic(path, dumps(alignment, tool_version).encode("utf-8"))


def _props(element) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for prop in element.findall("prop"):
        found.setdefault(prop.get("type", ""), []).append(prop.text or "")
    return found


def _ids(text: str) -> tuple[int, ...]:
    return tuple(int(x) for x in text.split())


def load(path: str | os.PathLike) -> Alignment:
    """Read a TMX file written by :func:`dump` (or any TMX with ``fr`` and ``en`` variants).

    The text of a unit is its ``<seg>`` without the inline codes (``bpt``, ``ept``, ``ph``,
    ``it``, ``ut`` and any ``sub`` in them; the text inside ``hi`` is kept), white space as
    written (:func:`aligner.formats.inline.flatten`). Units lacking a French or an English
    variant are skipped; when a unit has two variants of one language, the first is kept
    and the alignment's warnings say how many units had one. Raises :class:`~aligner.errors.InputError` when the file is not
    well-formed TMX.
    """
    root = safexml.parse_file(path)
    if root.tag != "tmx" or root.find("body") is None:
        raise InputError(f"{path}: not a TMX file (no <tmx>/<body>)")
    header = root.find("header")
    head = _props(header) if header is not None else {}
    units = []
    doubled = 0
    for tu in root.find("body").iter("tu"):
        texts: dict[str, str] = {}
        for tuv in tu.findall("tuv"):
            lang = (tuv.get(XML_LANG) or tuv.get("lang") or "").lower().split("-")[0]
            seg = tuv.find("seg")
            if seg is None:
                continue
            if lang in texts:
                doubled += lang in ("fr", "en")
                continue  # the first variant of a language is the unit's text
            texts[lang] = flatten(seg, collapse=False).text  # inline codes left out
        if "fr" not in texts or "en" not in texts:
            continue
        props = _props(tu)
        try:
            score = float(props.get("x-score", ["1"])[0])
            fr_ids = _ids(props.get("x-fr-sentences", [""])[0])
            en_ids = _ids(props.get("x-en-sentences", [""])[0])
        except ValueError:
            raise InputError(f"{path}: bad score or indices in <tu> {tu.get('tuid')}") from None
        low = props.get("x-low-confidence", ["no"])[0] == "yes"
        units.append(Unit(texts["fr"], texts["en"], score, low, fr_ids, en_ids))
    warnings = head.get("x-warning", [])
    if doubled:
        warnings.append(f"{doubled} unit(s) had a second French or English variant; "
                        "the first variant of each language was kept")
    return Alignment(
        units,
        head.get("x-fr-document", [""])[0],
        head.get("x-en-document", [""])[0],
        warnings,
        declared_source(header),
    )


def declared_source(header) -> str:
    """The ``srclang`` of a TMX ``<header>`` element as ``fr`` or ``en`` (``fr`` when it is
    missing, ``*all*`` or another language)."""
    lang = (header.get("srclang", "") if header is not None else "").lower().split("-")[0]
    return lang if lang in ("fr", "en") else "fr"
