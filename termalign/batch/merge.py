"""One TMX for the whole corpus, streamed from the per-pair TMX files.

Units are read one at a time (:func:`aligner.formats.tmx_stream.iter_units`) and written one at
a time (``lxml.etree.xmlfile``), so memory does not grow with the corpus. Each ``<tu>`` keeps
its props (score, low-confidence flag, sentence indices, document names) and is renumbered;
the file is written to a temporary name and moved into place at the end.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from lxml import etree

from aligner.formats.tmx_stream import XML_LANG, iter_units


def _header(documents: int, version: str) -> etree._Element:
    header = etree.Element("header", {
        "creationtool": "termalign",
        "creationtoolversion": version,
        "segtype": "sentence",
        "o-tmf": "termalign",
        "adminlang": "en",
        "srclang": "fr",
        "datatype": "plaintext",
    })
    etree.SubElement(header, "prop", type="x-documents").text = str(documents)
    return header


def _tu(number: int, props: dict[str, str], fr: str, en: str) -> etree._Element:
    tu = etree.Element("tu", tuid=str(number))
    for kind, value in props.items():
        etree.SubElement(tu, "prop", type=kind).text = value
    for lang, text in (("fr", fr), ("en", en)):
        tuv = etree.SubElement(tu, "tuv", {XML_LANG: lang})
        etree.SubElement(tuv, "seg").text = text
    return tu


def write_merged(tmx_files: Iterable[str | Path], target: str | Path, version: str = "0") -> int:
    """Concatenate the units of ``tmx_files`` (in the order given) into ``target``.

    Returns the number of units written.
    """
    files = [Path(p) for p in tmx_files]
    target = Path(target)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    count = 0
    try:
        with os.fdopen(fd, "wb") as handle, etree.xmlfile(handle, encoding="UTF-8") as xf:
            xf.write_declaration()
            with xf.element("tmx", version="1.4"):
                xf.write("\n  ")
                xf.write(_header(len(files), version), pretty_print=False)
                xf.write("\n  ")
                with xf.element("body"):
                    for path in files:
                        for found in iter_units(path):
                            count += 1
                            unit = found.unit
                            xf.write("\n    ")
                            xf.write(_tu(count, found.props, unit.fr, unit.en))
                    xf.write("\n  ")
                xf.write("\n")
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return count
