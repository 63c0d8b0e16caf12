"""Benchmark the extraction stage on a generated folder of mixed evidence (not a test).

    python benchmarks/extraction.py [--files 3000] [--jobs N]

Generates Markdown, text, CSV, HTML, Word, Excel and PDF files in a temporary
folder, then reads them all as `iso20k check` does and prints files per second
and peak memory, once in a single process and once with worker processes.
Figures vary with the machine; run it on an idle one and compare like with like.
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import shutil
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "src"))

from factories import write_csv, write_docx, write_pdf, write_xlsx  # noqa: E402
from iso20k_cli.evidence.collect import collect, workers_for  # noqa: E402

KINDS = ("md", "txt", "csv", "html", "docx", "xlsx", "pdf")
PARAGRAPH = (
    "Incidents are recorded, classified by impact and urgency, escalated where targets are "
    "at risk and closed with the customer's agreement. "
) * 6


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


def measure(root: Path, jobs: int) -> tuple[int, float]:
    start = time.perf_counter()
    evidence = collect(root, jobs=jobs)
    return len(evidence.files), time.perf_counter() - start


def traced_peak(root: Path) -> float:
    """Peak Python heap of a single-process extraction, in MB (tracing slows it: not timed)."""
    tracemalloc.start()
    collect(root, jobs=1)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / (1024 * 1024)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=3000)
    parser.add_argument("--jobs", type=int, default=None, help="worker processes (default: auto)")
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="iso20k-bench-"))
    try:
        started = time.perf_counter()
        made = generate(root, args.files)
        size = sum(p.stat().st_size for p in root.rglob("*") if p.is_file()) / (1024 * 1024)
        print(
            f"generated {args.files} files ({size:.1f} MB) "
            f"in {time.perf_counter() - started:.1f} s:"
        )
        print("  " + ", ".join(f"{k} {v}" for k, v in made.items()))
        parallel = args.jobs or workers_for(args.files)
        for jobs in dict.fromkeys((1, parallel)):
            files, elapsed = measure(root, jobs)
            print(
                f"extraction, {jobs} process(es): {files} files in {elapsed:.2f} s = "
                f"{files / elapsed:.0f} files/s"
            )
        print(f"peak Python heap, single process: {traced_peak(root):.0f} MB")
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"peak resident memory: main process {own:.0f} MB, largest worker {workers:.0f} MB")
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
