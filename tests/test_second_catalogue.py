"""A second standard in YAML alone: ISO 9001:2015 through check and report, end to end.

The evidence is a small quality management system written in the test (Markdown, a
Word policy, an Excel evaluation and a CSV log). Everything the output says about the
standard must come from requirements/iso9001-2015.yaml: nothing of ISO/IEC 20000-1 may
leak into it from Python.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest

from conftest import AS_OF, REPO, Folder, Invoke, Result
from factories import write_csv, write_docx, write_xlsx
from iso20k_cli.catalogue.loader import load_catalogue
from iso20k_cli.catalogue.model import Kind, Source

NINE = REPO / "requirements" / "iso9001-2015.yaml"
TITLE = "ISO 9001:2015 — Quality management systems — Requirements"
AUDIT_DATE = "2027-02-01"

# What only the ISO/IEC 20000-1 catalogue or its Python past would say.
FOREIGN = re.compile(
    r"20000|service management|\bSMS\b|ITSM|iso20000|2011 edition|2018 edition|"
    r"service level|clauses 4 to 10|Service portfolio|Incident manager",
    re.IGNORECASE,
)

BODY = (
    "This document sets out who does what, when and how, for the products and services "
    "in scope, and how the results are recorded and reviewed by the quality manager."
)
CONFIG = """\
organisation: Northgate Precision Ltd
not_applicable:
  - clause: "8.3"
    justification: We build to customer drawings and design nothing we supply.
conditions:
  measuring-equipment: false
  traceability-required: false
  customer-property-incidents: false
"""


def quality_folder(folder: Folder) -> Folder:
    """Scope, policy (Word), objectives (a draft), processes, competence, supplier
    evaluations (Excel), release log (CSV) and an internal audit report; no management
    review, no corrective action log."""
    folder.add(".iso20k.yaml", CONFIG)
    controlled = dict(status="approved", approved="2026-03-01", owner="Quality manager")
    folder.add("QMS Scope.md", f"# QMS scope statement\n\n{BODY}\n", version="2.0", **controlled)
    folder.add(
        "processes/Process map.md", f"# Process map\n\n{BODY}\n", version="1.3", **controlled
    )
    folder.add(
        "Quality Objectives 2026.md", f"# Quality objectives 2026\n\n{BODY}\n", status="draft"
    )
    write_docx(
        folder.root / "policies" / "Quality Policy.docx",
        [("Title", "Quality Policy"), BODY, ("Heading 1", "Revision history")],
        tables=[
            [["Document owner", "Quality manager"], ["Classification", "Public"]],
            [
                ["Version", "Date", "Author", "Approver", "Summary"],
                ["3.0", "2026-02-10", "Ann Lee", "Tom Brown", "Annual review"],
            ],
        ],
    )
    folder.add(
        "records/Training records.md", f"# Training records\n\n{BODY}\n", record_date="2026-10-01"
    )
    write_xlsx(
        folder.root / "purchasing" / "Supplier evaluation 2026.xlsx",
        {
            "Supplier evaluation": [
                ("Supplier", "Evaluated", "Score", "Approved"),
                ("Acme Castings", "2026-04-14", 86, "yes"),
                ("Brightline Plating", "2026-09-02", 74, "yes"),
            ]
        },
    )
    rows: list[tuple[str, ...]] = [("Batch", "Released", "Released by", "Result")]
    rows += [(f"B-{n:03d}", f"2026-{month:02d}-15", "K. Osei", "accepted")
             for n, month in enumerate(range(5, 12), start=1)]  # fmt: skip
    write_csv(folder.root / "records" / "release-records.csv", rows)
    folder.add(
        "audit/Internal audit report 2026-09.md",
        f"# Internal audit report\n\n{BODY}\n",
        record_date="2026-09-20",
    )
    return folder


@pytest.fixture
def quality(evidence: Folder) -> Folder:
    return quality_folder(evidence)


def run(cli: Invoke, *args: str | Path) -> Result:
    result = cli(*args, "--catalogue", NINE, "--as-of", AS_OF)
    assert result.exit_code in (0, 1), result.stderr
    assert "Traceback" not in result.stderr
    return result


def assert_no_foreign_wording(text: str) -> None:
    found = sorted({m.group(0) for m in FOREIGN.finditer(text)})
    assert not found, found


def test_the_second_catalogue_is_valid(cli: Invoke) -> None:
    result = cli("catalogue", "validate", NINE)
    assert result.exit_code == 0, result.stderr
    assert "valid: 43 clauses, 27 items (23 mandatory)" in result.stdout


def test_it_is_right_about_the_documented_information_of_iso_9001() -> None:
    cat = load_catalogue(NINE)
    assert [c.id for c in cat.clauses if c.parent is None] == [str(n) for n in range(4, 11)]
    mandatory = {(i.kind, i.basis) for i in cat.items if i.mandatory}
    # To maintain: scope, processes, policy, objectives (and specifications, uncertain).
    assert {b for k, b in mandatory if k is Kind.DOCUMENT} == {
        "4.3", "4.4.2 a)", "5.2.2 a)", "6.2.1", "8.5.1 a)", "9.2.2 a), f)",
    }  # fmt: skip
    # To retain, as the 2015 edition lists them.
    assert {b for k, b in mandatory if k is Kind.RECORD} == {
        "7.1.5.1; 7.1.5.2", "7.2 d)", "8.2.3.2", "8.3.3", "8.3.4 f)", "8.3.5", "8.3.6",
        "8.4.1", "8.5.2", "8.5.3", "8.5.6", "8.6", "8.7.2", "9.1.1", "9.2.2 f)", "9.3.3",
        "10.2.2",
    }  # fmt: skip
    # Design and development records apply only where the organisation designs.
    design = [i for i in cat.items_under("8.3")]
    assert {i.applies_when.condition for i in design if i.applies_when} == {
        "design-and-development"
    }
    assert len(design) == 4
    # What is not sure says so.
    unsure = cat.item("product-service-specifications")
    assert unsure.source is Source.KNOWLEDGE_UNSURE and unsure.note
    assert not [i.id for i in cat.items if not i.mandatory and not i.basis.startswith("Good")]
    # Its report section names its own roles and phases.
    assert cat.report.scope_item == "qms-scope"
    assert cat.standard.tags == ("iso9001",)


def test_check_table_reads_as_iso_9001(cli: Invoke, quality: Folder) -> None:
    result = run(cli, "check", quality.root, "--max-findings", "0")
    out = " ".join(result.stdout.split())
    assert f"Readiness for {TITLE}" in out
    assert "Northgate Precision Ltd" in out
    assert "Control of nonconforming outputs" in out
    assert "9.3.3 no evidence of 'Management review minutes' was found" in out
    assert "'Quality objectives' is still a draft" in out
    assert result.exit_code == 1  # major findings remain
    assert_no_foreign_wording(result.stdout + result.stderr)


def test_check_json_judges_the_evidence_against_iso_9001(cli: Invoke, quality: Folder) -> None:
    result = run(cli, "check", quality.root, "-f", "json")
    data: dict[str, Any] = result.json()
    assert data["catalogue"]["id"] == "iso-9001-2015"
    assert data["catalogue"]["title"] == TITLE
    status = {i["id"]: i["status"] for i in data["items"]}
    assert status["qms-scope"] == "met"
    assert status["process-documentation"] == "met"
    assert status["quality-policy"] == "met"  # the Word document, approved in its history
    assert status["quality-objectives"] == "partial"  # a draft
    assert status["competence-records"] == "met"
    assert status["external-provider-evaluations"] == "met"  # the Excel workbook
    assert status["release-records"] == "met"  # the CSV, seven months of releases
    assert status["internal-audit-results"] == "met"
    assert status["management-review-records"] == "missing"
    assert status["corrective-action-records"] == "missing"
    # Answered conditions and a clause declared not applicable.
    assert status["calibration-records"] == "not_applicable"
    assert status["design-inputs"] == "not_applicable"
    used = {f["path"]: f["used_for"] for f in data["files"]}
    assert used["purchasing/Supplier evaluation 2026.xlsx"] == ["external-provider-evaluations"]
    assert used["records/release-records.csv"] == ["release-records"]
    # The notes findings rest on are the 9001 catalogue's.
    basis = {f["id"]: f["basis"] for f in data["findings"]}
    assert basis["design-inputs:not_applicable"].startswith("ISO 9001:2015 (4.3) accepts")
    assert "'planned intervals'" in basis["quality-objectives:review_interval"]
    assert not data["verdict"]["stage1_ready"]
    assert_no_foreign_wording(result.stdout)


def test_sarif_rules_carry_the_catalogues_tag(cli: Invoke, quality: Folder) -> None:
    result = run(cli, "check", quality.root, "-f", "sarif")
    rules = json.loads(result.stdout)["runs"][0]["tool"]["driver"]["rules"]
    assert rules and all(r["properties"]["tags"][0] == "iso9001" for r in rules)
    assert_no_foreign_wording(result.stdout)


def report(cli: Invoke, folder: Folder, fmt: str, tmp_path: Path) -> str:
    out = tmp_path / f"report.{fmt}"
    result = run(cli, "report", folder.root, "-f", fmt, "-o", out, "--audit-date", AUDIT_DATE)
    assert result.exit_code == 0, result.stderr
    return out.read_text(encoding="utf-8")


def plan_rows(markdown: str) -> list[list[str]]:
    """The action plan's rows: Ref, Clause, Requirement, Finding, Action, Owner, Target."""
    plan = markdown.split("## 5. Action plan", 1)[1].split("## 6.", 1)[0]
    return [
        [cell.strip() for cell in line.strip("|").split(" | ")]
        for line in plan.splitlines()
        if re.match(r"\| A\d\d ", line)
    ]


def test_markdown_report_reads_as_iso_9001(cli: Invoke, quality: Folder, tmp_path: Path) -> None:
    text = report(cli, quality, "md", tmp_path)
    assert text.startswith(
        f"# Readiness assessment for certification: Northgate Precision Ltd\n\n{TITLE}\n"
    )
    assert "| Requirements catalogue | iso-9001-2015 0.1.0 " in text
    # No scope in the configuration: the scope document the catalogue names stands in.
    assert (
        "| Scope | QMS scope statement (from the title of the scope document (QMS Scope.md)" in text
    )
    # The method speaks of this standard.
    assert "the scope, the quality policy and the quality objectives" in text
    assert "maintained (a document) or retained (a record)" in text
    owners = {row[1]: row[5] for row in plan_rows(text)}
    assert owners["9.3.3"] == "Top management"
    assert owners["10.2"] == "Quality manager"
    assert owners["6.2"] == "Quality manager"
    assert owners["8.3"] == "Design and development lead"
    # Within a severity, the plan follows the catalogue's phases: quality objectives
    # (its second phase) before documented information (its third).
    clauses = [row[1] for row in plan_rows(text)]
    assert clauses.index("6.2") < clauses.index("7.5")
    assert_no_foreign_wording(text)


def test_html_report_reads_as_iso_9001(cli: Invoke, quality: Folder, tmp_path: Path) -> None:
    page = report(cli, quality, "html", tmp_path)
    text = html.unescape(re.sub(r"<[^>]+>", " ", page))
    words = " ".join(text.split())
    assert "<title>" in page and "Northgate Precision Ltd" in words
    assert TITLE in words
    assert "Top management" in words and "Design and development lead" in words
    assert "the scope, the quality policy and the quality objectives" in words
    assert_no_foreign_wording(page)


def test_action_plan_phases_come_from_the_catalogue(
    cli: Invoke, quality: Folder, tmp_path: Path
) -> None:
    rows = list(csv.DictReader(io.StringIO(report(cli, quality, "csv", tmp_path))))
    phase = {r["Finding ID"]: r["Phase"] for r in rows}
    assert phase["management-review-records:missing"] == "Internal audit and management review"
    assert phase["corrective-action-records:missing"] == (
        "Nonconformity, corrective action and improvement"
    )
    assert phase["quality-objectives:approved"] == "Risks, opportunities and quality objectives"
    assert phase["design-inputs:not_applicable"] == "Operation: records of conformity"
    # Management review records are due before Stage 1, which looks for one performed.
    target = {r["Finding ID"]: r["Target"] for r in rows}
    assert target["management-review-records:missing"] == "4 weeks before Stage 1"
    assert target["corrective-action-records:missing"].startswith("start now")
    assert_no_foreign_wording(json.dumps(rows))


def test_a_shipped_catalogue_is_named_without_its_path(cli: Invoke, quality: Folder) -> None:
    by_name = cli(
        "check", quality.root, "--catalogue", "iso9001-2015", "--as-of", AS_OF, "-f", "json"
    )
    by_path = cli("check", quality.root, "--catalogue", NINE, "--as-of", AS_OF, "-f", "json")
    named, located = json.loads(by_name.stdout), json.loads(by_path.stdout)
    # Named, the result says which shipped catalogue, not where it is installed.
    assert named["catalogue"]["path"] == "builtin:iso9001-2015.yaml"
    assert located["catalogue"]["path"] == str(NINE)
    assert named["score"] == located["score"]
    assert [(i["id"], i["status"]) for i in named["items"]] == [
        (i["id"], i["status"]) for i in located["items"]
    ]
    assert len(named["items"]) > 20


def test_the_configuration_names_a_shipped_catalogue(cli: Invoke, quality: Folder) -> None:
    quality.add(".iso20k.yaml", "catalogue: iso9001-2015\n")
    result = cli("check", quality.root, "--as-of", AS_OF, "-f", "json")
    assert json.loads(result.stdout)["catalogue"]["path"] == "builtin:iso9001-2015.yaml"


def test_a_file_of_that_name_wins_and_a_wrong_name_is_an_error(
    cli: Invoke, quality: Folder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "iso9001-2015").write_text("not: [a catalogue\n", encoding="utf-8")
    mine = cli("check", quality.root, "--catalogue", "iso9001-2015", "--as-of", AS_OF)
    assert mine.exit_code == 2
    assert "iso9001-2015" in mine.stderr and "Traceback" not in mine.stderr
    wrong = cli("check", quality.root, "--catalogue", "iso9001-2016", "--as-of", AS_OF)
    assert wrong.exit_code == 2
    assert "iso9001-2016: file not found" in wrong.stderr
