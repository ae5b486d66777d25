"""The foot of each page: bare page numbers, and footnotes printed under a drawn rule (which
the extraction loses, so nothing but their place and numbering tells them from the text).

A page ends at a form feed (or at the end of the text). Its foot is read bottom up: the
furniture lines (job numbers, page numbers), then, when the numbering says so, the footnote
bodies: lines starting with the next footnote numbers, each cited by a number glued to a
word of the page above (``dollars2.``, ``Council.2``).
"""

from __future__ import annotations

import re

from aligner.clean.lines import NOTE_START, Line

_BARE_NUMBER = re.compile(r"^\d{1,3}$")
_NUMBERED_PARAGRAPH = re.compile(r"^\d{1,3}\.\s")


def pages(lines: list[Line]) -> list[list[Line]]:
    """The visible lines of each page, in order."""
    result: list[list[Line]] = [[]]
    for line in lines:
        if "\f" in line.raw:
            result.append([])
        elif line.raw.strip():
            result[-1].append(line)
    return [page for page in result if page]


def mark_page_numbers(lines: list[Line]) -> None:
    """A number alone on the last line of a page (or the first) is its page number.

    >>> from aligner.clean.lines import split_lines
    >>> lines = split_lines("Texte.\\n2\\n\\f\\nSuite.\\n3")
    >>> mark_page_numbers(lines)
    >>> [line.role for line in lines]
    ['text', 'header', 'text', 'text', 'header']
    """
    for page in pages(lines):
        for line in (page[-1], page[0]):
            if line.role == "text" and _BARE_NUMBER.match(line.content):
                line.role = "header"


def _cited(number: str, text: str) -> bool:
    """``number`` is glued to a word (or after a stop or a closing quote) in ``text``."""
    n = re.escape(number)
    return bool(re.search(rf"(?:[^\W\d_]|[.,;:)»”\"’]|(?<!\d)(?:19|20)\d\d){n}(?=[\s.,;:!?)»”]|$)",
                          text))


def mark_unruled_notes(lines: list[Line]) -> None:
    """Footnote bodies at the foot of a page with no rule line above them: from a line that
    starts with the next footnote number to the foot, every number cited above on the page,
    the notes at most 40% of the page's lines."""
    expected = 1
    for page in pages(lines):
        numbered = [int(line.note) for line in page if line.role == "note" and line.note
                    and line.note.isdigit()]
        if any(line.role == "rule" for line in page):
            expected = max(numbered, default=expected - 1) + 1
            continue
        body = [line for line in page if line.role == "text"]
        for start in range(1, len(body)):
            found = _note_starts(body, start, expected)
            if found is None:
                continue
            above = " ".join(line.content for line in body[:start])
            if all(_cited(n, above) for n in found.values()) and len(body) - start <= 0.4 * len(
                body
            ):
                for k in range(start, len(body)):
                    body[k].role = "note"
                    body[k].note = found.get(k)
                expected += sum(1 for n in found.values() if n != "*")
            break


def _note_starts(body: list[Line], start: int, expected: int) -> dict[int, str] | None:
    """``{line index: number}`` of the notes from ``start`` to the foot, or ``None`` when
    the lines from ``start`` are not footnotes numbered from ``expected``."""
    found: dict[int, str] = {}
    for k in range(start, len(body)):
        match = NOTE_START.match(body[k].raw)
        if _NUMBERED_PARAGRAPH.match(body[k].content):
            return None
        if not match:
            if k == start:
                return None
            continue
        if match.group(2):
            found[k] = match.group(2)
            continue
        wanted = expected + sum(1 for n in found.values() if n != "*")
        if int(match.group(1)) == wanted:
            found[k] = match.group(1)
        elif k == start:
            return None
    return found
