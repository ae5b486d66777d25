"""TBX-Basic export/import: schema conformance (v3 DCA, v2), round trip, safety, import CLI."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree, isoschematron

from termbase import tbx
from termbase.errors import FormatError
from termbase.model import Concept, Evidence, Term
from termbase.store import Termbase

SCHEMATRON_1_5 = "http://www.ascc.net/xml/schematron"
ISO_SCHEMATRON = "http://purl.oclc.org/dsdl/schematron"


def _concepts() -> list[Concept]:
    return [
        Concept(
            kind="title", curated=True, subject="organisations régionales",
            note="Ne pas confondre avec la CEMAC.\nVoir aussi : CEDEAO.", origin="UNTERM",
            terms=[
                Term("fr", "Communauté économique des États de l’Afrique centrale"),
                Term("fr", "CEEAC", "acronym"),
                Term("en", "Economic Community of Central African States"),
                Term("en", "ECCAS", "acronym"),
                Term("en", "CEEAC", "acronym", "deprecated", no_check=True),
            ],
            evidence=[
                Evidence("S/2021/297", "La CEEAC & l'ONU <coopèrent>.", "ECCAS and the UN",
                         symbol="S/2021/297", method="aligned", confidence=0.8),
                Evidence("UNTERM"),
                Evidence("note only", context_en="English context only"),
            ],
        ),
        Concept(
            kind="term", confidence=0.6, origin="acronym-definition",
            terms=[Term("fr", "maintien de la paix", status="admitted"),
                   Term("fr", "opérations de paix", "variant", "superseded")],
            evidence=[Evidence("A/75/1", context_fr="Le maintien de la paix.", context_en="x",
                               method="acronym-definition")],
        ),
        Concept(kind="country", curated=True,
                terms=[Term("en", "Viet Nam", "shortForm"), Term("fr", "Viet Nam", "shortForm")]),
    ]


@pytest.fixture()
def termbase(tmp_path) -> Termbase:
    with Termbase.open(tmp_path / "tb.sqlite3") as tb:
        for concept in _concepts():
            tb.add_concept(concept)
        yield tb


def _dca_schematron(shared: Path) -> isoschematron.Schematron:
    """The official TBX-Basic DCA rules, ported to XPath 1 as /work/shared/tbx/README.md says."""
    text = (shared / "tbx/v3/basic/dca/TBX-Basic_DCA.sch").read_text(encoding="utf-8")
    text = text.replace('queryBinding="xslt2"', 'queryBinding="xslt"')
    text = text.replace("./local-name()", "local-name()")
    text = text.replace("matches(@target,'https?://.+')",
                        "(contains(@target,'http://') or contains(@target,'https://'))")
    return isoschematron.Schematron(etree.fromstring(text.encode("utf-8")))


def _v2_schematron(shared: Path) -> isoschematron.Schematron:
    """The Schematron 1.5 rules embedded in the v2 RNG, moved to the ISO namespace."""
    rng = etree.parse(str(shared / "tbx/v2/basic/TBXBasicRNGV02.rng"))
    schema = etree.Element(f"{{{ISO_SCHEMATRON}}}schema", queryBinding="xslt")
    for pattern in rng.iter(f"{{{SCHEMATRON_1_5}}}pattern"):
        text = etree.tostring(pattern).decode().replace(SCHEMATRON_1_5, ISO_SCHEMATRON)
        iso = etree.fromstring(text)
        iso.attrib.pop("name", None)  # Schematron 1.5 names patterns; ISO uses @id
        schema.append(iso)
    assert len(schema) > 10
    return isoschematron.Schematron(schema)


def test_v3_export_validates(termbase, tmp_path, shared):
    out = tmp_path / "out.tbx"
    assert tbx.dump(termbase.iter_concepts(), out, version=3) == 3
    doc = etree.parse(str(out))
    rng = etree.RelaxNG(file=str(shared / "tbx/v3/core/TBXcoreStructV03.rng"))
    assert rng.validate(doc), rng.error_log
    sch = _dca_schematron(shared)
    assert sch.validate(doc), sch.error_log
    root = doc.getroot()
    assert (root.get("type"), root.get("style")) == ("TBX-Basic", "dca")


def test_dca_schematron_port_rejects_bad_values(termbase, tmp_path, shared):
    out = tmp_path / "out.tbx"
    tbx.dump(termbase.iter_concepts(), out)
    bad = out.read_text(encoding="utf-8").replace("preferredTerm-admn-sts", "preferred", 1)
    doc = etree.fromstring(bad.encode("utf-8"))
    assert not _dca_schematron(shared).validate(doc)


def test_v2_export_validates(termbase, tmp_path, shared):
    out = tmp_path / "out2.tbx"
    assert tbx.dump(termbase.iter_concepts(), out, version=2) == 3
    doc = etree.parse(str(out))
    rng = etree.RelaxNG(file=str(shared / "tbx/v2/basic/TBXBasicRNGV02.rng"))
    assert rng.validate(doc), rng.error_log
    dtd = etree.DTD(str(shared / "tbx/v2/basic/TBXBasiccoreStructV02.dtd"))
    assert dtd.validate(doc), dtd.error_log
    sch = _v2_schematron(shared)
    assert sch.validate(doc), sch.error_log


@pytest.mark.parametrize("version", [3, 2])
def test_round_trip(termbase, tmp_path, version):
    first, second = tmp_path / "a.tbx", tmp_path / "b.tbx"
    tbx.dump(termbase.iter_concepts(), first, version=version)
    with Termbase.open(tmp_path / f"empty{version}.sqlite3") as fresh:
        with fresh.transaction():
            outcomes = [fresh.merge_concept(c)[1] for c in tbx.iter_load(first)]
        assert outcomes == ["added"] * 3
        tbx.dump(fresh.iter_concepts(), second, version=version)
        again = list(fresh.iter_concepts())
    assert first.read_bytes() == second.read_bytes()
    original = list(termbase.iter_concepts())
    assert [_content(c) for c in again] == [_content(c) for c in original]


def _content(c: Concept):
    return (c.kind, c.subject, c.note, c.curated, c.confidence, c.origin,
            # TBX groups terms by language (French first); the order inside a language is kept.
            sorted([(t.lang, t.text, t.type, t.status, t.no_check) for t in c.terms],
                   key=lambda t: t[0] != "fr"),
            [(e.source, e.symbol, e.context_fr, e.context_en, e.method, e.confidence)
             for e in c.evidence])


def test_reads_official_samples(shared):
    concepts = tbx.load(shared / "tbx/samples/v3/un_fr_en_minimal.tbx")
    assert len(concepts) == 2
    otsc, ceeac = concepts
    assert [(t.lang, t.text, t.type) for t in otsc.terms][:2] == [
        ("fr", "Organisation du Traité de sécurité collective", "fullForm"),
        ("fr", "OTSC", "acronym")]
    assert ceeac.note == "Ne pas confondre avec la CEMAC."
    assert ceeac.subject == "organisations régionales"
    assert ceeac.terms[-1].status == "deprecated"
    assert any("coopération" in e.context_fr for e in ceeac.evidence)
    v2 = tbx.load(shared / "tbx/samples/v2/TBX-basic-sample.tbx")
    assert any(t.text == "courriel" and t.lang == "fr" for c in v2 for t in c.terms)
    assert all(t.lang in ("fr", "en") for c in v2 for t in c.terms)


IATE_LIKE = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">
<martif type="TBX" xml:lang="en"><martifHeader><fileDesc><sourceDesc><p>IATE</p></sourceDesc>
</fileDesc></martifHeader><text><body>
<termEntry id="IATE-884335">
  <descripGrp><descrip type="subjectField">international security</descrip></descripGrp>
  <langSet xml:lang="de"><ntig><termGrp><term>Organisation des Vertrags über kollektive
    Sicherheit</term></termGrp></ntig></langSet>
  <langSet xml:lang="en-GB"><ntig><termGrp><term>Collective Security Treaty Organisation</term>
    <termNote type="termType">fullForm</termNote></termGrp>
    <descrip type="reliabilityCode">3</descrip></ntig>
    <ntig><termGrp><term>CSTO</term><termNote type="termType">abbreviation</termNote></termGrp>
    <termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></ntig></langSet>
  <langSet xml:lang="fr"><tig><term>Organisation du traité de sécurité collective</term>
    <descrip type="context">Les États membres de l'OTSC.</descrip></tig></langSet>
</termEntry>
<termEntry id="IATE-2"><langSet xml:lang="de"><tig><term>nur Deutsch</term></tig></langSet>
</termEntry>
</body></text></martif>"""


def test_reads_iate_like_v2(tmp_path):
    path = tmp_path / "iate.tbx"
    path.write_text(IATE_LIKE, encoding="utf-8")
    (concept,) = tbx.load(path)  # the German-only entry is left out
    assert concept.subject == "international security"
    assert [(t.lang, t.text, t.type, t.status) for t in concept.terms] == [
        ("en", "Collective Security Treaty Organisation", "fullForm", "preferred"),
        ("en", "CSTO", "acronym", "admitted"),
        ("fr", "Organisation du traité de sécurité collective", "fullForm", "preferred"),
    ]
    assert concept.evidence[0].context_fr == "Les États membres de l'OTSC."
    assert concept.evidence[0].method == "import" and not concept.curated
    with Termbase.open(tmp_path / "tb.sqlite3") as tb:
        assert tb.merge_concept(concept)[1] == "added"
        assert tb.lookup("csto")[0].concept.terms_in("fr")[0].text.startswith("Organisation")


BOMB = """<?xml version="1.0"?>
<!DOCTYPE tbx [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
]>
<tbx xmlns="urn:iso:std:iso:30042:ed-2" xml:lang="fr" type="TBX-Basic" style="dca">
<text><body><conceptEntry id="a"><langSec xml:lang="fr"><termSec><term>&lol2;</term>
</termSec></langSec></conceptEntry></body></text></tbx>"""


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (BOMB, "declares entities"),
        ("<html><body/></html>", "not a TBX file"),
        ("<tbx><text><body><conceptEntry>", "not well-formed"),
        ("", "not well-formed"),
    ],
)
def test_bad_input_is_a_format_error(tmp_path, content, message):
    path = tmp_path / "bad.tbx"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(FormatError, match=message):
        tbx.load(path)


def test_failed_export_leaves_no_file(tmp_path):
    out = tmp_path / "out.tbx"
    out.write_text("previous", encoding="utf-8")

    def broken():
        yield _concepts()[0]
        raise RuntimeError("disk on fire")

    with pytest.raises(RuntimeError):
        tbx.dump(broken(), out)
    assert out.read_text(encoding="utf-8") == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["out.tbx"]


def test_export_escapes_markup(termbase, tmp_path):
    out = tmp_path / "out.tbx"
    tbx.dump(termbase.iter_concepts(), out)
    text = out.read_text(encoding="utf-8")
    assert "&amp; l'ONU &lt;coopèrent&gt;" in text
    assert re.search(r'<conceptEntry [^>]*id="c1"', text)


def test_control_characters_do_not_break_export(tmp_path):
    concept = Concept(id=1, terms=[Term("fr", "Conseil\x0cde sécurité")],
                      evidence=[Evidence("doc\x00", context_fr="ligne\x07brisée")])
    out = tmp_path / "out.tbx"
    assert tbx.dump([concept], out) == 1
    (back,) = tbx.load(out)
    assert back.terms[0].text == "Conseil de sécurité"
    assert back.evidence[0].context_fr == "ligne brisée"
