"""The stages import only downward, as the import-linter contract in pyproject.toml draws them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "src"

pytest.importorskip("importlinter")


def lint(source: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``lint-imports`` on the package found under ``source``, with the project's contract."""
    shutil.copy(ROOT / "pyproject.toml", cwd / "pyproject.toml")
    return subprocess.run(
        [str(Path(sys.executable).with_name("lint-imports")), "--no-cache"],
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(source), "NO_COLOR": "1"},
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def test_the_layers_are_kept(tmp_path: Path) -> None:
    result = lint(SOURCE, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Stages import only downward KEPT" in result.stdout


def test_an_upward_import_breaks_the_contract(tmp_path: Path) -> None:
    source = tmp_path / "src"
    shutil.copytree(SOURCE / "iso20k_cli", source / "iso20k_cli")
    # Evidence reading reaching up into the report renderers is what the contract forbids.
    scan = source / "iso20k_cli" / "evidence" / "scan.py"
    scan.write_text(scan.read_text() + "\nfrom iso20k_cli.render import sarif  # noqa\n")
    result = lint(source, tmp_path)
    assert result.returncode != 0
    assert "Stages import only downward BROKEN" in result.stdout
    assert "iso20k_cli.evidence.scan -> iso20k_cli.render.sarif" in result.stdout


def test_the_contract_makes_no_exception() -> None:
    # An upward import is fixed by moving code, not by an ignore_imports entry.
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    assert contracts and all("ignore_imports" not in contract for contract in contracts)
