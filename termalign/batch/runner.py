"""Align a whole corpus of document pairs in parallel, resumably, in bounded memory.

:func:`run_corpus` sends the pairs, ``chunk`` at a time (one by default), to
:func:`~termalign.batch.tasks.run_pairs` on a back-end (process pool or Dask), keeping at most
``window`` tasks in flight, and records every finished pair in the journal at once. A pair recorded as done whose inputs have not changed
(same checksum) and whose TMX is still there is skipped by the next run.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from termalign.batch.backends import Window, make_backend
from termalign.batch.errors import CorpusError
from termalign.batch.pairing import Pairing
from termalign.batch.summary import (
    JOURNAL,
    RunSummary,
    compact_journal,
    load_journal,
    write_summary,
)
from termalign.batch.tasks import DONE, SKIPPED, PairResult, PairTask, failed, run_pairs

#: Tasks in flight per worker: enough to keep workers busy, few enough to bound memory.
WINDOW_PER_WORKER = 4


def _tasks(pairing: Pairing, out_dir: Path, segmented: bool,
           previous: dict[str, PairResult], chunk: int,
           source: str = "") -> Iterator[list[PairTask]]:
    """The pairs as tasks, ``chunk`` pairs per submission."""
    batch: list[PairTask] = []
    for pair in pairing.pairs:
        before = previous.get(pair.name)
        done_checksum = before.checksum if before is not None and before.status == DONE else ""
        # Absolute paths: a Dask worker need not run in this folder.
        batch.append(PairTask(pair.name, str(Path(pair.fr).absolute()),
                              str(Path(pair.en).absolute()),
                              str((out_dir / f"{pair.name}.tmx").absolute()), segmented,
                              done_checksum, source))
        if len(batch) >= chunk:
            yield batch
            batch = []
    if batch:
        yield batch


def _version() -> str:
    from termalign import __version__

    return __version__


def run_corpus(
    pairing: Pairing,
    out_dir: str | Path,
    *,
    workers: int = 1,
    dask: str | None = None,
    segmented: bool = False,
    merged: str | Path | None = None,
    progress: Callable[[int, int], None] | None = None,
    window: int | None = None,
    chunk: int = 1,
    source: str | None = None,
    merged_name: str = "",
) -> tuple[RunSummary, str]:
    """Align every pair of ``pairing`` into ``out_dir``; return the summary and its table.

    ``dask``: ``"local"`` or a scheduler address (the process pool when ``None``).
    ``progress(finished, total)`` is called after each pair. ``merged``: also write one TMX
    with the units of every pair, in pair-name order. ``chunk``: pairs sent to a worker at a
    time (more than 1 cuts the per-task cost of a Dask scheduler on a corpus of many small
    documents). ``window``: submissions in flight (default: 4 per worker). ``source``: the
    original side of every pair (``fr``/``en``); ``None`` detects it pair by pair.
    ``merged_name``: how the summary names the merged file (``-`` for standard output).
    """
    if not pairing.pairs:
        raise CorpusError("no document pairs to align")
    if chunk < 1:
        raise CorpusError("chunk must be at least 1")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    previous = load_journal(out_dir)
    records = dict(previous)
    total = len(pairing.pairs)
    summary = RunSummary(unpaired=[{"path": p, "reason": r} for p, r in pairing.unpaired])
    started = time.perf_counter()
    backend = make_backend(workers, dask)
    summary.backend, summary.workers = backend.name, backend.workers
    limit = window or max(2, backend.workers * WINDOW_PER_WORKER)
    tasks = _tasks(pairing, out_dir, segmented, previous, chunk, source or "")
    fresh: set[str] = set()
    finished = 0
    try:
        with open(out_dir / JOURNAL, "a", encoding="utf-8") as journal:
            flight = Window(backend, run_pairs, limit)

            def fill() -> None:
                while not flight.full:
                    batch = next(tasks, None)
                    if batch is None:
                        return
                    flight.submit(batch)

            fill()
            while flight.pending:
                future, batch = flight.next_done()
                try:
                    results = future.result()
                except CorpusError:
                    raise
                except Exception as exc:  # the worker itself died or was lost
                    reason = f"worker failed: {type(exc).__name__}: {exc}"
                    results = [failed(task, reason) for task in batch]
                for result in results:
                    summary.peak_rss_kb = max(summary.peak_rss_kb, result.peak_rss_kb)
                    if result.status != SKIPPED:
                        records[result.name] = result
                        fresh.add(result.name)
                        journal.write(json.dumps(result.to_json(), ensure_ascii=False) + "\n")
                    finished += 1
                    if progress:
                        journal.flush()
                        progress(finished, total)
                journal.flush()
                fill()
    except BaseException:
        backend.close(cancel=True)
        raise
    backend.close()
    for pair in pairing.pairs:
        summary.add(records[pair.name], pair.name in fresh)
    if merged:
        from termalign.batch.merge import write_merged

        done = [records[p.name] for p in sorted(pairing.pairs, key=lambda p: p.name)
                if records[p.name].status == DONE]
        sources = {r.source or "fr" for r in done}
        write_merged([r.tmx for r in done], merged, _version(),
                     sources.pop() if len(sources) == 1 else "*all*")
        summary.merged = merged_name or str(merged)
    compact_journal(out_dir, records)
    summary.wall_seconds = round(time.perf_counter() - started, 3)
    current = {pair.name: records[pair.name] for pair in pairing.pairs}
    return summary, write_summary(out_dir, summary, current)
