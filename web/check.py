"""The check page: paste or upload a translation, see the issues in the text, download them.

The checks are :mod:`checks` (the same ``Checker`` and report writers as
``termalign check``). A report is kept server-side under a random id so that the page and
its downloads (HTML, CSV, JSON) show the same result.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from flask import (
    Blueprint,
    Response,
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
from web import i18n, results
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
    the termbase's (fr, en) anchor pairs); the second value then says how many lines each
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
        raise InputProblem("the French text is empty")
    if len(fr_lines) == len(en_lines):
        pairs = enumerate(zip(fr_lines, en_lines, strict=True), 1)
        return [Segment(n, f, e) for n, (f, e) in pairs], None
    from aligner.pipeline import align_sentences

    units = align_sentences(fr_lines, en_lines, terms=terms).alignment.units
    pairs = [u for u in units if u.fr_ids and u.en_ids]
    unpaired = sum(len(u.fr_ids) + len(u.en_ids) for u in units if not (u.fr_ids and u.en_ids))
    aligned = {"fr": len(fr_lines), "en": len(en_lines), "unpaired": unpaired}
    return [Segment(n, u.fr, u.en) for n, u in enumerate(pairs, 1)], aligned


def segments_from_uploads(*files):
    """The :class:`checks.inputs.Loaded` input of uploaded files, read by ``termalign
    check``'s own loader (segments, and the units not translated).

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
        return load_input(*paths)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def collect_segments(form, files) -> tuple[list, dict | None, list | None]:
    """The segments of a check request (pasted texts, one TMX/TSV/XLIFF file, two documents),
    how pasted texts of different lengths were aligned (else None), and the units of a TMX or
    XLIFF file that are not translated (``{"segment", "id", "reason"}``; else None)."""
    upload = files.get("pairs")
    if upload and upload.filename:
        loaded = segments_from_uploads(upload)
        untranslated = [u.to_dict() for u in loaded.untranslated] if loaded.source_lang else None
        return loaded.segments, None, untranslated
    fr_file, en_file = files.get("fr_file"), files.get("en_file")
    if fr_file and fr_file.filename and en_file and en_file.filename:
        return segments_from_uploads(fr_file, en_file).segments, None, None
    return (*segments_from_text(form.get("fr", ""), form.get("en", ""), anchor_terms()), None)


def run_check(segments: list, source: str = "fr", untranslated: list | None = None) -> dict:
    """The JSON report of ``termalign check --json`` for these segments (``untranslated``:
    the units of the input that were not checked, see :func:`collect_segments`)."""
    report = checker().check(segments, **source_options(source))
    report.untranslated = untranslated
    return report.to_dict()


def stored(segments: list, report: dict, source: str = "fr", texts=("", ""),
           aligned: dict | None = None) -> dict:
    """What is kept for the result page and the downloads (and the form, to check again)."""
    if not any(texts):  # uploads: the form gets their segments, one per line
        texts = ("\n".join(s.fr for s in segments), "\n".join(s.en for s in segments))
    return {"segments": [[s.number, s.fr, s.en] for s in segments], "report": report,
            "source": source, "texts": list(texts), "aligned": aligned}


def numbered_pairs(data: dict) -> list[tuple[str, str]]:
    """Pairs indexed by segment number - 1 (gaps, such as skipped TSV lines, left empty)."""
    size = max((number for number, _fr, _en in data["segments"]), default=0)
    pairs = [("", "")] * size
    for number, fr, en in data["segments"]:
        pairs[number - 1] = (fr, en)
    return pairs


def describe(issue: dict, lang: str) -> str:
    """The issue in the interface's language, from its fields (the library's message when
    the kind has no translation)."""
    key = f"issue.{issue['kind']}"
    if key not in i18n.MESSAGES:
        return issue["message"]
    return i18n.translate(key, lang, term=issue["source_term"] or issue["found"],
                          found=issue["found"] or issue["source_term"])


def annotate(report: dict, pairs: list[tuple[str, str]], source: str = "fr",
             lang: str = "en") -> list[dict]:
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
            "issues": [dict(i, text=describe(i, lang)) for i in issues],
            "fr": highlight(fr, fr_marks, css="" if source == "fr" else "found"),
            "en": highlight(en, en_marks, css="found" if source == "fr" else ""),
            "severity": "error" if "error" in severities else "warning",
        })
    return rows


@bp.get("/check")
def form():
    return render_template("check.html", fr="", en="", error=None, source=chosen_source())


@bp.post("/check")
def submit():
    source = chosen_source(request.form.get("source"))
    try:
        segments, aligned, untranslated = collect_segments(request.form, request.files)
    except (InputProblem, AlignerError) as exc:
        return _form_error(str(exc), source)
    if not segments:
        return _form_error(i18n.translate("check.empty", g.ui_lang), source)
    report = run_check(segments, source, untranslated)
    texts = (request.form.get("fr", ""), request.form.get("en", ""))
    if request.files.get("pairs") or request.files.get("fr_file"):
        texts = ("", "")
    result_id = results.save("check", stored(segments, report, source, texts, aligned))
    return remember_source(redirect(url_for("check.show", result_id=result_id)), source)


def _form_error(message: str, source: str):
    return render_template("check.html", fr=request.form.get("fr", ""),
                           en=request.form.get("en", ""), error=message, source=source), 400


@bp.get("/check/<result_id>")
def show(result_id: str):
    data = results.load("check", result_id)
    source = data.get("source", "fr")
    fr, en = data.get("texts") or ("", "")
    return render_template(
        "check_result.html", report=data["report"], result_id=result_id, fr=fr, en=en,
        source=source, error=None, aligned=data.get("aligned"),
        rows=annotate(data["report"], numbered_pairs(data), source, g.ui_lang),
    )


@bp.get("/check/<result_id>.<fmt>")
def download(result_id: str, fmt: str):
    from checks import report as report_formats

    if fmt not in ("html", "csv", "json"):
        abort(404)
    data = results.load("check", result_id)
    text = report_formats.render(data["report"], fmt, pairs=numbered_pairs(data))
    mimetype = {"html": "text/html", "csv": "text/csv", "json": "application/json"}[fmt]
    name = f"termalign-check-{result_id[:8]}.{fmt}"
    return Response(text, mimetype=mimetype + "; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


