"""Judged samples of the extracted term links (issue 11): drawing them to judge by hand, and
the held-out precision stratified over the passes that added links (used by
``benchmarks/bench_terms.py``: ``--sample``, ``--sample-new``, ``--sample-once``,
``--census-taught``, ``--precision``)."""

from __future__ import annotations

import random
import re
import subprocess
import tempfile
from pathlib import Path

import seeds
from termalign.building import SHIPPED_TERMS
from termbase.extract.evaluate import read_gold
from termbase.extract.term_concepts import link_concept, load_links, usable

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
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
#: The census of the composed translations (benchmarks/compose_write.py), judged by reading.
COMPOSED_CENSUS = DATA / "terms_precision_composed.tsv"
COMPOSED_COLUMNS = ("right", "fr", "en", "parts", "context_fr", "context_en")
#: The census of the names composed and spelt by their English acronym
#: (benchmarks/compose_write.py --census-names), judged by reading.
NAMES_CENSUS = DATA / "terms_precision_names.tsv"
NAMES_COLUMNS = ("right", "fr", "en", "en_acronym", "parts", "context_fr")
#: The census of the names of bodies composed from a regular head and an attested rest
#: (benchmarks/compose_write.py --census-bodies), judged by reading.
BODIES_CENSUS = DATA / "terms_precision_bodies.tsv"
SAMPLE_COLUMNS = ("right", "fr", "en", "links", "confidence", "context_fr", "context_en")
#: The census of the links dropped as cut from a longer phrase (termbase.extract.partial;
#: ``bench_terms.py --repair-partial``), judged by reading.
PARTIAL_CENSUS = DATA / "terms_precision_partial.tsv"
PARTIAL_COLUMNS = ("right", "fr", "en", "links", "cut", "context_fr", "context_en")
#: The census of the links those cut links were repaired to (``bench_terms.py
#: --repair-partial``) that are shipped as links of their own, judged by reading.
REPAIRED_CENSUS = DATA / "terms_precision_repaired.tsv"
#: Censuses of the links new and gone with *à* read as a preposition by the French noun
#: phrase pattern (pass terms5k), against the link file of commit PREP_BEFORE.
PREP_CENSUS = DATA / "terms_precision_preposition.tsv"
PREP_GONE_CENSUS = DATA / "terms_precision_preposition_gone.tsv"
PREP_BEFORE = "37744a7"
REPAIRED_COLUMNS = ("right", "fr", "en", "cut_fr", "cut_en", "links", "context_fr",
                    "context_en")

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
    old_text = subprocess.run(["git", "show", f"{commit}:seeds/terms/unpc_terms.tsv"],
                              cwd=ROOT, capture_output=True, text=True, check=True).stdout
    with tempfile.TemporaryDirectory() as tmp:
        old_path = Path(tmp) / "old.tsv"
        old_path.write_text(old_text, encoding="utf-8")
        return [link_concept(link, pairs) for link in load_links(old_path, pairs)
                if usable(link)]



def shipped_links(pairs) -> list:
    """The term concepts of the shipped link file (without the corpus names)."""
    links = load_links(seeds.path(*SHIPPED_TERMS), pairs)
    return [link_concept(link, pairs) for link in links if usable(link)]


def _new_links(pairs, *before) -> tuple[set, list]:
    """The preferred pairs of the link file of an earlier commit (``before``: the default of
    :func:`before_concepts` when not given), and the shipped links whose pair it lacks."""
    old = {_preferred(c) for c in before_concepts(pairs, *before)}
    return old, [c for c in shipped_links(pairs) if _preferred(c) not in old]


def _rows(concepts) -> list[str]:
    """The rows of a sample to judge by hand, 'right' left empty (:data:`SAMPLE_COLUMNS`)."""
    rows = []
    for c in concepts:
        ev = c.evidence[0] if c.evidence else None
        rows.append("\t".join(["", *_preferred(c), str(len(c.evidence)), str(c.confidence),
                                ev.context_fr if ev else "", ev.context_en if ev else ""]))
    return rows


def write_new_sample(pairs, n: int, seed: int) -> None:
    """A random sample of the shipped links whose preferred pair was not in the link file of
    commit BEFORE (the previous pass), to judge by hand."""
    old, new = _new_links(pairs)
    dev = {(r[1], r[2]) for r in read_gold(NEW_DEV_SAMPLE, SAMPLE_COLUMNS)}
    chosen = random.Random(seed).sample([c for c in new if _preferred(c) not in dev],
                                        min(n, len(new)))
    lines = [f"# Held-out sample of the links new in issue 11's third pass (terms3): {len(chosen)} "
             f"of the {len(new)} links of unpc_terms.tsv absent from the link file of commit "
             f"{BEFORE} ({len(old)} links), drawn with random.Random({seed}) (none of "
             f"{NEW_DEV_SAMPLE.name}); 'right' judged by reading as in terms_precision_sample.tsv",
             "\t".join(SAMPLE_COLUMNS)]
    lines += _rows(chosen)
    NEW_SAMPLE.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {NEW_SAMPLE} ({len(chosen)} rows to judge; {len(new)} new links)")


def write_once_sample(pairs, n: int, seed: int) -> None:
    """A random sample of the shipped links whose preferred pair was not in the link file of
    commit ONCE_BEFORE (the fourth pass: English compounds seen once are candidates, hyphens
    read as spaces, spans without the French head dropped), to judge by hand."""
    old, new = _new_links(pairs, ONCE_BEFORE)
    dev = {(r[1], r[2]) for r in read_gold(ONCE_DEV_SAMPLE, SAMPLE_COLUMNS)}
    pool = [c for c in new if _preferred(c) not in dev]
    chosen = random.Random(seed).sample(pool, min(n, len(pool)))
    lines = [f"# Held-out sample of the links new in issue 11's fourth pass (terms4): {len(chosen)} "
             f"of the {len(new)} links of unpc_terms.tsv absent from the link file of commit "
             f"{ONCE_BEFORE} ({len(old)} links), drawn with random.Random({seed}) (none of "
             f"{ONCE_DEV_SAMPLE.name}); 'right' judged by reading as in "
             "terms_precision_sample.tsv",
             "\t".join(SAMPLE_COLUMNS)]
    lines += _rows(chosen)
    ONCE_SAMPLE.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {ONCE_SAMPLE} ({len(chosen)} rows to judge; {len(new)} new links)")


def write_taught_census(pairs) -> None:
    """Every shipped link whose preferred pair was not in the link file of commit
    TAUGHT_BEFORE (the links the word pairs taught by weak links explain), to judge by hand:
    a census, not a sample."""
    old, new = _new_links(pairs, TAUGHT_BEFORE)
    lines = [f"# Census of the links new in issue 11's fourth pass with the word pairs taught by "
             f"weak links (termbase.extract.explain.taught_words): all {len(new)} links of "
             f"unpc_terms.tsv absent from the link file of commit {TAUGHT_BEFORE} "
             f"({len(old)} links); 'right' judged by reading as in terms_precision_sample.tsv",
             "\t".join(SAMPLE_COLUMNS)]
    lines += _rows(new)
    TAUGHT_CENSUS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {TAUGHT_CENSUS} ({len(new)} rows to judge)")


def write_preposition_census(pairs) -> None:
    """Every shipped link whose preferred pair the link file of commit PREP_BEFORE lacks, and
    every link of that file whose pair is no longer shipped, to judge by hand (censuses; the
    judgements of rows already judged are kept)."""
    old, new = _new_links(pairs, PREP_BEFORE)
    now = {_preferred(c) for c in shipped_links(pairs)}
    gone = [c for c in before_concepts(pairs, PREP_BEFORE) if _preferred(c) not in now]
    for path, concepts, what in ((PREP_CENSUS, new, f"absent from the link file of commit "
                                  f"{PREP_BEFORE} ({len(old)} links)"),
                                 (PREP_GONE_CENSUS, gone, f"of the link file of commit "
                                  f"{PREP_BEFORE} no longer shipped")):
        judged = ({(r[1], r[2]): r[0] for r in read_gold(path, SAMPLE_COLUMNS)}
                  if path.exists() else {})
        rows = [judged.get(_preferred(c), "") + row[row.index("\t"):]
                for c, row in zip(concepts, _rows(concepts), strict=True)]
        lines = [f"# Census of the links changed by *à* read as a preposition (pass terms5k): "
                 f"all {len(concepts)} links {what}; 'right' judged by reading as in "
                 "terms_precision_sample.tsv", "\t".join(SAMPLE_COLUMNS), *rows]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote {path} ({len(concepts)} rows)")


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
    # The strata were sampled before the links cut from a longer phrase were repaired: the
    # cut links are counted back in, then taken out with their judged share right, and the
    # repaired links of their own put in with theirs (two censuses).
    dropped = read_gold(PARTIAL_CENSUS, PARTIAL_COLUMNS) if PARTIAL_CENSUS.exists() else []
    dropped_right = sum(r[0] == "yes" for r in dropped)
    repaired = (read_gold(REPAIRED_CENSUS, REPAIRED_COLUMNS) if REPAIRED_CENSUS.exists()
                else [])
    repaired_right = sum(r[0] == "yes" for r in repaired)
    # The strata describe the link file of PREP_BEFORE; the links new and gone since then
    # (two censuses) are put in and taken out with their judged shares right.
    prep_right, prep = _share(PREP_CENSUS)
    prep_gone_right, prep_gone = _share(PREP_GONE_CENSUS)
    shipped = sum(usable(link) for link in links)
    kept = shipped - prep + prep_gone
    total = kept + len(dropped) - len(repaired)
    estimate = ((total - once_added - taught) * before + once_added * once_share
                + taught_right) / total
    return {"dropped": len(dropped), "dropped right": dropped_right,
            "repaired": len(repaired), "repaired right": repaired_right,
            "estimate before drop": estimate, "new": new_added, "old": old,
            "new share": share[NEW_SAMPLE],
            "before": before, "before total": before_total, "once": once_added,
            "once share": once_share, "taught": taught, "taught share": taught_right / taught,
            "prep": prep, "prep right": prep_right, "prep gone": prep_gone,
            "prep gone right": prep_gone_right, "total": shipped, "base": kept,
            "estimate": (estimate * total - dropped_right + repaired_right
                         - prep_gone_right + prep_right) / shipped}


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
    composed = read_gold(COMPOSED_CENSUS, COMPOSED_COLUMNS)
    right = sum(r[0] == "yes" for r in composed)
    print(f"composed-translation precision, census ({COMPOSED_CENSUS.name}): "
          f"{right}/{len(composed)} = {right / len(composed):.1%}")
    for label, path, columns in (("acronym-spelt composed names", NAMES_CENSUS, NAMES_COLUMNS),
                                 ("composed names of bodies", BODIES_CENSUS, COMPOSED_COLUMNS)):
        rows = read_gold(path, columns)
        right = sum(r[0] == "yes" for r in rows)
        print(f"{label} precision, census ({path.name}): {right}/{len(rows)} = "
              f"{right / len(rows):.1%}")
    p = stratified_precision(pairs)
    print(f"extracted-pair precision, held-out, stratified over {p['total']} pairs "
          f"({p['total'] - p['once'] - p['taught']} of the link file of {ONCE_BEFORE} at "
          f"{p['before']:.1%}: "
          f"{p['before total'] - p['new']} at {p['old']:.1%}, {p['new']} at "
          f"{p['new share']:.1%}; {p['once']} new in this pass at {p['once share']:.1%}, "
          f"{p['taught']} taught at {p['taught share']:.1%}; then {p['dropped']} links cut "
          f"from a longer phrase taken out, {p['dropped right']} of them right, and "
          f"{p['repaired']} repaired links put in, {p['repaired right']} of them right): "
          f"{p['estimate before drop']:.1%} -> {p['estimate']:.1%}")


def write_partial_census(dropped, pairs, cuts) -> None:
    """Every link dropped as cut from a longer phrase, to judge by reading (column ``right``:
    yes when the link was a right pair after all); judgements of rows already judged are
    kept. ``cuts[i]`` says how the first evidence pair of ``dropped[i]`` is cut."""
    old = ({(r[1], r[2]): r[0] for r in read_gold(PARTIAL_CENSUS, PARTIAL_COLUMNS)}
           if PARTIAL_CENSUS.exists() else {})
    lines = ["# The term links of seeds/terms/unpc_terms.tsv cut from a longer phrase, repaired "
             "to the whole phrase or dropped (termbase.extract.partial; bench_terms.py "
             "--repair-partial), to judge by "
             "reading: right = yes when the pair was right after all (a census).",
             "\t".join(PARTIAL_COLUMNS)]
    for link, how in zip(dropped, cuts, strict=True):
        p = pairs[link.evidence[0].pair]
        cells = [old.get((link.fr_text(), link.en_text()), ""), link.fr_text(), link.en_text(),
                 str(link.links), how, p.fr, p.en]
        lines.append("\t".join(c.replace("\t", " ") for c in cells))
    PARTIAL_CENSUS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(dropped)} rows -> {PARTIAL_CENSUS}")


def write_repaired_census(repaired, pairs) -> None:
    """Every repaired link shipped as a link of its own (``(cut link, repaired link)``), to
    judge by reading (column ``right``: yes when the English is a correct UN equivalent of
    the French, whole on both sides); judgements of rows already judged are kept."""
    old = {}
    if REPAIRED_CENSUS.exists():  # read by hand: rows not judged yet have no ``right``
        for line in REPAIRED_CENSUS.read_text(encoding="utf-8").splitlines()[2:]:
            cells = line.split("\t")
            old[cells[1], cells[2]] = cells[0]
    lines = ["# The links cut from a longer phrase repaired to the whole phrase and shipped as "
             "links of their own in seeds/terms/unpc_terms.tsv (termbase.extract.partial; "
             "bench_terms.py --repair-partial), to judge by reading: right = yes when the "
             "English is a correct UN equivalent of the French, whole on both sides (a census).",
             "\t".join(REPAIRED_COLUMNS)]
    for link, new in repaired:
        p = pairs[new.evidence[0].pair]
        cells = [old.get((new.fr_text(), new.en_text()), ""), new.fr_text(), new.en_text(),
                 link.fr_text(), link.en_text(), str(new.links), p.fr, p.en]
        lines.append("\t".join(c.replace("\t", " ") for c in cells))
    REPAIRED_CENSUS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(repaired)} rows -> {REPAIRED_CENSUS}")


def shipped_at(pairs, commit: str) -> list:
    """Everything precomputed that the default build got at ``commit`` (its shipped files of
    ``seeds/terms``, read by today's loaders in the order of
    :func:`termalign.building.shipped_concepts`), for a before → after in one run."""
    from termbase.extract.compose_bodies import load_bodies
    from termbase.extract.compose_names_io import load_names
    from termbase.extract.compose_terms import load_composed
    from termbase.extract.corpora import load_name_concepts

    def old(name: str, tmp: Path) -> Path:
        text = subprocess.run(["git", "show", f"{commit}:seeds/terms/{name}"], cwd=ROOT,
                              capture_output=True, text=True, check=True).stdout
        path = tmp / name
        path.write_text(text, encoding="utf-8")
        return path

    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        links = load_links(old("unpc_terms.tsv", t), pairs)
        return [*(link_concept(link, pairs) for link in links if usable(link)),
                *load_name_concepts(old("corpora_names.tsv", t)),
                *load_name_concepts(old("corpora_terms.tsv", t)),
                *load_composed(old("composed_terms.tsv", t)),
                *load_bodies(old("composed_bodies.tsv", t)),
                *load_names(old("composed_names.tsv", t))]
