"""Numbers written in words, French and English (1 to 99, cardinals and ordinals).

Used by the number check: an English ``two`` stands for a French ``2`` and the reverse, and
``soixante-quinzième session`` must come back as ``seventy-fifth session`` (or ``75th``).
Words are compared on accent-free lower-case tokens, so ``soixante-quinzième``,
``Soixante quinzieme`` and ``soixante-quinzième`` are all the same.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import compress

from checks.tokens import folded_words, strip_accents, text_words, word_spans

_FR_UNITS = [
    "zero",
    "un",
    "deux",
    "trois",
    "quatre",
    "cinq",
    "six",
    "sept",
    "huit",
    "neuf",
    "dix",
    "onze",
    "douze",
    "treize",
    "quatorze",
    "quinze",
    "seize",
]
_FR_TENS = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}
_EN_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_EN_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_EN_ORDINAL_UNITS = {
    "one": "first", "two": "second", "three": "third", "five": "fifth", "eight": "eighth",
    "nine": "ninth", "twelve": "twelfth",
}  # fmt: skip


def _fr_cardinal(n: int) -> list[str]:
    """French spellings of ``n`` (1–99) as word lists, with and without ``et``."""
    if n <= 16:
        return [[_FR_UNITS[n]]]
    if n < 20:
        return [["dix", _FR_UNITS[n - 10]]]
    tens, unit = divmod(n, 10)
    if tens in (7, 9):
        base = ["soixante"] if tens == 7 else ["quatre", "vingt"]
        rest = _fr_cardinal(10 + unit)
        forms = [base + r for r in rest]
        if unit == 1 and tens == 7:
            forms += [base + ["et"] + r for r in rest]
        return forms
    base = ["quatre", "vingt"] if tens == 8 else [_FR_TENS[tens]]
    if unit == 0:
        return [["quatre", "vingts"], base] if tens == 8 else [base]
    if unit == 1 and tens != 8:
        return [base + ["et", "un"], base + ["un"]]
    return [base + [_FR_UNITS[unit]]]


def _fr_ordinal(words: list[str]) -> list[str]:
    last = "vingt" if words[-1] == "vingts" else words[-1]
    if last == "cinq":
        last = "cinquieme"
    elif last == "neuf":
        last = "neuvieme"
    elif last.endswith("e"):
        last = last[:-1] + "ieme"
    else:
        last += "ieme"
    return [*words[:-1], last]


def _en_cardinal(n: int) -> list[str]:
    if n < 20:
        return [_EN_UNITS[n]]
    tens, unit = divmod(n, 10)
    return [_EN_TENS[tens]] + ([_EN_UNITS[unit]] if unit else [])


def _en_ordinal(words: list[str]) -> list[str]:
    last = words[-1]
    if last in _EN_ORDINAL_UNITS:
        last = _EN_ORDINAL_UNITS[last]
    elif last.endswith("y"):
        last = last[:-1] + "ieth"
    else:
        last += "th"
    return [*words[:-1], last]


@lru_cache(maxsize=1)
def _tables() -> dict[str, dict[tuple[str, ...], tuple[int, bool]]]:
    fr: dict[tuple[str, ...], tuple[int, bool]] = {}
    en: dict[tuple[str, ...], tuple[int, bool]] = {}
    for n in range(1, 100):
        for words in _fr_cardinal(n):
            fr[tuple(words)] = (n, False)
            fr[tuple(_fr_ordinal(words))] = (n, True)
        words = _en_cardinal(n)
        en[tuple(words)] = (n, False)
        en[tuple(_en_ordinal(words))] = (n, True)
    for word in ("premier", "premiere"):
        fr[(word,)] = (1, True)
    for word in ("second", "seconde"):
        fr[(word,)] = (2, True)
    del fr[("un",)], fr[("unieme",)]  # "un" is the article; "unième" only in compounds
    fr[("une",)] = (1, False)
    en[("twice",)] = (2, False)
    return {"fr": fr, "en": en}


@lru_cache(maxsize=1)
def _ordinal_tables() -> dict[str, dict[tuple[str, ...], tuple[int, bool]]]:
    return {lang: {k: v for k, v in table.items() if v[1]} for lang, table in _tables().items()}


@lru_cache(maxsize=4)
def _heads(lang: str, ordinals: bool) -> frozenset[str]:
    table = (_ordinal_tables() if ordinals else _tables())[lang]
    return frozenset(k[0] for k in table)


def spelled_numbers(text: str, lang: str, ordinals: bool = False) -> list[tuple[str, int, bool]]:
    """The numbers written in words in ``text``: ``(text, value, is_ordinal)``, longest first.

    With ``ordinals``, only ordinals (``soixante-quinzième``) are looked for.

    >>> spelled_numbers("la soixante-quinzième session et deux ans", "fr")
    [('soixante-quinzième', 75, True), ('deux', 2, False)]
    >>> spelled_numbers("la soixante-quinzième session et deux ans", "fr", ordinals=True)
    [('soixante-quinzième', 75, True)]
    >>> spelled_numbers("the Seventy-fifth session, two years", "en")
    [('Seventy-fifth', 75, True), ('two', 2, False)]
    >>> spelled_numbers("quatre-vingt-dix-neuvième et vingt et un", "fr")
    [('quatre-vingt-dix-neuvième', 99, True), ('vingt et un', 21, False)]
    """
    table = (_ordinal_tables() if ordinals else _tables())[lang]
    heads = _heads(lang, ordinals)
    words = folded_words(text)
    if heads.isdisjoint(words):
        return []
    if _HUNDRED[lang] in words:
        return _with_hundreds(text, lang, ordinals)
    return _spelled(text, words, table, heads)


#: The hundreds: "cent trente et unième" (131st), "one hundred and thirty-first".
_HUNDRED = {"fr": "cent", "en": "hundred"}


def _with_hundreds(text: str, lang: str, ordinals: bool) -> list[tuple[str, int, bool]]:
    """:func:`spelled_numbers` of a text with "cent" / "hundred" in it.

    >>> _with_hundreds("la cent trente et unième Assemblée et deux cents ans", "fr", False)
    [('cent trente et unième', 131, True), ('deux', 2, False)]
    >>> _with_hundreds("the one hundred and thirty-first Assembly", "en", True)
    [('one hundred and thirty-first', 131, True)]
    """
    table = (_ordinal_tables() if ordinals else _tables())[lang]
    found = _spelled(text, folded_words(text), table, _heads(lang, ordinals))
    spans = word_spans(text)
    folded = [strip_accents(text[a:b]).lower() for a, b in spans]
    out = []
    for words, value, ordinal in found:
        start = text.find(words)
        index = next((i for i, (a, _b) in enumerate(spans) if a == start), None)
        before = index - 1 if index else None
        if before is not None and lang == "en" and folded[before] == "and":
            before -= 1
        if before is not None and before >= 0 and folded[before] == _HUNDRED[lang] and value < 100:
            count, first = 1, before
            if before > 0 and folded[before - 1] in ("deux", "trois", "quatre", "cinq", "six",
                                                     "sept", "huit", "neuf", "one", "two",
                                                     "three", "four", "five", "six", "seven",
                                                     "eight", "nine"):
                first = before - 1
                unit = _tables()[lang].get((folded[first],), (1, False))[0]
                count = unit if unit > 1 or lang == "en" else 1
            value += 100 * count
            words = text[spans[first][0] : spans[index][0]] + words
            out = [f for f in out if f[0] not in words]
        out.append((words, value, ordinal))
    return out


def _spelled(text: str, words: list[str], table, heads) -> list[tuple[str, int, bool]]:
    raw = text_words(text)
    if len(raw) != len(words):  # decomposed accents: fold word by word
        words = [strip_accents(w).lower() for w in raw]
    found: list[tuple[str, int, bool]] = []
    spans = None
    count, i = len(words), 0
    # only the words that can start a number are tried (the others are skipped one by one)
    for start in list(compress(range(count), map(heads.__contains__, words))):
        if start < i:  # inside the number just found
            continue
        for size in (5, 4, 3, 2, 1):
            if start + size > count:
                continue
            key = tuple(words[start : start + size])
            if key in table:
                if spans is None:
                    spans = word_spans(text)
                value, ordinal = table[key]
                found.append((text[spans[start][0] : spans[start + size - 1][1]], value,
                              ordinal))
                i = start + size
                break
    return found
