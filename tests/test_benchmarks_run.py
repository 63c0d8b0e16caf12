"""Every benchmark script runs to the end on a small folder and prints its ratios.

Nothing here is timed (figures vary with the machine; the scripts print them as ratios
against a floor measured in the same run): these tests only keep the scripts working,
so that the figures the README quotes can be measured again.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import REPO

RUNS = {
    "scale.py": (["--sizes", "20,40", "--flat-from", "20"], "peak memory at 40 files"),
    "markdown_check.py": (["--files", "30", "--repeat", "1"], "naive script"),
    "extraction.py": (["--files", "14", "--repeat", "1"], "the naive floor"),
    "second_run.py": (["--files", "20"], "outputs identical: yes"),
}


@pytest.mark.parametrize("script", sorted(RUNS))
def test_the_benchmark_runs_and_prints_its_figures(script: str) -> None:
    arguments, expected = RUNS[script]
    done = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / script), *arguments],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert expected in done.stdout, done.stdout[-2000:]
