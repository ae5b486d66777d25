"""UN style of numbers and dates in each language, and the French-target format rules.

:func:`render` writes a canonical key of :mod:`checks.quantities` the way the target
language writes it in UN documents (``488000`` → ``488,000`` / ``488 000``; ``19-4-2021`` →
``19 April 2021`` / ``19 avril 2021``; ``8h00`` → ``8 a.m.`` / ``8 heures``), for the
*expected* and *found* fields of a message. :func:`french_format` finds what an English
original leaves in English style in a French translation (``488,000``, ``19.44 %``,
``15%``, ``$31.6``, ``8 a.m.``, ``1st``); :func:`french_typography` the missing spaces
before ``; : ! ?`` and inside ``« »`` (warnings).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"],
}  # fmt: skip


def render_number(key: str, lang: str, grouped: bool = False) -> str:
    """A canonical number in UN style.

    >>> render_number("1250", "en"), render_number("1250", "fr"), render_number("19.44", "fr")
    ('1,250', '1 250', '19,44')
    >>> render_number("2015", "fr"), render_number("31600000000", "fr")
    ('2015', '31,6 milliards')
    """
    whole, _, decimals = key.partition(".")
    if not whole.isdigit():
        return key
    if len(whole) >= 10 and not decimals and whole.endswith("00000000"):
        scale = "milliards" if lang == "fr" else "billion"
        value = f"{int(whole) / 1e9:.3f}".rstrip("0").rstrip(".")
        return f"{value.replace('.', ',') if lang == 'fr' else value} {scale}"
    if len(whole) > 4 or (len(whole) == 4 and (grouped or not _year_like(whole))):
        groups = f"{int(whole):,}"
        whole = groups.replace(",", " ") if lang == "fr" else groups
    sep = "," if lang == "fr" else "."
    return whole + (sep + decimals if decimals else "")


def _year_like(digits: str) -> bool:
    return digits[:2] in ("19", "20")


def render_time(key: str, lang: str) -> str:
    """``8h00`` as ``8 a.m.`` / ``8 heures``; ``15h30`` as ``3.30 p.m.`` / ``15 h 30``.

    >>> render_time("8h00", "en"), render_time("8h00", "fr"), render_time("15h30", "en")
    ('8 a.m.', '8 heures', '3.30 p.m.')
    """
    hour, minute = (int(x) for x in key.split("h"))
    if lang == "fr":
        return f"{hour} heures" if not minute else f"{hour} h {minute:02d}"
    half = "a.m." if hour < 12 else "p.m."
    twelve = hour % 12 or 12
    return f"{twelve} {half}" if not minute else f"{twelve}.{minute:02d} {half}"


def render_date(key: str, lang: str) -> str:
    """``19-4-2021`` as ``19 April 2021`` / ``19 avril 2021`` (``1er`` in French).

    >>> render_date("19-4-2021", "en"), render_date("1-4", "fr")
    ('19 April 2021', '1er avril')
    """
    parts = key.split("-")
    day, month = int(parts[0]), int(parts[1])
    shown = "1er" if lang == "fr" and day == 1 else str(day)
    text = f"{shown} {_MONTHS[lang][month - 1]}"
    return f"{text} {parts[2]}" if len(parts) == 3 else text


def render(kind: str, keys, lang: str, text: str = "") -> str:
    """The most specific key of a mention, in the UN style of ``lang`` (``text``: the
    mention as written, whose thousands separator tells 2,000 from the year 2000; four
    digits without one are a number used as a name, resolution 1701, and stay as they are).

    >>> render("number", {"1701"}, "fr", "1701"), render("number", {"1250"}, "fr", "1,250")
    ('1701', '1 250')
    """
    keys = [k for k in keys if not k.startswith("ord:")] or list(keys)
    if kind == "date":
        return render_date(max(keys, key=len), lang)
    if kind == "symbol":
        return min(keys)
    key = min(keys, key=len)
    if "h" in key:
        return render_time(key, lang)
    if key.startswith("ord:"):
        return key[4:] + ("e" if lang == "fr" else "th")
    if len(key) == 4 and text == key:
        return key  # four digits written without a separator: a number used as a name
    return render_number(key, lang, grouped=bool(re.search(r"\d[,\s\u00a0\u202f]\d{3}", text)))


@dataclass(frozen=True, slots=True)
class FormatSlip:
    """An English-style quantity in a French text: what was found, what is expected, and
    the canonical key it stands for (to silence the same number's "missing" issue)."""

    found: str
    expected: str
    key: str


_THOUSANDS = re.compile(r"(?=\d)(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d,]|\.\d)")
_DECIMAL = re.compile(r"(?=\d)(?<![\d.,])(\d+)\.(\d+)(?=\s*(?:%|pour\s+cent|milliards?|millions?|"
                      r"dollars?|euros?)|(?<=\$\d))")
_DOLLAR = re.compile(r"(?=[U$])(?:US)?\$\s?(\d+(?:[.,]\d+)*)(?:\s*(billion|million|milliards?|millions?))?")
_PERCENT = re.compile(r"(?=\d)(?<![\d.,])(\d+(?:,\d+)?)%")
_AM_PM = re.compile(r"(?=\d)(?<![\w,.])(\d{1,2})(?:[.:](\d{2}))?\s?([ap])\.\s?m\.", re.I)
_ORDINAL_EN = re.compile(r"(?=\d)(?<![\w,.])(\d{1,2})(st|nd|rd|th)\b")
_ANY_DIGIT = re.compile(r"\d")


def french_format(text: str) -> list[FormatSlip]:
    """English-style quantities in a French text.

    >>> [(s.found, s.expected) for s in french_format("488,000 réfugiés, 15% et 19.44 %")]
    [('488,000', '488 000'), ('19.44', '19,44'), ('15%', '15 %')]
    >>> [(s.found, s.expected) for s in french_format("$31.6 billion à 8 a.m. le 1st mai")]
    [('$31.6 billion', '31,6 milliards de dollars'), ('8 a.m.', '8 heures'), ('1st', '1er')]
    >>> french_format("488 000 réfugiés, 15 %, 19,44 milliards, section 2.1, 10 heures")
    []
    """
    slips: list[FormatSlip] = []
    if _ANY_DIGIT.search(text) is None:  # every pattern below needs a figure
        return slips
    taken: list[tuple[int, int]] = []

    def add(m: re.Match, found: str, expected: str, key: str) -> None:
        if not any(a < m.end() and m.start() < b for a, b in taken):
            taken.append(m.span())
            slips.append(FormatSlip(found, expected, key))

    for m in _DOLLAR.finditer(text) if "$" in text else ():
        value = m.group(1).replace(",", "") if "." in m.group(1) else m.group(1)
        value = value.replace(",", ".") if value.count(",") == 1 and len(
            value.split(",")[1]) != 3 else value.replace(",", "")
        scale = m.group(2) or ""
        word = {"billion": "milliards", "million": "millions"}.get(scale, scale)
        shown = value.replace(".", ",") if "." in value else render_number(value, "fr")
        expected = f"{shown} {word} de dollars" if word else f"{shown} dollars"
        add(m, m.group().strip(), expected, value)
    for m in _THOUSANDS.finditer(text) if "," in text else ():
        key = m.group().replace(",", "")
        add(m, m.group(), render_number(key, "fr"), key)
    for m in _DECIMAL.finditer(text) if "." in text else ():
        add(m, m.group(), f"{m.group(1)},{m.group(2)}", f"{m.group(1)}.{m.group(2)}")
    for m in _PERCENT.finditer(text) if "%" in text else ():
        add(m, m.group(), f"{m.group(1)} %", m.group(1).replace(",", "."))
    for m in _AM_PM.finditer(text) if "." in text else ():
        hour = int(m.group(1)) % 12 + (12 if m.group(3).lower() == "p" else 0)
        key = f"{hour}h{int(m.group(2) or 0):02d}"
        add(m, m.group(), render_time(key, "fr"), key)
    for m in _ORDINAL_EN.finditer(text):
        add(m, m.group(), "1er" if m.group(1) == "1" else f"{m.group(1)}e", m.group(1))
    return slips


#: A word (or closing bracket or quote) glued to ; : ! ? (French wants a space before them).
_GLUED_PUNCT = re.compile(r"(?=[;:!?])(?<=[^\W\d_]|[)»\]])([;:!?])(?=\s|$)")
_GUILLEMETS = re.compile(r"(?=[«»])(?:«(?=\S)|(?<=\S)»)")
_TYPOGRAPHY_MARKS = frozenset(";:!?«»")


def french_typography(text: str) -> list[str]:
    """French typography slips: a mark glued to the word before it, guillemets without
    their inner space. A plain space is accepted where a non-breaking one is due (the
    corpora and most editors lose the difference).

    >>> french_typography("Il a déclaré: «Non»; puis : « Oui ».")
    [':', '«N', 'n»', ';']
    >>> french_typography("Il a déclaré\u00a0: «\u00a0Non\u00a0» ; voir http://un.org.")
    []
    """
    found: list[str] = []
    if not _TYPOGRAPHY_MARKS.intersection(text):  # none of ; : ! ? « »
        return found
    for m in sorted([*_GLUED_PUNCT.finditer(text), *_GUILLEMETS.finditer(text)],
                    key=lambda m: m.start()):
        if m.group() in ";:!?":
            found.append(m.group())
        else:
            found.append(text[m.start() : m.start() + 2] if m.group() == "«"
                         else text[m.start() - 1 : m.end()])
    return found
