"""The bundled example: the tool finds exactly what was planted in it, and no more."""

from __future__ import annotations

from typing import Any

import pytest

from conftest import AS_OF, REPO, Invoke

EXAMPLE = REPO / "examples" / "harbourside"


@pytest.fixture(scope="module")
def result() -> dict[str, Any]:
    from typer.testing import CliRunner

    from iso20k_cli.cli import app

    run = CliRunner().invoke(app, ["check", str(EXAMPLE), "--as-of", AS_OF, "-f", "json"])
    assert run.exit_code == 1, run.stderr  # major gaps were planted
    import json

    data: dict[str, Any] = json.loads(run.stdout)
    return data


def findings(result: dict[str, Any], severity: str) -> set[tuple[str | None, str]]:
    return {(f["item"], f["check"]) for f in result["findings"] if f["severity"] == severity}


def test_planted_gaps_are_the_major_findings(result: dict[str, Any]) -> None:
    assert findings(result, "major") == {
        ("other-parties-list", "missing"),
        ("service-complaints", "missing"),
        ("continuity-risk-assessment", "missing"),
        ("continuity-test-results", "missing"),
    }
    # Records of disputes are needed only if there were disputes: the example does not say
    # (its supplier review mentions none), so an auditor would ask.
    assert ("contractual-disputes", "applies_when") in findings(result, "observation")


def test_planted_weaknesses_are_minor_findings(result: dict[str, Any]) -> None:
    minor = findings(result, "minor")
    assert ("continuity-plan", "approved") in minor  # the draft
    assert ("is-policy", "review_interval") in minor  # overdue since 2025-05-20
    # The bare targets file has no document control, but the approved SLA states the
    # availability target too, so the item is met by the SLA's section.
    assert ("availability-requirements", "approved") not in minor
    (targets,) = (i for i in result["items"] if i["id"] == "availability-requirements")
    assert ("05-services/SLA-Managed-Hosting.md", "§2. Service level targets") in {
        (e["path"], e["section"]) for e in targets["evidence"] if e["counted"]
    }
    # Planted gaps in good-practice items stay observations.
    observations = findings(result, "observation")
    assert ("capacity-plan", "missing") in observations
    assert ("service-budget", "missing") in observations


def test_verdicts_and_organisation(result: dict[str, Any]) -> None:
    assert result["organisation"] == "Harbourside Digital Services Ltd"
    verdict = result["verdict"]
    assert not verdict["stage1_ready"] and not verdict["stage2_ready"]
    assert "Service continuity risk assessment" in verdict["stage1_blockers"][0]
    assert 50 < result["score"] < 90


def test_every_file_is_read_and_used_precisely(result: dict[str, Any]) -> None:
    files = {f["path"]: f for f in result["files"]}
    assert "README.md" not in files  # ignored by the example's .iso20k.yaml
    scan = "05-services/Supplier-Agreement-PN1-Colocation-signed.pdf"
    assert all(f["readable"] and not f["warnings"] for p, f in files.items() if p != scan)
    assert files["04-support/team-offsite-agenda.txt"]["used_for"] == []
    # "confidentiality, integrity and availability" does not make the IS policy
    # evidence of availability management.
    assert files["08-assurance/Information-Security-Policy.md"]["used_for"] == ["is-policy"]
    # The title names the security incident log; its short file name does not make it
    # evidence of incident management too.
    assert files["08-assurance/infosec-incident-log-2026.md"]["used_for"] == ["is-incident-records"]


def test_declared_files_link_only_to_what_they_declare(result: dict[str, Any]) -> None:
    items = {i["id"]: i for i in result["items"]}
    pack = "09-performance/ops-pack-2026-10.md"
    for item_id in ("capacity-monitoring", "demand-forecasts"):
        assert {"path": pack, "matched_by": "declared"}.items() <= items[item_id]["evidence"][
            0
        ].items()
    files = {f["path"]: f for f in result["files"]}
    assert files[pack]["used_for"] == ["demand-forecasts", "capacity-monitoring"]
    assert items["capacity-plan"]["status"] == "missing"  # a record is not the plan


def test_table_output_for_the_readme_command(cli: Invoke) -> None:
    run = cli("check", EXAMPLE, "--as-of", AS_OF)
    assert run.exit_code == 1
    assert "Harbourside Digital Services Ltd" in run.stdout
    assert "Stage 1 (documentation): NOT READY" in run.stdout
    assert "Service continuity risk assessment" in run.stdout
    # The header shows the Office, PDF and CSV evidence was recognised, and the scan unread.
    header = " ".join(run.stdout.split("Clause")[0].split())
    assert "53 files (46 Markdown, 2 PDF, 2 text, 1 CSV, 1 Word, 1 Excel)" in header
    assert "1 not read" in header


def test_office_pdf_and_export_files_are_recognised(result: dict[str, Any]) -> None:
    files = {f["path"]: f for f in result["files"]}
    expected = {
        "04-support/Communication-Plan.docx": ("docx", ["communication-plan"]),
        "05-services/Asset-Register-2026.xlsx": ("xlsx", ["asset-register"]),
        "05-services/Supplier-Performance-Review-2026-Q3.pdf": (
            "pdf",
            ["supplier-performance-reviews"],
        ),
        "07-resolution/service-requests-export-2026-10-01_to_2026-11-15.csv": (
            "csv",
            ["service-request-records"],
        ),
    }
    for path, (fmt, used) in expected.items():
        assert (files[path]["format"], files[path]["used_for"]) == (fmt, used), path
    items = {i["id"]: i for i in result["items"]}
    assert items["communication-plan"]["status"] == "met"  # control table read from Word
    assert items["asset-register"]["status"] == "met"  # control sheet read from Excel
    # The export carries the service request records past 90 days.
    assert items["service-request-records"]["status"] == "met"


def test_signed_scan_is_vouched_for_by_the_manifest(result: dict[str, Any]) -> None:
    scan = "05-services/Supplier-Agreement-PN1-Colocation-signed.pdf"
    files = {f["path"]: f for f in result["files"]}
    assert files[scan]["readable"] is False and "no text layer" in files[scan]["error"]
    contracts = {i["id"]: i for i in result["items"]}["supplier-contracts"]
    assert contracts["status"] == "met"
    assert contracts["evidence"] == [
        {
            "path": scan,
            "matched_by": "declared",
            "detail": "declares item supplier-contracts",
            "counted": True,
            "section": None,
            "signals": [],
        }
    ]


def test_clause_statuses_roll_up_consistently(result: dict[str, Any]) -> None:
    # Mandatory evidence decides every clause, parents over their whole subtree: a met
    # parent has no missing clause below it, a missing one nothing met or partial below.
    clauses = {c["id"]: c for c in result["clauses"]}
    below: dict[str, set[str]] = {cid: set() for cid in clauses}
    for cid, clause in clauses.items():
        parent = clause["parent"]
        while parent is not None:
            below[parent].add(clauses[cid]["status"])
            parent = clauses[parent]["parent"]
    for cid, clause in clauses.items():
        if clause["status"] == "met":
            assert "missing" not in below[cid], cid
        if clause["status"] == "missing":
            assert not below[cid] & {"met", "partial"}, cid
    # Clause 8 holds gaps in mandatory evidence (8.2.3, 8.7.2) and met clauses.
    assert clauses["8"]["status"] == "partial"
    # Good-practice-only clauses with nothing present are not gaps.
    for cid in ("7.5.4", "7.6", "8.1", "8.4.1", "8.5.2.3", "8.5.3"):
        assert (clauses[cid]["status"], clauses[cid]["score"]) == ("not_assessed", None), cid
