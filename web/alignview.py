"""The SVG picture of an alignment path: French sentence index (x) against English (y).

Every bead is drawn as a segment over the sentences it covers (a point for a 1-1 bead),
joined in order by the path; insertions and deletions (0-1, 1-0) sit on an axis edge of
their cell; low-confidence beads get another class (another colour in the stylesheet).
Every bead links to its row of the side-by-side table (``#bead-N``).
The dashed diagonal is the path of two documents with the same number of sentences, so a
reviewer sees where and how far the translation diverges.
"""

from __future__ import annotations

from markupsafe import Markup, escape

#: Size of the drawing area in SVG units, and the margin for the axes.
SIZE = 480
MARGIN = 36


def _cell_centre(indexes: list[int], other_end: int) -> float:
    """Centre of a bead's span on one axis (an empty side sits on the previous boundary)."""
    if not indexes:
        return float(other_end)
    return (min(indexes) + max(indexes) + 1) / 2


def bead_points(beads: list[dict]) -> list[tuple[float, float, float, float]]:
    """``(x0, y0, x1, y1)`` in sentence units for every bead (the span it covers).

    >>> bead_points([{"fr": [0], "en": [0]}, {"fr": [1, 2], "en": [1]}, {"fr": [], "en": [2]}])
    [(0.5, 0.5, 0.5, 0.5), (1.0, 1.5, 3.0, 1.5), (3.0, 2.5, 3.0, 2.5)]
    """
    points = []
    fr_end = en_end = 0
    for bead in beads:
        fr, en = list(bead.get("fr", [])), list(bead.get("en", []))
        if len(fr) > 1:
            x0, x1 = float(min(fr)), float(max(fr) + 1)
        else:
            x0 = x1 = _cell_centre(fr, fr_end)
        if len(en) > 1:
            y0, y1 = float(min(en)), float(max(en) + 1)
        else:
            y0 = y1 = _cell_centre(en, en_end)
        points.append((x0, y0, x1, y1))
        if fr:
            fr_end = max(fr) + 1
        if en:
            en_end = max(en) + 1
    return points


def alignment_svg(beads: list[dict], n_fr: int, n_en: int, title: str = "",
                  desc: str = "") -> Markup:
    """An accessible inline SVG of the alignment path (classes styled by ``style.css``)."""
    scale_x = SIZE / max(n_fr, 1)
    scale_y = SIZE / max(n_en, 1)

    def sx(x: float) -> float:
        return round(MARGIN + x * scale_x, 2)

    def sy(y: float) -> float:  # y grows upwards
        return round(MARGIN + SIZE - y * scale_y, 2)

    width = height = SIZE + 2 * MARGIN
    parts = [
        f'<svg class="align-path" xmlns="http://www.w3.org/2000/svg" role="img" '
        f'viewBox="0 0 {width} {height}" aria-labelledby="svg-title svg-desc">',
        f'<title id="svg-title">{escape(title)}</title><desc id="svg-desc">{escape(desc)}</desc>',
        f'<rect class="frame" x="{MARGIN}" y="{MARGIN}" width="{SIZE}" height="{SIZE}"/>',
        f'<line class="diagonal" x1="{sx(0)}" y1="{sy(0)}" x2="{sx(n_fr)}" y2="{sy(n_en)}"/>',
    ]
    for value in _ticks(n_fr):
        parts.append(f'<text class="tick" x="{sx(value)}" y="{height - 14}" '
                     f'text-anchor="middle">{value}</text>')
    for value in _ticks(n_en):
        parts.append(f'<text class="tick" x="{MARGIN - 6}" y="{sy(value) + 4}" '
                     f'text-anchor="end">{value}</text>')
    parts.append(f'<text class="axis" x="{MARGIN + SIZE}" y="{height - 2}" '
                 f'text-anchor="end">FR →</text>')
    parts.append(f'<text class="axis" x="4" y="{MARGIN - 10}">EN ↑</text>')
    points = bead_points(beads)
    if points:
        path = " ".join(f"{sx((x0 + x1) / 2)},{sy((y0 + y1) / 2)}" for x0, y0, x1, y1 in points)
        parts.append(f'<polyline class="path" points="{path}"/>')
    for number, (bead, (x0, y0, x1, y1)) in enumerate(zip(beads, points, strict=True), 1):
        css = "bead low" if bead.get("low") else "bead"
        if not bead.get("fr") or not bead.get("en"):
            css += " gap"
        label = escape(f"#{number}: fr {_span(bead.get('fr'))} ↔ en {_span(bead.get('en'))}"
                       f", score {bead.get('score', 0):.2f}")
        parts.append(f'<a href="#bead-{number}">')
        if (x0, y0) == (x1, y1):
            parts.append(f'<circle class="{css}" cx="{sx(x0)}" cy="{sy(y0)}" r="3.5" '
                         f'data-bead="{number}"><title>{label}</title></circle>')
        else:
            parts.append(f'<line class="{css}" x1="{sx(x0)}" y1="{sy(y0)}" x2="{sx(x1)}" '
                         f'y2="{sy(y1)}" data-bead="{number}"><title>{label}</title></line>')
        parts.append("</a>")
    parts.append("</svg>")
    return Markup("".join(parts))


def _span(indexes) -> str:
    """Sentence numbers (from 1) of one side of a bead.

    >>> _span([3, 4]), _span([7]), _span([])
    ('4-5', '8', '—')
    """
    if not indexes:
        return "—"
    lo, hi = min(indexes) + 1, max(indexes) + 1
    return str(lo) if lo == hi else f"{lo}-{hi}"


def _ticks(n: int) -> list[int]:
    """About five round tick values from 0 to ``n``.

    >>> _ticks(100)
    [0, 20, 40, 60, 80, 100]
    >>> _ticks(3)
    [0, 1, 2, 3]
    """
    if n <= 5:
        return list(range(n + 1))
    raw = n / 5
    magnitude = 10 ** (len(str(int(raw))) - 1)
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    ticks = list(range(0, n + 1, step))
    if n - ticks[-1] > step / 2:
        ticks.append(n)
    return ticks
