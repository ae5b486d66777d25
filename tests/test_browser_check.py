"""The check page in a real Chromium: the direction selector (remembered), texts of different
lengths aligned first, segments numbered as seen, edit and check again, the report in French.
Screenshots go to tests/artifacts/ (see tests/test_browser.py, whose fixtures these use)."""

# ruff: noqa: F811 (the fixtures of tests/test_browser.py are imported, then requested by name)
from __future__ import annotations

from pathlib import Path

from test_browser import browser, page, server  # noqa: F401 (pytest fixtures)

FR = ("Le Conseil de sécurité s'est réuni le 19 avril 2021.\n\n"
      "Il a salué la coopération avec l'OTSC.\n\n"
      "La séance est levée à 13 heures.")
EN = ("The Security Council met on 19 April 2021. It welcomed the cooperation with the OTSC.\n"
      "The meeting rose at 1 p.m.")


def submit(page) -> None:
    with page.expect_navigation():
        page.click("#check-form button[type=submit]")


def test_direction_selector_is_remembered(page, server):
    page.context.clear_cookies()
    page.goto(server + "/check?lang=en")
    assert page.locator("#direction input[value=auto]").is_checked()  # detect by default
    assert page.locator("label[for=en]").inner_text() == "English text"
    page.check("#direction input[value=fr]")
    assert page.locator("label[for=en]").inner_text() == "English translation"
    page.check("#direction input[value=en]")
    assert page.locator("label[for=en]").inner_text() == "English original"
    assert page.locator("label[for=fr]").inner_text() == "French translation"
    # the original comes first
    en_box = page.locator("#en").bounding_box()
    fr_box = page.locator("#fr").bounding_box()
    assert en_box["x"] < fr_box["x"]
    page.reload()
    assert page.locator("#direction input[value=en]").is_checked()
    page.goto(server + "/align")
    assert page.locator("#direction input[value=en]").is_checked()
    page.check("#direction input[value=fr]")
    page.goto(server + "/check")
    assert page.locator("#direction input[value=fr]").is_checked()
    page.check("#direction input[value=auto]")
    assert page.locator("label[for=fr]").inner_text() == "French text"
    page.reload()
    assert page.locator("#direction input[value=auto]").is_checked()


def test_detected_direction_is_shown(page, server):
    page.goto(server + "/check?lang=en")
    page.check("#direction input[value=auto]")
    page.fill("#fr", "Original : anglais\nIl a salué la coopération avec la CSTO.")
    page.fill("#en", "Original: English\nHe welcomed the cooperation with the CSTO.")
    submit(page)
    used = page.locator("#direction-used").inner_text()
    assert used == ("English original → French translation (detected from the “Original” "
                    "line of the French text)")
    segment = page.locator("section.segment").first
    assert "acronym 'CSTO' left untranslated in the French" in segment.inner_text()
    assert segment.locator(".pair.source-en").count() == 1  # the original first
    boxes = [segment.locator(side).bounding_box()["x"] for side in (".seg-en", ".seg-fr")]
    assert boxes[0] < boxes[1]
    assert page.locator("#direction input[value=auto]").is_checked()


def test_check_then_edit_and_check_again(page, server):
    page.goto(server + "/check?lang=en")
    page.check("#direction input[value=fr]")
    page.fill("#fr", FR)
    page.fill("#en", EN)
    submit(page)
    assert "/check/" in page.url
    summary = page.locator("p.summary").inner_text()
    assert summary.startswith("2 segments, 1 issue")
    assert "The French has 3 lines and the English 2 lines" in page.locator(".warning-note") \
        .inner_text()
    assert page.locator("section.segment").count() == 1
    segment = page.locator("#segment-1")
    assert segment.locator("h2").inner_text() == "Segment 1"
    assert "acronym 'OTSC' left untranslated in the English" in segment.inner_text()
    assert page.locator("#fr").input_value() == FR  # the texts stay for another check
    page.click("text=Edit and check again")
    page.fill("#en", page.locator("#en").input_value().replace("OTSC", "CSTO"))
    submit(page)
    assert page.locator("p.summary").inner_text().startswith("2 segments, 0 issues")
    assert page.locator("p.flash", has_text="No issue found.").count() == 1


def test_report_in_french(page, server):
    page.goto(server + "/check?lang=fr")
    page.fill("#fr", "Il a salué l'OTSC.")
    page.fill("#en", "He welcomed the OTSC.")
    submit(page)
    assert page.locator("p.summary").inner_text().startswith("1 segment, 1 problème")
    issue = page.locator(".issue").first
    assert "sigle « OTSC » non traduit en anglais" in issue.inner_text()  # the library's French
    assert "Attendu" in issue.inner_text()
    assert issue.locator("details").count() == 0  # no English message left under "Détail"
    with page.expect_download() as download:
        page.click("a.button:text-is('CSV')")
    text = Path(download.value.path()).read_text(encoding="utf-8")
    assert text.startswith("segment,type,gravité") and "sigle « OTSC » non traduit" in text


def test_pairs_alone_box_is_kept(page, server):
    """The memory box: ticked by clicking its label, still ticked on the result page."""
    page.goto(server + "/check?lang=en")
    assert not page.locator("#pairs_alone").is_checked()
    page.click("label[for=pairs_alone]")
    assert page.locator("#pairs_alone").is_checked()
    page.check("#direction input[value=fr]")
    page.fill("#fr", FR)
    page.fill("#en", EN)
    submit(page)
    assert "/check/" in page.url
    assert page.locator("#pairs_alone").is_checked()
    assert "check each pair on its own" in page.locator("label[for=pairs_alone]").inner_text()
