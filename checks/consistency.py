"""Consistency across segments: the same French translated differently, and the reverse.

Segments are compared on their words (case, accents, punctuation and leading paragraph
numbers left out), so only real differences of wording count. Each issue names the other segments.
"""

from __future__ import annotations

from checks.model import Issue, Segment
from checks.tokens import folded_words


def _key(text: str) -> str:
    """The comparison form of a segment.

    >>> _key("  L’Union  africaine. ") == _key("2. l'Union africaine :")
    True
    """
    words = list(folded_words(text))
    while words and words[0].isdigit():  # paragraph numbers are not wording
        words.pop(0)
    return " ".join(words)


def keys(segment: Segment) -> tuple[str, str]:
    """The comparison forms of the French and the English of a segment (made while the
    pair is checked, when its folded words are still kept).

    >>> keys(Segment(1, "2. L’Union africaine", "the African Union."))
    ('l union africaine', 'the african union')
    """
    return _key(segment.fr), _key(segment.en)


def _groups(made: list[tuple[str, str]], side: int) -> dict[str, list[int]]:
    """The places of the segments by the comparison form of one side (0: French)."""
    groups: dict[str, list[int]] = {}
    for i, pair in enumerate(made):
        key = pair[side]
        if key and any(c.isalpha() for c in key):
            groups.setdefault(key, []).append(i)
    return groups


def inconsistencies(segments: list[Segment],
                    made: list[tuple[str, str]] | None = None) -> list[Issue]:
    """Issues for identical French segments with different English, and the reverse;
    ``made``: the :func:`keys` of every segment, if already made.

    The first segment of a group is taken as the reference; every later segment that
    differs from it gets an issue naming the segments it differs from.

    >>> segs = [Segment(1, "Bonjour.", "Hello."), Segment(2, "Bonjour.", "Good morning.")]
    >>> [(i.segment, i.message) for i in inconsistencies(segs)]
    [(2, 'same French as segment 1, translated differently')]
    """
    issues: list[Issue] = []
    if made is None:
        made = [keys(seg) for seg in segments]
    for side, other in ((0, 1), (1, 0)):
        for places in _groups(made, side).values():
            if len(places) < 2:
                continue  # one segment cannot be translated two ways
            group = [segments[i] for i in places]
            variants: dict[str, list[int]] = {}
            for i in places:
                variants.setdefault(made[i][other], []).append(segments[i].number)
            if len(variants) < 2:
                continue
            first = next(iter(variants.values()))
            for numbers in list(variants.values())[1:]:
                others = [n for n in (seg.number for seg in group) if n not in numbers]
                names = ", ".join(str(n) for n in others)
                label = "segment" if len(others) == 1 else "segments"
                if side == 0:
                    message = f"same French as {label} {names}, translated differently"
                    expected = [next(s.en for s in group if s.number == first[0])]
                else:
                    message = f"same English as {label} {names}, for a different French"
                    expected = []
                for n in numbers:
                    seg = next(s for s in group if s.number == n)
                    issues.append(
                        Issue(n, "inconsistency", "warning", source_term=seg.fr,
                              expected=expected, found=seg.en, message=message)
                    )  # fmt: skip
    return issues
