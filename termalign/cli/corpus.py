"""``termalign align-corpus``: align a folder of document pairs, in parallel and resumably."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from termalign.cli import paths

#: Exit code when the run finished but some pairs could not be aligned.
EXIT_SOME_FAILED = 1
FOLDER = click.Path(file_okay=False, path_type=Path)


@click.command("align-corpus")
@click.argument("fr_dir", type=FOLDER, required=False)
@click.argument("en_dir", type=FOLDER, required=False)
@click.option("-o", "--output", "out_dir", type=FOLDER, required=True,
              help="Folder for the TMX files, summary.json and summary.txt.")
@click.option("--manifest", type=paths.IN_DATA, default=None,
              help="CSV with the columns fr,en (and optionally name) instead of pairing by "
                   "file name; relative paths are relative to the CSV (- reads it from "
                   "standard input, paths then relative to the current folder).")
@click.option("--workers", type=click.IntRange(1, 1024), default=None,
              help="Worker processes (default: the number of cores).")
@click.option("--dask", "dask", metavar="ADDRESS|local", default=None,
              help="Run on dask.distributed: 'local' starts a local cluster of --workers "
                   "processes; an address (tcp://host:8786) joins that scheduler, whose "
                   "workers must see the input and output folders at the same paths.")
@click.option("--chunk", type=click.IntRange(1, 10_000), default=1, show_default=True,
              help="Document pairs per task: more than 1 cuts the scheduling cost on a Dask "
                   "cluster when the documents are many and small.")
@click.option("--merged", type=paths.OUT, default=None,
              help="Also write one TMX with the units of every pair (- for standard "
                   "output; the summary table then goes to standard error).")
@click.option("--segmented", is_flag=True,
              help="The inputs are already one sentence per line (blank line = new "
                   "paragraph), e.g. the output of `termalign segment`.")
@click.option("--source", type=click.Choice(["fr", "en"]), default=None,
              help="The original side of every pair (TMX srclang, first <tuv>); default: "
                   "from each pair's 'Original:' lines, else fr.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no table.")
def align_corpus_command(fr_dir, en_dir, out_dir, manifest, workers, dask, chunk, merged,
                         segmented, source, quiet):
    """Align every French document of FR_DIR with its English translation in EN_DIR.

    Files pair by name once language tags are removed (X.fr.txt with X.en.txt, fr/X.txt with
    en/X.txt, udhr_fra.txt with udhr_eng.txt); FR_DIR and EN_DIR may be the same folder.
    Each pair gives OUT_DIR/NAME.tmx; a pair that cannot be aligned (binary file, empty side)
    is reported in the summary and the run goes on. Running the command again skips the
    pairs already done whose inputs have not changed, so an interrupted run can be resumed.

    Exit status: 0 when every pair was aligned; 1 when some pairs failed (listed in the
    summary); 2 on bad input (no pairs, unreadable manifest).
    """
    from termalign.batch import pair_by_name, read_manifest, run_corpus

    if manifest is None and (fr_dir is None or en_dir is None):
        raise click.UsageError("give FR_DIR and EN_DIR, or --manifest CSV")
    if manifest is not None and (fr_dir or en_dir):
        raise click.UsageError("give either FR_DIR and EN_DIR or --manifest, not both")
    if merged is not None and merged.resolve().parent == out_dir.resolve():
        raise click.UsageError("put the --merged file outside OUT_DIR, which holds one TMX per "
                               "pair (and is what `termalign build --from-tmx` reads)")
    from_stdin = manifest is not None and paths.shown(manifest) == paths.DASH
    if from_stdin:
        pairing = read_manifest(manifest, Path.cwd(), paths.DASH)
    else:
        pairing = read_manifest(manifest) if manifest else pair_by_name(fr_dir, en_dir)
    to_stdout = merged is not None and paths.shown(merged) == paths.DASH
    workers = workers or os.cpu_count() or 1
    bar = None
    if not quiet:
        from tqdm import tqdm

        bar = tqdm(total=len(pairing.pairs), unit="pair", desc="align-corpus", disable=None)

    def progress(finished: int, _total: int) -> None:
        if bar is not None:
            bar.update(1)

    try:
        summary, table = run_corpus(pairing, out_dir, workers=workers, dask=dask,
                                    segmented=segmented, merged=merged, progress=progress,
                                    chunk=chunk, source=source,
                                    merged_name=paths.DASH if to_stdout else "")
    finally:
        if bar is not None:
            bar.close()
    if not quiet:
        click.echo(table, nl=False, err=to_stdout)  # stdout carries the merged TMX
    click.echo(f"{out_dir}: {summary.done} aligned, {summary.skipped} already done, "
               f"{summary.failed} failed (see {out_dir / 'summary.txt'})", err=True)
    if summary.failed:
        sys.exit(EXIT_SOME_FAILED)


def register(group: click.Group) -> None:
    """Add ``align-corpus`` to the ``termalign`` command group."""
    group.add_command(align_corpus_command)
