"""The application side of ``termalign build``: reading and cleaning sources, the bundled seeds.

The termbase library builds from already-clean text; this module reads the files (text, Word,
PDF) with the aligner's cleaner, reads aligned corpora (line-aligned pairs, TMX) and lists the
bundled seeds and curated data.
"""

from __future__ import annotations

from pathlib import Path

import seeds
from termbase.build import BuildReport, Progress, SourceDocument, build
from termbase.curated import load_curated
from termbase.extract.compose_bodies import load_bodies
from termbase.extract.compose_names_io import load_names
from termbase.extract.compose_terms import load_composed
from termbase.extract.cooccur import AlignedPair, read_aligned
from termbase.extract.corpora import load_name_concepts
from termbase.extract.term_concepts import link_concept, load_links, usable

#: Document symbols of the seed documents whose text does not print one.
SEED_SYMBOLS = {
    "S-2021-297.fr.txt": "S/2021/297",
    "A-75-345-S-2020-898.fr.txt": "A/75/345-S/2020/898",
    "2016-10-14-Federation-de-Russie-lettre.fr.txt": "S/2016/867",
}
#: The UN Parallel Corpus sets shipped in ``seeds/unpc``.
UNPC_SETS = ("devset", "testset")
#: The term links extracted once from the shipped UN pairs (``benchmarks/bench_terms.py
#: --write``), so that a build needs no tagger for them.
SHIPPED_TERMS = ("terms", "unpc_terms.tsv")
#: Names learnt from the UN pairs and other aligned corpora (``benchmarks/derive_corpora.py``).
CORPORA_NAMES = ("terms", "corpora_names.tsv")
#: Key terms learnt from the aligned corpora beyond the UN pairs, at a lower confidence
#: (``benchmarks/derive_corpora.py --write-terms``).
CORPORA_TERMS = ("terms", "corpora_terms.tsv")
#: French terms of the seed documents translated by composition, attested in UN English
#: (benchmarks/compose_write.py --write; termbase.extract.compose).
COMPOSED_TERMS = ("terms", "composed_terms.tsv")
#: French names defined with an acronym, composed from their words and spelt by their
#: English acronym (benchmarks/compose_write.py --write; termbase.extract.compose_names).
COMPOSED_NAMES = ("terms", "composed_names.tsv")
#: Names of bodies of the seed documents composed from a regular head noun and an attested
#: rest (benchmarks/compose_write.py --write; termbase.extract.compose_bodies).
COMPOSED_BODIES = ("terms", "composed_bodies.tsv")


def read_document(path: str | Path, lang: str | None = None) -> SourceDocument:
    """Read and clean one document into paragraphs (body, then footnotes)."""
    from aligner.clean import clean_file

    path = Path(path)
    doc = clean_file(path, lang)
    paragraphs = [p.text for p in doc.body()]
    paragraphs += [note.text for note in doc.footnotes]
    symbol = doc.symbol or SEED_SYMBOLS.get(path.name, "")
    return SourceDocument(path.name, paragraphs, doc.lang or lang or "fr", symbol)


def read_tmx(path: str | Path) -> list[AlignedPair]:
    """The 1-1 and n-m sentence pairs of a TMX file as aligned pairs."""
    from aligner.formats import tmx

    alignment = tmx.load(path)
    name = Path(path).name
    return [AlignedPair(u.fr, u.en, f"{name}:{i}") for i, u in enumerate(alignment.units, 1)
            if u.fr and u.en]


def seed_documents() -> list[Path]:
    """The French seed documents."""
    return seeds.french_documents()


def seed_aligned() -> list[AlignedPair]:
    """The UN Parallel Corpus dev and test sets (8,000 official sentence pairs)."""
    pairs: list[AlignedPair] = []
    for name in UNPC_SETS:
        base = seeds.path("unpc", f"UNv1.0.{name}")
        pairs += read_aligned(f"{base}.fr", f"{base}.en", f"{base}.ids")
    return pairs


def shipped_term_concepts(pairs: list[AlignedPair] | None = None):
    """The term concepts of the shipped UN pairs, with their evidence (``pairs``: the
    shipped pairs, read again when not given)."""
    pairs = seed_aligned() if pairs is None else pairs
    links = load_links(seeds.path(*SHIPPED_TERMS), pairs)
    return [link_concept(link, pairs) for link in links if usable(link)]


def shipped_concepts(pairs: list[AlignedPair] | None = None, composed: bool = True,
                     names: bool = True):
    """Everything precomputed that a build with the shipped evidence gets: the term
    concepts of the shipped UN pairs, then the names learnt from the aligned corpora, then
    the key terms learnt from the corpora beyond the UN pairs (lower confidence), then
    (with ``composed``) the seeds' terms translated by composition (lowest confidence) and
    (with ``names`` too) the names of bodies composed from a regular head and an attested
    rest and the names composed and spelt by their English acronym."""
    out = [*shipped_term_concepts(pairs), *load_name_concepts(seeds.path(*CORPORA_NAMES)),
           *load_name_concepts(seeds.path(*CORPORA_TERMS))]
    if composed and seeds.path(*COMPOSED_TERMS).exists():
        out += load_composed(seeds.path(*COMPOSED_TERMS))
    if composed and names and seeds.path(*COMPOSED_BODIES).exists():
        out += load_bodies(seeds.path(*COMPOSED_BODIES))
    if composed and names and seeds.path(*COMPOSED_NAMES).exists():
        out += load_names(seeds.path(*COMPOSED_NAMES))
    return out


def seed_curated():
    """The curated concepts shipped in ``seeds/curated`` and the UNTERM country list."""
    curated = seeds.path("curated")
    return load_curated(
        bodies=[curated / "un_bodies.tsv"],
        terms=[curated / "un_terms.tsv"],
        countries=seeds.path("unterm", "unterm_countries_en_fr.tsv"),
        country_changes=[curated / "country_name_changes.tsv"],
    )


def build_from_seeds(db_path: str | Path, rebuild: bool = True, curated: bool = True,
                     progress: Progress | None = None) -> BuildReport:
    """Build the termbase at ``db_path`` from everything bundled in ``seeds``."""
    documents = [read_document(p, "fr") for p in seed_documents()]
    aligned = seed_aligned()
    return build(db_path, documents=documents, aligned=aligned,
                 curated=seed_curated() if curated else [], rebuild=rebuild,
                 progress=progress, term_pairs=[], extracted=shipped_concepts(aligned))
