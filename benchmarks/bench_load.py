"""Load test: lookups, checks and authenticated edits on ``termalign serve`` at 32 connections
for 60 s, while a 40,000-concept TBX import runs on the same termbase.

Starts ``termalign serve`` (with an edit token) on a free loopback port and loads it with
``wrk`` and a Lua script that mixes ``GET /api/lookup`` (real queries, and queries full of
full-text-search syntax: ``"AND (``, ``NEAR(``, ``*``, a lone quote), ``POST /api/check``
(French/English pairs as JSON, some with markup and control characters) and, one request in
``--edit-every``, a logged-in ``POST /edit/<id>`` changing a concept's note. Two seconds in,
``termalign import`` of a generated 40,000-concept TBX file starts on the same termbase (in
its own process, as a terminologist would run it). The server's resident memory (its process
and any children) is sampled every second. Acceptance: zero errors (non-2xx/3xx responses
and socket errors), zero lost edits (every edit answered 302 is in the termbase's history),
and flat memory. Only 127.0.0.1 is ever contacted.

Writes the "load" section of BENCHMARKS.md.

    python benchmarks/bench_load.py [--db DB] [--duration 60] [--connections 32]
        [--edit-every 10] [--import-concepts 40000] [--no-write]
"""

from __future__ import annotations

import argparse
import http.cookiejar
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote, urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.bench_web import (  # noqa: E402
    QUERIES,
    _ms,
    free_port,
    launch_server,
    termbase_path,
)
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


def lua_script(lookups: list[str], bodies: list[str], edits: list[tuple[str, str]] = (),
               cookie: str = "", edit_every: int = 0) -> str:
    """A wrk script rotating through lookups, with a check every CHECK_EVERY requests and an
    edit (``(path, form body with NOTE where the note goes)``) every ``edit_every``; edits
    answered 302 are counted per thread and printed as ``EDITS_OK n`` when wrk is done."""
    paths = ", ".join(f"[==[{p}]==]" for p in lookups)
    posts = ", ".join(f"[==[{b}]==]" for b in bodies)
    edit_paths = ", ".join(f"[==[{p}]==]" for p, _ in edits)
    edit_forms = ", ".join(f"[==[{f}]==]" for _, f in edits)
    edit_branch = (
        f"  if i % {edit_every} == 0 then\n"
        "    sent = sent + 1\n"
        "    local k = math.floor(i / " + str(edit_every) + ") % #edit_paths + 1\n"
        '    local form = string.gsub(edit_forms[k], "NOTE", "load+edit+" .. id .. "-" .. sent)\n'
        '    return wrk.format("POST", edit_paths[k], form_headers, form)\n  end\n'
    ) if edits and edit_every else ""
    return (
        f"local paths = {{{paths}}}\nlocal bodies = {{{posts}}}\n"
        f"local edit_paths = {{{edit_paths}}}\nlocal edit_forms = {{{edit_forms}}}\n"
        "local i = 0\nsent = 0\nedits_ok = 0\nid = 0\nlocal threads = {}\nlocal counter = 0\n"
        'local headers = {["Content-Type"] = "application/json"}\n'
        'local form_headers = {["Content-Type"] = "application/x-www-form-urlencoded", '
        f'["Cookie"] = [==[{cookie}]==]}}\n'
        "setup = function(thread)\n  counter = counter + 1\n  thread:set('id', counter)\n"
        "  table.insert(threads, thread)\nend\n"
        "response = function(status, headers, body)\n"
        "  if status == 302 then edits_ok = edits_ok + 1 end\nend\n"
        "done = function(summary, latency, requests)\n  local total = 0\n"
        "  for _, t in ipairs(threads) do total = total + t:get('edits_ok') end\n"
        '  io.write("EDITS_OK " .. total .. "\\n")\nend\n'
        "request = function()\n  i = i + 1\n"
        + edit_branch +
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
               "--timeout", "30s", "--latency", "-s", handle.name, base + "/"]
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
    edits_ok = re.search(r"EDITS_OK (\d+)", out)
    return {
        "edits_ok": int(edits_ok.group(1)) if edits_ok else 0,
        "requests": int(total.group(1)) if total else 0,
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": latency.get("50"), "p90": latency.get("90"), "p99": latency.get("99"),
        "non2xx": int(non2xx.group(1)) if non2xx else 0,
        "socket_errors": sum(int(x) for x in socket_errors.groups()) if socket_errors else 0,
    }, shown


TOKEN = "bench-load-token"
EDITOR = "load-editor"


def start_edit_server(db: Path, port: int, threads: int) -> subprocess.Popen:
    """``termalign serve`` with an edit token (bench_web's servers are read-only)."""
    command = [str(Path(sys.executable).with_name("termalign")), "serve", "--host", "127.0.0.1",
               "--port", str(port), "--db", str(db), "--threads", str(threads)]
    return launch_server(command, port, {**os.environ, "TERMALIGN_EDIT_TOKEN": TOKEN}, 60)

def edit_requests(base: str, db: Path, count: int) -> tuple[str, list[tuple[str, str]]]:
    """Log in; the session cookie and, for ``count`` concepts, (path, form body with NOTE)."""
    from termbase.store import Termbase

    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar),
                                         _NoRedirect())

    def csrf(path: str) -> str:
        page = opener.open(base + path, timeout=30).read().decode()
        return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)

    form = urlencode({"csrf_token": csrf("/edit/login"), "name": EDITOR, "token": TOKEN})
    try:
        opener.open(base + "/edit/login", form.encode(), timeout=30)
    except urllib.error.HTTPError as exc:
        if exc.code != 302:
            raise SystemExit(f"login failed: {exc}") from None
    with Termbase.open(db) as tb:
        concepts = [c for _, c in zip(range(count), tb.iter_concepts(), strict=False)]
    token = csrf(f"/edit/{concepts[0].id}")
    cookie = "; ".join(f"{c.name}={c.value}" for c in jar)
    edits = []
    for concept in concepts:
        fields = {"csrf_token": token, "kind": concept.kind, "subject": concept.subject,
                  "term_count": str(len(concept.terms))}
        for n, term in enumerate(concept.terms):
            fields.update({f"term-{n}-id": term.id, f"term-{n}-text": term.text,
                           f"term-{n}-lang": term.lang, f"term-{n}-type": term.type,
                           f"term-{n}-status": term.status})
        edits.append((f"/edit/{concept.id}", urlencode(fields) + "&note=NOTE"))
    return cookie, edits


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def big_tbx(path: Path, count: int) -> Path:
    from termbase.model import Concept, Term
    from termbase.tbx import dump

    dump((Concept(kind="term", terms=[Term("fr", f"terme de charge numéro {n}"),
                                      Term("en", f"load test term number {n}")])
          for n in range(count)), path)
    return path


def edits_recorded(db: Path, since: str) -> tuple[int, int]:
    """(edits by the load's editor in the history, of them made while the import ran)."""
    from termbase.store import Termbase

    with Termbase.open(db) as tb:
        rows = tb.conn.execute("SELECT at FROM history WHERE who = ? AND at >= ?",
                               (EDITOR, since)).fetchall()
    return len(rows), rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", help="termbase to serve (default: one built from the seeds)")
    parser.add_argument("--duration", type=int, default=60)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--wrk-threads", type=int, default=2)
    parser.add_argument("--server-threads", type=int, default=8)
    parser.add_argument("--edit-every", type=int, default=10,
                        help="one request in N is an edit (0: no edits)")
    parser.add_argument("--import-concepts", type=int, default=40000,
                        help="size of the TBX imported during the load (0: no import)")
    parser.add_argument("--settle", type=int, default=30,
                        help="seconds of the same load once the import is done (0: none)")
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
        tbx = big_tbx(Path(tmp) / "import.tbx", args.import_concepts) if args.import_concepts \
            else None
        port = free_port()
        server = start_edit_server(db, port, args.server_threads)
        base = f"http://127.0.0.1:{port}"
        job = None
        try:
            lookups = [f"/api/lookup?q={quote(q)}" for q in QUERIES + HOSTILE_QUERIES]
            bodies = [json.dumps({"pairs": pairs}, ensure_ascii=True) for pairs in CHECK_PAIRS]
            cookie, edits = edit_requests(base, db, 20) if args.edit_every else ("", [])
            since = _now()
            sampler = Sampler(server.pid)
            sampler.start()
            time.sleep(1.5)  # a first sample before the load
            importer = threading.Timer(2.0, lambda: None)
            timing: dict = {}

            def start_import() -> None:
                nonlocal job
                timing["start"] = time.monotonic()
                timing["start_at"] = _now()
                job = subprocess.Popen([str(Path(sys.executable).with_name("termalign")),
                                        "import", str(tbx), "--db", str(db), "--json"],
                                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)

            if tbx is not None:
                importer = threading.Timer(2.0, start_import)
                importer.start()
            result, shown = run_wrk(base, lua_script(lookups, bodies, edits, cookie,
                                                     args.edit_every), args)
            importer.join()
            import_counts, import_seconds, import_during = {}, None, None
            if job is not None:
                running_at_end = job.poll() is None
                out, err = job.communicate(timeout=600)
                import_seconds = time.monotonic() - timing["start"]
                if job.returncode:
                    raise SystemExit(f"the import failed: {err.decode()}")
                import_counts = json.loads(out)
                import_during = running_at_end
            end_at = _now()
            settle = None
            if args.settle:  # the same load on the final termbase: is memory flat there?
                settle_args = argparse.Namespace(**{**vars(args), "duration": args.settle})
                sampler.mark = len(sampler.samples)
                settle, _ = run_wrk(base, lua_script(lookups, bodies, edits, cookie,
                                                     args.edit_every), settle_args)
            time.sleep(1.5)
            sampler.halt.set()
            sampler.join()
            recorded, rows = edits_recorded(db, since)
            during = sum(1 for (at,) in rows if timing.get("start_at", "~") <= at <= end_at)
        finally:
            if job is not None and job.poll() is None:
                job.kill()
            server.terminate()
            server.wait(30)
    load_after = os.getloadavg()[0]

    all_mib = [s / 1024 for s in sampler.samples if s]
    # Memory is judged on the settling run: during the import the termbase grows a
    # hundredfold, and with it what the server derives from it (the checker).
    mib = [s / 1024 for s in sampler.samples[getattr(sampler, "mark", 0):] if s] or all_mib
    third = max(1, len(mib) // 3)
    early, late = max(mib[third:2 * third] or mib), max(mib[-third:])
    runs = [result, *([settle] if settle else [])]
    errors = sum(r["non2xx"] + r["socket_errors"] for r in runs)
    acknowledged = sum(r["edits_ok"] for r in runs)
    # An edit answered 302 is committed; one whose answer wrk did not wait for (the run's end,
    # a timeout) may be committed too: the history holds at least the acknowledged edits.
    lost = max(0, acknowledged - recorded)
    unacknowledged = max(0, recorded - acknowledged)
    flat = late <= early * 1.10 + 5
    lines = [
        f"Server: `termalign serve --threads {args.server_threads}` (waitress, one process, edit "
        f"token set) on 127.0.0.1, serving {described}. Load: `{shown}`: a Lua script rotating "
        f"through {len(QUERIES)} real and {len(HOSTILE_QUERIES)} hostile lookups "
        f"(`GET /api/lookup`), one request in {CHECK_EVERY} a `POST /api/check` of 1–2 "
        "French/English pairs (JSON, one with markup and control characters)"
        + (f", one in {args.edit_every} a logged-in `POST /edit/<id>` (CSRF token, session "
           f"cookie) changing the note of one of {len(edits)} concepts" if edits else "")
        + "." + (f" Two seconds in, `termalign import` of a {args.import_concepts:,}-concept TBX "
                 "file (another process) starts on the same termbase." if tbx else "")
        + " The server's RSS (process and children, `/proc/PID/status`) sampled every second. "
        f"Load average {load_before:.1f} before, {load_after:.1f} after (the 2 cores are shared).",
        "",
        table(["run", "requests", "requests/s", "p50 ms", "p90 ms", "p99 ms", "non-2xx/3xx",
               "socket errors"],
              [[name, r["requests"], f"{r['rps']:.0f}", r["p50"], r["p90"], r["p99"],
                r["non2xx"], r["socket_errors"]]
               for name, r in zip([f"{args.duration} s, import starting 2 s in",
                                   f"{args.settle} s after the import (final termbase)"],
                                  runs, strict=False)]),
        "",
    ]
    if edits:
        lines += [table(["edits answered 302", "edits in the history", "lost",
                         "committed, answer not awaited (run's end or timeout)",
                         "edits made while the import ran"],
                        [[acknowledged, recorded, lost, unacknowledged, during]]), ""]
    if tbx is not None and edits:
        lines += ["Every edit changes the termbase, so the next check rebuilds the web's checker "
                  "from every concept (`web/cache.py` on this branch): on the final termbase this "
                  "rebuild dominates the latencies (issue 16's checker kept per data version "
                  "addresses it; it is not part of this branch).", ""]
    if tbx is not None:
        lines += [f"Import: {import_counts.get('added', 0):,} added, "
                  f"{import_counts.get('merged', 0)} merged, {import_counts.get('skipped', 0)} "
                  f"skipped in {import_seconds:.1f} s (still running when the load ended: "
                  f"{'yes' if import_during else 'no'}).", ""]
    lines += [
        f"RSS over the whole run: {all_mib[0]:.1f} MiB at the start, {max(all_mib):.1f} MiB at "
        f"most (the termbase grew from {described.split('(')[-1].split(' ')[0]} to "
        f"{int(described.split('(')[-1].split(' ')[0]) + import_counts.get('added', 0):,} "
        "concepts). During the settling run on the final termbase:" if tbx else
        "RSS during the run:",
        "",
        table(["RSS start MiB", "RSS end MiB", "RSS max MiB", "max, middle third", "max, last third",
               "samples"],
              [[f"{mib[0]:.1f}", f"{mib[-1]:.1f}", f"{max(mib):.1f}", f"{early:.1f}",
                f"{late:.1f}", len(mib)]]),
        "",
        f"Errors: **{errors}** (target 0: **{'met' if errors == 0 else 'NOT met'}**). "
        + (f"Lost edits: **{lost}** (target 0: **{'met' if lost == 0 else 'NOT met'}**). "
           if edits else "")
        + "Memory flat (last third within 10 % + 5 MiB of the middle third): "
        f"**{'yes' if flat else 'NO'}**.",
    ]
    body = "\n".join(lines)
    print(body)
    if not args.no_write:
        write_section("load", "Reliability (issue 17): load with edits during a 40,000-concept "
                      "import", body)
    if errors or lost or not flat:
        raise SystemExit(1)


def _now() -> str:
    import datetime as dt

    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


if __name__ == "__main__":
    main()
