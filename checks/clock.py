"""Military times in an English text ("at 1500", "from 0900 to 1200", "1500 hours"), which
a translation renders as clock times (15 h 00): see :func:`checks.quantities.available`.
"""

from __future__ import annotations

import re

from checks import cues

#: A military time: four digits that no digit follows. The pattern starts with the digits
#: and is tried at the end of each run of digits; what comes before is checked by
#: :func:`military`.
_MILITARY = re.compile(r"([01]\d|2[0-3])([0-5]\d)(?!\d)(?=( hours)?)")
_MILITARY_BEFORE = re.compile(r"(?:\b[Aa]t|\b[Ff]rom|\bto|\buntil) $")
_MILITARY_DIGIT = re.compile(r"\d[.,]?$")


def military(text: str) -> list[str]:
    """The military times of an English text as ``15h00`` keys.

    >>> military("from 0900 to 1230, at 1500 hours, 1800 hours; 2.1500 hours, 1999 and 1500")
    ['9h00', '12h30', '15h00', '18h00']
    """
    out = []
    # a match is four digits that no digit follows: the end of a run of digits
    for start, end in cues.digit_run_spans(text):
        m = _MILITARY.match(text, end - 4) if end - start >= 4 else None
        if m is None:
            continue
        before = text[max(0, m.start() - 7) : m.start()]
        if m.group(3) is not None and not _MILITARY_DIGIT.search(before):
            pass  # 1500 hours (not 2.1500 hours)
        elif not _MILITARY_BEFORE.search(before):
            continue
        out.append(f"{int(m.group(1))}h{m.group(2)}")
    return out
