"""The error a corpus run raises for a problem with the run itself (not with one pair)."""

from aligner.errors import AlignerError


class CorpusError(AlignerError):
    """No pairs, a bad manifest, an unreachable scheduler, a broken worker pool."""
