"""One score written one way in every format, and counts spelled out ("1 finding", "2 findings").

The example's overall score at the tests' date has a fraction (84.4), and so do some of
its clauses (8.7.1 at 66.7): every output shows those numbers as the JSON result holds them.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import AS_OF, MINI, REPO, Folder, Invoke
from folders import BODY
from iso20k_cli.cli import app
from iso20k_cli.text.counts import agree, plural

EXAMPLE = REPO / "examples" / "harbourside"


@pytest.fixture(scope="module")
def outputs() -> dict[str, Any]:
    """Every format of check and the text reports, on the example at the tests' date."""

    def run(*args: str) -> str:
        result = CliRunner().invoke(app, list(args), env={"COLUMNS": "100"})
        assert result.exit_code in (0, 1), result.stderr
        return result.stdout

    common = (str(EXAMPLE), "--as-of", AS_OF)
    found: dict[str, Any] = {
        f: run("check", *common, "-f", f, "--depth", "3")
        for f in ("table", "json", "sarif", "junit", "github", "md")
    }
    for f in ("md", "html"):
        found[f"report-{f}"] = run("report", *common, "-f", f)
    return found


def test_the_overall_score_is_the_json_number_everywhere(outputs: dict[str, Any]) -> None:
    data = json.loads(outputs["json"])
    score = f"{data['score']:g}"
    assert score == "84.4", "the example changed: pick another score with a fraction"
    assert f"Overall readiness: {score}/100" in outputs["table"]
    assert f"readiness {score}/100" in outputs["md"]
    assert f"iso20k: readiness {score}/100" in outputs["github"]
    assert json.loads(outputs["sarif"])["runs"][0]["properties"]["readiness"] == data["score"]
    assert f"**Overall readiness: {score}/100.**" in outputs["report-md"]
    assert f"Overall readiness: {score} out of 100" in outputs["report-html"]
    for name, text in outputs.items():
        assert "84/100" not in text and "84 out of 100" not in text, name


def test_a_clause_score_with_a_fraction_is_the_same_everywhere(outputs: dict[str, Any]) -> None:
    clause = next(c for c in json.loads(outputs["json"])["clauses"] if c["id"] == "8.7.1")
    score = f"{clause['score']:g}"
    assert score == "83.3"
    assert re.search(rf"^\s+8\.7\.1 .* {score}  partial", outputs["table"], re.MULTILINE)
    assert f"| 8.7.1 | Service availability management | {score}/100 |" in outputs["report-md"]
    assert f"8.7.1 Service availability management: {score}/100" in outputs["report-md"]


def test_no_output_writes_a_plural_in_brackets(outputs: dict[str, Any]) -> None:
    for name, text in outputs.items():
        assert "(s)" not in text, name
    assert "Stage 1 is not ready (2 blockers)" in outputs["table"]
    assert "2 major findings on documents" in outputs["table"]


def test_plural_and_agree() -> None:
    assert [plural(n, "finding") for n in (0, 1, 2)] == ["0 findings", "1 finding", "2 findings"]
    assert plural(1, "entry", "entries") == "1 entry"
    assert plural(3, "entry", "entries") == "3 entries"
    assert [agree(n, "is", "are") for n in (1, 2)] == ["is", "are"]


def record(folder: Folder, name: str, day: str) -> None:
    folder.add(f"logs/{name}.md", f"# {name}\n\n{BODY}\n", record_date=day)


def test_a_check_counts_one_record_as_one(cli: Invoke, evidence: Folder) -> None:
    # The mini catalogue wants 2 incident records: one found is "1 record", not "1 records".
    record(evidence, "incident-log-2026-10", "2026-10-31")
    args = ("--catalogue", MINI, "--as-of", AS_OF, "-f", "json", "--exit-zero")
    data = cli("check", evidence.root, *args).json()
    messages = [f["message"] for f in data["findings"] if f["id"] == "incident-records:min_count"]
    assert messages == ["1 record found for 'Incident records'; at least 2 expected"]
    record(evidence, "incident-log-2026-11", "2026-11-15")
    checks = cli("check", evidence.root, *args).json()["items"]
    incident = next(i for i in checks if i["id"] == "incident-records")
    counted = next(c for c in incident["checks"] if c["check"] == "min_count")
    assert counted["message"] == "2 records found"


def test_a_report_on_one_file_says_one_file(cli: Invoke, evidence: Folder) -> None:
    evidence.add(
        "incident-policy.md", f"# Incident Policy\n\n{BODY}\n", status="approved", approved=AS_OF
    )
    for fmt in ("md", "html"):
        result = cli("report", evidence.root, "--catalogue", MINI, "--as-of", AS_OF, "-f", fmt)
        assert result.exit_code == 0, result.stderr
        assert "(1 file)" in result.stdout and "1 file was examined" in result.stdout, fmt
        assert "1 files" not in result.stdout


def _leading_count(reason: str) -> int:
    """The blockers a Stage 1 reason stands for: '2 major findings on ...' is two."""
    first = reason.split(" ", 1)[0]
    return int(first) if first.isdigit() else 1


def test_stage_2_counts_the_blockers_stage_1_lists(outputs: dict[str, Any]) -> None:
    verdict = json.loads(outputs["json"])["verdict"]
    listed = sum(_leading_count(r) for r in verdict["stage1_blockers"])
    assert listed == 2, "the example changed: Stage 1 should list two major findings"
    sentence = f"Stage 1 is not ready ({plural(listed, 'blocker')})"
    assert verdict["stage2_blockers"][0] == sentence
    for name in ("table", "md", "report-md", "report-html"):
        assert sentence in outputs[name], name
        assert "Stage 1 is not ready (1 blocker)" not in outputs[name], name


def test_findings_per_severity_agree_between_sections(outputs: dict[str, Any]) -> None:
    findings = [f for f in json.loads(outputs["json"])["findings"] if not f["accepted"]]
    counts = {s: sum(f["severity"] == s for f in findings) for s in ("major", "minor")}
    counts["observation"] = len(findings) - counts["major"] - counts["minor"]
    line = f"{counts['major']} major, {counts['minor']} minor, " + plural(
        counts["observation"], "observation"
    )
    assert f"Findings: {line}" in outputs["table"]
    assert f"Findings: {line}." in outputs["md"]
    report = outputs["report-md"]
    plan = report.split("## 5. Action plan", 1)[1].split("## 6. Evidence index", 1)[0]
    for label, mark in (("Major", "▲"), ("Minor", "△"), ("Observation", "○")):
        count = counts[label.lower()]
        assert f"| {mark} {label} | {count} |" in report, label
        assert f"### {label} ({count})" in plan, label
        rows = plan.split(f"### {label} ({count})", 1)[1].split("\n### ", 1)[0]
        actions = [r for r in rows.splitlines() if re.match(r"\| A\d+ \|", r)]
        assert len(actions) == count, label
    assert f"in all, {plural(counts['major'], 'major gap')} must be closed" in report


def test_files_counted_agree_with_the_evidence_index(outputs: dict[str, Any]) -> None:
    files = json.loads(outputs["json"])["files"]
    used = sum(1 for f in files if f["used_for"])
    report = outputs["report-md"]
    index = report.split("## 6. Evidence index", 1)[1]
    rows = [r for r in index.splitlines() if r.startswith("| `")]
    assert len(rows) == len(files)
    assert len([r for r in rows if "| not used |" in r]) == len(files) - used
    assert f"{plural(len(files), 'file')} were examined: {used} used as evidence" in index
    assert f"It holds {plural(len(files), 'file')} (" in report
    assert f"{used} of them were recognised as evidence" in report
    assert f"{plural(len(files), 'file')} (" in outputs["table"]
    assert f"; {used} used as evidence" in outputs["table"]
