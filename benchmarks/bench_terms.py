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
SAMPLE = DATA / "terms_precision_sample.tsv"
#: The sample judged while the filters were designed (seed 11, on an earlier link file).
DEV_SAMPLE = DATA / "terms_precision_dev.tsv"
#: The rare-name links (issue 11, second pass): held-out and dev samples.
RARE_SAMPLE = DATA / "terms_precision_rare.tsv"
RARE_DEV_SAMPLE = DATA / "terms_precision_rare_dev.tsv"
#: The links that are new in the third pass (phrases explained word by word, masculine keys,
#: no truncated English): held-out sample; the link file they are new against.
NEW_SAMPLE = DATA / "terms_precision_explained.tsv"
NEW_DEV_SAMPLE = DATA / "terms_precision_explained_dev.tsv"
BEFORE = "2ba56ca"
#: The baseline of this pass (main): its shipped link file, corpus names and corpus key terms.
BASELINE = "bea7557"
#: The links new in the fourth pass (compounds seen once), against the link file of main.
ONCE_SAMPLE = DATA / "terms_precision_once.tsv"
ONCE_DEV_SAMPLE = DATA / "terms_precision_once_dev.tsv"
ONCE_BEFORE = "bea7557"
#: The links new with the taught word pairs (a census), against the first commit of this pass.
TAUGHT_CENSUS = DATA / "terms_precision_taught.tsv"
TAUGHT_BEFORE = "73334a9"
#: The held-out sample of the corpus key terms (benchmarks/derive_corpora.py --sample-terms).
CORPUS_TERM_SAMPLE = DATA / "terms_precision_corpora.tsv"
SAMPLE_COLUMNS = ("right", "fr", "en", "links", "confidence", "context_fr", "context_en")


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


def _preferred(concept) -> tuple[str, str]:
    return concept.terms_in("fr")[0].text, concept.terms_in("en")[0].text


def before_concepts(pairs, commit: str = BEFORE) -> list:
    """The term concepts of the link file of ``commit`` (default BEFORE, the previous pass)."""
    import subprocess

    old_text = subprocess.run(["git", "show", f"{commit}:seeds/terms/unpc_terms.tsv"],
                              cwd=ROOT, capture_output=True, text=True, check=True).stdout
    with tempfile.TemporaryDirectory() as tmp:
        old_path = Path(tmp) / "old.tsv"
        old_path.write_text(old_text, encoding="utf-8")
        return [link_concept(link, pairs) for link in load_links(old_path, pairs)
                if usable(link)]


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


def shipped_links(pairs) -> list:
    """The term concepts of the shipped link file (without the corpus names)."""
    links = load_links(seeds.path(*SHIPPED_TERMS), pairs)
    return [link_concept(link, pairs) for link in links if usable(link)]


def write_new_sample(pairs, n: int, seed: int) -> None:
    """A random sample of the shipped links whose preferred pair was not in the link file of
    commit BEFORE (the previous pass), to judge by hand."""
    old = {_preferred(c) for c in before_concepts(pairs)}
    concepts = shipped_links(pairs)
    new = [c for c in concepts if _preferred(c) not in old]
    dev = {(r[1], r[2]) for r in read_gold(NEW_DEV_SAMPLE, SAMPLE_COLUMNS)}
    chosen = random.Random(seed).sample([c for c in new if _preferred(c) not in dev],
                                        min(n, len(new)))
    lines = [f"# Held-out sample of the links new in issue 11's third pass (terms3): {len(chosen)} "
             f"of the {len(new)} links of unpc_terms.tsv absent from the link file of commit "
             f"{BEFORE} ({len(old)} links), drawn with random.Random({seed}) (none of "
             f"{NEW_DEV_SAMPLE.name}); 'right' judged by reading as in terms_precision_sample.tsv",
             "\t".join(SAMPLE_COLUMNS)]
    for c in chosen:
        ev = c.evidence[0] if c.evidence else None
        lines.append("\t".join(["", *_preferred(c), str(len(c.evidence)), str(c.confidence),
                                ev.context_fr if ev else "", ev.context_en if ev else ""]))
    NEW_SAMPLE.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {NEW_SAMPLE} ({len(chosen)} rows to judge; {len(new)} new links)")


def write_once_sample(pairs, n: int, seed: int) -> None:
    """A random sample of the shipped links whose preferred pair was not in the link file of
    commit ONCE_BEFORE (the fourth pass: English compounds seen once are candidates, hyphens
    read as spaces, spans without the French head dropped), to judge by hand."""
    old = {_preferred(c) for c in before_concepts(pairs, ONCE_BEFORE)}
    new = [c for c in shipped_links(pairs) if _preferred(c) not in old]
    dev = {(r[1], r[2]) for r in read_gold(ONCE_DEV_SAMPLE, SAMPLE_COLUMNS)}
    pool = [c for c in new if _preferred(c) not in dev]
    chosen = random.Random(seed).sample(pool, min(n, len(pool)))
    lines = [f"# Held-out sample of the links new in issue 11's fourth pass (terms4): {len(chosen)} "
             f"of the {len(new)} links of unpc_terms.tsv absent from the link file of commit "
             f"{ONCE_BEFORE} ({len(old)} links), drawn with random.Random({seed}) (none of "
             f"{ONCE_DEV_SAMPLE.name}); 'right' judged by reading as in "
             "terms_precision_sample.tsv",
             "\t".join(SAMPLE_COLUMNS)]
    for c in chosen:
        ev = c.evidence[0] if c.evidence else None
        lines.append("\t".join(["", *_preferred(c), str(len(c.evidence)), str(c.confidence),
                                ev.context_fr if ev else "", ev.context_en if ev else ""]))
    ONCE_SAMPLE.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {ONCE_SAMPLE} ({len(chosen)} rows to judge; {len(new)} new links)")


def write_taught_census(pairs) -> None:
    """Every shipped link whose preferred pair was not in the link file of commit
    TAUGHT_BEFORE (the links the word pairs taught by weak links explain), to judge by hand:
    a census, not a sample."""
    old = {_preferred(c) for c in before_concepts(pairs, TAUGHT_BEFORE)}
    new = [c for c in shipped_links(pairs) if _preferred(c) not in old]
    lines = [f"# Census of the links new in issue 11's fourth pass with the word pairs taught by "
             f"weak links (termbase.extract.explain.taught_words): all {len(new)} links of "
             f"unpc_terms.tsv absent from the link file of commit {TAUGHT_BEFORE} "
             f"({len(old)} links); 'right' judged by reading as in terms_precision_sample.tsv",
             "\t".join(SAMPLE_COLUMNS)]
    for c in new:
        ev = c.evidence[0] if c.evidence else None
        lines.append("\t".join(["", *_preferred(c), str(len(c.evidence)), str(c.confidence),
                                ev.context_fr if ev else "", ev.context_en if ev else ""]))
    TAUGHT_CENSUS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {TAUGHT_CENSUS} ({len(new)} rows to judge)")


def _share(path: Path) -> tuple[int, int]:
    rows = read_gold(path, SAMPLE_COLUMNS)
    return sum(r[0] == "yes" for r in rows), len(rows)


def _header_count(path: Path, pattern: str) -> int:
    return int(re.search(pattern, path.read_text(encoding="utf-8").splitlines()[0]).group(1))


def stratified_precision(pairs) -> dict:
    """The held-out precision of the shipped links, over three strata: the links of the
    first pass and of the rare-name pass (both in the link file of commit BEFORE, which had
    ``old_total`` links) and the links new since then (``new_added``)."""
    share = {path: right / n for path, (right, n) in
             ((p, _share(p)) for p in (SAMPLE, RARE_SAMPLE, NEW_SAMPLE))}
    rare_added = _header_count(RARE_SAMPLE, r"of the (\d+) links")
    old_total = _header_count(NEW_SAMPLE, r"\((\d+) links\)")
    new_added = _header_count(NEW_SAMPLE, r"of the (\d+) links")
    old = ((old_total - rare_added) * share[SAMPLE] + rare_added * share[RARE_SAMPLE]) / old_total
    # The link file of commit ONCE_BEFORE (main): the strata above, then this pass's new links.
    before_total = _header_count(ONCE_SAMPLE, r"\((\d+) links\)")
    before = ((before_total - new_added) * old + new_added * share[NEW_SAMPLE]) / before_total
    once_added = _header_count(ONCE_SAMPLE, r"of the (\d+) links")
    once_share = _share(ONCE_SAMPLE)[0] / _share(ONCE_SAMPLE)[1]
    taught_right, taught = _share(TAUGHT_CENSUS)
    links = load_links(seeds.path(*SHIPPED_TERMS), pairs)
    total = sum(usable(link) for link in links)
    return {"total": total, "new": new_added, "old": old, "new share": share[NEW_SAMPLE],
            "before": before, "before total": before_total, "once": once_added,
            "once share": once_share, "taught": taught, "taught share": taught_right / taught,
            "estimate": ((total - once_added - taught) * before + once_added * once_share
                         + taught_right) / total}


def precision(pairs) -> None:
    for label, path in (("held-out sample", SAMPLE), ("dev sample", DEV_SAMPLE),
                        ("rare-name held-out sample", RARE_SAMPLE),
                        ("rare-name dev sample", RARE_DEV_SAMPLE),
                        ("third-pass held-out sample", NEW_SAMPLE),
                        ("third-pass dev sample", NEW_DEV_SAMPLE),
                        ("fourth-pass held-out sample", ONCE_SAMPLE),
                        ("fourth-pass dev sample", ONCE_DEV_SAMPLE),
                        ("fourth-pass census of the taught links", TAUGHT_CENSUS)):
        right, n = _share(path)
        print(f"extracted-pair precision, {label} ({path.name}): {right}/{n} = {right / n:.1%}")
    p = stratified_precision(pairs)
    print(f"extracted-pair precision, held-out, stratified over {p['total']} pairs "
          f"({p['total'] - p['once'] - p['taught']} of the link file of {ONCE_BEFORE} at "
          f"{p['before']:.1%}: "
          f"{p['before total'] - p['new']} at {p['old']:.1%}, {p['new']} at "
          f"{p['new share']:.1%}; {p['once']} new in this pass at {p['once share']:.1%}, "
          f"{p['taught']} taught at {p['taught share']:.1%}): "
          f"{p['estimate']:.1%}")


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
