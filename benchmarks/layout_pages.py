"""Lay out bilingual UN documents on pages, then render them to PDF or to PDF-like text.

A document is a list of :class:`Para` (French and English sentences known pair by pair) and a
:class:`Layout` (masthead, running heads, job numbers, footnote style, fonts). The paginator
wraps every paragraph at the layout's width with the font's real metrics, puts footnote
bodies at the bottom of the page that cites them and the page furniture around the body.
:func:`render_pdf` draws the pages with reportlab (so that pypdf extracts them as it would a
real PDF); :func:`render_text` writes what an extractor gives for the same pages.

Inline marks in a line: ``\\x01`` is a gap inside a word (pypdf extracts a space: ``béné
ficié``), ``\\x02...\\x03`` a superscript (a footnote number glued to the word).
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field

GAP, SUP_ON, SUP_OFF = "\x01", "\x02", "\x03"
PAGE_TOP, PAGE_BOTTOM = 800.0, 70.0


@dataclass
class Para:
    """One paragraph in both languages; ``beads`` pair sentence indices (local)."""

    kind: str  # title, heading, body, numbered, lettered, preamble, operative, signature
    fr: list[str]
    en: list[str]
    beads: list[tuple[tuple[int, ...], tuple[int, ...]]]
    marker: dict = field(default_factory=dict)  # lang -> printed marker ("12.", "a)")
    notes: dict = field(default_factory=dict)  # lang -> footnote body, cited by the last sentence
    gold: bool = True


@dataclass
class Layout:
    """How one kind of UN document is printed."""

    name: str
    font: str = "Helvetica"
    size: float = 10.0
    width: float = 430.0
    masthead: Callable[[str], list[str]] = lambda lang: []
    head: Callable[[int, str], list[str]] = lambda page, lang: []
    foot: Callable[[int, str], list[str]] = lambda page, lang: []
    first_foot: Callable[[str], list[str]] = lambda lang: []
    #: glue "Page N " to the first body line of even pages (same text object)
    glue_head: bool = False
    #: continuation mark at the bottom of every page but the last
    cont: str | None = None
    #: footnote reference: "slash" (`` 3/``), "sup" (superscript) or "plain" (`` 3``)
    notes: str = "sup"
    #: the footnote separator: underscores printed as text, or a drawn line (extracts nothing)
    rule: str = "text"
    #: capital headings lose their accents (1990s typesetting)
    caps_fr: bool = False
    #: probability that a long word is printed with a gap inside (pypdf spaces)
    gaps: float = 0.02
    lines_per_page: int = 50
    #: an empty line after the footnote rule (some extractors print one)
    rule_blank: bool = False


@dataclass
class Line:
    text: str
    x: float = 72.0
    font: str | None = None
    size: float | None = None
    glue: bool = False  # drawn in the same text object as the line before (no line break)


def note_ref(layout: Layout, number: str) -> tuple[str, str]:
    """(mark put in the running text, prefix of the footnote body)."""
    if number == "*":
        return SUP_ON + "*" + SUP_OFF, "* "
    if layout.notes == "slash":
        return f" {number}/", f"{number}/ "
    if layout.notes == "plain":
        return f" {number}", f"{number} "
    return SUP_ON + number + SUP_OFF, f"{number} "


def with_note(sentence: str, mark: str, lang: str) -> str:
    """The sentence with a footnote mark: before the final stop in French and with
    ``3/``, after it in English."""
    if sentence[-1:] in ".;:," and (lang == "fr" or not mark.startswith(SUP_ON)):
        return sentence[:-1] + mark + sentence[-1]
    return sentence + mark


def gapped(text: str, rng: random.Random, rate: float) -> str:
    """Some long words printed with a gap inside (``béné\\x01ficié``)."""
    if rate <= 0:
        return text

    def cut(m: re.Match) -> str:
        word = m.group(0)
        if rng.random() >= rate:
            return word
        at = rng.randint(3, len(word) - 4)
        return word[:at] + GAP + word[at:]

    text = re.sub(r"(?<![\w/.-])[^\W\d_]{8,}(?![\w/-])", cut, text)
    return re.sub(r"(?<!\w)1er(?!\w)", "1" + GAP + "er", text)


def plain(text: str) -> str:
    """A line without its inline marks, as measured for wrapping."""
    return text.replace(GAP, "").replace(SUP_ON, "").replace(SUP_OFF, "")


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines, current = [], ""
    for word in text.split(" "):
        trial = f"{current} {word}" if current else word
        if current and stringWidth(plain(trial), font, size) > width:
            lines.append(current)
            current = word
        else:
            current = trial
    if current:
        lines.append(current)
    return lines


def page_lines(layout: Layout, paras: list[Para], lang: str, seed: int) -> list[list[Line]]:
    """The pages of one side: lists of lines in drawing order."""
    rng = random.Random(seed)
    body: list[tuple[str, str | None]] = []  # (line, note body started on this line)
    number = 0
    for para in paras:
        sentences = list(getattr(para, lang))
        note_body = None
        if lang in para.notes and sentences:
            mark_number = "*" if para.kind == "title" else str(number + 1)
            if mark_number != "*":
                number += 1
            mark, prefix = note_ref(layout, mark_number)
            sentences[-1] = with_note(sentences[-1], mark, lang)
            note_body = prefix + para.notes[lang]
        text = " ".join(sentences)
        if para.kind not in ("title", "heading", "signature", "toc"):
            text = gapped(text, rng, layout.gaps)
        if para.marker.get(lang):
            text = para.marker[lang] + " " + text
        if para.kind == "signature":  # one printed line per item
            wrapped = [w for s in sentences for w in wrap(s, layout.font, layout.size, layout.width)]
        else:
            wrapped = wrap(text, layout.font, layout.size, layout.width)
        for i, line in enumerate(wrapped):
            body.append((line, note_body if i == len(wrapped) - 1 else None))
    pages: list[list[Line]] = []
    page_no = 0
    pos = 0
    while pos < len(body):
        page_no += 1
        page: list[Line] = []
        if page_no == 1:
            page.extend(Line(t, x=72 + 30 * (i % 2)) for i, t in enumerate(layout.masthead(lang)))
        else:
            page.extend(Line(t, x=72) for t in layout.head(page_no, lang))
        room = layout.lines_per_page - len(page)
        notes: list[str] = []
        first = True
        while pos < len(body) and room > 0:
            line, note = body[pos]
            extra = wrap(note, layout.font, layout.size * 0.8, layout.width) if note else []
            if extra and room < len(extra) + 3:
                break
            glued = first and page_no > 1 and layout.glue_head and page_no % 2 == 0
            if glued:
                page.append(Line(_page_word(lang) + f" {page_no} ", x=450))
            page.append(Line(line, glue=glued))
            first = False
            pos += 1
            room -= 1 + len(extra)
            notes.extend(extra)
        if notes:
            if layout.rule == "text":
                page.append(Line("_" * 20, size=layout.size * 0.8))
                if layout.rule_blank:
                    page.append(Line(""))
            page.extend(Line(t, size=layout.size * 0.8) for t in notes)
        if layout.cont and pos < len(body):
            page.append(Line(layout.cont, x=480))
        furniture = layout.first_foot(lang) if page_no == 1 else layout.foot(page_no, lang)
        page.extend(Line(t, x=72) for t in furniture)
        pages.append(page)
    for page in pages:
        for line in page:
            line.text = line.text.replace("{total}", str(len(pages)))
    return pages


def _page_word(lang: str) -> str:
    return "Page"


def render_pdf(pages: list[list[Line]], layout: Layout, path) -> None:
    """Draw the pages with reportlab (deterministic bytes: fixed dates, no compression
    randomness)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), invariant=1, pageCompression=1)
    for page in pages:
        y = PAGE_TOP
        text = None
        for line in page:
            font, size = line.font or layout.font, line.size or layout.size
            if not line.glue:
                if text is not None:
                    c.drawText(text)
                y -= size * 1.3
                text = c.beginText(line.x, y)
            else:
                text.setTextOrigin(72, y)
            if line.text.startswith("\x04"):  # masthead overprint: NATIONSNATIONS AA
                _overprint(text, line.text[1:], line.x, y, font, size)
                continue
            x = line.x if not line.glue else 72
            for piece in re.split(f"([{GAP}{SUP_ON}{SUP_OFF}])", line.text):
                if piece == GAP:
                    x += 3
                    text.setTextOrigin(x, y)
                elif piece == SUP_ON:
                    text.setFont(font, size * 0.6)
                    text.setRise(size * 0.4)
                elif piece == SUP_OFF:
                    text.setFont(font, size)
                    text.setRise(0)
                elif piece:
                    current = size * 0.6 if text._rise else size
                    text.setFont(font, current)
                    text.textOut(piece)
                    x += stringWidth(piece, font, current)
        if text is not None:
            c.drawText(text)
        c.showPage()
    c.save()


def _overprint(text, words: str, x: float, y: float, font: str, size: float) -> None:
    """Bold faked by printing every word twice, half a point apart (1990s mastheads)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    text.setFont(font + "-Bold" if "-" not in font else font, size + 2)
    for word in words.split(" "):
        for dx in (0, 0.5):
            text.setTextOrigin(x + dx, y)
            text.textOut(word)
        x += stringWidth(word, font, size + 2) + 40


def render_text(pages: list[list[Line]]) -> str:
    """What pypdf gives for the pages: one line per printed line (an empty drawn line stays
    an empty line), a glued line on the line before, a form feed between pages."""
    out = []
    for page in pages:
        lines: list[str] = []
        for line in page:
            text = line.text
            if text.startswith("\x04"):
                text = " ".join(w + w for w in text[1:].split(" "))
            text = text.replace(GAP, " ").replace(SUP_ON, "").replace(SUP_OFF, "")
            if line.glue and lines:
                lines[-1] += text
            else:
                lines.append(text)
        out.append("\n".join(lines) + "\n")
    return "\n\f\n".join(out)
