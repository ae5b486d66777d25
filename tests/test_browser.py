"""The web interface in a real headless Chromium (Debian ``chromium``), driven by Playwright.

The app runs on a free loopback port in a thread. Every test fails on a browser console
error (a Content-Security-Policy violation included) and saves a screenshot in
``tests/artifacts/``. Without Chromium the tests skip, except in CI where they fail.
"""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import pytest
from webdata import EN_DOC, FR_DOC, build_termbase

CHROMIUM = os.environ.get("TERMALIGN_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
EDIT_TOKEN = "browser-test-token"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking"]


def _need_chromium() -> None:
    if Path(CHROMIUM).exists() or shutil.which("chromium"):
        return
    if os.environ.get("CI"):
        pytest.fail(f"{CHROMIUM} is missing in CI (apt-get install chromium)")
    pytest.skip("chromium is not installed")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from web import create_app

    folder = tmp_path_factory.mktemp("browser")
    db = build_termbase(folder / "tb.sqlite3")
    app = create_app({"TERMALIGN_DB": str(db), "RESULTS_DIR": str(folder / "results"),
                      "EDIT_TOKEN": EDIT_TOKEN})
    yield from live_server(app)


def live_server(app):
    """Serve ``app`` on a free loopback port in a thread; yield its base URL (for fixtures)."""
    from werkzeug.serving import make_server

    httpd = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    thread.join(timeout=5)


@pytest.fixture(scope="module")
def browser():
    _need_chromium()
    if os.environ.get("CI"):  # in CI a missing Playwright is a failure, not a skip
        from playwright import sync_api
    else:
        sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        path = CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")
        instance = playwright.chromium.launch(executable_path=path, args=ARGS)
        yield instance
        instance.close()


@pytest.fixture()
def page(browser, request):
    context = browser.new_context(viewport={"width": 1100, "height": 900}, accept_downloads=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.set_default_timeout(15000)
    yield page
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    context.close()
    assert errors == [], f"browser console errors: {errors}"


def test_search_suggestions_to_entry(page, server):
    page.goto(server + "/")
    box = page.locator("#q")
    assert box.evaluate("el => el === document.activeElement")  # autofocus
    box.type("otsc", delay=30)
    option = page.locator("#suggestions [role=option]").first
    option.wait_for(state="visible")
    assert "Collective Security Treaty Organization (CSTO)" in option.inner_text()
    assert box.get_attribute("aria-expanded") == "true"
    box.press("ArrowDown")
    assert option.get_attribute("aria-selected") == "true"
    assert box.get_attribute("aria-activedescendant") == option.get_attribute("id")
    box.press("Escape")
    assert page.locator("#suggestions").is_hidden()
    box.press("ArrowDown")
    box.press("ArrowDown")
    with page.expect_navigation():
        box.press("Enter")
    assert "/entries/1" in page.url
    assert page.locator("td[lang=en] mark").first.inner_text() == "CSTO"
    assert page.locator("td[lang=fr] mark").first.inner_text() == \
        "Organisation du Traité de sécurité collective"
    assert page.locator("a[href$='/entries/1.tbx']").count() == 1


def test_search_form_submits_with_enter(page, server):
    page.goto(server + "/")
    page.fill("#q", "Ivory Coast")
    with page.expect_navigation():
        page.press("#q", "Enter")
    assert "q=Ivory+Coast" in page.url
    assert page.locator(".results del", has_text="Ivory Coast").count() == 1


def test_check_highlights_issues(page, server):
    page.goto(server + "/check")
    page.fill("#fr", "Il a salué l'OTSC.\nLe Conseil de sécurité s'est réuni le 19 avril 2021.")
    page.fill("#en", "He welcomed the OTSC.\nThe Security Council met on 19 April 2021.")
    with page.expect_navigation():
        page.click("form.check-form button[type=submit]")
    segment = page.locator("#segment-1")
    assert segment.locator("mark").first.inner_text() == "OTSC"
    assert "untranslated-acronym" in segment.inner_text()
    assert "CSTO" in segment.locator(".issue").first.inner_text()
    with page.expect_download() as download:
        page.click("text=JSON")
    assert b"untranslated-acronym" in Path(download.value.path()).read_bytes()


def test_align_upload_svg_and_tmx(page, server, tmp_path):
    fr_file = tmp_path / "lettre.fr.txt"
    en_file = tmp_path / "letter.en.txt"
    fr_file.write_text(FR_DOC, encoding="utf-8")
    en_file.write_text(EN_DOC, encoding="utf-8")
    page.goto(server + "/align")
    page.set_input_files("#fr_file", str(fr_file))
    page.set_input_files("#en_file", str(en_file))
    with page.expect_navigation():
        page.click("form button[type=submit]")
    svg = page.locator("svg.align-path")
    svg.wait_for(state="visible")
    assert svg.locator(".bead").count() == 3
    assert page.locator("table.beads tbody tr").count() == 3
    with page.expect_download() as download:
        page.click("#download-tmx")
    data = Path(download.value.path()).read_text(encoding="utf-8")
    assert "<tmx" in data and "Collective Security Treaty Organization" in data
    page.set_viewport_size({"width": 360, "height": 740})  # no sideways scrolling on a phone
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_language_switch(page, server):
    page.goto(server + "/")
    assert page.locator("html").get_attribute("lang") == "en"
    with page.expect_navigation():
        page.click("#lang-fr")
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.locator("button[type=submit]", has_text="Rechercher").count() == 1
    page.goto(server + "/check")  # remembered in a cookie
    assert page.locator("h1").inner_text() == "Vérifier une traduction"
    page.goto(server + "/?lang=en")
    assert page.locator("html").get_attribute("lang") == "en"


def test_narrow_screen(page, server):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(server + "/?q=CSTO")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360


def test_edit_entry_records_history(page, server):
    page.goto(server + "/edit/2")  # logged out: sent to the login form
    assert "/edit/login" in page.url
    page.fill("#name", "Ana Terminologue")
    page.fill("#token", EDIT_TOKEN)
    with page.expect_navigation():
        page.click("form button[type=submit]")
    assert page.url.endswith("/edit/2")
    page.fill("#note", "Organe principal de l'ONU.")
    page.fill("input[name='term-2-text']", "CS")
    page.select_option("select[name='term-2-lang']", "en")
    page.select_option("select[name='term-2-type']", "acronym")
    page.select_option("select[name='term-2-status']", "deprecated")
    with page.expect_navigation():
        page.click("form.edit-form button[type=submit]")
    assert page.url.endswith("/entries/2")
    assert page.locator(".flash").count() == 1
    assert page.locator("ul.terms[lang=en] del", has_text="CS").count() == 1
    history = page.locator("section.history tbody tr")
    assert history.count() == 1 and "Ana Terminologue" in history.inner_text()


def test_search_works_without_javascript(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(server + "/")
        page.fill("#q", "Organisation du traite de securite collective")
        with page.expect_navigation():
            page.press("#q", "Enter")
        assert page.locator(".entry-link").first.inner_text() == \
            "Collective Security Treaty Organization (CSTO)"
        assert page.locator("#suggestions").is_hidden()
    finally:
        context.close()
