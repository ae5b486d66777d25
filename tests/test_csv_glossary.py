"""Glossaries for CAT tools (source, target, comment) and plain 2-column fr/en CSV/TSV import."""

from __future__ import annotations

from collections import Counter

import pytest

from termbase import csvfmt, glossary
from termbase.errors import FormatError
from termbase.model import Concept, Field, Term
from termbase.store import Termbase
from termbase.transfer import import_file

CONCEPTS = [
    Concept(kind="title", terms=[
        Term("fr", "Communauté économique des États de l'Afrique centrale"),
        Term("fr", "CEEAC", "acronym"), Term("en", "Economic Community of Central African States"),
        Term("en", "ECCAS", "acronym"), Term("en", "CEEAC", "acronym", "deprecated")],
        fields=[Field("definition", "Regional economic community.", "en")]),
    Concept(kind="term", terms=[Term("fr", "maintien de la paix"),
                                Term("fr", "opérations de paix", status="superseded"),
                                Term("en", "peacekeeping")], note="Voir\taussi: DPO"),
    Concept(kind="term", terms=[Term("fr", "seulement français")]),
]


@pytest.mark.parametrize("source, expected", [
    ("fr", [("Communauté économique des États de l'Afrique centrale",
             "Economic Community of Central African States",
             "Regional economic community.; avoid: CEEAC"),
            ("CEEAC", "ECCAS", "Regional economic community.; avoid: CEEAC"),
            ("maintien de la paix", "peacekeeping", "Voir aussi: DPO")]),
    ("en", [("Economic Community of Central African States",
             "Communauté économique des États de l'Afrique centrale", ""),
            ("ECCAS", "CEEAC", ""),
            ("peacekeeping", "maintien de la paix", "Voir aussi: DPO; avoid: opérations de paix")]),
])
def test_glossary_lines_either_direction(tmp_path, source, expected):
    out = tmp_path / f"{source}.txt"
    assert glossary.dump(CONCEPTS, out, source) == 3
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [tuple(line.split("\t")) for line in lines] == expected


def test_glossary_bom_for_excel(tmp_path):
    out = tmp_path / "g.txt"
    glossary.dump(CONCEPTS, out, bom=True)
    assert out.read_bytes().startswith(b"\xef\xbb\xbfCommunaut")
    # and it comes back, BOM and all, as a plain fr/en glossary
    back = csvfmt.load(out)
    assert [(c.terms[0].text, c.terms[1].text) for c in back][1] == ("CEEAC", "ECCAS")


@pytest.mark.parametrize("name, text", [
    ("plain.csv", "Organisation des Nations Unies,United Nations\nOTSC,CSTO\n"),
    ("header.csv", "fr,en\nOrganisation des Nations Unies,United Nations\nOTSC,CSTO\n"),
    ("swapped.tsv", "English\tFrench\nUnited Nations\tOrganisation des Nations Unies\nCSTO\tOTSC\n"),
    ("semicolons.csv", "\ufefffrançais;anglais\nOrganisation des Nations Unies;United Nations\nOTSC;CSTO\n"),
])
def test_two_column_import(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with Termbase.open(tmp_path / "tb.sqlite3") as tb:
        assert dict(import_file(tb, path)) == {"added": 2, "merged": 0, "skipped": 0}
        (result,) = tb.lookup("CSTO")
        assert [(t.lang, t.text, t.type) for t in result.concept.terms] == [
            ("fr", "OTSC", "acronym"), ("en", "CSTO", "acronym")]


def test_one_column_is_refused(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("fr,en\nOTSC\n", encoding="utf-8")
    with pytest.raises(FormatError, match="bad.csv:2: expected a French and an English term"):
        csvfmt.load(path)


def test_own_csv_still_round_trips_and_reports_unknown_columns(tmp_path):
    out = tmp_path / "all.csv"
    csvfmt.dump(CONCEPTS, out)
    text = out.read_text(encoding="utf-8").replace("concept,", "extra,concept,", 1)
    lines = text.splitlines()
    (tmp_path / "x.csv").write_text(
        "\n".join([lines[0]] + ["," + line for line in lines[1:]]) + "\n", encoding="utf-8")
    ignored: Counter = Counter()
    back = csvfmt.load(tmp_path / "x.csv", ignored)
    assert [len(c.terms) for c in back] == [5, 3, 1]
    assert ignored == {"CSV column 'extra'": 1}
