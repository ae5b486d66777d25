"""Direction: which side is the original, and the outputs that follow it (TMX srclang and
<tuv> order, align and align-corpus --source)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from aligner.direction import check_source, detect_source, original_language
from aligner.formats import tmx
from aligner.formats.model import Alignment, Unit
from termalign.cli import cli as main

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
FR = ("Original : anglais\n\nLe Conseil de sécurité a adopté la résolution 2231 (2015).\n\n"
      "Il a prié le Secrétaire général de lui faire rapport.\n")
EN = ("Original: English\n\nThe Security Council adopted resolution 2231 (2015).\n\n"
      "It requested the Secretary-General to report to it.\n")


@pytest.mark.parametrize(("text", "expected"), [
    ("S/2021/297\nConseil de sécurité\nDistr. générale\nOriginal : anglais \n", "en"),
    ("[Original : anglais]\nLettre datée du 19 octobre 2021", "en"),
    ("ORIGINAL: ANGLAIS\nASSEMBLÉE GÉNÉRALE", "en"),
    ("Distr.: General\nOriginal: French\n", "fr"),
    ("Original: espagnol\n[Original : anglais]", "other"),
    ("Le Conseil de sécurité a décidé de rester saisi de la question.", None),
])  # fmt: skip
def test_original_language(text, expected):
    assert original_language(text) == expected


def test_seed_documents_say_english_original(seeds_root):
    text = (seeds_root / "S-2021-297.fr.txt").read_text(encoding="utf-8")
    assert detect_source(text, "").source == "en"
    mexico = (seeds_root / "2003-04-25-Mexique-lettre.fr.txt").read_text(encoding="utf-8")
    assert detect_source(mexico, "").source == "fr"  # Spanish original: the default


def test_default_is_french_source():
    found = detect_source("Le Conseil a décidé.", "The Council decided.")
    assert found.source == "fr" and found.target == "en"


def test_an_original_line_in_a_text_of_the_other_language_is_ignored():
    english = "Original: English\nThe Council decided that the report of the Secretary-General"
    assert detect_source(english, "").source == "fr"


def test_check_source():
    assert check_source(" Fr ") == "fr"
    with pytest.raises(ValueError, match="use fr or en"):
        check_source("de")


def _alignment(source: str) -> Alignment:
    unit = Unit("Le Conseil a décidé.", "The Council decided.", 0.9, False, (0,), (0,))
    return Alignment([unit], "a.fr.txt", "a.en.txt", [], source)


@pytest.mark.parametrize("source", ["fr", "en"])
def test_tmx_srclang_and_tuv_order_follow_the_source(tmp_path, source):
    path = tmp_path / "a.tmx"
    tmx.dump(_alignment(source), path)
    root = etree.parse(str(path)).getroot()
    assert root.find("header").get("srclang") == source
    langs = [tuv.get(XML_LANG) for tuv in root.iter("tuv")]
    assert langs[0] == source and sorted(langs) == ["en", "fr"]
    back = tmx.load(path)  # round trip: the source and the sides come back
    assert back.source == source
    assert (back.units[0].fr, back.units[0].en) == ("Le Conseil a décidé.", "The Council decided.")


def _write(tmp_path: Path) -> tuple[Path, Path]:
    fr, en = tmp_path / "doc.fr.txt", tmp_path / "doc.en.txt"
    fr.write_text(FR, encoding="utf-8")
    en.write_text(EN, encoding="utf-8")
    return fr, en


@pytest.mark.parametrize(("args", "srclang"), [([], "en"), (["--source", "fr"], "fr"),
                                               (["--source", "en"], "en")])
def test_align_source_option(tmp_path, args, srclang):
    fr, en = _write(tmp_path)
    out = tmp_path / "out.tmx"
    result = CliRunner().invoke(main, ["align", str(fr), str(en), "-o", str(out), *args])
    assert result.exit_code == 0, result.output
    root = etree.parse(str(out)).getroot()
    assert root.find("header").get("srclang") == srclang
    assert next(root.iter("tuv")).get(XML_LANG) == srclang


def test_align_bad_source_is_a_usage_error(tmp_path):
    fr, en = _write(tmp_path)
    result = CliRunner().invoke(main, ["align", str(fr), str(en), "--source", "de"])
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_align_corpus_source(tmp_path):
    fr_dir, en_dir = tmp_path / "fr", tmp_path / "en"
    fr_dir.mkdir()
    en_dir.mkdir()
    (fr_dir / "a.txt").write_text(FR, encoding="utf-8")
    (en_dir / "a.txt").write_text(EN, encoding="utf-8")
    (fr_dir / "b.txt").write_text(FR.replace("anglais", "français"), encoding="utf-8")
    (en_dir / "b.txt").write_text(EN.replace("English", "French"), encoding="utf-8")
    out, merged = tmp_path / "out", tmp_path / "all.tmx"
    args = ["align-corpus", str(fr_dir), str(en_dir), "-o", str(out), "--workers", "1", "-q",
            "--merged", str(merged)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    srclang = {name: etree.parse(str(out / f"{name}.tmx")).getroot().find("header")
               .get("srclang") for name in ("a", "b")}
    assert srclang == {"a": "en", "b": "fr"}
    assert etree.parse(str(merged)).getroot().find("header").get("srclang") == "*all*"
    result = CliRunner().invoke(main, [*args, "--source", "fr"])
    assert result.exit_code == 0, result.output
    assert etree.parse(str(out / "a.tmx")).getroot().find("header").get("srclang") == "fr"
    assert etree.parse(str(merged)).getroot().find("header").get("srclang") == "fr"
