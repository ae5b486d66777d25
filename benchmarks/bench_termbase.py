"""Termbase benchmark: lookup latency (in process) and TBX export of 100,000 concepts.

Writes the "termbase" section of BENCHMARKS.md. Two termbases are measured:

- *seed-like*: the UNTERM country names shipped in ``seeds/unterm/`` (curated) plus a few
  official titles, about the size of the default termbase;
- *synthetic*: ``--concepts`` generated concepts (4 terms each, French and English full
  forms and acronyms built from UN-like vocabulary), to check scaling.

Baselines run in the same process on the same data: a plain ``LIKE '%...%'`` table scan for
infix search, and ``difflib.get_close_matches`` over all folded terms for fuzzy search.

    python benchmarks/bench_termbase.py [--concepts 100000] [--queries 300] [--no-write]

With ``--lookup-only`` it writes the "Lookup and search (issues 11, 15, 16)" section instead:
fuzzy top-20 recall and latency at ``--concepts`` against brute-force rapidfuzz over every
term in the same run, and the SQL statements each kind of lookup runs.
"""

from __future__ import annotations

import argparse
import csv
import difflib
import os
import random
import re
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.report import table, write_section  # noqa: E402
from termbase import tbx  # noqa: E402
from termbase.fold import fold_term  # noqa: E402
from termbase.model import Concept, Term  # noqa: E402
from termbase.store import Termbase  # noqa: E402

#: Each query is timed this many times and the best time kept.
REPEAT = 3
FR_HEADS = ["Commission", "Comité", "Conseil", "Bureau", "Organisation", "Agence", "Fonds",
            "Mission", "Office", "Groupe", "Institut", "Centre", "Programme", "Forum"]
EN_HEADS = ["Commission", "Committee", "Council", "Office", "Organization", "Agency", "Fund",
            "Mission", "Bureau", "Group", "Institute", "Centre", "Programme", "Forum"]
FR_TOPICS = ["sécurité collective", "développement durable", "coopération économique",
             "droits de l’homme", "désarmement nucléaire", "maintien de la paix",
             "réduction des risques", "protection de l’enfance", "statistiques régionales",
             "énergie atomique", "migrations internationales", "océans et droit de la mer",
             "établissements humains", "commerce et développement", "lutte antimines"]
EN_TOPICS = ["Collective Security", "Sustainable Development", "Economic Cooperation",
             "Human Rights", "Nuclear Disarmament", "Peacekeeping", "Risk Reduction",
             "Child Protection", "Regional Statistics", "Atomic Energy",
             "International Migration", "Oceans and the Law of the Sea", "Human Settlements",
             "Trade and Development", "Mine Action"]
PLACES = ["Afrique centrale", "Asie occidentale", "Amérique latine", "Europe orientale",
          "Pacifique", "Sahel", "Grands Lacs", "Caraïbes", "Corne de l’Afrique", "Balkans"]
EN_PLACES = ["Central Africa", "Western Asia", "Latin America", "Eastern Europe", "the Pacific",
             "the Sahel", "the Great Lakes", "the Caribbean", "the Horn of Africa",
             "the Balkans"]


def seed_like() -> list[Concept]:
    concepts = []
    path = ROOT / "seeds" / "unterm" / "unterm_countries_en_fr.tsv"
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            concepts.append(Concept(kind="country", curated=True, terms=[
                Term("fr", re.sub(r"\s*\([^)]*\)$", "", row["French short"]), "shortForm"),
                Term("fr", row["French formal"]), Term("en", row["English short"], "shortForm"),
                Term("en", row["English formal"])]))
    for fr, fr_a, en, en_a in [
        ("Organisation du Traité de sécurité collective", "OTSC",
         "Collective Security Treaty Organization", "CSTO"),
        ("Communauté économique des États de l’Afrique centrale", "CEEAC",
         "Economic Community of Central African States", "ECCAS"),
        ("Organisation de Shanghai pour la coopération", "OCS",
         "Shanghai Cooperation Organization", "SCO"),
        ("Communauté d’États indépendants", "CEI", "Commonwealth of Independent States", "CIS"),
    ]:
        concepts.append(Concept(kind="title", curated=True, terms=[
            Term("fr", fr), Term("fr", fr_a, "acronym"), Term("en", en),
            Term("en", en_a, "acronym")]))
    return concepts


def synthetic(n: int, rng: random.Random) -> list[Concept]:
    concepts = []
    for i in range(n):
        h, t, p = rng.randrange(len(FR_HEADS)), rng.randrange(len(FR_TOPICS)), rng.randrange(10)
        fr = f"{FR_HEADS[h]} {i} pour {FR_TOPICS[t]} en {PLACES[p]}"
        en = f"{EN_HEADS[h]} {i} for {EN_TOPICS[t]} in {EN_PLACES[p]}"
        acr = "".join(rng.choice("ABCDEFGHIJKLMNOPRSTUV") for _ in range(rng.randint(3, 6)))
        concepts.append(Concept(kind=rng.choice(["title", "term"]), curated=i % 3 == 0,
                                confidence=0.7, terms=[
                                    Term("fr", fr), Term("fr", acr + "F", "acronym"),
                                    Term("en", en), Term("en", acr + "E", "acronym")]))
    return concepts


def typo(text: str, rng: random.Random) -> str:
    """One typo (dropped or replaced letter) per 10 characters, at least one."""
    chars = list(text)
    for _ in range(max(1, len(text) // 10)):
        i = rng.randrange(1, len(chars) - 1)
        chars[i] = "" if rng.random() < 0.5 else rng.choice("aeiourst")
    return "".join(chars)


def _two_words(folded: str) -> str:
    """The last and the second word, in that order (the whole text when it is shorter)."""
    words = folded.split()
    return folded if len(words) < 3 else f"{words[-1]} {words[1]}"


def queries(concepts: list[Concept], n: int, rng: random.Random) -> dict[str, list]:
    """Queries of each kind, as (query, id of the concept it was made from) pairs.

    Concept ids are positions + 1: the benchmark termbases are built fresh, in list order.
    """
    picks = [rng.randrange(len(concepts)) for _ in range(n)]
    fulls = [next(t.text for t in concepts[i].terms if t.type != "acronym") for i in picks]
    acronyms = [next((t.text for t in concepts[i].terms if t.type == "acronym"),
                     concepts[i].terms[0].text) for i in picks]
    folded = [fold_term(f) for f in fulls]
    kinds = {
        "exact (accent/case-folded)": [f.upper().replace("É", "E") for f in fulls],
        "acronym": acronyms,
        "prefix": [f[: max(4, len(f) // 2)] for f in folded],
        # Two words out of order (the second and the last), and 12 characters from inside.
        "words": [_two_words(f) for f in folded],
        "infix": [f[3:15] for f in folded],
        "fuzzy (typos)": [typo(f, rng) for f in folded],
    }
    return {name: [(q, i + 1) for q, i in zip(items, picks, strict=True)]
            for name, items in kinds.items()}


def latency(tb: Termbase, qs: dict[str, list]) -> dict[str, tuple[float, float, float]]:
    """Median and p99 latency (ms) and the share of queries whose concept is in the top 20."""
    out = {}
    for name, items in qs.items():
        times, found = [], 0
        for q, expected in items:
            best = float("inf")
            for _ in range(REPEAT):  # best of REPEAT: the machine is shared and noisy
                start = time.perf_counter()
                results = tb.lookup(q, limit=20)
                best = min(best, (time.perf_counter() - start) * 1000)
            times.append(best)
            found += expected in {r.concept.id for r in results}
        times.sort()
        p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
        out[name] = (statistics.median(times), p99, found / len(items))
    return out


def baselines(tb: Termbase, qs: dict[str, list[str]], n_fuzzy: int) -> dict[str, float]:
    """Median ms of a LIKE scan (infix) and of difflib over every term (fuzzy)."""
    like = []
    for q, _ in qs["infix"][:50]:
        start = time.perf_counter()
        tb.conn.execute("SELECT concept_id FROM term WHERE folded LIKE ? LIMIT 80",
                        (f"%{q}%",)).fetchall()
        like.append((time.perf_counter() - start) * 1000)
    terms = [r[0] for r in tb.conn.execute("SELECT folded FROM term")]
    fuzzy = []
    for q, _ in qs["fuzzy (typos)"][:n_fuzzy]:
        start = time.perf_counter()
        difflib.get_close_matches(q, terms, n=20, cutoff=0.78)
        fuzzy.append((time.perf_counter() - start) * 1000)
    return {"infix": statistics.median(like), "fuzzy (typos)": statistics.median(fuzzy)}


def measure(label: str, concepts: list[Concept], args, rng, tmp: Path) -> tuple[list, dict]:
    path = tmp / f"{label}.sqlite3"
    start = time.perf_counter()
    with Termbase.open(path) as tb, tb.transaction():
        for c in concepts:
            tb.add_concept(c)
    build = time.perf_counter() - start
    with Termbase.open(path) as tb:
        qs = queries(concepts, args.queries, rng)
        lat = latency(tb, qs)
        base = baselines(tb, qs, 3 if len(concepts) > 10000 else 20)
        extra = {"build_s": build, "size_mb": path.stat().st_size / 1e6}
        if len(concepts) >= args.concepts:
            out = tmp / "export.tbx"
            rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            start = time.perf_counter()
            count = tbx.dump(tb.iter_concepts(), out, version=3)
            extra["export_s"] = time.perf_counter() - start
            extra["export_count"] = count
            extra["export_mb"] = out.stat().st_size / 1e6
            extra["export_rss_growth_mb"] = (
                resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss0) / 1024
            start = time.perf_counter()
            loaded = sum(1 for _ in tbx.iter_load(out))
            extra["parse_s"] = time.perf_counter() - start
            extra["parse_count"] = loaded
    rows = []
    for name, (p50, p99, hit) in lat.items():
        ratio = f"{base[name]:.1f} ms ({base[name] / p50:.1f}×)" if name in base else ""
        rows.append([f"{label}: {name}", f"{p50:.2f}", f"{p99:.2f}", f"{hit:.0%}", ratio])
    return rows, extra


def fuzzy_versus_brute_force(tb: Termbase, items: list) -> list[list]:
    """Top-20 recall and p50/p99 latency of our fuzzy lookups (first run, and best of
    REPEAT) and of rapidfuzz scoring every folded term (``process.extract``, Indel), in
    wall-clock ms and in CPU ms of this thread (less sensitive to a loaded machine)."""
    from rapidfuzz import process
    from rapidfuzz.distance import Indel

    rows = tb.conn.execute("SELECT concept_id, folded FROM term ORDER BY id").fetchall()
    owners, texts = [r[0] for r in rows], [r[1] for r in rows]

    def pct(times, q):
        times = sorted(times)
        return times[min(len(times) - 1, int(len(times) * q))]

    def summary(wall, cpu, found):
        return [f"{found / len(items):.1%}", f"{statistics.median(wall):.1f}",
                f"{pct(wall, 0.99):.1f}", f"{statistics.median(cpu):.1f}",
                f"{pct(cpu, 0.99):.1f}"]

    def timed(run):
        wall, cpu = time.perf_counter(), time.thread_time()
        out = run()
        return out, (time.perf_counter() - wall) * 1000, (time.thread_time() - cpu) * 1000

    first, best, first_cpu, best_cpu, found = [], [], [], [], 0
    for q, expected in items:
        runs = [timed(lambda q=q: tb.lookup(q, limit=20)) for _ in range(REPEAT)]
        first.append(runs[0][1])
        first_cpu.append(runs[0][2])
        best.append(min(r[1] for r in runs))
        best_cpu.append(min(r[2] for r in runs))
        found += expected in {r.concept.id for r in runs[0][0]}
    brute, brute_cpu, brute_found = [], [], 0
    for q, expected in items:
        top, wall, cpu = timed(lambda q=q: process.extract(
            q, texts, scorer=Indel.normalized_similarity, limit=20))
        brute.append(wall)
        brute_cpu.append(cpu)
        brute_found += expected in {owners[i] for _t, _s, i in top}
    ratio = statistics.median(brute) / statistics.median(first)
    return [["termalign lookup, first run", *summary(first, first_cpu, found), f"{ratio:.1f}×"],
            [f"termalign lookup, best of {REPEAT}", *summary(best, best_cpu, found), ""],
            [f"brute force: rapidfuzz over all {len(texts):,} terms",
             *summary(brute, brute_cpu, brute_found), "1×"]]


def statements_per_lookup(tb: Termbase, qs: dict[str, list]) -> list[list]:
    """Median number of SQL statements one lookup runs, per query kind (FTS5's own internal
    statements, which name the schema ``'main'.``, left out)."""
    out = []
    for name, items in qs.items():
        counts = []
        for q, _ in items[:50]:
            seen: list[str] = []
            tb.conn.set_trace_callback(lambda sql, seen=seen: "'main'." in sql or seen.append(sql))
            try:
                tb.lookup(q, limit=20)
            finally:
                tb.conn.set_trace_callback(None)
            counts.append(len(seen))
        out.append([name, statistics.median(counts), max(counts)])
    return out


def lookup_section(args, rng) -> str:
    with tempfile.TemporaryDirectory() as tmpdir:
        path = Path(tmpdir) / "synthetic.sqlite3"
        concepts = synthetic(args.concepts, rng)
        with Termbase.open(path) as tb, tb.transaction():
            for c in concepts:
                tb.add_concept(c)
        with Termbase.open(path) as tb:
            qs = queries(concepts, args.queries, rng)
            fuzzy_rows = fuzzy_versus_brute_force(tb, qs["fuzzy (typos)"])
            statements = statements_per_lookup(tb, qs)
    load = os.getloadavg()[0]
    return "\n".join([
        f"Fuzzy lookup at {args.concepts:,} synthetic concepts ({4 * args.concepts:,} terms; "
        "near-twin names that differ by a number, as in `bench_termbase`), "
        f"{args.queries} typo queries (one dropped or replaced letter per 10 characters). "
        "Recall: the concept the query was made from is among the 20 results. Target: "
        "recall ≥ 97% with p99 ≤ 30 ms. Both run in this process on the same termbase; "
        f"load average {load:.1f} on this shared machine.",
        "",
        table(["method", "top-20 recall", "p50 ms", "p99 ms", "CPU p50 ms", "CPU p99 ms",
               "speed vs brute force (p50)"], fuzzy_rows),
        "",
        "SQL statements per lookup (median and most over 50 queries of each kind; before this "
        "change an exact or acronym lookup ran 6: exact, prefix and word queries, then "
        "concepts, terms and evidence read apart; since the lookup in the other number, a "
        "lookup whose exact and prefix stage finds no answer runs one statement more, the "
        "query in the other number: the prefix, words, infix and fuzzy medians were 2, 3, 5 "
        "and 11 on 2026-12-02):",
        "",
        table(["query kind", "median", "max"], statements),
    ])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--concepts", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--no-write", action="store_true", help="print, do not write BENCHMARKS.md")
    parser.add_argument("--lookup-only", action="store_true",
                        help='write the "Lookup and search" section (fuzzy recall, statements)')
    args = parser.parse_args(argv)
    rng = random.Random(20261123)
    if args.lookup_only:
        text = lookup_section(args, rng)
        print(text)
        if not args.no_write:
            write_section("lookup-search", "Lookup and search (issues 11, 15, 16)", text)
        return
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        seed_concepts = seed_like()
        rows, seed_extra = measure("seed-like", seed_concepts, args, rng, tmp)
        rows2, syn = measure("synthetic", synthetic(args.concepts, rng), args, rng, tmp)
    body = [
        f"Lookup latency in process (`Termbase.lookup`, limit 20, {args.queries} queries per "
        f"kind, best of {REPEAT} runs per query, ms). Seed-like: {len(seed_concepts)} concepts (UNTERM countries + titles); "
        f"synthetic: {args.concepts:,} concepts, {4 * args.concepts:,} terms "
        f"(built in {syn['build_s']:.1f} s, {syn['size_mb']:.0f} MB). Target: p99 < 5 ms for "
        "exact, prefix and acronym; fuzzy is reported separately. The ratio compares the "
        "median with a baseline on the same data: `LIKE '%q%'` scan for infix, "
        "`difflib.get_close_matches` over all terms for fuzzy.",
        "",
        table(["termbase: query kind", "p50 ms", "p99 ms", "concept in top 20", "baseline p50 (ratio)"],
              rows + rows2),
        "",
        f"TBX v3 export of {syn.get('export_count', 0):,} concepts (streaming `etree.xmlfile`, "
        f"atomic write): **{syn.get('export_s', 0):.1f} s** (target < 30 s), "
        f"{syn.get('export_mb', 0):.0f} MB, peak RSS growth {syn.get('export_rss_growth_mb', 0):.0f} MB. "
        f"Streaming re-read (`tbx.iter_load`): {syn.get('parse_s', 0):.1f} s for "
        f"{syn.get('parse_count', 0):,} concepts.",
    ]
    text = "\n".join(body)
    print(text)
    if not args.no_write:
        write_section("termbase", "Termbase: lookup and TBX export", text)


if __name__ == "__main__":
    main()
