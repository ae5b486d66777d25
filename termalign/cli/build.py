"""``termalign build``: build or update the termbase from documents, corpora and curated data."""

from __future__ import annotations

import json
from pathlib import Path

import click

from termalign import defaults
from termalign.building import (
    read_document,
    read_tmx,
    seed_aligned,
    seed_curated,
    seed_documents,
    shipped_concepts,
)
from termalign.cli import paths as cli_paths
from termbase.build import build
from termbase.extract.cooccur import read_aligned


class _Bar:
    """A tqdm progress bar per build stage, fed by the library's progress callback."""

    def __init__(self, enabled: bool):
        self.enabled = enabled
        self.bar = None
        self.stage = None

    def __call__(self, stage: str, done: int, total: int) -> None:
        if not self.enabled:
            return
        from tqdm import tqdm

        if stage != self.stage:
            self.close()
            self.stage = stage
            self.bar = tqdm(total=total, desc=stage, unit="", leave=False)
        self.bar.update(done - self.bar.n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


@click.command("build")
@click.argument("sources", nargs=-1, type=cli_paths.InputFile(exists=True))
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Termbase file (default: $TERMALIGN_DB or "
                   "~/.local/share/termalign/termbase.sqlite3).")
@click.option("--lang", type=click.Choice(["fr", "en"]), default=None,
              help="Language of the SOURCES documents (default: guessed).")
@click.option("--aligned", "aligned_files", nargs=2, multiple=True,
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              metavar="FR EN", help="A line-aligned French/English file pair (repeatable).")
@click.option("--tmx", "tmx_files", multiple=True,
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A TMX file of French-English pairs (repeatable).")
@click.option("--from-tmx", "from_tmx", multiple=True,
              type=click.Path(exists=True, path_type=Path),
              help="A TMX file, or a folder of them (e.g. from align-corpus), read in "
                   "streaming into co-occurrence counts kept next to the termbase: for "
                   "corpora too large for --tmx; a file counted before is not counted "
                   "again (repeatable). Key terms are not extracted from them unless "
                   "--term-sample.")
@click.option("--term-sample", type=click.IntRange(0, 100_000), default=0, metavar="N",
              help="With --from-tmx: also extract the key terms of the first N pairs of the "
                   "files counted now (the French tagger takes a few seconds per 1,000 pairs; "
                   "the rest of the corpus gives acronyms only). Default 0.")
@click.option("--no-curated", is_flag=True, help="Leave out the curated reference data.")
@click.option("--no-shipped-pairs", is_flag=True,
              help="Leave out the UN pairs shipped in seeds/unpc (their acronyms and terms), "
                   "which a new or rebuilt termbase otherwise gets, so that the acronyms and "
                   "terms of the documents find their English.")
@click.option("--rebuild", is_flag=True,
              help="Start from an empty termbase (replaced only when the build succeeds).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary.")
@click.option("--json", "as_json", is_flag=True,
              help="No progress bar; print the summary as JSON.")
def build_command(sources, db, lang, aligned_files, tmx_files, from_tmx, term_sample,
                  no_curated, no_shipped_pairs, rebuild, quiet, as_json):
    """Build the termbase from SOURCES (default: the bundled seeds).

    With no SOURCES, --aligned or --tmx, the bundled seeds are used: the five French seed
    documents, the UN Parallel Corpus dev/test sets and the curated data. Otherwise the given
    documents and corpora are added to the existing termbase (incremental); a new (or
    --rebuild) termbase also gets the shipped UN pairs unless --no-shipped-pairs. Terms of
    --aligned and --tmx pairs are extracted with the spaCy French tagger.
    """
    if term_sample and not from_tmx:
        raise click.UsageError("--term-sample needs --from-tmx")
    db = db or defaults.default_db_path()
    use_seeds = not (sources or aligned_files or tmx_files or from_tmx)
    paths = seed_documents() if use_seeds else list(sources)
    documents = [read_document(p, "fr" if use_seeds else lang) for p in paths]
    shipped = use_seeds or (not no_shipped_pairs and (rebuild or not db.exists()))
    aligned = seed_aligned() if shipped else []
    extracted = shipped_concepts(aligned) if shipped else []
    user_pairs = []
    for fr, en in aligned_files:
        user_pairs += read_aligned(fr, en)
    for path in tmx_files:
        user_pairs += read_tmx(path)
    aligned += user_pairs
    curated = [] if no_curated else seed_curated()
    bar = _Bar(enabled=not (quiet or as_json))
    try:
        report = build(db, documents=documents, aligned=aligned, curated=curated,
                       rebuild=rebuild, progress=bar, term_pairs=user_pairs,
                       extracted=extracted)
    finally:
        bar.close()
    if from_tmx:
        report = _add_streamed(report, db, from_tmx, rebuild, bar, term_sample)
    if as_json:
        click.echo(json.dumps({"db": str(db), "added": report.added, "merged": report.merged,
                               "skipped": report.skipped, "seconds": round(report.seconds, 3),
                               "candidates": dict(report.candidates), "stats": report.stats},
                              ensure_ascii=False))
        return
    if quiet:
        return
    stats = report.stats
    click.echo(
        f"{db}: {stats['concepts']} concepts ({stats['curated']} curated), "
        f"{stats['terms']} terms, {stats['evidence']} pieces of evidence")
    click.echo(
        f"this build: {report.added} added, {report.merged} merged, {report.skipped} unchanged "
        f"in {report.seconds:.1f} s ("
        + ", ".join(f"{n} {origin}" for origin, n in sorted(report.candidates.items())) + ")")


def _add_streamed(report, db, paths, rebuild: bool, bar: _Bar, term_sample: int = 0):
    """``--from-tmx``: count the TMX files in streaming and merge the links (after the rest)."""
    from termalign.batch.tmx_terms import build_from_tmx

    try:
        streamed = build_from_tmx(db, paths, fresh=rebuild, progress=bar,
                                  term_sample=term_sample)
    finally:
        bar.close()
    for outcome in ("added", "merged", "skipped"):
        setattr(report, outcome, getattr(report, outcome) + getattr(streamed, outcome))
    report.candidates.update(streamed.candidates)
    report.seconds += streamed.seconds
    report.stats = streamed.stats
    return report


def register(group: click.Group) -> None:
    group.add_command(build_command)
