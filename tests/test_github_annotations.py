"""``--format github``: workflow commands, chosen by default under GitHub Actions."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import Folder, Invoke
from folders import check, ready_folder
from iso20k_cli.render.github import command, escape_data, escape_property


def gaps(folder: Folder) -> Folder:
    ready_folder(folder)
    (folder.root / "Scope-Statement.md").unlink()
    folder.add("policies/Incident, Policy.md", "# Incident policy\n", status="draft")
    (folder.root / "incident-policy.md").unlink()
    folder.add("notes/minutes.md", "# Minutes\n", approved="soon")
    return folder


def annotation_lines(stdout: str) -> list[str]:
    return [line for line in stdout.splitlines() if line.startswith("::")]


def test_escaping_follows_the_workflow_command_rules() -> None:
    assert escape_data("50% done\r\nnext: a, b") == "50%25 done%0D%0Anext: a, b"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    assert command("notice", "hi") == "::notice::hi"
    assert command("error", "m", file="x,y.md", title="T: 1") == (
        "::error file=x%2Cy.md,title=T%3A 1::m"
    )


def test_each_finding_is_an_annotation_by_severity(
    cli: Invoke, evidence: Folder, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(evidence.root.parent)
    gaps(evidence)
    result = cli(
        "check",
        "evidence",
        "--catalogue",
        Path(__file__).parent / "data" / "mini-catalogue.yaml",
        "--as-of",
        "2026-11-21",
        "-f",
        "github",
    )
    assert result.exit_code == 1
    lines = annotation_lines(result.stdout)
    assert len(lines) == 3
    major, minor, note = lines
    # A missing document has no file: the annotation is about the run.
    assert major.startswith("::error title=MAJOR 1.1 Scope statement%3A no evidence found::")
    assert "file=" not in major
    assert "no evidence of 'Scope statement' was found" in major
    assert "%0AProduce 'Scope statement'" in major  # the recommendation on its own line
    assert minor.startswith(
        "::warning file=evidence/policies/Incident%2C Policy.md,"
        "title=MINOR 2.1 Incident policy%3A approval not confirmed::"
    )
    assert note.startswith("::notice file=evidence/notes/minutes.md,title=OBSERVATION file ")
    assert result.stdout.splitlines()[-1].startswith("iso20k: readiness ")
    assert "\x1b[" not in result.stdout


def test_github_is_the_default_under_github_actions(
    cli: Invoke, evidence: Folder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gaps(evidence)
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    result = check(cli, evidence)
    assert annotation_lines(result.stdout) and "Overall readiness" not in result.stdout
    # An explicit format wins, and a file keeps the table: annotations only work on stdout.
    assert check(cli, evidence, "-f", "json").json()["schema_version"] == 1
    target = tmp_path / "out.txt"
    check(cli, evidence, "-o", target)
    assert "Overall readiness" in target.read_text(encoding="utf-8")
    monkeypatch.setenv("GITHUB_ACTIONS", "false")
    assert "Overall readiness" in check(cli, evidence).stdout


def test_with_a_baseline_only_new_findings_are_annotated(
    cli: Invoke, evidence: Folder, tmp_path: Path
) -> None:
    ready_folder(evidence)
    (evidence.root / "Scope-Statement.md").unlink()
    baseline = tmp_path / "baseline.json"
    check(cli, evidence, "--write-baseline", baseline, "--exit-zero")
    (evidence.root / "incident-policy.md").unlink()
    result = check(cli, evidence, "--baseline", baseline, "-f", "github")
    assert result.exit_code == 1
    lines = annotation_lines(result.stdout)
    assert [line.split("::")[1].split(" ")[0] for line in lines] == ["error", "error"]
    assert "Incident policy" in lines[0] and "Scope statement" not in result.stdout
    assert lines[1].startswith("::error title=iso20k%3A readiness fell::Readiness fell from")
    assert "since the baseline: readiness" in result.stdout.splitlines()[-1]
