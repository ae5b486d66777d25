"""Which text of a check request is the original: the user's choice, else what the input says.

The check page's direction selector offers "detect" (the default until the user chooses),
French original or English original. Detected, the direction comes from what the input
declares, as for ``termalign check``: a TMX or XLIFF file its languages, two documents or two
pasted texts their "Original : anglais" / "Original: French" lines
(:func:`aligner.direction.detect_source`), else French (the library's default).
"""

from __future__ import annotations

from pathlib import Path

from aligner.direction import Direction, detect_source

#: The choices of the check page's selector: detect, French original, English original.
CHOICES = ("auto", "fr", "en")
#: The interface message (``web.i18n``) saying why a detected direction was chosen, by the
#: reason the libraries give (:mod:`aligner.direction`, :mod:`checks.direction`).
WHY = {
    "'Original' line of the French document": "direction.why_fr_line",
    "'Original' line of the English document": "direction.why_en_line",
    "TMX srclang": "direction.why_declared",
    "XLIFF source language": "direction.why_declared",
    "declared by the file": "direction.why_declared",
    "no Original line: French source by default": "direction.why_default",
    "French source by default": "direction.why_default",
}


def chosen(value: str | None, cookie: str | None) -> str:
    """The selector's choice: the submitted one, else the remembered one, else detect.

    >>> chosen("en", "fr"), chosen(None, "fr"), chosen("xx", None), chosen(None, "zz")
    ('en', 'fr', 'auto', 'auto')
    """
    for candidate in (value, cookie):
        if candidate in CHOICES:
            return candidate
    return "auto"


def of_texts(fr: str, en: str) -> Direction:
    """The direction of two pasted texts (one of them empty: TSV pairs, French source).

    >>> of_texts("Original : anglais\\nLe Conseil s'est réuni.", "The Council met.").source
    'en'
    >>> of_texts("Un.\\tOne.", "").reason
    'French source by default'
    """
    if not (fr.strip() and en.strip()):
        return Direction("fr", "French source by default")
    return detect_source(fr, en)


def of_files(paths: list[Path], declared: str) -> Direction:
    """The direction of uploaded files: the source language ``declared`` by a TMX or XLIFF
    file, else the documents' "Original" lines (:func:`checks.direction.declared_source`)."""
    from checks.direction import declared_source

    lang = declared.replace("_", "-").split("-")[0].strip().lower()
    if lang in ("fr", "en"):
        return Direction(lang, "declared by the file")
    return Direction(*declared_source(*paths))
