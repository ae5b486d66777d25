"""`POST /api/check` under load against a trivial route of the same app (issue 16).

    python benchmarks/bench_web_check.py [--duration S] [--workers 1 2] [--before REV]

Three kinds of request: the same 2 KB pair every time, 50 distinct pairs in turn (nothing
keyed on the text can be reused), and 50 pairs whose line counts differ (aligned first); the
first again on a server that keeps no answer (``TERMALIGN_CHECK_ANSWERS=0``).

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

#: What the earlier rounds changed and measured (their own runs), appended to the section.
HISTORY = Path(__file__).with_name("web_check_history.md")

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


def rotating_bodies(count: int = 50, size: int = 2000, aligned: bool = False) -> list[str]:
    """``count`` distinct JSON bodies: consecutive windows of the UNPC devset, about ``size``
    characters a side. As :func:`check_body`, one line a side; ``aligned``: one sentence a
    line, the middle English line left out, so that the texts are aligned before the check."""
    import json

    from benchmarks.record_web_check import devset

    fr, en = devset()
    bodies, start = [], 0
    while len(bodies) < count:
        end = start
        while sum(len(line) for line in fr[start:end]) < size:
            end += 1
        f, e = fr[start:end], en[start:end]
        if aligned:
            del e[len(e) // 2]
            body = {"fr": "\n".join(f), "en": "\n".join(e)}
        else:
            body = {"fr": " ".join(f), "en": " ".join(e)}
        bodies.append(json.dumps(body, ensure_ascii=True))
        start = end
    return bodies


def post_script(bodies: list[str]) -> str:
    """A wrk Lua script whose requests are ``POST``s of ``bodies`` in turn."""
    quoted = ",\n".join(f"[==[{body}]==]" for body in bodies)
    return (f"local bodies = {{\n{quoted}\n}}\nlocal i = 0\n"
            'local headers = {["Content-Type"] = "application/json"}\n'
            "request = function()\n  i = i % #bodies + 1\n"
            '  return wrk.format("POST", nil, headers, bodies[i])\nend\n')


def server_cpu(server) -> float:
    """CPU seconds used so far by the server and its worker processes (0 without psutil)."""
    try:
        import psutil
    except ImportError:
        return 0.0
    try:
        procs = [psutil.Process(server.pid)]
        procs += procs[0].children(recursive=True)
        return sum(sum(p.cpu_times()[:2]) for p in procs)
    except psutil.Error:
        return 0.0


def run_wrk_post(base: str, path: str, bodies: list[str], args, server=None) -> dict:
    """wrk whose requests are ``POST path`` of the JSON ``bodies`` in turn."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(post_script(bodies))
    command = ["wrk", f"-t{args.wrk_threads}", f"-c{args.connections}", f"-d{args.duration}s",
               "--latency", "-s", script.name, base + path]
    cpu = server_cpu(server) if server else 0.0
    try:
        done = subprocess.run(command, capture_output=True, text=True,
                              timeout=args.duration + 30)
    finally:
        os.unlink(script.name)
    cpu = server_cpu(server) - cpu if server else 0.0
    if done.returncode:
        raise SystemExit(f"wrk failed: {done.stderr or done.stdout}")
    out = done.stdout
    latency = {p: _ms(v) for p, v in re.findall(r"^\s+(50|90|99)%\s+(\S+)", out, re.M)}
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    count = int(re.search(r"(\d+) requests in", out).group(1))
    return {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
            "p50": latency.get("50"), "p99": latency.get("99"),
            "errors": int(errors.group(1)) if errors else 0,
            "cpu_ms": 1000 * cpu / count if count and cpu else None,
            "command": " ".join(command[:-3] + ["-s", "post.lua", command[-1]])}


#: Short names of the rows of :func:`body_sets`, and of the one-body row checked every time.
SHORT = {"check": "one body", "rotating": "50 bodies", "aligned": "50 bodies aligned first",
         "fresh": "one body checked every time"}
#: The row of the one body on a server that keeps no answer (web.cache.kept_answer).
FRESH = ("fresh", "`POST /api/check`, one body, no answer kept (`TERMALIGN_CHECK_ANSWERS=0`: "
         "checked at every request)")


def body_sets() -> list[tuple[str, str, list[str]]]:
    """The request bodies of each row: (key, label, bodies)."""
    return [
        ("check", "`POST /api/check`, one body (2 KB French + 2 KB English, one line a side)",
         [check_body()]),
        ("rotating", "`POST /api/check`, 50 bodies in turn (2 KB a side, one line a side)",
         rotating_bodies()),
        ("aligned", "`POST /api/check`, 50 bodies in turn (2 KB a side, a sentence a line, "
         "one English line left out: aligned first)", rotating_bodies(aligned=True)),
    ]


def measure_check(db: Path, workers: int, args, tree: Path | None = None,
                  only: str | None = None, env: dict | None = None) -> dict:
    """The ``POST /api/check`` rows (:func:`body_sets`; ``only``: that one) and the trivial
    ``GET /healthz``, alternately, on one fresh server; three short runs of each, the median
    rate kept. ``tree``: serve the code of that source tree instead (an earlier revision, on
    its own copy of ``db``); ``env``: environment variables of the server."""
    import statistics

    port = free_port()
    env = dict(env or {})
    if tree is not None:
        copy = db.with_name(f"before-{db.name}")
        shutil.copy(db, copy)
        db, env["PYTHONPATH"] = copy, str(tree)
    saved = {name: os.environ.get(name) for name in env}
    os.environ.update(env)
    try:
        server = start_server(db, port, args.server_threads, workers)
    finally:
        for name, value in saved.items():
            if value is None:
                del os.environ[name]
            else:
                os.environ[name] = value
    sets = [s for s in body_sets() if only is None or s[0] == only]
    try:
        base = f"http://127.0.0.1:{port}"
        for _key, _label, bodies in sets:  # warm up every process; every check must answer
            for body in bodies[:2 * workers] + bodies:
                request = urllib.request.Request(base + "/api/check", body.encode(),
                                                 {"Content-Type": "application/json"})
                urllib.request.urlopen(request, timeout=60).read()
        runs: dict[str, list[dict]] = {key: [] for key, _label, _bodies in sets}
        runs["trivial"] = []
        for _ in range(3):
            for key, _label, bodies in sets:
                runs[key].append(run_wrk_post(base, "/api/check", bodies, args, server))
            cpu = server_cpu(server)
            trivial = load([f"{base}/healthz"], args)
            cpu = server_cpu(server) - cpu
            count = trivial["rps"] * args.duration
            trivial["cpu_ms"] = 1000 * cpu / count if count and cpu else None
            runs["trivial"].append(trivial)
        return {key: {**min(values, key=lambda r: abs(r["rps"] - statistics.median(
            v["rps"] for v in values))), "errors": sum(v.get("errors", 0) for v in values)}
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
            fresh = measure_check(db, workers, args, only="check",
                                  env={"TERMALIGN_CHECK_ANSWERS": "0"})
            # (its ratio is to the trivial route of its own server)
            runs[workers][FRESH[0]] = dict(fresh["check"], trivial_rps=fresh["trivial"]["rps"])
    load_after = os.getloadavg()[0]
    labels = {key: label for key, label, _bodies in body_sets()}
    labels[FRESH[0]] = FRESH[1]
    labels["trivial"] = "trivial route `GET /healthz`"

    def cpu(r: dict) -> str:
        return f"{r['cpu_ms']:.2f}" if r.get("cpu_ms") else ""

    def ratio_of(r: dict, run: dict) -> float:
        return r["rps"] / r.get("trivial_rps", run["trivial"]["rps"])

    rows = []
    for workers, run in runs.items():
        for key, label in labels.items():
            r = run[key]
            ratio = ratio_of(r, run)
            rows.append([workers, label, f"{r['rps']:.0f}", r["p50"], r["p99"], r["errors"],
                         cpu(r), f"{ratio:.0%}" if key != "trivial" else ""])
            if workers in before and key in before[workers]:
                old = before[workers]
                r = old[key]
                rows.append([workers, f"before (`{args.before}`): {label}", f"{r['rps']:.0f}",
                             r["p50"], r["p99"], r["errors"], cpu(r),
                             f"{r['rps'] / old['trivial']['rps']:.0%}" if key != "trivial"
                             else ""])
    best = {key: max(ratio_of(run[key], run) for run in runs.values())
            for key in labels if key != "trivial"}
    body = "\n".join([
        f"Server: `termalign serve --threads {args.server_threads} --workers N` (waitress) on "
        f"127.0.0.1, serving {described}. Load: `{runs[args.workers[0]]['check']['command']}` "
        "(post.lua: `POST`s of one body, or of 50 distinct bodies in turn: windows of the UNPC "
        "devset, `seeds/unpc`) and the same wrk on `/healthz`, alternately, 3 runs of "
        f"{args.duration} s each, the median kept; server CPU per request (psutil: the server "
        "and its workers) over the same runs. The server keeps the answers to its last 16 "
        "bodies (`web.cache.kept_answer`): the one body is checked once, then answered from "
        "them; 50 bodies in turn are never among the last 16, so each is checked; the row "
        "\"no answer kept\" is the one body on a second server that keeps none (its ratio to "
        "that server's own trivial route). The machine is shared: load average "
        f"{load_before:.1f} before, {load_after:.1f} after.",
        "",
        table(["processes", "endpoint", "requests/s", "p50 ms", "p99 ms", "non-2xx",
               "server CPU ms/request", "check / trivial"], rows),
        "",
        "Target (issue 16): `/api/check` ≥ 30% of the trivial route; best: " + ", ".join(
            f"{SHORT[key]} {value:.0%}" for key, value in best.items())
        + f" (**{'met' if best['check'] >= 0.30 else 'NOT met'}** for the one body sent "
        "again, answered from the answers kept; checked every time: **"
        f"{'met' if best['fresh'] >= 0.30 else 'NOT met'}**).",
    ])
    body += "\n\n" + HISTORY.read_text(encoding="utf-8")
    print(body)
    if not args.no_write:
        write_section("web-check", "Web: /api/check against a trivial route (issue 16)", body)


if __name__ == "__main__":
    main_check()
