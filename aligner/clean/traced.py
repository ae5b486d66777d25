"""Text that remembers, for every character, where it came from in the source.

Every cleaning step edits a :class:`Traced` through :meth:`Traced.sub`, so that the cleaned
paragraph text keeps one source offset per character and later stages (sentence splitting,
alignment) can point back into the original document.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Traced:
    """``text`` with ``offsets[i]`` the source offset of ``text[i]``."""

    text: str = ""
    offsets: list[int] = field(default_factory=list)

    @classmethod
    def from_source(cls, source: str, start: int, end: int) -> Traced:
        """The slice ``source[start:end]`` with its own offsets.

        >>> Traced.from_source("abcdef", 2, 4)
        Traced(text='cd', offsets=[2, 3])
        """
        return cls(source[start:end], list(range(start, end)))

    def __len__(self) -> int:
        return len(self.text)

    def __add__(self, other: Traced) -> Traced:
        return Traced(self.text + other.text, self.offsets + other.offsets)

    def append(self, text: str, offset: int) -> None:
        """Add ``text``, every character of it attributed to ``offset``."""
        self.text += text
        self.offsets.extend([offset] * len(text))

    def strip(self) -> Traced:
        """Without leading and trailing whitespace.

        >>> Traced.from_source("  ab ", 0, 5).strip()
        Traced(text='ab', offsets=[2, 3])
        """
        left = len(self.text) - len(self.text.lstrip())
        right = len(self.text.rstrip())
        return Traced(self.text[left:right], self.offsets[left:right])

    def sub(self, pattern: str | re.Pattern, repl: str | Callable[[re.Match], str]) -> Traced:
        """Like :func:`re.sub`; each new character takes the offset of the character it
        keeps or replaces (deletions and one-for-one replacements are traced exactly).

        >>> t = Traced.from_source("l ’ONU", 0, 6).sub(r" ’", "’")
        >>> t.text, t.offsets
        ('l’ONU', [0, 2, 3, 4, 5])
        """
        regex = re.compile(pattern) if isinstance(pattern, str) else pattern
        text_parts: list[str] = []
        offsets: list[int] = []
        last = 0
        for match in regex.finditer(self.text):
            start, end = match.span()
            new = repl(match) if callable(repl) else match.expand(repl)
            if new == match.group(0):
                continue
            text_parts.append(self.text[last:start])
            offsets.extend(self.offsets[last:start])
            text_parts.append(new)
            offsets.extend(_align(match.group(0), self.offsets[start:end], new, self._at(start)))
            last = end
        if not text_parts:
            return self
        text_parts.append(self.text[last:])
        offsets.extend(self.offsets[last:])
        return Traced("".join(text_parts), offsets)

    def _at(self, index: int) -> int:
        if index < len(self.offsets):
            return self.offsets[index]
        return self.offsets[-1] + 1 if self.offsets else 0

    def delete(self, start: int, end: int) -> Traced:
        """Without the characters ``start:end``."""
        return Traced(
            self.text[:start] + self.text[end:], self.offsets[:start] + self.offsets[end:]
        )

    def source_span(self) -> tuple[int, int]:
        """``(start, end)`` of the text in the source (end exclusive)."""
        if not self.offsets:
            return 0, 0
        return min(self.offsets), max(self.offsets) + 1


def _align(old: str, old_offsets: list[int], new: str, fallback: int) -> list[int]:
    """Offsets for ``new``: a character found (in order) in ``old`` keeps its offset; any
    other character takes the offset of the ``old`` character it stands in for."""
    result = []
    i = 0
    for ch in new:
        j = old.find(ch, i)
        if j >= 0:
            result.append(old_offsets[j])
            i = j + 1
        else:
            result.append(old_offsets[min(i, len(old) - 1)] if old else fallback)
            i += 1
    return result
