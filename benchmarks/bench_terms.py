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
import random
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import seeds  # noqa: E402
from termalign.building import (  # noqa: E402
    SHIPPED_TERMS,
    read_document,
    seed_aligned,
    seed_curated,
    seed_documents,
    shipped_concepts,
)
from termbase.build import build, term_concepts  # noqa: E402
from termbase.extract.association import link_terms  # noqa: E402
from termbase.extract.evaluate import first_answers, read_gold  # noqa: E402
from termbase.extract.term_concepts import dump_links, link_concept, load_links, usable  # noqa: E402
from termbase.extract.terms_fr import extract  # noqa: E402
from termbase.store import Termbase  # noqa: E402

DATA = ROOT / "tests" / "data"
GOLD = {"terms": DATA / "terms_gold.tsv", "names": DATA / "names_gold.tsv"}
SAMPLE = DATA / "terms_precision_sample.tsv"
#: The sample judged while the filters were designed (seed 11, on an earlier link file).
DEV_SAMPLE = DATA / "terms_precision_dev.tsv"
#: The rare-name links (issue 11, second pass): held-out and dev samples.
RARE_SAMPLE = DATA / "terms_precision_rare.tsv"
RARE_DEV_SAMPLE = DATA / "terms_precision_rare_dev.tsv"
SAMPLE_COLUMNS = ("right", "fr", "en", "links", "confidence", "context_fr", "context_en")


def links_for(pairs, method: str):
    candidates = extract([p.fr for p in pairs], method)
    return link_terms(candidates, [p.en for p in pairs], [len(p.fr) for p in pairs],
                      documents=[p.symbol or p.source for p in pairs], explain_rare=True)


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
            for split, rows in (("all", gold), ("dev", gold[0::2]), ("held-out", gold[1::2])):
                a = first_answers(tb, rows)
                out[name, split] = a
                print(f"{label:28s} {name:5s} {split:8s} right {len(a.right):3d}/{a.total:3d} "
                      f"= {a.accuracy:6.1%}  wrong {len(a.wrong):2d}  French only "
                      f"{len(a.french_only):2d}  no answer {len(a.none):2d}")
    return out


def evaluate(concepts, pairs, label: str, verbose: bool = False) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for curated in (True, False):
            db = Path(tmp) / f"tb{curated}.sqlite3"
            seconds = build_with(db, concepts, curated, pairs)
            tag = f"{label}, curated {'on' if curated else 'off'}"
            print(f"{tag}: build {seconds:.1f} s, {db.stat().st_size / 1e6:.1f} MB")
            result = report(db, tag)
            if verbose:
                for name in GOLD:  # dev rows only: held-out failures are not looked at
                    for row in result[name, "dev"].wrong:
                        print("   WRONG", name, *row, sep=" | ")
                    for row in result[name, "dev"].french_only:
                        print("   FRONLY", name, *row, sep=" | ")
                    for row in result[name, "dev"].none:
                        print("   NONE ", name, *row, sep=" | ")


def write_sample(pairs, n: int, seed: int) -> None:
    links = load_links(seeds.path(*SHIPPED_TERMS), pairs)
    concepts = [link_concept(link, pairs) for link in links if usable(link)]
    seen = set()
    if DEV_SAMPLE.exists():
        seen = {(r[1], r[2]) for r in read_gold(DEV_SAMPLE, SAMPLE_COLUMNS)}
    concepts = [c for c in concepts
                if (c.terms_in("fr")[0].text, c.terms_in("en")[0].text) not in seen]
    rng = random.Random(seed)
    chosen = rng.sample(concepts, min(n, len(concepts)))
    lines = [f"# {len(chosen)} extracted pairs drawn with random.Random({seed}) from "
             f"{SHIPPED_TERMS[-1]} (none of {DEV_SAMPLE.name}); 'right' judged by reading "
             "(yes/no): the English is a correct UN equivalent of the French, whole on both sides",
             "\t".join(SAMPLE_COLUMNS)]
    for c in chosen:
        ev = c.evidence[0] if c.evidence else None
        fr, en = c.terms_in("fr")[0].text, c.terms_in("en")[0].text
        lines.append("\t".join(["", fr, en, str(len(c.evidence)), str(c.confidence),
                                ev.context_fr if ev else "", ev.context_en if ev else ""]))
    SAMPLE.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {SAMPLE} ({len(chosen)} rows to judge)")


def precision(pairs) -> None:
    shares = {}
    for label, path in (("held-out sample", SAMPLE), ("dev sample", DEV_SAMPLE),
                        ("rare-name held-out sample", RARE_SAMPLE),
                        ("rare-name dev sample", RARE_DEV_SAMPLE)):
        rows = read_gold(path, SAMPLE_COLUMNS)
        right = sum(r[0] == "yes" for r in rows)
        shares[path] = right / len(rows)
        print(f"extracted-pair precision, {label} ({path.name}): "
              f"{right}/{len(rows)} = {right / len(rows):.1%}")
    # The two held-out samples are strata: the links of the earlier link file, and the links
    # added by the rare-name pass (their number is in the sample's header).
    header = RARE_SAMPLE.read_text(encoding="utf-8").splitlines()[0]
    added = int(re.search(r"of the (\d+) links", header).group(1))
    links = load_links(seeds.path(*SHIPPED_TERMS), pairs)
    total = sum(usable(link) for link in links)
    estimate = ((total - added) * shares[SAMPLE] + added * shares[RARE_SAMPLE]) / total
    print(f"extracted-pair precision, held-out, stratified over {total} pairs "
          f"({total - added} earlier, {added} rare-name): {estimate:.1%}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--method", choices=("pos", "ngram"), default="pos")
    parser.add_argument("--compare", action="store_true")
    parser.add_argument("--sample", type=int, default=0)
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--precision", action="store_true")
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
    elif args.precision:
        precision(pairs)
    else:
        evaluate(shipped_concepts(pairs), pairs, "shipped links", args.verbose)


if __name__ == "__main__":
    main()
