"""Footnotes and references: bodies moved out of the text, numbers detached from words,
``undocs.org``/``mailto:`` lines attached to the paragraphs that cite them.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from aligner.clean.lines import REF, Line
from aligner.clean.traced import Traced


@dataclass
class NoteBody:
    """A footnote body as printed: its number, lines and where its page's rule was."""

    number: str
    lines: list[Line]
    rule_at: int


def collect_notes(lines: list[Line]) -> list[NoteBody]:
    """Footnote bodies in order; each remembers the offset of the rule above it."""
    notes: list[NoteBody] = []
    rule_at = 0
    previous = "text"  # the role of the last visible line
    for line in lines:
        if line.role == "rule":
            rule_at = line.start
        elif line.role == "note" and line.note is not None:
            if previous not in ("rule", "note", "blank", "empty"):
                rule_at = line.start  # notes under a drawn rule: they start the page's foot
            notes.append(NoteBody(line.note, [line], rule_at))
        elif line.role == "note" and notes:
            notes[-1].lines.append(line)
        if line.role not in ("blank", "empty"):
            previous = line.role
    return notes


def strip_note_number(text: Traced, number: str) -> Traced:
    """The body without its leading number.

    >>> strip_note_number(Traced.from_source("1 Uppsala", 0, 9), "1").text
    'Uppsala'
    """
    match = re.match(rf"\s*{re.escape(number)}/?\s*", text.text)
    return text.delete(0, match.end()) if match else text


def _glued_patterns(number: str) -> list[re.Pattern]:
    n = re.escape(number)
    after = r"(?=[\s;:!?)»”]|[.,](?!\d)|$)"  # not "Euro1.5 million"
    units = r"(?<!\bkm)(?<!\bcm)(?<!\bmm)(?<!\bm)(?<!\bCO)(?<!\bft)"  # km2, m3, CO2
    return [
        # dollars2.  institutionnelle1.  (S/2015/730)3  « ... »4  TITRE*
        re.compile(rf"(?:(?<=[^\W\d_]{{3}})|(?<=[a-zà-ÿ]{{2}})|(?<=[)»”’])){units}{n}{after}"),
        # 488 0001: a group of thousands cannot have four digits
        re.compile(rf"(?<=\d[ \u00a0\u202f,]\d{{3}}){n}{after}"),
        # Council.2  “rivers”.2  (English: after the stop)
        re.compile(rf"(?:(?<=[^\W\d_][.,;:])|(?<=[)»”\"’][.,;:])){n}(?=\s|$)"),
        # janvier 20151.  January 2015.1  (a year, then the mark)
        re.compile(rf"(?<=(?<!\d)(?:19|20)\d\d){n}{after}"),
        re.compile(rf"(?<=(?<!\d)(?:19|20)\d\d[.,;:]){n}(?=\s|$)"),
        # 1990s: "résolution 47/1 3/," (the space goes with the mark)
        re.compile(rf"(?<=\S) {n}/{after}"),
    ]


def window(spans: list[tuple[int, int]], low: int, high: int) -> list[int]:
    """Indices of the spans (sorted by start) that overlap the source range ``low:high``.

    >>> window([(0, 10), (10, 20), (20, 30)], 15, 25)
    [1, 2]
    """
    hi = bisect.bisect_left(spans, (high, -1))
    found = []
    for i in range(hi - 1, -1, -1):
        start, end = spans[i]
        if end > low:
            found.append(i)
        if start < low:
            break
    return found[::-1]


def detach_notes(
    texts: list[Traced], notes: list[NoteBody]
) -> tuple[list[Traced], list[list[str]], list[int | None]]:
    """Remove each footnote number glued to a word of the text printed above its rule.

    ``texts`` are the paragraphs' texts in document order. Returns the new texts, the note
    numbers detached from each paragraph, and for each note the paragraph that carries it.
    """
    texts = list(texts)
    spans: list[tuple[int, int]] = []
    for text in texts:  # an emptied text keeps its place in the (sorted) list of spans
        spans.append(text.source_span() if text.text else (spans[-1][1],) * 2 if spans else (0, 0))
    found: list[list[str]] = [[] for _ in texts]
    anchors: list[int | None] = []
    floor = -1
    for note in notes:
        best: tuple[int, int, int, int] | None = None  # (source offset, paragraph, span)
        for p in window(spans, floor, note.rule_at):
            text = texts[p]
            for pattern in _glued_patterns(note.number):
                for match in pattern.finditer(text.text):
                    at = text.offsets[match.start()]
                    if floor < at < note.rule_at and (best is None or at > best[0]):
                        best = (at, p, match.start(), match.end())
        if best is None:
            anchors.append(None)
            continue
        at, p, index, end = best
        texts[p] = texts[p].delete(index, end)
        found[p].append(note.number)
        anchors.append(p)
        floor = at
    return texts, found, anchors


def ref_target(ref: str) -> list[str]:
    """The strings that cite a reference in running text.

    >>> ref_target("https://undocs.org/fr/S/RES/1809(2008)")
    ['S/RES/1809(2008)', '1809(2008)']
    >>> ref_target("https://undocs.org/fr/A/RES/58/316")
    ['A/RES/58/316', '58/316']
    >>> ref_target("mailto:dppa-scsb3@un.org")
    ['dppa-scsb3@un.org']
    """
    if ref.startswith("mailto:"):
        return [ref[len("mailto:") :]]
    symbol = re.sub(r"^https?://[^/]+/(?:(?:ar|en|es|fr|ru|zh)/)?", "", ref)
    targets = [symbol]
    match = re.match(r"^[A-Z]+/RES/(.+)$", symbol)
    if match:
        targets.append(match.group(1))
    if "-" in symbol and "/" in symbol:
        targets.extend(part for part in symbol.split("-") if "/" in part)
    return targets


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def attach_refs(
    lines: list[Line],
    spans: list[tuple[int, int]],
    texts: list[str],
    note_texts: list[tuple[str, int | None, int]],
) -> dict[int, list[str]]:
    """Give each reference line to the paragraphs of its page that cite it.

    ``spans`` are the paragraphs' source spans, ``texts`` their texts; ``note_texts`` are
    ``(text, carrier paragraph, offset)`` of the footnotes, so that a reference cited in a
    footnote goes to the paragraph carrying the note. Without a citation, the reference
    goes to the last paragraph printed above it. Returns paragraph index -> references.
    """
    result: dict[int, list[str]] = {}
    page_start = 0
    after_furniture = False
    for line in lines:
        if line.role in ("header", "ref", "rule", "note"):
            after_furniture = True
        elif line.role in ("text", "masthead") and after_furniture:
            page_start, after_furniture = line.start, False
        if line.role == "ref":
            ref = REF.match(line.raw).group(1)
            targets = [_squeeze(t) for t in ref_target(ref)]
            on_page = window(spans, page_start, line.start)
            chosen = [i for i in on_page if any(t in _squeeze(texts[i]) for t in targets)]
            for text, carrier, at in note_texts:
                cited = any(t in _squeeze(text) for t in targets)
                on_this_page = page_start <= at < line.start
                if carrier is not None and on_this_page and cited and carrier not in chosen:
                    chosen.append(carrier)
            if not chosen and on_page:
                chosen = [on_page[-1]]
            for i in chosen:
                result.setdefault(i, [])
                if ref not in result[i]:
                    result[i].append(ref)
    return result
