"""Start-up: a whole ``termalign lookup`` process against ``python3 -c "import sqlite3"``.

Both are run alternately, ``--runs`` times each, the lookup on a termbase built from the
bundled seeds (as the default termbase is); the figures are medians of wall time and of CPU time (user + system of the child),
and the peak resident memory. Target (issue 16): lookup ≤ 4× the bare Python with sqlite3.

Writes the "startup" section of BENCHMARKS.md.

    python benchmarks/bench_startup.py [--runs 15] [--no-write]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.report import table, write_section  # noqa: E402

TERMALIGN = str(Path(sys.executable).with_name("termalign"))


def run_once(args: list[str]) -> tuple[float, float, float]:
    """(wall s, CPU s, peak RSS MiB) of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise SystemExit(f"{' '.join(args)} failed with exit code {proc.returncode}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    import tempfile

    folder = tempfile.TemporaryDirectory()
    db = str(Path(folder.name) / "seeds.sqlite3")
    # The termbase the bundled seeds give (as the default one is), built by another process:
    # this one stays small, since a child's peak RSS counts the parent's image until exec.
    subprocess.run([TERMALIGN, "build", "--db", db, "--quiet"], check=True)
    cases = {
        'python3 -c "import sqlite3"': [sys.executable, "-c", "import sqlite3"],
        "termalign lookup OTSC": [TERMALIGN, "lookup", "--db", db, "OTSC"],
        "termalign --version": [TERMALIGN, "--version"],
        "termalign --help": [TERMALIGN, "--help"],
    }
    for argv in cases.values():  # warm the file cache
        run_once(argv)
    samples: dict[str, list[tuple[float, float, float]]] = {name: [] for name in cases}
    for _ in range(args.runs):  # alternating runs
        for name, argv in cases.items():
            samples[name].append(run_once(argv))
    base = "python3 -c \"import sqlite3\""
    med = {name: [statistics.median(s[i] for s in runs) for i in range(3)]
           for name, runs in samples.items()}
    rows = [[f"`{name}`", f"{w * 1000:.0f}", f"{c * 1000:.0f}", f"{m:.0f}",
             f"{w / med[base][0]:.2f}×", f"{c / med[base][1]:.2f}×"]
            for name, (w, c, m) in med.items()]
    body = table(["process", "wall ms (median)", "CPU ms (median)", "peak RSS MiB",
                  "wall vs bare", "CPU vs bare"], rows)
    ratio = med["termalign lookup OTSC"][0] / med[base][0]
    cpu_ratio = med["termalign lookup OTSC"][1] / med[base][1]
    body += (f"\n\n{args.runs} alternating runs of each. Target: `lookup` ≤ 4× the bare "
             f"Python with sqlite3; measured {ratio:.2f}× (wall), {cpu_ratio:.2f}× (CPU). On a "
             "shared machine the CPU time is the steadier of the two.\n")
    print(body)
    if not args.no_write:
        write_section("startup", "Start-up (issue 16)", body)
    folder.cleanup()


if __name__ == "__main__":
    main()
