"""The unit of work sent to a worker process: align one pair, write its TMX, report.

:func:`run_pair` never raises for a bad pair: it returns a :class:`PairResult` with
``status="failed"`` and the reason, so one binary file or one empty side does not stop a run
of thousands of documents. Both back-ends (process pool, Dask) run this same function, so
their outputs are identical.
"""

from __future__ import annotations

import contextlib
import resource
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from aligner.errors import AlignerError

DONE, FAILED, SKIPPED = "done", "failed", "skipped"


@dataclass(frozen=True)
class PairTask:
    """What a worker needs: the inputs, where to write, and the checksum of a previous run."""

    name: str
    fr: str
    en: str
    tmx: str
    segmented: bool = False
    #: The input checksum recorded when this pair was last done ("" when never done).
    done_checksum: str = ""
    #: The original side ("fr"/"en"); empty: detected from each pair's Original lines.
    source: str = ""

    @property
    def settings(self) -> str:
        return ("segmented" if self.segmented else "raw") + (f" source={self.source}"
                                                             if self.source else "")


@dataclass
class PairResult:
    """What happened to one pair; one line of the run's journal."""

    name: str
    fr: str
    en: str
    tmx: str
    status: str
    reason: str = ""
    checksum: str = ""
    fr_sentences: int = 0
    en_sentences: int = 0
    beads: int = 0
    units: int = 0
    low: int = 0
    seconds: float = 0.0
    #: CPU time the worker spent on this pair (user + system), in seconds.
    cpu_seconds: float = 0.0
    #: Peak resident memory of the worker process so far, in KiB.
    peak_rss_kb: int = 0
    #: The original side of the pair as written in its TMX (srclang).
    source: str = ""

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> PairResult:
        known = {k: data[k] for k in cls.__dataclass_fields__ if k in data}
        return cls(**known)


def _peak_rss_kb() -> int:
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def failed(task: PairTask, reason: str, checksum: str = "") -> PairResult:
    """A failed result for ``task``; a TMX left by an earlier run of the pair is removed
    (it no longer matches the inputs)."""
    with contextlib.suppress(OSError):
        Path(task.tmx).unlink(missing_ok=True)
    return PairResult(task.name, task.fr, task.en, task.tmx, FAILED, reason, checksum,
                      peak_rss_kb=_peak_rss_kb())


def run_pair(task: PairTask) -> PairResult:
    """Align one pair and write its TMX atomically (or skip it when already done)."""
    from aligner.formats import tmx
    from termalign.batch.pipeline import align_document_pair, input_checksum

    start, cpu_start = time.perf_counter(), time.process_time()
    try:
        checksum = input_checksum(task.fr, task.en, task.settings)
    except OSError as exc:
        return failed(task, f"cannot read input: {exc.strerror or exc}")
    if task.done_checksum == checksum and Path(task.tmx).is_file():
        return PairResult(task.name, task.fr, task.en, task.tmx, SKIPPED, checksum=checksum,
                          peak_rss_kb=_peak_rss_kb())
    try:
        alignment = align_document_pair(task.fr, task.en, segmented=task.segmented,
                                        source=task.source or None)
        tmx.dump(alignment, task.tmx)
    except AlignerError as exc:
        return failed(task, str(exc), checksum)
    except (OSError, UnicodeError) as exc:
        return failed(task, f"{type(exc).__name__}: {exc}", checksum)
    except Exception as exc:  # a bug on one document must not stop the corpus
        return failed(task, f"internal error: {type(exc).__name__}: {exc}", checksum)
    units = alignment.units
    return PairResult(
        task.name, task.fr, task.en, task.tmx, DONE, "", checksum,
        fr_sentences=sum(len(u.fr_ids) for u in units),
        en_sentences=sum(len(u.en_ids) for u in units),
        beads=len(units),
        units=sum(1 for u in units if u.is_pair),
        low=sum(1 for u in units if u.low),
        seconds=round(time.perf_counter() - start, 4),
        cpu_seconds=round(time.process_time() - cpu_start, 4),
        peak_rss_kb=_peak_rss_kb(),
        source=alignment.source,
    )


def run_pairs(tasks: list[PairTask]) -> list[PairResult]:
    """:func:`run_pair` over a few pairs: one submission, one round trip to the scheduler."""
    return [run_pair(task) for task in tasks]
