"""Numbers, amounts, dates, times and UN document symbols, in French and English.

:func:`quantities` reads them out of one segment as :class:`Mention` objects whose ``keys``
are canonical, language-independent forms: ``19,44 milliards`` and ``19.44 billion`` both
give ``19.44`` and ``19440000000``; ``488 000`` and ``488,000`` give ``488000``; ``1er
janvier 2021`` and ``1 January 2021`` give the date key ``1-1-2021``. :func:`missing` lists
the French mentions that have no counterpart in the English.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from checks import cues
from checks.clock import military
from checks.cues import digit_matches, digit_runs, digit_sub, month_matches
from checks.numwords import spelled_numbers
from checks.romans import roman_values
from checks.tokens import DIGIT as _DIGIT
from checks.tokens import strip_accents

_FR_MONTHS = ["janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout",
              "septembre", "octobre", "novembre", "decembre"]  # fmt: skip
_EN_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
              "september", "october", "november", "december"]  # fmt: skip
_MONTH_FR = "|".join(["janvier", "f[ée]vrier", "mars", "avril", "mai", "juin", "juillet",
                      "ao[ûu]t", "septembre", "octobre", "novembre", "d[ée]cembre"])  # fmt: skip
_MONTH_EN = "|".join(_EN_MONTHS)
# A lookahead of the first character leads a pattern that starts with a lookbehind: the
# regex engine then skips to where a match can start (not the lookbehind at every character).

# A UN document symbol: S/2015/446, A/70/95, A/C.5/70/L.1, S/RES/2231 (no digit-only parts
# at the start). Two symbols joined by a hyphen (S/2015/446-A/70/95) are split.
_SYMBOL = re.compile(r"(?=[A-Z])(?<![\w/])[A-Z][A-Za-z0-9]*(?:\.[0-9A-Z]+)*(?:/[A-Za-z0-9][\w.\-]*)+")
_SYMBOL_JOIN = re.compile(r"-(?=[A-Z][A-Za-z0-9.]*/)")

_DATE_FR = re.compile(rf"(?=\d)(?<!\w)(1er|\d{{1,2}})\s+({_MONTH_FR})(?:\s+(\d{{4}}))?(?!\w)", re.I)
_DATE_EN_DMY = re.compile(
    rf"(?=\d)(?<!\w)(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH_EN})(?:,?\s+(\d{{4}}))?(?!\w)",
    re.I,
)
_DATE_EN_MDY = re.compile(
    rf"(?=[jfmasond])(?<!\w)({_MONTH_EN})\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?(?!\w)", re.I
)
_TIME_FR = re.compile(r"(?=\d)(?<![\w,.])(\d{1,2})\s?(?:h|heures?)(?:\s?(\d{2}))?(?!\w)")
_GLUED_NOTE = re.compile(r"(?=\d)(?<=[a-zà-ÿ)»;])\d{1,3}(?![\d,.]?\d)")
_JOINED_YEARS = re.compile(r"(?=\d)(?<!\d)((?:19|20)\d\d)((?:19|20)\d\d)(?!\d)")
_DECADE = re.compile(r"(?=\d)(?<!\d)(?<!\d[.,])\d\d(\d0)s\b")
_DOTTED = re.compile(r"(?=\d)(?<!\d)(?<!\d[.,])\d+(?:\.\d+)+(?!\d|[.,]\d)")
_MARKER = re.compile(r"^\s*(?:\(?\d+(?:\.\d+)*[.)]|\(?[a-z]\)|\d+(?:\.\d+)+(?=\s+[A-Z]))\s+")
_FOLLOWERS = frozenset(["session", "seance", "reunion", "rapport", "conference", "anniversaire",
                        "periode", "edition"])  # fmt: skip
_TIME_EN = re.compile(r"(?=\d)(?<![\w,.])(\d{1,2})(?:[.:](\d{2}))?\s?([ap])\.?\s?m\.?(?!\w)", re.I)
_YEAR_SPAN = re.compile(r"(?=\d)(?<![\w/])((?:19|20)\d\d)([/-])(\d\d)(?![\w/])")

_NUMBER = {
    "fr": re.compile(r"(?=\d)(?<!\d)(?<!\d[.,])(\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)|\d+)(?:,(\d+))?"),
    "en": re.compile(r"(?=\d)(?<!\d)(?<!\d[.,])(\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.(\d+))?"),
}
_SCALE = {
    "fr": re.compile(r"\s*(millions?|milliards?|billions?)\b", re.I),
    "en": re.compile(r"\s*(million|billion|trillion|[mb]n)\b", re.I),
}
_SCALE_VALUE = {"million": 6, "millions": 6, "mn": 6, "milliard": 9, "milliards": 9,
                "billion": 9, "bn": 9, "billions": 12, "trillion": 12}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Mention:
    """A number, date or symbol in a segment: its kind, its text and its canonical keys."""

    kind: str  # "number", "date" or "symbol"
    text: str
    keys: frozenset[str]


def number_key(value: Decimal) -> str:
    """The canonical text of a number.

    >>> number_key(Decimal("19.440")), number_key(Decimal("1E+3"))
    ('19.44', '1000')
    """
    value = value.normalize()
    text = format(value, "f")
    return text


def _unmarked(text: str) -> str:
    """``text`` without the paragraph marker it starts with (``_MARKER.sub("", text, 1)``;
    the pattern is anchored: only its match at the start is tried, not a search).

    >>> _unmarked("12. Le Conseil"), _unmarked("(b) les 3 pays"), _unmarked("Le 12. ")
    ('Le Conseil', 'les 3 pays', 'Le 12. ')
    """
    m = _MARKER.match(text)
    return text if m is None else text[m.end() :]


def _symbols(text: str) -> tuple[list[Mention], str]:
    found = []
    for m in cues.slash_matches(_SYMBOL, text):
        if not any(c.isdigit() for c in m.group()):
            continue
        for part in _SYMBOL_JOIN.split(m.group()):
            part = part.rstrip(".-")
            if "/" in part:
                found.append(Mention("symbol", part, frozenset({part.upper()})))
        text = cues.mask(text, m.start(), m.end())
    return found, text


def _month(name: str, lang: str) -> int:
    months = _FR_MONTHS if lang == "fr" else _EN_MONTHS
    return months.index(strip_accents(name).lower()) + 1


def _date(day: str, month: int, year: str | None, text: str, lang: str) -> Mention:
    d = 1 if day.lower() == "1er" else int(day)
    if lang == "fr":
        keys = {f"{d}-{month}-{year}" if year else f"{d}-{month}"}
    else:
        keys = {f"{d}-{month}", f"{d}-{month}-{year}"} if year else {f"{d}-{month}"}
    return Mention("date", text, frozenset(keys))


def _dates(text: str, lang: str) -> tuple[list[Mention], list[str], str]:
    found, parts = [], []
    patterns = (
        [(_DATE_FR, False)] if lang == "fr" else [(_DATE_EN_DMY, False), (_DATE_EN_MDY, True)]
    )
    for regex, month_first in patterns if cues.has_month(text, lang) else ():
        for m in month_matches(regex, text, lang) if month_first else digit_matches(regex, text):
            month_name, day = (m.group(1), m.group(2)) if month_first else (m.group(2), m.group(1))
            month = _month(month_name, lang)
            found.append(_date(day, month, m.group(3), m.group(), lang))
            parts += [str(1 if day.lower() == "1er" else int(day))]
            parts += [m.group(3)] if m.group(3) else []
            text = cues.mask(text, m.start(), m.end())
    return found, parts, text


def _times(text: str, lang: str) -> tuple[list[Mention], str]:
    found = []
    for m in digit_matches(_TIME_FR if lang == "fr" else _TIME_EN, text):
        hour, minute = int(m.group(1)), int(m.group(2) or 0)
        if lang == "en":
            hour = hour % 12 + (12 if m.group(3).lower() == "p" else 0)
        if hour > 24 or minute > 59:
            continue
        keys = {f"{hour}h{minute:02d}"}
        if lang == "fr" and not m.group(2):
            keys.add(m.group(1))  # "24 heures" may be a duration
        found.append(Mention("number", m.group(), frozenset(keys)))
        text = cues.mask(text, m.start(), m.end())
    return found, text


def _dotted(text: str) -> tuple[list[Mention], str]:
    """Section numbers (2.1, 10.103) and French thousands with dots (18.561)."""
    found = []
    for m in digit_matches(_DOTTED, text):
        keys = {m.group()}
        groups = m.group().split(".")
        if len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:]):
            keys.add(str(int("".join(groups))))
        if len(groups) == 2:
            keys.add(number_key(Decimal(m.group())))
        found.append(Mention("number", m.group(), frozenset(keys)))
        text = cues.mask(text, m.start(), m.end())
    return found, text


def _plain_numbers(text: str, lang: str) -> list[Mention]:
    text = digit_sub(_YEAR_SPAN, lambda m: f"{m.group(1)}{m.group(2)}{m.group(1)[:2]}{m.group(3)}",
                     text)
    found, text = _dotted(text) if lang == "fr" else ([], text)
    for m in digit_matches(_NUMBER[lang], text):
        if lang == "fr" and text[m.end() : m.end() + 1].isalpha():
            continue  # 1re classe, 5e séance, G(1eC): ordinal abbreviations, not required
        scale = _SCALE[lang].match(text, m.end())
        keys = _number_keys(m.group(1), m.group(2), scale.group(1).lower() if scale else "")
        if keys is not None:
            found.append(Mention("number", m.group().strip(), keys))
    return found


_GROUPING = re.compile(r"[ \u00a0\u202f,]")


@lru_cache(maxsize=4096)
def _number_keys(whole: str, decimals: str | None, scale: str) -> frozenset[str] | None:
    """The keys of a number in figures (``whole`` with its group separators), None when it
    is no number.

    >>> sorted(_number_keys("19", "44", "billion")), _number_keys("488 000", None, "")
    (['19.44', '19440000000'], frozenset({'488000'}))
    """
    whole = _GROUPING.sub("", whole)
    try:
        value = Decimal(f"{whole}.{decimals}" if decimals else whole)
    except InvalidOperation:
        return None
    keys = {number_key(value)}
    if scale:
        keys.add(number_key(value.scaleb(_SCALE_VALUE[scale])))
    return frozenset(keys)


def quantities(text: str, lang: str) -> list[Mention]:
    """The symbols, dates, times and numbers of one segment, in that order.

    >>> [sorted(m.keys) for m in quantities("19,44 milliards de dollars le 1er janvier", "fr")]
    [['1-1'], ['19.44', '19440000000']]
    >>> [sorted(m.keys) for m in quantities("$19.44 billion on 1 January 2021", "en")]
    [['1-1', '1-1-2021'], ['19.44', '19440000000']]
    >>> [m.text for m in quantities("documents S/2015/446-A/70/95 et 488 000 personnes", "fr")]
    ['S/2015/446', 'A/70/95', '488 000']
    """
    text = _unmarked(text)
    symbols, text = _symbols(text)
    dates, _parts, text = _dates(text, lang)
    times, text = _times(text, lang)
    return symbols + dates + times + _plain_numbers(text, lang)


#: A reference noun before a bare 1 ("article 1", "paragraphe 1"): then the 1 is required.
_REFERENCE_ONE = re.compile(
    r"(?=[abcdefgilnoprstvé])\b(?:articles?|paragraphs?|paragraphes?|r[ée]solutions?|annex(?:es?)?|sections?|"
    r"chap(?:ter|itre)s?|points?|rules?|r[èe]gles?|figures?|tables?|tableaux?|options?|"
    r"phases?|colum?nn?e?s?|parts?|parties?|titles?|titres?|steps?|[ée]tapes?|levels?|"
    r"niveaux?|categor(?:y|ies)|cat[ée]gories?|groups?|groupes?|principles?|principes?|"
    r"recommendations?|recommandations?|d[ée]cisions?|goals?|objectifs?|targets?|cibles?|"
    r"indicat(?:or|eur)s?|protocols?|protocoles?|al[ie]n[ée]as?|items?|boxe?s?|encadr[ée]s?|"
    r"appendi(?:x|ces?)|volumes?|tomes?|no\.?|n[o°])\s+1(?![\d.,]?\d)",
    re.I,
)
#: The longest reference noun of :data:`_REFERENCE_ONE` ("recommendations"): the pattern
#: is tried just before each 1 after white space (:func:`checks.cues.spaced_matches`).
_REFERENCE_LONGEST = 16
_ORDINAL_FIGURE = re.compile(r"(?=\d)(?<![\d,.])(\d+)(?:st|nd|rd|th)\b")
_ORDINAL_FR = re.compile(r"(?=\d)(?<![\d,.])(\d+)(?:e|er|re|ème|eme)\b")
_DECADE_EN = re.compile(r"(?=\d)(?<!\d)(1[89]|20)(\d0)s\b")
_FOLLOWERS_EN = frozenset(["session", "meeting", "report", "conference", "anniversary",
                           "period", "edition", "sitting"])  # fmt: skip


def required(text: str, lang: str = "fr") -> list[Mention]:
    """What a source segment (``lang``) obliges its translation to contain.

    Every number, date, time and symbol written in figures, and every ordinal written in
    words from *deuxième* / *second* on (``soixante-quinzième session``). Cardinals written
    in words (``deux``) are not required: the translation may use either. A bare 1 is only
    required after a reference noun (``article 1``; ``1 dollar`` may be "the dollar").

    >>> [m.text for m in required("Conformément à l’article 1")], required("pour 1 dollar")
    (['1'], [])
    """
    if not digit_runs(text) and _DIGIT.search(text) is None:  # no figure: ordinals in words
        return _ordinals_in_words(text, lang)
    text = digit_sub(_GLUED_NOTE, "", text)  # footnote numbers glued to words: rapport22
    one = None  # "article 1" somewhere in the text: looked for only when there is a bare 1
    found = []
    for mention in quantities(text, lang):
        whole = min(mention.keys, key=len)
        glued = whole.isdigit() and len(whole) in (5, 6, 8) and whole[:2] in ("19", "20")
        if mention.kind == "number" and glued:
            # a year with a footnote number glued to it (septembre 201442) or two years run
            # together (20142015): the year will do
            mention = Mention("number", mention.text, mention.keys | {whole[:4]})
        if mention.kind == "number" and mention.keys == {"1"}:
            if one is None:
                one = bool(cues.spaced_matches(_REFERENCE_ONE, text, "1", _REFERENCE_LONGEST, 2))
            if not one:
                continue  # "1 dollar", "1 poste": the English says "the dollar", "a post"
        found.append(mention)
    if lang == "en":  # 52nd session = cinquante-deuxième session; the 1960s = les années 60
        ordinals = {m.group(1) for m in digit_matches(_ORDINAL_FIGURE, text)}
        decades = {m.group(1) + m.group(2): m.group(2)
                   for m in (digit_matches(_DECADE_EN, text) if "0s" in text else ())}
        found = [Mention(m.kind, m.text, m.keys | {f"ord:{k}" for k in m.keys & ordinals}
                         | {decades[k] for k in m.keys & decades.keys()}) for m in found]
    return found + _ordinals_in_words(text, lang)


def _ordinals_in_words(text: str, lang: str) -> list[Mention]:
    """The ordinals in words a translation must render: from *onzième* on, or from
    *deuxième* on before a word such as *session*."""
    found = []
    followers = _FOLLOWERS if lang == "fr" else _FOLLOWERS_EN
    for words, value, ordinal, after in _spelled_with_next(text, lang):
        if ordinal and (value > 10 or (value >= 2 and after in followers)):
            found.append(Mention("number", words, frozenset({f"ord:{value}"})))
    return found


def available(text: str, lang: str = "en", words: bool = True) -> dict[str, set[str]]:
    """The keys a target segment (``lang``) offers, by kind (numbers in words and figures).

    An ordinal in words (``second``) only answers an ordinal of the source (``deuxième``),
    not a figure (``article 2``). Without ``words``, the keys of the figures alone, without
    the Roman numerals, military times and numbers in words that :func:`add_words` adds (a
    part of the bag, cheaper, that answers most of what an original requires).
    """
    bag: dict[str, set[str]] = {"number": set(), "date": set(), "symbol": set()}
    plain = _unmarked(text)
    if digit_runs(plain) or _DIGIT.search(plain) is not None:
        _add_figures(bag, plain, lang)
    if words:
        add_words(bag, text, lang)
    return bag


def _add_figures(bag: dict[str, set[str]], text: str, lang: str) -> None:
    for m in digit_matches(_DECADE, text) if "0s" in text else ():
        bag["number"].add(m.group(1))
    for m in digit_matches(_DOTTED, text):
        bag["number"].add(m.group())
    for m in digit_matches(_JOINED_YEARS, text):
        bag["number"].update(m.groups())
    symbols, rest = _symbols(text)
    dates, parts, rest = _dates(rest, lang)
    times, rest = _times(rest, lang)
    numbers = _plain_numbers(rest, lang) if lang == "en" else _plain_numbers_all(rest)
    for mention in symbols + dates + times + numbers:
        bag[mention.kind].update(mention.keys)
        if mention.kind == "date" and lang == "fr":  # 19 avril 2021 answers 19 April too
            bag["date"].update(k.rsplit("-", 1)[0] for k in mention.keys if k.count("-") == 2)
    bag["number"].update(parts)
    bag["number"].update(f"ord:{k}" for k in list(bag["number"]) if k.isdigit())


def add_words(bag: dict[str, set[str]], text: str, lang: str) -> None:
    """Complete a bag of :func:`available` made without ``words``: the Roman numerals, the
    military times (English, in a text with digits) and the numbers in words of ``text``
    (each figure also as an ordinal, as the figures are)."""
    text = _unmarked(text)
    values = set(map(str, roman_values(text)))
    if lang == "en" and (digit_runs(text) or _DIGIT.search(text) is not None):
        values.update(military(text))
    bag["number"].update(values)
    bag["number"].update(f"ord:{k}" for k in values if k.isdigit())
    _add_spelled(bag, text, lang)


def _add_spelled(bag: dict[str, set[str]], text: str, lang: str) -> None:
    for _words, value, ordinal in spelled_numbers(text, lang):
        # "Twenty-eight session" for "Vingt-huitième session": the value is there
        bag["number"].update((f"ord:{value}",) if ordinal else (str(value), f"ord:{value}"))


def _plain_numbers_all(text: str) -> list[Mention]:
    """French numbers, ordinal abbreviations included (the 5e séance answers a 5th)."""
    found = _plain_numbers(text, "fr")
    for m in digit_matches(_ORDINAL_FR, text):
        found.append(Mention("number", m.group(), frozenset({m.group(1)})))
    return found


def _spelled_with_next(text: str, lang: str = "fr") -> list[tuple[str, int, bool, str]]:
    """Ordinals in words with the accent-free word that follows each."""
    out = []
    pos = 0
    for words, value, ordinal in spelled_numbers(text, lang, ordinals=True):
        pos = text.find(words, pos) + len(words)
        following = re.match(r"\W*([^\W\d_]+)", text[pos:])
        after = strip_accents(following.group(1)).lower() if following else ""
        out.append((words, value, ordinal, after))
    return out


def missing(fr: str, en: str, source: str = "fr") -> list[Mention]:
    """The mentions of the source segment that the target does not render (French source
    by default; ``source="en"``: the English ``en`` is checked against the French ``fr``).

    >>> missing("19,44 milliards de dollars le 19 avril 2021", "$19.44 billion on 19 April 2021")
    []
    >>> [m.text for m in missing("488 000 réfugiés, résolution 2071 (2012)", "488,000, 2017 (2012)")]
    ['2071']
    >>> missing("la soixante-quinzième session", "the seventy-fifth session")
    []
    >>> [m.text for m in missing("l’article 3 et un deuxième rapport", "article 2, a second report")]
    ['3']
    >>> missing("488 000 personnes le 1er mai 2021 à 8 heures", "488,000 people on 1 May 2021 at 8 a.m.", "en")
    []
    """
    src, tgt, target = (fr, en, "en") if source == "fr" else (en, fr, "fr")
    bag = available(tgt, target)
    return [m for m in required(src, source) if not m.keys & bag[m.kind]]
