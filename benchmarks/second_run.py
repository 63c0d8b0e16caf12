"""Benchmark a second run of `iso20k check` on an unchanged folder (not a test).

    python benchmarks/second_run.py [--files 2000]

Generates a folder of mixed evidence (as benchmarks/extraction.py does), then times
whole `iso20k check --format json` runs in fresh processes with a cache folder of
their own: without the cache (--no-cache), a first run that fills it, and a second run
that finds every file in it. Prints each time, the second run as a share of the first
(the aim is 20% or less), and whether the outputs were byte for byte the same. Each run
is timed on the clock and by the processor time it and its workers used, which other
work on the machine disturbs less.
Figures vary with the machine; run it on an idle one and compare like with like.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from extraction import generate  # noqa: E402
from installed import compile_package  # noqa: E402

AS_OF = "2026-11-21"


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed_check(folder: Path, cache: Path, *extra: str) -> tuple[float, float, bytes]:
    """Seconds on the clock and of processor time for one `iso20k check` in a new
    process, and what it printed."""
    env = {**os.environ, "ISO20K_CACHE_DIR": str(cache)}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), env.get("PYTHONPATH")]))
    command = [sys.executable, "-m", "iso20k_cli", "check", str(folder), "--format", "json"]
    command += ["--as-of", AS_OF, "--exit-zero", *extra]
    started, cpu = time.perf_counter(), _children_cpu()
    done = subprocess.run(command, env=env, capture_output=True, check=True)
    return time.perf_counter() - started, _children_cpu() - cpu, done.stdout


def main() -> None:
    compile_package()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=2000)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="iso20k-second-run-"))
    try:
        folder, cache = work / "evidence", work / "cache"
        folder.mkdir()
        made = generate(folder, args.files)
        size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / (1024 * 1024)
        print(
            f"generated {args.files} files ({size:.1f} MB): "
            + ", ".join(f"{kind} {count}" for kind, count in made.items())
        )
        uncached, uncached_cpu, plain = timed_check(folder, cache, "--no-cache")
        first, first_cpu, cold = timed_check(folder, cache)
        second, second_cpu, warm = timed_check(folder, cache)
        entries = sum(1 for p in (cache / "v1").rglob("*.json"))
        cache_mb = sum(p.stat().st_size for p in cache.rglob("*") if p.is_file()) / 2**20
        for label, clock, cpu in (
            ("--no-cache run", uncached, uncached_cpu),
            ("first run (fills the cache)", first, first_cpu),
            ("second run (unchanged)", second, second_cpu),
        ):
            print(f"{label + ':':29}{clock:7.2f} s ({cpu:6.2f} s of processor time)")
        print(
            f"second run / first run: {second / first:.1%} on the clock, "
            f"{second_cpu / first_cpu:.1%} of processor time (aim: 20% or less)"
        )
        print(
            f"first run / --no-cache run: {first / uncached:.0%} on the clock, "
            f"{first_cpu / uncached_cpu:.0%} of processor time (the cost of filling the cache)"
        )
        print(f"cache: {entries} entries, {cache_mb:.1f} MB")
        same = plain == cold == warm
        print(f"outputs identical: {'yes' if same else 'NO'}")
        if not same:
            sys.exit(1)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
