"""ioguard: the file-handling policy shared by termalign's libraries.

A tiny library at the bottom of the stack, so that ``aligner`` and ``termbase`` (which must
not import each other) and the application share one implementation of:

- :mod:`ioguard.xmlparse`: parsing XML (TMX, XLIFF, TBX, ``.docx``) with no entity
  expansion, no DTD and no network;
- :mod:`ioguard.atomic`: writing files atomically (a temporary file in the same folder,
  then a rename), so that a crash never leaves a half-written file.
"""
