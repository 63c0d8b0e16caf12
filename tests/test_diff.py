"""``iso20k diff OLD NEW``: what improved and what regressed, per clause, from two results."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import Folder, Invoke
from folders import check, ready_folder
from iso20k_cli.history.baseline import SavedResult
from iso20k_cli.history.compare import Direction, compare


def save(cli: Invoke, folder: Folder, target: Path) -> Path:
    result = check(cli, folder, "-f", "json", "-o", target, "--exit-zero")
    assert result.exit_code == 0, result.stderr
    return target


def two_results(cli: Invoke, folder: Folder, tmp_path: Path) -> tuple[Path, Path]:
    """Before: no scope statement, a draft incident policy. After: the reverse of one of them."""
    ready_folder(folder)
    (folder.root / "Scope-Statement.md").unlink()
    folder.add("incident-policy.md", "# Incident policy\n", status="draft")
    before = save(cli, folder, tmp_path / "before.json")
    ready_folder(folder)  # scope statement back, incident policy approved ...
    (folder.root / "logs" / "security-incident-log.md").unlink()  # ... but a log is gone
    after = save(cli, folder, tmp_path / "after.json")
    return before, after


def test_diff_lists_regressions_and_improvements_per_clause(
    cli: Invoke, evidence: Folder, tmp_path: Path
) -> None:
    before, after = two_results(cli, evidence, tmp_path)
    result = cli("diff", before, after)
    assert result.exit_code == 1  # something got worse
    out = result.stdout
    assert out.startswith(f"Comparing {before} with {after} (as of 2026-11-21 and 2026-11-21)")
    regressed, improved = out.split("\nRegressed\n")[1].split("\nImproved\n")
    assert "  2.1 Incidents: partial -> partial" not in regressed
    assert "      Security incident records: met -> missing" in regressed
    assert "      new MAJOR security-incidents:missing: no evidence of" in regressed
    assert "Scope" not in regressed
    assert "  1.1 Scope and policy: score " in improved
    assert "      Scope statement: missing -> met" in improved
    assert "      resolved MAJOR scope:missing" in improved
    assert "      Incident policy: partial -> met" in improved
    assert "      resolved MINOR incident-policy:approved" in improved
    assert "Findings: 1 new, 2 resolved, 0 more severe, 0 unchanged" in out
    assert "since the baseline" not in result.stderr
    assert "failing: 1 new finding (major): security-incidents:missing" in result.stderr
    assert "\x1b[" not in out


def test_diff_of_an_improvement_exits_zero(cli: Invoke, evidence: Folder, tmp_path: Path) -> None:
    ready_folder(evidence)
    (evidence.root / "Scope-Statement.md").unlink()
    before = save(cli, evidence, tmp_path / "before.json")
    ready_folder(evidence)
    after = save(cli, evidence, tmp_path / "after.json")
    result = cli("diff", before, after)
    assert result.exit_code == 0, result.stderr
    assert "Readiness: 81.2 -> 100 (+18.8)" in result.stdout
    assert "Stage 1 (documentation): NOT READY -> READY" in result.stdout
    assert "Regressed\n  nothing\n" in result.stdout
    # The other way round, the same change is a regression.
    backwards = cli("diff", after, before)
    assert backwards.exit_code == 1
    assert "Improved\n  nothing\n" in backwards.stdout
    assert cli("diff", after, before, "--exit-zero").exit_code == 0


def test_diff_json_and_output_file(cli: Invoke, evidence: Folder, tmp_path: Path) -> None:
    before, after = two_results(cli, evidence, tmp_path)
    target = tmp_path / "diff.json"
    result = cli("diff", before, after, "-f", "json", "-o", target)
    assert result.exit_code == 1 and result.stdout == ""
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["before"]["score"] < 100 and data["after"]["score"] < 100
    assert "2.1" in data["regressed"] and "1.1" in data["improved"]
    clause = next(c for c in data["clauses"] if c["id"] == "2.1")
    assert [f["id"] for f in clause["findings"]["new"]] == ["security-incidents:missing"]
    assert cli("diff", before, after, "-f", "json").stdout == target.read_text(encoding="utf-8")


def test_diff_of_identical_results(cli: Invoke, evidence: Folder, tmp_path: Path) -> None:
    ready_folder(evidence)
    (evidence.root / "Scope-Statement.md").unlink()
    one = save(cli, evidence, tmp_path / "one.json")
    result = cli("diff", one, one)
    assert result.exit_code == 0
    assert "Findings: 0 new, 0 resolved, 0 more severe, 1 unchanged" in result.stdout
    assert "Regressed\n  nothing\n\nImproved\n  nothing\n" in result.stdout


def test_diff_input_errors_exit_two(cli: Invoke, evidence: Folder, tmp_path: Path) -> None:
    ready_folder(evidence)
    good = save(cli, evidence, tmp_path / "good.json")
    missing = cli("diff", good, tmp_path / "absent.json")
    assert missing.exit_code == 2
    assert f"{tmp_path / 'absent.json'}: file not found" in missing.stderr
    table = tmp_path / "table.txt"
    check(cli, evidence, "-o", table)
    result = cli("diff", table, good)
    assert result.exit_code == 2
    assert f"{table}:1: invalid JSON" in result.stderr


def test_severity_change_is_matched_by_identity() -> None:
    def result(severity: str, message: str) -> SavedResult:
        return SavedResult.model_validate(
            {
                "schema_version": 1,
                "score": 50,
                "catalogue": {"id": "mini"},
                "clauses": [{"id": "1", "title": "One", "score": 50, "status": "partial"}],
                "items": [{"id": "a", "clause": "1", "status": "partial"}],
                "findings": [
                    {
                        "id": "a:approved",
                        "clause": "1",
                        "item": "a",
                        "severity": severity,
                        "message": message,
                    }
                ],
            }
        )

    change = compare(result("minor", "old words"), result("major", "new words"))
    assert change.new_findings == () and change.resolved_findings == ()
    assert [c.after.id for c in change.more_severe_findings] == ["a:approved"]
    assert change.state("a:approved") == "updated" and change.is_new("a:approved")
    reworded = compare(result("minor", "old words"), result("minor", "new words"))
    assert reworded.clauses == () and reworded.unchanged_findings == 1
    assert reworded.score_direction is Direction.SAME
