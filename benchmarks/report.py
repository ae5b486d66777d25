"""Write one benchmark's results into its own section of BENCHMARKS.md.

Each benchmark script owns a section delimited by ``<!-- begin:NAME -->`` and
``<!-- end:NAME -->``; rerunning the script replaces its section and leaves the others alone.
The section records the machine and the exact command that produced it.
"""

from __future__ import annotations

import datetime as _dt
import os
import platform
import re
import sys
from pathlib import Path

from ioguard.atomic import write_text

ROOT = Path(__file__).resolve().parent.parent
BENCHMARKS_MD = ROOT / "BENCHMARKS.md"
SHARED = ROOT.parent / "shared"
_LOAD_AT_START = os.getloadavg()[0]  # the benchmark imports this module when it starts

_PREAMBLE = """# Benchmarks

Every section below is written by a script in `benchmarks/`; the command that regenerates it
is given with the machine it ran on. Peer tools are measured in the same run, on the same
inputs, and compared as ratios, because these machines are noisy.
"""


def machine() -> str:
    """A one-line description of this machine."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return (
        f"{cpu}, {os.cpu_count()} cores{mem}; Python {platform.python_version()} "
        f"on {platform.system()} {platform.release()}"
    )


def command() -> str:
    """The command line that is running, as a user would type it."""
    script = os.path.relpath(sys.argv[0], ROOT) if sys.argv else "?"
    return " ".join(["python", script, *sys.argv[1:]])


def write_section(name: str, title: str, body: str, cmd: str | None = None) -> Path:
    """Replace (or append) the section ``name`` of BENCHMARKS.md, atomically."""
    stamp = _dt.date.today().isoformat()
    section = (
        f"<!-- begin:{name} -->\n## {title}\n\n"
        f"Command: `{cmd or command()}`  \n"
        f"Machine: {machine()}  \n"
        f"Load average (1 min): {_LOAD_AT_START:.1f} at start, {os.getloadavg()[0]:.1f} at end  \n"
        f"Date: {stamp}\n\n{body.rstrip()}\n<!-- end:{name} -->\n"
    )
    text = BENCHMARKS_MD.read_text(encoding="utf-8") if BENCHMARKS_MD.exists() else _PREAMBLE
    pattern = re.compile(
        rf"<!-- begin:{re.escape(name)} -->.*?<!-- end:{re.escape(name)} -->\n?", re.S
    )
    if pattern.search(text):
        text = pattern.sub(lambda _m: section, text)
    else:
        text = text.rstrip() + "\n\n" + section
    write_text(BENCHMARKS_MD, text)
    return BENCHMARKS_MD


def table(header: list[str], rows: list[list[object]]) -> str:
    """A Markdown table."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)
