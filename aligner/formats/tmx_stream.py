"""Read TMX files one translation unit at a time, in bounded memory.

:func:`aligner.formats.tmx.load` builds the whole tree; a merged corpus TMX may hold millions
of units, so :func:`iter_units` (and :func:`iter_tu_elements`, for copying units as they are)
parses incrementally (``lxml.etree.iterparse``) and frees every ``<tu>`` once it has been read. Like :func:`~aligner.formats.tmx.load`, it resolves no entities,
loads no DTD and never touches the network.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import etree

from aligner import safexml
from aligner.errors import InputError
from aligner.formats.inline import flatten
from aligner.formats.model import Unit

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass(frozen=True)
class StreamedUnit:
    """One translation unit read from a TMX file, with the props of its ``<tu>``."""

    unit: Unit
    #: The ``<prop type=...>`` values of the ``<tu>`` (the first value of each type).
    props: dict[str, str] = field(default_factory=dict)
    tuid: str = ""


def _lang(tuv) -> str:
    return (tuv.get(XML_LANG) or tuv.get("lang") or "").lower().split("-")[0]


def _ids(text: str) -> tuple[int, ...]:
    return tuple(int(x) for x in text.split())


def _read_tu(tu, path) -> StreamedUnit | None:
    props: dict[str, str] = {}
    texts: dict[str, str] = {}
    for child in tu:
        if child.tag == "prop":
            props.setdefault(child.get("type", ""), child.text or "")
        elif child.tag == "tuv":
            seg = child.find("seg")
            if seg is not None:
                texts[_lang(child)] = flatten(seg, collapse=False).text  # as tmx.load
    if "fr" not in texts or "en" not in texts:
        return None
    try:
        score = float(props.get("x-score", "1"))
        fr_ids = _ids(props.get("x-fr-sentences", ""))
        en_ids = _ids(props.get("x-en-sentences", ""))
    except ValueError:
        raise InputError(f"{path}: bad score or indices in <tu> {tu.get('tuid')}") from None
    low = props.get("x-low-confidence", "no") == "yes"
    unit = Unit(texts["fr"], texts["en"], score, low, fr_ids, en_ids)
    return StreamedUnit(unit, props, tu.get("tuid", ""))


def iter_tu_elements(path: str | os.PathLike) -> Iterator[etree._Element]:
    """Yield the ``<tu>`` elements of the TMX file at ``path`` that have a French and an
    English variant, as parsed. Each one is emptied once the next is asked for: use it (or
    copy it) before that.

    Raises :class:`~aligner.errors.InputError` when the file is not well-formed TMX.
    """
    # Entity references stay as written ("&x;"): never expanded, never fetched.
    events = safexml.iterparse(path, events=("start", "end"), keep_entities=True,
                               remove_comments=True)
    root = None
    try:
        for event, element in events:
            if root is None:
                root = element
                if element.tag != "tmx":
                    raise InputError(f"{path}: not a TMX file (no <tmx>)")
                continue
            if event != "end" or element.tag != "tu":
                continue
            langs = {_lang(tuv) for tuv in element.iterchildren("tuv")}
            if "fr" in langs and "en" in langs:
                yield element
            element.clear(keep_tail=False)
            parent = element.getparent()
            if parent is not None:
                while element.getprevious() is not None:
                    del parent[0]
    except etree.XMLSyntaxError as exc:
        raise InputError(f"{path}: not well-formed XML: {exc}") from None


def iter_units(path: str | os.PathLike) -> Iterator[StreamedUnit]:
    """Yield the units of the TMX file at ``path`` that have a French and an English variant.

    Raises :class:`~aligner.errors.InputError` when the file is not well-formed TMX.
    """
    for element in iter_tu_elements(path):
        found = _read_tu(element, path)
        if found is not None:
            yield found


def read_header(path: str | os.PathLike) -> dict[str, list[str]]:
    """The ``<prop>`` values of the TMX ``<header>`` (without reading the body).

    Raises :class:`~aligner.errors.InputError` when the file is not well-formed TMX.
    """
    found: dict[str, list[str]] = {}
    events = safexml.iterparse(path, events=("end",))
    try:
        for _event, element in events:
            if element.tag == "header":
                for prop in element.findall("prop"):
                    found.setdefault(prop.get("type", ""), []).append(prop.text or "")
                break
            if element.tag in ("body", "tu"):
                break
    except etree.XMLSyntaxError as exc:
        raise InputError(f"{path}: not well-formed XML: {exc}") from None
    return found
