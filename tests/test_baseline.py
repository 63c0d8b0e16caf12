"""Baselines: recording one, reading it back, and failing only on what got worse."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import Folder, Invoke
from folders import check, ready_folder
from iso20k_cli.history.baseline import ResultFileError, load_result


@pytest.fixture
def baseline(tmp_path: Path) -> Path:
    return tmp_path / "baseline.json"


def record(cli: Invoke, folder: Folder, target: Path) -> None:
    result = check(cli, folder, "--write-baseline", target, "--exit-zero")
    assert result.exit_code == 0, result.stderr


def test_write_baseline_is_the_json_result(cli: Invoke, evidence: Folder, baseline: Path) -> None:
    ready_folder(evidence)
    result = check(cli, evidence, "--write-baseline", baseline)
    assert result.exit_code == 0
    assert "Overall readiness" in result.stdout  # the chosen format still goes to stdout
    assert baseline.read_text(encoding="utf-8") == check(cli, evidence, "-f", "json").stdout
    assert [p.name for p in baseline.parent.iterdir() if p.name.startswith(".baseline")] == []


def test_improving_folder_passes_despite_known_major_findings(
    cli: Invoke, evidence: Folder, baseline: Path
) -> None:
    ready_folder(evidence)
    (evidence.root / "Scope-Statement.md").unlink()
    (evidence.root / "incident-policy.md").unlink()
    record(cli, evidence, baseline)
    ready_folder(evidence)
    (evidence.root / "Scope-Statement.md").unlink()  # still missing: known and accepted
    assert check(cli, evidence).exit_code == 1  # without the baseline the major still fails
    result = check(cli, evidence, "--baseline", baseline)
    assert result.exit_code == 0, result.stderr
    assert "failing" not in result.stderr
    assert "0 new findings, 1 resolved" in result.stderr


def test_regressing_folder_fails_with_reasons(
    cli: Invoke, evidence: Folder, baseline: Path
) -> None:
    ready_folder(evidence)
    record(cli, evidence, baseline)
    (evidence.root / "Scope-Statement.md").unlink()
    result = check(cli, evidence, "--baseline", baseline, "-f", "json")
    assert result.exit_code == 1
    assert result.json()["schema_version"] == 1
    err = " ".join(result.stderr.split())
    assert "readiness fell from 100 to" in err
    assert "since the baseline, 1 new finding (major): scope:missing" in err
    assert "status got worse: clause 1 (met -> partial), clause 1.1 (met -> partial)" in err
    assert "item scope (met -> missing)" in err


def test_new_finding_below_fail_on_does_not_fail_unless_asked(
    cli: Invoke, evidence: Folder, baseline: Path
) -> None:
    ready_folder(evidence)
    draft = dict(title="SMS Scope Statement", status="draft", approved="2026-03-01")
    evidence.add("Scope-Statement.md", "# Scope\n", **draft, review_due="2027-03-01")
    record(cli, evidence, baseline)
    # A second minor finding on an item that was already partial: same status, same score.
    evidence.add("Scope-Statement.md", "# Scope\n", **draft, review_due="2026-06-01")
    assert check(cli, evidence, "--baseline", baseline).exit_code == 0
    minor = check(cli, evidence, "--baseline", baseline, "--fail-on", "minor")
    assert minor.exit_code == 1
    assert "1 new finding (minor or above): scope:review_interval" in minor.stderr


def test_worse_status_fails_whatever_the_severity(
    cli: Invoke, evidence: Folder, baseline: Path
) -> None:
    ready_folder(evidence)
    record(cli, evidence, baseline)
    # The staff handbook is good practice: its absence is only an observation.
    (evidence.root / "handbook" / "Staff Handbook.md").unlink()
    result = check(cli, evidence, "--baseline", baseline)
    assert result.exit_code == 1
    assert "item handbook (met -> missing)" in result.stderr
    assert "failing: since the baseline, 1 new" not in result.stderr  # an observation


def test_fail_under_still_applies_with_a_baseline(
    cli: Invoke, evidence: Folder, baseline: Path
) -> None:
    ready_folder(evidence)
    (evidence.root / "Scope-Statement.md").unlink()
    record(cli, evidence, baseline)
    assert check(cli, evidence, "--baseline", baseline).exit_code == 0
    result = check(cli, evidence, "--baseline", baseline, "--fail-under", "90")
    assert result.exit_code == 1
    assert "under the threshold 90" in result.stderr


def test_baseline_may_be_rewritten_in_place(cli: Invoke, evidence: Folder, baseline: Path) -> None:
    ready_folder(evidence)
    (evidence.root / "Scope-Statement.md").unlink()
    record(cli, evidence, baseline)
    ready_folder(evidence)
    result = check(cli, evidence, "--baseline", baseline, "--write-baseline", baseline)
    assert result.exit_code == 0
    assert json.loads(baseline.read_text(encoding="utf-8"))["score"] == 100


BAD_BASELINES = [
    (None, "file not found"),
    ('{"schema_version": 1,\n  "score": }', "invalid JSON: Expecting value", 2),
    ("[1, 2]", "not a JSON result of 'iso20k check --format json': no schema_version"),
    ('{"schema_version": 9}', "written with schema_version 9; this version of iso20k reads"),
    (
        '{"schema_version": 1, "score": 50, "catalogue": {"id": "mini"},\n'
        '"clauses": [], "items": [],\n"findings": [{"id": "x", "severity": "fatal"}]}',
        "findings entry 1: 'severity' must be 'major', 'minor' or 'observation', not 'fatal'",
        3,
    ),
]


@pytest.mark.parametrize("case", BAD_BASELINES, ids=lambda c: c[1][:24])
def test_bad_baseline_exits_two_naming_the_file(
    cli: Invoke, evidence: Folder, baseline: Path, tmp_path: Path, case: tuple[object, ...]
) -> None:
    content, message = case[0], str(case[1])
    line = case[2] if len(case) > 2 else None
    if content is not None:
        baseline.write_text(str(content), encoding="utf-8")
    ready_folder(evidence)
    target = tmp_path / "out.sarif"
    result = check(cli, evidence, "--baseline", baseline, "-f", "sarif", "-o", target)
    assert result.exit_code == 2
    where = f"{baseline}:{line}" if line else str(baseline)
    assert f"iso20k: error: {where}: " in result.stderr
    assert message in " ".join(result.stderr.split())
    assert not target.exists()  # nothing written when the input is bad
    with pytest.raises(ResultFileError):
        load_result(baseline)


def test_baseline_of_another_catalogue_is_refused(
    cli: Invoke, evidence: Folder, baseline: Path
) -> None:
    ready_folder(evidence)
    record(cli, evidence, baseline)
    data = json.loads(baseline.read_text(encoding="utf-8"))
    data["catalogue"]["id"] = "iso20000-1-2018"
    baseline.write_text(json.dumps(data), encoding="utf-8")
    result = check(cli, evidence, "--baseline", baseline)
    assert result.exit_code == 2
    assert "assessed against catalogue 'iso20000-1-2018', not 'mini'" in result.stderr


def test_baseline_ignores_fields_it_does_not_need(baseline: Path) -> None:
    baseline.write_text(
        json.dumps(
            {
                "schema_version": 1,
                "score": 80,
                "catalogue": {"id": "mini", "future": True},
                "clauses": [{"id": "1", "status": "met", "colour": "green"}],
                "items": [],
                "findings": [{"id": "a:missing", "severity": "major", "extra": [1]}],
                "added_later": {"x": 1},
            }
        ),
        encoding="utf-8",
    )
    loaded = load_result(baseline)
    assert loaded.score == 80 and loaded.findings[0].id == "a:missing"
