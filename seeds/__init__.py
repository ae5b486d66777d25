"""Data shipped with termalign: the seed documents and the bilingual reference data.

See ``seeds/README.md`` for what each file is, where it comes from and its terms.
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parent

#: The five French seed documents (PDF text extractions), by file name.
FRENCH_DOCUMENTS = (
    "S-2021-297.fr.txt",
    "2021-10-19-Mexique-lettre.fr.txt",
    "A-75-345-S-2020-898.fr.txt",
    "2016-10-14-Federation-de-Russie-lettre.fr.txt",
    "2003-04-25-Mexique-lettre.fr.txt",
)


def path(*parts: str) -> Path:
    """Return the path of a shipped data file, e.g. ``path("unpc", "UNv1.0.devset.fr")``."""
    return ROOT.joinpath(*parts)


def french_documents() -> list[Path]:
    """The seed documents, in a stable order."""
    return [ROOT / name for name in FRENCH_DOCUMENTS]
