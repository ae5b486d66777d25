"""Export of the whole termbase (TBX v3 or v2, CSV), the download helper for TBX, and the
entity tags of the termbase's pages and downloads.

Exports and entries carry an ``ETag`` made of the termbase's data version (changed by every
write, by any process) and what else the response depends on; a request whose
``If-None-Match`` names it gets ``304 Not Modified`` before anything is read or written.
"""

from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path

from flask import Blueprint, Response, abort, current_app, render_template, request, send_file

from web.db import get_tb

bp = Blueprint("export", __name__)


def etag_of(*parts) -> str:
    """The entity tag of a response that depends on ``parts`` (termbase, version, ...).

    >>> etag_of(3, "entry", 1) == etag_of(3, "entry", 1) != etag_of(4, "entry", 1)
    True
    """
    text = "\x1f".join(str(p) for p in parts)
    return hashlib.blake2b(text.encode(), digest_size=12).hexdigest()


def not_modified(*parts) -> tuple[str, Response | None]:
    """``(etag, 304 response)`` when the client already has this version, else ``(etag, None)``.

    ``parts`` are added to the termbase's data version.
    """
    etag = etag_of(current_app.config["TERMALIGN_DB"], get_tb().data_version(), *parts)
    if etag in request.if_none_match:
        response = Response(status=304)
        return etag, tagged(response, etag)
    return etag, None


def tagged(response: Response, etag: str) -> Response:
    """The response with its ETag, to be revalidated on every use."""
    response.set_etag(etag)
    response.headers["Cache-Control"] = "private, no-cache"
    return response


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

    etag, unchanged = not_modified("termbase.tbx", version)
    if unchanged is not None:
        return unchanged
    tb = get_tb()
    return tagged(send_dumped(lambda path: tbx.dump(tb.iter_concepts(), path, version=version),
                              f"termalign-v{version}.tbx", "application/x-tbx+xml"), etag)


@bp.get("/export")
def page():
    return render_template("export.html", count=get_tb().count())


@bp.get("/export/termbase.tbx")
def termbase_tbx():
    return send_termbase_tbx(tbx_version(request.args.get("version")))


@bp.get("/export/termbase.csv")
def termbase_csv():
    from termbase import csvfmt

    etag, unchanged = not_modified("termbase.csv")
    if unchanged is not None:
        return unchanged
    tb = get_tb()
    return tagged(send_dumped(lambda path: csvfmt.dump(tb.iter_concepts(), path),
                              "termalign.csv", "text/csv"), etag)
