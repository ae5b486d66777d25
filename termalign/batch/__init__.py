"""Corpus scale: align thousands of document pairs on local processes or a Dask cluster.

- :mod:`.pairing`: which French file goes with which English file (by name or a manifest);
- :mod:`.pipeline`: one pair → one :class:`~aligner.formats.model.Alignment`;
- :mod:`.tasks`: the worker function (align, write the TMX, report; never raises);
- :mod:`.backends`: a process pool or ``dask.distributed``;
- :mod:`.runner`: the bounded, resumable loop; :mod:`.summary`: journal and summary;
- :mod:`.merge`: one streamed TMX for the whole corpus.
"""

from termalign.batch.errors import CorpusError
from termalign.batch.pairing import DocumentPair, Pairing, pair_by_name, read_manifest
from termalign.batch.pipeline import align_document_pair
from termalign.batch.runner import run_corpus

__all__ = [
    "CorpusError",
    "DocumentPair",
    "Pairing",
    "align_document_pair",
    "pair_by_name",
    "read_manifest",
    "run_corpus",
]
