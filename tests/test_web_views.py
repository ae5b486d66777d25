"""Pure helpers of the web layer: term highlighting and the alignment-path SVG."""

from __future__ import annotations

import re
from xml.etree import ElementTree

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markupsafe import escape

from web.alignview import alignment_svg, bead_points
from web.highlight import find_spans, highlight


@given(st.text(max_size=80), st.lists(st.text(max_size=8), max_size=4))
def test_highlight_only_adds_marks(text, needles):
    marked = str(highlight(text, needles))
    assert re.sub(r"</?mark>", "", marked) == str(escape(text))


@pytest.mark.parametrize("text, needles, expected", [
    ("L’OTSC et l’Organisation du Traité", ["otsc"], ["OTSC"]),
    ("Côte d'Ivoire", ["cote d’ivoire"], ["Côte d'Ivoire"]),
    ("CSTO, COTSC and OTSC.", ["OTSC"], ["OTSC"]),
    ("Security Council", ["Council", "Security Council"], ["Security Council"]),
])
def test_find_spans(text, needles, expected):
    assert [text[a:b] for a, b in find_spans(text, needles)] == expected


def test_bead_points_cover_every_sentence_once():
    beads = [{"fr": [0], "en": [0]}, {"fr": [1], "en": []}, {"fr": [2, 3], "en": [1]},
             {"fr": [], "en": [2]}, {"fr": [4], "en": [3, 4]}]
    points = bead_points(beads)
    assert points[1] == (1.5, 1.0, 1.5, 1.0)  # a deletion sits on the English boundary
    assert points[2] == (2.0, 1.5, 4.0, 1.5)  # 2-1: a horizontal segment
    assert points[4] == (4.5, 3.0, 4.5, 5.0)  # 1-2: a vertical segment
    xs = [x for x0, _y0, x1, _y1 in points for x in (x0, x1)]
    assert xs == sorted(xs)  # the path never goes back


def test_svg_is_well_formed_and_marks_low_confidence():
    beads = [{"fr": [0], "en": [0], "score": 0.9, "low": False},
             {"fr": [1], "en": [], "score": 0.0, "low": True},
             {"fr": [2], "en": [1], "score": 0.2, "low": True}]
    svg = str(alignment_svg(beads, 3, 2, title="Chemin <d'alignement>", desc="x & y"))
    root = ElementTree.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    marks = root.findall(f".//{ns}circle") + root.findall(f".//{ns}line[@data-bead]")
    assert len(marks) == 3
    assert [m.get("class") for m in marks].count("bead") == 1
    assert sum("low" in m.get("class") for m in marks) == 2
    assert root.find(f"{ns}title").text == "Chemin <d'alignement>"
    assert root.find(f".//{ns}a").get("href") == "#bead-1"
