"""The checker's modules compiled with mypyc and with Cython, against pure Python (issue 16).

    python benchmarks/bench_compiled.py --compilers PYTHON [--rounds 5] [--passes 15]

Issue 16's ``POST /api/check`` target (30% of a trivial route for texts that are checked)
needs the check of a 2 KB pair about 3.4 times faster; the question measured here is whether
compiling the hot pure-Python modules of ``checks/`` gets there. mypy (mypyc) and Cython are
not termalign dependencies: ``--compilers`` is the Python of another environment, of the same
Python version, that has both (``python3 -m venv /tmp/compilers && /tmp/compilers/bin/pip
install mypy cython``). Each flavour is built in its own copy of this tree (``git archive
HEAD``), with its own copy of a termbase built from the seeds (the on-disk checker of one
flavour is not read by another: see the prose), then checked in fresh processes in turn:
the 50 distinct 2 KB bodies of ``bench_web_check.py``, ``Checker.check`` + ``to_dict``, best
CPU time of ``--passes`` passes. Every flavour's reports (those bodies and shorter windows,
both directions, messages in both languages, as a document and as isolated pairs) are
compared with pure Python's.

mypyc compiles only code that type-checks, and checks the annotations at run time:
``benchmarks/compiled_mypyc.patch`` is what it took (annotations the code does not keep,
``# type: ignore`` where mypy cannot narrow an Optional, and ``names.Context.checker`` as
``Any``: a field typed with a class of a module in an import cycle crashes the compiled
import). Cython compiles the sources as they are (``annotation_typing=False``).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

#: The modules of ``checks/`` that ``Checker.check`` runs (the others read files, write
#: reports or build glossaries).
HOT = ("checker", "clock", "consistency", "countries", "cues", "designations", "figures",
       "forms", "fuzzy", "keying", "matcher", "model", "names", "numwords", "quantities",
       "romans", "style", "tokens", "traces")
PATCH = ROOT / "benchmarks" / "compiled_mypyc.patch"
_CYTHON_SETUP = """
import sys
from Cython.Build import cythonize
from setuptools import setup
setup(ext_modules=cythonize(sys.argv[1:], language_level=3,
      compiler_directives={"annotation_typing": False, "binding": True}),
      script_args=["build_ext", "--inplace"])
"""


def reports_digest(checker) -> tuple[int, int, str]:
    """(reports, issues, digest) of every report of the bodies both ways, both languages,
    as one pair and as a document of sentence pairs (in document and isolated)."""
    from benchmarks.bench_web_check import check_body, rotating_bodies
    from checks.model import Segment

    bodies = [json.loads(b) for b in rotating_bodies() + [check_body()]
              + rotating_bodies(25, 600)]
    out = []
    for body in bodies:
        fr, en = body["fr"], body["en"]
        for source in ("fr", "en"):
            for lang in ("en", "fr"):
                out.append(checker.check([Segment(1, fr, en)], source=source, lang=lang))
        pairs = list(zip(fr.split(". "), en.split(". "), strict=False))
        segments = [Segment(n, f, e) for n, (f, e) in enumerate(pairs, 1)]
        out += [checker.check(segments), checker.check(segments, isolated=True)]
    text = json.dumps([r.to_dict() for r in out], sort_keys=True)
    issues = sum(len(r.issues) for r in out)
    return len(out), issues, hashlib.sha256(text.encode()).hexdigest()


def worker(db: str, passes: int, digest: bool) -> dict:
    """In the tree on ``sys.path``: ms a pair (best of ``passes``) and, with ``digest``,
    :func:`reports_digest`."""
    from benchmarks.bench_web_check import rotating_bodies
    from checks import tokens
    from checks.cache import load_checker
    from checks.model import Segment

    checker = load_checker(db)
    segments = [[Segment(1, b["fr"], b["en"])] for b in map(json.loads, rotating_bodies())]

    def once() -> None:
        for s in segments:
            checker.check(s).to_dict()

    once()
    best = float("inf")
    for _ in range(passes):
        started = time.process_time()
        once()
        best = min(best, time.process_time() - started)
    result = {"ms": 1000 * best / len(segments), "compiled": not tokens.__file__.endswith(".py")}
    # the rest of a request's own work on the same bodies: parsing the JSON body, encoding
    # the answer as Flask's jsonify does (sorted keys, ASCII, compact)
    texts = rotating_bodies()
    answers = [checker.check(s).to_dict() for s in segments]
    for name, work in (("parse_ms", lambda: [json.loads(t) for t in texts]),
                       ("encode_ms", lambda: [json.dumps(a, sort_keys=True, separators=(",", ":"))
                                              for a in answers])):
        best = float("inf")
        for _ in range(max(passes, 1)):
            started = time.process_time()
            work()
            best = min(best, time.process_time() - started)
        result[name] = 1000 * best / len(texts)
    if digest:
        result["reports"], result["issues"], result["digest"] = reports_digest(checker)
    return result


def run_worker(tree: Path, db: Path, passes: int, digest: bool = False) -> dict:
    command = [sys.executable, str(tree / "benchmarks" / "bench_compiled.py"), "--worker",
               str(db), "--passes", str(passes)] + (["--digest"] if digest else [])
    done = subprocess.run(command, capture_output=True, text=True, cwd=tree, check=False,
                          env={**os.environ, "PYTHONPATH": str(tree)})
    if done.returncode:
        raise SystemExit(f"worker in {tree} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def extract(tree: Path) -> None:
    """This repository's HEAD into ``tree``, with this script as it is now."""
    tree.mkdir(parents=True)
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", "HEAD"], capture_output=True,
                             check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
    shutil.copy(Path(__file__), tree / "benchmarks" / "bench_compiled.py")


def build(flavour: str, tree: Path, compilers: str) -> tuple[float, str]:
    """Compile the :data:`HOT` modules of ``tree``; (wall seconds, compiler version)."""
    modules = [f"checks/{name}.py" for name in HOT]
    started = time.perf_counter()
    if flavour == "mypyc":
        subprocess.run(["git", "apply", "-p1", str(PATCH)], cwd=tree, check=True)
        command = [compilers, "-m", "mypyc", "--follow-imports=silent",
                   "--ignore-missing-imports", *modules]
        version = [compilers, "-m", "mypy", "--version"]
    else:
        command = [compilers, "-c", _CYTHON_SETUP, *modules]
        version = [compilers, "-c", "import Cython; print('Cython', Cython.__version__)"]
    done = subprocess.run(command, cwd=tree, capture_output=True, text=True, check=False)
    if done.returncode:
        raise SystemExit(f"{flavour} build failed:\n{(done.stdout + done.stderr)[-3000:]}")
    seconds = time.perf_counter() - started
    named = subprocess.run(version, capture_output=True, text=True, check=True).stdout.strip()
    return seconds, named


#: C symbols of a perf profile by what they do (the first that matches).
SHARES = {
    "interpreter": r"EvalFrame|_PyFrame|initialize_locals|[Vv]ectorcall|_PyEval|PyFunction_New|"
                   r"MakeTpCall|_PyType_Lookup|GetAttr|GetMethod|IsTrue|RichCompare|"
                   r"long_richcompare|_Py_NewReference|func_dealloc|func_clear|PyErr_Occurred|"
                   r"long_add|PyNumber|PyLong_|PyType_IsSubtype|PyBool|CPy|__pyx|cfunction|"
                   r"_Py_CheckFunctionResult|PyThreadState_Get|vgetargs",
    "re": r"sre",
    "allocation": r"[Mm]alloc|[Ff]ree|dealloc|_Dealloc|_int_|unlink_chunk|gc_|GC_|IS_GC|visit_|"
                  r"tuple_alloc|PyTuple_|PyList_New|list_resize|Realloc|PyUnicode_New|"
                  r"subtype_|GenericAlloc|_PyTrash|PySlice_New",
    "dict and set": r"dict|Dict|unicodekeys|set_|siphash|lookdict|lru_cache|Hash",
    "pyahocorasick": r"automaton|ahocorasick",
    "str methods": r"[Uu]nicode|memmove|memcmp|memset|_copy_characters|find|fastsearch|"
                   r"ToDecimal|IsAlpha|ToLower|ToDigit|split|join|str_",
    "iteration builtins": r"iter|map_next|zip|accumulate|sorted|list_|PyList|array|II_get|"
                          r"builtin|compress|PyObject_Size|PySequence|GetItem",
}


def profile_shares(tree: Path, db: Path, passes: int) -> dict[str, float] | None:
    """The share of each :data:`SHARES` kind in a perf profile of the worker of ``tree``
    (the check loop; its set-up is profiled too, a few percent); None without perf."""
    import re

    if not shutil.which("perf"):
        return None
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "perf.data"
        command = ["perf", "record", "-q", "-e", "cpu-clock", "-F", "2000", "-o", str(data),
                   sys.executable, str(tree / "benchmarks" / "bench_compiled.py"), "--worker",
                   str(db), "--passes", str(passes)]
        env = {**os.environ, "PYTHONPATH": str(tree)}
        if subprocess.run(command, cwd=tree, env=env, capture_output=True).returncode:
            return None
        report = subprocess.run(["perf", "report", "-i", str(data), "--no-children",
                                 "--sort", "sym", "--stdio"], capture_output=True, text=True)
    shares = dict.fromkeys([*SHARES, "other"], 0.0)
    for share, symbol in re.findall(r"^\s*([\d.]+)%\s+\[.\]\s+(\S+)", report.stdout, re.M):
        kind = next((k for k, rx in SHARES.items() if re.search(rx, symbol)), "other")
        shares[kind] += float(share)
    return shares


def why(profiles: dict[str, dict[str, float] | None]) -> str:
    """The prose of the perf profiles (:func:`profile_shares`)."""
    pure, mypyc = profiles["pure"], profiles["mypyc"]
    if pure is None or mypyc is None:
        return "Where the time goes: not measured (perf is not installed)."
    kinds = ", ".join(f"{kind} {share:.0f}%" for kind, share in
                      sorted(pure.items(), key=lambda kv: -kv[1]) if kind != "interpreter")
    return (
        "Where the time goes (`perf record -e cpu-clock` of each worker, by C symbol): in the "
        f"pure tree the interpreter itself (evaluation loop, frames, calls, attribute and "
        f"number protocols) is {pure['interpreter']:.0f}% of the CPU; the rest is C "
        "already (the words, spans, keys and hits made and freed, the word → code caches "
        f"and the designations of the hits, the patterns): {kinds}. A compiler of Python "
        "removes a part of the first share only: in mypyc's build the interpreter is "
        f"{mypyc['interpreter']:.0f}% and allocation {mypyc['allocation']:.0f}% (pure: "
        f"{pure['allocation']:.0f}%): its native values are boxed back into objects at every "
        "call into `re`, `dict`, `array` and the automaton. Even a perfect compiler is "
        f"bounded near {100 / (100 - pure['interpreter']):.2f}× on this code; issue 16's "
        "3.4× needs less work done, not the same work compiled.")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--compilers", help="a Python with mypy and Cython installed")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--passes", type=int, default=15)
    parser.add_argument("--no-write", action="store_true", help="print only")
    parser.add_argument("--worker", metavar="DB", help=argparse.SUPPRESS)
    parser.add_argument("--digest", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker, args.passes, args.digest)))
        return
    if not args.compilers:
        parser.error("--compilers PYTHON is required (a Python with mypy and Cython)")
    from benchmarks.report import table, write_section
    from termalign.building import build_from_seeds

    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        seeds = base / "seeds.sqlite3"
        stats = build_from_seeds(seeds).stats
        trees, dbs, built = {}, {}, {}
        for flavour in ("pure", "mypyc", "cython"):
            trees[flavour] = base / flavour
            extract(trees[flavour])
            dbs[flavour] = base / f"db-{flavour}" / "seeds.sqlite3"
            dbs[flavour].parent.mkdir()
            shutil.copy(seeds, dbs[flavour])
            if flavour != "pure":
                built[flavour] = build(flavour, trees[flavour], args.compilers)
        checked = {f: run_worker(trees[f], dbs[f], 0, digest=True) for f in trees}
        times: dict[str, list[float]] = {f: [] for f in trees}
        rest = []  # the pure tree's parse and encode times
        for _ in range(args.rounds):
            for flavour in trees:
                measured = run_worker(trees[flavour], dbs[flavour], args.passes)
                times[flavour].append(measured["ms"])
                if flavour == "pure":
                    rest.append(measured)
        # the pure tree reading the checker the mypyc tree saved (see the prose)
        crossed = run_worker(trees["pure"], dbs["mypyc"], 0, digest=True)
        profiles = {f: profile_shares(trees[f], dbs[f], 4 * args.passes)
                    for f in ("pure", "mypyc")}
    pure = checked["pure"]
    rows = []
    for flavour in trees:
        best, median = min(times[flavour]), statistics.median(times[flavour])
        seconds, version = built.get(flavour, (0.0, f"CPython {sys.version.split()[0]}"))
        same = ("(reference)" if flavour == "pure" else
                "identical" if checked[flavour]["digest"] == pure["digest"] else "DIFFERENT")
        rows.append([flavour, version, "" if flavour == "pure" else f"{len(HOT)}",
                     f"{seconds:.0f}" if seconds else "", f"{best:.3f}", f"{median:.3f}",
                     f"{min(times['pure']) / best:.2f}×", same])
    speedups = {f: min(times["pure"]) / min(times[f]) for f in built}
    request = min(rest, key=lambda r: r["parse_ms"] + r["encode_ms"])
    body = "\n".join([
        "The compilers are not termalign dependencies: `--compilers` is the Python of a "
        "separate environment (`python3 -m venv /tmp/compilers && /tmp/compilers/bin/pip "
        "install mypy cython`). "
        f"Termbase: built from the seeds ({stats['concepts']} concepts, {stats['terms']} "
        f"terms), one copy per flavour. Each figure: `Checker.check` + `to_dict` of the 50 "
        f"distinct 2 KB bodies of `bench_web_check.py` (one pair each), CPU time, best of "
        f"{args.passes} passes in one process; {args.rounds} rounds of fresh processes, the "
        "flavours in turn. Reports compared: "
        f"{pure['reports']} reports ({pure['issues']} issues) of those bodies and 25 shorter "
        "windows, both directions, messages in both languages, one pair and as a document "
        "(in order and isolated).",
        "",
        table(["flavour", "compiler", "modules compiled", "build s", "ms a pair (best)",
               "ms a pair (median of rounds)", "speed-up (best)", "reports"], rows),
        "",
        f"Best speed-up: mypyc {speedups['mypyc']:.2f}×, Cython {speedups['cython']:.2f}×; "
        "the brief's bar for going on with a compiled build: about 1.8× on the check "
        f"(**{'reached' if max(speedups.values()) >= 1.8 else 'not reached'}**); issue 16's "
        "web target needs about 3.4×. The other work of a request on the same bodies, "
        f"in the pure tree: parsing the JSON body {request['parse_ms']:.3f} ms, encoding the "
        f"answer as `jsonify` does {request['encode_ms']:.3f} ms a request (best of the "
        "rounds): no lever there either.",
        "",
        why(profiles),
        "",
        "A compiled build is also a new way for the on-disk checker to go wrong: the pure "
        "tree reading the checker pickle the mypyc tree wrote (same termbase version, same "
        f"`checks.cache.FORMAT`) gives {crossed['issues']} issues where its own gives "
        f"{pure['issues']} "
        f"({'identical' if crossed['digest'] == pure['digest'] else 'DIFFERENT'}), with no "
        "error: mypyc pickles a native class's attributes as a dict, and the pure frozen "
        "slotted dataclass `Rated` zips its fields with that dict's keys (every concept's "
        "kind becomes the string `kind`). A kept compiled build would need the flavour in "
        "the cache's key.",
        "",
        "Not kept: nothing of this is in termalign (no build step, no compiled module).",
    ])
    print(body)
    if not args.no_write:
        write_section("checks-compiled",
                      "Checks compiled with mypyc and Cython, against pure Python (issue 16)",
                      body)


if __name__ == "__main__":
    main()
