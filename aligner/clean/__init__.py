"""Clean text extracted from UN PDFs into a :class:`~aligner.document.Document`.

The steps, each in its own module: give every line a role (:mod:`.lines`: masthead, running
headers, job numbers, tables of contents, footnote rule and bodies, references; :mod:`.pages`:
bare page numbers and footnotes under a drawn rule at the foot of a page), group running-text
lines into paragraphs and tell their kind (:mod:`.blocks`), move footnotes out and attach references
(:mod:`.notes`), and repair words and spacing inside each paragraph (:mod:`.repair`). Every
character of a cleaned paragraph keeps its offset in :attr:`Document.source`
(:attr:`Paragraph.offsets`).
"""

from __future__ import annotations

from pathlib import Path

from aligner.clean.blocks import group_blocks, join_lines
from aligner.clean.lexicon import Lexicon, words
from aligner.clean.lines import assign_roles, document_symbol, masthead_items, split_lines
from aligner.clean.notes import attach_refs, collect_notes, detach_notes, strip_note_number
from aligner.clean.pages import mark_page_numbers, mark_unruled_notes
from aligner.clean.repair import repair
from aligner.clean.traced import Traced
from aligner.document import Document, Footnote, Paragraph
from aligner.errors import InputError
from aligner.readers import normalise_newlines, read_text

__all__ = ["clean_file", "clean_text", "guess_lang"]

_FRENCH = frozenset(
    ["le", "la", "les", "des", "du", "de", "et", "est", "une", "dans", "pour", "sur", "par"]
)
_ENGLISH = frozenset(
    ["the", "of", "and", "to", "in", "is", "for", "on", "that", "by", "with", "as", "are"]
)


def guess_lang(text: str) -> str:
    """``"fr"`` or ``"en"``, by counting common function words (French when unsure).

    >>> guess_lang("The Council and the Secretary-General of the United Nations")
    'en'
    >>> guess_lang("Le Conseil de sécurité et les organisations régionales")
    'fr'
    """
    tokens = words(text[:200_000])
    french = sum(1 for t in tokens if t in _FRENCH)
    english = sum(1 for t in tokens if t in _ENGLISH)
    return "en" if english > french else "fr"


def clean_file(path: str | Path, lang: str | None = None) -> Document:
    """Read the document at ``path`` (``.txt``, ``.docx``, ``.pdf``) and clean it;
    ``lang`` is guessed from the text when not given."""
    return clean_text(read_text(path), lang)


def clean_text(text: str, lang: str | None = "fr") -> Document:
    """Clean PDF-extracted ``text`` into paragraphs, footnotes and the masthead.

    >>> doc = clean_text("1. Les conflits armés . Il y a\\nde 31,6 milliards de dollars2.\\n"
    ...                  "__________\\n 2 Voir rapport.\\n")
    >>> doc.paragraphs[0].text, doc.paragraphs[0].notes, doc.footnotes[0].text
    ('1. Les conflits armés. Il y a de 31,6 milliards de dollars.', ['2'], 'Voir rapport.')
    """
    source = normalise_newlines(text)
    if not source.strip():
        raise InputError("empty document (no text)")
    guessed = guess_lang(source)
    lang = (lang or guessed).lower()
    if lang not in ("fr", "en"):
        raise InputError(f"unsupported language {lang!r} (expected fr or en)")
    doc = Document(lang=lang, source=source)
    if guessed != lang and len(words(source)) >= 50:
        doc.warnings.append(f"the text looks {_NAMES[guessed]}, not {_NAMES[lang]}")
    lines = split_lines(source)
    interleaved = assign_roles(lines)
    mark_page_numbers(lines)
    mark_unruled_notes(lines)
    lexicon = Lexicon(source)
    kinds, markers, texts = [], [], []
    for block in group_blocks(lines, interleaved):
        joined = join_lines(block.lines, source, lexicon)
        pieces = _columns(joined) if block.kind == "masthead" else [joined]
        for piece in pieces:
            kinds.append(block.kind)
            markers.append(block.marker)
            texts.append(piece)
    bodies = collect_notes(lines)
    texts, notes, carriers = detach_notes(texts, bodies)
    texts = [repair(t, lang, lexicon) for t in texts]
    for kind, marker, traced, found in zip(kinds, markers, texts, notes, strict=True):
        if not traced.text:
            continue
        start, end = traced.source_span()
        doc.paragraphs.append(
            Paragraph(kind, traced.text, start, end, marker, found, [], traced.offsets)
        )
    _add_footnotes(doc, bodies, lexicon, carriers, texts, lines)
    doc.header = [p.text for p in doc.paragraphs if p.kind == "masthead" and _top(p, lines)]
    doc.symbol = document_symbol(lines)
    return doc


_NAMES = {"fr": "French", "en": "English"}


def _columns(text: Traced) -> list[Traced]:
    """A masthead line split into its items (``Nations Unies   S/2021/297``)."""
    text = text.sub(r"\*\*", "")
    spans = masthead_items(text.text) or [(0, len(text.text))]
    return [Traced(text.text[a:b], text.offsets[a:b]).strip() for a, b in spans]


def _top(paragraph: Paragraph, lines) -> bool:
    """The paragraph comes from a masthead line (not an ``[Original : ...]`` line)."""
    return any(
        line.role == "masthead" and line.start <= paragraph.start < line.end for line in lines
    )


def _add_footnotes(doc, bodies, lexicon, carriers, texts, lines) -> None:
    """Footnotes into ``doc.footnotes`` (and ``footnote`` paragraphs at the end); then the
    references, given to the paragraphs that cite them."""
    index_of = {}  # position in ``texts`` -> index in doc.paragraphs
    for position, traced in enumerate(texts):
        if traced.text:
            index_of[position] = len(index_of)
    note_texts, traced_notes = [], []
    for body, carrier in zip(bodies, carriers, strict=True):
        joined = join_lines(body.lines, doc.source, lexicon)
        traced = repair(strip_note_number(joined, body.number), doc.lang, lexicon)
        start, end = traced.source_span()
        doc.footnotes.append(Footnote(body.number, traced.text, start, end))
        # The paragraph form keeps the printed number: "1 Uppsala Conflict Data Program".
        numbered = Traced(body.number, joined.offsets[: len(body.number)])
        numbered.append(" ", joined.offsets[len(body.number)])
        traced_notes.append(numbered + traced)
        note_texts.append((traced.text, index_of.get(carrier), start))
    spans = [(p.start, p.end) for p in doc.paragraphs]
    refs = attach_refs(lines, spans, [p.text for p in doc.paragraphs], note_texts)
    for index, found in refs.items():
        doc.paragraphs[index].refs.extend(found)
    for note, numbered in zip(doc.footnotes, traced_notes, strict=True):
        doc.paragraphs.append(
            Paragraph(
                "footnote",
                numbered.text,
                numbered.offsets[0],
                note.end,
                note.number,
                offsets=numbered.offsets,
            )
        )
