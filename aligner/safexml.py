"""The one way the aligner (and the checks) parse XML: TMX, XLIFF and ``.docx`` parts.

The policy is :mod:`ioguard.xmlparse`'s (no entity expansion, no DTD, no network, no huge trees;
a DOCTYPE declaring entities is refused); here every error is a :class:`aligner.errors.InputError`.

>>> parse_bytes(b"<tmx><body/></tmx>", "a.tmx").tag
'tmx'
>>> parse_bytes(b'<!DOCTYPE r [<!ENTITY a "x">]><r>&a;</r>', "a.xml")
Traceback (most recent call last):
aligner.errors.InputError: a.xml: refusing XML whose DOCTYPE declares entities (a)
"""

from __future__ import annotations

from functools import partial

from aligner.errors import InputError
from ioguard import xmlparse

SAFE_OPTIONS = xmlparse.SAFE_OPTIONS
parser = xmlparse.parser
check_doctype = partial(xmlparse.check_doctype, error=InputError)
parse_bytes = partial(xmlparse.parse_bytes, error=InputError)
parse_file = partial(xmlparse.parse_file, error=InputError)
iterparse = partial(xmlparse.iterparse, error=InputError)
