"""Country names in UNTERM form: clean-up of list forms and common non-UNTERM English names.

UNTERM lists short names with the article or the descriptor in brackets (``Viet Nam (le)``,
``Iran (Islamic Republic of)``); running text writes ``le Viet Nam`` and ``the Islamic
Republic of Iran``. :func:`running_forms` gives the forms to look for in text.
"""

from __future__ import annotations

import re

_MARKS = re.compile(r"\s*\*+\s*$")
_ARTICLE = re.compile(r"\s*\((?:the|l['’]|le|la|les)\)\s*$", re.I)
_DESCRIPTOR = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<desc>[^()]+)\)\s*$")

#: English country names that are not the UNTERM form, with the UNTERM short name.
NON_UNTERM_EN = {
    "Vietnam": "Viet Nam",
    "Russia": "Russian Federation",
    "Syria": "Syrian Arab Republic",
    "Laos": "Lao People's Democratic Republic",
    "Tanzania": "United Republic of Tanzania",
    "Moldova": "Republic of Moldova",
    "South Korea": "Republic of Korea",
    "North Korea": "Democratic People's Republic of Korea",
    "Ivory Coast": "Côte d'Ivoire",
    "Cape Verde": "Cabo Verde",
    "Swaziland": "Eswatini",
    "Burma": "Myanmar",
    "East Timor": "Timor-Leste",
    "Brunei": "Brunei Darussalam",
    "Holland": "Netherlands (Kingdom of the)",
    "Great Britain": "United Kingdom of Great Britain and Northern Ireland",
}


#: French country names that are not the UNTERM form, with the UNTERM short name.
NON_UNTERM_FR = {
    "Russie": "Fédération de Russie",
    "Corée du Sud": "République de Corée",
    "Corée du Nord": "République populaire démocratique de Corée",
    "Hollande": "Pays-Bas (Royaume des)",
    "Birmanie": "Myanmar",
    "Swaziland": "Eswatini",
    "Vietnam": "Viet Nam",
    "Moldavie": "République de Moldova",
    "Cap-Vert": "Cabo Verde",
    "Timor oriental": "Timor-Leste",
    "Tanzanie": "République-Unie de Tanzanie",
    "Laos": "République démocratique populaire lao",
    "Syrie": "République arabe syrienne",
}
NON_UNTERM_EN.update({
    "USA": "United States of America",
    "U.S.A.": "United States of America",
    "DR Congo": "Democratic Republic of the Congo",
    "DRC": "Democratic Republic of the Congo",
    "Holland": "Netherlands (Kingdom of the)",
})

#: Abbreviations UN documents define for a country after its UNTERM name ("the Democratic
#: Republic of the Congo (DRC)") and use from then on; "USA" is never defined.
DEFINED_ABBREVIATIONS = frozenset({"DRC", "RDC"})


def clean_name(text: str) -> str:
    """A UNTERM list name without its footnote marks and bracketed article.

    >>> clean_name("Viet Nam (le)"), clean_name("Holy See (the) *")
    ('Viet Nam', 'Holy See')
    """
    return _ARTICLE.sub("", _MARKS.sub("", text)).strip()


def running_forms(text: str) -> list[str]:
    """The forms of a UNTERM name as written in running text.

    >>> running_forms("Iran (Islamic Republic of)")
    ['Iran (Islamic Republic of)', 'Islamic Republic of Iran']
    >>> running_forms("Iran (République islamique d')")
    ["Iran (République islamique d')", "République islamique d'Iran"]
    >>> running_forms("Congo (le)")
    ['Congo']
    >>> running_forms("Pays-Bas (Royaume des)")
    ['Pays-Bas (Royaume des)', 'Royaume des Pays-Bas', 'Pays-Bas']
    """
    name = clean_name(text)
    forms = [name]
    m = _DESCRIPTOR.match(name)
    if m:
        desc = m.group("desc").strip()
        glue = "" if desc.endswith(("'", "’")) else " "
        forms.append(f"{desc}{glue}{m.group('name')}")
        if desc.startswith(("Kingdom", "Royaume")):  # the Netherlands, les Pays-Bas
            forms.append(m.group("name"))
    return forms
