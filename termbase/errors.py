"""Named exceptions of the termbase library; adapters turn them into one-line messages."""


class TermbaseError(Exception):
    """Base class of every error the termbase raises on purpose."""


class FormatError(TermbaseError):
    """A TBX, CSV or data file cannot be read: malformed, unsafe or of an unknown version."""


class NotFoundError(TermbaseError):
    """The requested concept or term does not exist."""
