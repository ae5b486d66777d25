"""translate-toolkit, a real consumer, reads termalign's TMX, XLIFF and TBX v2."""

from __future__ import annotations

import pytest
from translate.storage import factory
from translate.storage.tbx import tbxfile
from translate.storage.xliff import xliffunit

from aligner.formats import Alignment, Unit, tmx, xliff
from termbase import tbx
from termbase.model import Concept, Field, Term

ALIGNMENT = Alignment([
    Unit("Le Conseil de sécurité se réunit.", "The Security Council meets.", 0.91, False, (0,), (0,)),
    Unit("L'OTSC & l'ONU <coopèrent>.", "The CSTO and the UN cooperate.", 0.12, True, (1,), (1,)),
], "s.fr.txt", "s.en.txt")
CONCEPTS = [
    Concept(kind="title", curated=True, id=1, terms=[
        Term("fr", "Organisation du Traité de sécurité collective"), Term("fr", "OTSC", "acronym"),
        Term("en", "Collective Security Treaty Organization"), Term("en", "CSTO", "acronym"),
        Term("en", "OTSC", "acronym", "deprecated")],
        fields=[Field("definition", "Alliance militaire régionale.", "fr")]),
    Concept(kind="term", id=2, terms=[Term("fr", "maintien de la paix"), Term("en", "peacekeeping")]),
]


def test_tmx(tmp_path):
    path = tmp_path / "a.tmx"
    tmx.dump(ALIGNMENT, path)
    store = factory.getobject(str(path))
    assert [(u.source, u.target) for u in store.units] == [(u.fr, u.en) for u in ALIGNMENT.units]


def test_xliff_states(tmp_path):
    path = tmp_path / "a.xlf"
    xliff.dump(ALIGNMENT, path)
    store = factory.getobject(str(path))
    assert (store.getsourcelanguage(), store.gettargetlanguage()) == ("fr", "en")
    units = store.getunits()
    assert [(u.source, u.target) for u in units] == [(u.fr, u.en) for u in ALIGNMENT.units]
    # confident bead: translated, not reviewed; low-confidence bead: needs review
    assert [u.get_state_n() for u in units] == [xliffunit.S_TRANSLATED, xliffunit.S_NEEDS_REVIEW]


@pytest.mark.parametrize("for_cat_tools", [True, False])
def test_tbx_v2(tmp_path, for_cat_tools):
    path = tmp_path / "g.tbx"
    tbx.dump(CONCEPTS, path, version=2, for_cat_tools=for_cat_tools)
    store = tbxfile.parsefile(str(path))
    pairs = [(u.source, u.target) for u in store.units]
    assert pairs == [("Organisation du Traité de sécurité collective",
                      "Collective Security Treaty Organization"),
                     ("maintien de la paix", "peacekeeping")]
