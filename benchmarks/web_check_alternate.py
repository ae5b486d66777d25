"""``POST /api/check`` of distinct texts, this tree's server and an earlier revision's in turn.

    python -m benchmarks.web_check_alternate REV [--rounds 4] [--seconds 4]

``bench_web_check.py --before REV`` serves REV, then this tree, one after the other; on a
shared machine the load moves between the two by more than a round's change (even the
trivial route, the same code in both, moved by a third in one run). Here the two servers
take turns (REV first in odd rounds, this tree first in even ones), each a fresh
``termalign serve`` of one process that keeps no answer (``TERMALIGN_CHECK_ANSWERS=0``), on
its own copy of a termbase built from the seeds: wrk posts the 50 distinct bodies of
``bench_web_check.py`` for ``--seconds`` (after as long a warm-up), then asks the trivial
``GET /healthz`` as long. Printed: each run's server CPU per request of both routes and their
ratio of requests/s, and the medians of each revision (BENCHMARKS.md is not written: the
figures go into the round's prose, ``web_check_history.md``).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.bench_web import free_port, start_server  # noqa: E402
from benchmarks.bench_web_check import post_script, rotating_bodies, server_cpu  # noqa: E402
from benchmarks.check_scan import extract  # noqa: E402


def _wrk(url: str, seconds: int, script: list[str]) -> tuple[int, float]:
    """(requests, requests/s) of one wrk run."""
    out = subprocess.run(["wrk", "-t1", "-c8", f"-d{seconds}s", *script, url],
                         capture_output=True, text=True, check=True).stdout
    return (int(re.search(r"(\d+) requests in", out).group(1)),
            float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)))


def one_run(tree: Path, db: Path, lua: str, seconds: int) -> tuple[float, float, float]:
    """(check ms a request, trivial ms a request, check / trivial requests/s) of a fresh
    server of ``tree``."""
    saved = {name: os.environ.get(name) for name in ("PYTHONPATH", "TERMALIGN_CHECK_ANSWERS")}
    os.environ.update(PYTHONPATH=str(tree), TERMALIGN_CHECK_ANSWERS="0")
    try:
        port = free_port()
        server = start_server(db, port, 8, 1)
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    base = f"http://127.0.0.1:{port}"
    try:
        _wrk(base + "/api/check", seconds, ["-s", lua])  # (warm-up)
        before = server_cpu(server)
        count, rate = _wrk(base + "/api/check", seconds, ["-s", lua])
        middle = server_cpu(server)
        trivial_count, trivial_rate = _wrk(base + "/healthz", seconds, [])
        after = server_cpu(server)
    finally:
        server.terminate()
        server.wait(timeout=10)
    return (1000 * (middle - before) / count, 1000 * (after - middle) / trivial_count,
            rate / trivial_rate)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rev", help="the earlier revision (git archive of this repository)")
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--seconds", type=int, default=4)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed (apt-get install wrk)")
    from termalign.building import build_from_seeds

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        trees = {args.rev: extract(args.rev, tmp / "before"), "this tree": ROOT}
        dbs = {name: tmp / f"{n}.sqlite3" for n, name in enumerate(trees)}
        build_from_seeds(dbs[args.rev])
        shutil.copy(dbs[args.rev], dbs["this tree"])
        lua = tmp / "post.lua"
        lua.write_text(post_script(rotating_bodies()), encoding="utf-8")
        runs: dict[str, list[tuple[float, float, float]]] = {name: [] for name in trees}
        for n in range(args.rounds):
            for name in list(trees)[:: 1 if n % 2 == 0 else -1]:
                runs[name].append(one_run(trees[name], dbs[name], str(lua), args.seconds))
                check, trivial, ratio = runs[name][-1]
                print(f"{name}: check {check:.2f} ms, trivial {trivial:.3f} ms a request, "
                      f"{ratio:.1%}", flush=True)
    for name, rows in runs.items():
        check, trivial, ratio = (statistics.median(r[i] for r in rows) for i in range(3))
        print(f"median, {name}: check {check:.2f} ms, trivial {trivial:.3f} ms a request, "
              f"check / trivial {ratio:.1%}")
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
