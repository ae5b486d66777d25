"""benchmarks/compiled_mypyc.patch, what mypyc needed to compile the checker for
benchmarks/bench_compiled.py, still applies to checks/ and changes no report (it changes
annotations and comments only), so that the benchmark compares the same checks."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.bench_compiled import HOT, PATCH

ROOT = Path(__file__).resolve().parent.parent

#: The reports of the first UNPC devset pairs, and of their French with the next pair's
#: English (the names and numbers then differ), as one document, both ways, both languages.
_REPORTS = """
import json
from checks import Checker, Segment
from termalign.building import seed_curated

def lines(lang):
    with open(f"seeds/unpc/UNv1.0.devset.{lang}", encoding="utf-8") as handle:
        return [next(handle).strip() for _ in range(120)]

fr, en = lines("fr"), lines("en")
pairs = [Segment(n, f, e) for n, (f, e) in enumerate(zip(fr + fr, en + en[1:]), 1)]
checker = Checker(seed_curated())
print(json.dumps([checker.check(pairs, source=s, lang=l, isolated=alone).to_dict()
                  for s in ("fr", "en") for l in ("en", "fr") for alone in (False, True)]))
"""


@pytest.fixture(scope="module")
def patched(tmp_path_factory) -> Path:
    tree = tmp_path_factory.mktemp("patched")
    shutil.copytree(ROOT / "checks", tree / "checks",
                    ignore=shutil.ignore_patterns("__pycache__"))
    applied = subprocess.run(["git", "apply", "-p1", str(PATCH)], cwd=tree,
                             capture_output=True, text=True)
    if applied.returncode:
        pytest.fail("benchmarks/compiled_mypyc.patch no longer applies to checks/ (refresh "
                    "its hunks for the edited modules): " + applied.stderr.strip())
    return tree


def reports(first_on_path: Path) -> list[dict]:
    done = subprocess.run([sys.executable, "-c", _REPORTS], cwd=ROOT, capture_output=True,
                          text=True, check=True,
                          env={"PYTHONPATH": f"{first_on_path}:{ROOT}", "PATH": ""})
    return json.loads(done.stdout)


def test_the_patch_touches_only_the_compiled_modules():
    touched = re.findall(r"^\+\+\+ b/checks/(\w+)\.py", PATCH.read_text(), re.M)
    assert touched and set(touched) <= set(HOT)


def test_the_patched_checks_give_the_same_reports(patched):
    before, after = reports(ROOT), reports(patched)
    kinds = {i["kind"] for r in before for i in r["issues"]}
    assert {"missing-title", "number", "typography"} <= kinds  # real issues are compared
    assert after == before


def test_every_compiled_module_is_one_of_checks():
    assert [name for name in HOT if not (ROOT / "checks" / f"{name}.py").is_file()] == []
