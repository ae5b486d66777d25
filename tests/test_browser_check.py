"""The check page in a real Chromium: the direction selector (remembered), texts of different
lengths aligned first, segments numbered as seen, edit and check again, the report in French.
Screenshots go to tests/artifacts/ (see tests/test_browser.py, whose fixtures these use)."""

# ruff: noqa: F811 (the fixtures of tests/test_browser.py are imported, then requested by name)
from __future__ import annotations

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
    page.goto(server + "/check?lang=en")
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
    assert "Acronym “OTSC” left untranslated" in segment.inner_text()
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
    assert "Sigle « OTSC » laissé tel quel" in issue.inner_text()
    assert "Attendu" in issue.inner_text()
    assert issue.locator("details summary").inner_text() == "Détail (en anglais)"
