"""TBX data categories: how term statuses and the other categories map onto termalign's.

Statuses come from ``administrativeStatus`` (TBX-Basic), ``usageStatus`` (TBX-Min, LTAC's
test files) and ``normativeAuthorization`` (ISO 12620); a term with several gets the most
restrictive (deprecated, then superseded, then admitted, then preferred). The values:

=====================================================  ==============
value (``-admn-sts`` suffix and case ignored)          termalign
=====================================================  ==============
preferredTerm, preferred, standardizedTerm,            preferred
legalTerm, regulatedTerm
admittedTerm, admitted                                 admitted
deprecatedTerm, deprecated, notRecommended,            deprecated
forbidden, rejected
supersededTerm, superseded, obsolete                   superseded
=====================================================  ==============

Exports write ``administrativeStatus`` only (the one status category TBX-Basic allows).
"""

from __future__ import annotations

import re

STATUS_CATEGORIES = ("administrativeStatus", "usageStatus", "normativeAuthorization")
_STATUS_VALUES = {
    "preferred": "preferred", "standardized": "preferred", "legal": "preferred",
    "regulated": "preferred", "admitted": "admitted", "deprecated": "deprecated",
    "notrecommended": "deprecated", "forbidden": "deprecated", "rejected": "deprecated",
    "superseded": "superseded", "obsolete": "superseded",
}
#: Most restrictive first.
_SEVERITY = ("deprecated", "superseded", "admitted", "preferred")
#: termNote types kept as fields of a term (TBX-Basic's, besides termType and statuses).
TERM_NOTES = ("partOfSpeech", "grammaticalGender", "geographicalUsage", "termLocation")
#: ``xref`` and ``ref`` types kept.
XREFS = ("xGraphic", "externalCrossReference")
REFS = ("crossReference",)
#: ``admin`` types kept as fields (``source`` has its own handling).
ADMINS = ("customerSubset", "projectSubset")
#: Reliability code (1–10, ISO 12620 ``reliabilityCode``), written in a note since TBX-Basic
#: has no such category: ``reliabilityCode: 7`` (``(confidence 0.734)`` when not exact).
RELIABILITY = re.compile(r"reliabilityCode: (\d+)(?: \(confidence ([0-9.]+)\))?")


def status(value: str) -> str | None:
    """termalign's status of a TBX status value, None when unknown.

    >>> status("preferredTerm-admn-sts"), status("notRecommended"), status("obsolete")
    ('preferred', 'deprecated', 'superseded')
    >>> status("admittedTerm"), status("standardizedTerm-admn-sts"), status("maybe") is None
    ('admitted', 'preferred', True)
    """
    key = value.strip().lower().removesuffix("-admn-sts")
    if key not in _STATUS_VALUES:
        key = key.removesuffix("term")
    return _STATUS_VALUES.get(key)


def strictest(statuses: list[str]) -> str:
    """The most restrictive status of a list (``preferred`` for none).

    >>> strictest(["preferred", "deprecated"]), strictest([])
    ('deprecated', 'preferred')
    """
    return next((s for s in _SEVERITY if s in statuses), "preferred")


def reliability(confidence: float, curated: bool) -> str:
    """The reliability note of a concept: 10 for curated data, 1–10 (the confidence in
    tenths) for candidates.

    >>> reliability(1.0, True), reliability(0.6, False), reliability(0.734, False)
    ('reliabilityCode: 10', 'reliabilityCode: 6', 'reliabilityCode: 7 (confidence 0.734)')
    """
    code = 10 if curated else min(10, max(1, round(confidence * 10)))
    exact = curated or abs(code / 10 - confidence) < 1e-9
    return f"reliabilityCode: {code}" + ("" if exact else f" (confidence {confidence:g})")


def confidence_of(note: str) -> float | None:
    """The confidence a reliability note gives, None for another note.

    >>> confidence_of("reliabilityCode: 6"), confidence_of("reliabilityCode: 7 (confidence 0.734)")
    (0.6, 0.734)
    >>> confidence_of("A note.") is None
    True
    """
    match = RELIABILITY.fullmatch(note.strip())
    if not match:
        return None
    return float(match.group(2)) if match.group(2) else int(match.group(1)) / 10
