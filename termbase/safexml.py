"""The one way the termbase parses XML (TBX v2 and v3 imports).

Policy: entities are never expanded, no DTD is loaded, the network is never touched and
huge trees are refused (lxml's limits). A document whose DOCTYPE declares entities, general
or parameter (``<!ENTITY a "...">``, the "billion laughs" and XXE payloads), is refused with
:class:`termbase.errors.FormatError`; a DOCTYPE naming an external DTD only (``<!DOCTYPE martif
SYSTEM "TBXBasiccoreStructV02.dtd">``) is accepted and the DTD is not read.

>>> parse_bytes(b"<tbx><text/></tbx>", "a.tbx").tag
'tbx'
>>> parse_bytes(b'<!DOCTYPE r [<!ENTITY a "x">]><r>&a;</r>', "a.xml")
Traceback (most recent call last):
termbase.errors.FormatError: a.xml: refusing XML whose DOCTYPE declares entities (a)
"""

from __future__ import annotations

import os
from collections.abc import Iterator

from lxml import etree

from termbase.errors import FormatError

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


def check_doctype(tree, name: str) -> None:
    """Raise :class:`FormatError` when the document's internal DTD declares any entity."""
    dtd = tree.docinfo.internalDTD
    if dtd is None:
        return
    names = [entity.name for entity in dtd.iterentities()]
    if names:
        raise FormatError(
            f"{name}: refusing XML whose DOCTYPE declares entities ({', '.join(names[:3])})"
        )


def parse_bytes(data: bytes, name: str, keep_entities: bool = False) -> etree._Element:
    """The root element of the XML document ``data`` (``name`` is used in messages).

    With ``keep_entities`` a DOCTYPE declaring entities is accepted and every reference to
    them is left as written (``&x;``), never expanded; otherwise it is refused.
    """
    try:
        root = etree.fromstring(data, parser())
    except etree.XMLSyntaxError as exc:
        raise FormatError(f"{name}: not well-formed XML ({exc})") from None
    if root is None:
        raise FormatError(f"{name}: not well-formed XML (no root element)")
    if not keep_entities:
        check_doctype(root.getroottree(), name)
    return root


def parse_file(path: str | os.PathLike) -> etree._Element:
    """The root element of the XML file at ``path``."""
    try:
        tree = etree.parse(os.fspath(path), parser())
    except etree.XMLSyntaxError as exc:
        raise FormatError(f"{path}: not well-formed XML ({exc})") from None
    check_doctype(tree, str(path))
    return tree.getroot()


def iterparse(
    path: str | os.PathLike, events=("end",), keep_entities: bool = False, **options
) -> Iterator[tuple]:
    """``lxml.etree.iterparse`` with the safe options; the DOCTYPE is checked at the first
    event (before any entity could be used) unless ``keep_entities`` (references are then
    left as written, never expanded). Syntax errors become :class:`FormatError`."""
    stream = etree.iterparse(os.fspath(path), events=events, **SAFE_OPTIONS, **options)
    checked = keep_entities
    try:
        for event, element in stream:
            if not checked:
                check_doctype(element.getroottree(), str(path))
                checked = True
            yield event, element
    except etree.XMLSyntaxError as exc:
        raise FormatError(f"{path}: not well-formed XML: {exc}") from None
