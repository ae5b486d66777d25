"""A small real termbase for the web tests, built through the store API."""

from __future__ import annotations

from pathlib import Path

from termbase.model import Concept, Evidence, Term

CSTO_FR = (
    "se félicite que les organismes compétents des Nations Unies aient intensifié leur "
    "collaboration avec l'Organisation pour la sécurité et la coopération en Europe et "
    "l'Organisation du Traité de sécurité collective à cet égard;"
)
CSTO_EN = (
    "welcomes the intensified cooperation of the relevant United Nations institutions with "
    "the OSCE and the CSTO in this regard;"
)


def concepts() -> list[Concept]:
    """CSTO, the Security Council, Côte d'Ivoire (with a term to avoid) and a term."""
    return [
        Concept(
            kind="title", curated=True, origin="UNTERM",
            terms=[
                Term("fr", "Organisation du Traité de sécurité collective"),
                Term("fr", "OTSC", "acronym"),
                Term("en", "Collective Security Treaty Organization"),
                Term("en", "CSTO", "acronym"),
            ],
            evidence=[Evidence("UNv1.0.testset line 3046", context_fr=CSTO_FR,
                               context_en=CSTO_EN, symbol="A/RES/70/77")],
        ),
        Concept(
            kind="title", curated=True,
            terms=[Term("fr", "Conseil de sécurité"), Term("en", "Security Council")],
            note="Principal organ of the United Nations.",
        ),
        Concept(
            kind="country", curated=True,
            terms=[Term("fr", "Côte d'Ivoire", "shortForm"),
                   Term("fr", "la République de Côte d'Ivoire"),
                   Term("en", "Côte d'Ivoire", "shortForm"),
                   Term("en", "the Republic of Côte d'Ivoire"),
                   Term("en", "Ivory Coast", "shortForm", status="deprecated")],
        ),
        Concept(
            kind="title", curated=True,
            terms=[Term("fr", "Mission d'observation des Nations Unies en Géorgie"),
                   Term("fr", "MONUG", "acronym", status="superseded"),
                   Term("en", "United Nations Observer Mission in Georgia"),
                   Term("en", "UNOMIG", "acronym", status="superseded")],
        ),
    ]


def build_termbase(path: Path) -> Path:
    """Write the test termbase at ``path``; return the path."""
    from termbase.store import Termbase

    with Termbase.open(path) as tb, tb.transaction():
        for concept in concepts():
            tb.add_concept(concept)
    return path


FR_DOC = """Le Conseil de sécurité s'est réuni le 19 avril 2021.

Il a salué la coopération avec l'Organisation du Traité de sécurité collective (OTSC).

La séance est levée à 13 heures.
"""

EN_DOC = """The Security Council met on 19 April 2021.

It welcomed the cooperation with the Collective Security Treaty Organization (CSTO).

The meeting rose at 1 p.m.
"""
