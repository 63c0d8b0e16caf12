"""Tuned check parameters, accepted findings (waivers) and ``iso20k explain``, end to end."""

from __future__ import annotations

from pathlib import Path

from conftest import AS_OF, MINI, REPO, Folder, Invoke, Result
from folders import ready_folder

EXAMPLE = REPO / "examples" / "harbourside"


def run(cli: Invoke, folder: Folder, config: str, *extra: str) -> Result:
    path = folder.root.parent / "settings.yaml"
    path.write_text(config, encoding="utf-8")
    return cli(
        "check", folder.root, "--catalogue", MINI, "--as-of", AS_OF, "--config", path, *extra
    )


def short_records(folder: Folder) -> Folder:
    ready_folder(folder)
    (folder.root / "logs" / "incident-log-2026-08.md").unlink()
    return folder


def test_configuration_tunes_check_parameters(cli: Invoke, evidence: Folder) -> None:
    short_records(evidence)
    strict = run(cli, evidence, "{}\n", "-f", "json").json()
    assert "incident-records:records_span" in {f["id"] for f in strict["findings"]}
    relaxed = run(
        cli, evidence, "checks:\n  records_span:\n    min_days: 30\n", "-f", "json"
    ).json()
    assert "incident-records:records_span" not in {f["id"] for f in relaxed["findings"]}
    per_item = run(
        cli, evidence, "checks:\n  incident-records.min_count:\n    count: 1\n", "-f", "json"
    ).json()
    assert "incident-records:min_count" not in {f["id"] for f in per_item["findings"]}


def test_bad_check_configuration_names_the_line(cli: Invoke, evidence: Folder) -> None:
    ready_folder(evidence)
    cases = {
        "checks:\n  records_span:\n    min_dayz: 30\n": (3, "min_dayz"),
        "checks:\n  signed_in_blood: {}\n": (2, "unknown check type 'signed_in_blood'"),
        "checks:\n  nothing-here.min_count: {count: 1}\n": (2, "item 'nothing-here'"),
        "checks:\n  scope.min_count: {count: 1}\n": (2, "item 'scope' declares no 'min_count'"),
        "checks:\n  min_count:\n    count: 0\n": (3, "count"),
    }
    for text, (line, message) in cases.items():
        result = run(cli, evidence, text)
        assert result.exit_code == 2, text
        assert f"settings.yaml:{line}: " in result.stderr, result.stderr
        assert message in result.stderr


ACCEPT = """\
accepted:
  - finding: {finding}
    justification: Logs before go-live were kept in another tool; migrating them.
    accepted_by: J. Smith, SMS manager
    expires: {expires}
"""


def test_accepted_finding_is_shown_but_does_not_fail(cli: Invoke, evidence: Folder) -> None:
    ready_folder(evidence)
    (evidence.root / "Scope-Statement.md").unlink()  # a major finding: scope:missing
    assert run(cli, evidence, "{}\n").exit_code == 1
    config = ACCEPT.format(finding="scope:missing", expires="2027-01-31")
    result = run(cli, evidence, config, "-f", "json")
    assert result.exit_code == 0
    data = result.json()
    (finding,) = [f for f in data["findings"] if f["id"] == "scope:missing"]
    assert finding["accepted"] == {
        "by": "J. Smith, SMS manager",
        "justification": "Logs before go-live were kept in another tool; migrating them.",
        "expires": "2027-01-31",
        "expired": False,
    }
    assert finding["severity"] == "major"  # still graded as it is
    assert data["verdict"]["stage1_ready"] is True
    table = run(cli, evidence, config).stdout
    assert "1 accepted (not counted)" in table and "Accepted by J. Smith" in table
    sarif = run(cli, evidence, config, "-f", "sarif").json()
    (suppressed,) = [
        r for r in sarif["runs"][0]["results"] if r["properties"]["findingId"] == "scope:missing"
    ]
    assert suppressed["suppressions"][0]["kind"] == "external"
    junit = run(cli, evidence, config, "-f", "junit").stdout
    assert "Accepted by J. Smith" in junit


def test_expired_acceptance_counts_again_with_a_note(cli: Invoke, evidence: Folder) -> None:
    ready_folder(evidence)
    (evidence.root / "Scope-Statement.md").unlink()
    config = ACCEPT.format(finding="scope:missing", expires="2026-10-31")
    result = run(cli, evidence, config)
    assert result.exit_code == 1
    out = " ".join(result.stdout.split())
    assert "expired on 2026-10-31: it counts again" in out


def test_stale_acceptance_is_reported(cli: Invoke, evidence: Folder) -> None:
    ready_folder(evidence)
    config = ACCEPT.format(finding="scope:approved", expires="2027-01-31")
    data = run(cli, evidence, config, "-f", "json").json()
    (stale,) = [f for f in data["findings"] if f["check"] == "acceptance"]
    assert "'scope:approved', which did not occur" in stale["message"]


def test_explain_an_item(cli: Invoke) -> None:
    result = cli("explain", EXAMPLE, "continuity-plan", "--as-of", AS_OF)
    assert result.exit_code == 0
    out = " ".join(result.stdout.split())
    assert "Service continuity plan (continuity-plan)" in out
    assert "a mandatory document" in out and "Basis: 8.7.2; 7.5.4 d)" in out
    assert "08-assurance/Service Continuity Plan.md" in out
    assert "recognised by title: title \"Service Continuity Plan\" names 'continuity plan'" in out
    assert "status draft, version 0.4" in out
    assert "FAIL approved (minor): 'Service continuity plan' is still a draft" in out
    assert "ok document_control" in out
    assert "partial, score 50" in out


def test_explain_shows_files_that_were_not_counted(cli: Invoke) -> None:
    out = " ".join(cli("explain", EXAMPLE, "incident-records", "--as-of", AS_OF).stdout.split())
    assert "Files that name this item but were not counted" in out
    assert (
        '08-assurance/infosec-incident-log-2026.md: title "Information Security Incident '
        "Log 2026\" names 'incident log', but 'security incident log' names is-incident-records"
    ) in out


def test_explain_a_clause_and_a_finding_id(cli: Invoke) -> None:
    out = " ".join(cli("explain", EXAMPLE, "8.7.2", "--as-of", AS_OF).stdout.split())
    assert "8.7.2 Service continuity management" in out
    assert "Mandatory items decide: 0 of 3 met, 1 partial, 2 missing." in out
    assert "Mean of the mandatory items: 50 / 3 = 16.7." in out
    assert "Mandatory evidence decides a clause" in out
    by_finding = cli("explain", EXAMPLE, "continuity-plan:approved", "--as-of", AS_OF)
    assert "Service continuity plan (continuity-plan:approved)" in by_finding.stdout
    interview = cli("explain", EXAMPLE, "5.1", "--as-of", AS_OF)
    assert "judges it by interview" in " ".join(interview.stdout.split())


def test_explain_unknown_target(cli: Invoke, tmp_path: Path) -> None:
    result = cli("explain", EXAMPLE, "11.1", "--as-of", AS_OF)
    assert result.exit_code == 2
    assert "'11.1' is neither a clause, an item nor a finding" in result.stderr


def test_fail_on_from_the_configuration(cli: Invoke, evidence: Folder) -> None:
    ready_folder(evidence)
    evidence.add("Scope-Statement.md", "# Scope", status="draft")  # a minor finding only
    assert run(cli, evidence, "{}\n").exit_code == 0
    assert run(cli, evidence, "fail_on: minor\n").exit_code == 1
    # The option wins over the configuration.
    lenient = run(cli, evidence, "fail_on: minor\n", "--fail-on", "major")
    assert lenient.exit_code == 0
