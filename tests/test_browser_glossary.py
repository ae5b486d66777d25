"""The document glossary page in a real Chromium (fixtures and screenshots: tests/test_browser.py)."""

# ruff: noqa: F811 (the fixtures of tests/test_browser.py are imported, then requested by name)
from __future__ import annotations

import json
from pathlib import Path

from test_browser import ARTIFACTS, browser, page, server  # noqa: F401 (pytest fixtures)
from webdata import FR_DOC


def test_glossary_of_a_pasted_document(page, server):
    page.goto(server + "/?lang=en")
    page.click("nav >> text=Glossary")
    assert page.url.endswith("/glossary")
    page.fill("#text", FR_DOC + "\nLa Commission de consolidation de la paix et le BINUGBIS.\n"
              "\nIl a examiné les mesures de confiance.\n\nLes mesures de confiance aident.\n")
    with page.expect_navigation():
        page.click("form.glossary-form button[type=submit]")
    rows = page.locator("table.glossary-entries tbody tr")
    assert rows.count() == 2
    first = rows.first.inner_text()
    assert "Conseil de sécurité" in first and "Security Council" in first
    assert rows.first.locator("mark").inner_text() == "Conseil de sécurité"
    unknown = page.locator("table.glossary-unknown").inner_text()
    assert "BINUGBIS" in unknown
    term = page.locator("table.glossary-unknown tr", has_text="mesures de confiance")
    assert "key term (repeated)" in term.inner_text() and "\t2\t" in term.inner_text()
    with page.expect_download() as download:
        page.click("#download-json")
    data = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert set(data) >= {"document", "entries", "unknown"}
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "glossary_result.png"), full_page=True)
    with page.expect_navigation():
        rows.first.locator("a").click()
    assert "/entries/2" in page.url


def test_glossary_upload_in_french(page, server, tmp_path):
    doc = tmp_path / "note.en.txt"
    doc.write_text("The Security Council met. The Collective Security Treaty Organization (CSTO) "
                   "and the Peacebuilding Commission were there.", encoding="utf-8")
    page.goto(server + "/glossary?lang=fr")
    page.check("#doc-lang input[value=en]")
    page.set_input_files("#document", str(doc))
    with page.expect_navigation():
        page.click("form.glossary-form button[type=submit]")
    assert page.locator("h1").inner_text() == "Glossaire du document — note.en.txt"
    assert "2 fiches de la base" in page.locator("p.summary").inner_text()
    assert "Organisation du Traité de sécurité collective (OTSC)" in \
        page.locator("table.glossary-entries").inner_text()
    page.set_viewport_size({"width": 360, "height": 740})  # no sideways scrolling on a phone
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
