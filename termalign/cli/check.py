"""``termalign check``: check a translation against the termbase and its original.

``--source fr`` checks an English translation of a French original, ``--source en`` a French
translation of an English original; by default the input's declared languages decide (TMX
srclang, XLIFF source language, the "Original :" lines of two documents), else French.

Exit code 0 when no issue is found, 1 when there are issues, 2 on a usage or input error.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from termalign.cli import fail, paths, warn

EXIT_ISSUES = 1


def _concepts(db: Path | None, concepts: Path | None) -> list:
    """The concepts to check against: a concept-list TSV, a termbase file, or the default."""
    if concepts is not None:
        from checks import conceptlist

        return conceptlist.load(concepts)
    from termbase.store import Termbase

    if db is None:
        from termalign import defaults

        db = Path(defaults.ensure_default_db())
        if not db.exists():
            fail(f"no termbase at {db}: run 'termalign build' or give --db")
    elif not db.is_file():
        fail(f"{db}: no such termbase")
    with Termbase.open(db) as tb:
        return list(tb.iter_concepts())


def _checker(db: Path | None, concepts: Path | None, numbers: bool):
    """The checker of a concept list, or of a termbase through its on-disk matcher cache."""
    from checks.cache import load_checker
    from checks.checker import Checker

    if concepts is not None:
        return Checker(_concepts(None, concepts), numbers=numbers)
    path = _termbase_path(db)
    checker = load_checker(path)
    checker.numbers = numbers
    return checker


def _termbase_path(db: Path | None) -> Path:
    if db is None:
        from termalign import defaults

        db = Path(defaults.ensure_default_db())
        if not db.exists():
            fail(f"no termbase at {db}: run 'termalign build' or give --db")
    elif not db.is_file():
        fail(f"{db}: no such termbase")
    return db


@click.command("check")
@click.argument("source", metavar="INPUT", type=paths.IN_DATA)
@click.argument("english", metavar="[EN]", required=False, type=paths.IN)
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path),
              help="Termbase file (default: $TERMALIGN_DB, else ~/.local/share/termalign/termbase.sqlite3, built from the bundled seeds on first use).")  # fmt: skip
@click.option("--concepts", type=paths.IN_DATA,
              help="Check against a concept-list TSV instead of a termbase.")  # fmt: skip
@click.option("--format", "fmt", type=click.Choice(["text", "json", "csv", "html"]),
              default="text", show_default=True)  # fmt: skip
@click.option("--json", "as_json", is_flag=True, help="Same as --format json.")
@click.option("--no-numbers", is_flag=True, help="Skip the number, date and symbol checks.")
@click.option("-o", "--output", type=paths.OUT,
              help="Write the report to this file (- for standard output).")  # fmt: skip
@click.option("--source", "original", type=click.Choice(["fr", "en"]), default=None,
              help="The original side: fr (check the English) or en (check the French); "
              "default: the input's declared languages, else fr.")  # fmt: skip
@click.option("--lang", "ui", type=click.Choice(["en", "fr"]), default="en", show_default=True,
              help="Language of the report's messages.")  # fmt: skip
@click.option("--pairs-alone", is_flag=True,
              help="Check each pair on its own, as pairs of a memory drawn from many "
              "documents: a bare head noun for a name ('the Council') is then a warning, "
              "since the name may have been given earlier in its document; by default the "
              "pairs are one document, in order.")  # fmt: skip
def check_command(source, english, db, concepts, fmt, as_json, no_numbers, output, original,
                  ui, pairs_alone) -> None:
    """Check INPUT: a TMX, XLIFF or TSV file (French TAB English per line, whichever is
    the original: see --source), or a French document with its English counterpart EN
    (aligned first).

    Reports missing or deprecated official names, untranslated acronyms, country names,
    numbers, dates and symbols, and inconsistent translations. Exit code 0: clean;
    1: issues found; 2: usage or input error.
    """
    from aligner.formats.inline import with_codes
    from checks import inputs, report
    from checks.direction import declared_source

    if as_json:
        fmt = "json"
    loaded = inputs.load_input(source, english)
    segments = loaded.segments
    for message in loaded.warnings:
        warn(message)
    if loaded.untranslated:
        warn(f"{source}: {len(loaded.untranslated)} unit(s) not translated, not checked "
             f"(first: {loaded.untranslated[0].number}, {loaded.untranslated[0].reason})")
    if not segments:
        fail(f"{source}: nothing to check")
    if original is None and loaded.source_lang[:2].lower() in ("fr", "en"):
        original = loaded.source_lang[:2].lower()  # the languages the TMX/XLIFF declares
    if original is None:
        original, _why = declared_source(source, english)
    checker = _checker(db, concepts, not no_numbers)
    result = checker.check(segments, source=original, lang=ui, isolated=pairs_alone)
    if loaded.source_lang:  # a TMX or XLIFF input: its untranslated units are reported
        result.untranslated = [u.to_dict() for u in loaded.untranslated]
    pairs = [None] * max(s.number for s in segments)
    for seg in segments:  # the texts as in the input: inline codes back in position
        pairs[seg.number - 1] = (with_codes(seg.fr, seg.fr_codes), with_codes(seg.en, seg.en_codes))
    pairs = [p or ("", "") for p in pairs]
    if output:
        report.dump(result, output, fmt, pairs)
        click.echo(report.summary(result.to_dict()), err=True)
    else:
        click.echo(report.render(result, fmt, pairs), nl=False)
    sys.exit(EXIT_ISSUES if result.issues else 0)


def register(group: click.Group) -> None:
    """Add ``check`` to the ``termalign`` command group."""
    group.add_command(check_command)
