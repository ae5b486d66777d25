"""The text of every issue, in the language of the user interface (``en`` or ``fr``).

Each template takes the same fields: ``found`` (what the translation has), ``expected``
(what the target's UN style wants, already quoted and joined), ``source`` (the source
term), ``target`` (the name of the target language in the UI language) and ``role``.

>>> message("number", "fr", found="1,250", expected="« 1 250 »", source="1,250", target="fr")
'nombre « 1,250 » de l’original absent de la traduction : attendu « 1 250 »'
"""

from __future__ import annotations

UI_LANGS = ("en", "fr")
_LANG_NAMES = {"en": {"en": "English", "fr": "French"}, "fr": {"en": "anglais", "fr": "français"}}
_KIND_NAMES = {"number": "nombre", "date": "date", "symbol": "cote"}

TEMPLATES = {
    "missing-title": {
        "en": "{source!r} is not rendered by its {target} name: expected {expected}",
        "fr": "« {source} » n’est pas rendu par son nom {target} : attendu {expected}",
    },
    "missing-term": {
        "en": "{source!r} is not rendered by its {target} term: expected {expected}",
        "fr": "« {source} » n’est pas rendu par son terme {target} : attendu {expected}",
    },
    "avoid-term": {
        "en": "{found!r} is not to be used; use {expected}",
        "fr": "« {found} » est à éviter ; employer {expected}",
    },
    "name-variant": {
        "en": "{found!r} is not the official form of the name: use {expected}",
        "fr": "« {found} » n’est pas la forme officielle du nom : employer {expected}",
    },
    "untranslated-acronym": {
        "en": "acronym {found!r} left untranslated in the {target}; use {expected}",
        "fr": "sigle « {found} » non traduit en {target} ; employer {expected}",
    },
    "wrong-acronym": {
        "en": "{found!r} is not the acronym of {source!r}; use {expected}",
        "fr": "« {found} » n’est pas le sigle de « {source} » ; employer {expected}",
    },
    "country-name": {
        "en": "{found!r} is not the UNTERM name of {source!r}: use {expected}",
        "fr": "« {found} » n’est pas le nom UNTERM de « {source} » : employer {expected}",
    },
    "country-form": {
        "en": "{source!r} is the {role} name in the original; the translation uses {found!r} "
        "(expected {expected})",
        "fr": "« {source} » est le nom {role} dans l’original ; la traduction emploie "
        "« {found} » (attendu {expected})",
    },
    "number-format": {
        "en": "{found!r} is written in English style: expected {expected}",
        "fr": "« {found} » est écrit à l’anglaise : attendu {expected}",
    },
    "typography": {
        "en": "French typography: space missing at {found!r} (a non-breaking space before ; : "
        "! ? and inside « »)",
        "fr": "typographie : espace manquante dans « {found} » (espace insécable avant ; : ! ? "
        "et à l’intérieur des « »)",
    },
}
_QUANTITY = {
    "en": "{kind} {source!r} of the original is not in the translation: expected {expected}",
    "fr": "{kind} « {source} » de l’original absent de la traduction : attendu {expected}",
}
_ROLES = {"fr": {"short": "court", "formal": "officiel"}, "en": {"short": "short", "formal": "formal"}}


def quote(forms, ui: str, limit: int = 3) -> str:
    """Forms quoted in the UI's style and joined by "or" / "ou".

    >>> quote(["CSTO", "Collective Security Treaty Organization"], "fr")
    '« CSTO » ou « Collective Security Treaty Organization »'
    """
    forms = list(forms)[:limit]
    if ui == "fr":
        return " ou ".join(f"« {f} »" for f in forms)
    return " or ".join(repr(f) for f in forms)


def message(kind: str, ui: str, **fields) -> str:
    """The message of one issue in the UI language ``ui`` (English when unknown)."""
    ui = ui if ui in UI_LANGS else "en"
    values = {"found": "", "expected": "", "source": "", "role": ""} | fields
    values["target"] = _LANG_NAMES[ui].get(fields.get("target", ""), "")
    values["role"] = _ROLES[ui].get(values["role"], values["role"])
    if kind in ("number", "date", "symbol"):
        name = _KIND_NAMES[kind] if ui == "fr" else kind
        return _QUANTITY[ui].format(kind=name, **values)
    return TEMPLATES[kind][ui].format(**values)
