"""Export of the whole termbase (TBX v3 or v2, CSV) and the download helper for TBX."""

from __future__ import annotations

import tempfile
from pathlib import Path

from flask import Blueprint, abort, current_app, render_template, request, send_file

from web.db import get_tb

bp = Blueprint("export", __name__)


def send_dumped(write, filename: str, mimetype: str):
    """Run ``write(path)`` into a temporary file and send it (the file is removed at once).

    The library writers write files atomically (into a private temporary folder here); the
    open handle keeps the data readable after the folder is removed, so nothing is left behind
    in the results folder.
    """
    folder = current_app.config["RESULTS_DIR"]
    with tempfile.TemporaryDirectory(dir=folder, prefix=".export-") as private:
        path = Path(private) / f"export{Path(filename).suffix}"
        write(path)
        handle = open(path, "rb")  # noqa: SIM115 (closed by the response)
    return send_file(handle, mimetype=mimetype, as_attachment=True, download_name=filename)


def tbx_version(value: str | None) -> int:
    """The TBX version asked for (``3`` by default)."""
    if value in (None, "", "3", "v3"):
        return 3
    if value in ("2", "v2"):
        return 2
    abort(400, description=f"unknown TBX version {value!r} (expected 3 or 2)")


def send_termbase_tbx(version: int):
    from termbase import tbx

    tb = get_tb()
    return send_dumped(lambda path: tbx.dump(tb.iter_concepts(), path, version=version),
                       f"termalign-v{version}.tbx", "application/x-tbx+xml")


@bp.get("/export")
def page():
    return render_template("export.html", count=get_tb().count())


@bp.get("/export/termbase.tbx")
def termbase_tbx():
    return send_termbase_tbx(tbx_version(request.args.get("version")))


@bp.get("/export/termbase.csv")
def termbase_csv():
    from termbase import csvfmt

    tb = get_tb()
    return send_dumped(lambda path: csvfmt.dump(tb.iter_concepts(), path),
                       "termalign.csv", "text/csv")
