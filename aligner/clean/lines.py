"""Split extracted text into lines and give each line a role.

Roles: ``text`` (running text), ``blank`` (a paragraph separator), ``empty`` (a line break
doubled by the extraction, ignored), ``masthead`` (the document header: issuing body, symbol,
distribution, date, languages), ``header`` (running headers and footers: symbol, job number,
page number, bar code), ``rule`` (the footnote separator), ``note`` (a footnote body line) and
``ref`` (an ``https://undocs.org`` or ``mailto:`` line).
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass
from functools import cached_property

#: A UN document symbol: ``S/2021/297``, ``A/75/345``, ``S/PRST/2013/12``, ``E/CN.6/2021/1``.
SYMBOL = r"(?:A|S|E|ST|DP|UNEP|TD|CERD|CCPR|CAT|CEDAW|CRC|HRC)(?:/[A-Z0-9][A-Za-z0-9.()]*)+"
SYMBOL_LINE = re.compile(rf"^{SYMBOL}(?:[-–]{SYMBOL})?$")
#: Job numbers (New York, Geneva ``GE.``, Vienna ``V.``, Nairobi ``K1500123``), page numbers
#: and bar codes printed in page headers and footers.
JOB = r"(?:(?:GE\.|V\.)?\d{2}-\d{5}|K\d{7})(?:\s*\([A-Z]\))?"
FURNITURE = [
    re.compile(rf"^{JOB}(?:\s+\d{{6}}){{0,2}}$"),  # 21-04084 (F)  310321  310321
    re.compile(rf"^{JOB}\s+\d{{1,3}}(?:/\d{{1,3}})?$"),  # 21-04084 2/5, GE.09-17088 5
    re.compile(rf"^\d{{1,3}}(?:/\d{{1,3}})?\s+{JOB}$"),  # 3/5 21-04084
    re.compile(r"^\*\d{5,}\*$"),  # *2104084*
    re.compile(r"^\d{1,3}/\d{1,3}$"),  # 2/5
    re.compile(r"^-\s*\d{1,3}\s*-$"),  # - 2 -
    re.compile(r"^[Pp]age\s+\d{1,3}$"),  # Page 5
    re.compile(r"^/\s?\.\.\.$"),  # /... (continued on the next page)
]
#: A running head glued to the first line of the page by the extraction: ``Page 6 10. Note``.
GLUED_HEAD = re.compile(r"^\s*[Pp]age\s+\d{1,3}\s+(?=\S)")
#: A table-of-contents line: dot leaders, then paragraph and page numbers.
TOC_LINE = re.compile(r"(?:\.\s?){4,}\s*\d{1,3}(?:\s*[-–]\s*\d{1,3})?(?:\s+\d{1,3})?\s*$")
TOC_COLUMNS = re.compile(r"^(?:Paragraphes|Paragraphs|Chapitre|Chapter)?\s*(?:Paragraphes|"
                         r"Paragraphs)\s+Pages?$|^Pages?$", re.IGNORECASE)
RULE = re.compile(r"^\s*_{5,}\s*$")
REF = re.compile(r"^\s*((?:https?://undocs\.org/|https?://documents\.un\.org/|mailto:)\S+)\s*$")
NOTE_START = re.compile(r"^\s*(\d{1,3})/?\s+(?=\S)|^\s*(\*{1,3})\s*(?=[^\s*])")

_MONTHS_FR = "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
_MONTHS_EN = "January|February|March|April|May|June|July|August|September|October|November|December"
_LANGS = (
    "Arabic|Chinese|English|French|Russian|Spanish|Arabe|Chinois|Anglais|Français|Francais|"
    "FRANÇAIS|Russe|Espagnol"
)
#: Masthead items (one line, or one column of a line split on runs of spaces).
MASTHEAD = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"Nations\s+Unies|United\s+Nations",
        r"Conseil\s+de\s+sécurité|Security\s+Council|Assemblée\s+générale|General\s+Assembly",
        r"Conseil\s+économique\s+et\s+social|Economic\s+and\s+Social\s+Council",
        r"Secrétariat|Secretariat|Conseil\s+des\s+droits\s+de\s+l[’']homme|Human\s+Rights\s+Council",
        r"Distr\.?\s*:?\s*(?:g[ée]n[ée]rale|general|limit[ée]e|limited|restreinte|restricted)",
        r"Distr\.|G[ÉE]N[ÉE]RALE|GENERAL|LIMIT[ÉE]E|LIMITED",
        # the issuing body in capitals printed twice (1990s bold): NATIONSNATIONS AA, UNIESUNIES
        r"(?-i:(?:NATIONS|UNIES|UNITED)(?:NATIONS|UNIES|UNITED)?|[A-Z]{1,2})",
        r"Assemblée\s+des\s+Nations\s+Unies\s+pour\s+l[’']environnement(?:\s+du\s+Programme"
        r"\s+des\s+Nations\s+Unies\s+pour\s+l[’']environnement)?|United\s+Nations\s+Environment"
        r"\s+Assembly(?:\s+of\s+the\s+United\s+Nations\s+Environment\s+Programme)?",
        r"Commission\s+(?:des\s+stupéfiants|on\s+Narcotic\s+Drugs|de\s+la\s+condition\s+de\s+la"
        r"\s+femme|on\s+the\s+Status\s+of\s+Women|du\s+droit\s+international|on\s+Crime"
        r"\s+Prevention\s+and\s+Criminal\s+Justice|pour\s+la\s+prévention\s+du\s+crime\s+et\s+la"
        r"\s+justice\s+pénale)",
        rf"(?:Genève|Geneva|Vienne|Vienna|Nairobi|New\s+York),\s+\d{{1,2}}(?:er)?\s*[-–]\s*\d{{1,2}}"
        rf"(?:er)?\s+(?:{_MONTHS_FR}|{_MONTHS_EN})\s+\d{{4}}",
        r"Agenda\s+items?\s+\d+(?:\s*\([a-z]\))?(?:\s*(?:,|and)\s*\d+)*\s*\**",
        rf"\d{{1,2}}(?:er)?\s+(?:{_MONTHS_FR}|{_MONTHS_EN})\s+\d{{4}}",
        rf"(?:{_MONTHS_EN})\s+\d{{1,2}},\s+\d{{4}}",
        rf"(?:{_LANGS})(?:\s*[/,]?\s*(?:{_LANGS}))*",
        rf"\[?Original\s*:\s*(?:{_LANGS})(?:\s*[/,]\s*(?:{_LANGS}))*\]?",
        r"[\w-]+(?:\s+[\w-]+)?\s+(?:session|année|year)|Session\s+\w+",
        r"(?:Points?|Items?)\s+\d+(?:\s*(?:,|et|and)\s*\d+)*\s+(?:de\s+l[’']ordre\s+du\s+jour"
        r"(?:\s+provisoire)?|of\s+the\s+(?:provisional\s+)?agenda)\s*\**",
        SYMBOL + r"(?:[-–]" + SYMBOL + r")?",
        r"\*\d{5,}\*",
    )
]
#: A language name alone: the running head of 1990s documents (``A/53/345 / Français / Page 3``).
LANGUAGE_LINE = re.compile(rf"^(?:{_LANGS})$", re.IGNORECASE)
#: A bracketed original-language line inside the body: ``[Original : anglais]``.
ORIGINAL_LINE = re.compile(rf"^\[Original\s*:\s*(?:{_LANGS})(?:\s*[/,]\s*(?:{_LANGS}))*\]$", re.I)


@dataclass
class Line:
    """One line of the source; ``start`` is the offset of its first character."""

    index: int
    start: int
    raw: str
    role: str = "text"
    #: For ``note`` lines that start a footnote, its number.
    note: str | None = None
    #: Characters of a running head glued to the line's start (``Page 6 ``), not text.
    skip: int = 0

    @cached_property
    def content(self) -> str:
        """The line without surrounding whitespace, form feeds, Markdown emphasis or a glued
        running head."""
        return self.raw[self.skip :].replace("\f", "").replace("**", "").strip()

    @cached_property
    def indent(self) -> int:
        """Number of leading spaces (a tab counts as four)."""
        text = self.raw.replace("\f", "").replace("\t", "    ")
        return len(text) - len(text.lstrip(" \u00a0"))

    @property
    def end(self) -> int:
        """Offset just after the line's last character (its newline, if any)."""
        return self.start + len(self.raw)


def split_lines(source: str) -> list[Line]:
    """The lines of ``source`` with their offsets.

    >>> [(line.start, line.raw) for line in split_lines("ab\\ncd")]
    [(0, 'ab'), (3, 'cd')]
    """
    lines = []
    pos = 0
    for index, raw in enumerate(source.split("\n")):
        lines.append(Line(index, pos, raw))
        pos += len(raw) + 1
    return lines


def is_interleaved(lines: list[Line]) -> bool:
    """True when the extraction put an empty line after every printed line.

    Then a wrapped paragraph reads ``line / empty / line``, and only lines made of spaces
    (or runs of empty lines) separate paragraphs.
    """
    texts = [i for i, line in enumerate(lines) if line.raw.strip()]
    if len(texts) < 4:
        return False
    followed = sum(1 for i in texts if i + 1 < len(lines) and lines[i + 1].raw == "")
    wrapped = 0
    for i in texts:
        if i + 2 < len(lines) and lines[i + 1].raw == "" and lines[i + 2].raw.strip():
            before, after = lines[i].content, lines[i + 2].content
            if before and after and before[-1].isalpha() and after[0].islower():
                wrapped += 1
    lengths = [len(lines[i].raw.strip()) for i in texts]
    return (
        followed >= 0.7 * len(texts)
        and wrapped >= max(2, 0.05 * len(texts))
        and statistics.median(lengths) <= 120
    )


def is_furniture(content: str) -> bool:
    """A job number, page number or bar code line.

    >>> is_furniture("21-04084 2/5"), is_furniture("3/5 21-04084"), is_furniture("*2104084*")
    (True, True, True)
    >>> is_furniture("21-04084 (F)    310321    310321"), is_furniture("2021, entend")
    (True, False)
    """
    return any(p.match(content) for p in FURNITURE)


def masthead_items(content: str) -> list[tuple[int, int]] | None:
    """Spans of the masthead items the line is made of (columns may be one space apart),
    or ``None`` when the line is not made of masthead items only.

    >>> masthead_items("United Nations S/2021/297")
    [(0, 14), (15, 25)]
    >>> masthead_items("Security Council Distr.: General")
    [(0, 16), (17, 32)]
    >>> masthead_items("Conseil de sécurité et organisations") is None
    True
    """
    spans: list[tuple[int, int]] = []
    pos = 0
    while pos < len(content):
        if content[pos].isspace():
            pos += 1
            continue
        ends = [m.end() for p in MASTHEAD if (m := p.match(content, pos))]
        ends = [e for e in ends if e == len(content) or content[e].isspace()]
        if not ends:
            return None
        spans.append((pos, max(ends)))
        pos = max(ends)
    return spans or None


def is_masthead(content: str) -> bool:
    """The line is made of masthead items only.

    >>> is_masthead("Nations Unies  S/2021/297"), is_masthead("Distr.: General")
    (True, True)
    >>> is_masthead("Original : anglais"), is_masthead("Contexte")
    (True, False)
    """
    return masthead_items(content) is not None


def assign_roles(lines: list[Line]) -> bool:
    """Set every line's role in place; returns whether the text is interleaved."""
    interleaved = is_interleaved(lines)
    for line in lines:
        if "\f" in line.raw and not line.content:
            line.role = "header"  # a page break
        elif not line.raw.strip():
            line.role = "empty" if interleaved and line.raw == "" else "blank"
        elif is_furniture(line.content):
            line.role = "header"
        elif RULE.match(line.raw):
            line.role = "rule"
        elif REF.match(line.raw):
            line.role = "ref"
        elif TOC_LINE.search(line.content) or TOC_COLUMNS.match(line.content):
            line.role = "toc"
    _mark_glued_heads(lines)
    _mark_masthead(lines)
    _mark_symbol_headers(lines)
    _mark_notes(lines)
    return interleaved


def _mark_glued_heads(lines: list[Line]) -> None:
    """``Page 6 10. Note ...`` at the top of a page: the head is skipped, the text kept."""
    seen = 99  # visible lines since the last page break
    for line in lines:
        if "\f" in line.raw:
            seen = 0
        if line.role in ("empty", "blank") or not line.raw.strip():
            continue
        seen += 1
        match = GLUED_HEAD.match(line.raw) if seen <= 3 and line.role == "text" else None
        if match:
            line.skip = match.end()
            line.__dict__.pop("content", None)


def _mark_masthead(lines: list[Line]) -> None:
    """The document header: leading masthead lines, or the lines above a ``---`` rule."""
    head = [line for line in lines[:12] if line.raw.strip()]
    for pos, line in enumerate(head):
        if re.fullmatch(r"-{3,}", line.content):
            for above in head[:pos]:
                above.role = "masthead"
            line.role = "header"
            return
    for line in lines:
        if line.role in ("empty", "blank", "header"):
            continue
        if line.role == "text" and is_masthead(line.content):
            line.role = "masthead"
            continue
        break


def _mark_symbol_headers(lines: list[Line]) -> None:
    """A symbol (or a language name) alone on a line is a running header when a job or page
    number, or a glued ``Page 6``, is near."""
    visible = [line for line in lines if line.role not in ("empty", "blank")]
    for pos, line in enumerate(visible):
        if line.role != "text" or not (
            SYMBOL_LINE.match(line.content) or LANGUAGE_LINE.match(line.content)
        ):
            continue
        near = visible[max(0, pos - 4) : pos + 5]
        if any((other.role == "header" or other.skip) and other is not line for other in near):
            line.role = "header"


def _mark_notes(lines: list[Line]) -> None:
    """Footnote bodies: the numbered lines (and their continuations) under a rule."""
    expected = 1
    in_notes = False
    current = False
    for line in lines:
        if line.role == "rule":
            in_notes, current = True, False
            continue
        if not in_notes or line.role == "empty" or line.role == "blank" and not current:
            continue  # a blank line may follow the rule
        if line.role != "text":
            in_notes = False
            continue
        match = NOTE_START.match(line.raw)
        if match and match.group(2):  # * footnote
            line.role, line.note, current = "note", match.group(2), True
            continue
        number = int(match.group(1)) if match else None
        if number is not None and (number == expected or not current):
            line.role, line.note = "note", str(number)
            expected, current = number + 1, True
        elif current:
            line.role = "note"
        else:
            in_notes = False


def document_symbol(lines: list[Line]) -> str | None:
    """The symbol printed in the masthead, else the symbols of the first running header.

    >>> lines = split_lines("A/75/345\\n\\nS/2020/898\\n20-11786 10/22\\n\\n51. En 2019")
    >>> _ = assign_roles(lines)
    >>> document_symbol(lines)
    'A/75/345-S/2020/898'
    """
    group: list[str] = []
    for line in lines:
        if line.role == "masthead":
            items = [line.content[a:b] for a, b in masthead_items(line.content) or []]
            group.extend(item for item in items if SYMBOL_LINE.match(item))
    if group:
        return "-".join(dict.fromkeys(group))
    for line in lines:
        if line.role == "header" and SYMBOL_LINE.match(line.content):
            if line.content not in group:
                group.append(line.content)
        elif group and line.role not in ("empty", "blank"):
            break
    return "-".join(group) if group else None
