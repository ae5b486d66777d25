"""Where a ``POST /api/check`` request's server CPU goes under waitress, part by part.

    python -m benchmarks.web_check_parts [REV] [--rounds 2] [--seconds 6]

A server of one process and 8 threads, as ``termalign serve`` makes it (the channel of this
tree's ``termalign.cli.serve_channel`` where the served tree has one), keeps no answer
(``TERMALIGN_CHECK_ANSWERS=0``) and times its parts with each thread's own CPU clock
(``time.thread_time``): the I/O thread's loop (``wasyncore.poll``: select and the reading
of requests, with the number of polls), a worker's request (``HTTPChannel.service``), the
Flask application in it (``wsgi_app``), ``web.check.run_check`` in that, and
``Checker.check`` in that. wrk posts the 50 distinct bodies of ``bench_web_check.py`` for
``--seconds`` (after as long a warm-up), then asks ``GET /healthz`` as long; printed: each
part's CPU a request, for both routes, and the server's CPU a request (psutil). With REV,
that revision's tree (git archive) is served in turn with this one. The figures go into
the round's prose (``web_check_history.md``); BENCHMARKS.md is not written.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: (label, what is timed), in nesting order: each part's own time is its time less the next.
PARTS = ("I/O thread (polls)", "waitress worker", "Flask", "run_check", "Checker.check")


def serve(db: str, port: int, out: str) -> None:
    """The instrumented server (``--serve``): run in the served tree (PYTHONPATH)."""
    import logging
    import socket

    import waitress.channel
    import waitress.wasyncore

    import checks.checker
    import web.check
    from termalign.cli.serve import waitress_limits
    from web import create_app

    app = create_app({"TERMALIGN_DB": db})
    spent: dict[str, list[float]] = {}
    lock = threading.Lock()

    def timed(name, function):
        def run(*args, **kwargs):
            started = time.thread_time()
            try:
                return function(*args, **kwargs)
            finally:
                took = time.thread_time() - started
                with lock:
                    row = spent.setdefault(name, [0, 0.0])
                    row[0] += 1
                    row[1] += took
        return run

    waitress.wasyncore.poll = timed(PARTS[0], waitress.wasyncore.poll)
    channel = waitress.channel.HTTPChannel
    try:  # this tree's channel (an earlier revision serves waitress's own)
        from termalign.cli import serve_channel
        channel, run_server = serve_channel.QuietChannel, serve_channel.serve
    except ImportError:
        from waitress import serve as run_server
    channel.service = timed(PARTS[1], channel.service)
    app.wsgi_app = timed(PARTS[2], app.wsgi_app)
    web.check.run_check = timed(PARTS[3], web.check.run_check)
    checks.checker.Checker.check = timed(PARTS[4], checks.checker.Checker.check)

    def dump(_signum=None, _frame=None):
        with lock:
            Path(out).write_text(json.dumps(spent), encoding="utf-8")

    signal.signal(signal.SIGUSR1, dump)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    logging.getLogger("waitress.queue").setLevel(logging.ERROR)
    sock = socket.create_server(("127.0.0.1", port), backlog=1024)
    run_server(app, sockets=[sock], threads=8, ident="termalign", **waitress_limits())


def _wrk(url: str, seconds: int, script: list[str]) -> int:
    out = subprocess.run(["wrk", "-t1", "-c8", f"-d{seconds}s", *script, url],
                         capture_output=True, text=True, check=True).stdout
    return int(re.search(r"(\d+) requests in", out).group(1))


def one_run(tree: Path, db: Path, lua: str, seconds: int, scratch: Path) -> dict:
    """{route: {part: ms a request, "polls": polls a request, "server": ms a request}}."""
    from benchmarks.bench_web import free_port, launch_server
    from benchmarks.bench_web_check import server_cpu

    port = free_port()
    out = scratch / f"parts-{port}.json"
    env = {**os.environ, "PYTHONPATH": str(tree), "TERMALIGN_CHECK_ANSWERS": "0",
           "TERMALIGN_EDIT_TOKEN": ""}
    command = [sys.executable, str(Path(__file__)), "--serve", str(db), str(port), str(out)]
    server = launch_server(command, port, env)

    def reading() -> dict:
        server.send_signal(signal.SIGUSR1)
        for _ in range(100):
            time.sleep(0.05)
            if out.exists():
                data = json.loads(out.read_text(encoding="utf-8"))
                out.unlink()
                return data
        raise SystemExit("the instrumented server did not answer SIGUSR1")

    base, figures = f"http://127.0.0.1:{port}", {}
    try:
        _wrk(base + "/api/check", seconds, ["-s", lua])  # (warm-up)
        for route, script in (("/api/check", ["-s", lua]), ("/healthz", [])):
            before, cpu = reading(), server_cpu(server)
            count = _wrk(base + route, seconds, script)
            cpu, after = server_cpu(server) - cpu, reading()
            row = {"server": 1000 * cpu / count}
            for part in PARTS:
                calls, took = (after.get(part, [0, 0.0])[i] - before.get(part, [0, 0.0])[i]
                               for i in (0, 1))
                row[part] = 1000 * took / count
                if part == PARTS[0]:
                    row["polls"] = calls / count
            figures[route] = row
    finally:
        server.terminate()
        server.wait(timeout=10)
    return figures


def _own(row: dict) -> list[float]:
    """Each part's own time (less the part nested in it; the I/O thread is apart)."""
    nested = [row[p] for p in PARTS[1:]] + [0.0]
    return [row[PARTS[0]]] + [nested[i] - nested[i + 1] for i in range(len(PARTS) - 1)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rev", nargs="?", help="an earlier revision, served in turn")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--seconds", type=int, default=6)
    parser.add_argument("--serve", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.serve[0], int(args.serve[1]), args.serve[2])
        return
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed (apt-get install wrk)")
    sys.path.insert(0, str(ROOT))
    from benchmarks.bench_web_check import post_script, rotating_bodies
    from benchmarks.check_scan import extract
    from termalign.building import build_from_seeds

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        trees = {"this tree": ROOT}
        if args.rev:
            trees = {args.rev: extract(args.rev, tmp / "before"), **trees}
        dbs = {name: tmp / f"{n}.sqlite3" for n, name in enumerate(trees)}
        first = next(iter(dbs.values()))
        build_from_seeds(first)
        for db in dbs.values():
            if db != first:
                shutil.copy(first, db)
        lua = tmp / "post.lua"
        lua.write_text(post_script(rotating_bodies()), encoding="utf-8")
        for n in range(args.rounds):
            for name in list(trees)[:: 1 if n % 2 == 0 else -1]:
                figures = one_run(trees[name], dbs[name], str(lua), args.seconds, tmp)
                for route, row in figures.items():
                    own = ", ".join(f"{p} {v:.3f}" for p, v in zip(PARTS, _own(row),
                                                                    strict=True))
                    print(f"{name} {route}: server {row['server']:.3f} ms a request; {own}; "
                          f"{row['polls']:.1f} polls a request", flush=True)
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
