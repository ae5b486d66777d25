"""The one way the termbase parses XML (TBX v2 and v3 imports).

The policy is :mod:`ioguard.xmlparse`'s (no entity expansion, no DTD, no network, no huge trees;
a DOCTYPE declaring entities is refused); here every error is a :class:`termbase.errors.FormatError`.

>>> parse_bytes(b"<tbx><body/></tbx>", "a.tbx").tag
'tbx'
>>> parse_bytes(b'<!DOCTYPE r [<!ENTITY a "x">]><r>&a;</r>', "a.xml")
Traceback (most recent call last):
termbase.errors.FormatError: a.xml: refusing XML whose DOCTYPE declares entities (a)
"""

from __future__ import annotations

from functools import partial

from ioguard import xmlparse
from termbase.errors import FormatError

SAFE_OPTIONS = xmlparse.SAFE_OPTIONS
parser = xmlparse.parser
check_doctype = partial(xmlparse.check_doctype, error=FormatError)
parse_bytes = partial(xmlparse.parse_bytes, error=FormatError)
parse_file = partial(xmlparse.parse_file, error=FormatError)
iterparse = partial(xmlparse.iterparse, error=FormatError)
