"""The one XML parsing policy of termalign's libraries (TMX, XLIFF, TBX, ``.docx``).

A tiny library at the bottom of the stack, so that ``aligner`` and ``termbase``, which must
not import each other, share one implementation. Each function takes the exception class to
raise (``error=``), so that each library keeps its own named errors.

Policy: entities are never expanded, no DTD is loaded, the network is never touched and
huge trees are refused (lxml's limits). A document whose DOCTYPE declares entities, general
or parameter (``<!ENTITY a "...">``, the "billion laughs" and XXE payloads), is refused; a
DOCTYPE naming an external DTD only (``<!DOCTYPE tmx SYSTEM "tmx14.dtd">``) is accepted and
the DTD is not read.

>>> parse_bytes(b"<tmx><body/></tmx>", "a.tmx").tag
'tmx'
>>> parse_bytes(b'<!DOCTYPE r [<!ENTITY a "x">]><r>&a;</r>', "a.xml")
Traceback (most recent call last):
ValueError: a.xml: refusing XML whose DOCTYPE declares entities (a)
"""

from __future__ import annotations

import os
from collections.abc import Iterator

from lxml import etree

#: The parser options every XML entry point uses.
SAFE_OPTIONS = {
    "resolve_entities": False,
    "no_network": True,
    "load_dtd": False,
    "huge_tree": False,
    "dtd_validation": False,
}


def parser() -> etree.XMLParser:
    """A fresh lxml parser with :data:`SAFE_OPTIONS`."""
    return etree.XMLParser(**SAFE_OPTIONS)


def check_doctype(tree, name: str, error: type[Exception] = ValueError) -> None:
    """Raise ``error`` when the document's internal DTD declares any entity."""
    dtd = tree.docinfo.internalDTD
    if dtd is None:
        return
    names = [entity.name for entity in dtd.iterentities()]
    if names:
        raise error(f"{name}: refusing XML whose DOCTYPE declares entities ({', '.join(names[:3])})")


def parse_bytes(
    data: bytes, name: str, keep_entities: bool = False, error: type[Exception] = ValueError
) -> etree._Element:
    """The root element of the XML document ``data`` (``name`` is used in messages).

    With ``keep_entities`` a DOCTYPE declaring entities is accepted and every reference to
    them is left as written (``&x;``), never expanded; otherwise it is refused.
    """
    try:
        root = etree.fromstring(data, parser())
    except etree.XMLSyntaxError as exc:
        raise error(f"{name}: not well-formed XML ({exc})") from None
    if root is None:
        raise error(f"{name}: not well-formed XML (no root element)")
    if not keep_entities:
        check_doctype(root.getroottree(), name, error)
    return root


def parse_file(path: str | os.PathLike, error: type[Exception] = ValueError) -> etree._Element:
    """The root element of the XML file at ``path``."""
    try:
        tree = etree.parse(os.fspath(path), parser())
    except etree.XMLSyntaxError as exc:
        raise error(f"{path}: not well-formed XML ({exc})") from None
    check_doctype(tree, str(path), error)
    return tree.getroot()


def iterparse(
    path: str | os.PathLike,
    events=("end",),
    keep_entities: bool = False,
    error: type[Exception] = ValueError,
    **options,
) -> Iterator[tuple]:
    """``lxml.etree.iterparse`` with the safe options; the DOCTYPE is checked at the first
    event (before any entity could be used) unless ``keep_entities`` (references are then
    left as written, never expanded). Syntax errors become ``error``."""
    stream = etree.iterparse(os.fspath(path), events=events, **SAFE_OPTIONS, **options)
    checked = keep_entities
    try:
        for event, element in stream:
            if not checked:
                check_doctype(element.getroottree(), str(path), error)
                checked = True
            yield event, element
    except etree.XMLSyntaxError as exc:
        raise error(f"{path}: not well-formed XML: {exc}") from None
