"""The number, date and symbol checks of one pair, in either direction.

The quantities of each side are read once (:mod:`checks.quantities`); a French translation
is also checked for English-style numbers (:func:`checks.style.french_format`: one
``number-format`` issue, not also a missing number) and for its typography (warnings).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from checks.messages import message, quote
from checks.model import KINDS, Issue
from checks.quantities import available, required
from checks.style import french_format, french_typography, render

#: A paragraph number at the start of a segment: "37. ", "(4) ".
_LEADING = re.compile(r"^\s*\(?(\d{1,3})[.)]\s")

if TYPE_CHECKING:
    from checks.names import Context


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
    wanted = required(ctx.src, ctx.source)
    bag = available(ctx.tgt, ctx.target) if wanted else {}  # (only read for what is wanted)
    unmatched = None
    src_mark, tgt_mark = _LEADING.match(ctx.src), _LEADING.match(ctx.tgt)
    if src_mark and tgt_mark and src_mark.group(1) != tgt_mark.group(1):
        # both paragraphs numbered, differently (a leading number is not otherwise required)
        issues.append(_issue(ctx, "number", src_mark.group(1), [src_mark.group(1)],
                             tgt_mark.group(1)))
    for mention in wanted:
        if mention.keys & bag[mention.kind] or mention.keys & covered:
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
