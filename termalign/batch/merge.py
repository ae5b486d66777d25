"""One TMX for the whole corpus, streamed from the per-pair TMX files.

Units are read one at a time (:func:`aligner.formats.tmx_stream.iter_tu_elements`) and copied
one at a time (``lxml.etree.xmlfile``), so memory does not grow with the corpus. Each ``<tu>``
is copied as it is (score, low-confidence flag, sentence indices, document names) and renumbered;
the file is written to a temporary name and moved into place at the end.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from lxml import etree

from aligner.formats.tmx_stream import iter_tu_elements
from ioguard.atomic import replacing


def _header(documents: int, version: str, source: str) -> etree._Element:
    header = etree.Element("header", {
        "creationtool": "termalign",
        "creationtoolversion": version,
        "segtype": "sentence",
        "o-tmf": "termalign",
        "adminlang": "en",
        "srclang": source,
        "datatype": "plaintext",
    })
    etree.SubElement(header, "prop", type="x-documents").text = str(documents)
    return header


def write_merged(tmx_files: Iterable[str | Path], target: str | Path, version: str = "0",
                 source: str = "fr") -> int:
    """Concatenate the units of ``tmx_files`` (in the order given) into ``target``.

    ``source`` is the header's ``srclang``: the pairs' common source language, or ``*all*``
    (TMX 1.4) when the pairs were translated in both directions.

    Returns the number of units written.
    """
    files = [Path(p) for p in tmx_files]
    target = Path(target)
    count = 0
    with replacing(target) as tmp, etree.xmlfile(str(tmp), encoding="UTF-8") as xf:
        xf.write_declaration()
        with xf.element("tmx", version="1.4"):
            xf.write("\n  ")
            xf.write(_header(len(files), version, source), pretty_print=False)
            xf.write("\n  ")
            with xf.element("body"):
                for path in files:
                    for tu in iter_tu_elements(path):
                        count += 1
                        tu.set("tuid", str(count))
                        tu.tail = None
                        xf.write("\n    ")
                        xf.write(tu)
                xf.write("\n  ")
            xf.write("\n")
    return count
