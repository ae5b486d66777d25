"""``termalign glossary``: the glossary of one document, from the termbase."""

from __future__ import annotations

import tempfile
from pathlib import Path

import click

from termalign.cli import emit, fail, paths

FORMATS = ("text", "csv", "tsv", "tbx", "json")


def document_sentences(path: Path, source: str | None) -> tuple[list[str], str]:
    """The sentences of a document and its language (``source``, else guessed)."""
    from aligner.pipeline import sentences_from_text
    from aligner.readers import read_text
    from aligner.segment.language import guess_language

    text = read_text(path)
    lang = source or guess_language(text)
    if lang is None:
        fail(f"{path}: cannot tell whether it is French or English; give --source en|fr")
    return sentences_from_text(text, lang)[0], lang


def _concepts(db: Path | None) -> list:
    from termalign import defaults
    from termbase.store import Termbase

    if db is None:
        db = Path(defaults.ensure_default_db())
    elif not db.is_file():
        fail(f"{db}: no such termbase")
    with Termbase.open(db) as tb:
        return list(tb.iter_concepts())


@click.command("glossary")
@click.argument("document", type=paths.IN)
@click.option("--source", type=click.Choice(["en", "fr"]), default=None,
              help="Language of the document (default: guessed from its words).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path),
              help="Termbase file (default: $TERMALIGN_DB or the bundled default termbase).")
@click.option("-o", "--output", type=paths.OUT,
              help="Write the glossary to this file (- for standard output).")
def glossary_command(document: Path, source: str | None, fmt: str, db: Path | None,
                     output: Path | None) -> None:
    """The official names, acronyms, countries and terms of DOCUMENT (- for standard input:
    text, .docx or .pdf) with their official equivalents, in reading order, and the acronyms,
    names and key terms the termbase does not know."""
    from checks.glossary import TermIndex, build_glossary, render

    sentences, lang = document_sentences(document, source)
    concepts = _concepts(db)
    name = paths.shown(document) if paths.shown(document) == paths.DASH else document.name
    glossary = build_glossary(TermIndex(concepts), sentences, lang, name)
    if fmt != "tbx":
        emit(render(glossary, fmt), output)
        return
    from termbase.tbx.write import dump

    ids = {e.concept_id for e in glossary.entries}
    found = [c for c in concepts if c.id in ids]
    if output is not None:
        dump(found, output, title=f"termalign glossary of {name}")
        return
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "glossary.tbx"
        dump(found, path, title=f"termalign glossary of {name}")
        emit(path.read_text(encoding="utf-8"), None)


def register(group: click.Group) -> None:
    group.add_command(glossary_command)
