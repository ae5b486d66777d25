"""termbase: a concept-oriented SQLite termbase of UN official names, acronyms and terms.

A pure library: no printing, no command-line parsing, no ``sys.exit``. Errors are raised
as :class:`termbase.errors.TermbaseError` and its subclasses.
"""

from termbase.errors import TermbaseError
from termbase.model import Concept, Evidence, Term

__all__ = ["Concept", "Evidence", "Term", "TermbaseError"]
