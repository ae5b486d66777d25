"""Check reports as text, JSON, CSV or HTML.

:func:`render` takes a :class:`~checks.model.Report` or its JSON dictionary (the
web API keeps reports as JSON), and optionally the segment pairs, so that the text and HTML
reports can quote the segments. :func:`dump` writes a report atomically.
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


def _as_dict(report: Report | dict) -> dict:
    return report.to_dict() if isinstance(report, Report) else report


def render(report: Report | dict, fmt: str = "text", pairs: Sequence | None = None) -> str:
    """The report in one of :data:`FORMATS`; ``pairs`` are the ``(fr, en)`` segments."""
    data = _as_dict(report)
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        return _csv(data)
    if fmt == "html":
        return _html(data, pairs)
    if fmt == "text":
        return _text(data, pairs)
    raise ValueError(f"unknown report format {fmt!r}; use one of {', '.join(FORMATS)}")


def summary(data: dict) -> str:
    """One line: segments, flagged segments, errors and warnings.

    >>> summary({"segments": 3, "issues": [{"segment": 2, "severity": "error"}]})
    '3 segments, 1 with issues: 1 error, 0 warnings'
    >>> summary({"segments": 1, "issues": [], "untranslated": [{"segment": 2}]})
    '1 segments, 0 with issues: 0 errors, 0 warnings; 1 not translated, not checked'
    """
    issues = data["issues"]
    severities = Counter(i["severity"] for i in issues)
    flagged = len({i["segment"] for i in issues})
    errors, warnings = severities.get("error", 0), severities.get("warning", 0)
    line = (
        f"{data['segments']} segments, {flagged} with issues: "
        f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
    )
    if data.get("untranslated"):
        line += f"; {len(data['untranslated'])} not translated, not checked"
    return line


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


def _csv(data: dict) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for issue in data["issues"]:
        row = dict(issue, expected=" | ".join(issue["expected"]))
        writer.writerow([row[c] for c in CSV_COLUMNS])
    for unit in data.get("untranslated") or []:  # kind "untranslated", severity "info"
        writer.writerow([unit["segment"], "untranslated", "info", "", "", "",
                         f"not translated, not checked{_unit_id(unit)} ({unit['reason']})"])
    return out.getvalue()


_STYLE = """body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;width:100%}
td,th{border:1px solid #ccc;padding:.3em .5em;vertical-align:top;text-align:left}
.error{color:#a00}.warning{color:#a60}.seg{color:#555;font-size:.9em}"""


def _html(data: dict, pairs: Sequence | None) -> str:
    e = html.escape
    rows = []
    for issue in data["issues"]:
        pair = _pair(pairs, issue["segment"])
        quoted = f"<div class='seg'>FR: {e(pair[0])}<br>EN: {e(pair[1])}</div>" if pair else ""
        rows.append(
            f"<tr><td>{issue['segment']}</td><td class='{e(issue['severity'])}'>"
            f"{e(issue['severity'])}</td><td>{e(issue['kind'])}</td>"
            f"<td>{e(issue['message'])}{quoted}</td>"
            f"<td>{e(' | '.join(issue['expected']))}</td><td>{e(issue['found'])}</td></tr>"
        )
    return (
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
        f"<title>termalign check</title><style>{_STYLE}</style></head><body>"
        f"<h1>termalign check</h1><p>{e(summary(data))}</p>"
        + (f"<p class='untranslated'>{e(untranslated_line(data))}</p>"
           if data.get("untranslated") else "")
        +
        "<table><thead><tr><th>segment</th><th>severity</th><th>kind</th><th>issue</th>"
        "<th>expected</th><th>found</th></tr></thead><tbody>"
        + "\n".join(rows)
        + "</tbody></table></body></html>\n"
    )


def dump(report: Report | dict, path: str | Path, fmt: str, pairs: Sequence | None = None):
    """Write the report to ``path`` atomically (temporary file, then rename)."""
    text = render(report, fmt, pairs)
    ioguard.atomic.write_text(Path(path), text)
