"""The record of a corpus run: a journal written as pairs finish, and the final summary.

The journal (``.termalign-corpus.jsonl`` in the output folder) gets one JSON line per pair as
soon as the pair is done or has failed, flushed at once: a run that is interrupted (Ctrl-C, a
killed machine) leaves a journal the next run resumes from. ``summary.json`` and
``summary.txt`` (a readable table) are written atomically at the end of every run.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ioguard.atomic import write_text
from termalign.batch.tasks import DONE, FAILED, PairResult

JOURNAL = ".termalign-corpus.jsonl"
SUMMARY_JSON = "summary.json"
SUMMARY_TEXT = "summary.txt"


def load_journal(out_dir: Path) -> dict[str, PairResult]:
    """The latest record of every pair in the journal (an empty dict when there is none).

    A truncated last line (the run was killed while writing it) is ignored.
    """
    records: dict[str, PairResult] = {}
    path = out_dir / JOURNAL
    if not path.is_file():
        return records
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            try:
                record = PairResult.from_json(json.loads(line))
            except (ValueError, TypeError):
                continue
            records[record.name] = record
    return records


def compact_journal(out_dir: Path, records: dict[str, PairResult]) -> None:
    """Rewrite the journal with one line per pair (the latest)."""
    lines = [json.dumps(records[name].to_json(), ensure_ascii=False) for name in sorted(records)]
    write_text(out_dir / JOURNAL, "".join(line + "\n" for line in lines))


@dataclass
class RunSummary:
    """Counts over the pairs of one run (pairs done earlier count as ``skipped``)."""

    backend: str = ""
    workers: int = 0
    pairs: int = 0
    done: int = 0
    skipped: int = 0
    failed: int = 0
    fr_sentences: int = 0
    en_sentences: int = 0
    beads: int = 0
    units: int = 0
    low: int = 0
    #: Seconds the run took, and seconds spent aligning in the workers (summed).
    wall_seconds: float = 0.0
    work_seconds: float = 0.0
    cpu_seconds: float = 0.0
    peak_rss_kb: int = 0
    failures: list[dict] = field(default_factory=list)
    unpaired: list[dict] = field(default_factory=list)
    merged: str = ""

    @property
    def low_share(self) -> float:
        return self.low / self.beads if self.beads else 0.0

    def add(self, result: PairResult, fresh: bool) -> None:
        """Count one pair's latest record; ``fresh`` when it was aligned in this run."""
        self.pairs += 1
        if result.status == FAILED:
            self.failed += 1
            self.failures.append({"name": result.name, "fr": result.fr, "en": result.en,
                                  "reason": result.reason})
            return
        if result.status != DONE:
            return
        if fresh:
            self.done += 1
            self.work_seconds += result.seconds
            self.cpu_seconds += result.cpu_seconds
        else:
            self.skipped += 1
        self.fr_sentences += result.fr_sentences
        self.en_sentences += result.en_sentences
        self.beads += result.beads
        self.units += result.units
        self.low += result.low

    def to_json(self, records: dict[str, PairResult]) -> dict:
        data = {k: v for k, v in self.__dict__.items() if k not in ("failures", "unpaired")}
        data["low_share"] = round(self.low_share, 4)
        data["failures"] = self.failures
        data["unpaired"] = self.unpaired
        data["pairs_detail"] = [records[name].to_json() for name in sorted(records)]
        return data


def render_table(summary: RunSummary) -> str:
    """The summary as a readable table (what ``summary.txt`` holds)."""
    rate = summary.units / summary.cpu_seconds if summary.cpu_seconds else 0.0
    rows = [
        ("back-end", f"{summary.backend}, {summary.workers} workers"),
        ("document pairs", summary.pairs),
        ("  aligned in this run", summary.done),
        ("  already done (skipped)", summary.skipped),
        ("  failed", summary.failed),
        ("files left unpaired", len(summary.unpaired)),
        ("sentences fr / en", f"{summary.fr_sentences} / {summary.en_sentences}"),
        ("beads", summary.beads),
        ("translation units (pair beads)", summary.units),
        ("low-confidence beads", f"{summary.low} ({100 * summary.low_share:.1f}%)"),
        ("wall time", f"{summary.wall_seconds:.1f} s"),
        ("units per worker CPU-second", f"{rate:.0f}"),
        ("peak worker memory", f"{summary.peak_rss_kb / 1024:.0f} MiB"),
    ]
    if summary.merged:
        rows.append(("merged TMX", summary.merged))
    width = max(len(label) for label, _ in rows)
    lines = [f"{label:<{width}}  {value}" for label, value in rows]
    if summary.failures:
        lines += ["", "failures:"]
        lines += [f"  {f['name']}: {f['reason']}" for f in summary.failures]
    if summary.unpaired:
        lines += ["", "unpaired files:"]
        lines += [f"  {u['path']}: {u['reason']}" for u in summary.unpaired]
    return "\n".join(lines) + "\n"


def write_summary(out_dir: Path, summary: RunSummary, records: dict[str, PairResult]) -> str:
    """Write ``summary.json`` and ``summary.txt``; return the table."""
    text = render_table(summary)
    data = json.dumps(summary.to_json(records), ensure_ascii=False, indent=1)
    write_text(out_dir / SUMMARY_JSON, data + "\n")
    write_text(out_dir / SUMMARY_TEXT, text)
    return text
