"""Termbase content (issue 11): term extraction, first answers on the gold lists, precision.

    python benchmarks/bench_terms.py --write [--method pos|ngram]
        extract the term links of the shipped UN pairs (seeds/unpc) and write
        seeds/terms/unpc_terms.tsv (the file the default build reads; reproducible);
    python benchmarks/bench_terms.py --repair-partial
        repair in seeds/terms/unpc_terms.tsv the links cut from a longer phrase to the whole
        phrase, or drop them (termbase.extract.partial, which --write applies too), and list
        the cut links and the repaired ones shipped as links of their own to judge by hand
        (tests/data/terms_precision_partial.tsv, terms_precision_repaired.tsv: censuses);
    python benchmarks/bench_terms.py --compare
        both French candidate methods (POS patterns with spaCy, C-value n-grams) on the
        gold lists, curated data on and off (dev = odd gold rows, held-out = even rows);
    python benchmarks/bench_terms.py
        first answers of the default build (the shipped link file), curated on and off;
    python benchmarks/bench_terms.py --sample 200 --seed 12
        write a random sample of extracted pairs to judge by hand
        (tests/data/terms_precision_sample.tsv, column ``right`` to fill: yes/no; the pairs
        of the dev sample judged while designing the filters are left out);
    python benchmarks/bench_terms.py --precision
        the share right of the judged sample.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import seeds  # noqa: E402
from benchmarks.bench_terms_before import results_at  # noqa: E402
from benchmarks.terms_precision import (  # noqa: E402
    BEFORE,
    BODIES_CENSUS,
    COMPOSED_CENSUS,
    COMPOSED_COLUMNS,
    CORPUS_TERM_SAMPLE,
    NAMES_CENSUS,
    NAMES_COLUMNS,
    ONCE_BEFORE,
    TAUGHT_BEFORE,
    precision,
    stratified_precision,
    write_new_sample,
    write_once_sample,
    write_partial_census,
    write_preposition_census,
    write_repaired_census,
    write_sample,
    write_taught_census,
)
from termalign.building import (  # noqa: E402
    CORPORA_TERMS,
    SHIPPED_TERMS,
    read_document,
    seed_aligned,
    seed_curated,
    seed_documents,
    shipped_concepts,
)
from termbase.build import build, term_concepts  # noqa: E402
from termbase.extract.association import link_terms  # noqa: E402
from termbase.extract.corpora import read_rows  # noqa: E402
from termbase.extract.evaluate import first_answers, gold_splits, read_gold  # noqa: E402
from termbase.extract.partial import cut, link_matcher, repaired_links  # noqa: E402
from termbase.extract.term_concepts import dump_links, load_links, usable  # noqa: E402
from termbase.extract.terms_fr import extract  # noqa: E402
from termbase.store import Termbase  # noqa: E402

DATA = ROOT / "tests" / "data"
GOLD = {"terms": DATA / "terms_gold.tsv", "names": DATA / "names_gold.tsv"}
#: Second development gold lists (every row dev, read freely), reported as the split "dev2".
GOLD_DEV2 = {"terms": DATA / "terms_gold_dev2.tsv", "names": DATA / "names_gold_dev2.tsv"}


def links_for(pairs, method: str):
    candidates = extract([p.fr for p in pairs], method)
    links = link_terms(candidates, [p.en for p in pairs], [len(p.fr) for p in pairs],
                       documents=[p.symbol or p.source for p in pairs], explain_rare=True,
                       explain_phrases=True)
    return repaired_links(links, [p.fr for p in pairs], [p.en for p in pairs])[0]


def repair_partial(pairs) -> None:
    """The shipped link file with the links cut from a longer phrase repaired or dropped;
    the censuses of the cut links and of the repaired ones shipped as links of their own
    (run on a link file written before the repair, e.g. ``git show
    24e479c:seeds/terms/unpc_terms.tsv``, or by --write: the same file)."""
    path = seeds.path(*SHIPPED_TERMS)
    links = load_links(path, pairs)
    match = link_matcher(links)
    kept, repaired, gone = repaired_links(links, [p.fr for p in pairs],
                                          [p.en for p in pairs], match)
    ids = {id(link) for link in kept}
    cut_ids = {id(link) for link, _ in repaired} | {id(link) for link in gone}
    dropped = [link for link in links if id(link) in cut_ids and usable(link)]
    own = [(link, new) for link, new in repaired if id(new) in ids and usable(new)]
    if dropped:
        cuts = []
        for link in dropped:
            ev = link.evidence[0]
            cuts.append(cut(pairs[ev.pair].fr, ev.fr, pairs[ev.pair].en, ev.en, match) or "-")
        write_partial_census(dropped, pairs, cuts)
        write_repaired_census(own, pairs)
    dump_links(kept, pairs, path)
    print(f"{len(repaired)} cut links repaired ({len(own)} shipped as links of their own), "
          f"{len(gone)} dropped, {len(kept)} links -> {path}")


def build_with(db: Path, concepts, curated: bool, pairs) -> float:
    documents = [read_document(p, "fr") for p in seed_documents()]
    start = time.perf_counter()
    build(db, documents=documents, aligned=pairs, curated=seed_curated() if curated else [],
          rebuild=True, term_pairs=[], extracted=concepts)
    return time.perf_counter() - start


def report(db: Path, label: str) -> dict:
    out = {}
    with Termbase.open(db) as tb:
        for name, path in GOLD.items():
            gold = read_gold(path, ("fr", "en", "from"))
            splits = {"all": gold, **gold_splits(gold)}
            if name in GOLD_DEV2:
                splits["dev2"] = read_gold(GOLD_DEV2[name], ("fr", "en", "from"))
            for split, rows in splits.items():
                a = first_answers(tb, rows)
                out[name, split] = a
                print(f"{label:28s} {name:5s} {split:8s} right {len(a.right):3d}/{a.total:3d} "
                      f"= {a.accuracy:6.1%}  wrong {len(a.wrong):2d}  French only "
                      f"{len(a.french_only):2d}  acronym only {len(a.acronym_only):2d}  "
                      f"no answer {len(a.none):2d}")
    return out


def evaluate(concepts, pairs, label: str, verbose: bool = False) -> dict:
    """Build with and without the curated data;
    ``{curated: (seconds, MB, answers, concepts)}``."""
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        for curated in (True, False):
            db = Path(tmp) / f"tb{curated}.sqlite3"
            seconds = build_with(db, concepts, curated, pairs)
            tag = f"{label}, curated {'on' if curated else 'off'}"
            size = db.stat().st_size / 1e6
            with Termbase.open(db) as tb:
                n_concepts = tb.count()
            print(f"{tag}: build {seconds:.1f} s, {size:.1f} MB, {n_concepts} concepts")
            result = report(db, tag)
            out[curated] = (seconds, size, result, n_concepts)
            if verbose:
                for name, split in result:  # dev rows only: held-out failures not looked at
                    if split in ("dev", "dev2"):
                        a = result[name, split]
                        for kind, rows in (("WRONG", a.wrong), ("FRONLY", a.french_only),
                                           ("ACRONLY", a.acronym_only), ("NONE ", a.none)):
                            for row in rows:
                                print("  ", kind, name, split, *row, sep=" | ")
    return out


#: The main commit this pass started from: its code and shipped evidence, built in a
#: subprocess from ``git archive`` (bench_terms_before), are the "before" of the report.
MAIN = "762680f"


def _cell(a) -> str:
    return f"{a.accuracy:.1%}"


def first_serve_seconds() -> float:
    """Wall time of the first ``termalign serve`` on a fresh machine: building the default
    termbase in a fresh process (imports included)."""
    import os
    import subprocess

    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "TERMALIGN_DB": str(Path(tmp) / "fresh.sqlite3")}
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "from termalign.defaults import "
                        "ensure_default_db; ensure_default_db()"], cwd=ROOT, env=env, check=True)
        return time.perf_counter() - start


def write_report(results: dict, n_before: int, n_after: int, precision_after: dict) -> None:
    """The BENCHMARKS.md section: before (link file of commit BEFORE) → after (the shipped
    link file), same code, same run; dev and held-out gold rows apart."""
    from benchmarks.report import table, write_section

    rows = []
    for curated in (True, False):
        for name in GOLD:
            b, a = results["before"][curated][2], results["after"][curated][2]
            rows.append([f"curated {'on' if curated else 'off'}", name,
                         f"{_cell(b[name, 'all'])} → **{_cell(a[name, 'all'])}**",
                         f"{_cell(b[name, 'dev'])} → {_cell(a[name, 'dev'])}",
                         f"{_cell(b[name, 'held-out'])} → **{_cell(a[name, 'held-out'])}**",
                         (f"{_cell(b[name, 'dev2'])} → {_cell(a[name, 'dev2'])}"
                          if (name, "dev2") in a else "–"),
                         f"{len(b[name, 'all'].wrong)} → {len(a[name, 'all'].wrong)}",
                         f"{len(b[name, 'all'].french_only)} → {len(a[name, 'all'].french_only)}",
                         f"{len(b[name, 'all'].acronym_only)} → {len(a[name, 'all'].acronym_only)}"])
    build_rows = [[label, n, f"{results[key][True][0]:.1f} s", f"{results[key][True][1]:.1f} MB"]
                  for key, label, n in (("before", f"main {MAIN}", n_before),
                                        ("after", "this tree", n_after))]
    p = precision_after
    judged_rows = read_gold(CORPUS_TERM_SAMPLE, ("right", "fr", "en", "corpus", "source",
                                                 "context_fr", "context_en"))
    right, judged = sum(r[0] == "yes" for r in judged_rows), len(judged_rows)
    n_corpus = len({(r["fr"], r["en"]) for r in read_rows(seeds.path(*CORPORA_TERMS))})
    census = read_gold(COMPOSED_CENSUS, COMPOSED_COLUMNS)
    composed_right, n_composed = sum(r[0] == "yes" for r in census), len(census)
    names = read_gold(NAMES_CENSUS, NAMES_COLUMNS)
    names_right, n_names = sum(r[0] == "yes" for r in names), len(names)
    bodies = read_gold(BODIES_CENSUS, COMPOSED_COLUMNS)
    bodies_right, n_bodies = sum(r[0] == "yes" for r in bodies), len(bodies)
    n_all = p["total"] + n_corpus + n_composed + n_names + n_bodies
    overall = (p["estimate"] * p["total"] + right / judged * n_corpus + composed_right
               + names_right + bodies_right) / n_all
    concepts = results["after"][True][3]
    history = (ROOT / "benchmarks" / "terms_history.md").read_text(encoding="utf-8")
    body = "\n".join([
        "First answers on the gold lists (`tests/data/terms_gold.tsv`, 103 key terms; "
        "`names_gold.tsv`, 65 names), made by reading, split before tuning: odd rows dev, "
        "even rows held-out; only dev-row failures were read (`-v`). One held-out row was "
        "seen in the 2026-12-04 terms4 pass, by the lead, before the repair of cut links was "
        "designed: *maintien de la paix et de la sécurité internationales* (no entry on "
        "main), found through the false warning the dropped cut link left in the checks; the "
        "repair was designed on that check gate and on the dev samples, and the held-out key "
        "terms gain of that pass (43 → 44 of 51) is that row. In the terms5n pass the "
        "held-out rows of `names_gold.tsv` (the gold, not the tool's answers) were listed "
        "once by mistake while the dev rows were read, before any change; the feminine forms "
        "of that pass were designed on dev2 (*Haute-Commissaire*), and a names *all* line "
        "printed while checking them showed one held-out name more. **dev2**: "
        "`terms_gold_dev2.tsv` (90 more key terms, pass terms5k) and `names_gold_dev2.tsv` "
        "(52 more names, pass terms5n), terms and names of the seeds that the first lists do "
        "not hold, made by reading and committed before any tool ran on them; every row is a "
        "development row (their failures were read). Before = main "
        f"{MAIN} (its code and shipped evidence, extracted by `git archive` and built in a "
        "subprocess of this bench, `bench_terms_before.py`), after = this tree; both built in "
        "this run with the seed documents and the 8,000 shipped pairs, on the same gold. A "
        "first answer is right when it is an answer of the lookup (an exact, "
        "accent-insensitive or acronym match, or, from this pass, the query in the other "
        "number, *déplacement forcé* for the entry *déplacements forcés*: then the gold "
        "English counts in either number) whose concept holds the gold English; prefix, "
        "words, infix and fuzzy results are no answer; a first answer whose English is only an acronym is counted "
        "apart (*English acronym only*), neither right nor wrong.",
        "",
        table(["build", "gold", "all", "dev", "held-out", "dev2", "wrong (all)",
               "French only", "English acronym only"], rows),
        "",
        "Build of the termbase (curated on), with the precomputed concepts:",
        "",
        table(["precomputed evidence", "concepts", "build", "size"], build_rows),
        "",
        f"The default termbase (curated on) holds **{concepts} concepts** after this pass.",
        "",
        f"First `termalign serve` on a fresh machine (the default termbase built in a fresh "
        f"process, `TERMALIGN_DB=new.sqlite3 python -c \"from termalign.defaults import "
        f"ensure_default_db; ensure_default_db()\"`): **{first_serve_seconds():.1f} s** "
        "(target < 60 s on 2 cores).",
        "",
        f"Extracted-pair precision, held-out, judged by reading: **{overall:.1%}** over "
        f"{n_all} pairs (92.3% over 7,044 at 37744a7): the UN term links {p['estimate']:.1%} "
        f"over {p['total']} (`--precision`, stratified: {p['estimate before drop']:.1%} over "
        f"{p['base'] + p['dropped'] - p['repaired']} links (24e479c's) before the "
        f"{p['dropped']} cut links "
        f"were taken out, {p['dropped right']} of them right by reading "
        f"(`terms_precision_partial.tsv`, a census), and their {p['repaired']} repairs of "
        f"their own put in, {p['repaired right']} of them right "
        f"(`terms_precision_repaired.tsv`, a census), then the {p['prep']} links new and "
        f"{p['prep gone']} gone with *à* (censuses, above); strata: "
        f"{p['base'] + p['dropped'] - p['repaired'] - p['once'] - p['taught']} links "
        f"of the link file of bea7557 at {p['before']:.1%} (samples "
        "`terms_precision_sample.tsv`, `terms_precision_rare.tsv`, "
        "`terms_precision_explained.tsv`); "
        f"{p['once']} added by an earlier pass at {p['once share']:.1%} "
        "(`terms_precision_once.tsv`); "
        f"{p['taught']} taught at {p['taught share']:.1%} (`terms_precision_taught.tsv`, a "
        f"census)), the {n_corpus} corpus key terms {right}/{judged} = {right / judged:.1%} "
        "(`terms_precision_corpora.tsv`), the "
        f"{n_composed} composed key terms {composed_right}/{n_composed} = "
        f"{composed_right / n_composed:.1%} (`terms_precision_composed.tsv`, a census; 42/45 "
        f"at 37744a7), the {n_names} acronym-spelt names {names_right}/{n_names} and "
        f"{n_bodies} names of bodies {bodies_right}/{n_bodies} (`terms_precision_names.tsv`, "
        "`terms_precision_bodies.tsv`: censuses).",
        "",
        "What this pass changes (on main 762680f). (1) **Lookup in the other number** "
        "(`termbase.inflection`, match `number`, an answer labelled *singular/plural of the "
        "query* in the text, the JSON and the web): singular and plural are one concept, but "
        "an entry holds the forms its sources wrote, so *déplacement forcé* found no entry "
        "for *déplacements forcés* / *forced displacement*; when the exact and prefix stage "
        "found no answer, the query is put in the other number (the French head noun group "
        "before the first preposition, the English head noun) and compared for equality "
        "with the stored forms, one indexed statement. Designed on dev2 (*déplacement "
        "forcé*, *processus politiques* for the entry *processus politique* / *political "
        "process*), dev and dev2 read before the held-out figures of this table were "
        "printed, once. (2) A term link with a date in it is not a term "
        "(`term_concepts.usable`, 762680f): 2 wrong links gone, no gold row changed. "
        "What the shipped data can answer at all: section *Termbase gold: what the shipped "
        "data can answer* (`benchmarks/terms_data_limit.py`). No curated row and no gold "
        "entry was added.",
        "",
        "Targets: key terms ≥ 90% first answer: **not met** on held-out (the table); the "
        "shipped pairs hold the French and the English of 48 of the 51 held-out rows (a "
        "ceiling from pairs of 94.1%, counted without reading the rows: "
        "`terms_data_limit.py`), so this target is not out of the data's reach, but the dev "
        "failures left are 4 rows whose English no pair writes beside the French "
        "(*principal organs*, *peace support operations*, *mediation support* only inside a "
        "name, *accords régionaux* / *regional agreements*) and 1 the association misses "
        "(*missions d'enquête* / *fact-finding missions*, 1 pair of 3). Names with curated "
        "data off ≥ 75%: **not met** on held-out; its ceiling from pairs is 71.9%: 9 of the "
        "11 held-out names missed have their English written nowhere in the shipped English "
        "or never beside their French in a pair (counts only), so pair evidence alone "
        "cannot reach the target. Zero wrong first answers: **not met**: the two wrong dev2 "
        "answers are links made in one pair (*solutions durables* / *sustainable "
        "solutions*, the other pair writes *durable solutions*; *responsabilité première* / "
        "*prime responsibility*) that no general signal tried separates from right links of "
        "the same shape (`terms_history.md`); the wrong held-out row was not read. "
        "Extracted-pair precision ≥ 90%: met. First `termalign serve` < 60 s: met.",
        "",
        history,
    ])
    write_section("terms-content", "Termbase content (issue 11): key terms and names, "
                  "before → after", body)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--method", choices=("pos", "ngram"), default="pos")
    parser.add_argument("--compare", action="store_true")
    parser.add_argument("--repair-partial", action="store_true",
                        help="repair (or drop) the shipped links cut from a longer phrase; "
                             "list them")
    parser.add_argument("--sample", type=int, default=0)
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--precision", action="store_true")
    parser.add_argument("--sample-new", type=int, default=0,
                        help=f"sample the links new since commit {BEFORE} to judge")
    parser.add_argument("--sample-once", type=int, default=0,
                        help=f"sample the links new since commit {ONCE_BEFORE} to judge")
    parser.add_argument("--census-taught", action="store_true",
                        help=f"list the links new since commit {TAUGHT_BEFORE} to judge")
    parser.add_argument("--census-preposition", action="store_true",
                        help="list the links changed by à read as a preposition to judge")
    parser.add_argument("--verbose", "-v", action="store_true",
                        help="list the failures of the dev gold rows")
    args = parser.parse_args()
    pairs = seed_aligned()
    if args.write:
        start = time.perf_counter()
        links = links_for(pairs, args.method)
        path = seeds.path(*SHIPPED_TERMS)
        path.parent.mkdir(exist_ok=True)
        dump_links(links, pairs, path)
        print(f"{len(links)} links ({args.method}) in {time.perf_counter() - start:.1f} s "
              f"-> {path}")
    elif args.repair_partial:
        repair_partial(pairs)
    elif args.compare:
        for method in ("pos", "ngram"):
            start = time.perf_counter()
            concepts = term_concepts(pairs, method)
            print(f"{method}: {len(concepts)} term concepts extracted in "
                  f"{time.perf_counter() - start:.1f} s")
            evaluate(concepts, pairs, method, args.verbose)
    elif args.sample:
        write_sample(pairs, args.sample, args.seed)
    elif args.sample_new:
        write_new_sample(pairs, args.sample_new, args.seed)
    elif args.sample_once:
        write_once_sample(pairs, args.sample_once, args.seed)
    elif args.census_taught:
        write_taught_census(pairs)
    elif args.census_preposition:
        write_preposition_census(pairs)
    elif args.precision:
        precision(pairs)
    else:
        before, n_before = results_at(MAIN, GOLD, GOLD_DEV2)
        after = shipped_concepts(pairs)
        results = {"before": before,
                   "after": evaluate(after, pairs, "this tree", args.verbose)}
        write_report(results, n_before, len(after), stratified_precision(pairs))


if __name__ == "__main__":
    main()
