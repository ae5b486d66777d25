"""Web benchmark: lookups per second and tail latency of ``termalign serve`` under load.

Starts ``termalign serve`` (waitress, threads) on a free loopback port and loads
``/api/lookup`` with ``wrk`` (or ``ab`` when wrk is absent) for a bounded time, rotating
through real queries (acronyms, accent-less French, English, prefixes, typos). In the same
run, as a baseline, the same server is loaded with a static file (``/static/style.css``):
the ratio shows what the lookup itself costs on top of waitress and Flask. Target: at least
500 lookups/s with p99 under 50 ms on 2 cores. Only 127.0.0.1 is ever contacted.

Writes the "web" section of BENCHMARKS.md.

    python benchmarks/bench_web.py [--db DB] [--duration 15] [--connections 8] [--workers 1 2] [--no-write]

With ``--lookup-section`` it writes the "Lookup and search (issues 11, 15, 16): web" section
instead: ``GET /api/lookup`` and the search page ``GET /?q=`` against a trivial Flask route
of the same app (``GET /api/``) on the same waitress server, 1 and 2 processes, and the SQL
statements of one lookup request (first and repeated).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.report import table, write_section  # noqa: E402

QUERIES = ["OTSC", "CSTO", "Conseil de securite", "Security Council", "cote d'ivoire",
           "Organisation du Traite de securite collective", "Allemagne", "Germany", "Burkina",
           "republique islamique", "Viet Nam", "Royaume-Uni", "Organisaton des Nations Unies",
           "Etats-Unis", "Union africaine", "CEDEAO"]
#: Queries with a spelling mistake: only the (slower) fuzzy stage of the lookup finds them.
TYPOS = {"Organisaton des Nations Unies"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def termbase_path(db: str | None, folder: Path) -> tuple[Path, str]:
    """The termbase to serve and a description of it."""
    from termbase.store import Termbase

    if db:
        path = Path(db)
    else:
        from termalign import defaults

        ensure = getattr(defaults, "ensure_default_db", None)
        path = Path(ensure()) if ensure else None
        if path is None or not path.exists():
            from benchmarks.bench_termbase import seed_like

            path = folder / "seed-like.sqlite3"
            with Termbase.open(path) as tb, tb.transaction():
                for concept in seed_like():
                    tb.add_concept(concept)
            with Termbase.open(path) as tb:
                return path, f"seed-like termbase ({tb.count()} concepts, bench_termbase)"
    with Termbase.open(path) as tb:
        return path, f"{path.name} ({tb.count()} concepts)"


def start_server(db: Path, port: int, threads: int, workers: int) -> subprocess.Popen:
    exe = Path(sys.executable).with_name("termalign")
    command = [str(exe)] if exe.exists() else [sys.executable, "-c",
                                               "from termalign.cli import main; main()"]
    command += ["serve", "--host", "127.0.0.1", "--port", str(port), "--db", str(db),
                "--threads", str(threads), "--workers", str(workers)]
    return launch_server(command, port, {**os.environ, "TERMALIGN_EDIT_TOKEN": ""})


def launch_server(command: list[str], port: int, env: dict,
                  seconds: int = 30) -> subprocess.Popen:
    """Start ``termalign serve`` and return once it answers a lookup on ``port``."""
    # The server's log goes to a file: an unread pipe would fill up and stall the server.
    log = tempfile.TemporaryFile()  # noqa: SIM115 (lives as long as the server)
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=log)
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/lookup?q=OTSC", timeout=2).read()
            return proc
        except OSError:
            if proc.poll() is not None:
                log.seek(0)
                message = log.read().decode(errors="replace")
                raise SystemExit("termalign serve exited: " + message) from None
            time.sleep(0.2)
    proc.kill()
    raise SystemExit(f"termalign serve did not start in {seconds} s")


def run_wrk(urls: list[str], duration: int, connections: int, threads: int) -> dict:
    """Load the URLs (rotated) with wrk; requests/s and latency percentiles in ms."""
    paths = ", ".join('"/' + url.split("/", 3)[3] + '"' for url in urls)
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(
            "local paths = {" + paths + "}\n"
            "local i = 0\n"
            "request = function()\n  i = i % #paths + 1\n"
            "  return wrk.format('GET', paths[i])\nend\n"
        )
    base = urls[0].split("/", 3)
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--latency",
               "-s", script.name, f"{base[0]}//{base[2]}/"]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=duration + 30)
    finally:
        os.unlink(script.name)
    if done.returncode:
        raise SystemExit(f"wrk failed: {done.stderr or done.stdout}")
    out = done.stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    latency = {p: _ms(v) for p, v in re.findall(r"^\s+(50|90|99)%\s+(\S+)", out, re.M)}
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket_errors = re.search(r"Socket errors: (.*)", out)
    return {"rps": rps, "p50": latency.get("50"), "p90": latency.get("90"),
            "p99": latency.get("99"), "errors": int(errors.group(1)) if errors else 0,
            "socket_errors": socket_errors.group(1) if socket_errors else "", "tool": "wrk",
            "command": " ".join(command[:-3] + ["-s", "rotate.lua", command[-1]])}


def run_ab(url: str, duration: int, connections: int) -> dict:
    """ab on one URL (no rotation): requests/s and percentiles."""
    command = ["ab", "-q", "-t", str(duration), "-n", "10000000", "-c", str(connections), url]
    out = subprocess.run(command, capture_output=True, text=True, check=True,
                         timeout=duration + 30).stdout
    rps = float(re.search(r"Requests per second:\s+([\d.]+)", out).group(1))
    pct = dict(re.findall(r"^\s+(50|90|99)%\s+(\d+)", out, re.M))
    failed = int(re.search(r"Failed requests:\s+(\d+)", out).group(1))
    return {"rps": rps, "p50": float(pct.get("50", "nan")), "p90": float(pct.get("90", "nan")),
            "p99": float(pct.get("99", "nan")), "errors": failed, "socket_errors": "",
            "tool": "ab", "command": " ".join(command)}


def _ms(value: str) -> float:
    """wrk's latency text (``812.00us``, ``3.21ms``, ``1.02s``) in milliseconds.

    >>> _ms("812.00us"), _ms("3.21ms"), _ms("1.5s")
    (0.812, 3.21, 1500.0)
    """
    number = float(re.match(r"[\d.]+", value).group())
    unit = value[len(re.match(r"[\d.]+", value).group()):]
    return round(number * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit], 3)


def load(urls: list[str], args) -> dict:
    if shutil.which("wrk"):
        return run_wrk(urls, args.duration, args.connections, args.wrk_threads)
    if shutil.which("ab"):
        return run_ab(urls[0], args.duration, args.connections)
    raise SystemExit("neither wrk nor ab is installed (apt-get install wrk)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", help="termbase to serve (default: the default termbase)")
    parser.add_argument("--duration", type=int, default=15, help="seconds per load run")
    parser.add_argument("--connections", type=int, default=8,
                        help="concurrent connections (users typing at the same time)")
    parser.add_argument("--wrk-threads", type=int, default=1,
                        help="wrk threads (one is plenty; it leaves the cores to the server)")
    parser.add_argument("--server-threads", type=int, default=8)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2],
                        help="server process counts to measure, one server each")
    parser.add_argument("--no-write", action="store_true", help="print only")
    parser.add_argument("--lookup-section", action="store_true",
                        help="lookup vs a trivial route, statements per request")
    args = parser.parse_args()
    if args.lookup_section:
        lookup_section(args)
        return

    load_before = os.getloadavg()[0]
    runs = {}
    with tempfile.TemporaryDirectory() as tmp:
        db, described = termbase_path(args.db, Path(tmp))
        library = library_times(db)
        for workers in args.workers:
            runs[workers] = measure(db, workers, args)
    load_after = os.getloadavg()[0]

    rows = []
    for workers, run in runs.items():
        for label, key in (("`GET /api/lookup` (16 rotating queries)", "lookup"),
                           (f"`GET /api/lookup` without the typo ({len(QUERIES) - len(TYPOS)} "
                            "queries)", "lookup_exact"),
                           ("`GET /?q=` search page (HTML)", "page"),
                           ("baseline: `GET /static/style.css`", "static")):
            r = run[key]
            rows.append([workers, label, f"{r['rps']:.0f}", r["p50"], r["p90"], r["p99"],
                         r["errors"]])
    best = max(runs.values(), key=lambda run: run["lookup"]["rps"])["lookup"]
    target_ok = best["rps"] >= 500 and (best["p99"] or 1e9) < 50
    ratios = "; ".join(
        f"{w} process(es): lookups at {run['lookup']['rps'] / run['static']['rps']:.2f}× the "
        f"static-file rate, search page at {run['page']['rps'] / run['lookup']['rps']:.2f}× the "
        "JSON lookup rate" for w, run in runs.items())
    body = "\n".join([
        f"Server: `termalign serve --threads {args.server_threads} --workers N` (waitress) on "
        f"127.0.0.1, serving {described}. Load: `{best['command']}` with a Lua script rotating "
        f"through {len(QUERIES)} queries, {args.duration} s per run, runs one after the other. "
        f"The machine is shared: load average {load_before:.1f} before, {load_after:.1f} after.",
        "",
        table(["processes", "endpoint", "requests/s", "p50 ms", "p90 ms", "p99 ms", "non-2xx"],
              rows),
        "",
        f"Baseline ratios (same server, same run): {ratios}.",
        f"Target (≥ 500 lookups/s with p99 < 50 ms on 2 cores), best run: "
        f"{best['rps']:.0f}/s, p99 {best['p99']} ms: **{'met' if target_ok else 'NOT met'}**.",
        "",
        "Where the time goes: the library lookup alone (`Termbase.lookup` + `to_json`, in "
        "process, median of 20 calls) for each query of the rotation:",
        "",
        table(["query", "match", "ms"], [[f"`{q}`", m, t] for q, m, t in library]),
    ])
    print(body)
    if not args.no_write:
        write_section("web", "Web: lookups under load", body)


def library_times(db: Path, repeat: int = 20) -> list[tuple[str, str, float]]:
    """Median in-process time of each query's lookup (the part the web layer cannot change)."""
    import statistics

    from termbase.store import Termbase

    rows = []
    with Termbase.open(db) as tb:
        for query in QUERIES:
            times = []
            for _ in range(repeat):
                started = time.perf_counter()
                results = [r.to_json() for r in tb.lookup(query)]
                times.append(time.perf_counter() - started)
            match = results[0]["match"] if results else "none"
            rows.append((query, match, round(statistics.median(times) * 1000, 2)))
    return rows


def measure(db: Path, workers: int, args) -> dict:
    """Lookup, search-page and static-file runs against one fresh server."""
    port = free_port()
    server = start_server(db, port, args.server_threads, workers)
    try:
        base = f"http://127.0.0.1:{port}"
        lookups = [f"{base}/api/lookup?q={quote(q)}" for q in QUERIES]
        pages = [f"{base}/?q={quote(q)}" for q in QUERIES]
        for url in (lookups + pages) * workers:  # warm up every process; every query answers
            urllib.request.urlopen(url, timeout=10).read()
        exact = [u for u, q in zip(lookups, QUERIES, strict=True) if q not in TYPOS]
        return {"lookup": load(lookups, args),
                "lookup_exact": load(exact, args),
                "page": load(pages, args),
                "static": load([f"{base}/static/style.css"], args)}
    finally:
        server.terminate()
        server.wait(timeout=10)


def web_statements(db: Path, queries: list[str]) -> list[list]:
    """SQL statements of a ``GET /api/lookup`` request: the first (cache miss) and the next
    (cache hit), median over the queries; FTS5's internal statements left out."""
    import statistics

    from web import create_app
    from web.db import get_tb

    app = create_app({"TERMALIGN_DB": str(db), "TESTING": True})
    client = app.test_client()
    with app.test_request_context("/"):
        conn = get_tb().conn  # the thread's connection, used by the client's requests too
    seen: list[str] = []
    conn.set_trace_callback(lambda sql: "'main'." in sql or seen.append(sql))
    counts: dict[str, list[int]] = {}
    try:
        for path in ("/api/lookup?q=", "/?q="):
            for query in queries:
                for when in ("first", "again"):
                    seen.clear()
                    client.get(path + quote(query)).get_data()
                    counts.setdefault(f"{path} {when}", []).append(len(seen))
    finally:
        conn.set_trace_callback(None)
    labels = {"/api/lookup?q= first": "`/api/lookup`, first request (lookup runs)",
              "/api/lookup?q= again": "`/api/lookup`, same request again (cached by data version)",
              "/?q= first": "search page, first request (the lookup is cached already)",
              "/?q= again": "search page, same request again (the page is kept)"}
    return [[labels[key], statistics.median(n), max(n)] for key, n in counts.items()]


def lookup_section(args) -> None:
    load_before = os.getloadavg()[0]
    runs = {}
    with tempfile.TemporaryDirectory() as tmp:
        db, described = termbase_path(args.db, Path(tmp))
        statements = web_statements(db, QUERIES)
        for workers in args.workers:
            port = free_port()
            server = start_server(db, port, args.server_threads, workers)
            try:
                base = f"http://127.0.0.1:{port}"
                lookups = [f"{base}/api/lookup?q={quote(q)}" for q in QUERIES]
                for url in lookups * workers:
                    urllib.request.urlopen(url, timeout=10).read()
                pages = [f"{base}/?q={quote(q)}" for q in QUERIES]
                for url in pages * workers:
                    urllib.request.urlopen(url, timeout=10).read()
                runs[workers] = {"trivial": load([f"{base}/api/"], args),
                                 "lookup": load(lookups, args),
                                 "page": load(pages, args)}
            finally:
                server.terminate()
                server.wait(timeout=10)
    rows = []
    for workers, run in runs.items():
        for label, key in (("trivial route `GET /api/` (same app, same hooks)", "trivial"),
                           (f"`GET /api/lookup` ({len(QUERIES)} rotating queries)", "lookup"),
                           (f"`GET /?q=` search page, HTML ({len(QUERIES)} rotating queries)",
                            "page")):
            r = run[key]
            of_trivial = r["rps"] / run["trivial"]["rps"]
            of_lookup = r["rps"] / run["lookup"]["rps"]
            rows.append([workers, label, f"{r['rps']:.0f}", r["p50"], r["p99"], r["errors"],
                         f"{of_trivial:.0%}" if key != "trivial" else "",
                         f"{of_lookup:.2f}×" if key == "page" else ""])
    body = "\n".join([
        f"Server: `termalign serve --threads {args.server_threads} --workers N` (waitress) on "
        f"127.0.0.1, serving {described}. Load: wrk, {args.connections} connections, "
        f"{args.duration} s per run, the trivial route and the lookups one after the other on "
        f"the same server. Load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} "
        "after (shared machine). Target: `/api/lookup` ≥ 60% of the trivial route. The "
        "search page is the whole HTML page of each query (its rate against the JSON "
        "lookup's shows what rendering costs).",
        "",
        table(["processes", "endpoint", "requests/s", "p50 ms", "p99 ms", "non-2xx",
               "of the trivial route", "page / lookup"], rows),
        "",
        "SQL statements per request (median and most over the "
        f"{len(QUERIES)} queries):",
        "",
        table(["request", "median", "max"], statements),
    ])
    print(body)
    if not args.no_write:
        write_section("lookup-search-web", "Lookup and search (issues 11, 15, 16): web", body)


if __name__ == "__main__":
    main()
