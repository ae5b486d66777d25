"""``termalign clean``: clean PDF-extracted text into paragraphs."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import click

from aligner.clean import clean_file
from aligner.document import Document
from termalign.cli import emit, paths, warn


def render_text(doc: Document) -> str:
    """Readable text: ``[kind] text`` paragraphs, refs, then the footnotes."""
    blocks = []
    for para in doc.paragraphs:
        if para.kind == "footnote":  # listed once, at the end
            continue
        lines = [f"[{para.kind}] {para.text}"]
        if para.notes:
            lines.append("  notes: " + ", ".join(para.notes))
        lines.extend(f"  ref: {ref}" for ref in para.refs)
        blocks.append("\n".join(lines))
    if doc.footnotes:
        blocks.append("\n".join(f"[{note.number}] {note.text}" for note in doc.footnotes))
    return "\n\n".join(blocks) + "\n"


def render_json(doc: Document) -> str:
    """The document as JSON (without per-character offsets and the source text)."""
    data = dataclasses.asdict(doc)
    data.pop("source", None)
    for para in data["paragraphs"]:
        para.pop("offsets", None)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


@click.command("clean")
@click.argument("file", type=paths.IN)
@click.option(
    "-o",
    "--output",
    type=paths.OUT,
    default=None,
    help="Write the result to this file (default: standard output).",
)
@click.option(
    "--lang",
    type=click.Choice(["fr", "en"]),
    default=None,
    help="Language of the document (default: guessed).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the document as JSON.")
def clean_command(file: Path, output: Path | None, lang: str | None, as_json: bool) -> None:
    """Clean PDF-extracted text FILE into paragraphs with their kind, notes and references."""
    doc = clean_file(file, lang=lang)
    for warning in doc.warnings:
        warn(warning)
    emit(render_json(doc) if as_json else render_text(doc), output)


def register(group: click.Group) -> None:
    """Add ``clean`` to the ``termalign`` command group."""
    group.add_command(clean_command)
