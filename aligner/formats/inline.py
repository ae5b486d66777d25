"""Inline codes of TMX and XLIFF segments: kept out of the text, kept in position.

A segment such as ``Le gros <bpt i="1">&lt;u></bpt>chat<ept i="1">&lt;/u></ept>`` reads as
``Le gros chat``; each code is remembered with its offset in that text, so that a report can
show it where it was (:func:`with_codes`). The TMX readers of :mod:`aligner.formats` and the
TMX/XLIFF inputs of :mod:`checks.inputs` all read segments through :func:`flatten`.

Rules (TMX 1.4b and XLIFF 1.x/2.0):

- codes that *are* native markup (TMX ``bpt ept ph it ut``; XLIFF 1.x ``bpt ept ph it x bx ex``;
  XLIFF 2.0 ``ph sc ec sm em cp``) are left out with their content, including any ``sub``
  inside them (a sub-flow such as an ``alt`` text is a separate segment, not part of this one);
- codes that *wrap* translatable text (TMX ``hi``; XLIFF ``g`` and ``mrk``; XLIFF 2.0 ``pc``
  and ``mrk``) keep their text; their opening and closing tags are codes;
- any other element (a tool's extension) keeps its text.

White space is collapsed to single spaces, as for the plain text of a segment (the checks);
``flatten(element, collapse=False)`` keeps it as written (the aligner's TMX reading, so that
what :func:`aligner.formats.tmx.dump` wrote comes back unchanged), except next to a code
left out: white space on both sides of it is the run before it, and none is kept at the
start or the end of the segment. An entity reference left
unexpanded by the streaming reader keeps its text (``&x;``); comments and processing
instructions have none.

>>> from lxml import etree
>>> seg = etree.fromstring('<seg>Le gros <bpt i="1">&lt;u></bpt>chat<ept i="1">&lt;/u></ept>'
...                        ' <ph x="1">&lt;b/></ph>noir.</seg>')
>>> flat = flatten(seg)
>>> flat.text
'Le gros chat noir.'
>>> [(c.offset, c.markup) for c in flat.codes]
[(8, '<bpt i="1">&lt;u&gt;</bpt>'), (12, '<ept i="1">&lt;/u&gt;</ept>'), (13, '<ph x="1">&lt;b/&gt;</ph>')]
>>> with_codes(flat.text, flat.codes)
'Le gros <bpt i="1">&lt;u&gt;</bpt>chat<ept i="1">&lt;/u&gt;</ept> <ph x="1">&lt;b/&gt;</ph>noir.'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

#: Elements whose content is native code: left out of the text altogether.
OPAQUE = frozenset({"bpt", "ept", "ph", "it", "ut", "x", "bx", "ex", "sc", "ec", "sm", "em",
                    "cp", "sub"})
#: Elements that wrap translatable text: the tags are codes, the content is text.
WRAPPING = frozenset({"hi", "g", "mrk", "pc"})
_XMLNS = re.compile(r'\s+xmlns(:\w+)?="[^"]*"')


@dataclass(frozen=True)
class Code:
    """One inline code: its markup as written and its offset in the checked text."""

    offset: int
    markup: str


@dataclass
class Flat:
    """The checked text of a segment and its inline codes, in order."""

    text: str
    codes: list[Code] = field(default_factory=list)


def _local(el) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def _markup(el, part: str = "whole") -> str:
    """The element as XML (``whole``), or only its opening or closing tag."""
    name = _local(el)
    if part == "whole":
        copy = etree.fromstring(etree.tostring(el, with_tail=False))
        return _XMLNS.sub("", etree.tostring(copy, encoding="unicode"))
    if part == "close":
        return f"</{name}>"
    attrs = "".join(f' {etree.QName(k).localname}="{v}"' for k, v in el.attrib.items())
    return f"<{name}{attrs}>"


class _Builder:
    def __init__(self, collapse: bool = True) -> None:
        self.collapse = collapse
        self.parts: list[str] = []
        self.length = 0
        self.space = False  # a space is pending (collapsed white space)
        self.codes: list[Code] = []
        self.after_code = False  # no text since the last code (white space kept as written)

    def _verbatim(self, text: str) -> None:
        # White space on both sides of a left-out code: the run before the code is kept.
        if self.after_code and (self.length == 0 or self.parts[-1][-1:].isspace()):
            text = text.lstrip()
        if text:
            self.parts.append(text)
            self.length += len(text)
            self.after_code = False

    def text(self, text: str | None) -> None:
        if not self.collapse:
            self._verbatim(text or "")
            return
        for piece in re.split(r"(\s+)", text or ""):
            if not piece:
                continue
            if piece.isspace():
                self.space = self.length > 0 and not self.parts[-1].endswith(" ")
                continue
            if self.space:
                self.parts.append(" ")
                self.length += 1
                self.space = False
            self.parts.append(piece)
            self.length += len(piece)

    def code(self, markup: str) -> None:
        # A code after a space sits after that space, so that "gros <b>chat" keeps its gap.
        if self.space:
            self.parts.append(" ")
            self.length += 1
            self.space = False
        self.codes.append(Code(self.length, markup))
        self.after_code = True

    def result(self) -> Flat:
        text = "".join(self.parts)
        if not self.collapse:
            if self.codes and not text[self.codes[-1].offset:].strip():
                text = text.rstrip()  # the codes end the segment: no white space after them
            return Flat(text, [Code(min(c.offset, len(text)), c.markup) for c in self.codes])
        stripped = text.rstrip()
        codes = [Code(min(c.offset, len(stripped)), c.markup) for c in self.codes]
        return Flat(stripped, codes)


def flatten(element, collapse: bool = True) -> Flat:
    """The text and the inline codes of a ``seg``, ``source`` or ``target`` (white space
    collapsed unless ``collapse`` is false).

    >>> seg = etree.fromstring('<seg>A  B <ph>&lt;br/></ph>\\n C<ph/> </seg>')
    >>> flatten(seg).text, flatten(seg, collapse=False).text
    ('A B C', 'A  B C')
    """
    if element is not None and not collapse and len(element) == 0:
        return Flat(element.text or "")  # no inline code: the text as written (fast path)
    builder = _Builder(collapse)
    if element is None:
        return builder.result()

    def walk(node) -> None:
        builder.text(node.text)
        for child in node:
            name = _local(child)
            if isinstance(child, etree._Entity):  # left unexpanded: kept as written
                builder.text(child.text)
            elif not name:  # a comment or processing instruction
                pass
            elif name in OPAQUE:
                builder.code(_markup(child))
            elif name in WRAPPING:
                builder.code(_markup(child, "open"))
                walk(child)
                builder.code(_markup(child, "close"))
            else:
                walk(child)
            builder.text(child.tail)

    walk(element)
    return builder.result()


def with_codes(text: str, codes: list[Code] | tuple[Code, ...]) -> str:
    """The text with its codes put back at their offsets (for reports)."""
    out, last = [], 0
    for code in sorted(codes, key=lambda c: c.offset):
        out.append(text[last:code.offset])
        out.append(code.markup)
        last = code.offset
    out.append(text[last:])
    return "".join(out)
