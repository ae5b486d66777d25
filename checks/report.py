"""Check reports as text, JSON, CSV or HTML.

:func:`render` takes a :class:`~checks.model.Report` or its JSON dictionary (the
web API keeps reports as JSON), and optionally the segment pairs, so that the text and HTML
reports can quote the segments. :func:`dump` writes a report atomically. ``lang`` (``en`` or
``fr``) is the language of the headings, severities and summary; the messages are in the
language the report was made in (``Checker.check(..., lang=...)``).
"""

from __future__ import annotations

import csv
import html
import io
import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import ioguard.atomic
from checks.model import Report

FORMATS = ("text", "json", "csv", "html")
CSV_COLUMNS = ("segment", "kind", "severity", "source_term", "expected", "found", "message")
#: The French of the headings and severities (English: the words themselves).
_FRENCH = {"segment": "segment", "kind": "type", "severity": "gravité",
           "source_term": "terme de l’original", "expected": "attendu", "found": "trouvé",
           "message": "problème", "issue": "problème", "error": "erreur",
           "warning": "avertissement", "info": "remarque",
           "termalign check": "vérification termalign"}


def heading(word: str, lang: str = "en") -> str:
    """A heading or severity in ``lang``.

    >>> heading("severity", "fr"), heading("severity", "en"), heading("expected", "de")
    ('gravité', 'severity', 'expected')
    """
    return _FRENCH.get(word, word) if lang == "fr" else word


def _as_dict(report: Report | dict) -> dict:
    return report.to_dict() if isinstance(report, Report) else report


def render(report: Report | dict, fmt: str = "text", pairs: Sequence | None = None,
           lang: str = "en") -> str:
    """The report in one of :data:`FORMATS`; ``pairs`` are the ``(fr, en)`` segments;
    ``lang``: the language of the CSV and HTML headings."""
    data = _as_dict(report)
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        return _csv(data, lang)
    if fmt == "html":
        return _html(data, pairs, lang)
    if fmt == "text":
        return _text(data, pairs)
    raise ValueError(f"unknown report format {fmt!r}; use one of {', '.join(FORMATS)}")


def summary(data: dict, lang: str = "en") -> str:
    """One line: segments, flagged segments, errors and warnings (in ``lang``).

    >>> summary({"segments": 3, "issues": [{"segment": 2, "severity": "error"}]})
    '3 segments, 1 with issues: 1 error, 0 warnings'
    >>> summary({"segments": 3, "issues": [{"segment": 2, "severity": "error"}]}, "fr")
    '3 segments, dont 1 avec des problèmes : 1 erreur, 0 avertissement'
    >>> summary({"segments": 1, "issues": [], "untranslated": [{"segment": 2}]})
    '1 segment, 0 with issues: 0 errors, 0 warnings; 1 not translated, not checked'
    """
    issues = data["issues"]
    severities = Counter(i["severity"] for i in issues)
    flagged = len({i["segment"] for i in issues})
    errors, warnings = severities.get("error", 0), severities.get("warning", 0)
    extra = ""
    if data.get("untranslated"):
        count = len(data["untranslated"])
        extra = (f"; {count} non traduit{'s' * (count > 1)}, non vérifié{'s' * (count > 1)}"
                 if lang == "fr" else f"; {count} not translated, not checked")
    if lang == "fr":  # French: 0 and 1 take the singular
        return (f"{data['segments']} segment{'s' * (data['segments'] > 1)}, dont {flagged} avec "
                f"des problèmes : {errors} erreur{'s' * (errors > 1)}, {warnings} "
                f"avertissement{'s' * (warnings > 1)}" + extra)
    line = (
        f"{data['segments']} segment{'s' * (data['segments'] != 1)}, {flagged} with issues: "
        f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
    )
    return line + extra


def untranslated_line(data: dict) -> str:
    """The units left unchecked because not translated, in one line ("" when none).

    >>> untranslated_line({"untranslated": [{"segment": 2, "id": "u2", "reason": "state=new"},
    ...                                     {"segment": 5, "id": "", "reason": "no target"}]})
    'not translated, not checked: segment 2 [u2] (state=new), segment 5 (no target)'
    """
    units = data.get("untranslated") or []
    if not units:
        return ""
    return "not translated, not checked: " + ", ".join(
        f"segment {u['segment']}{_unit_id(u)} ({u['reason']})" for u in units)


def _unit_id(unit: dict) -> str:
    return f" [{unit['id']}]" if unit.get("id") else ""


def _pair(pairs: Sequence | None, number: int) -> tuple[str, str] | None:
    if pairs and 0 < number <= len(pairs):
        fr, en = pairs[number - 1]
        return fr, en
    return None


def _text(data: dict, pairs: Sequence | None) -> str:
    lines: list[str] = []
    current = None
    for issue in data["issues"]:
        if issue["segment"] != current:
            current = issue["segment"]
            lines.append(f"segment {current}:")
            pair = _pair(pairs, current)
            if pair:
                lines += [f"  FR: {pair[0]}", f"  EN: {pair[1]}"]
        lines.append(f"  {issue['severity']} [{issue['kind']}] {issue['message']}")
    if data.get("untranslated"):
        lines.append(untranslated_line(data))
    lines.append(summary(data))
    return "\n".join(lines) + "\n"


def _csv(data: dict, lang: str = "en") -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([heading(c, lang) for c in CSV_COLUMNS])
    for issue in data["issues"]:
        row = dict(issue, expected=" | ".join(issue["expected"]),
                   severity=heading(issue["severity"], lang))
        writer.writerow([row[c] for c in CSV_COLUMNS])
    for unit in data.get("untranslated") or []:  # kind "untranslated", severity "info"
        writer.writerow([unit["segment"], "untranslated", "info", "", "", "",
                         f"not translated, not checked{_unit_id(unit)} ({unit['reason']})"])
    return out.getvalue()


_STYLE = """body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;width:100%}
td,th{border:1px solid #ccc;padding:.3em .5em;vertical-align:top;text-align:left}
.error{color:#a00}.warning{color:#a60}.seg{color:#555;font-size:.9em}"""


def _html(data: dict, pairs: Sequence | None, lang: str = "en") -> str:
    e = html.escape
    h = lambda word: e(heading(word, lang))  # noqa: E731
    rows = []
    for issue in data["issues"]:
        pair = _pair(pairs, issue["segment"])
        quoted = f"<div class='seg'>FR: {e(pair[0])}<br>EN: {e(pair[1])}</div>" if pair else ""
        rows.append(
            f"<tr><td>{issue['segment']}</td><td class='{e(issue['severity'])}'>"
            f"{h(issue['severity'])}</td><td>{e(issue['kind'])}</td>"
            f"<td>{e(issue['message'])}{quoted}</td>"
            f"<td>{e(' | '.join(issue['expected']))}</td><td>{e(issue['found'])}</td></tr>"
        )
    return (
        f"<!DOCTYPE html>\n<html lang='{'fr' if lang == 'fr' else 'en'}'><head>"
        f"<meta charset='utf-8'><title>{h('termalign check')}</title><style>{_STYLE}</style>"
        f"</head><body><h1>{h('termalign check')}</h1><p>{e(summary(data, lang))}</p>"
        + (f"<p class='untranslated'>{e(untranslated_line(data))}</p>"
           if data.get("untranslated") else "")
        + "<table><thead><tr>"
        + "".join(f"<th>{h(w)}</th>" for w in ("segment", "severity", "kind", "issue",
                                                  "expected", "found"))
        + "</tr></thead><tbody>"
        + "\n".join(rows)
        + "</tbody></table></body></html>\n"
    )


def dump(report: Report | dict, path: str | Path, fmt: str, pairs: Sequence | None = None):
    """Write the report to ``path`` atomically (temporary file, then rename)."""
    text = render(report, fmt, pairs)
    ioguard.atomic.write_text(Path(path), text)
