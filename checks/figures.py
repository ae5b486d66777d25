"""The number, date and symbol checks of one pair, in either direction.

The quantities of each side are read once (:mod:`checks.quantities`); a French translation
is also checked for English-style numbers (:func:`checks.style.french_format`: one
``number-format`` issue, not also a missing number) and for its typography (warnings).

What official UN translations do with numbers and the reader of :mod:`checks.quantities`
does not see (:func:`leeway`, :func:`_answered`): digits glued to letters (235U, 2359Z,
8 223enseignants), a footnote number glued to a year (2014-20151) or after a closing quote
or full stop (ranges"18, position.2), military times (At 0300 = À 3 h 00; 0000 hours =
minuit), an en dash lost in the corpus (aged 1564 = de 15-64 ans), approximations (une
quarantaine = about 40), "un million", "la moitié" / "half" for 50 per cent, "deux ans et
demi" for 2.5, Roman centuries (XXIe siècle = twenty-first century), a session or meeting
number after an acronym or "part" written as an ordinal (COP 12 = douzième réunion de la
Conférence des Parties; part 1 = première partie) and codes (B2C).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from checks.cues import any_cue, digit_matches, digit_runs, digit_sub
from checks.messages import message, quote
from checks.model import KINDS, Issue
from checks.numwords import spelled_numbers
from checks.quantities import Mention, add_words, available, required
from checks.romans import roman_value
from checks.style import french_format, french_typography, render

#: A paragraph number at the start of a segment: "37. ", "(4) ".
_LEADING = re.compile(r"^\s*\(?(\d{1,3})[.)]\s")

if TYPE_CHECKING:
    from checks.names import Context

# Each pattern that starts with a lookbehind is led by a lookahead of its first character
# (a digit): the regex engine then skips to the digits instead of trying every character.
#: Digits glued to the letters that follow them (235U, 2359Z, 041A, 8 223enseignants).
_GLUED_LETTERS = re.compile(r"(?=\d)(?<![\d,.])(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?=[^\W\d_])")
#: A year with a footnote number glued to it (2014-20151, septembre 201442).
_YEAR_NOTE = re.compile(r"(?=\d)(?<!\d)((?:19|20)\d\d)\d{1,2}(?!\d)")
#: A year with a footnote number after its full stop: "September 2014.42".
_YEAR_DOT_NOTE = re.compile(r"(?=\d)(?<![\d.,])((?:19|20)\d\d)\.\d{1,2}(?!\d)")
#: The year of a resolution after its number, which a translation may leave out once the
#: resolution has been cited: "résolution 2118 (2013)" = "resolution 2118".
_RESOLUTION_YEAR = re.compile(r"r[ée]solutions?\s+(\d{2,4})\s+\((?:19|20)\d\d\)$", re.I)
#: French times with a one-digit minute: "à 15 h 5".
_HOUR_ONLY = re.compile(r"(\d{1,2})\s?h")
_ONE_DIGIT_MINUTE = re.compile(r"\s?(\d)(?!\d)")
_HOUR_BEFORE = re.compile(r"(\d{1,2})\s?h\s?$")
_FR_TIME_ONE = re.compile(r"(?=\d)(?<![\d,.])(\d{1,2})\s?h\s?(\d)(?!\d)")
#: A footnote number opening a segment ("6 Il est entendu que…").
_NOTE_START = re.compile(r"^\d{1,2} (?=[A-ZÀ-Ý][a-zà-ÿ])")
#: Two numbers of a list run together by a missing space: "règles 1 et 6, 2, 7,10".
_LIST_COMMA = re.compile(r"^(\d{1,3}),(\d{1,3})$")
#: A footnote number after a closing quote or a full stop: ranges"18, position.2
_NOTE_AFTER = re.compile(r"(?=\d)(?<!\bno\.)(?<!\bp\.)(?<!\bpp\.)(?<=[a-zà-ÿ][.”\"’»])\d{1,2}(?=\s|$)")
_NOON = {"fr": re.compile(r"\bmidi\b"), "en": re.compile(r"\bnoon\b", re.I)}
_MIDNIGHT = {"fr": re.compile(r"\bminuit\b"), "en": re.compile(r"\bmidnight\b", re.I)}
#: Military times in an English original: "At 0300", "0000 hours", "between 1100 and 1200".
_MILITARY = re.compile(r"(?=\d)(?<![\d.,])([01]\d|2[0-3])([0-5]\d)(?![\d.,]?\d)")
_MILITARY_CUE = re.compile(r"(?:\b[Aa]t|\b[Ff]rom|\bto|\buntil|\b[Bb]etween|\band|\bby) $")
_HOURS_AFTER = re.compile(r"(?: (?:and|to|-) (?:[01]\d|2[0-3])[0-5]\d)? hours\b")
_ABOUT_FR = {"dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20,
             "trentaine": 30, "quarantaine": 40, "cinquantaine": 50, "soixantaine": 60,
             "centaine": 100}  # fmt: skip
_ABOUT = re.compile(r"\b(?:une|des|quelques)\s+(" + "|".join(_ABOUT_FR) + r")s?\b", re.I)
_ONE_MILLION = {"fr": re.compile(r"\bun (million|milliard)\b", re.I),
                "en": re.compile(r"\bone (million|billion)\b", re.I)}  # fmt: skip
_HALF = {"fr": re.compile(r"\bmoitié\b", re.I), "en": re.compile(r"\bhalf\b", re.I)}
_AND_A_HALF = {"fr": re.compile(r"(?:\s+[^\W\d_]+)?\s+et\s+demie?\b"),
               "en": re.compile(r"\s+and\s+a\s+half\b")}
_ROMAN_ORDINAL = re.compile(r"\b([IVX]{1,6})(?:e|er|ème|th)\b")
#: What every match of _ROMAN_ORDINAL holds (a search led by a character set is fast).
_ROMAN_ORDINAL_CUE = re.compile(r"[IVX][eèt]")
#: A figure and a half: "deux ans et demi", "2 and a half years".
_AND_HALF_FIGURE = re.compile(
    r"(?<![\d,.])(\d+)(?=(?:\s+[^\W\d_]+)?\s+(?:et\s+demie?|and\s+a\s+half)\b)")
#: Before a number that an ordinal in words may render: an acronym (COP 12, GEF 6) or a
#: part, phase, session or meeting.
_ORDINAL_CUE = re.compile(r"(?:\b[A-Z]{2,}[- ]?|\b(?:[Pp]arts?|[Pp]hases?|[Ss]essions?|"
                          r"[Mm]eetings?|[Rr]ounds?|[Ss]tages?|[Cc]ycles?|[Pp]aragraphs?|"
                          r"[Aa]rticles?) )$")
#: Periods in one word: "plan-cadre stratégique décennal" = "10-year strategic plan".
_YEARS_WORD = {"biennal": 2, "triennal": 3, "quadriennal": 4, "quinquennal": 5,
               "sexennal": 6, "décennal": 10, "biennial": 2, "triennial": 3,
               "quadrennial": 4, "quinquennial": 5, "decennial": 10}  # fmt: skip
_YEARS = re.compile(r"\b(" + "|".join(_YEARS_WORD) + r")(?:e|es|aux)?\b", re.I)
#: Two numbers with a comma between them (a list run together: 7,10), two pairs of digits
#: (a range whose dash was lost: 1564).
_LIST_PAIR = re.compile(r"(?<![\d,.])(\d{1,3}),(\d{1,3})(?![\d,.]?\d)")
_RUN_TOGETHER = re.compile(r"(?<![\d,.])(\d\d)(\d\d)(?![\d,.]?\d)")
#: Digits inside a code word (B2C, B2B).
_IN_CODE = re.compile(r"(?=\d)(?<=[A-Za-z])\d{1,2}(?=[A-Za-z])")


def leeway(tgt: str, lang: str) -> set[str]:
    """Number keys a translation ``tgt`` (in ``lang``) offers beyond what it spells out.

    >>> sorted(leeway("jusqu’à 20 % en 235U, à minuit, au total 8 223enseignants", "fr"))
    ['0h00', '235', '24h00', '8223', 'ord:235', 'ord:8223']
    >>> sorted(leeway("une quarantaine d’experts; deux ans et demi; le XXIe siècle", "fr"))
    ['2.5', '21', '40', 'ord:21', 'ord:40']
    """
    keys: set[str] = set()
    for m in digit_matches(_GLUED_LETTERS, tgt):
        keys.add(str(int(re.sub(r"\D", "", m.group(1)))))
    keys.update(m.group(1) for m in digit_matches(_YEAR_NOTE, tgt))
    keys.update(m.group(1) for m in digit_matches(_YEAR_DOT_NOTE, tgt))
    if lang == "en":
        keys.update(_military_times(tgt).values())
    # each pattern of words below is run only where its word is (checks.cues)
    noon = "midi" in tgt if lang == "fr" else any_cue(tgt, "noon")  # (re.I in English)
    if noon and _NOON[lang].search(tgt):
        keys.add("12h00")
    midnight = "minuit" in tgt if lang == "fr" else any_cue(tgt, "midnight")
    if midnight and _MIDNIGHT[lang].search(tgt):
        keys.update(("0h00", "24h00"))
    if lang == "fr":
        if any_cue(tgt, "aine"):
            keys.update(str(_ABOUT_FR[m.group(1).lower()]) for m in _ABOUT.finditer(tgt))
        keys.update(f"{int(m.group(1))}h0{m.group(2)}" for m in digit_matches(_FR_TIME_ONE, tgt))
    if any_cue(tgt, "illi"):  # million, milliard, billion
        for m in _ONE_MILLION[lang].finditer(tgt):
            keys.update(("1", "1000000" if m.group(1).lower() == "million" else "1000000000"))
    if any_cue(tgt, "enn"):  # biennal, triennial...
        keys.update(str(_YEARS_WORD[m.group(1).lower()]) for m in _YEARS.finditer(tgt))
    if any_cue(tgt, "moitié" if lang == "fr" else "half") and _HALF[lang].search(tgt):
        keys.add("50")
    pos = 0
    for words, value, _ordinal in spelled_numbers(tgt, lang):
        pos = tgt.find(words, pos) + len(words)
        if _AND_A_HALF[lang].match(tgt, pos):
            keys.add(f"{value}.5")
    if "demi" in tgt or "half" in tgt:
        for m in digit_matches(_AND_HALF_FIGURE, tgt):
            keys.add(f"{m.group(1)}.5")
    if _ROMAN_ORDINAL_CUE.search(tgt):
        for m in _ROMAN_ORDINAL.finditer(tgt):
            value = str(roman_value(m.group(1)))
            keys.update((value, f"ord:{value}"))
    keys |= {f"ord:{k}" for k in keys if k.isdigit()}
    return keys


def _military_times(src: str) -> dict[str, str]:
    """The military times of an English original: their text and their ``3h00`` key.

    >>> _military_times("At 0300; between 1100 and 1200 hours; 1999 and 1500; 0000 hours")
    {'0300': '3h00', '1100': '11h00', '1200': '12h00', '0000': '0h00'}
    """
    out = {}
    for m in digit_matches(_MILITARY, src):
        cue = _MILITARY_CUE.search(src, max(0, m.start() - 9), m.start())
        if cue and cue.group().strip() in ("and", "to", "by") and not _HOURS_AFTER.match(
                src, m.end()):
            # "1999 and 1500": a year, unless hours follow or "between 1100 and" comes before
            cue = re.search(r"\b[Bb]etween (?:[01]\d|2[0-3])[0-5]\d and $",
                            src[max(0, m.start() - 17) : m.start()])
        if cue or _HOURS_AFTER.match(src, m.end()):
            out[m.group()] = f"{int(m.group(1))}h{m.group(2)}"
    return out


def _answered(mention: Mention, bag: set[str], src: str, start: int, source: str,
              military: dict[str, str]) -> bool:
    """True when a number of the original is rendered in a way :func:`leeway` cannot put
    in the bag: a military time, a range whose dash was lost (1564 = 15-64) or an ordinal
    for a meeting number (COP 12 = douzième réunion)."""
    text = mention.text
    if text in military and military[text] in bag:
        return True
    if text.isdigit() and len(text) == 4 and text[:2] in bag and text[2:] in bag \
            and int(text[:2]) < int(text[2:]):
        return True
    if start >= 0 and _RESOLUTION_YEAR.search(src, max(0, start - 30), start + len(text) + 1):
        number = _RESOLUTION_YEAR.search(src, max(0, start - 30), start + len(text) + 1)
        if number.group(1) in bag:  # "résolution 2118 (2013)" = "resolution 2118"
            return True
    hour = _HOUR_ONLY.fullmatch(text)
    minute = _ONE_DIGIT_MINUTE.match(src, start + len(text)) if hour and start >= 0 else None
    if minute and f"{int(hour.group(1))}h0{minute.group(1)}" in bag:
        return True  # "15 h 5" = 15 h 05 (the corpus lost the 0)
    if text.isdigit() and len(text) == 1 and start >= 0:
        before = _HOUR_BEFORE.search(src, max(0, start - 8), start)
        if before and f"{int(before.group(1))}h0{text}" in bag:
            return True
    year = _YEAR_DOT_NOTE.fullmatch(text)
    if year and year.group(1) in bag:  # "September 2014.42": the year and a footnote
        return True
    pair = _LIST_COMMA.match(text) if source == "fr" else None
    if pair and str(int(pair.group(1))) in bag and str(int(pair.group(2))) in bag:
        return True
    if start >= 0 and _ORDINAL_CUE.search(src, max(0, start - 12), start):
        return any(f"ord:{k}" in bag for k in mention.keys)
    return False


def _ranges(src_numbers: set[str], tgt: str) -> set[str]:
    """Both ends of a range whose dash the corpus lost in the translation (15-64 → 1564),
    and two numbers of a list run together in a French translation (7, 10 → 7,10), when the
    original has them."""
    out = set()
    for m in digit_matches(_LIST_PAIR, tgt):
        if m.group(1) in src_numbers and str(int(m.group(2))) in src_numbers:
            out.update((m.group(1), str(int(m.group(2)))))
    for m in digit_matches(_RUN_TOGETHER, tgt):
        low, high = m.group(1), m.group(2)
        if low in src_numbers and high in src_numbers and int(low) < int(high):
            out.update((low, high))
    return out


def check_numbers(ctx: Context) -> list[Issue]:
    """Numbers, dates and symbols of the original missing from the translation."""
    issues: list[Issue] = []
    covered: set[str] = set()
    if ctx.target == "fr":
        for slip in french_format(ctx.tgt):
            covered.add(slip.key)
            issues.append(_issue(ctx, "number-format", slip.found, [slip.expected], slip.found))
        for found in french_typography(ctx.tgt):
            issues.append(_issue(ctx, "typography", found, [], found))
    src = ctx.src
    if digit_runs(src):  # footnote numbers and code words are no figures to render
        src = digit_sub(_IN_CODE, " ", digit_sub(_NOTE_AFTER, "", src))
        if not _LEADING.match(ctx.tgt) and not ctx.tgt.lstrip()[:1].isdigit():
            src = _NOTE_START.sub("", src)
    wanted = required(src, ctx.source)
    # (only read for what is wanted; first the figures alone, the whole bag at the first
    # mention they do not answer: a superset, so what the figures answer stays answered)
    bag = available(ctx.tgt, ctx.target, words=False) if wanted else {}
    whole = False
    extra: set[str] | None = None
    military: dict[str, str] = {}
    unmatched = None
    src_mark, tgt_mark = _LEADING.match(ctx.src), _LEADING.match(ctx.tgt)
    if src_mark and tgt_mark and src_mark.group(1) != tgt_mark.group(1):
        # both paragraphs numbered, differently (a leading number is not otherwise required)
        issues.append(_issue(ctx, "number", src_mark.group(1), [src_mark.group(1)],
                             tgt_mark.group(1)))
    for mention in wanted:
        if mention.keys & bag[mention.kind] or mention.keys & covered:
            continue
        if not whole:
            add_words(bag, ctx.tgt, ctx.target)
            whole = True
            if mention.keys & bag[mention.kind]:
                continue
        if mention.kind == "number":
            found_at = re.search(rf"(?<![\d.,]){re.escape(mention.text)}(?!\d|[.,]\d)", src)
            start = found_at.start() if found_at else -1
            if extra is None:  # read only when a number is missing
                numbers = {k for m in wanted for k in m.keys if k.isdigit()}
                extra = bag["number"] | leeway(ctx.tgt, ctx.target) | _ranges(numbers, ctx.tgt)
                military = _military_times(src) if ctx.source == "en" else {}
            if mention.keys & extra or _answered(mention, extra, src, start, ctx.source,
                                                 military):
                continue
        expected = [render(mention.kind, mention.keys, ctx.target, mention.text)]
        found = ""
        if mention.kind == "number":
            if unmatched is None:  # the target's numbers that answer nothing: the "found"
                used = {k for m in wanted for k in m.keys}
                unmatched = sorted(k for k in bag["number"]
                                   if k.isdigit() and len(k) < 12 and k not in used)
            if unmatched:
                found = render("number", [unmatched[0]], ctx.target, mention.text)
        issues.append(_issue(ctx, mention.kind, mention.text, expected, found))
    return issues


def _issue(ctx: Context, kind: str, source_term: str, expected: list[str], found: str) -> Issue:
    text = message(kind, ctx.ui, found=found, source=source_term,
                   expected=quote(expected, ctx.ui), target=ctx.target)
    return Issue(ctx.segment, kind, KINDS[kind], source_term, expected, found, text)
