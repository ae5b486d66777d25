"""Inline codes of TMX and XLIFF segments: the format layer's :mod:`aligner.formats.inline`,
re-exported for the checks (``Code``, ``Flat``, ``flatten``, ``with_codes``)."""

from aligner.formats.inline import OPAQUE, WRAPPING, Code, Flat, flatten, with_codes

__all__ = ["OPAQUE", "WRAPPING", "Code", "Flat", "flatten", "with_codes"]
