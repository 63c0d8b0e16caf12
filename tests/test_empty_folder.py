"""A folder with no evidence is almost always the wrong folder: an error, not a 0/100 result.

``--allow-empty`` accepts it; ``explain`` only warns, since it is how one learns why a
file was not recognised.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import AS_OF, MINI, Folder, Invoke
from folders import ready_folder


def run(cli: Invoke, command: str, folder: Path, *extra: str | Path) -> tuple[int, str, str]:
    result = cli(command, folder, "--catalogue", MINI, "--as-of", AS_OF, *extra)
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("command", ["check", "report"])
def test_an_empty_folder_is_an_input_error(cli: Invoke, evidence: Folder, command: str) -> None:
    code, stdout, stderr = run(cli, command, evidence.root, "-f", "md")
    assert code == 2
    assert stdout == ""
    assert stderr == (
        f"iso20k: error: {evidence.root}: the folder holds no file to assess. Is it the "
        "folder that holds the management system's documents and records? --allow-empty "
        "assesses it anyway (every requirement missing).\n"
    )


@pytest.mark.parametrize("command", ["check", "report"])
def test_a_folder_with_nothing_recognisable_is_an_input_error(
    cli: Invoke, evidence: Folder, command: str
) -> None:
    evidence.add("holiday-photos/notes.md", "# Packing list\n\nSunscreen, hat, towel.\n")
    evidence.add("recipes.txt", "Flour, water, salt.\n")
    code, stdout, stderr = run(cli, command, evidence.root, "-f", "md")
    assert code == 2
    assert stdout == ""
    assert f"{evidence.root}: none of the 2 files read is evidence of any requirement" in stderr
    assert "'iso20k explain FOLDER ITEM' shows why a file was not recognised" in stderr
    one = evidence.root / "one"
    one.mkdir()
    (one / "recipes.txt").write_text("Flour, water, salt.\n", encoding="utf-8")
    assert "the one file read is not evidence" in run(cli, command, one)[2]


def test_allow_empty_gives_the_result(cli: Invoke, evidence: Folder) -> None:
    code, stdout, stderr = run(cli, "check", evidence.root, "--allow-empty", "-f", "json")
    assert code == 1, stderr  # every mandatory item missing: major findings
    assert stderr.startswith("iso20k: failing: ")
    data = json.loads(stdout)
    assert data["files"] == [] and data["score"] == 0
    report_code, report, _ = run(cli, "report", evidence.root, "--allow-empty", "-f", "md")
    assert report_code == 0 and report.startswith("# Readiness assessment")


def test_one_recognised_file_is_enough(cli: Invoke, evidence: Folder) -> None:
    evidence.add("recipes.txt", "Flour, water, salt.\n")
    evidence.add(
        "incident-policy.md",
        "# Incident Policy\n\nHow incidents are recorded, classified and resolved.\n",
    )
    code, _, stderr = run(cli, "check", evidence.root, "--exit-zero")
    assert code == 0, stderr


def test_a_missing_folder_is_still_an_error_of_its_own(cli: Invoke, tmp_path: Path) -> None:
    code, _, stderr = run(cli, "check", tmp_path / "evidense", "--allow-empty")
    assert code == 2
    assert "evidence folder not found" in stderr


def test_explain_warns_and_explains(cli: Invoke, evidence: Folder) -> None:
    evidence.add("recipes.txt", "Flour, water, salt.\n")
    code, stdout, stderr = run(cli, "explain", evidence.root, "incident-policy")
    assert code == 0
    assert "Incident" in stdout
    assert stderr == (
        f"iso20k: warning: {evidence.root}: the one file read is not evidence of any "
        "requirement of the catalogue\n"
    )
    ready = evidence.root / "ready"
    ready.mkdir()
    ready_folder(Folder(ready))
    assert run(cli, "explain", ready, "incident-policy")[2] == ""
