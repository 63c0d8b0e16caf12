"""How `iso20k check` scales with the number of files: time per file and peak memory.

    python benchmarks/scale.py [--sizes 1000,5000,20000,50000] [--flat-from 2000]

For each size, writes that many Markdown files with front matter, headings and a table
(the generator of ``markdown_check.py``) in a temporary folder, then runs, side by side:

- ``iso20k check DIR --format json`` (reading, recognising, assessing, rendering);
- the naive floor of ``markdown_check.py``: one process reading every file, parsing
  front matter with a regex and looking for the catalogue's names in each title.

Each run is a child process measured on its own, as ``/usr/bin/time`` does: its peak
resident memory is that of the largest process of the run (the tool or one of its
workers), from ``wait4``. It prints the time per
file and the peak memory of each at each size, then whether the tool's time per file
stays within 20% from ``--flat-from`` files up, and its peak memory at the largest size
against the 300 MB target. Time per file is given as measured and net of the tool's
start-up (a run on an empty folder: interpreter, imports, catalogue), which small
folders share among few files; flatness is judged on both. Figures vary with the
machine; the 50,000-file run takes minutes.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from installed import compile_package
from markdown_check import NAIVE, generate, phrases_file

FLAT_WITHIN = 0.20
MEMORY_TARGET_MB = 300


def measured(command: list[str]) -> tuple[float, float]:
    """Wall time (s) of ``command`` and the peak memory (MB) of its largest process."""
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        error = child.stderr.read().decode() if child.stderr else ""
        raise SystemExit(f"{command[2:4]} failed ({child.returncode}): {error}")
    return seconds, usage.ru_maxrss / 1024


def main() -> int:
    compile_package()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,5000,20000,50000")
    parser.add_argument("--flat-from", type=int, default=2000)
    args = parser.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(",") if s.strip())
    rows: list[tuple[int, float, float, float, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        phrases = phrases_file(Path(tmp))
        naive = Path(tmp) / "naive.py"
        naive.write_text(NAIVE, encoding="utf-8")

        def tool(folder: Path) -> list[str]:
            command = [sys.executable, "-m", "iso20k_cli", "check", str(folder)]
            # A cold run each time: benchmarks/second_run.py measures the cache.
            return [
                *command,
                "--format",
                "json",
                "--exit-zero",
                "--as-of",
                "2026-11-21",
                "--no-cache",
            ]

        empty = Path(tmp) / "empty"
        empty.mkdir()
        # An empty folder is refused unless asked for: the start-up run asks.
        start_up, start_mb = measured([*tool(empty), "--allow-empty"])
        print(f"iso20k start-up (empty folder): {start_up:.2f} s, {start_mb:.0f} MB")
        header = ("files", "iso20k ms/file", "net of start-up", "peak MB", "naive ms/file")
        print("{:>7}  {:>14} {:>15} {:>8}  {:>13}  peak MB".format(*header))
        for size in sizes:
            folder = Path(tmp) / f"evidence-{size}"
            folder.mkdir()
            generate(folder, size)
            tool_s, tool_mb = measured(tool(folder))
            naive_s, naive_mb = measured([sys.executable, str(naive), str(folder), str(phrases)])
            rows.append((size, tool_s, tool_mb, naive_s, naive_mb))
            print(
                f"{size:>7}  {tool_s / size * 1000:>14.2f} "
                f"{(tool_s - start_up) / size * 1000:>15.2f} {tool_mb:>8.0f}  "
                f"{naive_s / size * 1000:>13.3f} {naive_mb:>8.0f}",
                flush=True,
            )
            for path in folder.iterdir():
                path.unlink()
            folder.rmdir()
    for label, offset in (("as measured", 0.0), ("net of start-up", start_up)):
        flat = [(tool_s - offset) / size for size, tool_s, *_ in rows if size >= args.flat_from]
        if len(flat) >= 2:
            spread = max(flat) / min(flat) - 1
            if spread <= FLAT_WITHIN:
                verdict = "flat"
            elif max(flat) <= flat[0] * (1 + FLAT_WITHIN):
                verdict = "not flat, but no growth: larger folders are faster per file"
            else:
                verdict = "GROWS"
            print(
                f"time per file from {args.flat_from} files up, {label}: {verdict} "
                f"({flat[0] * 1000:.2f} to {flat[-1] * 1000:.2f} ms; slowest {spread:.0%} "
                f"over the fastest; target within {FLAT_WITHIN:.0%})"
            )
    size, _, peak, *_ = rows[-1]
    within = "within" if peak <= MEMORY_TARGET_MB else "OVER"
    print(f"peak memory at {size} files: {peak:.0f} MB ({within} the {MEMORY_TARGET_MB} MB target)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
