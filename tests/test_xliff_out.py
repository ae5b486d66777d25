"""XLIFF 1.2 out of align: states from the bead confidence, round trip, read by our checker."""

from __future__ import annotations

from click.testing import CliRunner
from lxml import etree

from aligner.formats import Alignment, Unit, xliff
from checks import inputs
from termalign.cli import cli

NS = {"x": xliff.NS}
ALIGNMENT = Alignment([
    Unit("Le Conseil se réunit.", "The Council meets.", 0.91, False, (0,), (0,)),
    Unit("Il adopte & vote.", "It adopts <and> votes.", 0.12, True, (1,), (1, 2)),
    Unit("Note sans traduction.", "", 0.5, False, (2,), ()),
    Unit("", "English only.", 0.5, False, (), (3,)),
], "a.fr.txt", "a.en.txt", ["the sides differ in length"])


def test_states_and_round_trip(tmp_path):
    path = tmp_path / "a.xlf"
    xliff.dump(ALIGNMENT, path)
    doc = etree.parse(str(path))
    states = [t.get("state") for t in doc.iterfind(".//x:target", NS)]
    assert states == ["translated", "needs-review-translation", "needs-translation"]
    back = xliff.load(path)
    assert back.units == ALIGNMENT.units[:3]
    assert (back.fr_name, back.en_name, back.warnings) == ("a.fr.txt", "a.en.txt",
                                                          ["the sides differ in length"])
    assert "English sentences without French: 1" in path.read_text(encoding="utf-8")


def test_checker_reads_our_xliff(tmp_path):
    path = tmp_path / "a.xlf"
    xliff.dump(ALIGNMENT, path)
    loaded = inputs.load_input(path)
    assert (loaded.source_lang, loaded.target_lang) == ("fr", "en")
    assert [s.en for s in loaded.segments] == ["The Council meets.", "It adopts <and> votes."]
    assert [u.reason for u in loaded.untranslated] == ["no target"]  # empty target


def test_align_format_xliff(tmp_path):
    fr = tmp_path / "fr.txt"
    en = tmp_path / "en.txt"
    fr.write_text("Le Conseil de sécurité se réunit.\n\nIl adopte la résolution.\n", encoding="utf-8")
    en.write_text("The Security Council meets.\n\nIt adopts the resolution.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["align", str(fr), str(en), "-o", str(tmp_path / "o.xliff")])
    assert result.exit_code == 0, result.output
    back = xliff.load(tmp_path / "o.xliff")
    assert [u.en for u in back.units] == ["The Security Council meets.", "It adopts the resolution."]
