"""What reading an input gives: the segments to check, the declared languages, warnings and
the units that were not checked because they are not translated (yet)."""

from __future__ import annotations

from dataclasses import dataclass, field

from aligner.errors import InputError
from checks.model import Segment


@dataclass
class Untranslated:
    """A unit left unchecked: ``reason`` is ``state=new``, ``no target``, ``translate=no``..."""

    number: int
    unit_id: str
    reason: str

    def to_dict(self) -> dict:
        return {"segment": self.number, "id": self.unit_id, "reason": self.reason}


@dataclass
class Loaded:
    """The segments of an input (French is ``Segment.fr`` whatever the file's direction).

    ``source_lang``/``target_lang`` are the languages the file declares, as written
    (``en-GB``, ``fr-CA``), "" when it declares none (TSV, two documents).
    """

    segments: list[Segment]
    source_lang: str = ""
    target_lang: str = ""
    warnings: list[str] = field(default_factory=list)
    untranslated: list[Untranslated] = field(default_factory=list)


def base(lang: str) -> str:
    """The primary language subtag, lower-cased.

    >>> base("fr-CA"), base("EN_gb"), base("")
    ('fr', 'en', '')
    """
    return lang.replace("_", "-").split("-")[0].strip().lower()


def check_pair(name: str, source: str, target: str) -> tuple[str, str]:
    """Refuse a language pair other than French–English; fill in a missing side.

    >>> check_pair("x", "en-GB", "fr-CA")
    ('en-GB', 'fr-CA')
    >>> check_pair("x", "fr", "")
    ('fr', 'en')
    >>> check_pair("x", "en", "ja")
    Traceback (most recent call last):
    aligner.errors.InputError: x: a French–English pair is expected, this file is en→ja
    """
    if not source and not target:
        return "", ""
    other = {"fr": "en", "en": "fr"}
    source = source or other.get(base(target), "")
    target = target or other.get(base(source), "")
    if {base(source), base(target)} != {"fr", "en"}:
        raise InputError(f"{name}: a French–English pair is expected, this file is "
                         f"{source or '?'}→{target or '?'}")
    return source, target
