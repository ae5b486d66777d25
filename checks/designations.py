"""The designations a checker knows, kept in flat arrays.

A :class:`Designation` is one term of the index: the concept it names and how it may be
used. A checker over 100,000 concepts knows 300,000 of them, so :class:`Designations` keeps
them as arrays and one string of all their texts, and makes a :class:`Designation` only
when one is read (a found name, the forms of a concept), keeping the ones made.

>>> items = Designations([Designation(0, "fr", "OTSC", True, False),
...                       Designation(0, "en", "CSTO", True, False, "admitted")])
>>> len(items), items[1].text, items[1].status, [d.lang for d in items[0:2]]
(2, 'CSTO', 'admitted', ['fr', 'en'])
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

_ACRONYM, _AVOID, _ENGLISH = 1, 2, 4


@dataclass(frozen=True, slots=True)
class Designation:
    """One term of the index: the concept it names and how it may be used."""

    concept: int
    lang: str
    text: str
    acronym: bool
    avoid: bool
    status: str = "preferred"
    #: For country names: "short" or "formal"; empty otherwise.
    role: str = ""


class Designations(Sequence):
    """A read-only list of :class:`Designation` stored as arrays."""

    def __init__(self, items: Iterable[Designation]):
        self._concept, self._flags = array("i"), array("B")
        self._status, self._role = array("B"), array("B")
        self._ends = array("I")
        #: The distinct statuses and roles, each numbered by its place.
        self._words: list[str] = []
        numbers: dict[str, int] = {}
        texts: list[str] = []
        end = 0
        for d in items:
            self._concept.append(d.concept)
            self._flags.append(_ACRONYM * d.acronym | _AVOID * d.avoid
                               | _ENGLISH * (d.lang == "en"))
            for value, column in ((d.status, self._status), (d.role, self._role)):
                if value not in numbers:
                    numbers[value] = len(self._words)
                    self._words.append(value)
                column.append(numbers[value])
            end += len(d.text)
            texts.append(d.text)
            self._ends.append(end)
        self._text = "".join(texts)
        self._made: dict[int, Designation] = {}

    def __getstate__(self) -> tuple:
        return (self._concept, self._flags, self._status, self._role, self._ends,
                self._words, self._text)

    def __setstate__(self, state: tuple) -> None:
        (self._concept, self._flags, self._status, self._role, self._ends, self._words,
         self._text) = state
        self._made = {}

    def __len__(self) -> int:
        return len(self._concept)

    def __getitem__(self, index):
        if index.__class__ is slice:  # the forms of a concept
            made = self._made
            return [made.get(i) or self[i] for i in range(*index.indices(len(self)))]
        try:  # the designations of the hits of a pair are read again and again
            return self._made[index]
        except (KeyError, TypeError):  # not made yet, or a slice (unhashable)
            pass
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("designation index out of range")
        made = self._made.get(index)
        if made is None:
            made = self._made[index] = self._make(index)
        return made

    def of(self, terms: Iterable[int]) -> dict[int, Designation]:
        """The designations numbered ``terms``, by number (those of the hits of a pair,
        each then read from the dict rather than through :meth:`__getitem__`)."""
        made, out = self._made, {}
        for term in terms:
            d = made.get(term)
            out[term] = self[term] if d is None else d
        return out

    def __iter__(self):
        """Every designation, made one after the other (and not kept)."""
        return map(self._make, range(len(self)))

    def _make(self, index: int) -> Designation:
        flags = self._flags[index]
        start = self._ends[index - 1] if index else 0
        return Designation(self._concept[index], "en" if flags & _ENGLISH else "fr",
                           self._text[start : self._ends[index]], bool(flags & _ACRONYM),
                           bool(flags & _AVOID), self._words[self._status[index]],
                           self._words[self._role[index]])
