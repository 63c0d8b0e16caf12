"""The built wheel carries the catalogue and templates and works outside the checkout."""

from __future__ import annotations

import json
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from conftest import AS_OF, REPO

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(out), str(REPO)],
        check=True,
    )
    (built,) = out.glob("iso20k-*.whl")
    return built


def test_wheel_contains_package_data(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "iso20k_cli/_data/requirements/iso20000-1-2018.yaml" in names
    assert "iso20k_cli/_data/requirements/iso9001-2015.yaml" in names
    assert any(n.startswith("iso20k_cli/_data/templates/") for n in names)
    assert "iso20k_cli/_data/templates/report.html.j2" in names
    assert "iso20k_cli/_data/templates/partials/report.css.j2" in names
    assert "iso20k_cli/_data/templates/init/document.md.j2" in names
    assert "iso20k_cli/_data/templates/init/iso20k.yaml.j2" in names
    assert "iso20k_cli/cli/__init__.py" in names


def test_installed_wheel_runs_from_another_directory(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", str(wheel)], check=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    example = REPO / "examples" / "harbourside"
    run = subprocess.run(
        [str(env_dir / "bin" / "iso20k"), "check", str(example), "--as-of", AS_OF, "-f", "json"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 1, run.stderr  # the example has major gaps on purpose
    data = json.loads(run.stdout)
    assert data["catalogue"]["path"] == "builtin:iso20000-1-2018.yaml"
    assert len(data["clauses"]) == 77
    assert data["organisation"] == "Harbourside Digital Services Ltd"
    show = subprocess.run(
        [str(python), "-m", "iso20k_cli", "catalogue", "show", "8.6.1"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        check=False,
    )
    assert show.returncode == 0 and "Incident management" in show.stdout
    # The report templates are found inside the installed package.
    html = subprocess.run(
        [str(env_dir / "bin" / "iso20k"), "report", str(example), "--as-of", AS_OF, "-f", "html"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        check=False,
    )
    assert html.returncode == 0, html.stderr
    assert 'id="action-plan"' in html.stdout
    # So are the starters of init.
    started = subprocess.run(
        [str(env_dir / "bin" / "iso20k"), "init", "sms"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        check=False,
    )
    assert started.returncode == 0, started.stderr
    assert (elsewhere / "sms" / "05-leadership" / "5.2.1-service-management-policy.md").is_file()
