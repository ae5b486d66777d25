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
@click.option("--lang", type=click.Choice(["fr", "en"]), default=None,
              help="Only match terms in this language.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.option("--limit", type=click.IntRange(1, 1000), default=20, show_default=True)
@DB_OPTION
def lookup_command(query, lang, as_json, limit, db):
    """Find official names, acronyms and terms (exact, accent-insensitive, prefix, fuzzy)."""
    from termbase.lookup import describe

    text = " ".join(query)
    with _open(db) as tb:
        results = tb.lookup(text, lang=lang, limit=limit)
    if as_json:
        payload = {"query": text, "results": [r.to_json() for r in results]}
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    if not results:
        click.echo(f"no match for {text!r}")
        return
    for i, result in enumerate(results):
        if i:
            click.echo("")
        click.echo(_printable("\n".join(describe(result))))


def _printable(text: str) -> str:
    r"""``text`` with control characters shown as escapes (never sent raw to a terminal).

    >>> _printable("OTSC\x1b[31m\x00 ok\tnext")
    'OTSC\\x1b[31m\\x00 ok\tnext'
    """
    return "".join(ch if ch == "\n" or ch.isprintable() or ch == "\t"
                   else ch.encode("unicode_escape").decode("ascii") for ch in text)


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
@click.option("--max-size", type=click.IntRange(1, 1 << 20), default=256, show_default=True,
              metavar="MIB", help="Refuse files larger than this many MiB.")
@click.option("--progress/--no-progress", default=None,
              help="Show a progress bar (default: when standard error is a terminal).")
@DB_OPTION
def import_command(file, as_json, max_size, progress, db):
    """Merge a TBX (v3 or v2, e.g. an IATE export), CSV or TSV file into the termbase."""
    import sys

    from termbase.transfer import import_file

    bar = None

    def advance(done: int, total: int) -> None:
        nonlocal bar
        if bar is None:
            from tqdm import tqdm

            bar = tqdm(total=total, desc=f"importing {file.name}", unit=" concepts",
                       leave=False, file=sys.stderr)
        bar.update(done - bar.n)

    show = sys.stderr.isatty() if progress is None else progress
    try:
        with _open(db, create=True) as tb:
            counts = import_file(tb, file, max_bytes=max_size << 20,
                                 progress=advance if show else None)
    finally:
        if bar is not None:
            bar.close()
    if as_json:
        click.echo(json.dumps(dict(counts)))
    else:
        click.echo(f"{file}: {counts['added']} added, {counts['merged']} merged, "
                   f"{counts['skipped']} skipped")


def register(group: click.Group) -> None:
    for command in (lookup_command, export_command, import_command):
        group.add_command(command)
