"""``termalign build --from-tmx``: termbase candidates from aligned corpora of any size.

The TMX files (or every ``*.tmx`` of a folder, e.g. the output of ``align-corpus``) are read
one unit at a time (:func:`aligner.formats.tmx_stream.iter_units`) into a co-occurrence counts
file kept next to the termbase (:class:`termbase.extract.cooccur_stream.CooccurCounts`,
``<termbase>.cooccur``), in worker processes (one file per task, the counts added to the file
in the order of the files). A TMX whose content was counted before is not counted again, so
adding a new corpus later only counts the new one; the acronym links are then computed over
everything counted so far and merged into the termbase in one transaction, with the same
concepts, terms and ``aligned`` evidence as ``termalign build --tmx``.

Key terms need the French tagger, too slow for corpora of any size: with ``term_sample=N``
only the first N pairs of the files counted now are tagged and linked
(:func:`termbase.build.term_concepts`), a bounded amount of work whatever the corpus size.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from pathlib import Path

from termalign.batch.backends import PoolBackend
from termbase.build import BuildReport, term_concepts
from termbase.extract.cooccur import AlignedPair, link_to_concept
from termbase.extract.cooccur_stream import CooccurCounts, PartialCounts, count_pairs
from termbase.store import Termbase

COUNTS_SUFFIX = ".cooccur"
#: Keys of :attr:`BuildReport.candidates` for the streamed counts.
COUNTED, KNOWN, PAIRS = "TMX files counted", "TMX files counted before", "TMX pairs counted"
#: Key of :attr:`BuildReport.candidates` for the term concepts of the tagged sample.
TERMS = "TMX sample terms"


def tmx_files(paths: Iterable[str | Path]) -> list[Path]:
    """The files given, with every ``*.tmx`` of a folder (sorted) in place of the folder."""
    found: list[Path] = []
    for path in map(Path, paths):
        found += sorted(path.glob("*.tmx")) if path.is_dir() else [path]
    return found


def tmx_pairs(path: str | Path) -> Iterator[AlignedPair]:
    """The French–English units of a TMX file as aligned pairs, streamed.

    ``source`` is ``NAME.tmx:N`` (the N-th unit), as ``termalign build --tmx`` names it.
    """
    from aligner.formats.tmx_stream import iter_units

    name = Path(path).name
    for number, found in enumerate(iter_units(path), 1):
        unit = found.unit
        if unit.fr and unit.en:
            yield AlignedPair(unit.fr, unit.en, f"{name}:{number}")


def content_key(path: str | Path) -> str:
    """``sha256:<hex>`` of a file's content, read in 1 MiB blocks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
    return "sha256:" + digest.hexdigest()


def count_tmx(path: str, max_evidence: int) -> PartialCounts:
    """The co-occurrence counts of one TMX file (run in a worker process)."""
    return count_pairs(tmx_pairs(path), max_evidence)


def _count_in_pool(counts: CooccurCounts, todo: list[tuple[str, Path]],
                   workers: int) -> Iterator[int]:
    """Count the files in ``workers`` processes, a few files ahead; add each file's counts in
    order; yield the number of pairs added per file."""
    pool = PoolBackend(workers)
    ahead: deque = deque()
    try:
        for key, path in todo:
            ahead.append((key, pool.submit(_count_one, (str(path), counts.max_evidence))))
            if len(ahead) > 2 * workers:
                key_done, future = ahead.popleft()
                yield counts.add_counts(key_done, future.result())
        while ahead:
            key_done, future = ahead.popleft()
            yield counts.add_counts(key_done, future.result())
    finally:
        pool.close(cancel=True)


def _count_one(args: tuple[str, int]) -> PartialCounts:
    return count_tmx(*args)


def counts_path_for(db_path: str | Path) -> Path:
    """Where the co-occurrence counts of the termbase at ``db_path`` are kept."""
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + COUNTS_SUFFIX)


def build_from_tmx(
    db_path: str | Path,
    paths: Iterable[str | Path],
    *,
    counts_path: str | Path | None = None,
    fresh: bool = False,
    workers: int | None = None,
    progress: Callable[[str, int, int], None] | None = None,
    term_sample: int = 0,
) -> BuildReport:
    """Count the TMX files into the counts file and merge the acronym links into the termbase.

    ``fresh``: forget the counts of earlier runs first. ``workers``: processes that read and
    count the files (default: one per core; the counts are added to the file in the order of
    the files, so the result does not depend on it). ``progress(stage, done, total)`` as in
    :func:`termbase.build.build`. Besides the ``aligned`` candidates, the report's
    ``candidates`` counts the TMX files counted now (:data:`COUNTED`), those counted by an
    earlier run (:data:`KNOWN`) and the sentence pairs counted now (:data:`PAIRS`).
    ``term_sample``: tag and link the terms of the first that many pairs of the files counted
    now (their concepts are counted as :data:`TERMS`).
    """
    start = time.perf_counter()
    report = BuildReport()
    files = tmx_files(paths)
    counts_file = Path(counts_path) if counts_path else counts_path_for(db_path)
    counts_file.parent.mkdir(parents=True, exist_ok=True)
    if fresh:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{counts_file}{suffix}").unlink(missing_ok=True)
    with CooccurCounts.open(counts_file) as counts:
        todo = []
        for path in files:
            key = content_key(path)
            if counts.has_source(key):
                report.candidates[KNOWN] += 1
            else:
                todo.append((key, path))
        workers = min(workers or os.cpu_count() or 1, len(todo))
        added_in_order = (
            _count_in_pool(counts, todo, workers) if workers > 1
            else (counts.add_source(key, tmx_pairs(path)) for key, path in todo)
        )
        for index, added in enumerate(added_in_order, 1):
            report.candidates[COUNTED if added else KNOWN] += 1
            report.candidates[PAIRS] += added
            if progress:
                progress("TMX files", index, len(todo))
        links = counts.links()
    concepts = [link_to_concept(link) for link in links]  # prepared outside the write lock
    acronyms = len(concepts)
    if term_sample > 0 and todo:
        sample = list(islice((pair for _key, path in todo for pair in tmx_pairs(path)),
                             term_sample))
        concepts += term_concepts(sample, progress=progress)
    merged = 0

    def done(_concept, _id, outcome: str) -> None:
        nonlocal merged
        merged += 1
        report.count(outcome, "aligned" if merged <= acronyms else TERMS)
        if progress and (merged % 100 == 0 or merged == len(concepts)):
            progress("acronym links", merged, len(concepts))

    with Termbase.open(db_path) as tb:
        with tb.long_write("build from TMX"):
            tb.merge_batches(concepts, done)  # short batches: web edits meanwhile are kept
        report.stats = tb.stats()
    report.seconds = round(time.perf_counter() - start, 3)
    return report
