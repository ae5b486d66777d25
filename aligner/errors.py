"""Named exceptions of the aligner library; adapters turn them into one-line messages."""


class AlignerError(Exception):
    """Base class of every error the aligner raises on purpose."""


class InputError(AlignerError):
    """The input cannot be read as text: binary, empty, unknown encoding, broken file."""


class AlignmentError(AlignerError):
    """The two sides cannot be aligned (for example one side is empty)."""
