"""``termalign check``: input formats, report formats, exit codes and bad input."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from checks import inputs, report
from termalign.cli import cli
from termbase.model import Concept, Term

CONCEPTS = Path(__file__).parent / "data" / "check_concepts.tsv"
FR_OK = "L’OTSC et la CEEAC ont signé le 19 avril 2021."
EN_OK = "The CSTO and ECCAS signed on 19 April 2021."
FR_BAD = "Le Viet Nam a versé 488 000 dollars à l’OTSC."
EN_BAD = "Viet Nam paid $448,000 to the OTSC."

XLIFF_12 = f"""<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file original="x.docx" source-language="fr-FR" target-language="en-US" datatype="plaintext">
  <body>
   <trans-unit id="1"><source>{FR_OK}</source><target>{EN_OK}</target></trans-unit>
   <trans-unit id="2"><source>Le Viet Nam a versé <g id="b">488 000</g> dollars à l’OTSC.</source>
    <target>Viet Nam paid <g id="b">$448,000</g> to the OTSC.</target></trans-unit>
  </body>
 </file>
</xliff>
"""
XLIFF_20 = f"""<?xml version="1.0" encoding="UTF-8"?>
<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="fr" trgLang="en">
 <file id="f1">
  <unit id="u1"><segment><source>{FR_OK}</source><target>{EN_OK}</target></segment></unit>
  <unit id="u2"><segment><source>{FR_BAD}</source><target>{EN_BAD}</target></segment></unit>
 </file>
</xliff>
"""
TMX = f"""<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence"
 o-tmf="t" adminlang="en" srclang="fr" datatype="plaintext"/>
<body>
 <tu><tuv xml:lang="fr"><seg>{FR_OK}</seg></tuv><tuv xml:lang="en"><seg>{EN_OK}</seg></tuv></tu>
 <tu><tuv xml:lang="fr"><seg>{FR_BAD}</seg></tuv><tuv xml:lang="en"><seg>{EN_BAD}</seg></tuv></tu>
</body></tmx>
"""


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture()
def tsv(tmp_path) -> Path:
    path = tmp_path / "pairs.tsv"
    path.write_text(f"fr\ten\n{FR_OK}\t{EN_OK}\n\n{FR_BAD}\t{EN_BAD}\n", encoding="utf-8")
    return path


def _run(runner, *args):
    return runner.invoke(cli, ["check", *map(str, args), "--concepts", str(CONCEPTS)])


def test_clean_file_exits_0(runner, tmp_path):
    path = tmp_path / "ok.tsv"
    path.write_text(f"{FR_OK}\t{EN_OK}\n", encoding="utf-8")
    result = _run(runner, path)
    assert result.exit_code == 0, result.output
    assert "1 segment, 0 with issues" in result.output


def test_issues_exit_1_and_tsv_line_numbers(runner, tsv):
    result = _run(runner, tsv, "--json")
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert data["segments"] == 2
    kinds = {(i["segment"], i["kind"]) for i in data["issues"]}
    assert kinds == {(4, "number"), (4, "untranslated-acronym")}


@pytest.mark.parametrize(("name", "text"), [("a.xlf", XLIFF_12), ("b.xliff", XLIFF_20),
                                            ("c.tmx", TMX), ("d.xml", XLIFF_20)])  # fmt: skip
def test_xml_inputs(runner, tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = _run(runner, path, "--format", "json")
    assert result.exit_code == 1, result.output
    data = json.loads(result.output)
    assert data["segments"] == 2
    assert {(i["segment"], i["kind"]) for i in data["issues"]} == {
        (2, "number"), (2, "untranslated-acronym")}  # fmt: skip


def test_xliff_english_source_is_swapped():
    text = XLIFF_20.replace('srcLang="fr" trgLang="en"', 'srcLang="en" trgLang="fr"')
    text = text.replace("<source>", "<x>").replace("</source>", "</x>")
    text = text.replace("<target>", "<source>").replace("</target>", "</source>")
    text = text.replace("<x>", "<target>").replace("</x>", "</target>")
    segments = inputs.load_xliff(text.encode(), "swap.xlf")
    assert segments[0].fr == FR_OK and segments[0].en == EN_OK


def test_two_documents_are_aligned(runner, tmp_path):
    fr = tmp_path / "doc.fr.txt"
    en = tmp_path / "doc.en.txt"
    fr.write_text(f"{FR_OK}\n\n{FR_BAD}\n\nLa séance est levée à 13 heures.\n", encoding="utf-8")
    en.write_text(f"{EN_OK}\n\n{EN_BAD}\n\nThe meeting rose at 1 p.m.\n", encoding="utf-8")
    result = _run(runner, fr, en, "--json")
    assert result.exit_code == 1, result.output
    data = json.loads(result.output)
    assert data["segments"] == 3
    assert {i["kind"] for i in data["issues"]} == {"number", "untranslated-acronym"}


@pytest.mark.parametrize("fmt", ["text", "json", "csv", "html"])
def test_report_formats_to_file(runner, tsv, tmp_path, fmt):
    out = tmp_path / f"report.{fmt}"
    result = _run(runner, tsv, "--format", fmt, "-o", out)
    assert result.exit_code == 1
    text = out.read_text(encoding="utf-8")
    if fmt == "json":
        assert len(json.loads(text)["issues"]) == 2
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(text)))
        assert {r["kind"] for r in rows} == {"number", "untranslated-acronym"}
        assert rows[0]["segment"] == "4"
    elif fmt == "html":
        assert text.startswith("<!DOCTYPE html>") and "OTSC" in text and "&lt;" not in FR_BAD
    else:
        assert "segment 4:" in text and "[untranslated-acronym]" in text
    assert not list(tmp_path.glob(".report*.tmp"))


def test_html_escapes_text():
    data = {"segments": 1, "issues": [{"segment": 1, "kind": "number", "severity": "error",
            "source_term": "<b>", "expected": ["<i>"], "found": "", "message": "<script>"}]}  # fmt: skip
    page = report.render(data, "html", pairs=[("<fr>", "<en>")])
    assert "<script>" not in page and "&lt;script&gt;" in page and "&lt;fr&gt;" in page


def test_db_option_reads_a_termbase(runner, tsv, tmp_path):
    from termbase.store import Termbase

    db = tmp_path / "tb.sqlite3"
    with Termbase.open(db) as tb:
        tb.add_concept(Concept("title", [Term("fr", "OTSC", "acronym"),
                                         Term("en", "CSTO", "acronym")]))  # fmt: skip
    result = runner.invoke(cli, ["check", str(tsv), "--db", str(db), "--no-numbers", "--json"])
    assert result.exit_code == 1, result.output
    assert [i["kind"] for i in json.loads(result.output)["issues"]] == ["untranslated-acronym"]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("nosep.tsv", "Une phrase sans tabulation.\n", "no tab between French and English"),
        ("bin.tsv", b"\x00\x01\x02\xff\xfe\x00", "binary file"),
        ("latin.tsv", "Fédération\tFederation\n".encode("latin-1"), "not UTF-8"),
        ("bad.xlf", "<xliff version='1.2'><file>", "not well-formed XML"),
        ("other.xlf", "<xliff xmlns='urn:x'/>", "not XLIFF 1.0, 1.1, 1.2 or 2.0"),
        ("empty.tsv", "\n\n", "no segments"),
    ],
)
def test_bad_input_is_one_line_exit_2(runner, tmp_path, name, content, message):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    result = _run(runner, path)
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_missing_file_and_missing_db(runner, tmp_path, tsv):
    result = _run(runner, tmp_path / "absent.tsv")
    assert result.exit_code == 2 and "absent.tsv" in result.output
    result = runner.invoke(cli, ["check", str(tsv), "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2 and "no such termbase" in result.output
    assert not (tmp_path / "none.db").exists()


def test_xliff_units_without_target_are_skipped():
    text = XLIFF_12.replace(f"<target>{EN_OK}</target>", "")
    segments = inputs.load_xliff(text.encode(), "partial.xlf")
    assert [s.number for s in segments] == [2]


def test_pairs_alone_makes_a_bare_head_a_warning(runner, tmp_path):
    """UNv1.0.devset line 772 (English original): *le Conseil* for the Security Council is a
    dropped name in a document that never gave it, a warning in a pair of a memory."""
    concepts = tmp_path / "concepts.tsv"
    concepts.write_text("title\tConseil de sécurité\tSecurity Council\n", encoding="utf-8")
    pairs = tmp_path / "memory.tsv"
    pairs.write_text(
        "Le présent additif donne la liste des questions examinées par le Conseil au cours de "
        "la semaine qui s'est achevée le 7 mars 2015.\tThe present addendum lists the items on "
        "which the Security Council took action during the week ending 7 March 2015.\n",
        encoding="utf-8")

    def severities(*extra):
        result = runner.invoke(cli, ["check", str(pairs), "--source", "en", "--json",
                                     "--concepts", str(concepts), *extra])
        assert result.exit_code == 1, result.output
        return [(i["kind"], i["severity"]) for i in json.loads(result.output)["issues"]]

    assert severities() == [("missing-title", "error")]
    assert severities("--pairs-alone") == [("missing-title", "warning")]
