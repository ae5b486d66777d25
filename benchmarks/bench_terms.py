"""Termbase content (issue 11): term extraction, first answers on the gold lists, precision.

    python benchmarks/bench_terms.py --write [--method pos|ngram]
        extract the term links of the shipped UN pairs (seeds/unpc) and write
        seeds/terms/unpc_terms.tsv (the file the default build reads; reproducible);
    python benchmarks/bench_terms.py --drop-partial
        drop from seeds/terms/unpc_terms.tsv the links cut from a longer phrase
        (termbase.extract.partial, which --write applies too) and list them to judge by hand
        (tests/data/terms_precision_partial.tsv, a census);
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
from termbase.extract.partial import cut, link_matcher, whole_links  # noqa: E402
from termbase.extract.term_concepts import dump_links, load_links, usable  # noqa: E402
from termbase.extract.terms_fr import extract  # noqa: E402
from termbase.store import Termbase  # noqa: E402

DATA = ROOT / "tests" / "data"
GOLD = {"terms": DATA / "terms_gold.tsv", "names": DATA / "names_gold.tsv"}


def links_for(pairs, method: str):
    candidates = extract([p.fr for p in pairs], method)
    links = link_terms(candidates, [p.en for p in pairs], [len(p.fr) for p in pairs],
                       documents=[p.symbol or p.source for p in pairs], explain_rare=True,
                       explain_phrases=True)
    return whole_links(links, [p.fr for p in pairs], [p.en for p in pairs])


def drop_partial(pairs) -> None:
    """The shipped link file without the links cut from a longer phrase; the census of
    those dropped (a link file written before the filter, or by --write: the same file)."""
    path = seeds.path(*SHIPPED_TERMS)
    links = load_links(path, pairs)
    match = link_matcher(links)
    kept = whole_links(links, [p.fr for p in pairs], [p.en for p in pairs], match)
    ids = {id(link) for link in kept}
    dropped = [link for link in links if id(link) not in ids and usable(link)]
    if dropped:
        cuts = []
        for link in dropped:
            ev = link.evidence[0]
            cuts.append(cut(pairs[ev.pair].fr, ev.fr, pairs[ev.pair].en, ev.en, match) or "-")
        write_partial_census(dropped, pairs, cuts)
    dump_links(kept, pairs, path)
    print(f"{len(links) - len(kept)} links dropped, {len(kept)} kept -> {path}")


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
            for split, rows in {"all": gold, **gold_splits(gold)}.items():
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
                for name in GOLD:  # dev rows only: held-out failures are not looked at
                    for row in result[name, "dev"].wrong:
                        print("   WRONG", name, *row, sep=" | ")
                    for row in result[name, "dev"].french_only:
                        print("   FRONLY", name, *row, sep=" | ")
                    for row in result[name, "dev"].acronym_only:
                        print("   ACRONLY", name, *row, sep=" | ")
                    for row in result[name, "dev"].none:
                        print("   NONE ", name, *row, sep=" | ")
    return out


#: The main commit this pass started from (its shipped evidence: everything but the
#: composed names of bodies and the acronym-spelt names).
MAIN = "7ddd2c3"


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
                         f"{len(b[name, 'all'].wrong)} → {len(a[name, 'all'].wrong)}",
                         f"{len(b[name, 'all'].french_only)} → {len(a[name, 'all'].french_only)}",
                         f"{len(b[name, 'all'].acronym_only)} → {len(a[name, 'all'].acronym_only)}"])
    build_rows = [[label, n, f"{results[key][True][0]:.1f} s", f"{results[key][True][1]:.1f} MB"]
                  for key, label, n in (("before", f"shipped evidence of {MAIN} (main)",
                                         n_before),
                                        ("after", "shipped evidence (this pass)", n_after))]
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
    body = "\n".join([
        "First answers on the gold lists (`tests/data/terms_gold.tsv`, 103 key terms; "
        "`names_gold.tsv`, 65 names), made by reading, split before tuning: odd rows dev, "
        "even rows held-out; only dev-row failures were read (`-v`). Before = the shipped "
        f"evidence of main ({MAIN}: UN link file, corpus names, corpus key terms, composed "
        "key terms), after = the same and this pass's composed names "
        "(`seeds/terms/composed_bodies.tsv`, `seeds/terms/composed_names.tsv`, "
        "`benchmarks/compose_write.py --write`); both built by the same code in this run with "
        "the seed documents and the 8,000 shipped pairs. A first answer is right when it is an "
        "exact or accent-insensitive match whose concept holds the gold English; a first "
        "answer whose English is only an acronym is counted apart (*English acronym only*), "
        "neither right nor wrong.",
        "",
        table(["build", "gold", "all", "dev", "held-out", "wrong", "French only",
               "English acronym only"], rows),
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
        f"{n_all} pairs: the UN term links {p['estimate']:.1%} over "
        f"{p['total']} (`--precision`, stratified: {p['total'] - p['once'] - p['taught']} links "
        f"of the link file of bea7557 at {p['before']:.1%} (samples "
        "`terms_precision_sample.tsv`, `terms_precision_rare.tsv`, "
        "`terms_precision_explained.tsv`); "
        f"{p['once']} added by an earlier pass at {p['once share']:.1%} "
        "(`terms_precision_once.tsv`); "
        f"{p['taught']} taught at {p['taught share']:.1%} (`terms_precision_taught.tsv`, a "
        f"census)), the {n_corpus} corpus key terms {right}/{judged} = {right / judged:.1%} "
        "(`terms_precision_corpora.tsv`), the "
        f"{n_composed} composed key terms {composed_right}/{n_composed} = "
        f"{composed_right / n_composed:.1%} (`terms_precision_composed.tsv`, a census), and "
        f"this pass's {n_names} acronym-spelt names {names_right}/{n_names} and {n_bodies} "
        f"names of bodies {bodies_right}/{n_bodies} (`terms_precision_names.tsv`, "
        "`terms_precision_bodies.tsv`: censuses, every row read once the rules below were "
        "fixed).",
        "",
        "What this pass adds (dev failures left by the previous pass: names whose English is "
        "written nowhere in the shipped English, so whole-phrase attestation cannot keep "
        "them). (1) **Acronym-spelt names** (`termbase.extract.compose_names`): a French "
        "name defined with an acronym in a seed document or in the French of the pairs, with "
        "no English full form in the shipped evidence, is composed word by word by the same "
        "structure rules as the key terms (`compose.compositions`, every partial phrase "
        "checked by the acronym letters instead of the text) and kept without attestation "
        "when the initials of its content words (the UN way: *of*, *the*, *and*, *for*, *on*, "
        "*in*, *to*, *at* give no letter unless the acronym needs it, ECOWAS; each part of a "
        "hyphenated word a letter) spell an English acronym of three letters or more that the "
        "pairs link to its French acronym (CEEAC → ECCAS) or write in a pair whose French "
        "holds the name or its acronym (*l'Organisation du Traité de sécurité collective* / "
        "*the CSTO*). Name rules: each word keeps the number of its likeliest rendering "
        "(*Fonds* → *Fund*, *paix* → *peace*); a place name before its head takes the "
        "adjective the English text writes (*États de l'Afrique centrale* → *Central "
        "African States*), never last; *X des Nations Unies pour Y* puts *United Nations* "
        "first (*United Nations Environment Programme*); a French word left as it is "
        "(*Croix*) is no rendering; among spellings the most attested word pairs and triples "
        "win. Checked where the answer is known (`python benchmarks/compose_write.py "
        "--check-names`: the 117 names defined with an acronym that the shipped evidence "
        "already gives an English full form, composed as if it did not): 14 compose, 12 of "
        "them right by reading (the script counts 13, as the shipped evidence also holds the "
        "wrong *Global Environment Fund* for *Facility*; the other one wrong is *United "
        "Nations Industry Development Organization*); 10 before *the* was put after a "
        "preposition where the English text writes the rest of the name only that way "
        "(*Organization for Prohibition of Chemical Weapons*, *International Conference on "
        "Great Lakes Region*). Entries: candidate, confidence 0.3, French and English full "
        "forms and acronyms, a note *composed from its words (...); its initials spell the "
        "English acronym X, written in ...*, evidence the French definition and the English "
        "sentence with the acronym highlighted; the build drops one whose French full form "
        "already has an English full form or whose English is curated. (2) **Names of bodies "
        "around an attested rest** (`termbase.extract.compose_bodies`): a French head noun "
        "whose linked names in the shipped evidence take one English form three times in "
        "four or more, over ten names or more (*Département de X* → *Department of X*, 12 of "
        "16; *Bureau* goes three ways and composes nothing), is composed as that form around "
        "the attested composition of the rest (twice or more, lower case for a lower-case "
        "rest): candidate, confidence 0.2, note *composed from a head noun and an attested "
        "rest*, evidence the French sentence and the English sentence of the rest. Dev gains "
        "(names, curated off): *Organisation du Traité de sécurité collective*, *Communauté "
        "économique des États de l'Afrique centrale* (was English acronym only), "
        "*Département des opérations de paix*. No curated row and no gold entry was added.",
        "",
        "Tried and not kept: the capitalised POS candidates of the seeds (names with no "
        "French acronym) as acronym-spelt names, spelt by the acronyms of the pairs that hold "
        "them: 1,482 names read, none composed beyond the four above (left out, 35 s of "
        "derivation for nothing); *United Nations* first (*X des Nations Unies* → *United "
        "Nations X*) in the attested composition of the key terms too: no composed pair "
        "changed; a truncation filter on the pair links (an English span shorter than the "
        "French that renders only its modifiers, by the word table or cognates, and not its "
        "head noun): on the dev precision samples it catches 6 links, all judged wrong "
        "(*mesures d'austérité* / *austerity*, *services de renseignements* / "
        "*intelligence*), but on the shipped link file it would drop 17 links of which 10 are "
        "right when read (*parties prenantes* / *stakeholders*, *lignes directrices* / "
        "*guidelines*, *espace aérien* / *airspace*: one English compound word renders the "
        "head too), so it is left out.",
        "",
        "Previous pass (708cf2c → 7ddd2c3, same gold): key terms composed word by word and "
        "attested twice as a whole in the shipped English UN text (`composed_terms.tsv`, "
        "54 pairs): dev terms 84.6% → 90.4%, held-out 82.4% → 84.3% (curated on), 78.4% → "
        "80.4% (off).",
        "",
        "Targets: key terms ≥ 90% first answer: **not met** (dev 90.4%, held-out below); the "
        "dev failures left have no English that the structure rules compose and the shipped "
        "English writes twice outside a name (*principal organs*, *peace support "
        "operations*, *fact-finding missions*; *mediation support* only inside a name) or "
        "another English in the pairs (*accords régionaux* / *regional agreements*). Names "
        "with curated data off ≥ 75%: met on dev, **not met** on held-out; the dev names "
        "missed have an irregular head (*Bureau de lutte contre le terrorisme*, "
        "*Commission interaméricaine des droits de l'homme*), a name that is no composition "
        "(*Groupe indépendant de haut niveau chargé d'étudier les opérations de paix*, "
        "HIPPO) or a French English (*Chef de Cabinet*). Zero wrong first answers: **not "
        "met**: the one wrong term is a held-out row (not read); this pass added no wrong "
        "first answer.",
    ])
    write_section("terms-content", "Termbase content (issue 11): key terms and names, "
                  "before → after", body)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--method", choices=("pos", "ngram"), default="pos")
    parser.add_argument("--compare", action="store_true")
    parser.add_argument("--drop-partial", action="store_true",
                        help="drop the shipped links cut from a longer phrase; list them")
    parser.add_argument("--sample", type=int, default=0)
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--precision", action="store_true")
    parser.add_argument("--sample-new", type=int, default=0,
                        help=f"sample the links new since commit {BEFORE} to judge")
    parser.add_argument("--sample-once", type=int, default=0,
                        help=f"sample the links new since commit {ONCE_BEFORE} to judge")
    parser.add_argument("--census-taught", action="store_true",
                        help=f"list the links new since commit {TAUGHT_BEFORE} to judge")
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
    elif args.drop_partial:
        drop_partial(pairs)
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
    elif args.precision:
        precision(pairs)
    else:
        before = shipped_concepts(pairs, names=False)
        after = shipped_concepts(pairs)
        results = {"before": evaluate(before, pairs, f"main {MAIN}"),
                   "after": evaluate(after, pairs, "shipped links", args.verbose)}
        write_report(results, len(before), len(after), stratified_precision(pairs))


if __name__ == "__main__":
    main()
