"""The search and entry pages in a real headless Chromium, driven by Playwright: options,
counts and paging, copy buttons, the nearest-entry label, long queries, the entry page.

As in ``test_browser.py``: every test fails on a console error and keeps a screenshot in
``tests/artifacts/``; without Chromium the tests skip, except in CI where they fail.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_browser import browser, live_server  # noqa: F401
from test_search_web import build

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from web import create_app

    folder = tmp_path_factory.mktemp("browser-search")
    db = build(folder / "tb.sqlite3")
    app = create_app({"TERMALIGN_DB": str(db), "RESULTS_DIR": str(folder / "results"),
                      "EDIT_TOKEN": None})
    yield from live_server(app)


def _page(browser, request, server, width: int):  # noqa: F811 (the imported fixture)
    context = browser.new_context(viewport={"width": width, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.set_default_timeout(15000)
    return context, page, errors


@pytest.fixture(params=[1100, 390], ids=["desktop", "phone"])
def page(browser, request, server):  # noqa: F811 (the imported fixture)
    context, page, errors = _page(browser, request, server, request.param)
    yield page
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"search-{request.node.name}.png"), full_page=True)
    context.close()
    assert errors == [], f"browser console errors: {errors}"


def no_horizontal_scroll(page) -> bool:
    page.wait_for_load_state("load")  # (the stylesheet applied: the DOM can be read before)
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_options_count_and_labels(page, server):
    page.goto(server + "/")
    page.fill("#q", "paix")
    page.select_option("#opt-mode", "contains")
    page.select_option("#opt-kind", "term")
    page.click("form.search button[type=submit]")
    page.wait_for_selector("ol.results")
    assert page.inner_text("p.count").startswith("1 result for “paix”")
    assert page.inner_text("p.nearest") == "No entry for “paix”; nearest:"
    assert page.inner_text(".result .tag.match") == "contains your words"
    assert page.inner_text(".result mark") == "paix"
    assert page.input_value("#opt-mode") == "contains" and page.input_value("#opt-kind") == "term"
    assert no_horizontal_scroll(page)


def test_paging_through_results(page, server):
    page.goto(server + "/?q=comite")
    assert "25 results for “comite”" in page.inner_text("p.count")
    assert page.locator("li.result").count() == 20
    page.click("nav.paging a[rel=next]")
    page.wait_for_selector("nav.paging a[rel=prev]")
    assert "results 21–25 of 25" in page.inner_text("p.count")
    assert page.locator("li.result").count() == 5
    page.click("nav.paging a[rel=prev]")
    page.wait_for_selector("nav.paging a[rel=next]")
    assert "results 1–20 of 25" in page.inner_text("p.count")


def test_copy_buttons(page, server):
    page.goto(server + "/?q=CSTO")
    buttons = page.locator("li.result section").first.locator("button.copy")
    assert buttons.count() == 3 and buttons.first.is_visible()
    name = page.locator("button.copy", has_text="Copy “name (ACRONYM)”").first
    name.click()
    page.wait_for_selector("button.copy.done")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == "Collective Security Treaty Organization (CSTO)"
    page.locator("button.copy", has_text="Copy the acronym").last.click()
    page.wait_for_function("() => navigator.clipboard.readText().then(t => t === 'OTSC')")


def test_nearest_entries_and_no_entry(page, server):
    page.goto(server + "/?q=Charte+des+Nations+Unies")
    assert page.inner_text("p.nearest") == "No entry for “Charte des Nations Unies”; nearest:"
    assert page.inner_text(".result .tag.match") == "nearest spelling"
    page.goto(server + "/?q=Conseil+de+securite&mode=exact&kind=term")
    assert page.inner_text("p.count") == "No entry for “Conseil de securite”."
    page.click("ul.suggested a")
    page.wait_for_selector("article.entry h1")
    assert page.inner_text("h1") == "Security Council"


def test_a_long_query_is_cut_and_the_page_keeps_its_width(page, server):
    page.goto(server + "/")
    page.fill("#q", "x" * 5000)  # the box takes 200 characters, as the server does
    assert len(page.input_value("#q")) == 200
    page.click("form.search button[type=submit]")
    page.wait_for_selector("p.count")
    assert page.inner_text("p.count") == "No entry for “" + "x" * 200 + "”."
    assert no_horizontal_scroll(page)


def test_entry_page(page, server):
    page.goto(server + "/entries/1")
    assert page.inner_text("h1") == "Security Council"
    assert page.inner_text("p.other-name") == "Conseil de sécurité"
    assert page.locator("li.note").count() == 2
    rows = page.locator("table.concordance tbody tr")
    assert rows.count() == 1
    link = rows.first.locator("a.symbol")
    assert link.inner_text() == "S/RES/2210 (2015)"
    assert link.get_attribute("href") == "https://undocs.org/S/RES/2210(2015)"
    assert rows.first.locator("td[lang=fr] mark").inner_text() == "Conseil de sécurité"
    assert rows.first.locator("td[lang=en] mark").inner_text() == "Security Council"
    # The source column is readable: file names do not break one character per line.
    source = rows.first.locator("td.source")
    assert source.bounding_box()["width"] >= 100
    assert no_horizontal_scroll(page)
    page.click("#lang-fr")
    page.wait_for_selector("html[lang=fr]")
    assert page.inner_text("h1") == "Conseil de sécurité"


@pytest.mark.parametrize(("ui", "query", "label"), [
    ("en", "Charte des Nations Unies", "nearest spelling"),
    ("fr", "Charte des Nations Unies", "graphie proche"),
    ("en", "conseil de securite", "accent-insensitive match"),
    ("en", "Comité 0", "starts with your query"),
])
def test_suggestions_say_how_they_match(page, server, ui, query, label):
    page.goto(server + f"/?lang={ui}")
    page.fill("#q", query)
    page.wait_for_selector("#suggestions [role=option]")
    first = page.locator("#suggestions [role=option]").first
    assert first.locator(".tag.match").inner_text() == label
    assert page.is_visible("#suggestions")


def test_exact_suggestions_have_no_match_label(page, server):
    page.goto(server + "/")
    page.fill("#q", "CSTO")
    page.wait_for_selector("#suggestions [role=option]")
    first = page.locator("#suggestions [role=option]").first
    assert first.locator(".s-en").inner_text() == "Collective Security Treaty Organization (CSTO)"
    assert first.locator(".tag.match").count() == 0


@pytest.mark.parametrize(("ui", "heading", "first"), [
    ("en", "Definitions", "One of the six principal organs"),
    ("fr", "Définitions", "L’un des six organes principaux"),
])
def test_entry_page_shows_definitions(page, server, ui, heading, first):
    page.goto(server + f"/entries/1?lang={ui}")
    section = page.locator("section.definitions")
    assert section.locator("h2").inner_text() == heading
    items = section.locator("li.definition")
    assert items.count() == 2
    assert first in items.first.inner_text()
    assert items.first.get_attribute("lang") == ui
    assert no_horizontal_scroll(page)


def test_entry_page_marks_the_linked_english_span(page, server):
    page.goto(server + "/?q=maintien+de+la+paix")
    page.click("a.entry-link")
    page.wait_for_selector("table.concordance")
    row = page.locator("table.concordance tbody tr").first
    assert row.locator("td[lang=en] mark").inner_text() == "peace-keeping missions"
    assert row.locator("td[lang=fr] mark").inner_text() == "maintien de la paix"
