"""The check page: paste or upload a translation, see the issues in the text, download them.

The checks are :mod:`checks` (the same ``Checker`` and report writers as
``termalign check``). A report is kept server-side under a random id so that the page and
its downloads (HTML, CSV, JSON) show the same result.
"""

from __future__ import annotations

import shutil
import tempfile
import threading
from collections import OrderedDict
from pathlib import Path

from flask import (
    Blueprint,
    abort,
    current_app,
    g,
    redirect,
    render_template,
    request,
    url_for,
)
from werkzeug.utils import secure_filename

from aligner.errors import AlignerError
from web import check_direction, i18n, results
from web.cache import anchor_terms, checker
from web.highlight import highlight

bp = Blueprint("check", __name__)


class InputProblem(ValueError):
    """The submitted texts or files cannot be turned into segment pairs."""


#: The languages a text can be the original of; French is the library's default.
SOURCES = ("fr", "en")
#: Cookie remembering the direction chosen on the check and align pages.
SOURCE_COOKIE = "source"


def chosen_source(value: str | None = None) -> str:
    """The source language: the submitted one, else the remembered one, else French."""
    for candidate in (value, request.cookies.get(SOURCE_COOKIE)):
        if candidate in SOURCES:
            return candidate
    return "fr"


def source_options(source: str) -> dict:
    """Keyword arguments giving the direction to the libraries: ``Checker.check(segments,
    source=...)`` and ``Alignment.from_beads(..., source=...)``, whose ``source`` the TMX writer
    follows (``srclang``, ``<tuv>`` order).

    French is their default, so nothing is passed for it; an English original is passed as
    ``source="en"``.

    >>> source_options("fr"), source_options("en")
    ({}, {'source': 'en'})
    """
    return {} if source == "fr" else {"source": source}


def remember_source(response, source: str):
    """Keep the chosen direction in a cookie (also written by ``check.js``)."""
    response.set_cookie(SOURCE_COOKIE, source, max_age=365 * 24 * 3600, samesite="Lax")
    return response


def text_lines(text: str) -> list[str]:
    """The non-blank lines of a pasted text, stripped: one segment each.

    >>> text_lines("Un.\\r\\n\\n  Deux. \\n\\n")
    ['Un.', 'Deux.']
    """
    return [line.strip() for line in text.splitlines() if line.strip()]


def segments_from_text(fr: str, en: str, terms=None) -> tuple[list, dict | None]:
    """Segments from two pasted texts (one segment per non-blank line), or TSV pasted as ``fr``.

    Segments are numbered 1, 2, 3... as the user sees them (blank lines never count). Two
    texts with different numbers of lines are aligned first, as two documents are (``terms``:
    the termbase's (fr, en) anchor pairs, or a function that gives them); the second value then says how many lines each
    side had and how many sentences were left unpaired.

    >>> [(s.number, s.fr, s.en) for s in segments_from_text("Un.\\n\\nDeux.", "One.\\nTwo.\\n")[0]]
    [(1, 'Un.', 'One.'), (2, 'Deux.', 'Two.')]
    >>> [(s.number, s.en) for s in segments_from_text("Un.\\tOne.\\n\\nDeux.\\tTwo.", "")[0]]
    [(1, 'One.'), (2, 'Two.')]
    """
    from checks.inputs import load_tsv
    from checks.model import Segment

    fr_lines, en_lines = text_lines(fr), text_lines(en)
    if not fr_lines and not en_lines:
        return [], None
    if not en_lines:
        pairs = load_tsv(fr, "pasted text")
        return [Segment(n, s.fr, s.en) for n, s in enumerate(pairs, 1)], None
    if not fr_lines:
        raise InputProblem(i18n.translate("check.fr_empty", getattr(g, "ui_lang", "en")))
    if len(fr_lines) == len(en_lines):
        pairs = enumerate(zip(fr_lines, en_lines, strict=True), 1)
        return [Segment(n, f, e) for n, (f, e) in pairs], None
    from aligner.pipeline import align_sentences

    if callable(terms):  # the termbase's pairs, read only when lines must be aligned
        terms = terms()
    units = align_sentences(fr_lines, en_lines, terms=terms).alignment.units
    pairs = [u for u in units if u.fr_ids and u.en_ids]
    unpaired = sum(len(u.fr_ids) + len(u.en_ids) for u in units if not (u.fr_ids and u.en_ids))
    aligned = {"fr": len(fr_lines), "en": len(en_lines), "unpaired": unpaired}
    return [Segment(n, u.fr, u.en) for n, u in enumerate(pairs, 1)], aligned


def segments_from_uploads(*files):
    """The :class:`checks.inputs.Loaded` input of uploaded files, read by ``termalign
    check``'s own loader (segments, and the units not translated), and the direction the
    files give (declared languages, "Original" lines, else French).

    One file: TSV, TMX or XLIFF; two files: a French and an English document, aligned first.
    The uploads are saved under their (sanitised) names in a private temporary folder, so that
    error messages name the user's file.
    """
    from checks.inputs import load_input

    folder = Path(tempfile.mkdtemp(dir=current_app.config["RESULTS_DIR"], prefix=".upload-"))
    try:
        paths = []
        for number, storage in enumerate(files):
            name = secure_filename(storage.filename or "") or f"upload-{number}.txt"
            path = folder / str(number)
            path.mkdir()
            path = path / name
            storage.save(path)
            paths.append(path)
        loaded = load_input(*paths)
        return loaded, check_direction.of_files(paths, loaded.source_lang)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def collect_segments(form, files) -> tuple[list, dict | None, check_direction.Direction,
                                          list | None]:
    """The segments of a check request (pasted texts, one TMX/TSV/XLIFF file, two documents),
    how pasted texts of different lengths were aligned (else None), the direction the input
    gives (:mod:`web.check_direction`), and the units of a TMX or XLIFF file that are not
    translated (``{"segment", "id", "reason"}``; else None)."""
    upload = files.get("pairs")
    if upload and upload.filename:
        return _uploaded(upload)
    fr_file, en_file = files.get("fr_file"), files.get("en_file")
    if fr_file and fr_file.filename and en_file and en_file.filename:
        return _uploaded(fr_file, en_file)
    fr, en = form.get("fr", ""), form.get("en", "")
    segments, aligned = segments_from_text(fr, en, anchor_terms)
    return segments, aligned, check_direction.of_texts(fr, en), None


def _uploaded(*files) -> tuple[list, None, check_direction.Direction, list | None]:
    loaded, direction = segments_from_uploads(*files)
    untranslated = ([u.to_dict() for u in loaded.untranslated] if loaded.source_lang
                    else None)
    return loaded.segments, None, direction, untranslated


def check_options(source: str = "fr", lang: str = "en") -> dict:
    """Keyword arguments of ``Checker.check``: the direction (:func:`source_options`) and the
    language of the messages (the interface's; English, the library's default, is not passed).

    >>> check_options("en", "fr"), check_options()
    ({'source': 'en', 'lang': 'fr'}, {})
    """
    return source_options(source) | ({} if lang == "en" else {"lang": lang})


def run_check(segments: list, source: str = "fr", lang: str = "en",
              untranslated: list | None = None, pairs_alone: bool = False) -> dict:
    """The JSON report of ``termalign check --json`` for these segments, its messages in
    ``lang`` (``en`` or ``fr``; ``untranslated``: the units of the input that were not
    checked, see :func:`collect_segments`; ``pairs_alone``: as ``--pairs-alone``)."""
    alone = {"isolated": True} if pairs_alone else {}  # (the library's default: a document)
    report = checker().check(segments, **check_options(source, lang), **alone)
    report.untranslated = untranslated
    return report.to_dict()


#: Messages of reports re-worded in the other language, by (result id, language): the most
#: recent :data:`REWORDED_KEPT`, so that reloading a page or its downloads checks only once.
_REWORDED: OrderedDict[tuple[str, str], list[str] | None] = OrderedDict()
_REWORDED_LOCK = threading.Lock()
REWORDED_KEPT = 64


def report_in(data: dict, lang: str, result_id: str | None = None) -> dict:
    """The stored report with its messages in ``lang``, the interface's language.

    A report is made in the language of the page that asked for it; shown or downloaded in
    the other language, its segments are checked again for the messages, which replace the
    stored ones when the issues are the same (when the termbase changed since and the issues
    differ, the report stays as it was made: a result never changes under its id). With
    ``result_id``, the re-worded messages are kept for the next request.
    """
    report = data["report"]
    if data.get("lang", "en") == lang or not report["issues"]:
        return report
    key = (result_id, lang)
    with _REWORDED_LOCK:
        messages = _REWORDED.get(key, False) if result_id else False
    if messages is False:
        messages = _reworded(data, lang)
        if result_id:
            with _REWORDED_LOCK:
                _REWORDED[key] = messages
                while len(_REWORDED) > REWORDED_KEPT:
                    _REWORDED.popitem(last=False)
    if messages is None:
        return report
    return dict(report, issues=[dict(issue, message=message)
                                for issue, message in zip(report["issues"], messages,
                                                          strict=True)])


def _reworded(data: dict, lang: str) -> list[str] | None:
    """The messages of the stored report's issues in ``lang`` (None: the issues changed)."""
    from checks.model import Segment

    segments = [Segment(number, fr, en) for number, fr, en in data["segments"]]
    again = run_check(segments, data.get("source", "fr"), lang,
                      pairs_alone=data.get("pairs_alone", False))["issues"]

    def fields(issues: list[dict]) -> list[dict]:
        return [{k: v for k, v in issue.items() if k != "message"} for issue in issues]

    if fields(again) != fields(data["report"]["issues"]):
        return None
    return [issue["message"] for issue in again]


def stored(segments: list, report: dict, source: str = "fr", texts=("", ""),
           aligned: dict | None = None, lang: str = "en") -> dict:
    """What is kept for the result page and the downloads (and the form, to check again)."""
    if not any(texts):  # uploads: the form gets their segments, one per line
        texts = ("\n".join(s.fr for s in segments), "\n".join(s.en for s in segments))
    return {"segments": [[s.number, s.fr, s.en] for s in segments], "report": report,
            "source": source, "texts": list(texts), "aligned": aligned, "lang": lang}


def numbered_pairs(data: dict) -> list[tuple[str, str]]:
    """Pairs indexed by segment number - 1 (gaps, such as skipped TSV lines, left empty)."""
    size = max((number for number, _fr, _en in data["segments"]), default=0)
    pairs = [("", "")] * size
    for number, fr, en in data["segments"]:
        pairs[number - 1] = (fr, en)
    return pairs


def annotate(report: dict, pairs: list[tuple[str, str]], source: str = "fr") -> list[dict]:
    """Segments with issues, for the page: texts with the terms marked, issues grouped."""
    by_segment: dict[int, list[dict]] = {}
    for issue in report["issues"]:
        by_segment.setdefault(issue["segment"], []).append(issue)
    rows = []
    for number, issues in sorted(by_segment.items()):
        fr, en = pairs[number - 1] if 0 < number <= len(pairs) else ("", "")
        source_terms = [i["source_term"] for i in issues]
        found = [i["found"] for i in issues]
        fr_marks, en_marks = (source_terms, found) if source == "fr" else (found, source_terms)
        severities = {i["severity"] for i in issues}
        rows.append({
            "number": number,
            "issues": issues,
            "fr": highlight(fr, fr_marks, css="" if source == "fr" else "found"),
            "en": highlight(en, en_marks, css="found" if source == "fr" else ""),
            "severity": "error" if "error" in severities else "warning",
        })
    return rows


def chosen_direction(value: str | None = None) -> str:
    """The check page's direction choice: "auto" (detect), "fr" or "en"."""
    return check_direction.chosen(value, request.cookies.get(SOURCE_COOKIE))


@bp.get("/check")
def form():
    return render_template("check.html", fr="", en="", error=None, choice=chosen_direction(),
                           pairs_alone=False)


@bp.post("/check")
def submit():
    choice = chosen_direction(request.form.get("source"))
    try:
        segments, aligned, detected, untranslated = collect_segments(request.form,
                                                                     request.files)
    except (InputProblem, AlignerError) as exc:
        return _form_error(str(exc), choice)
    if not segments:
        return _form_error(i18n.translate("check.empty", g.ui_lang), choice)
    source = detected.source if choice == "auto" else choice
    alone = request.form.get("pairs_alone") == "1"
    report = run_check(segments, source, g.ui_lang, untranslated, pairs_alone=alone)
    texts = (request.form.get("fr", ""), request.form.get("en", ""))
    if request.files.get("pairs") or request.files.get("fr_file"):
        texts = ("", "")
    data = stored(segments, report, source, texts, aligned, g.ui_lang)
    data["choice"] = choice
    data["pairs_alone"] = alone
    if choice == "auto":
        data["detected"] = detected.reason
    result_id = results.save("check", data)
    return remember_source(redirect(url_for("check.show", result_id=result_id)), choice)


def _form_error(message: str, choice: str):
    return render_template("check.html", fr=request.form.get("fr", ""),
                           en=request.form.get("en", ""), error=message, choice=choice,
                           pairs_alone=request.form.get("pairs_alone") == "1"), 400


@bp.get("/check/<result_id>")
def show(result_id: str):
    data = results.load("check", result_id)
    source = data.get("source", "fr")
    fr, en = data.get("texts") or ("", "")
    report = report_in(data, g.ui_lang, result_id)
    detected = data.get("detected")
    return render_template(
        "check_result.html", report=report, result_id=result_id, fr=fr, en=en,
        source=source, choice=data.get("choice", source), error=None,
        pairs_alone=data.get("pairs_alone", False),
        aligned=data.get("aligned"), rows=annotate(report, numbered_pairs(data), source),
        detected=check_direction.WHY.get(detected, detected) if detected else None,
    )


@bp.get("/check/<result_id>.<fmt>")
def download(result_id: str, fmt: str):
    from checks import report as report_formats

    if fmt not in ("html", "csv", "json"):
        abort(404)
    data = results.load("check", result_id)
    report = report_in(data, g.ui_lang, result_id)
    text = report_formats.render(report, fmt, pairs=numbered_pairs(data), lang=g.ui_lang)
    return results.attachment(text, f"termalign-check-{result_id[:8]}.{fmt}")


