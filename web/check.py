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
from web.cache import checker
from web.highlight import highlight

bp = Blueprint("check", __name__)


class InputProblem(ValueError):
    """The submitted texts or files cannot be turned into segment pairs."""


def segments_from_text(fr: str, en: str) -> list:
    """Segments from two pasted texts (one segment per line), or TSV pasted as ``fr``.

    >>> [(s.number, s.fr, s.en) for s in segments_from_text("Un.\\nDeux.", "One.\\nTwo.\\n")]
    [(1, 'Un.', 'One.'), (2, 'Deux.', 'Two.')]
    >>> [(s.number, s.en) for s in segments_from_text("Un.\\tOne.\\n\\nDeux.\\tTwo.", "")]
    [(1, 'One.'), (3, 'Two.')]
    """
    from checks.inputs import load_tsv
    from checks.model import Segment

    if not fr.strip() and not en.strip():
        return []
    if not en.strip():
        return load_tsv(fr, "pasted text")
    fr_lines = fr.replace("\r\n", "\n").rstrip().split("\n")
    en_lines = en.replace("\r\n", "\n").rstrip().split("\n")
    if len(fr_lines) != len(en_lines):
        raise InputProblem(
            f"the French has {len(fr_lines)} lines and the English {len(en_lines)}: "
            "give one segment per line on both sides"
        )
    return [Segment(n, f.strip(), e.strip())
            for n, (f, e) in enumerate(zip(fr_lines, en_lines, strict=True), 1)
            if f.strip() or e.strip()]


def segments_from_uploads(*files) -> list:
    """Segments from uploaded files, read by ``termalign check``'s own loader.

    One file: TSV, TMX or XLIFF; two files: a French and an English document, aligned first.
    The uploads are saved under their (sanitised) names in a private temporary folder, so that
    error messages name the user's file.
    """
    from checks.inputs import load_segments

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
        return load_segments(*paths)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def collect_segments(form, files) -> list:
    """The segments of a check request (pasted texts, one TMX/TSV/XLIFF file, two documents)."""
    upload = files.get("pairs")
    if upload and upload.filename:
        return segments_from_uploads(upload)
    fr_file, en_file = files.get("fr_file"), files.get("en_file")
    if fr_file and fr_file.filename and en_file and en_file.filename:
        return segments_from_uploads(fr_file, en_file)
    return segments_from_text(form.get("fr", ""), form.get("en", ""))


def run_check(segments: list) -> dict:
    """The JSON report of ``termalign check --json`` for these segments."""
    return checker().check(segments).to_dict()


def stored(segments: list, report: dict) -> dict:
    """What is kept for the result page and the downloads."""
    return {"segments": [[s.number, s.fr, s.en] for s in segments], "report": report}


def numbered_pairs(data: dict) -> list[tuple[str, str]]:
    """Pairs indexed by segment number - 1 (gaps, such as skipped TSV lines, left empty)."""
    size = max((number for number, _fr, _en in data["segments"]), default=0)
    pairs = [("", "")] * size
    for number, fr, en in data["segments"]:
        pairs[number - 1] = (fr, en)
    return pairs


def annotate(report: dict, pairs: list[tuple[str, str]]) -> list[dict]:
    """Segments with issues, for the page: texts with the terms marked, issues grouped."""
    by_segment: dict[int, list[dict]] = {}
    for issue in report["issues"]:
        by_segment.setdefault(issue["segment"], []).append(issue)
    rows = []
    for number, issues in sorted(by_segment.items()):
        fr, en = pairs[number - 1] if 0 < number <= len(pairs) else ("", "")
        source = [i["source_term"] for i in issues]
        found = [i["found"] for i in issues]
        severities = {i["severity"] for i in issues}
        rows.append({
            "number": number, "issues": issues,
            "fr": highlight(fr, source), "en": highlight(en, found, css="found"),
            "severity": "error" if "error" in severities else "warning",
        })
    return rows


@bp.get("/check")
def form():
    return render_template("check.html", fr="", en="", error=None)


@bp.post("/check")
def submit():
    try:
        segments = collect_segments(request.form, request.files)
    except (InputProblem, AlignerError) as exc:
        return _form_error(str(exc))
    if not segments:
        return _form_error(i18n.translate("check.empty", g.ui_lang))
    report = run_check(segments)
    result_id = results.save("check", stored(segments, report))
    return redirect(url_for("check.show", result_id=result_id))


def _form_error(message: str):
    return render_template("check.html", fr=request.form.get("fr", ""),
                           en=request.form.get("en", ""), error=message), 400


@bp.get("/check/<result_id>")
def show(result_id: str):
    data = results.load("check", result_id)
    return render_template("check_result.html", report=data["report"], result_id=result_id,
                           rows=annotate(data["report"], numbered_pairs(data)))


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


