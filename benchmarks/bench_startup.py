"""Start-up: a whole ``termalign lookup`` process against ``python3 -c "import sqlite3"``.

Both are run alternately, ``--runs`` times each, the lookup on a termbase built from the
bundled seeds (as the default termbase is); the figures are medians of wall time and of CPU
time (user + system of the child), and the peak resident memory. Target (issue 16): lookup
≤ 4× the bare Python with sqlite3.

Every process runs twice per round, in the two states Python code can be in:

* **bytecode cached**, as after ``pip install`` (which compiles the package): the children
  read and write their bytecode in a private ``PYTHONPYCACHEPREFIX`` folder, filled by the
  warm-up runs;
* **no bytecode**: ``PYTHONDONTWRITEBYTECODE=1`` with no cache (as in a source tree or an
  editable install whose ``__pycache__`` may not be written): termalign's own modules are
  compiled again by every process, the standard library's are not.

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


BASE = 'python3 -c "import sqlite3"'


def bytecode_states(cache: Path) -> dict[str, dict[str, str]]:
    """The environment of the children in each state (see the module's documentation)."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX")}
    return {"bytecode cached (as installed)": {**env, "PYTHONPYCACHEPREFIX": str(cache)},
            "no bytecode (PYTHONDONTWRITEBYTECODE=1)": {**env, "PYTHONDONTWRITEBYTECODE": "1"}}


def run_once(args: list[str], env: dict[str, str] | None = None) -> tuple[float, float, float]:
    """(wall s, CPU s, peak RSS MiB) of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
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
    states = bytecode_states(Path(folder.name) / "pycache")
    for env in states.values():  # warm the file cache (and fill the bytecode cache)
        for argv in cases.values():
            run_once(argv, env)
    samples = {(state, name): [] for state in states for name in cases}
    for _ in range(args.runs):  # alternating runs
        for state, env in states.items():
            for name, argv in cases.items():
                samples[(state, name)].append(run_once(argv, env))
    med = {key: [statistics.median(s[i] for s in runs) for i in range(3)]
           for key, runs in samples.items()}
    body, ratios = "", {}
    for state in states:
        bare = med[(state, BASE)]
        rows = [[f"`{name}`", f"{w * 1000:.0f}", f"{c * 1000:.0f}", f"{m:.0f}",
                 f"{w / bare[0]:.2f}×", f"{c / bare[1]:.2f}×"]
                for name in cases for w, c, m in [med[(state, name)]]]
        lookup = med[(state, "termalign lookup OTSC")]
        ratios[state] = (lookup[0] / bare[0], lookup[1] / bare[1])
        body += f"**{state}**\n\n" + table(
            ["process", "wall ms (median)", "CPU ms (median)", "peak RSS MiB", "wall vs bare",
             "CPU vs bare"], rows) + "\n\n"
    body += (f"{args.runs} alternating runs of each process in each state. Target: `lookup` ≤ "
             "4× the bare Python with sqlite3; measured "
             + "; ".join(f"{w:.2f}× (wall), {c:.2f}× (CPU) {state}"
                         for state, (w, c) in ratios.items())
             + ". On a shared machine the CPU time is the steadier of the two.\n")
    print(body)
    if not args.no_write:
        write_section("startup", "Start-up (issue 16)", body)
    folder.cleanup()


if __name__ == "__main__":
    main()
