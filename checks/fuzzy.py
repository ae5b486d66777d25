"""Near misses of a name: the translation writes an official name with one word wrong.

"Comité de sécurité" for "Conseil de sécurité", "Organization des Nations Unies" for
"Organisation des Nations Unies", "United Nations Development Program": the folded key of
:mod:`checks.tokens` does not find them, so the name looks simply missing (or, next to its
acronym, present). :func:`near_miss` looks for a window of the translation's keys that has
the name's length and differs from one of its forms by one word (or by one spelling:
``organization``/``organisation``), for names of three words or more.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from checks.tokens import KEPT_TEXT, KeyedText, build_keys, name_key, text_words

if TYPE_CHECKING:
    from checks.keying import Codes, Line


def similar(a: str, b: str) -> bool:
    """Two keys that are spellings of one word (organization/organisation, program/programme).

    >>> similar("organization", "organisation"), similar("program", "programme")
    (True, True)
    >>> similar("conseil", "comite")
    False
    """
    if len(a) < 5 or len(b) < 5 or a[:4] != b[:4] or abs(len(a) - len(b)) > 2:
        return False
    return sum(x != y for x, y in zip(a, b, strict=False)) + abs(len(a) - len(b)) <= 2


def near_miss(text: str, forms: list[str], codes: Codes | None = None) -> str | None:
    """The part of ``text`` that writes one of ``forms`` with one word wrong, else None;
    ``codes``: the code space of the checker whose forms they are, whose code line of the
    text (:meth:`~checks.keying.Codes.line`, made for the matching) is then read instead of
    keying the text again (:func:`_coded_miss`).

    >>> near_miss("du Comité de sécurité des Nations Unies", ["Conseil de sécurité"])
    'Comité de sécurité'
    >>> near_miss("l'Organization des Nations Unies", ["Organisation des Nations Unies"])
    'Organization des Nations Unies'
    >>> near_miss("le Conseil de sécurité", ["Conseil de sécurité"]) is None
    True
    >>> near_miss("la commission de la paix", ["Conseil de sécurité"]) is None
    True
    """
    line = codes.line(text, False) if codes is not None else None
    coded = line is not None and not line.whole
    k = None
    for form in forms:
        fk, want = _form_keys(form)
        n = len(want)
        if n < 3:
            continue
        wanted = [codes.keys[False].get(w) for w in want] if coded else [None]
        if None not in wanted:
            miss = _coded_miss(text, form, fk, want, line, wanted)
            if miss is not None:
                return miss
            continue
        if k is None:
            k, words, where = _text_keys(text) if len(text) <= KEPT_TEXT else _keys_of(text)
        # a window with one word wrong has the form's first or second word in its place
        starts = sorted({p for p in where.get(want[0], ()) if p <= len(words) - n}
                        | {p - 1 for p in where.get(want[1], ()) if 0 < p <= len(words) - n + 1})
        for start in starts:
            window = words[start : start + n]
            wrong = [i for i, (w, f) in enumerate(zip(window, want, strict=True)) if w != f]
            if len(wrong) != 1:
                continue
            i = wrong[0]
            a, b = k.span(start + i, start + i)
            fa, fb = fk.span(i, i)
            # the wrong word is a word of the name: a capital where the form has one
            if similar(window[i], want[i]) or text[a:b][:1].isupper() == form[fa:fb][:1].isupper() \
                    and text[a:b][:1].isupper():
                a, b = k.span(start, start + n - 1)
                return text[a:b]
    return None


def _coded_miss(text: str, form: str, fk: KeyedText, want: list[str], line: Line,
                wanted: list[str]) -> str | None:
    """:func:`near_miss` of one form whose every key has a code, read on the code line of
    the text: a key of the text is the key of the form where their codes are the same (a
    key no designation has is coded ``UNKNOWN``, which no key of the form is)."""
    c, n = line.codes, len(want)
    count = len(c) // 3

    def at(code: str) -> list[int]:  # the keys of the text with this code
        out, p = [], c.find(code)
        while p >= 0:  # (three disjoint alphabets: a code is only found where a key starts)
            out.append(p // 3)
            p = c.find(code, p + 3)
        return out

    starts = sorted({p for p in at(wanted[0]) if p <= count - n}
                    | {p - 1 for p in at(wanted[1]) if 0 < p <= count - n + 1})
    for start in starts:
        wrong = [i for i in range(n) if c[3 * (start + i) : 3 * (start + i) + 3] != wanted[i]]
        if len(wrong) != 1:
            continue
        i = wrong[0]
        a, b = line.span(start + i, start + i)
        fa, fb = fk.span(i, i)
        capital = text[a:b][:1].isupper()
        if capital == form[fa:fb][:1].isupper() and capital or similar(
                _key_at(line, start + i), want[i]):
            a, b = line.span(start, start + n - 1)
            return text[a:b]
    return None


def _key_at(line: Line, key: int) -> str:
    """The name key of key number ``key`` of a line made word by word: its word's, or the
    keys of a hyphenated prefix and its word joined (the words between have none)."""
    _spans, firsts, lasts = line.key_words()
    return "".join(map(name_key, text_words(line.text)[firsts[key] : lasts[key] + 1]))


def _keys_of(text: str) -> tuple[KeyedText, list[str], dict[str, list[int]]]:
    """The keys of ``text``, as a list and by key (their positions)."""
    k = build_keys(text, read=True)
    words = k.keys.split()
    where: dict[str, list[int]] = {}
    for position, word in enumerate(words):
        where.setdefault(word, []).append(position)
    return k, words, where


#: The keys of the last translations (each looked at again for every name of its original).
_text_keys = lru_cache(maxsize=8)(_keys_of)


@lru_cache(maxsize=1024)
def _form_keys(form: str) -> tuple[KeyedText, list[str]]:
    """The keys of one form of a name (the forms of the names of a file come back often)."""
    fk = build_keys(form)
    return fk, fk.keys.split()
