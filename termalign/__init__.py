"""termalign: French-English terminology and alignment for United Nations documents.

The importable libraries are ``aligner`` (cleaning, segmentation, alignment, TMX)
and ``termbase`` (the SQLite termbase, lookup, TBX). This package holds the
application layer on top of them: the ``termalign`` command, the consistency
checks and the default locations.
"""

__version__ = "0.1.0"
