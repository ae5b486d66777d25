"""The alignment review editor in a real Chromium: every action (approve, reject, merge,
split, move a sentence to the neighbouring pair, the low-confidence filter), by mouse and by
keyboard; saved, reopened, exported, and the approved pairs added to the termbase.
Fixtures and screenshots: tests/test_browser.py."""

# ruff: noqa: F811 (the fixtures of tests/test_browser.py are imported, then requested by name)
from __future__ import annotations

from pathlib import Path

import pytest
from test_browser import ARTIFACTS, EDIT_TOKEN, browser, page, server  # noqa: F401
from webdata import EN_DOC, FR_DOC

#: Five French sentences, four English: the fourth French one has no translation (low).
FR_TEXT = FR_DOC + """
Le Président a donné la parole au représentant du Mexique, qui a fait une déclaration sur la \
prolifération des armes nucléaires dans la région.

Les membres du Conseil ont ensuite tenu des consultations privées.
"""
EN_TEXT = EN_DOC + """
The members then held private consultations.
"""


@pytest.fixture()
def editor(page, server, tmp_path):
    fr_file, en_file = tmp_path / "seance.fr.txt", tmp_path / "meeting.en.txt"
    fr_file.write_text(FR_TEXT, encoding="utf-8")
    en_file.write_text(EN_TEXT, encoding="utf-8")
    page.goto(server + "/align?lang=en")
    page.set_input_files("#fr_file", str(fr_file))
    page.set_input_files("#en_file", str(en_file))
    with page.expect_navigation():
        page.click("form button[type=submit]")
    with page.expect_navigation():
        page.click("#review")
    page.locator("#beads tr").first.wait_for()
    return page


def rows(page):
    return page.locator("#beads tr")


def sides(page) -> list[tuple[int, int]]:
    """Number of French and English sentences of every bead, in order."""
    return page.evaluate("""() => Array.from(document.querySelectorAll('#beads tr')).map(
        r => [r.querySelectorAll('td[lang=fr] li').length,
              r.querySelectorAll('td[lang=en] li').length])""")


def saved(page) -> None:
    # (a locator wait: a string predicate is evaluated with eval, which the page's CSP forbids)
    from playwright.sync_api import expect

    expect(page.locator("#review-status")).to_have_text("Saved.")


def test_editor_actions_by_mouse_saved_and_reopened(editor, server):
    page = editor
    assert sides(page) == [[1, 1], [1, 1], [1, 1], [1, 0], [1, 1]]
    # full width: the table uses the window, not a centred column
    assert page.locator("table.review-beads").bounding_box()["width"] > 0.9 * 1100
    # filter: only the low-confidence pair (the French sentence without translation)
    page.check("#filter-low")
    visible = page.locator("#beads tr:not([hidden])")
    assert visible.count() == 1 and "Mexique" in visible.inner_text()
    page.uncheck("#filter-low")
    assert page.locator("#beads tr:not([hidden])").count() == 5
    # merge the orphan French sentence into the pair before it
    rows(page).nth(2).locator("button[data-action=merge]").click()
    assert sides(page) == [[1, 1], [1, 1], [2, 1], [1, 1]]
    assert rows(page).nth(2).locator("td.num").inner_text() == "edited"
    # split it again, then move the orphan to the next pair and back
    rows(page).nth(2).locator("button[data-action=split]").click()
    assert sides(page) == [[1, 1], [1, 1], [1, 1], [1, 0], [1, 1]]
    rows(page).nth(3).locator("td[lang=fr] button[data-action=down]").click()
    assert sides(page) == [[1, 1], [1, 1], [1, 1], [2, 1]]  # the emptied pair is gone
    rows(page).nth(3).locator("td[lang=fr] button[data-action=up]").click()
    assert sides(page) == [[1, 1], [1, 1], [2, 1], [1, 1]]
    # approve three pairs, reject one
    for n in (0, 1, 3):
        rows(page).nth(n).locator("button[data-action=approve]").click()
    rows(page).nth(2).locator("button[data-action=reject]").click()
    assert rows(page).nth(2).get_attribute("class").startswith("status-rejected")
    saved(page)
    assert "approved 3" in page.locator("#review-counts").inner_text()
    # reopened from the list of saved reviews, as it was left
    url = page.url
    page.goto(server + "/review")
    with page.expect_navigation():
        page.locator("table.reviews a", has_text="seance.fr.txt").click()
    assert page.url == url
    page.locator("#beads tr").first.wait_for()
    assert sides(page) == [[1, 1], [1, 1], [2, 1], [1, 1]]
    states = page.evaluate("""() => Array.from(document.querySelectorAll('#beads tr')).map(
        r => r.className.split(' ')[0])""")
    assert states == ["status-approved", "status-approved", "status-rejected", "status-approved"]
    # exports: the approved pairs only, or all of them
    with page.expect_download() as download:
        page.click("#export-tmx-approved")
    approved = Path(download.value.path()).read_text(encoding="utf-8")
    assert approved.count("<tu ") == 3 and "1 p.m." not in approved
    with page.expect_download() as download:
        page.click("#export-tmx-all")
    assert Path(download.value.path()).read_text(encoding="utf-8").count("<tu ") == 4


def test_editor_keyboard_shortcuts(editor):
    page = editor
    rows(page).first.click()  # the first pair is current
    page.keyboard.press("a")  # approve, and go to the next pair
    page.keyboard.press("r")  # reject the second
    assert rows(page).nth(0).get_attribute("class").startswith("status-approved")
    assert rows(page).nth(1).get_attribute("class").startswith("status-rejected")
    page.keyboard.press("j")  # on the orphan French sentence (fourth pair)
    page.keyboard.press("[")  # its French sentence joins the pair above
    assert sides(page) == [[1, 1], [1, 1], [2, 1], [1, 1]]
    page.keyboard.press("s")  # split the current pair back into sentences
    assert sides(page) == [[1, 1], [1, 1], [1, 1], [1, 0], [1, 1]]
    page.keyboard.press("k")
    page.keyboard.press("m")  # merge the second pair with the third
    assert sides(page) == [[1, 1], [2, 2], [1, 0], [1, 1]]
    page.keyboard.press("}")  # its last English sentence goes to the next pair
    assert sides(page) == [[1, 1], [2, 1], [1, 1], [1, 1]]
    page.keyboard.press("f")
    assert page.locator("#filter-low").is_checked()
    saved(page)
    page.keyboard.press("f")
    page.reload()
    page.locator("#beads tr").first.wait_for()
    assert sides(page) == [[1, 1], [2, 1], [1, 1], [1, 1]]


def test_approved_pairs_added_to_the_termbase(editor, server):
    page = editor
    review_url = page.url
    for n in (0, 1):
        rows(page).nth(n).locator("button[data-action=approve]").click()
    saved(page)
    assert page.locator("#add-evidence").count() == 0
    assert "Log in as a terminologist" in page.locator(".review-toolbar").inner_text()
    page.goto(server + "/edit/login")
    page.fill("#name", "Ana Terminologue")
    page.fill("#token", EDIT_TOKEN)
    with page.expect_navigation():
        page.click("form button[type=submit]")
    page.goto(review_url)
    with page.expect_navigation():
        page.click("#add-evidence")
    assert page.locator(".flash").inner_text() == "2 attestations added to the termbase."
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "review_evidence_added.png"), full_page=True)
    page.goto(server + "/entries/2")
    assert "The Security Council met on 19 April 2021." in page.locator("main").inner_text()
    page.goto(review_url + "?lang=fr")  # the editor in French, for the screenshot
    page.locator("#beads tr").first.wait_for()
    assert page.locator("button[data-action=approve]").first.inner_text() == "Valider"


def test_an_english_original_comes_first(page, server, tmp_path):
    fr_file, en_file = tmp_path / "seance.fr.txt", tmp_path / "meeting.en.txt"
    fr_file.write_text(FR_DOC, encoding="utf-8")
    en_file.write_text(EN_DOC, encoding="utf-8")
    page.goto(server + "/align?lang=en")
    page.check("#direction input[value=en]")
    page.set_input_files("#fr_file", str(fr_file))
    page.set_input_files("#en_file", str(en_file))
    with page.expect_navigation():
        page.click("form button[type=submit]")
    assert "English original → French translation" in page.locator("p.summary").inner_text()
    with page.expect_navigation():
        page.click("#review")
    page.locator("#beads tr").first.wait_for()
    headers = page.locator("table.review-beads thead th").all_inner_texts()
    assert headers[1:3] == ["English", "French"]
    assert rows(page).first.locator("td").nth(1).get_attribute("lang") == "en"
