"""TBX-Basic import and export: ``load``/``iter_load`` (v3 and v2) and ``dump`` (v3 DCA or v2).

>>> import tempfile, os
>>> from termbase.model import Concept, Term
>>> c = Concept(kind="title", curated=True, id=1,
...             terms=[Term("fr", "Organisation du Traité de sécurité collective"),
...                    Term("en", "CSTO", "acronym")])
>>> with tempfile.TemporaryDirectory() as d:
...     dump([c], os.path.join(d, "x.tbx"))
...     back = load(os.path.join(d, "x.tbx"))
1
>>> [(t.lang, t.text, t.type) for t in back[0].terms], back[0].kind, back[0].curated
([('fr', 'Organisation du Traité de sécurité collective', 'fullForm'), ('en', 'CSTO', 'acronym')], 'title', True)
"""

from termbase.tbx.read import iter_load, load
from termbase.tbx.write import NS_V3, dump

__all__ = ["NS_V3", "dump", "iter_load", "load"]
