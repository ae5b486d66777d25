"""The comparisons of ``bench_planted.py`` with earlier revisions of the code, each run from
its own tree (``git archive``) in a fresh process on the same concepts: the checking speed
against a baseline, and the planted and official figures at the start of a round."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from benchmarks.check_scan import extract

ROOT = Path(__file__).resolve().parent.parent


_BASELINE = r'''
import json, pickle, sys, time
sys.path.insert(0, sys.argv[1])
import termbase.model
with open(sys.argv[2], "rb") as handle:  # the concepts, read by this branch's termbase code
    concepts = pickle.load(handle)
from benchmarks.bench_check import unpc_segments
from checks import Checker
segments = unpc_segments()
checker = Checker(concepts)
start = time.process_time()
report = checker.check(segments)
print(json.dumps({"cpu": time.process_time() - start, "issues": len(report.issues)}))
'''


def against_baseline(db: Path, tmp: Path, rev: str, runs: int = 3) -> str:
    """CPU of checking the 8,000 pairs (French source) here and at ``rev``, alternating."""
    import statistics

    base = extract(rev, tmp / "baseline")
    # the baseline's termbase code cannot open today's schema: the concepts are read here
    import pickle

    from termbase.store import Termbase

    with Termbase.open(db) as tb:
        concepts = list(tb.iter_concepts())
    dump = tmp / "concepts.pickle"
    dump.write_bytes(pickle.dumps(concepts))
    db = dump
    times: dict[str, list[float]] = {"baseline": [], "this branch": []}
    for _ in range(runs):
        for label, root in (("baseline", base), ("this branch", ROOT)):
            out = subprocess.run([sys.executable, "-c", _BASELINE, str(root), str(db)],
                                 capture_output=True, text=True, check=True)
            times[label].append(json.loads(out.stdout)["cpu"])
    mid = {k: statistics.median(v) for k, v in times.items()}
    ratio = mid["this branch"] / mid["baseline"]
    return (f"Checking speed, 8,000 pairs, French source, same devset termbase, medians of "
            f"{runs} alternating fresh processes: baseline `{rev}` (before this work) "
            f"{mid['baseline']:.2f} CPU s, this branch {mid['this branch']:.2f} CPU s: "
            f"**{ratio:.2f}×** (all runs: baseline "
            f"{', '.join(f'{t:.2f}' for t in times['baseline'])}; this branch "
            f"{', '.join(f'{t:.2f}' for t in times['this branch'])}).")


_ISSUES = r'''
import json, sys
sys.path.insert(0, sys.argv[1])
from dataclasses import astuple
from benchmarks.bench_check import unpc_segments
from benchmarks.make_planted import read
from checks.cache import load_checker
checker = load_checker(sys.argv[2])
segments = unpc_segments()
out = {f"official {s}": [astuple(i) for i in checker.check(segments, source=s).issues]
       for s in ("fr", "en")}
for part in ("devset", "testset"):
    rows = []
    for case in read(part):
        s, fr, en, planted = case["source"], case["fr"], case["en"], case["planted"]
        bad = (planted, en) if s == "en" else (fr, planted)
        for pair in ((fr, en), bad):
            rows.append([astuple(i) for i in checker.check_pair(*pair, source=s)])
    out[f"planted {part}"] = rows
print(json.dumps(out, ensure_ascii=False))
'''


def same_issues(db: Path, tmp: Path, rev: str, tree: Path | None = None,
                label: str = "") -> str:
    """Whether this tree and revision ``rev`` (extracted, or already in ``tree``) report the
    very same issues (every field, in order) on the 8,000 official pairs in both directions
    and on the planted sets (clean and planted pair of every case), each from its own copy
    of the termbase ``db``; this tree twice: building its checker, then loading it from the
    cache file just written."""
    import shutil

    base = tree if tree is not None else extract(rev, tmp / f"same-{db.stem}")
    results = {}
    for run, root, name in ((rev, base, "before"), ("built", ROOT, "after"),
                            ("cached", ROOT, "after")):
        path = tmp / f"same-{name}-{db.name}"
        if not path.exists():
            shutil.copy(db, path)
        out = subprocess.run([sys.executable, "-c", _ISSUES, str(root), str(path)],
                             capture_output=True, text=True, check=True)
        results[run] = json.loads(out.stdout)
    from benchmarks.bench_check import unpc_segments

    official, lines = len(unpc_segments()), []
    for part, want in results[rev].items():
        count = sum(len(x) for x in want) if part.startswith("planted") else len(want)
        pairs = official if part.startswith("official") else len(want)
        verdicts = ["identical" if results[k][part] == want else "DIFFERENT"
                    for k in ("built", "cached")]
        lines.append(f"- {label or db.stem}, {part}: {pairs:,} pairs, {count:,} issues at `{rev}`: "
                     f"built {verdicts[0]}, cached {verdicts[1]}")
    return "\n".join(lines)


if __name__ == "__main__":
    # python -m benchmarks.check_before TERMBASE [REV]: the issue lists of REV vs this tree
    import tempfile

    with tempfile.TemporaryDirectory() as tmp_name:
        print(same_issues(Path(sys.argv[1]), Path(tmp_name),
                          sys.argv[2] if len(sys.argv) > 2 else "823d05f"))
