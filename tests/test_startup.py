"""Start-up: help and the version answer without loading what only a run needs.

Not timed (a shared machine makes timings flaky; ``python benchmarks/startup.py``
measures them). Each case runs the CLI in a fresh interpreter with ``-X importtime``
and reads from its report which modules were imported.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import iso20k_cli
from cli_commands import command_paths
from conftest import MINI, REPO

# What the assessment, the reports and the readers need, and `--help` does not: each of
# these costs more to import than typer itself.
HEAVY = (
    "pydantic",
    "jinja2",
    "ruamel",
    "rich.progress",
    "openpyxl",
    "docx",
    "pptx",
    "pypdf",
    "re2",
    "multiprocessing",
    "concurrent.futures",
    "importlib.metadata",
    # The tool's own layers that import the above.
    "iso20k_cli.assess",
    "iso20k_cli.catalogue",
    "iso20k_cli.checks",
    "iso20k_cli.evidence",
    "iso20k_cli.assess.pipeline",
    "iso20k_cli.recognise",
    "iso20k_cli.render",
    "iso20k_cli.history",
    "iso20k_cli.settings",
)

# The checkout under test, ahead of any installed copy.
SOURCE = Path(iso20k_cli.__file__).resolve().parents[1]


def imported(*args: str) -> tuple[subprocess.CompletedProcess[str], set[str]]:
    """Run ``python -m iso20k_cli ARGS`` afresh; its result and every module it imported."""
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(SOURCE), os.environ.get("PYTHONPATH")])),
        "NO_COLOR": "1",
    }
    run = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "iso20k_cli", *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    # Lines read "import time: <self us> | <cumulative us> | <indented module name>".
    modules = {
        line.rsplit("|", 1)[1].strip()
        for line in run.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    }
    modules.discard("imported package")  # the report's header line
    return run, modules


def heavy(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if any(m == h or m.startswith(h + ".") for h in HEAVY))


def test_every_command_is_walked() -> None:
    # The cases below cover commands added later without being listed here.
    assert {" ".join(p) for p in command_paths()} >= {
        "",
        "check",
        "diff",
        "report",
        "explain",
        "catalogue",
        "catalogue show",
        "catalogue validate",
        "catalogue checks",
        "cache",
        "cache info",
        "cache clear",
    }


@pytest.mark.parametrize("path", command_paths(), ids=lambda p: " ".join(p) or "iso20k")
def test_help_loads_nothing_heavy(path: tuple[str, ...]) -> None:
    run, modules = imported(*path, "--help")
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.startswith("Usage: ")
    assert heavy(modules) == [], (
        f"'iso20k {' '.join(path)} --help' imported {heavy(modules)}; import them inside "
        "the command that uses them, and give a new sub-app its entry in "
        "HELP_FLAG_DEFAULTS (see cli/app.py)"
    )


def test_version_loads_nothing_heavy() -> None:
    run, modules = imported("--version")
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout == f"iso20k {iso20k_cli.__version__}\n"
    assert heavy(modules) == []


def test_a_command_that_runs_does_load_them() -> None:
    # The same reading of the import report sees the heavy modules once they are needed,
    # so the cases above cannot pass for want of seeing anything.
    run, modules = imported("catalogue", "validate", str(MINI))
    assert run.returncode == 0, run.stderr[-2000:]
    assert "valid:" in run.stdout
    assert {"pydantic", "ruamel.yaml", "iso20k_cli.catalogue.loader"} <= modules


def test_version_is_the_one_in_pyproject() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert iso20k_cli.__version__ == project["version"]


def test_a_json_check_to_a_pipe_draws_nothing() -> None:
    # A machine format written to a pipe (CI, the benchmarks) has no table, colour or
    # progress bar to draw: rich is about 15 ms of such a run. (A failing gate's reasons
    # are said on stderr, through rich.)
    example = str(REPO / "examples" / "harbourside")
    run, modules = imported("check", example, "--format", "json", "--exit-zero")
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.startswith("{")
    assert sorted(m for m in modules if m == "rich" or m.startswith("rich.")) == []


def test_a_table_check_does_draw() -> None:
    run, modules = imported("check", str(REPO / "examples" / "harbourside"))
    assert run.returncode in (0, 1), run.stderr[-2000:]
    assert "Overall readiness" in run.stdout
    assert "rich.console" in modules
