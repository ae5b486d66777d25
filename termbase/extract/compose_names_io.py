"""Candidate concepts of the names composed and spelt by their English acronym
(:mod:`termbase.extract.compose_names`), and the file that ships them
(``seeds/terms/composed_names.tsv``).

Each concept is a candidate holding the French name and acronym, the composed English name
and the English acronym; its note says *composed from its words, spelt by its English
acronym* with the word renderings used, and its evidence gives the French sentence that
defines the name and the English sentence that writes the English acronym (the acronym
highlighted), so a lookup shows what the English name rests on.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from termbase.errors import FormatError
from termbase.extract.compose_names import FrenchName, NameComposition
from termbase.extract.compose_terms import read_table, write_table
from termbase.extract.cooccur import AlignedPair
from termbase.model import Concept, Evidence, Term

ORIGIN = "name-composition"
#: Two signals (the word renderings, the acronym letters): above a composition attested by
#: the English text alone (0.25), below the pair links.
CONFIDENCE = 0.3
COLUMNS = ("fr", "fr_acronym", "en", "en_acronym", "confidence", "attested", "parts",
           "source", "symbol", "context_fr", "acronym_in", "context_en", "span_en")


def _row(name: FrenchName, found: NameComposition, pair: AlignedPair) -> dict[str, str]:
    start = pair.en.find(found.acronym)
    return {"fr": name.text, "fr_acronym": name.acronym, "en": found.en,
            "en_acronym": found.acronym, "confidence": f"{CONFIDENCE}",
            "attested": f"{found.attested}",
            "parts": " + ".join(f"{f}={e}" for f, e in found.parts),
            "source": name.source, "symbol": name.symbol, "context_fr": name.context,
            "acronym_in": pair.source or "aligned pair", "context_en": pair.en,
            "span_en": f"{start}-{start + len(found.acronym)}" if start >= 0 else ""}


def dump_names(found: Sequence[tuple[FrenchName, NameComposition, AlignedPair]],
               path: str | Path, header: str) -> None:
    """Write the composed names (:func:`termbase.extract.compose_names.compose_names`)."""
    write_table(path, header, COLUMNS, (_row(name, comp, pair) for name, comp, pair in found))


def read_names(path: str | Path) -> list[dict[str, str]]:
    """The rows of a composed-names file."""
    return read_table(path, COLUMNS, "composed-names")


def name_concept(row: dict[str, str]) -> Concept:
    """The candidate concept of one composed-names row.

    >>> c = name_concept({"fr": "Organisation du Traité de sécurité collective",
    ...     "fr_acronym": "OTSC", "en": "Collective Security Treaty Organization",
    ...     "en_acronym": "CSTO", "confidence": "0.3", "attested": "2.5",
    ...     "parts": "organisation=organization", "source": "lettre.fr.txt", "symbol": "S/1",
    ...     "context_fr": "l’Organisation du Traité de sécurité collective (OTSC)",
    ...     "acronym_in": "UNv1.0.testset.en:1", "context_en": "with the CSTO;",
    ...     "span_en": "9-13"})
    >>> [(t.lang, t.type, t.text) for t in c.terms]  # doctest: +NORMALIZE_WHITESPACE
    [('fr', 'fullForm', 'Organisation du Traité de sécurité collective'),
     ('fr', 'acronym', 'OTSC'), ('en', 'fullForm', 'Collective Security Treaty Organization'),
     ('en', 'acronym', 'CSTO')]
    >>> c.origin, c.confidence, c.evidence[1].span_en
    ('name-composition', 0.3, (9, 13))
    """
    try:
        confidence = float(row["confidence"])
        span = tuple(int(x) for x in row["span_en"].split("-")) if row["span_en"] else None
    except ValueError as exc:
        raise FormatError(f"bad confidence or span for composed name {row['fr']!r}") from exc
    note = (f"composed from its words ({row['parts']}); its initials spell the English "
            f"acronym {row['en_acronym']}, written in {row['acronym_in']}")
    terms = [Term("fr", row["fr"], "fullForm", "preferred")]
    if row["fr_acronym"]:
        terms.append(Term("fr", row["fr_acronym"], "acronym", "preferred"))
    terms += [Term("en", row["en"], "fullForm", "admitted"),
              Term("en", row["en_acronym"], "acronym", "admitted")]
    evidence = [Evidence(source=row["source"], context_fr=row["context_fr"],
                         symbol=row["symbol"], method="term", confidence=confidence),
                Evidence(source=f"composed; English acronym in {row['acronym_in']}",
                         context_en=row["context_en"], method="term", confidence=confidence,
                         span_en=span)]
    return Concept(kind="title", terms=terms, evidence=evidence, curated=False,
                   confidence=confidence, origin=ORIGIN, note=note)


def load_names(path: str | Path) -> list[Concept]:
    """The candidate concepts of a composed-names file."""
    return [name_concept(row) for row in read_names(path)]
