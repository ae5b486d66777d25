"""Untranslated units (XLIFF new/needs-translation/initial, translate=no, no target; TMX units
without a French or an English side) are reported as such by ``termalign check``."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from termalign.cli import cli

XLIFF = """<?xml version="1.0"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file source-language="fr" target-language="en-GB" datatype="plaintext" original="a">
  <body>
   <trans-unit id="t1"><source>Le Conseil compte 15 membres.</source>
     <target state="translated">The Council has 15 members.</target></trans-unit>
   <trans-unit id="t2"><source>Deux.</source><target state="needs-translation">Deux.</target></trans-unit>
   <group translate="no"><trans-unit id="t3"><source>OTSC</source><target>OTSC</target></trans-unit></group>
   <trans-unit id="t4"><source>Quatre.</source></trans-unit>
   <trans-unit id="t5"><source>Cinq.</source><target state="new">Cinq.</target></trans-unit>
  </body>
 </file>
</xliff>"""

EXPECTED = [{"segment": 2, "id": "t2", "reason": "state=needs-translation"},
            {"segment": 3, "id": "t3", "reason": "translate=no"},
            {"segment": 4, "id": "t4", "reason": "no target"},
            {"segment": 5, "id": "t5", "reason": "state=new"}]


@pytest.fixture()
def files(tmp_path):
    concepts = tmp_path / "c.tsv"
    concepts.write_text("title\tOTSC\tCSTO\n", encoding="utf-8")
    xliff = tmp_path / "a.xlf"
    xliff.write_text(XLIFF, encoding="utf-8")
    return xliff, concepts


def _check(files, *args):
    xliff, concepts = files
    result = CliRunner().invoke(cli, ["check", str(xliff), "--concepts", str(concepts), *args])
    assert result.exit_code == 0, result.output
    return result


def test_json_report_lists_untranslated_units(files):
    data = json.loads(_check(files, "--json").stdout)
    assert data["segments"] == 1 and data["issues"] == []
    assert data["untranslated"] == EXPECTED


def test_text_report_has_the_untranslated_line(files):
    out = _check(files).stdout
    assert ("not translated, not checked: segment 2 [t2] (state=needs-translation), segment 3 "
            "[t3] (translate=no), segment 4 [t4] (no target), segment 5 [t5] (state=new)") in out
    assert out.rstrip().endswith("; 4 not translated, not checked")


def test_csv_report_has_one_row_per_untranslated_unit(files):
    rows = list(csv.DictReader(io.StringIO(_check(files, "--format", "csv").stdout)))
    assert [(r["segment"], r["kind"], r["severity"]) for r in rows] == [
        (str(u["segment"]), "untranslated", "info") for u in EXPECTED]
    assert rows[0]["message"] == "not translated, not checked [t2] (state=needs-translation)"


def test_html_report_and_summary_on_stderr(files, tmp_path):
    out = tmp_path / "r.html"
    result = _check(files, "--format", "html", "-o", str(out))
    page = out.read_text(encoding="utf-8")
    assert "<p class='untranslated'>not translated, not checked: segment 2 [t2]" in page
    assert "4 not translated, not checked" in result.stderr


def test_tmx_units_missing_a_side_are_listed(tmp_path):
    concepts = tmp_path / "c.tsv"
    concepts.write_text("title\tOTSC\tCSTO\n", encoding="utf-8")
    path = tmp_path / "a.tmx"
    path.write_text(
        '<tmx version="1.4"><header srclang="fr" segtype="sentence" datatype="plaintext" '
        'adminlang="en" o-tmf="x" creationtool="x" creationtoolversion="1"/><body>'
        '<tu tuid="a"><tuv xml:lang="fr"><seg>Un.</seg></tuv><tuv xml:lang="en"><seg>One.</seg>'
        '</tuv></tu><tu tuid="b"><tuv xml:lang="fr"><seg>Deux.</seg></tuv></tu></body></tmx>',
        encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(path), "--concepts", str(concepts), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["untranslated"] == [
        {"segment": 2, "id": "b", "reason": "no English"}]


def test_tsv_report_has_no_untranslated_field(tmp_path):
    concepts = tmp_path / "c.tsv"
    concepts.write_text("title\tOTSC\tCSTO\n", encoding="utf-8")
    path = tmp_path / "a.tsv"
    path.write_text("Un.\tOne.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(path), "--concepts", str(concepts), "--json"])
    assert result.exit_code == 0, result.output
    assert "untranslated" not in json.loads(result.stdout)


@pytest.fixture()
def web_client(tmp_path):
    from webdata import build_termbase

    from web import create_app

    db = build_termbase(tmp_path / "tb.sqlite3")
    app = create_app({"TERMALIGN_DB": str(db), "RESULTS_DIR": str(tmp_path / "results"),
                      "EDIT_TOKEN": None, "TESTING": True})
    return app.test_client()


def test_web_api_lists_untranslated_units_of_an_upload(web_client):
    response = web_client.post("/api/check", data={
        "pairs": (io.BytesIO(XLIFF.encode("utf-8")), "a.xlf")})
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.get_json()["untranslated"] == EXPECTED
    pasted = web_client.post("/api/check", json={"fr": "Un.", "en": "One."}).get_json()
    assert "untranslated" not in pasted


def test_web_check_page_shows_untranslated_units(web_client):
    import re

    page = web_client.get("/check").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    response = web_client.post("/check", data={
        "csrf_token": token, "pairs": (io.BytesIO(XLIFF.encode("utf-8")), "a.xlf")})
    assert response.status_code == 302, response.get_data(as_text=True)
    location = response.headers["Location"]
    page = web_client.get(location).get_data(as_text=True)
    assert "4 units not translated, not checked:" in page
    assert "Segment 2 [t2] (state=needs-translation)" in page
    assert web_client.get(location + ".json").get_json()["untranslated"] == EXPECTED
    assert "untranslated,info" in web_client.get(location + ".csv").get_data(as_text=True)
