"""Benchmark a second run of `iso20k check` on an unchanged folder (not a test).

    python benchmarks/second_run.py [--files 2000]

Generates a folder of mixed evidence (as benchmarks/extraction.py does), then times
whole `iso20k check --format json` runs in fresh processes with a cache folder of
their own: without the cache (--no-cache), a first run that fills it, and a second run
that finds every file in it. Prints each time, the second run as a share of the first
(the aim is 20% or less), and whether the outputs were byte for byte the same.
Figures vary with the machine; run it on an idle one and compare like with like.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from extraction import generate  # noqa: E402

AS_OF = "2026-11-21"


def timed_check(folder: Path, cache: Path, *extra: str) -> tuple[float, bytes]:
    """Seconds for one `iso20k check` in a new process, and what it printed."""
    env = {**os.environ, "ISO20K_CACHE_DIR": str(cache)}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), env.get("PYTHONPATH")]))
    command = [sys.executable, "-m", "iso20k_cli", "check", str(folder), "--format", "json"]
    command += ["--as-of", AS_OF, "--exit-zero", *extra]
    started = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, check=True)
    return time.perf_counter() - started, done.stdout


def main() -> None:
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
        uncached, plain = timed_check(folder, cache, "--no-cache")
        first, cold = timed_check(folder, cache)
        second, warm = timed_check(folder, cache)
        entries = sum(1 for p in (cache / "v1").rglob("*.json"))
        cache_mb = sum(p.stat().st_size for p in cache.rglob("*") if p.is_file()) / 2**20
        print(f"--no-cache run:              {uncached:7.2f} s")
        print(f"first run (fills the cache): {first:7.2f} s ({first / uncached:.0%} of --no-cache)")
        print(f"second run (unchanged):      {second:7.2f} s")
        print(f"second run / first run:      {second / first:.1%} (aim: 20% or less)")
        print(f"cache: {entries} entries, {cache_mb:.1f} MB")
        same = plain == cold == warm
        print(f"outputs identical: {'yes' if same else 'NO'}")
        if not same:
            sys.exit(1)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
