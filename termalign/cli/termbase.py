"""``termalign lookup``, ``termalign export`` and ``termalign import``: the termbase commands."""

from __future__ import annotations

import json
from pathlib import Path

import click

from termalign import defaults
from termbase.errors import TermbaseError

DB_OPTION = click.option(
    "--db", type=click.Path(dir_okay=False, path_type=Path), default=None,
    help="Termbase file (default: $TERMALIGN_DB or ~/.local/share/termalign/termbase.sqlite3).")


def _open(db: Path | None, create: bool = False):
    from termbase.store import Termbase

    if db is None:
        ensure = getattr(defaults, "ensure_default_db", None)
        db = Path(ensure()) if ensure is not None else defaults.default_db_path()
    if not create and not db.exists():
        raise TermbaseError(f"{db}: no termbase there (build one with `termalign build`, "
                            "or pass --db)")
    return Termbase.open(db)


@click.command("lookup")
@click.argument("query", nargs=-1, required=True)
@click.option("--mode", type=click.Choice(["auto", "exact", "prefix", "contains", "fuzzy"]),
              default="auto", show_default=True,
              help="exact (case and accents ignored), prefix (starts with), contains, fuzzy "
                   "(nearest spellings), or auto: exact, then wider until something matches.")
@click.option("--lang", type=click.Choice(["fr", "en"]), default=None,
              help="Only match terms in this language.")
@click.option("--kind", type=click.Choice(["body", "term", "country", "instrument"]),
              default=None, help="Only entries of this kind.")
@click.option("--status", type=click.Choice(["preferred", "admitted", "deprecated", "superseded",
                                             "curated", "candidate"]), default=None,
              help="Only matched terms of this status, or curated / candidate entries.")
@click.option("--subject", default=None, help="Only entries of this subject (case ignored).")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output (as /api/lookup).")
@click.option("--brief", is_flag=True, help='One line per hit: "FR (ACR) = EN (ACR)".')
@click.option("--limit", type=click.IntRange(1, 1000), default=20, show_default=True)
@click.option("--offset", type=click.IntRange(0, 1000), default=0, show_default=True,
              help="Skip this many results (paging).")
@DB_OPTION
def lookup_command(query, mode, lang, kind, status, subject, as_json, brief, limit, offset, db):
    """Find official names, acronyms and terms; exit 1 when nothing matches.

    Queries of up to 200 characters. Results that do not match exactly (or only without
    accents) are labelled as the nearest entries, never given as the answer.
    """
    from termbase.lookup import KIND_FILTERS, check_query, describe
    from termbase.lookup import brief as brief_line
    from termbase.search import Filters

    text = check_query(" ".join(query))
    filters = Filters(kind=KIND_FILTERS.get(kind), status=status, subject=subject)
    with _open(db) as tb:
        page = tb.search(text, mode=mode, lang=lang, filters=filters, limit=limit,
                         offset=offset)
    if as_json:
        click.echo(page.dumps(), nl=False)
    elif not page.results:
        click.echo(f"no entry for {text!r}" + (f" (from result {offset + 1})" if offset else ""))
    else:
        if not page.answered and not offset:
            click.echo(f"no entry for {text!r}; nearest:" + ("" if brief else "\n"))
        if brief:
            click.echo("\n".join(brief_line(r) for r in page.results))
        else:
            click.echo("\n\n".join("\n".join(describe(r)) for r in page.results))
        shown = page.offset + len(page.results)
        if page.total > shown or page.offset:
            click.echo(f"({page.offset + 1}-{shown} of {page.total}"
                       + (f"; next: --offset {page.next})" if page.next is not None else ")"),
                       err=True)
    if not page.results:
        raise SystemExit(1)


@click.command("export")
@click.option("--tbx", "tbx_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Write TBX-Basic to this file.")
@click.option("--tbx-version", type=click.Choice(["3", "2"]), default="3", show_default=True,
              help="3: ISO 30042:2019 DCA; 2: TBX-Basic 2008 (martif).")
@click.option("--csv", "csv_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Write CSV (or TSV when the name ends in .tsv) to this file.")
@click.option("--tsv", "tsv_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Write tab-separated values to this file.")
@click.option("--kind", type=click.Choice(["title", "term", "country"]), default=None,
              help="Only concepts of this kind.")
@DB_OPTION
def export_command(tbx_file, tbx_version, csv_file, tsv_file, kind, db):
    """Export the termbase as TBX-Basic, CSV or TSV."""
    from termbase import csvfmt, tbx

    if not (tbx_file or csv_file or tsv_file):
        raise click.UsageError("give at least one of --tbx, --csv, --tsv")
    with _open(db) as tb:
        if tbx_file:
            n = tbx.dump(tb.iter_concepts(kind=kind), tbx_file, version=int(tbx_version))
            click.echo(f"{tbx_file}: {n} concepts (TBX v{tbx_version})", err=True)
        for out, tabs in ((csv_file, None), (tsv_file, True)):
            if out:
                n = csvfmt.dump(tb.iter_concepts(kind=kind), out, tabs=tabs)
                click.echo(f"{out}: {n} concepts", err=True)


@click.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
@DB_OPTION
def import_command(file, as_json, db):
    """Merge a TBX (v3 or v2, e.g. an IATE export), CSV or TSV file into the termbase."""
    from termbase.transfer import import_file

    with _open(db, create=True) as tb:
        counts = import_file(tb, file)
    if as_json:
        click.echo(json.dumps(dict(counts)))
    else:
        click.echo(f"{file}: {counts['added']} added, {counts['merged']} merged, "
                   f"{counts['skipped']} skipped")


def register(group: click.Group) -> None:
    for command in (lookup_command, export_command, import_command):
        group.add_command(command)
