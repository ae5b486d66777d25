"""OmegaT, a real consumer, loads termalign's TMX and TBX v2 (and translate-toolkit's, as a peer).

- TMX: the UDHR (``seeds/udhr``) is aligned by termalign; its 1-1 beads go into an OmegaT
  project (French source, English target) twice, once as termalign's TMX and once as the same
  pairs written by translate-toolkit's ``tmxfile``, in ``tm/auto/``. ``omegat
  --mode=console-translate`` then fills the target document with the exact matches: we count
  the French paragraphs that come out with their English.
- TBX: the default termbase is built from the seeds and exported as ``--for-cat-tools`` TBX v2,
  as plain TBX v2, and as translate-toolkit's ``tbxfile`` of the same first term pairs. Each is
  read by OmegaT's own glossary reader (``GlossaryReaderTBX``, through
  ``benchmarks/omegat/ReadTbx.java``, with a fr→en project): entries read, entries whose
  English is a deprecated or superseded term (OmegaT ignores statuses, so it would offer
  them as normal hits), and entries whose comment shows termalign's own notes.

Needs the Debian package ``omegat`` (and a JDK for the small Java reader). Writes the
"interop-omegat" section of BENCHMARKS.md.

    python benchmarks/omegat_check.py [--units 80] [--no-write]
"""

from __future__ import annotations

import argparse
import glob
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.report import table, write_section  # noqa: E402

OMEGAT_JAR = Path("/usr/share/omegat/OmegaT.jar")
PROJECT = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<omegat><project version="1.0"><source_dir>source</source_dir><source_dir_excludes/>
<target_dir>target</target_dir><tm_dir>tm</tm_dir><glossary_dir>glossary</glossary_dir>
<glossary_file>glossary/glossary.txt</glossary_file><dictionary_dir>dictionary</dictionary_dir>
<source_lang>fr</source_lang><target_lang>en</target_lang>
<source_tok>org.omegat.tokenizer.LuceneFrenchTokenizer</source_tok>
<target_tok>org.omegat.tokenizer.LuceneEnglishTokenizer</target_tok>
<sentence_seg>false</sentence_seg><support_default_translations>true</support_default_translations>
<remove_tags>false</remove_tags></project></omegat>
"""


def _project(folder: Path) -> Path:
    for sub in ("source", "target", "tm/auto", "glossary", "omegat", "dictionary"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    (folder / "omegat.project").write_text(PROJECT, encoding="utf-8")
    return folder


def _pairs(limit: int) -> list[tuple[str, str]]:
    from aligner.pipeline import align_sentences, read_sentences

    fr, fr_paras = read_sentences(ROOT / "seeds/udhr/udhr_fra.txt", "fr")
    en, en_paras = read_sentences(ROOT / "seeds/udhr/udhr_eng.txt", "en")
    units = align_sentences(fr, en, fr_paras, en_paras).alignment.units
    pairs, seen = [], set()
    for unit in units:
        if len(unit.fr_ids) == 1 and len(unit.en_ids) == 1 and not unit.low and unit.fr not in seen:
            seen.add(unit.fr)
            pairs.append((unit.fr, unit.en))
    return pairs[:limit]


def _tmx_termalign(pairs, path: Path) -> None:
    from aligner.formats import Alignment, Unit, tmx

    units = [Unit(f, e, 1.0, False, (i,), (i,)) for i, (f, e) in enumerate(pairs)]
    tmx.dump(Alignment(units, "udhr_fra.txt", "udhr_eng.txt"), path)


def _tmx_ttk(pairs, path: Path) -> None:
    from translate.storage.tmx import tmxfile

    store = tmxfile(sourcelanguage="fr", targetlanguage="en")
    for fr, en in pairs:
        store.addtranslation(fr, "fr", en, "en")
    path.write_bytes(bytes(store))


def _omegat_tm(pairs, writer, folder: Path) -> tuple[int, float]:
    project = _project(folder)
    writer(pairs, project / "tm/auto/memory.tmx")
    (project / "source/doc.txt").write_text("\n\n".join(f for f, _e in pairs) + "\n",
                                            encoding="utf-8")
    start = time.perf_counter()
    subprocess.run(["omegat", str(project), "--mode=console-translate"], check=True,
                   capture_output=True, timeout=600)
    seconds = time.perf_counter() - start
    out = (project / "target/doc.txt").read_text(encoding="utf-8").split("\n\n")
    found = sum(1 for (_f, e), got in zip(pairs, out, strict=False) if got.strip() == e)
    return found, seconds


def _read_tbx(path: Path, project: Path) -> list[tuple[str, str, str]]:
    classpath = ":".join([str(OMEGAT_JAR), *sorted(glob.glob("/usr/share/omegat/lib/*.jar"))])
    result = subprocess.run(
        ["java", "-cp", classpath, str(ROOT / "benchmarks/omegat/ReadTbx.java"), str(path),
         str(project), "fr", "en"], check=True, capture_output=True, text=True, timeout=600)
    rows = []
    for line in result.stdout.splitlines():
        src, loc, comment = (line.split("\t") + ["", ""])[:3]
        rows.append((src, loc, comment))
    return rows


def _tbx_ttk(concepts, path: Path) -> None:
    from translate.storage.tbx import tbxfile

    store = tbxfile(sourcelanguage="fr", targetlanguage="en")
    for concept in concepts:
        fr, en = concept.terms_in("fr"), concept.terms_in("en")
        if fr and en:
            unit = store.addsourceunit(fr[0].text)
            unit.target = en[0].text
    path.write_bytes(bytes(store))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--units", type=int, default=80)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    if shutil.which("omegat") is None or not OMEGAT_JAR.exists():
        sys.exit("omegat_check: OmegaT is not installed (apt-get install -y omegat)")
    from termbase import tbx
    from termbase.store import Termbase

    work = Path(tempfile.mkdtemp(prefix="omegat-check-"))
    try:
        pairs = _pairs(args.units)
        tm_rows = []
        for name, writer in (("termalign TMX", _tmx_termalign), ("translate-toolkit TMX", _tmx_ttk)):
            found, seconds = _omegat_tm(pairs, writer, work / name.replace(" ", "-"))
            tm_rows.append([name, len(pairs), found, f"{found / len(pairs):.3f}", f"{seconds:.1f}"])
        db = work / "tb.sqlite3"
        subprocess.run([sys.executable, "-m", "termalign", "build", "--db", str(db), "--quiet"],
                       check=True, timeout=1200, cwd=ROOT)
        with Termbase.open(db) as tb:
            concepts = list(tb.iter_concepts())
        avoid = {t.text for c in concepts for t in c.terms_in("en")
                 if t.status in ("deprecated", "superseded")}
        usable = {t.text for c in concepts for t in c.terms_in("en")
                  if t.status not in ("deprecated", "superseded")}
        files = {"termalign --for-cat-tools": work / "cat.tbx",
                 "termalign TBX v2": work / "v2.tbx", "translate-toolkit tbxfile": work / "ttk.tbx"}
        written = {
            "termalign --for-cat-tools": tbx.dump(concepts, files["termalign --for-cat-tools"],
                                                  for_cat_tools=True),
            "termalign TBX v2": tbx.dump(concepts, files["termalign TBX v2"], version=2),
        }
        _tbx_ttk(concepts, files["translate-toolkit tbxfile"])
        written["translate-toolkit tbxfile"] = sum(
            1 for c in concepts if c.terms_in("fr") and c.terms_in("en"))
        project = _project(work / "glossary-project")
        tbx_rows = []
        for name, path in files.items():
            rows = _read_tbx(path, project)
            bad = sum(1 for _s, loc, _c in rows if loc in avoid and loc not in usable)
            raw = sum(1 for _s, _l, comment in rows if "termalign" in comment)
            tbx_rows.append([name, written[name], len(rows), bad, raw])
    finally:
        shutil.rmtree(work, ignore_errors=True)
    body = (
        "OmegaT 3.6 (Debian package, console mode) fills a French document with the exact "
        "matches of a TMX in `tm/auto/`:\n\n"
        + table(["memory", "paragraphs", "filled by OmegaT", "share", "OmegaT run (s)"], tm_rows)
        + "\n\nOmegaT's own TBX reader (GlossaryReaderTBX, fr→en project) on the default "
        "termbase:\n\n"
        + table(["file", "concepts written", "entries OmegaT reads",
                 "entries whose English is deprecated/superseded", "entries showing termalign notes"],
                tbx_rows)
        + "\n\nThe paragraphs are the UDHR's confident 1-1 beads (seeds/udhr), one per "
        "paragraph with OmegaT's sentence segmentation off; translate-toolkit writes the same "
        "pairs. translate-toolkit's TBX holds one French and one English term per concept "
        "(its tbxfile has no statuses), so its deprecated count is what a tool that ignores "
        "statuses offers.\n"
    )
    print(body)
    if not args.no_write:
        write_section("interop-omegat", "Interop: OmegaT loads termalign's TMX and TBX", body)


if __name__ == "__main__":
    main()
