"""XLIFF 1.0/1.1/1.2/2.0 and TMX in for checking: states, languages, inline codes, variants."""

from __future__ import annotations

import pytest

from aligner.errors import InputError
from checks import inputs
from checks.inputs.inline import with_codes

XLIFF_12 = """<?xml version="1.0"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file source-language="fr-CA" target-language="en-GB" datatype="plaintext" original="a">
  <body>
   <trans-unit id="t1"><source>Le <g id="1">Conseil</g> de sécurité.</source>
     <target state="translated">The <g id="1">Security</g> Council.</target></trans-unit>
   <trans-unit id="t2"><source>Deux.</source><target state="needs-translation">Deux.</target></trans-unit>
   <trans-unit id="t3" approved="yes"><source>Trois<x id="2"/> ans.</source>
     <target state="final">Three<x id="2"/> years.</target></trans-unit>
   <group translate="no"><trans-unit id="t4"><source>OTSC</source><target>OTSC</target></trans-unit></group>
   <trans-unit id="t5"><source>Cinq.</source></trans-unit>
   <trans-unit id="t6"><source>Six <bpt id="3">&lt;b&gt;</bpt>gras<ept id="3">&lt;/b&gt;</ept>.</source>
     <target state="new">Six bold.</target></trans-unit>
   <trans-unit id="t7"><source>Sept <ph id="4">{0}</ph> <mrk mtype="term">jours</mrk>.</source>
     <target state="needs-review-translation">Seven <ph id="4">{0}</ph> <mrk mtype="term">days</mrk>.</target></trans-unit>
  </body>
 </file>
</xliff>"""

XLIFF_20 = """<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en-US" trgLang="fr">
 <file id="f1">
  <unit id="u1"><segment id="s1" state="final"><source>The <pc id="1">CSTO</pc><ph id="2"/> met.</source>
    <target>L'<pc id="1">OTSC</pc><ph id="2"/> s'est réunie.</target></segment></unit>
  <unit id="u2"><segment state="initial"><source>Two.</source><target>Two.</target></segment></unit>
  <unit id="u3" translate="no"><segment><source>Three.</source><target>Three.</target></segment></unit>
  <unit id="u4"><segment state="translated"><source>A <sm id="m" type="term"/>term<em startRef="m"/> here.</source>
    <target>Un <sm id="m" type="term"/>terme<em startRef="m"/> ici.</target></segment></unit>
 </file>
</xliff>"""


def test_xliff_12_states_languages_and_codes(tmp_path):
    path = tmp_path / "a.xlf"
    path.write_text(XLIFF_12, encoding="utf-8")
    loaded = inputs.load_input(path)
    assert (loaded.source_lang, loaded.target_lang) == ("fr-CA", "en-GB")
    assert [(s.number, s.fr, s.en, s.state) for s in loaded.segments] == [
        (1, "Le Conseil de sécurité.", "The Security Council.", "translated"),
        (3, "Trois ans.", "Three years.", "approved"),
        (7, "Sept jours.", "Seven days.", "needs-review-translation"),
    ]
    assert [(u.number, u.unit_id, u.reason) for u in loaded.untranslated] == [
        (2, "t2", "state=needs-translation"), (4, "t4", "translate=no"), (5, "t5", "no target"),
        (6, "t6", "state=new")]
    first = loaded.segments[0]
    assert with_codes(first.en, first.en_codes) == 'The <g id="1">Security</g> Council.'
    third = loaded.segments[1]
    assert with_codes(third.fr, third.fr_codes) == 'Trois<x id="2"/> ans.'
    seventh = loaded.segments[2]
    # white space between two codes is not kept (codes have an offset in the checked text)
    assert with_codes(seventh.fr, seventh.fr_codes) == (
        'Sept <ph id="4">{0}</ph><mrk mtype="term">jours</mrk>.')


def test_xliff_20_english_source_is_swapped(tmp_path):
    path = tmp_path / "b.xliff"
    path.write_text(XLIFF_20, encoding="utf-8")
    loaded = inputs.load_input(path)
    assert (loaded.source_lang, loaded.target_lang) == ("en-US", "fr")
    assert [(s.number, s.fr, s.en) for s in loaded.segments] == [
        (1, "L'OTSC s'est réunie.", "The CSTO met."), (4, "Un terme ici.", "A term here.")]
    assert [(u.number, u.reason) for u in loaded.untranslated] == [
        (2, "state=initial"), (3, "translate=no")]
    seg = loaded.segments[0]
    assert with_codes(seg.fr, seg.fr_codes) == "L'<pc id=\"1\">OTSC</pc><ph id=\"2\"/> s'est réunie."


def test_xliff_10_without_namespace_from_crowdin(shared):
    loaded = inputs.load_input(shared / "interop/typo3crowdin__tt_address_fr.locallang.xlf")
    assert (loaded.source_lang, loaded.target_lang) == ("en", "fr")
    assert (loaded.segments[0].fr, loaded.segments[0].en) == ("Adresse", "Address")
    assert loaded.segments[0].state == "approved"
    assert [(u.unit_id, u.reason) for u in loaded.untranslated] == [
        ("label.twitter", "translate=no"), ("label.facebook", "translate=no"),
        ("label.linkedin", "translate=no"), ("label.skype", "translate=no"),
        ("backToList", "no source")]
    assert len(loaded.segments) + len(loaded.untranslated) == 24


def test_needs_translation_copies_are_not_checked(shared):
    loaded = inputs.load_input(shared / "interop/angular__messages.fr.xlf")
    assert loaded.segments == []
    assert {u.reason for u in loaded.untranslated} == {"state=needs-translation"}


@pytest.mark.parametrize("name, pair", [
    ("omegat__en-ca.xlf", "en→ca"),
    ("omegat__file-xliff-RFE1506-translated-expectation.xliff", "en→ja"),
    ("omegat__file-XLIFFFilter-statcount.xlf", "en→be"),  # XLIFF 1.1
    ("omegat__ex.14.5.xlf", "en→pt"),  # XLIFF 2.0
])
def test_other_pairs_are_refused(shared, name, pair):
    with pytest.raises(InputError, match=f"French–English pair is expected, this file is {pair}"):
        inputs.load_input(shared / "interop" / name)


def test_tmx_inline_codes_stay_out_of_the_text(shared):
    loaded = inputs.load_input(shared / "interop/omegat__ImportTest2A.tmx")  # UTF-16LE
    first = loaded.segments[0]
    assert first.fr == "Le gros chat noir dors."
    assert first.en == "The big black cat sleeps."
    assert with_codes(first.fr, first.fr_codes) == (
        'Le gros <bpt i="2" x="2" type="ulined">&lt;u&gt;</bpt>chat<ept i="2">&lt;/u&gt;</ept> '
        '<bpt i="1" x="1" type="bold">&lt;b&gt;</bpt>noir<ept i="1">&lt;/b&gt;</ept> dors.')
    texts = {s.en for s in loaded.segments}
    assert "Picture:" in texts and "Some text with a part highlighted." in texts
    assert not any("<" in s.fr.replace("<=lt", "") or "img" in s.fr for s in loaded.segments)


def test_tmx_several_variants_warn_and_follow_the_rule(shared):
    loaded = inputs.load_input(shared / "interop/omegat__en-US_en-GB_fr_sr.tmx")
    assert [(s.fr, s.en) for s in loaded.segments] == [("YYY", "XXx")]  # en-US = srclang
    assert any("several variants" in w and "en-US, en-GB" in w for w in loaded.warnings)
    assert any("sr (1)" in w for w in loaded.warnings)


def test_tmx_variant_rule_prefers_the_bare_tag(tmp_path):
    path = tmp_path / "v.tmx"
    path.write_text(
        '<tmx version="1.4"><header srclang="fr" segtype="sentence" datatype="plaintext" '
        'adminlang="en" o-tmf="x" creationtool="x" creationtoolversion="1"/><body><tu>'
        '<tuv xml:lang="fr"><seg>Un.</seg></tuv><tuv xml:lang="en-GB"><seg>Colour.</seg></tuv>'
        '<tuv xml:lang="en"><seg>Color.</seg></tuv></tu></body></tmx>', encoding="utf-8")
    loaded = inputs.load_input(path)
    assert loaded.segments[0].en == "Color." and loaded.target_lang == "en-GB"


def test_tmx_other_pair_is_refused(shared):
    with pytest.raises(InputError, match="French–English pair is expected, this file has be, en"):
        inputs.load_input(shared / "interop/omegat__test-level2.tmx")


def test_check_cli_reports_untranslated_units(tmp_path):
    from click.testing import CliRunner

    from termalign.cli import cli

    concepts = tmp_path / "c.tsv"
    concepts.write_text("title\tOTSC\tCSTO\n", encoding="utf-8")
    path = tmp_path / "b.xlf"
    path.write_text(XLIFF_20, encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(path), "--concepts", str(concepts), "--json"])
    assert result.exit_code in (0, 1), result.output
    assert "2 unit(s) not translated, not checked (first: 2, state=initial)" in result.stderr


def test_reports_show_inline_codes_in_position(tmp_path):
    from click.testing import CliRunner

    from termalign.cli import cli

    concepts = tmp_path / "c.tsv"
    concepts.write_text("title\tOTSC\tCSTO\n", encoding="utf-8")
    path = tmp_path / "codes.xlf"
    path.write_text(
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file '
        'source-language="fr" target-language="en" datatype="plaintext" original="a"><body>'
        '<trans-unit id="1"><source>Le <g id="1">Conseil</g> compte 15 membres.</source>'
        '<target state="translated">The <g id="1">Council</g> has 16 members.</target>'
        "</trans-unit></body></file></xliff>", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(path), "--concepts", str(concepts)])
    assert result.exit_code == 1, result.output
    assert "[number]" in result.stdout
    assert "Le <g id=\"1\">Conseil</g> compte 15 membres." in result.stdout


def test_its_translate_no(tmp_path):
    path = tmp_path / "its.xlf"
    path.write_text(
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2" '
        'xmlns:its="http://www.w3.org/2005/11/its"><file source-language="fr" '
        'target-language="en"><body><trans-unit id="a" its:translate="no"><source>OTSC</source>'
        '<target>OTSC</target></trans-unit><trans-unit id="b"><source>Oui.</source>'
        "<target>Yes.</target></trans-unit></body></file></xliff>", encoding="utf-8")
    loaded = inputs.load_input(path)
    assert [(u.unit_id, u.reason) for u in loaded.untranslated] == [("a", "translate=no")]
    assert [s.en for s in loaded.segments] == ["Yes."]
