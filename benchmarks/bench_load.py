"""Load test: mixed lookups and checks on ``termalign serve`` at 32 connections for 60 s.

Starts ``termalign serve`` on a free loopback port and loads it with ``wrk`` and a Lua script
that mixes ``GET /api/lookup`` (real queries, and queries full of full-text-search syntax:
``"AND (``, ``NEAR(``, ``*``, a lone quote) with ``POST /api/check`` (French/English pairs
as JSON, some with markup and control characters). The server's resident memory (its process
and any children) is sampled every second. Acceptance: zero errors (non-2xx responses and
socket errors) and flat memory. Only 127.0.0.1 is ever contacted.

Writes the "load" section of BENCHMARKS.md.

    python benchmarks/bench_load.py [--db DB] [--duration 60] [--connections 32] [--no-write]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.bench_web import QUERIES, _ms, free_port, start_server, termbase_path  # noqa: E402
from benchmarks.report import table, write_section  # noqa: E402

#: Queries that must not be taken as full-text-search syntax.
HOSTILE_QUERIES = ['"AND (', "NEAR(", "*", "-", '"', "^", "OTSC*", "a OR b", "<script>"]
#: French/English pairs posted to /api/check.
CHECK_PAIRS = [
    [["Le Conseil de sécurité s'est réuni le 19 avril 2021.",
      "The Security Council met on 19 April 2021."]],
    [["L'Organisation du Traité de sécurité collective (OTSC) compte 6 membres.",
      "The Collective Security Treaty Organization (CSTO) has 7 members."]],
    [["La Côte d'Ivoire a versé 1 500 000 dollars.", "Ivory Coast paid $1.5 million."],
     ["Voir S/2021/297.", "See S/2021/279."]],
    [["<script>alert(1)</script> \u202e\u0000 OTSC", "<b>CSTO</b> \U0001f600"]],
]
#: One request in CHECK_EVERY is a check; the others are lookups.
CHECK_EVERY = 4


def lua_script(lookups: list[str], bodies: list[str]) -> str:
    """A wrk script rotating through lookups, with a check every CHECK_EVERY requests."""
    paths = ", ".join(f"[==[{p}]==]" for p in lookups)
    posts = ", ".join(f"[==[{b}]==]" for b in bodies)
    return (
        f"local paths = {{{paths}}}\nlocal bodies = {{{posts}}}\nlocal i = 0\n"
        'local headers = {["Content-Type"] = "application/json"}\n'
        "request = function()\n  i = i + 1\n"
        f"  if i % {CHECK_EVERY} == 0 then\n"
        f"    local body = bodies[math.floor(i / {CHECK_EVERY}) % #bodies + 1]\n"
        '    return wrk.format("POST", "/api/check", headers, body)\n  end\n'
        '  return wrk.format("GET", paths[i % #paths + 1])\nend\n'
    )


def rss_kib(pid: int) -> int:
    """Resident memory of ``pid`` and its children, in KiB (0 once it has gone)."""
    total = 0
    pids = [pid]
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        pids += [int(c) for c in children]
    except OSError:
        pass
    for one in pids:
        try:
            for line in Path(f"/proc/{one}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total


class Sampler(threading.Thread):
    """Samples the server's RSS once a second until stopped."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid = pid
        self.samples: list[int] = []
        self.halt = threading.Event()

    def run(self) -> None:
        while not self.halt.is_set():
            self.samples.append(rss_kib(self.pid))
            self.halt.wait(1.0)


def run_wrk(base: str, script: str, args) -> tuple[dict, str]:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
        handle.write(script)
    command = ["wrk", f"-t{args.wrk_threads}", f"-c{args.connections}", f"-d{args.duration}s",
               "--timeout", "10s", "--latency", "-s", handle.name, base + "/"]
    try:
        done = subprocess.run(command, capture_output=True, text=True,
                              timeout=args.duration + 60)
    finally:
        os.unlink(handle.name)
    if done.returncode:
        raise SystemExit(f"wrk failed: {done.stderr or done.stdout}")
    out = done.stdout
    total = re.search(r"(\d+) requests in", out)
    latency = {p: _ms(v) for p, v in re.findall(r"^\s+(50|90|99)%\s+(\S+)", out, re.M)}
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), "
                              r"timeout (\d+)", out)
    shown = " ".join(command[:-3] + ["-s", "mixed.lua", command[-1]])
    return {
        "requests": int(total.group(1)) if total else 0,
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": latency.get("50"), "p90": latency.get("90"), "p99": latency.get("99"),
        "non2xx": int(non2xx.group(1)) if non2xx else 0,
        "socket_errors": sum(int(x) for x in socket_errors.groups()) if socket_errors else 0,
    }, shown


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", help="termbase to serve (default: one built from the seeds)")
    parser.add_argument("--duration", type=int, default=60)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--wrk-threads", type=int, default=2)
    parser.add_argument("--server-threads", type=int, default=8)
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed (apt-get install -y wrk)")

    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        if args.db:
            db, described = termbase_path(args.db, Path(tmp))
        else:  # the termbase `termalign build` makes from the bundled seeds
            from termalign.building import build_from_seeds

            db = Path(tmp) / "seeds.sqlite3"
            report = build_from_seeds(db)
            described = (f"a termbase built from the seeds ({report.stats['concepts']} concepts, "
                         f"{report.stats['terms']} terms)")
        port = free_port()
        server = start_server(db, port, args.server_threads, 1)
        base = f"http://127.0.0.1:{port}"
        try:
            lookups = [f"/api/lookup?q={quote(q)}" for q in QUERIES + HOSTILE_QUERIES]
            bodies = [json.dumps({"pairs": pairs}, ensure_ascii=True) for pairs in CHECK_PAIRS]
            sampler = Sampler(server.pid)
            sampler.start()
            time.sleep(1.5)  # a first sample before the load
            result, shown = run_wrk(base, lua_script(lookups, bodies), args)
            time.sleep(1.5)
            sampler.halt.set()
            sampler.join()
        finally:
            server.terminate()
            server.wait(30)
    load_after = os.getloadavg()[0]

    mib = [s / 1024 for s in sampler.samples if s]
    third = max(1, len(mib) // 3)
    early, late = max(mib[third:2 * third] or mib), max(mib[-third:])
    errors = result["non2xx"] + result["socket_errors"]
    flat = late <= early * 1.10 + 5
    body = "\n".join([
        f"Server: `termalign serve --threads {args.server_threads}` (waitress, one process) on "
        f"127.0.0.1, serving {described}. Load: `{shown}`: a Lua script rotating through "
        f"{len(QUERIES)} real and {len(HOSTILE_QUERIES)} hostile lookups (`GET /api/lookup`), "
        f"one request in {CHECK_EVERY} a `POST /api/check` of 1–2 French/English pairs (JSON, "
        "one with markup and control characters). The server's RSS (process and children, "
        f"`/proc/PID/status`) sampled every second. Load average {load_before:.1f} before, "
        f"{load_after:.1f} after (the 2 cores are shared).",
        "",
        table(["requests", "requests/s", "p50 ms", "p90 ms", "p99 ms", "non-2xx",
               "socket errors"],
              [[result["requests"], f"{result['rps']:.0f}", result["p50"], result["p90"],
                result["p99"], result["non2xx"], result["socket_errors"]]]),
        "",
        table(["RSS start MiB", "RSS end MiB", "RSS max MiB", "max, middle third", "max, last third",
               "samples"],
              [[f"{mib[0]:.1f}", f"{mib[-1]:.1f}", f"{max(mib):.1f}", f"{early:.1f}",
                f"{late:.1f}", len(mib)]]),
        "",
        f"Errors: **{errors}** (target 0: **{'met' if errors == 0 else 'NOT met'}**). "
        f"Memory flat (last third within 10 % + 5 MiB of the middle third): "
        f"**{'yes' if flat else 'NO'}**.",
    ])
    print(body)
    if not args.no_write:
        write_section("load", "Load: mixed lookups and checks, 32 connections", body)
    if errors or not flat:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
