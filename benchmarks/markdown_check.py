"""How long `iso20k check` takes on a folder of Markdown files, against a naive floor.

    python benchmarks/markdown_check.py [--files 5000] [--repeat 3]

Writes N Markdown files with front matter, headings and a table in a temporary folder,
then times, side by side in the same run (medians of --repeat runs):

- ``iso20k check DIR --format json`` (reading, recognising, assessing, rendering);
- a naive single-process script that reads every file, parses front matter with a
  regex and looks for the catalogue's names in each title: the floor;
- ``rg`` looking for four words, when ripgrep is installed.

It prints each time and the ratio of the tool to each floor, and the tool's peak memory.
Figures vary with the machine; only the ratios measured in one run mean anything. The
aim: faster than the naive script (so at most about 12x ripgrep) in at most 150 MB.
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from installed import compile_package

ROOT = Path(__file__).resolve().parents[1]

TITLES = (
    "Incident Log {n}",
    "Change Management Policy v{n}",
    "Release Notes {n}",
    "Meeting notes {n}",
    "Service Report {n}",
    "Team Onboarding {n}",
    "Architecture Decision {n}",
    "Known Issues {n}",
    "Capacity Review {n}",
    "Supplier Review {n}",
)
BODY = (
    "Incidents are recorded, classified by impact and urgency, and escalated where targets "
    "are at risk; the service desk closes them with the customer's agreement. "
) * 20

NAIVE = r"""
import re, sys
from pathlib import Path
phrases = [l.strip().lower() for l in open(sys.argv[2], encoding="utf-8") if l.strip()]
front = re.compile(r"^---\n(.*?)\n---\n", re.S)
hits = 0
for path in sorted(Path(sys.argv[1]).rglob("*.md")):
    text = path.read_text(encoding="utf-8")
    m = front.match(text)
    meta = dict(l.split(":", 1) for l in m.group(1).splitlines() if ":" in l) if m else {}
    title = (meta.get("title") or path.stem).lower()
    hits += sum(1 for p in phrases if p in title)
print(hits)
"""


def generate(root: Path, count: int) -> None:
    rng = random.Random(1)
    for n in range(count):
        title = rng.choice(TITLES).format(n=n)
        (root / f"doc-{n:05d}.md").write_text(
            f"---\ntitle: {title}\nowner: Operations\nversion: 1.{n % 7}\nstatus: approved\n"
            f"approved: 2026-03-01\n---\n# {title}\n\n## Purpose\n\n{BODY}\n\n## Process\n\n"
            f"{BODY}\n\n| Step | Owner |\n|---|---|\n| Log | Desk |\n",
            encoding="utf-8",
        )


def timed(command: list[str]) -> tuple[float, int]:
    """Wall time of ``command`` and the peak memory (KB) of the children so far."""
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss


def phrases_file(folder: Path) -> Path:
    sys.path.insert(0, str(ROOT / "src"))
    from iso20k_cli.catalogue.loader import load_catalogue
    from iso20k_cli.resources import default_catalogue_path

    catalogue = load_catalogue(default_catalogue_path())
    path = folder / "phrases.txt"
    path.write_text(
        "\n".join(p for item in catalogue.items for p in item.match.all_names), encoding="utf-8"
    )
    return path


def main() -> int:
    compile_package()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "evidence"
        folder.mkdir()
        generate(folder, args.files)
        phrases = phrases_file(Path(tmp))
        naive = Path(tmp) / "naive.py"
        naive.write_text(NAIVE, encoding="utf-8")
        commands = {
            "iso20k check": [
                sys.executable,
                "-m",
                "iso20k_cli",
                "check",
                str(folder),
                "--format",
                "json",
                "--exit-zero",
                # Every run reads the folder afresh: benchmarks/second_run.py measures the cache.
                "--no-cache",
            ],
            "naive script": [sys.executable, str(naive), str(folder), str(phrases)],
        }
        if shutil.which("rg"):
            commands["ripgrep"] = [
                "rg",
                "-c",
                "-i",
                "incident|change|release|supplier",
                str(folder),
            ]
        times: dict[str, list[float]] = {name: [] for name in commands}
        peak = 0
        for _ in range(args.repeat):
            for name, command in commands.items():
                seconds, rss = timed(command)
                times[name].append(seconds)
                if name == "iso20k check":
                    peak = max(peak, rss)
    medians = {name: statistics.median(values) for name, values in times.items()}
    tool = medians["iso20k check"]
    print(f"{args.files} Markdown files, median of {args.repeat} runs")
    for name, seconds in medians.items():
        ratio = "" if name == "iso20k check" else f"  iso20k is {tool / seconds:.1f}x this"
        print(f"  {name:<13} {seconds:7.2f} s{ratio}")
    print(f"  peak memory of the runs so far: {peak / 1024:.0f} MB")
    # The aims of the project for this folder: see the module's docstring.
    print("  aim: under 1x the naive script, at most 12x ripgrep, at most 150 MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
