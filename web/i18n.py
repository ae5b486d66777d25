"""The interface strings in English and French, and the choice of the interface language.

A small catalogue, not gettext: every key has an English and a French text. The strings are
kept per area (:mod:`web.i18n_pages`, :mod:`web.i18n_search`, :mod:`web.i18n_check`,
:mod:`web.i18n_screens`) and merged into :data:`MESSAGES`; a key belongs to one area only.
The language comes from ``?lang=`` (then remembered in a cookie), else the cookie, else the
browser's ``Accept-Language``, else English.
"""

from __future__ import annotations

import re

from web import i18n_check, i18n_pages, i18n_screens, i18n_search

UI_LANGS = ("en", "fr")
COOKIE = "ui_lang"

#: The string tables of each area of the interface.
AREAS = (i18n_pages.STRINGS, i18n_search.STRINGS, i18n_check.STRINGS, i18n_screens.STRINGS)
#: Every interface string: key -> {"en": ..., "fr": ...}.
MESSAGES: dict[str, dict[str, str]] = {key: texts for area in AREAS for key, texts in area.items()}


def translate(key: str, lang: str, **values: object) -> str:
    """The text of ``key`` in ``lang`` (English when missing), with ``{name}`` filled in.

    >>> translate("nav.search", "fr")
    'Recherche'
    >>> translate("check.segment", "en", n=3)
    'Segment 3'
    >>> translate("no.such.key", "fr")
    'no.such.key'
    """
    texts = MESSAGES.get(key)
    if texts is None:
        return key
    text = texts.get(lang) or texts["en"]
    if values:
        text = _PLURAL.sub(lambda m: _plural(m, lang, values), text)
    return text.format(**values) if values else text


#: ``[name:singular|plural]`` in a message: the form agreeing with the number ``{name}``.
_PLURAL = re.compile(r"\[(\w+):([^|\]]*)\|([^\]]*)\]")


def _plural(match: re.Match, lang: str, values: dict) -> str:
    """The singular or plural form (French: 0 and 1 take the singular; English: 1 only).

    >>> translate("check.summary", "fr", segments=1, issues=0)
    '1 segment, 0 problème'
    >>> translate("check.summary", "fr", segments=2, issues=2)
    '2 segments, 2 problèmes'
    >>> translate("check.summary", "en", segments=0, issues=1)
    '0 segments, 1 issue'
    """
    number = values.get(match.group(1), 0)
    singular = number in (0, 1) if lang == "fr" else number == 1
    return match.group(2) if singular else match.group(3)


def choose_lang(param: str | None, cookie: str | None, accept: list[str]) -> str:
    """The interface language from the query parameter, the cookie, then ``Accept-Language``.

    >>> choose_lang("fr", "en", [])
    'fr'
    >>> choose_lang("xx", "fr", ["en"])
    'fr'
    >>> choose_lang(None, None, ["fr-CA", "en"])
    'fr'
    >>> choose_lang(None, None, [])
    'en'
    """
    for value in (param, cookie):
        if value in UI_LANGS:
            return value
    for tag in accept:
        base = tag.split("-")[0].lower()
        if base in UI_LANGS:
            return base
    return "en"
