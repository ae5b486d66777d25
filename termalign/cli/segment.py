"""``termalign segment``: one sentence per line, a blank line between paragraphs."""

from __future__ import annotations

import json
from itertools import groupby
from pathlib import Path

import click

from aligner.clean import clean_file
from aligner.document import Document
from aligner.segment import language_warning, segment_document, sentences
from termalign.cli import emit, paths, warn

NOTES_TITLE = "[notes]"


def render_text(doc: Document, notes: bool = True) -> str:
    """Sentences one per line, paragraphs separated by a blank line, then the notes."""
    units = segment_document(doc)
    blocks = ["\n".join(s.text for s in group) for _i, group in groupby(units, lambda s: s.paragraph)]
    if notes and doc.footnotes:
        lines = [NOTES_TITLE]
        for note in doc.footnotes:
            parts = sentences(note.text, doc.lang) or [""]
            lines.append(f"{note.number} {parts[0]}".rstrip())
            lines.extend(parts[1:])
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n" if blocks else ""


def render_json(doc: Document, notes: bool = True) -> str:
    """Paragraphs with their kind and sentences (text and source offsets), then the notes."""
    paragraphs = []
    for index, group in groupby(segment_document(doc), lambda s: s.paragraph):
        paragraphs.append({
            "paragraph": index,
            "kind": doc.paragraphs[index].kind,
            "sentences": [{"text": s.text, "start": s.start, "end": s.end} for s in group],
        })
    data: dict = {"lang": doc.lang, "symbol": doc.symbol, "paragraphs": paragraphs}
    if notes:
        data["notes"] = [
            {"number": n.number, "sentences": sentences(n.text, doc.lang)} for n in doc.footnotes
        ]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


@click.command("segment")
@click.argument("file", type=paths.IN)
@click.option("--lang", type=click.Choice(["fr", "en"]), required=True,
              help="Language of the document.")
@click.option("-o", "--output", type=paths.OUT, default=None,
              help="Write the result to this file (default: standard output).")
@click.option("--json", "as_json", is_flag=True,
              help="Print JSON: paragraphs with kind and sentences (text, source offsets).")
@click.option("--no-notes", is_flag=True, help="Leave the footnotes out.")
def segment_command(file: Path, lang: str, output: Path | None, as_json: bool,
                    no_notes: bool) -> None:
    """Clean FILE and split it into sentences: one sentence per line, a blank line between
    paragraphs. Headings, list items (a), b), -) and signature lines are units of their own;
    the masthead, running headers and job numbers are left out.

    Footnotes, detached from the words they were glued to, follow the body in a block that
    starts with a "[notes]" line: each note starts with its number, one sentence per line.
    --no-notes leaves them out.

    A warning goes to standard error when the text looks like the other language.
    """
    doc = clean_file(file, lang=lang)
    body = " ".join(p.text for p in doc.body())
    warnings = list(doc.warnings)
    warning = language_warning(body, lang)
    if warning and not any("language" in w.lower() for w in warnings):
        warnings.append(f"{file}: {warning}")
    for message in warnings:
        warn(message)
    emit(render_json(doc, not no_notes) if as_json else render_text(doc, not no_notes), output)


def register(group: click.Group) -> None:
    """Add ``segment`` to the ``termalign`` command group."""
    group.add_command(segment_command)
