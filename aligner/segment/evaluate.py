"""Gold sentence boundaries: a plain text format, and boundary precision/recall/F1.

A gold file holds paragraphs separated by blank lines, one sentence per line; lines starting
with ``#`` are comments. A paragraph's text is its sentences joined by one space, and its gold
boundaries are the offsets where its second, third... sentences start.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from aligner.errors import InputError
from ioguard.atomic import write_text


@dataclass
class GoldParagraph:
    """One paragraph of gold: its sentences, as checked by hand."""

    sentences: list[str]
    source: str = ""

    @property
    def text(self) -> str:
        """The paragraph as one line of text."""
        return " ".join(self.sentences)

    @property
    def boundaries(self) -> set[int]:
        """Offsets in :attr:`text` where a sentence other than the first starts."""
        starts, pos = set(), 0
        for sentence in self.sentences[:-1]:
            pos += len(sentence) + 1
            starts.add(pos)
        return starts


def loads_gold(text: str) -> list[GoldParagraph]:
    """Parse gold text; ``## source`` comments label the paragraphs that follow.

    >>> [p.boundaries for p in loads_gold("## doc\\nA b.\\nC d.\\n\\nE.\\n")]
    [{5}, set()]
    """
    paragraphs, source, current = [], "", []
    for line in [*text.splitlines(), ""]:
        stripped = line.strip()
        if stripped.startswith("#"):
            if stripped.startswith("##"):
                source = stripped.lstrip("#").strip()
            continue
        if stripped:
            current.append(stripped)
        elif current:
            paragraphs.append(GoldParagraph(current, source))
            current = []
    return paragraphs


def load_gold(path: str | Path) -> list[GoldParagraph]:
    """Read a gold file."""
    try:
        return loads_gold(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeError) as exc:
        raise InputError(f"cannot read gold file {path}: {exc}") from exc


def dumps_gold(paragraphs: Iterable[GoldParagraph]) -> str:
    """Gold text for ``paragraphs`` (inverse of :func:`loads_gold`, comments aside)."""
    return "\n\n".join("\n".join(p.sentences) for p in paragraphs) + "\n"


def dump_gold(paragraphs: Iterable[GoldParagraph], path: str | Path) -> None:
    """Write a gold file atomically."""
    write_text(Path(path), dumps_gold(paragraphs))


@dataclass
class Scores:
    """Boundary counts and the measures derived from them."""

    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list, repr=False)

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        gold = self.true_positives + self.false_negatives
        return self.true_positives / gold if gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def spans_to_starts(text: str, spans: Iterable[tuple[int, int]]) -> set[int]:
    """Sentence start offsets (except the first sentence's) from spans."""
    starts = sorted(a for a, _b in spans)
    return {a for a in starts[1:] if a > 0} if starts else set()


def strings_to_starts(text: str, sentences: Iterable[str]) -> set[int]:
    """Sentence start offsets from sentence strings (for tools that return strings only).

    >>> sorted(strings_to_starts("A b. C d. E.", ["A b.", "C d.", "E."]))
    [5, 10]
    """
    starts, pos = [], 0
    for sentence in sentences:
        sentence = sentence.strip()
        if not sentence:
            continue
        found = text.find(sentence, pos)
        if found < 0:
            found = text.find(sentence[:20], pos)
        if found < 0:
            continue
        starts.append(found)
        pos = found + len(sentence)
    return set(starts[1:])


def score(gold: Iterable[GoldParagraph], predict: Callable[[str], set[int]]) -> Scores:
    """Boundary precision and recall of ``predict`` (text -> start offsets) on ``gold``."""
    result = Scores()
    for para in gold:
        text = para.text
        expected = para.boundaries
        found = predict(text)
        result.true_positives += len(expected & found)
        for pos in sorted(found - expected):
            result.false_positives += 1
            result.errors.append(("false split", _context(text, pos)))
        for pos in sorted(expected - found):
            result.false_negatives += 1
            result.errors.append(("missed", _context(text, pos)))
    return result


def _context(text: str, pos: int, width: int = 40) -> str:
    return f"{text[max(0, pos - width):pos]}|{text[pos:pos + width]}"
