"""The check page in a real Chromium: an uploaded XLIFF's untranslated units are listed on the
result page. Screenshots go to tests/artifacts/ (see tests/test_browser.py, whose fixtures
these use)."""

# ruff: noqa: F811 (the fixtures of tests/test_browser.py are imported, then requested by name)
from __future__ import annotations

from test_browser import browser, page, server  # noqa: F401 (pytest fixtures)
from test_interop_untranslated import XLIFF


def test_uploaded_xliff_lists_its_untranslated_units(page, server, tmp_path):
    path = tmp_path / "units.xlf"
    path.write_text(XLIFF, encoding="utf-8")
    page.goto(server + "/check?lang=en")
    page.set_input_files("#pairs", str(path))
    with page.expect_navigation():
        page.click("#check-form button[type=submit]")
    assert "/check/" in page.url
    assert page.locator("p.summary").inner_text().startswith("1 segment, 0 issues")
    note = page.locator("p.untranslated")
    assert note.is_visible()
    assert note.inner_text().startswith("4 units not translated, not checked:")
    assert "Segment 5 [t5] (state=new)" in note.inner_text()
