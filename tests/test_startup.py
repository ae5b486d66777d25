"""Start-up cost of the ``termalign`` command (issue 16): each command imports only what it
needs. Subcommands are imported lazily, heavy libraries inside the functions that use them,
and the Punkt parameters (nltk) on the first segmentation."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner
from webdata import build_termbase

from termalign.cli import COMMANDS, cli

#: Top-level modules a lookup, --help or --version has no use for.
HEAVY = ("nltk", "numpy", "sqlite_utils", "flask", "werkzeug", "jinja2", "waitress", "lxml",
         "pypdf", "ahocorasick", "charset_normalizer", "dask", "regex", "multiprocessing",
         "rapidfuzz", "aligner", "ioguard", "checks", "web", "csv", "zipfile",
         "tempfile", "tqdm", "spacy")
#: Everything a lookup imports beyond what ``--version`` (click) and sqlite3 import.
LOOKUP_NEEDS = {"termbase", "seeds", "json", "_json", "dataclasses", "copy", "heapq", "_heapq",
                "unicodedata"}

_PROBE = """
import json, sys
from termalign.cli import main
try:
    main()
except SystemExit:
    pass
sys.stdout.flush()
print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})), file=sys.stderr)
"""


def imported(args: list[str], probe: str = _PROBE) -> set[str]:
    """The top-level modules a ``termalign ARGS`` process has imported when it ends."""
    result = subprocess.run([sys.executable, "-c", probe, *args], capture_output=True,
                            text=True, timeout=120)
    return set(json.loads(result.stderr.strip().splitlines()[-1]))


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory):
    return build_termbase(tmp_path_factory.mktemp("startup") / "tb.sqlite3")


def test_lookup_imports_only_what_it_needs(seeds_db):
    modules = imported(["lookup", "--db", str(seeds_db), "OTSC"])
    assert {"termbase", "sqlite3", "click"} <= modules  # it did look up
    assert not modules & set(HEAVY), sorted(modules & set(HEAVY))
    bare = imported([], "import json, sys, sqlite3\nprint(json.dumps(sorted({m.split('.')[0] "
                        "for m in sys.modules if m != 'json'})), file=sys.stderr)")
    extra = modules - imported(["--version"]) - bare
    assert extra <= LOOKUP_NEEDS, sorted(extra - LOOKUP_NEEDS)


def test_fuzzy_scoring_loads_rapidfuzz_on_first_use(seeds_db):
    """A typo goes down to the fuzzy stage, which imports rapidfuzz; nothing else heavy."""
    modules = imported(["lookup", "--db", str(seeds_db), "Organisaton du Traite de securite"])
    assert "rapidfuzz" in modules
    assert not modules & (set(HEAVY) - {"rapidfuzz"})


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["lookup", "--help"]])
def test_help_and_version_import_nothing_heavy(args):
    modules = imported(args)
    assert not modules & set(HEAVY), sorted(modules & set(HEAVY))
    if args != ["lookup", "--help"]:
        assert "aligner" not in modules and "termbase" not in modules


def test_segmentation_loads_punkt_on_first_use():
    code = ("import sys\nimport aligner.segment as s\nbefore = 'nltk' in sys.modules\n"
            "s.sentences('Il dit. Elle part.', 'fr')\nprint(before, 'nltk' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=120).stdout.split()
    assert out == ["False", "True"]


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_the_listed_help_is_the_commands_own(name):
    command = cli.get_command(None, name)
    assert command is not None and command.name == name
    assert COMMANDS[name][2] == command.get_short_help_str(1000)


def test_help_lists_every_command_and_unknown_commands_fail():
    runner = CliRunner()
    result = runner.invoke(cli, ["--help"])
    assert result.exit_code == 0
    for name in COMMANDS:
        assert f"  {name} " in result.output
    result = runner.invoke(cli, ["no-such-command"])
    assert result.exit_code == 2 and "No such command" in result.output


def test_the_web_app_loads_the_fuzzy_scorer_when_it_starts(seeds_db):
    """Its first fuzzy lookup then does not pay for the import (the command line does)."""
    code = ("import sys\nfrom web import create_app\nbefore = 'rapidfuzz' in sys.modules\n"
            f"create_app({{'TERMALIGN_DB': {str(seeds_db)!r}}})\n"
            "print(before, 'rapidfuzz' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=120).stdout.split()
    assert out == ["False", "True"]
