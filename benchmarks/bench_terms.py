"""Termbase content (issue 11): term extraction, first answers on the gold lists, precision.

    python benchmarks/bench_terms.py --write [--method pos|ngram]
        extract the term links of the shipped UN pairs (seeds/unpc) and write
        seeds/terms/unpc_terms.tsv (the file the default build reads; reproducible);
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
    BASELINE,
    BEFORE,
    CORPUS_TERM_SAMPLE,
    ONCE_BEFORE,
    TAUGHT_BEFORE,
    precision,
    stratified_precision,
    write_new_sample,
    write_once_sample,
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
from termbase.extract.term_concepts import dump_links, link_concept, load_links, usable  # noqa: E402
from termbase.extract.terms_fr import extract  # noqa: E402
from termbase.store import Termbase  # noqa: E402

DATA = ROOT / "tests" / "data"
GOLD = {"terms": DATA / "terms_gold.tsv", "names": DATA / "names_gold.tsv"}


def links_for(pairs, method: str):
    candidates = extract([p.fr for p in pairs], method)
    return link_terms(candidates, [p.en for p in pairs], [len(p.fr) for p in pairs],
                      documents=[p.symbol or p.source for p in pairs], explain_rare=True,
                      explain_phrases=True)


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


def baseline_concepts(pairs) -> list:
    """What a build of commit BASELINE (main) got precomputed: its link file's term concepts,
    its corpus names and its corpus key terms."""
    import subprocess

    from termbase.extract.corpora import load_name_concepts

    out = []
    with tempfile.TemporaryDirectory() as tmp:
        for name in ("unpc_terms.tsv", "corpora_names.tsv", "corpora_terms.tsv"):
            text = subprocess.run(["git", "show", f"{BASELINE}:seeds/terms/{name}"], cwd=ROOT,
                                  capture_output=True, text=True, check=True).stdout
            path = Path(tmp) / name
            path.write_text(text, encoding="utf-8")
            if name == "unpc_terms.tsv":
                out += [link_concept(link, pairs) for link in load_links(path, pairs)
                        if usable(link)]
            else:
                out += load_name_concepts(path)
    return out


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
                  for key, label, n in (("before", f"shipped evidence of {BASELINE} (main)",
                                         n_before),
                                        ("after", "shipped evidence (this pass)", n_after))]
    p = precision_after
    judged_rows = read_gold(CORPUS_TERM_SAMPLE, ("right", "fr", "en", "corpus", "source",
                                                 "context_fr", "context_en"))
    right, judged = sum(r[0] == "yes" for r in judged_rows), len(judged_rows)
    n_corpus = len({(r["fr"], r["en"]) for r in read_rows(seeds.path(*CORPORA_TERMS))})
    overall = (p["estimate"] * p["total"] + right / judged * n_corpus) / (p["total"] + n_corpus)
    concepts = results["after"][True][3]
    body = "\n".join([
        "First answers on the gold lists (`tests/data/terms_gold.tsv`, 103 key terms; "
        "`names_gold.tsv`, 65 names), made by reading, split before tuning: odd rows dev, "
        "even rows held-out; only dev-row failures were read (`-v`). Before = the shipped "
        f"evidence of main ({BASELINE}: UN link file, corpus names, corpus key terms), after = "
        "this pass's (the same files regenerated by this pass's code: `bench_terms.py "
        "--write`, `derive_corpora.py --write-terms`); both built by the same code in this run "
        "with the seed documents and the 8,000 shipped pairs. A first answer is right when it "
        "is an exact or accent-insensitive match whose concept holds the gold English; a first "
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
        f"{p['total'] + n_corpus} pairs: the UN term links {p['estimate']:.1%} over "
        f"{p['total']} (`--precision`, stratified: {p['total'] - p['once'] - p['taught']} links "
        f"of main's file at {p['before']:.1%} (samples `terms_precision_sample.tsv`, "
        "`terms_precision_rare.tsv`, `terms_precision_explained.tsv`); "
        f"{p['once']} new in this pass at {p['once share']:.1%} (`terms_precision_once.tsv`, "
        "100 drawn with `--sample-once 100 --seed 45` once the filter was fixed; the dev "
        f"sample `terms_precision_once_dev.tsv` was read to fix it); {p['taught']} taught at "
        f"{p['taught share']:.1%} (`terms_precision_taught.tsv`, a census, "
        "`--census-taught`)), and the "
        f"{n_corpus} corpus key terms {right}/{judged} = {right / judged:.1%} "
        "(`terms_precision_corpora.tsv`, `derive_corpora.py --sample-terms 80 --seed 41`; the "
        "4 corpus key terms new in this pass, *médaille d'or*, *après-guerre froide*, "
        "*classe moyenne*, *forces terrestres de l'OTAN*, read and right).",
        "",
        "What changed in this pass (`termbase.extract.association`, `.explain`, `.spans`): "
        "(1) an English span seen once is no longer always a truncation (once, it is always "
        "followed by the same word): a compound seen once (*joint statement*, *preventive "
        "diplomacy*) stays a candidate unless a content word sits next to it (*Harry Azhar* of "
        "*Harry Azhar Azis*, *Space Centre* of *Guiana Space Centre*), so a phrase the pairs "
        "hold once can take the English that explains it word for word (*déclaration "
        "conjointe* / *joint statement*); (2) English span keys read hyphens as spaces "
        "(*Confidence Building Measures* = *confidence-building measures*, *Deputy Secretary "
        "General* = *Deputy Secretary-General*); (3) an English span that lacks the French head "
        "which a span one word longer has is no candidate (*confidence building* for *mesures "
        "de confiance*, `explain.headless`); (4) word pairs the lexicon lacks, taught by two "
        "weak links or more whose words all match but that one (*vice* = *deputy*, from *Vice-"
        "Premier Ministre* / *Deputy Prime Minister* and *Vice-Secrétaire générale*), explain "
        "the weak links (`explain.taught_words`). No curated row and no gold entry was added.",
        "",
        "Tried and not kept: reading only right-extensions as truncations (English is "
        "head-final): +1,700 links, no gold row gained, one wrong first answer more (names, "
        "curated off, held-out); every span seen once a candidate: +4,300 links, a dev sample "
        "of them 80% right (truncated person names); the French tagger's preposition *à* "
        "(the pattern's preposition set was not folded, so *N à N* was never a candidate): "
        "+120 / −44 links, no gold row gained, not judged, left out.",
        "",
        "Targets: key terms ≥ 90% first answer: **not met**. The dev failures left have no "
        "English in the pairs (*organes principaux*, *opérations de soutien à la paix*), an "
        "English the pairs give once to another French term (*missions d'enquête*, *lutte "
        "antiterroriste*), an English only inside a longer name (*appui à la médiation* in "
        "*Joint Mediation Support Team*), a coordinated English (*refugee and humanitarian "
        "law*, *droit humanitaire*) or another English (*accords régionaux* / *regional "
        "agreements*). Names with curated data off ≥ 75%: **not met** on held-out (dev met); "
        "the dev names missed are absent from every shipped pair (*Chef de cabinet*, "
        "*Département des opérations de paix*, *Bureau de lutte contre le terrorisme*) or "
        "written there with another English. Zero wrong first answers: **not met**: the one "
        "wrong term is a held-out row (not read).",
    ])
    write_section("terms-content", "Termbase content (issue 11): key terms and names, "
                  "before → after", body)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--method", choices=("pos", "ngram"), default="pos")
    parser.add_argument("--compare", action="store_true")
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
        before = baseline_concepts(pairs)
        after = shipped_concepts(pairs)
        results = {"before": evaluate(before, pairs, f"main {BASELINE}"),
                   "after": evaluate(after, pairs, "shipped links", args.verbose)}
        write_report(results, len(before), len(after), stratified_precision(pairs))


if __name__ == "__main__":
    main()
