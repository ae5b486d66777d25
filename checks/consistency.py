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


def _groups(segments: list[Segment], side: str) -> dict[str, list[Segment]]:
    groups: dict[str, list[Segment]] = {}
    for seg in segments:
        key = _key(getattr(seg, side))
        if key and any(c.isalpha() for c in key):
            groups.setdefault(key, []).append(seg)
    return groups


def inconsistencies(segments: list[Segment]) -> list[Issue]:
    """Issues for identical French segments with different English, and the reverse.

    The first segment of a group is taken as the reference; every later segment that
    differs from it gets an issue naming the segments it differs from.

    >>> segs = [Segment(1, "Bonjour.", "Hello."), Segment(2, "Bonjour.", "Good morning.")]
    >>> [(i.segment, i.message) for i in inconsistencies(segs)]
    [(2, 'same French as segment 1, translated differently')]
    """
    issues: list[Issue] = []
    for side, other in (("fr", "en"), ("en", "fr")):
        for group in _groups(segments, side).values():
            if len(group) < 2:
                continue  # one segment cannot be translated two ways
            variants: dict[str, list[int]] = {}
            for seg in group:
                variants.setdefault(_key(getattr(seg, other)), []).append(seg.number)
            if len(variants) < 2:
                continue
            first = next(iter(variants.values()))
            for numbers in list(variants.values())[1:]:
                others = [n for n in (seg.number for seg in group) if n not in numbers]
                names = ", ".join(str(n) for n in others)
                label = "segment" if len(others) == 1 else "segments"
                if side == "fr":
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
