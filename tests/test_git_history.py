"""Docs-as-code document control: ``--git`` dates each file's last change and names its
author from a real repository's history, where the document states neither."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

from conftest import AS_OF, Invoke
from iso20k_cli.evidence import gitlog

PROCEDURE = "# Major incident procedure\n\nStatus: Approved\nVersion: 1.0\n\n" + (
    "A major incident is declared when customers lose a service, and the duty manager "
    "informs top management within the hour.\n\n" * 20
)
OWNED = "---\nowner: Dana Okafor\n---\n" + PROCEDURE.replace("Major incident", "Change management")


def git(repo: Path, *args: str, date: str | None = None, author: str | None = None) -> None:
    env = {**os.environ, "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(repo.parent)}
    if date is not None:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = f"{date}T10:00:00+00:00"
    if author is not None:
        env["GIT_AUTHOR_NAME"] = author
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


def commit(repo: Path, files: dict[str, str], date: str, author: str) -> None:
    for rel, text in files.items():
        path = repo / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    git(repo, "add", "--all")
    git(repo, "commit", "-q", "-m", f"Change by {author}", date=date, author=author)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A documentation repository with two authors' commits; the evidence is ``docs/sms``."""
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q")
    git(root, "config", "user.name", "Repo Committer")
    git(root, "config", "user.email", "committer@example.com")
    commit(
        root,
        {
            "docs/sms/major-incident-procedure.md": PROCEDURE,
            "docs/sms/change-management-process.md": OWNED,
            "README.md": "# Outside the evidence folder\n",
            "docs/sms/team notes/Réunion équipe.md": "# Notes\n\nAgenda.\n",
        },
        "2025-03-04",
        "Ann Lee",
    )
    commit(
        root,
        {"docs/sms/major-incident-procedure.md": PROCEDURE + "\nRevised.\n"},
        "2026-09-15",
        "Bo Chen",
    )
    return root


def files_of(result: Any) -> dict[str, dict[str, Any]]:
    return {f["path"]: f for f in result.json()["files"]}


def check(cli: Invoke, evidence: Path, *extra: str) -> Any:
    result = cli("check", evidence, "--as-of", AS_OF, "-f", "json", *extra)
    assert result.exit_code in (0, 1), result.stderr
    return result


def test_last_change_and_author_come_from_the_history(cli: Invoke, repo: Path) -> None:
    files = files_of(check(cli, repo / "docs" / "sms", "--git"))
    procedure = files["major-incident-procedure.md"]["control"]
    assert procedure["revised"] == "2026-09-15"  # the newest commit that touched it
    assert procedure["owner"] == "Bo Chen"
    assert procedure["sources"]["revised"] == "git"
    assert procedure["sources"]["owner"] == "git"
    assert procedure["sources"]["version"] == "control block"  # the document still wins
    # What the document states is kept: git fills only what it leaves empty.
    owned = files["change-management-process.md"]["control"]
    assert owned["owner"] == "Dana Okafor"
    assert owned["sources"]["owner"] == "front-matter"
    assert owned["revised"] == "2025-03-04"
    assert owned["sources"]["revised"] == "git"
    # Paths with spaces and accents come back as the folder names them (no quoting).
    assert files["team notes/Réunion équipe.md"]["control"]["owner"] == "Ann Lee"
    assert "README.md" not in files


def test_without_git_nothing_is_taken_from_the_history(cli: Invoke, repo: Path) -> None:
    files = files_of(check(cli, repo / "docs" / "sms"))
    control = files["major-incident-procedure.md"]["control"]
    assert control["revised"] is None and control["owner"] is None
    assert "git" not in control["sources"].values()


def test_the_history_dates_the_review(cli: Invoke, repo: Path) -> None:
    def review(*extra: str) -> str:
        items = {i["id"]: i for i in check(cli, repo / "docs" / "sms", *extra).json()["items"]}
        checks = items["major-incident-procedure"]["checks"]
        message: str = next(c["message"] for c in checks if c["check"] == "review_interval")
        return message

    assert "no review date or approval date is recorded" in review()
    assert review("--git") == "last revised 2026-09-15; review due by 2027-09-15"


def test_explain_says_the_dates_come_from_git(cli: Invoke, repo: Path) -> None:
    result = cli(
        "explain",
        repo / "docs" / "sms",
        "major-incident-procedure",
        "--as-of",
        AS_OF,
        "--git",
        env={"COLUMNS": "200"},
    )
    assert result.exit_code == 0, result.stderr
    assert "owner Bo Chen" in result.stdout
    assert "last revised 2026-09-15" in result.stdout
    assert "git, the file's last commit (owner, revised)" in result.stdout


def test_git_true_in_the_configuration_is_as_the_option(cli: Invoke, repo: Path) -> None:
    (repo / ".iso20k.yaml").write_text("git: true\n", "utf-8")
    files = files_of(check(cli, repo / "docs" / "sms"))
    assert files["major-incident-procedure.md"]["control"]["owner"] == "Bo Chen"


def test_the_report_method_says_the_history_was_used(cli: Invoke, repo: Path) -> None:
    result = cli("report", repo / "docs" / "sms", "--as-of", AS_OF, "-f", "md", "--git")
    assert result.exit_code == 0, result.stderr
    assert "for 3 files that did not state it, the date of the last change" in result.stdout


def test_a_cached_run_does_not_carry_the_history_to_a_run_without_it(
    cli: Invoke, repo: Path
) -> None:
    evidence = repo / "docs" / "sms"
    # The cache is on (the session's folder): each run reuses what the last one kept.
    for use_git in (True, False, True, False):
        control = files_of(check(cli, evidence, *(["--git"] if use_git else [])))[
            "major-incident-procedure.md"
        ]["control"]
        assert (control["owner"] == "Bo Chen") is use_git
        assert ("git" in control["sources"].values()) is use_git


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {
        str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_the_repository_is_never_modified(cli: Invoke, repo: Path) -> None:
    before = snapshot(repo)
    check(cli, repo / "docs" / "sms", "--git")
    cli("report", repo / "docs" / "sms", "--as-of", AS_OF, "-f", "md", "--git")
    assert snapshot(repo) == before


def test_a_folder_outside_any_repository_gets_a_warning(cli: Invoke, tmp_path: Path) -> None:
    evidence = tmp_path / "loose"
    evidence.mkdir()
    (evidence / "major-incident-procedure.md").write_text(PROCEDURE, "utf-8")
    result = check(cli, evidence, "--git")
    assert "warning: --git:" in result.stderr
    assert "is not in a git repository" in result.stderr
    assert "Traceback" not in result.stderr
    assert files_of(result)["major-incident-procedure.md"]["control"]["owner"] is None


def test_missing_git_is_a_warning_not_a_crash(
    cli: Invoke, repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = tmp_path / "no-programs"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    result = check(cli, repo / "docs" / "sms", "--git")
    assert "warning: --git: git is not installed" in result.stderr
    assert files_of(result)["major-incident-procedure.md"]["control"]["owner"] is None


def test_a_history_past_the_bound_is_cut_with_a_warning(
    cli: Invoke, repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The newest commit's record is about 80 bytes: the older one is not read.
    monkeypatch.setattr(gitlog, "MAX_OUTPUT_BYTES", 100)
    result = check(cli, repo / "docs" / "sms", "--git")
    assert "warning: --git: the history is longer than" in result.stderr
    files = files_of(result)
    assert files["major-incident-procedure.md"]["control"]["owner"] == "Bo Chen"
    assert files["change-management-process.md"]["control"]["revised"] is None


def test_a_repository_without_commits_has_nothing_to_say(cli: Invoke, tmp_path: Path) -> None:
    root = tmp_path / "fresh"
    root.mkdir()
    git(root, "init", "-q")
    (root / "major-incident-procedure.md").write_text(PROCEDURE, "utf-8")
    result = check(cli, root, "--git")
    assert "warning" not in result.stderr
    assert files_of(result)["major-incident-procedure.md"]["control"]["revised"] is None


@pytest.mark.skipif(os.name == "nt", reason="a shell script stands in for git")
def test_a_git_that_hangs_is_stopped_with_a_warning(
    cli: Invoke, repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    programs = tmp_path / "programs"
    programs.mkdir()
    hanging = programs / "git"
    hanging.write_text("#!/bin/sh\nexec sleep 30\n", "utf-8")
    hanging.chmod(0o755)
    monkeypatch.setenv("PATH", f"{programs}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setattr(gitlog, "TIMEOUT_SECONDS", 1)
    result = check(cli, repo / "docs" / "sms", "--git")
    assert "warning: --git: git took longer than 1 s and was stopped" in result.stderr
    assert files_of(result)["major-incident-procedure.md"]["control"]["owner"] is None
