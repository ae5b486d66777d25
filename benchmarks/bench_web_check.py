"""`POST /api/check` under load against a trivial route of the same app (issue 16).

    python benchmarks/bench_web_check.py [--duration S] [--workers 1 2] [--before REV]

Server helpers are shared with bench_web.py.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.bench_web import _ms, free_port, load, start_server, termbase_path  # noqa: E402
from benchmarks.report import table, write_section  # noqa: E402

# -- POST /api/check against a trivial route (the reliability part of issue 16) ---------------


def check_body(size: int = 2000) -> str:
    """JSON ``{"fr", "en"}``: about ``size`` characters of each side of the UNPC devset."""
    import json

    unpc = ROOT / "seeds" / "unpc"
    sides = []
    for lang in ("fr", "en"):
        text = ""
        with open(unpc / f"UNv1.0.devset.{lang}", encoding="utf-8") as handle:
            for line in handle:
                if len(text) >= size:
                    break
                text += line.strip() + " "
        sides.append(text.strip())
    return json.dumps({"fr": sides[0], "en": sides[1]}, ensure_ascii=True)


def run_wrk_post(base: str, path: str, body: str, args) -> dict:
    """wrk with every request a ``POST path`` of the JSON ``body``."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(f'wrk.method = "POST"\nwrk.body = [==[{body}]==]\n'
                     'wrk.headers["Content-Type"] = "application/json"\n')
    command = ["wrk", f"-t{args.wrk_threads}", f"-c{args.connections}", f"-d{args.duration}s",
               "--latency", "-s", script.name, base + path]
    try:
        done = subprocess.run(command, capture_output=True, text=True,
                              timeout=args.duration + 30)
    finally:
        os.unlink(script.name)
    if done.returncode:
        raise SystemExit(f"wrk failed: {done.stderr or done.stdout}")
    out = done.stdout
    latency = {p: _ms(v) for p, v in re.findall(r"^\s+(50|90|99)%\s+(\S+)", out, re.M)}
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
            "p50": latency.get("50"), "p99": latency.get("99"),
            "errors": int(errors.group(1)) if errors else 0,
            "command": " ".join(command[:-3] + ["-s", "post.lua", command[-1]])}


def measure_check(db: Path, workers: int, args, tree: Path | None = None) -> dict:
    """``POST /api/check`` (a 2 KB pair) and the trivial ``GET /healthz``, alternately, on
    one fresh server; three short runs of each, the median rate kept. ``tree``: serve the
    code of that source tree instead (an earlier revision, on its own copy of ``db``)."""
    import statistics

    port = free_port()
    saved = os.environ.get("PYTHONPATH")
    if tree is not None:
        copy = db.with_name(f"before-{db.name}")
        shutil.copy(db, copy)
        db, os.environ["PYTHONPATH"] = copy, str(tree)
    try:
        server = start_server(db, port, args.server_threads, workers)
    finally:
        if tree is not None and saved is None:
            del os.environ["PYTHONPATH"]
        elif tree is not None:
            os.environ["PYTHONPATH"] = saved
    body = check_body()
    try:
        base = f"http://127.0.0.1:{port}"
        request = urllib.request.Request(base + "/api/check", body.encode(),
                                         {"Content-Type": "application/json"})
        for _ in range(2 * workers):  # warm up every process; the check must answer
            urllib.request.urlopen(request, timeout=60).read()
        runs: dict[str, list[dict]] = {"check": [], "trivial": []}
        for _ in range(3):
            runs["check"].append(run_wrk_post(base, "/api/check", body, args))
            runs["trivial"].append(load([f"{base}/healthz"], args))
        return {key: {**min(values, key=lambda r: abs(r["rps"] - statistics.median(
            v["rps"] for v in values))), "errors": sum(v["errors"] for v in values)}
            for key, values in runs.items()}
    finally:
        server.terminate()
        server.wait(timeout=10)


def main_check() -> None:
    """``bench_web_check.py``: the "web-check" section of BENCHMARKS.md."""
    parser = argparse.ArgumentParser(description="POST /api/check against a trivial route")
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--db", help="termbase to serve (default: one built from the seeds)")
    parser.add_argument("--duration", type=int, default=5, help="seconds per load run")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--wrk-threads", type=int, default=1)
    parser.add_argument("--server-threads", type=int, default=8)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--no-write", action="store_true", help="print only")
    parser.add_argument("--before", metavar="REV",
                        help="also serve revision REV (git archive) in the same run")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed (apt-get install wrk)")
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        if args.db:
            db, described = termbase_path(args.db, Path(tmp))
        else:  # the termbase `termalign build` makes from the bundled seeds, built here
            from termalign.building import build_from_seeds

            db = Path(tmp) / "seeds.sqlite3"
            stats = build_from_seeds(db).stats
            described = (f"a termbase built from the seeds ({stats['concepts']} concepts, "
                         f"{stats['terms']} terms)")
        before = {}
        if args.before:
            tree = Path(tmp) / "before"
            tree.mkdir()
            archive = subprocess.run(["git", "-C", str(ROOT), "archive", args.before],
                                     capture_output=True, check=True).stdout
            subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
        runs = {}
        for workers in args.workers:  # the earlier revision first, then this tree
            if args.before:
                before[workers] = measure_check(db, workers, args, tree)
            runs[workers] = measure_check(db, workers, args)
    load_after = os.getloadavg()[0]
    rows = []
    for workers, run in runs.items():
        ratio = run["check"]["rps"] / run["trivial"]["rps"]
        for label, key in (("`POST /api/check` (2 KB French + 2 KB English, UNPC devset)",
                            "check"), ("trivial route `GET /healthz`", "trivial")):
            r = run[key]
            rows.append([workers, label, f"{r['rps']:.0f}", r["p50"], r["p99"], r["errors"],
                         f"{ratio:.0%}" if key == "check" else ""])
        if workers in before:
            old = before[workers]
            r = old["check"]
            rows.append([workers, f"before (`{args.before}`): `POST /api/check`",
                         f"{r['rps']:.0f}", r["p50"], r["p99"], r["errors"],
                         f"{r['rps'] / old['trivial']['rps']:.0%} (its trivial route: "
                         f"{old['trivial']['rps']:.0f}/s)"])
    best = max(run["check"]["rps"] / run["trivial"]["rps"] for run in runs.values())
    body = "\n".join([
        f"Server: `termalign serve --threads {args.server_threads} --workers N` (waitress) on "
        f"127.0.0.1, serving {described}. Load: `{runs[args.workers[0]]['check']['command']}` "
        f"and the same wrk on `/healthz`, alternately, 3 runs of {args.duration} s each, the "
        "median kept. The machine is shared: load average "
        f"{load_before:.1f} before, {load_after:.1f} after.",
        "",
        table(["processes", "endpoint", "requests/s", "p50 ms", "p99 ms", "non-2xx",
               "check / trivial"], rows),
        "",
        f"Target (issue 16): `/api/check` ≥ 30% of the trivial route; best: {best:.0%} "
        f"(**{'met' if best >= 0.30 else 'NOT met'}**).",
    ])
    print(body)
    if not args.no_write:
        write_section("web-check", "Web: /api/check against a trivial route (issue 16)", body)


if __name__ == "__main__":
    main_check()
