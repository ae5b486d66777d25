"""TMX, TSV, JSON and vecalign bead files: round trips, DTD validity, safe parsing."""

from __future__ import annotations

import pytest
from lxml import etree

from aligner.align import Bead
from aligner.errors import InputError
from aligner.formats import Alignment, beads, jsonfmt, tmx, tsv

FR = ["Le Conseil s'est réuni le 19 avril 2021.", "Il a adopté la résolution 2570 (2021).",
      "Phrase sans traduction.", "Fin & <suite> « citée »."]
EN = ["The Council met on 19 April 2021.", "It adopted", "resolution 2570 (2021).",
      "End & <more> “quoted”."]
BEADS = [
    Bead((0,), (0,), 0.97),
    Bead((1,), (1, 2), 0.55),
    Bead((2,), (), 0.0),
    Bead((3,), (3,), 0.12),
]


@pytest.fixture
def alignment() -> Alignment:
    return Alignment.from_beads(BEADS, FR, EN, "doc.fr.txt", "doc.en.txt", ["a warning"])


@pytest.mark.parametrize("module", [tmx, tsv, jsonfmt, beads], ids=lambda m: m.__name__)
def test_round_trip(module, alignment, tmp_path):
    path = tmp_path / "out"
    module.dump(alignment, path)
    loaded = module.load(path)
    expected = alignment.units
    if module is tmx:  # translation units only: null beads are counted in the header
        expected = [u for u in expected if u.is_pair]
    assert [round(u.score, 4) for u in loaded.units] == [round(u.score, 4) for u in expected]
    assert [u.low for u in loaded.units] == [u.low for u in expected]
    if module is not beads:
        assert [(u.fr, u.en) for u in loaded.units] == [(u.fr, u.en) for u in expected]
    if module is not tsv:
        assert [(u.fr_ids, u.en_ids) for u in loaded.units] == [
            (u.fr_ids, u.en_ids) for u in expected
        ]
    if module in (tmx, jsonfmt):
        assert (loaded.fr_name, loaded.en_name) == ("doc.fr.txt", "doc.en.txt")
        assert loaded.warnings == ["a warning"]


def test_low_confidence_is_marked_everywhere(alignment, tmp_path):
    tmx.dump(alignment, tmp_path / "a.tmx")
    text = (tmp_path / "a.tmx").read_text("utf-8")
    assert text.count('<prop type="x-low-confidence">yes</prop>') == 1
    assert '<prop type="x-unaligned-fr">1</prop>' in text
    assert tsv.dumps(alignment).splitlines()[4].endswith("\t1")
    assert beads.dumps(alignment).splitlines() == [
        "[0]:[0]:0.9700", "[1]:[1, 2]:0.5500", "[2]:[]:0.0000:low", "[3]:[3]:0.1200:low"
    ]
    assert '"low": true' in jsonfmt.dumps(alignment)


def test_tmx_header_and_units(alignment):
    root = tmx.to_tree(alignment, "9.9").getroot()
    header = root.find("header")
    assert header.get("srclang") == "fr" and header.get("segtype") == "sentence"
    assert header.get("creationtool") == "termalign" and header.get("creationtoolversion") == "9.9"
    units = root.find("body").findall("tu")
    assert len(units) == 3
    langs = [tuv.get("{http://www.w3.org/XML/1998/namespace}lang") for tuv in units[0].findall("tuv")]
    assert langs == ["fr", "en"]


def test_tmx_is_valid_against_the_dtd(alignment, tmp_path, shared):
    dtd = etree.DTD(str(shared / "tmx" / "tmx14.dtd"))
    tmx.dump(alignment, tmp_path / "a.tmx")
    tree = etree.parse(str(tmp_path / "a.tmx"))
    assert dtd.validate(tree), dtd.error_log.filter_from_errors()


def test_tmx_load_does_not_resolve_entities(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET", "utf-8")
    evil = tmp_path / "evil.tmx"
    evil.write_text(
        f'<?xml version="1.0"?>\n<!DOCTYPE tmx [<!ENTITY x SYSTEM "file://{secret}">]>\n'
        '<tmx version="1.4"><header creationtool="x" creationtoolversion="1" segtype="sentence" '
        'o-tmf="x" adminlang="en" srclang="fr" datatype="plaintext"/><body><tu>'
        '<tuv xml:lang="fr"><seg>&x;</seg></tuv><tuv xml:lang="en"><seg>b</seg></tuv>'
        "</tu></body></tmx>",
        "utf-8",
    )
    with pytest.raises(InputError, match="entities") as info:
        tmx.load(evil)
    assert "TOP SECRET" not in str(info.value)


def test_tmx_with_external_dtd_reference_is_read_without_it(alignment, tmp_path):
    text = tmx.dumps(alignment).replace("<tmx ", '<!DOCTYPE tmx SYSTEM "http://example.invalid/tmx14.dtd">\n<tmx ', 1)
    (tmp_path / "a.tmx").write_text(text, "utf-8")
    assert len(tmx.load(tmp_path / "a.tmx").units) == 3



def test_tmx_second_variant_of_a_language_is_reported_not_silently_kept(tmp_path):
    (tmp_path / "two.tmx").write_text(
        '<tmx version="1.4"><header srclang="en"/><body><tu>'
        '<tuv xml:lang="en"><seg>Peacekeeping</seg></tuv>'
        '<tuv xml:lang="fr"><seg>Maintien de la paix</seg></tuv>'
        '<tuv xml:lang="fr-CA"><seg>Maintien de paix</seg></tuv>'
        '</tu></body></tmx>', "utf-8")
    loaded = tmx.load(tmp_path / "two.tmx")
    assert [(u.fr, u.en) for u in loaded.units] == [("Maintien de la paix", "Peacekeeping")]
    assert any("second French or English variant" in w for w in loaded.warnings)

@pytest.mark.parametrize(
    ("module", "content"),
    [(tmx, "<tmx><body>"), (tmx, "<html/>"), (jsonfmt, "{}"), (beads, "[0]-[1]\n"),
     (tsv, "only one field\n")],
)
def test_malformed_files_raise_input_error(module, content, tmp_path):
    path = tmp_path / "bad"
    path.write_text(content, "utf-8")
    with pytest.raises(InputError):
        module.load(path)


def test_vecalign_gold_lines_are_read():
    assert beads.parse_line("[2, 3]:[4]") == Bead((2, 3), (4,), 1.0)
    assert beads.parse_line("[]:[7]").en == (7,)
