"""Benchmark start-up: how long `iso20k --help` and friends take (not a test).

    python benchmarks/startup.py [--runs 21]

Runs each command in a fresh interpreter, as the installed `iso20k` script does but
from this checkout's src/, and prints the median (and the fastest) wall time of each
next to the floor, `python -c "import typer"`, as a ratio. The commands take turns run
after run so that a busy moment on a shared machine slows them all alike; the fastest
run is the steadier figure when the machine is busy. Figures vary with the machine; the
ratios are what compare.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"

# What the `iso20k` console script runs, with the program name it shows in usage lines.
ENTRY = "import sys; sys.argv[0] = 'iso20k'; from iso20k_cli.cli import main; main()"

FLOOR = ("python -c 'import typer'", ["-c", "import typer"])
COMMANDS = [
    FLOOR,
    ("iso20k --help", ["-c", ENTRY, "--help"]),
    ("iso20k check --help", ["-c", ENTRY, "check", "--help"]),
    ("iso20k --version", ["-c", ENTRY, "--version"]),
]


def once(args: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, *args], env=env, stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21, help="runs of each command")
    options = parser.parse_args()
    path = os.pathsep.join(filter(None, [str(SRC), os.environ.get("PYTHONPATH")]))
    env = {**os.environ, "PYTHONPATH": path}
    # An installed package has its bytecode compiled; without this a checkout run under
    # PYTHONDONTWRITEBYTECODE would time the compiler on cli.py at every run.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    for _, args in COMMANDS:  # warm the file cache and the bytecode
        once(args, env)
    times: dict[str, list[float]] = {label: [] for label, _ in COMMANDS}
    for _ in range(options.runs):
        for label, args in COMMANDS:
            times[label].append(once(args, env))
    floor = statistics.median(times[FLOOR[0]])
    fastest_floor = min(times[FLOOR[0]])
    print(f"{options.runs} runs each, Python {sys.version.split()[0]}")
    print(f"  {'':<26} {'median':>9} {'ratio':>6}  {'fastest':>9} {'ratio':>6}")
    for label, _ in COMMANDS:
        median, fastest = statistics.median(times[label]), min(times[label])
        print(
            f"  {label:<26} {median * 1000:6.1f} ms {median / floor:5.2f}x"
            f"  {fastest * 1000:6.1f} ms {fastest / fastest_floor:5.2f}x"
        )
    print("ratio: the command's time over the floor's (python -c 'import typer')")


if __name__ == "__main__":
    main()
