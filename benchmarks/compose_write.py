"""Composed translations of the seeds' French terms (issue 11): make the shipped file.

    python benchmarks/compose_write.py --write
        compose the English of the French terms of the seed documents (POS candidates and
        the names they define with an acronym) that the shipped evidence leaves without
        English, keep the compositions attested in the shipped English UN text, and write
        seeds/terms/composed_terms.tsv; then compose the names defined with an acronym (seed
        documents, shipped pairs) that have no English full form, keep those whose initials
        spell their English acronym, and write seeds/terms/composed_names.tsv (the default
        build reads both);
    python benchmarks/compose_write.py --sample 60 --seed 51
        write a random sample of the composed pairs to judge by hand
        (tests/data/terms_precision_composed.tsv, column ``right``: yes/no);
    python benchmarks/compose_write.py --census-names
        list every composed name (seeds/terms/composed_names.tsv: French names defined with
        an acronym, composed and spelt by their English acronym) to judge by hand
        (tests/data/terms_precision_names.tsv);
    python benchmarks/compose_write.py --check-names
        the acronym-spelt composition tried on the names whose English full form the
        shipped evidence gives, against that English (how often it is right);
    python benchmarks/compose_write.py --census-bodies
        the same for the names of bodies composed from a regular head noun and an attested
        rest (seeds/terms/composed_bodies.tsv; tests/data/terms_precision_bodies.tsv);
    python benchmarks/compose_write.py --precision
        the share right of the judged sample.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import seeds  # noqa: E402
from benchmarks.terms_precision import (  # noqa: E402
    BODIES_CENSUS,
    COMPOSED_CENSUS,
    COMPOSED_COLUMNS,
    NAMES_CENSUS,
    NAMES_COLUMNS,
    PARTIAL_CENSUS,
    PARTIAL_COLUMNS,
)
from termalign.building import (  # noqa: E402
    COMPOSED_BODIES,
    COMPOSED_NAMES,
    COMPOSED_TERMS,
    CORPORA_NAMES,
    CORPORA_TERMS,
    read_document,
    seed_aligned,
    seed_documents,
    shipped_concepts,
)
from termbase.build import aligned_concepts, document_concepts  # noqa: E402
from termbase.extract.acronyms import find_definitions  # noqa: E402
from termbase.extract.compose import Attestation, WordRenderings  # noqa: E402
from termbase.extract.compose_bodies import CONFIDENCE as BODY_CONFIDENCE  # noqa: E402
from termbase.extract.compose_bodies import compose_body, head_forms  # noqa: E402
from termbase.extract.compose_names import AcronymSources, FrenchName, compose_names  # noqa: E402
from termbase.extract.compose_names_io import dump_names, read_names  # noqa: E402
from termbase.extract.compose_terms import (  # noqa: E402
    FrenchTerm,
    bound_words,
    composable_terms,
    compose_all,
    cut_name,
    dump_composed,
    paired,
    read_composed,
    uncontradicted,
)
from termbase.extract.cooccur import AlignedPair  # noqa: E402
from termbase.extract.corpora import read_rows  # noqa: E402
from termbase.extract.evaluate import read_gold  # noqa: E402
from termbase.extract.terms_fr import extract, term_key  # noqa: E402
from termbase.extract.text import sentence_at  # noqa: E402
from termbase.fold import fold_term  # noqa: E402

LEXICON = ROOT / "aligner" / "data" / "lexicon_general_fr_en.tsv"
#: Lexicon rows below this translation probability are noise (*a* → *to*).
MIN_T = 0.2
#: Not UN text: Canadian parliamentary usage.
NOT_UN = {"Canadian Hansard"}


def english_text(pairs) -> tuple[Attestation, list[str]]:
    """The shipped English UN text (the UN pairs, the UDHR, the UN and Justice Canada
    sentences of the corpus evidence files) and the place of each sentence."""
    sentences, places = [], []
    for p in pairs:  # the English line of a pair whose source names its French line
        sentences.append(p.en)
        places.append(re.sub(r"\.fr:(\d+)$", r".en:\1", p.source) if p.source else "UN pair")
    udhr = seeds.path("udhr", "udhr_eng.txt")
    for i, line in enumerate(udhr.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            sentences.append(line)
            places.append(f"{udhr.name}:{i}")
    for name in (CORPORA_NAMES, CORPORA_TERMS):
        for row in read_rows(seeds.path(*name)):
            if row["corpus"] not in NOT_UN:
                sentences.append(row["context_en"])
                places.append(row["source"])
    seen, keep = set(), []
    for s, where in zip(sentences, places, strict=True):
        if s not in seen:
            seen.add(s)
            keep.append((s, where))
    return Attestation([s for s, _ in keep]), [w for _, w in keep]


def renderings(text: Attestation) -> WordRenderings:
    """Word renderings: the aligner's general lexicon (from the UN pairs), then cognates
    among the words of the English text."""
    rows = []
    for line in LEXICON.read_text(encoding="utf-8").splitlines()[1:]:
        fr, en, t = line.split("\t")
        if float(t) >= MIN_T:
            rows.append((fr, en))
    return WordRenderings(rows, text.vocabulary())


def french_terms() -> list[FrenchTerm]:
    """The French terms of the seed documents: the names they define with an acronym, then
    the POS candidates in document order."""
    out = []
    docs = [read_document(p, "fr") for p in seed_documents()]
    for doc in docs:
        for c in document_concepts(doc):
            out.append(FrenchTerm(c.terms_in("fr")[0].text, c.evidence[0].context_fr,
                                  doc.name, doc.symbol))
    for doc in docs:
        paragraphs = [p for p in doc.paragraphs if p.strip()]
        for paragraph, cands in zip(paragraphs, extract(paragraphs, "pos"), strict=True):
            for cand in cands:
                out.append(FrenchTerm(cand.text, sentence_at(paragraph, cand.start),
                                      doc.name, doc.symbol))
    return out


def known_keys(concepts) -> set[str]:
    """The keys of the French terms that already have English in the shipped evidence, and
    of those whose links were dropped as cut from a longer phrase (the pairs render them
    only inside a longer phrase: *petit calibre* / *small arms* [*and light weapons*];
    composing them would make the same pair again)."""
    cut = ({term_key(r[1]) for r in read_gold(PARTIAL_CENSUS, PARTIAL_COLUMNS)}
           if PARTIAL_CENSUS.exists() else set())
    return cut | {term_key(t.text) for c in concepts if c.terms_in("en")
                  for t in c.terms_in("fr")}


def french_names(pairs) -> list[FrenchName]:
    """The French names defined with an acronym: in the seed documents, then in the
    shipped pairs."""
    out = []
    for path in seed_documents():
        doc = read_document(path, "fr")
        for c in document_concepts(doc):
            full = [t.text for t in c.terms_in("fr") if t.type != "acronym"]
            acronym = [t.text for t in c.terms_in("fr") if t.type == "acronym"]
            if full and acronym:
                out.append(FrenchName(full[0], acronym[0], c.evidence[0].context_fr,
                                      doc.name, doc.symbol))
    for pair in pairs:
        if "(" in pair.fr:
            out += [FrenchName(d.definition, d.acronym, pair.fr, pair.source, pair.symbol)
                    for d in find_definitions(pair.fr, "fr")]
    return out


def linked_acronyms(concepts) -> dict[str, list[tuple[str, AlignedPair]]]:
    """French acronym → [(English acronym, a pair whose English writes it)] of the acronym
    links: the concepts that hold both acronyms with such a pair as evidence."""
    out: dict[str, list[tuple[str, AlignedPair]]] = {}
    for c in concepts:
        fr = [t.text for t in c.terms_in("fr") if t.type == "acronym"]
        for en in (t.text for t in c.terms_in("en") if t.type == "acronym"):
            ev = next((e for e in c.evidence if en in e.context_en), None)
            if ev is not None:
                for f in fr:
                    out.setdefault(f, []).append(
                        (en, AlignedPair(ev.context_fr, ev.context_en, ev.source, ev.symbol)))
    return out


def named_keys(concepts) -> set[str]:
    """The folded French full forms that already have an English full form."""
    return {fold_term(t.text) for c in concepts
            if any(t.type != "acronym" for t in c.terms_in("en"))
            for t in c.terms_in("fr") if t.type != "acronym"}


def write_names(pairs, concepts, text: Attestation, render: WordRenderings,
                composed: set[str]) -> None:
    """The names defined with an acronym that neither the shipped evidence, the acronym
    links of the pairs nor the ``composed`` French terms (folded) give an English full
    form, composed and spelt by their English acronym -> seeds/terms/composed_names.tsv."""
    links = aligned_concepts(pairs)
    known = named_keys([*concepts, *links]) | composed
    names = [n for n in french_names(pairs) if fold_term(n.text) not in known]
    sources = AcronymSources(pairs, linked_acronyms([*links, *concepts]))
    found = compose_names(names, sources, render, text)
    path = seeds.path(*COMPOSED_NAMES)
    dump_names(found, path, "French names defined with an acronym (seed documents, shipped "
               "pairs) with no English full form in the shipped evidence, composed from their "
               "words and spelt by their English acronym (termbase.extract.compose_names); "
               "python benchmarks/compose_write.py --write")
    print(f"{len(names)} French names read, {len(found)} composed -> {path}")


def linked_names(concepts) -> list[tuple[str, str]]:
    """The French and English full forms of the shipped name links (not composed)."""
    out = []
    for c in concepts:
        fr = [t.text for t in c.terms_in("fr") if t.type != "acronym"]
        en = [t.text for t in c.terms_in("en") if t.type != "acronym"]
        if fr and en and c.kind == "title":
            out.append((fr[0], en[0]))
    return out


def write_bodies(terms, concepts, composed: set[str], text: Attestation,
                 render: WordRenderings, places, bound, pairs) -> list:
    """The seeds' names of bodies with a regular head noun and an attested rest
    (termbase.extract.compose_bodies), those the pairs do not contradict
    (``uncontradicted``) -> seeds/terms/composed_bodies.tsv; returns them."""
    forms = head_forms(linked_names(concepts), render)
    found = []
    for term in composable_terms(terms, known_keys(concepts) | composed, bound):
        body = None if cut_name(term) else compose_body(term.text, forms, render, text)
        if body is not None:
            found.append((term, body))
    found = uncontradicted(found, [(p.fr, p.en) for p in pairs])
    path = seeds.path(*COMPOSED_BODIES)
    dump_composed(found, text, places.__getitem__, path,
                  "Names of bodies of the seed documents with no English in the shipped "
                  "evidence: a head noun whose linked names take one English form "
                  f"({', '.join(f'{h}: {f}' for h, (f, _, _) in sorted(forms.items()))}) and "
                  "a rest attested in the shipped English UN text "
                  "(termbase.extract.compose_bodies); python benchmarks/compose_write.py --write",
                  confidence=BODY_CONFIDENCE)
    print(f"{len(found)} names of bodies composed -> {path}")
    return found


def check_names() -> None:
    """The acronym-spelt composition checked where the answer is known: the names defined
    with an acronym (seed documents, pairs) that the shipped evidence or the acronym links
    of the pairs already give an English full form, composed as if they had none; a
    composition is right when it is one of those English full forms (folded)."""
    pairs = seed_aligned()
    concepts = [*shipped_concepts(pairs, composed=False), *aligned_concepts(pairs)]
    text, _ = english_text(pairs)
    english: dict[str, set[str]] = {}
    for c in concepts:
        full = {fold_term(t.text) for t in c.terms_in("en") if t.type != "acronym"}
        for t in c.terms_in("fr"):
            if t.type != "acronym" and full:
                english.setdefault(fold_term(t.text), set()).update(full)
    names = [n for n in french_names(pairs) if fold_term(n.text) in english]
    sources = AcronymSources(pairs, linked_acronyms(concepts))
    found = compose_names(names, sources, renderings(text), text)
    right = 0
    for name, comp, _ in found:
        ok = fold_term(comp.en) in english[fold_term(name.text)]
        right += ok
        print(f"{'right' if ok else 'WRONG'}\t{name.text}\t{comp.acronym}\t{comp.en}\t"
              f"known: {' | '.join(sorted(english[fold_term(name.text)]))}")
    print(f"{len(names)} names with a known English full form, {len(found)} composed, "
          f"{right} right")


def write() -> None:
    pairs = seed_aligned()
    concepts = shipped_concepts(pairs, composed=False)
    text, places = english_text(pairs)
    terms = french_terms()
    french = [p.fr for p in pairs] + [paragraph for path in seed_documents()
                                      for paragraph in read_document(path, "fr").paragraphs]
    render = renderings(text)
    found = compose_all(terms, known_keys(concepts), render, text,
                        bound=bound_words(french))
    composed = len(found)
    found = uncontradicted(found, [(p.fr, p.en) for p in pairs])
    print(f"{composed - len(found)} compositions contradicted by the pairs left out")
    # Attested once only: kept when every pair holding the French writes it (terms5k).
    twice = {term_key(t.text) for t, _ in found}
    once = [(t, c) for t, c in compose_all(terms, known_keys(concepts), render, text,
                                           min_count=1, bound=bound_words(french))
            if term_key(t.text) not in twice]
    kept = paired(once, [(p.fr, p.en) for p in pairs])
    print(f"{len(once)} compositions attested once, {len(kept)} of them in every pair")
    found += kept
    path = seeds.path(*COMPOSED_TERMS)
    dump_composed(found, text, places.__getitem__, path,
                  "French terms of the seed documents with no English in the shipped "
                  "evidence, translated by composition (termbase.extract.compose) and attested "
                  "in the shipped English UN text; python benchmarks/compose_write.py --write")
    print(f"{len(terms)} French terms read, {len(found)} composed -> {path}")
    bodies = write_bodies(terms, concepts, {term_key(t.text) for t, _ in found}, text, render,
                          places, bound_words(french), pairs)
    write_names(pairs, concepts, text, render,
                {fold_term(t.text) for t, _ in [*found, *bodies]})


def write_sample(n: int, seed: int) -> None:
    rows = read_composed(seeds.path(*COMPOSED_TERMS))
    chosen = random.Random(seed).sample(rows, min(n, len(rows)))
    lines = ["# Composed pairs to judge by reading: right = yes when the English is the UN "
             "English of the French term, whole on both sides (compose_write.py "
             f"--sample {n} --seed {seed}).",
             "\t".join(COMPOSED_COLUMNS)]
    lines += ["\t".join(["", *(r[c] for c in COMPOSED_COLUMNS[1:])]) for r in chosen]
    COMPOSED_CENSUS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(chosen)} rows -> {COMPOSED_CENSUS}")


def write_census(bodies: bool = False) -> None:
    """Every composed name (``bodies``: every composed name of a body), to judge by reading
    (column ``right``: yes/no); the judgements of the rows already judged are kept."""
    path, columns = (BODIES_CENSUS, COMPOSED_COLUMNS) if bodies else (NAMES_CENSUS,
                                                                      NAMES_COLUMNS)
    old = {(r[1], r[2]): r[0] for r in read_gold(path, columns)} if path.exists() else {}
    if bodies:
        rows, what, flag = (read_composed(seeds.path(*COMPOSED_BODIES)),
                            "Names of bodies composed from a regular head noun and an attested "
                            "rest", "--census-bodies")
    else:
        rows, what, flag = (read_names(seeds.path(*COMPOSED_NAMES)),
                            "Names composed from their words and spelt by their English "
                            "acronym", "--census-names")
    shipped = seeds.path(*(COMPOSED_BODIES if bodies else COMPOSED_NAMES)).name
    lines = [f"# {what}, to judge by reading: right = yes when the English is the UN English "
             f"name of the French name, whole (a census: every row of seeds/terms/{shipped}; "
             f"compose_write.py {flag}).",
             "\t".join(columns)]
    lines += ["\t".join([old.get((r["fr"], r["en"]), ""), *(r[c] for c in columns[1:])])
              for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(rows)} rows -> {path}")


def precision(path: Path = COMPOSED_CENSUS) -> tuple[int, int]:
    rows = read_gold(path, COMPOSED_COLUMNS)
    right = sum(r[0] == "yes" for r in rows)
    print(f"composed precision ({path.name}): {right}/{len(rows)} = {right / len(rows):.1%}")
    return right, len(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--sample", type=int, default=0)
    parser.add_argument("--seed", type=int, default=51)
    parser.add_argument("--precision", action="store_true")
    parser.add_argument("--census-names", action="store_true",
                        help="list every composed name to judge by reading")
    parser.add_argument("--check-names", action="store_true",
                        help="compose the names whose English is known and compare")
    parser.add_argument("--census-bodies", action="store_true",
                        help="list every composed name of a body to judge by reading")
    args = parser.parse_args()
    if args.write:
        write()
    elif args.check_names:
        check_names()
    elif args.census_names or args.census_bodies:
        write_census(bodies=args.census_bodies)
    elif args.sample:
        write_sample(args.sample, args.seed)
    elif args.precision:
        precision()
    else:
        parser.print_help()


if __name__ == "__main__":
    main()
