"""Automatic extraction of termbase candidates from text.

- :mod:`termbase.extract.acronyms`: acronym–definition pairs in French and English running
  text (``l’Organisation du Traité de sécurité collective (OTSC)``);
- :mod:`termbase.extract.cooccur`: French–English equivalents from aligned sentence pairs, by
  co-occurrence statistics (Dice) combined with acronym–definition pairs on both sides;
- :mod:`termbase.extract.terms_fr`, :mod:`~termbase.extract.association` and
  :mod:`~termbase.extract.explain`: French term candidates, their English spans by Dice and
  competitive linking, and word-by-word explanation for the links statistics cannot make;
  :mod:`~termbase.extract.term_concepts` turns the links into concepts.

Both give :class:`termbase.model.Concept` candidates (``curated=False``) with evidence.
"""

from termbase.extract.acronyms import AcronymPair, find_definitions, find_uses
from termbase.extract.cooccur import AcronymLink, AlignedPair, align_acronyms

__all__ = [
    "AcronymLink",
    "AcronymPair",
    "AlignedPair",
    "align_acronyms",
    "find_definitions",
    "find_uses",
]
