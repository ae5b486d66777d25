"""Aligner speed at scale: 10,000 × 10,000 sentences, now against before and against galechurch.

The document pair is the one of ``bench_align.py`` (UNPC pairs and TransRead gold beads in
shuffled blocks of 50, so the gold is known). Each run is a fresh process
(``bench_align.py --worker``): wall time, CPU time (the process and any child it ran), peak RSS
(``VmHWM``) and strict F1. In every round the three systems run back to back on the same
loaded machine:

* **termalign** (this tree);
* **termalign before**: the aligner of revision ``--before`` (default :data:`BEFORE`, the
  tree before the issue 13 speed work), extracted with ``git archive`` into a temporary
  folder and run by its own ``bench_align.py --worker``;
* **galechurch** (PyPI), the fastest peer that runs at this size.

Usage: ``python benchmarks/bench_scale.py [--rounds 2] [--size 10000] [--before REV]``; writes
the "align-scale" section of BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.report import SHARED, table, write_section  # noqa: E402

#: The last revision before the issue 13 speed work (block costs, banded overlaps).
BEFORE = "2ba56ca"


def run_worker(tree: Path, system: str, size: int) -> dict:
    done = subprocess.run(
        [sys.executable, str(tree / "benchmarks" / "bench_align.py"), "--worker", system,
         str(size)], cwd=tree, capture_output=True, text=True, timeout=1800)
    if done.returncode != 0:
        raise SystemExit(f"{system} in {tree} failed: {done.stderr.strip()[-300:]}")
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    return figures


def before_tree(revision: str, folder: Path) -> Path:
    """The repository at ``revision`` in ``folder/repo``, with ``folder/shared`` pointing at
    the shared data (the benchmarks find it next to the repository)."""
    tree = folder / "repo"
    tree.mkdir()
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", revision],
                             capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
    if SHARED.is_dir():
        (folder / "shared").symlink_to(SHARED.resolve())
    return tree


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--before", default=BEFORE, help="revision to compare with")
    args = parser.parse_args()
    runs: dict[str, list[dict]] = {}
    with tempfile.TemporaryDirectory() as folder:
        old = before_tree(args.before, Path(folder))
        systems = [("termalign", ROOT, "termalign"), (f"termalign before ({args.before})", old,
                                                      "termalign"), ("galechurch", ROOT,
                                                                     "galechurch")]
        for round_ in range(args.rounds):
            for name, tree, system in systems:
                load = os.getloadavg()[0]
                figures = run_worker(tree, system, args.size)
                figures["load_start"] = load
                runs.setdefault(name, []).append(figures)
                print(round_ + 1, name, json.dumps(figures), flush=True)
    rows = []
    for name, results in runs.items():
        for k, r in enumerate(results):
            rows.append([name, k + 1, f"{r['fr']:,} × {r['en']:,}", f"{r['time']:.2f}",
                         f"{r['cpu']:.2f}", f"{r['peak_mb']:.0f}", f"{r['strict']:.4f}",
                         f"{r['load_start']:.1f}"])
    now = runs["termalign"]
    lines = []
    for name, results in runs.items():
        if name == "termalign":
            continue
        wall = statistics.median(o["time"] / r["time"] for o, r in zip(results, now, strict=True))
        cpu = statistics.median(o["cpu"] / r["cpu"] for o, r in zip(results, now, strict=True))
        lines.append(f"- {name}: wall time {wall:.2f}× termalign's, CPU time {cpu:.2f}× "
                     "(median over the rounds)")
    best = min(now, key=lambda r: r["time"])
    body = (
        f"{args.size:,} French sentences (and about as many English) of real text; "
        f"{args.rounds} rounds, in each the three systems back to back. Target: < 10 s and "
        "< 500 MB.\n\n"
        + table(["aligner", "round", "sentences fr × en", "wall (s)", "CPU (s)",
                 "peak RSS (MB)", "strict F1", "load at start"], rows)
        + "\n\n" + "\n".join(lines)
        + f"\n\nBest termalign round: {best['time']:.2f} s wall, {best['cpu']:.2f} s CPU, "
        f"{best['peak_mb']:.0f} MB. CPU time counts the process and any child process it ran "
        "(termalign runs none). The machine is shared (see the load): wall time is several "
        "times the CPU time when the load is well above the 2 cores; compare within a round."
    )
    write_section(f"align-scale-{args.size}" if args.size != 10_000 else "align-scale",
                  f"Aligner at scale: {args.size:,} sentences, before and after", body)


if __name__ == "__main__":
    main()
