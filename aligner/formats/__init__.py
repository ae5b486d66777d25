"""Alignment file formats: TMX 1.4b, TSV, JSON and vecalign beads.

Each module has plain ``load(path)`` and ``dump(alignment, path)`` functions over the small
dataclasses of :mod:`aligner.formats.model`; files are written atomically.
"""

from aligner.formats.model import Alignment, Unit

__all__ = ["Alignment", "Unit"]
