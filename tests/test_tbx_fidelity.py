"""TBX import fidelity: statuses, kept data categories, what is ignored, provenance in
standard categories, the CAT-tools export; real files from LTAC, Weblate, OmegaT."""

from __future__ import annotations

from collections import Counter

import pytest
from lxml import etree

from termbase import tbx
from termbase.model import Concept, Evidence, Field, Term
from termbase.store import Termbase
from termbase.transfer import import_file
from tests.test_tbx import _dca_schematron, _v2_schematron

NS = {"t": "urn:iso:std:iso:30042:ed-2"}
ASTRONOMY = "tbx/samples/v3/Example_Astronomy_DCA_VALID.tbx"


def _shape(concepts: list[Concept]):
    """Everything an import keeps, ids and dates of the store left out."""
    def fields(fs):
        return sorted((f.name, f.value, f.lang, f.source, f.target, f.date, f.type) for f in fs)

    return sorted(
        (c.kind, c.subject, c.note, c.curated, c.confidence, c.origin, fields(c.fields),
         sorted((t.lang, t.text, t.type, t.status, t.no_check, tuple(fields(t.fields)))
                for t in c.terms),
         sorted((e.source, e.context_fr, e.context_en, e.method) for e in c.evidence))
        for c in concepts)


def test_astronomy_sample_every_entry_accounted_for_and_round_trip(shared, tmp_path):
    source = shared / ASTRONOMY
    doc = etree.parse(str(source))
    assert len(doc.findall(".//t:conceptEntry", NS)) == 45
    assert len(doc.findall(".//t:termSec", NS)) == 113
    ignored: Counter = Counter()
    with Termbase.open(tmp_path / "a.sqlite3") as tb:
        counts = import_file(tb, source, ignored)
        first = list(tb.iter_concepts())
        out = tmp_path / "out.tbx"
        assert tbx.dump(tb.iter_concepts(), out) == 39
    # 39 entries with English terms + 6 entries in Zulu only = 45; 55 + 52 + 6 = 113.
    assert dict(counts) == {"added": 39, "merged": 0, "skipped": 0}
    # The responsibility of each transaction points at a person of the back matter, which
    # termalign does not keep (the name is kept, the reference is counted and dropped).
    dropped = "references to ids in the file (people, other entries): target dropped"
    assert ignored.pop(dropped) == 200
    assert ignored == {"entries without a French or English term": 6,
                       "term sections in other languages (es)": 52,
                       "term sections in other languages (zu)": 6}
    assert sum(len(c.terms) for c in first) == 55
    # Nothing TBX-Basic allows is dropped from the English side.
    en = '//t:langSec[@xml:lang="en"]'

    def count(path: str) -> int:
        return int(doc.xpath(f"count({path})", namespaces=NS))

    fields = Counter(f.name for c in first for f in c.fields)
    term_fields = Counter(f.name for c in first for t in c.terms for f in t.fields)
    assert fields["definition"] == count(f'{en}/t:descripGrp/t:descrip[@type="definition"]'
                                         f' | {en}/t:descrip[@type="definition"]') == 36
    assert fields["xGraphic"] == count('//t:conceptEntry/t:xref[@type="xGraphic"]') == 34
    assert term_fields["partOfSpeech"] == count(f'{en}//t:termNote[@type="partOfSpeech"]') == 55
    assert term_fields["note"] == count(f"{en}/t:termSec/t:note")
    contexts = count(f'{en}//t:descrip[@type="context"]')
    assert sum(1 for c in first for e in c.evidence if e.context_en) == contexts
    assert Counter(t.status for c in first for t in c.terms) == {
        "preferred": 44, "admitted": 9, "superseded": 1, "deprecated": 1}
    # The export is valid TBX-Basic and gives back the same termbase.
    exported = etree.parse(str(out))
    assert etree.RelaxNG(file=str(shared / "tbx/v3/core/TBXcoreStructV03.rng")).validate(exported)
    sch = _dca_schematron(shared)
    assert sch.validate(exported), sch.error_log
    with Termbase.open(tmp_path / "b.sqlite3") as tb:
        import_file(tb, out)
        assert _shape(list(tb.iter_concepts())) == _shape(first)


@pytest.mark.parametrize("name, deprecated", [
    ("interop/ltac__min_good.tbx", {"galactic cluster", "dark nebula"}),
    ("tbx/samples/v3/basic_good.tbx", None),
])
def test_usage_status_is_honoured(shared, name, deprecated):
    concepts = tbx.load(shared / name)
    found = {t.text for c in concepts for t in c.terms if t.status == "deprecated"}
    assert len(found) == 2
    if deprecated:
        assert "galactic cluster" in found
    admitted = {t.text for c in concepts for t in c.terms if t.status == "admitted"}
    assert "accretion disc" in admitted


def test_weblate_obsolete_terms_definitions_and_notes(shared):
    ignored: Counter = Counter()
    concepts = tbx.load(shared / "interop/weblate__fr-extended-metadata.tbx", ignored)
    bus, code = concepts
    assert {(t.lang, t.status) for t in bus.terms} == {("en", "superseded"), ("fr", "superseded")}
    assert Field("definition", "Superseded but still found in older manuals.") in bus.fields
    assert "Usage note: Avoid using this term in any documentation." in bus.note.splitlines()
    assert code.terms[0].fields == [Field("note", "Do not translate error codes.")]
    assert ignored == {"descrip type=Translation needed (kept as a note)": 2,
                       "descrip type=Usage note (kept as a note)": 1}


def test_omegat_sample_reports_the_other_language(shared):
    ignored: Counter = Counter()
    (concept,) = tbx.load(shared / "interop/omegat__sampleTBXfile.tbx", ignored)
    assert concept.terms[0].fields == [Field("partOfSpeech", "noun")]
    assert Field("definition", "A value between 0 and 1 used in ...") in concept.fields
    assert ignored == {"term sections in other languages (hu)": 1}


def _un_concepts() -> list[Concept]:
    return [
        Concept(kind="title", curated=True, origin="UNTERM",
                terms=[Term("fr", "Organisation du Traité de sécurité collective"),
                       Term("fr", "OTSC", "acronym"), Term("en", "CSTO", "acronym"),
                       Term("en", "Collective Security Treaty Organisation", status="deprecated",
                            fields=[Field("geographicalUsage", "en-GB")])],
                fields=[Field("definition", "Alliance militaire régionale.", "fr", "UNTERM")],
                evidence=[Evidence("S/2021/297", "L'OTSC a dit.", "The CSTO said.",
                                   method="aligned", confidence=0.8)]),
        Concept(kind="term", confidence=0.734, origin="termalign build",
                terms=[Term("fr", "maintien de la paix"), Term("en", "peacekeeping")]),
    ]


def test_provenance_in_standard_categories(tmp_path):
    out = tmp_path / "p.tbx"
    with Termbase.open(tmp_path / "p.sqlite3") as tb:
        for concept in _un_concepts():
            tb.add_concept(concept)
        tbx.dump(tb.iter_concepts(), out)
        original = list(tb.iter_concepts())
    text = out.read_text(encoding="utf-8")
    assert "termalign:" not in text
    doc = etree.parse(str(out))
    first = doc.find(".//t:conceptEntry", NS)
    assert first.findtext('t:transacGrp/t:transacNote[@type="responsibility"]', namespaces=NS) == "UNTERM"
    assert [a.text for a in first.findall('t:admin[@type="projectSubset"]', NS)] == ["title", "curated"]
    assert "reliabilityCode: 10" in [n.text for n in first.findall("t:note", NS)]
    assert "reliabilityCode: 7 (confidence 0.734)" in text
    assert text.count("<?xml-model ") == 2
    back = tbx.load(out)
    assert _shape(back) == _shape([_without_ids(c) for c in original])


def _without_ids(c: Concept) -> Concept:
    return c  # ids and dates are not part of _shape


def test_legacy_termalign_notes_are_still_read(tmp_path):
    path = tmp_path / "old.tbx"
    path.write_text(
        '<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="fr">'
        '<text><body><conceptEntry id="c1"><note>termalign: kind=title; curated=yes; '
        'confidence=1; origin=UNTERM</note><langSec xml:lang="fr"><termSec><term>OTSC</term>'
        '</termSec></langSec></conceptEntry></body></text></tbx>', encoding="utf-8")
    (concept,) = tbx.load(path)
    assert (concept.kind, concept.curated, concept.origin, concept.note) == (
        "title", True, "UNTERM", "")


@pytest.mark.parametrize("deprecated", ["omit", "mark"])
def test_export_for_cat_tools(tmp_path, shared, deprecated):
    out = tmp_path / "cat.tbx"
    assert tbx.dump(_un_concepts(), out, for_cat_tools=True, deprecated=deprecated) == 2
    text = out.read_text(encoding="utf-8")
    assert '<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">' in text
    assert "termalign-evidence" not in text and "reliabilityCode" not in text
    doc = etree.parse(str(out))
    dtd = etree.DTD(str(shared / "tbx/v2/basic/TBXBasiccoreStructV02.dtd"))
    assert dtd.validate(doc), dtd.error_log
    assert etree.RelaxNG(file=str(shared / "tbx/v2/basic/TBXBasicRNGV02.rng")).validate(doc)
    sch = _v2_schematron(shared)
    assert sch.validate(doc), sch.error_log
    if deprecated == "omit":
        assert "Collective Security Treaty Organisation" not in text
    else:
        assert "DEPRECATED: do not use" in text


def test_v2_export_round_trips_fields(tmp_path, shared):
    out = tmp_path / "v2.tbx"
    with Termbase.open(tmp_path / "v2.sqlite3") as tb:
        import_file(tb, shared / "tbx/samples/v2/TBX-basic-sample.tbx")
        first = list(tb.iter_concepts())
        tbx.dump(first, out, version=2)
    doc = etree.parse(str(out))
    rng = etree.RelaxNG(file=str(shared / "tbx/v2/basic/TBXBasicRNGV02.rng"))
    assert rng.validate(doc), rng.error_log
    assert _shape(tbx.load(out)) == _shape(first)
    names = Counter(f.name for c in first for t in c.terms for f in t.fields)
    assert names["grammaticalGender"] == 3 and names["geographicalUsage"] == 2


def test_merge_adds_the_fields_an_entry_lacks(tmp_path):
    with Termbase.open(tmp_path / "m.sqlite3") as tb:
        cid = tb.add_concept(Concept(kind="term", terms=[Term("en", "open cluster")]))
        incoming = Concept(kind="term", terms=[Term("en", "open cluster")],
                           fields=[Field("definition", "A group of stars.", "en", "Oxford2007")])
        assert tb.merge_concept(incoming) == (cid, "merged")
        assert tb.get_concept(cid).fields == incoming.fields
        assert tb.merge_concept(incoming) == (cid, "skipped")


@pytest.mark.parametrize("name", [
    "tbx/samples/v3/Example_Astronomy_DCT_VALID.tbx", "tbx/samples/v3/TBX-basic-sample.tbx",
    "tbx/samples/v3/basic_good.tbx", "tbx/samples/v3/un_fr_en_minimal.tbx",
    "tbx/samples/v2/TBX-basic-sample.tbx", "interop/ltac__min_good.tbx",
    "interop/ltac__core_structure_good.tbx", "interop/weblate__fr-extended-metadata.tbx",
    "interop/omegat__sampleTBXfile.tbx",
])
@pytest.mark.parametrize("version", [3, 2])
def test_samples_round_trip_valid(shared, tmp_path, name, version):
    ignored: Counter = Counter()
    with Termbase.open(tmp_path / "s.sqlite3") as tb:
        import_file(tb, shared / name, ignored)
        first = list(tb.iter_concepts())
    assert first
    out = tmp_path / "out.tbx"
    tbx.dump(first, out, version=version)
    doc = etree.parse(str(out))
    if version == 3:
        assert etree.RelaxNG(file=str(shared / "tbx/v3/core/TBXcoreStructV03.rng")).validate(doc)
        sch = _dca_schematron(shared)
    else:
        rng = etree.RelaxNG(file=str(shared / "tbx/v2/basic/TBXBasicRNGV02.rng"))
        assert rng.validate(doc), rng.error_log
        sch = _v2_schematron(shared)
    assert sch.validate(doc), sch.error_log
    assert _shape(tbx.load(out)) == _shape(first)
