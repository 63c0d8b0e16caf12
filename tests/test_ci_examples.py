"""The pre-commit hook and the CI examples under docs/ci run as written.

Each test takes the iso20k command lines from the file a user copies and runs them
with a shell in a repository laid out as the file assumes (the documents in sms/).
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from ruamel.yaml import YAML

from conftest import AS_OF, DATA, MINI, REPO, Folder
from folders import ready_folder

pytestmark = pytest.mark.skipif(shutil.which("bash") is None, reason="the examples are shell")


def load_yaml(path: Path) -> Any:
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


@pytest.fixture
def shell_env(tmp_path: Path) -> dict[str, str]:
    """An environment where ``iso20k`` is this checkout's command, outside GitHub Actions."""
    scripts = Path(sys.executable).parent
    if not (scripts / "iso20k").exists():
        # Not installed as a script (a bare source tree): the module form is the same CLI.
        scripts = tmp_path / "bin"
        scripts.mkdir()
        shim = scripts / "iso20k"
        shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m iso20k_cli "$@"\n')
        shim.chmod(0o755)
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    env["PATH"] = f"{scripts}{os.pathsep}{env.get('PATH', '')}"
    env["NO_COLOR"] = "1"
    return env


def run(line: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", "-c", line], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A documentation repository with its evidence folder in sms/."""
    root = tmp_path / "repo"
    ready_folder(Folder(root / "sms"))
    return root


def test_pre_commit_hook_is_well_formed(shell_env: dict[str, str], repo: Path) -> None:
    hooks = load_yaml(REPO / ".pre-commit-hooks.yaml")
    assert isinstance(hooks, list) and len(hooks) == 1
    hook = hooks[0]
    assert {"id", "name", "entry", "language"} <= set(hook)
    assert hook["id"] == "iso20k"
    assert hook["entry"] == "iso20k check"
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is False
    assert all(isinstance(a, str) for a in hook["args"])
    # pre-commit runs entry + args from the repository root; a user adds options to args.
    args = [*hook["args"], "--catalogue", str(MINI), "--as-of", AS_OF]
    line = shlex.join([*shlex.split(hook["entry"]), *args])
    sms = repo / "sms"
    passed = run(line, sms, shell_env)
    assert passed.returncode == 0, passed.stderr
    assert "Overall readiness: 100/100" in passed.stdout
    (sms / "Scope-Statement.md").unlink()
    failed = run(line, sms, shell_env)
    assert failed.returncode == 1
    assert "failing: 1 major finding remains" in failed.stderr


def commands(text: str) -> list[str]:
    """The iso20k command lines of a CI file, in order, commented ones included."""
    found = []
    for raw in text.splitlines():
        line = re.sub(r"^\s*(#\s*)?(-\s+)?(run:\s*)?", "", raw)
        if line.startswith("iso20k check"):
            found.append(line)
    return found


def test_github_actions_example(shell_env: dict[str, str], repo: Path, tmp_path: Path) -> None:
    path = REPO / "docs" / "ci" / "github-actions.yml"
    workflow = load_yaml(path)
    steps = workflow["jobs"]["readiness"]["steps"]
    runs = [s["run"] for s in steps if "iso20k check" in s.get("run", "")]
    record, *in_steps = commands(path.read_text(encoding="utf-8"))
    assert in_steps == runs and len(runs) == 2
    assert "--write-baseline iso20k-baseline.json" in record
    upload = next(s for s in steps if "upload-sarif" in s.get("uses", ""))
    assert upload["with"]["sarif_file"] == "iso20k.sarif" and upload["if"] == "always()"
    summary = tmp_path / "step-summary.md"
    summary.write_text("", encoding="utf-8")
    env = {**shell_env, "GITHUB_STEP_SUMMARY": str(summary)}

    assert run(record, repo, env).returncode == 0
    for line in runs:
        done = run(line, repo, env)
        assert done.returncode == 0, (line, done.stderr)
    assert summary.read_text(encoding="utf-8").startswith("### iso20k: readiness ")
    sarif = json.loads((repo / "iso20k.sarif").read_text(encoding="utf-8"))
    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(sarif)
    assert {r["baselineState"] for r in sarif["runs"][0]["results"]} == {"unchanged"}

    # A pull request that removes a document fails the gate, and its SARIF says what is new.
    (repo / "sms" / "Scope-Statement.md").unlink()
    gate = run(runs[-1], repo, env)
    assert gate.returncode == 1
    results = json.loads((repo / "iso20k.sarif").read_text(encoding="utf-8"))["runs"][0]
    new = [r for r in results["results"] if r["baselineState"] == "new"]
    assert [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in new] == [
        "sms/"
    ]


def test_gitlab_ci_example(shell_env: dict[str, str], repo: Path) -> None:
    path = REPO / "docs" / "ci" / "gitlab-ci.yml"
    job = load_yaml(path)["iso20k"]
    lines = [s for s in job["script"] if s.startswith("iso20k check")]
    assert lines == commands(path.read_text(encoding="utf-8"))
    assert job["artifacts"]["reports"]["junit"] == "iso20k-junit.xml"
    assert job["artifacts"]["when"] == "always"
    done = run(lines[0], repo, shell_env)
    # The shipped catalogue asks for far more than this small folder holds.
    assert done.returncode == 1, done.stderr
    root = ET.parse(repo / "iso20k-junit.xml").getroot()
    assert root.tag == "testsuites"
    assert int(root.get("tests", "0")) > 50 and int(root.get("failures", "0")) > 0


@pytest.mark.parametrize("name", ["github-actions.yml", "gitlab-ci.yml"])
def test_readme_shows_the_examples_command_lines(name: str) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    example = (REPO / "docs" / "ci" / name).read_text(encoding="utf-8")
    assert f"docs/ci/{name}" in readme
    for line in commands(example):
        assert line in readme, line
