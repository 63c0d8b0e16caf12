"""Benchmark reading a generated folder of mixed evidence against a naive floor (not a test).

    python benchmarks/extraction.py [--files 500] [--jobs N] [--repeat 3]

Generates Markdown, text, CSV, HTML, Word, Excel and PDF files in a temporary
folder, then times, side by side in the same run (medians of --repeat runs):

- ``iso20k check DIR --format json`` (reading, recognising, assessing, rendering);
- a naive single-process script that only extracts the text of every file with the
  same libraries (python-docx, openpyxl, pypdf): the floor;
- the extraction stage alone, in this process, without and with worker processes.

It prints each time, the tool's ratio to the floor, and peak memory. Figures vary
with the machine; only the ratios measured in one run mean anything.
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "src"))

from installed import compile_package  # noqa: E402

from factories import write_csv, write_docx, write_pdf, write_xlsx  # noqa: E402
from iso20k_cli.evidence.collect import collect  # noqa: E402

KINDS = ("md", "txt", "csv", "html", "docx", "xlsx", "pdf")
PARAGRAPH = (
    "Incidents are recorded, classified by impact and urgency, escalated where targets are "
    "at risk and closed with the customer's agreement. "
) * 6


NAIVE = r"""
import sys
from pathlib import Path
import docx, openpyxl, pypdf
chars = 0
for path in sorted(Path(sys.argv[1]).rglob("*")):
    kind = path.suffix.lower()
    if kind in (".md", ".txt", ".csv", ".html"):
        text = path.read_text(encoding="utf-8")
    elif kind == ".docx":
        document = docx.Document(str(path))
        text = "\n".join(p.text for p in document.paragraphs)
        for table in document.tables:
            text += "\n".join(c.text for row in table.rows for c in row.cells)
    elif kind == ".xlsx":
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        text = "\n".join(
            " ".join(str(v) for v in row if v is not None)
            for sheet in book.worksheets
            for row in sheet.iter_rows(values_only=True)
        )
        book.close()
    elif kind == ".pdf":
        text = "\n".join(page.extract_text() or "" for page in pypdf.PdfReader(path).pages)
    else:
        continue
    chars += len(text)
print(chars)
"""


def generate(root: Path, count: int) -> dict[str, int]:
    """Write ``count`` files, cycling through the formats, and return how many of each."""
    made = dict.fromkeys(KINDS, 0)
    for n in range(count):
        kind = KINDS[n % len(KINDS)]
        folder = root / f"area-{n % 20:02}"
        name = f"incident-log-{2026 - n % 3}-{n % 12 + 1:02}-{n:05}"
        path = folder / f"{name}.{kind}"
        folder.mkdir(parents=True, exist_ok=True)
        control = ["Version 1.2", "Status: Approved", "Approved by: Head of Service"]
        if kind == "md":
            path.write_text(
                f"---\ntitle: Incident log {n}\nrecord_date: 2026-09-30\n---\n"
                f"# Log\n\n{PARAGRAPH}\n",
                encoding="utf-8",
            )
        elif kind == "txt":
            path.write_text("\n".join([*control, PARAGRAPH]), encoding="utf-8")
        elif kind == "csv":
            rows = [["Number", "Opened", "Summary"]]
            rows += [[f"INC{i}", f"2026-09-{i % 28 + 1:02}", "Disk full"] for i in range(200)]
            write_csv(path, rows)
        elif kind == "html":
            body = "".join(f"<p>{line}</p>" for line in [*control, PARAGRAPH])
            path.write_text(f"<html><title>Log {n}</title><body>{body}</body></html>", "utf-8")
        elif kind == "docx":
            write_docx(path, [("Title", f"Change record {n}"), *control, PARAGRAPH])
        elif kind == "xlsx":
            rows2: list[list[object]] = [["Number", "Opened", "Summary"]]
            rows2 += [[f"REQ{i}", dt.date(2026, 10, i % 28 + 1), "Access"] for i in range(200)]
            write_xlsx(path, {"Requests": rows2})
        else:
            write_pdf(path, [[*control, PARAGRAPH[:90]] * 8] * 3, {"Title": f"Report {n}"})
        made[kind] += 1
    return made


def measure(root: Path, jobs: int | None) -> tuple[int, float]:
    start = time.perf_counter()
    evidence = collect(root, jobs=jobs)
    return len(evidence.files), time.perf_counter() - start


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def traced_peak(root: Path) -> float:
    """Peak Python heap of a single-process extraction, in MB (tracing slows it: not timed)."""
    tracemalloc.start()
    collect(root, jobs=1)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / (1024 * 1024)


def main() -> None:
    compile_package()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=500)
    parser.add_argument("--jobs", type=int, default=None, help="worker processes (default: auto)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="iso20k-bench-"))
    try:
        started = time.perf_counter()
        folder = root / "evidence"
        made = generate(folder, args.files)
        size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / (1024 * 1024)
        print(
            f"generated {args.files} files ({size:.1f} MB) "
            f"in {time.perf_counter() - started:.1f} s:"
        )
        print("  " + ", ".join(f"{k} {v}" for k, v in made.items()))
        naive = root / "naive.py"
        naive.write_text(NAIVE, encoding="utf-8")
        check = [sys.executable, "-m", "iso20k_cli", "check", str(folder)]
        commands = {
            # Every run reads the folder afresh: benchmarks/second_run.py measures the cache.
            "iso20k check": [*check, "--format", "json", "--exit-zero", "--no-cache"],
            "naive extract": [sys.executable, str(naive), str(folder)],
        }
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.repeat):
            for name, command in commands.items():
                times[name].append(timed(command))
        medians = {name: statistics.median(values) for name, values in times.items()}
        tool, floor = medians["iso20k check"], medians["naive extract"]
        print(f"median of {args.repeat} runs:")
        print(f"  iso20k check   {tool:7.2f} s  = {tool / floor:.2f}x the naive floor")
        print(f"  naive extract  {floor:7.2f} s")
        auto = f"{args.jobs} processes" if args.jobs else "processes as chosen"
        for label, jobs in (("1 process", 1), (auto, args.jobs)):
            files, elapsed = measure(folder, jobs)
            print(
                f"  extraction only, {label}: {elapsed:.2f} s = {elapsed / floor:.2f}x the floor "
                f"({files / elapsed:.0f} files/s)"
            )
        print(f"peak Python heap, single process: {traced_peak(folder):.0f} MB")
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"peak resident memory: this process {own:.0f} MB, largest child {children:.0f} MB")
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
