"""``termalign lookup``, ``termalign export`` and ``termalign import``: the termbase commands."""

from __future__ import annotations

import json
from pathlib import Path

import click

from termalign import defaults
from termalign.cli import paths
from termbase.errors import TermbaseError

DB_OPTION = click.option(
    "--db", type=click.Path(dir_okay=False, path_type=Path), default=None,
    help="Termbase file (default: $TERMALIGN_DB or ~/.local/share/termalign/termbase.sqlite3).")


def _open(db: Path | None, create: bool = False):
    from termbase.store import Termbase

    if db is None:
        db = Path(defaults.ensure_default_db())
    if not create and not db.exists():
        raise TermbaseError(f"{db}: no termbase there (build one with `termalign build`, "
                            "or pass --db)")
    return Termbase.open(db)


@click.command("lookup")
@click.argument("query", nargs=-1, required=True)
@click.option("--mode", type=click.Choice(["auto", "exact", "prefix", "contains", "fuzzy"]),
              default="auto", show_default=True,
              help="exact (case and accents ignored), prefix (starts with), contains, fuzzy "
                   "(nearest spellings), or auto: exact, then the other number (singular/plural), "
                   "then wider until something matches.")
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
    accents, or in the other number: singular for plural) are labelled as the nearest
    entries, never given as the answer.
    """
    from termbase.describe import brief as brief_line
    from termbase.describe import describe
    from termbase.lookup import KIND_FILTERS, check_query
    from termbase.search import Filters

    text = check_query(" ".join(query))
    filters = Filters(kind=KIND_FILTERS.get(kind), status=status, subject=subject)
    with _open(db) as tb:
        page = tb.search(text, mode=mode, lang=lang, filters=filters, limit=limit,
                         offset=offset)
    if as_json:
        click.echo(page.dumps(), nl=False)
    elif not page.results:
        click.echo(_printable(f"no entry for {text!r}"
                              + (f" (from result {offset + 1})" if offset else "")))
    else:
        if not page.answered and not offset:
            click.echo(_printable(f"no entry for {text!r}; nearest:") + ("" if brief else "\n"))
        if brief:
            click.echo(_printable("\n".join(brief_line(r) for r in page.results)))
        else:
            click.echo(_printable("\n\n".join("\n".join(describe(r)) for r in page.results)))
        shown = page.offset + len(page.results)
        if page.total > shown or page.offset:
            click.echo(f"({page.offset + 1}-{shown} of {page.total}"
                       + (f"; next: --offset {page.next})" if page.next is not None else ")"),
                       err=True)
    if not page.results:
        raise SystemExit(1)


def _printable(text: str) -> str:
    r"""``text`` with control characters shown as escapes (never sent raw to a terminal).

    >>> _printable("OTSC\x1b[31m\x00 ok\tnext")
    'OTSC\\x1b[31m\\x00 ok\tnext'
    >>> _printable("Côte d’Ivoire\n\tCôte d’Ivoire")
    'Côte d’Ivoire\n\tCôte d’Ivoire'
    """
    if text.replace("\n", "").replace("\t", "").isprintable():  # the usual case, in C
        return text
    return "".join(ch if ch == "\n" or ch.isprintable() or ch == "\t"
                   else ch.encode("unicode_escape").decode("ascii") for ch in text)


@click.command("export")
@click.option("--tbx", "tbx_file", type=paths.OUT, help="Write TBX-Basic to this file (- for stdout).")
@click.option("--tbx-version", type=click.Choice(["3", "2"]), default="3", show_default=True,
              help="3: ISO 30042:2019 DCA; 2: TBX-Basic 2008 (martif).")
@click.option("--for-cat-tools", is_flag=True,
              help="TBX for OmegaT and translate-toolkit: v2 with its DOCTYPE, no termalign "
              "notes, deprecated terms left out (or marked, --deprecated mark).")
@click.option("--deprecated", type=click.Choice(["omit", "mark"]), default="omit",
              show_default=True, help="With --for-cat-tools: leave deprecated terms out or "
              "keep them with a 'DEPRECATED: do not use' note.")
@click.option("--csv", "csv_file", type=paths.OUT,
              help="Write CSV (or TSV when the name ends in .tsv) to this file.")
@click.option("--tsv", "tsv_file", type=paths.OUT, help="Write tab-separated values to this file.")
@click.option("--glossary", "glossary_file", type=paths.OUT,
              help="Write a source<TAB>target<TAB>comment glossary (OmegaT, memoQ, Wordfast).")
@click.option("--source", "source_lang", type=click.Choice(["fr", "en"]), default="fr",
              show_default=True, help="Source language of the glossary.")
@click.option("--bom", is_flag=True, help="Start the glossary with a UTF-8 byte-order mark "
              "(for Excel).")
@click.option("--kind", type=click.Choice(["title", "term", "country"]), default=None,
              help="Only concepts of this kind.")
@click.option("--json", "as_json", is_flag=True, help="Print what was written as JSON.")
@DB_OPTION
def export_command(tbx_file, tbx_version, for_cat_tools, deprecated, csv_file, tsv_file,
                   glossary_file, source_lang, bom, kind, as_json, db):
    """Export the termbase as TBX-Basic, CSV, TSV or a CAT-tool glossary (- is stdout)."""
    from termbase import csvfmt, glossary, tbx

    if not (tbx_file or csv_file or tsv_file or glossary_file):
        raise click.UsageError("give at least one of --tbx, --csv, --tsv, --glossary")
    written = []
    with _open(db) as tb:
        if tbx_file:
            version = 2 if for_cat_tools else int(tbx_version)
            n = tbx.dump(tb.iter_concepts(kind=kind), tbx_file, version=version,
                         for_cat_tools=for_cat_tools, deprecated=deprecated)
            written.append({"file": str(tbx_file), "format": f"tbx{version}", "concepts": n})
        for out, tabs in ((csv_file, None), (tsv_file, True)):
            if out:
                n = csvfmt.dump(tb.iter_concepts(kind=kind), out, tabs=tabs)
                fmt = "tsv" if tabs or str(out).lower().endswith((".tsv", ".tab")) else "csv"
                written.append({"file": str(out), "format": fmt, "concepts": n})
        if glossary_file:
            n = glossary.dump(tb.iter_concepts(kind=kind), glossary_file, source_lang, bom)
            written.append({"file": str(glossary_file), "format": f"glossary-{source_lang}",
                            "lines": n})
    to_stdout = any(paths.shown(p) == "-" for p in (tbx_file, csv_file, tsv_file, glossary_file)
                    if p is not None)
    for item in written:
        item["file"] = paths.shown(Path(item["file"]))
    if as_json:  # on standard error when the data itself goes to standard output
        click.echo(json.dumps({"written": written}, ensure_ascii=False), err=to_stdout)
        return
    for item in written:
        count = f"{item['lines']} lines" if "lines" in item else f"{item['concepts']} concepts"
        click.echo(f"{item['file']}: {count} ({item['format']})", err=True)


@click.command("import")
@click.argument("file", type=paths.IN_DATA)
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
@click.option("--max-size", type=click.IntRange(1, 1 << 20), default=256, show_default=True,
              metavar="MIB", help="Refuse files larger than this many MiB.")
@click.option("--progress/--no-progress", default=None,
              help="Show a progress bar (default: when standard error is a terminal).")
@DB_OPTION
def import_command(file, as_json, max_size, progress, db):
    """Merge a TBX (v3 or v2, e.g. an IATE export), CSV, TSV or 2-column fr/en glossary into
    the termbase (- reads standard input). Says what was added, merged, skipped and ignored."""
    import sys
    from collections import Counter

    from termbase.transfer import import_file

    bar = None

    def advance(done: int, total: int) -> None:
        nonlocal bar
        if bar is None:
            from tqdm import tqdm

            bar = tqdm(total=total, desc=f"importing {Path(paths.shown(file)).name}", unit=" concepts",
                       leave=False, file=sys.stderr)
        bar.update(done - bar.n)

    ignored: Counter = Counter()
    show = sys.stderr.isatty() if progress is None else progress
    try:
        with _open(db, create=True) as tb:
            counts = import_file(tb, file, ignored, max_bytes=max_size << 20,
                                 progress=advance if show else None)
    finally:
        if bar is not None:
            bar.close()
    name = paths.shown(file)
    if as_json:
        click.echo(json.dumps({"file": name, **dict(counts), "ignored": dict(ignored)},
                              ensure_ascii=False))
        return
    click.echo(f"{name}: {counts['added']} added, {counts['merged']} merged, "
               f"{counts['skipped']} skipped, {sum(ignored.values())} ignored")
    for what, n in sorted(ignored.items()):
        click.echo(f"  ignored: {what}: {n}")


def register(group: click.Group) -> None:
    for command in (lookup_command, export_command, import_command):
        group.add_command(command)
