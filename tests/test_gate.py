"""The CI gate: --fail-on, --fail-under and --exit-zero, and the reasons given on stderr."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import MINI, Folder, Invoke
from folders import check, ready_folder
from iso20k_cli.assess.engine import assess
from iso20k_cli.assess.model import Severity
from iso20k_cli.catalogue.loader import load_catalogue
from iso20k_cli.evidence.model import DocStatus, DocumentControl, EvidenceFile
from iso20k_cli.history.baseline import SavedResult
from iso20k_cli.history.compare import compare
from iso20k_cli.history.gate import (
    Escalation,
    GateResult,
    MoreSevere,
    NewFindings,
    Remaining,
    SinceBaseline,
    UnderThreshold,
    evaluate_gate,
)
from iso20k_cli.render.gate import gate_reasons
from iso20k_cli.settings.config import Settings


def with_draft_scope(folder: Folder) -> Folder:
    """One minor finding (an unapproved scope statement) and no major one."""
    ready_folder(folder)
    folder.add(
        "Scope-Statement.md",
        "# Scope\n",
        title="SMS Scope Statement",
        status="draft",
        approved="2026-03-01",
        review_due="2027-03-01",
    )
    return folder


def with_bad_front_matter(folder: Folder) -> Folder:
    """One observation (a date that cannot be read) and nothing worse."""
    ready_folder(folder)
    folder.add("notes/minutes.md", "# Minutes\n", approved="soon")
    return folder


@pytest.mark.parametrize(
    ("fail_on", "minor_only", "observation_only"),
    [("major", 0, 0), ("minor", 1, 0), ("observation", 1, 1), ("MINOR", 1, 0)],
)
def test_fail_on_sets_the_lowest_failing_severity(
    cli: Invoke,
    tmp_path_factory: pytest.TempPathFactory,
    fail_on: str,
    minor_only: int,
    observation_only: int,
) -> None:
    minor = with_draft_scope(Folder(tmp_path_factory.mktemp("minor")))
    observation = with_bad_front_matter(Folder(tmp_path_factory.mktemp("observation")))
    assert check(cli, minor, "--fail-on", fail_on).exit_code == minor_only
    assert check(cli, observation, "--fail-on", fail_on).exit_code == observation_only


def test_default_fails_on_a_major_finding_and_says_why(cli: Invoke, evidence: Folder) -> None:
    ready_folder(evidence)
    (evidence.root / "incident-policy.md").unlink()
    result = check(cli, evidence, "-f", "json")
    assert result.exit_code == 1
    assert result.json()["score"] < 100  # stdout is the JSON document alone
    assert "iso20k: failing: 1 major finding remains" in result.stderr
    assert check(cli, evidence, "--fail-on", "observation").exit_code == 1


def test_exit_zero_wins_over_every_gate(cli: Invoke, evidence: Folder) -> None:
    with_draft_scope(evidence)
    result = check(cli, evidence, "--fail-on", "minor", "--fail-under", "99", "--exit-zero")
    assert result.exit_code == 0
    assert "failing" not in result.stderr


def test_fail_under_and_fail_on_together(cli: Invoke, evidence: Folder) -> None:
    with_draft_scope(evidence)
    score = check(cli, evidence, "-f", "json").json()["score"]
    under = check(cli, evidence, "--fail-under", str(score + 1))
    assert under.exit_code == 1
    assert "is under the threshold" in under.stderr
    both = check(cli, evidence, "--fail-under", str(score + 1), "--fail-on", "minor")
    assert both.exit_code == 1
    assert both.stderr.count("iso20k: failing:") == 2
    assert check(cli, evidence, "--fail-under", str(score)).exit_code == 0


def test_bad_fail_on_is_a_usage_error(cli: Invoke, evidence: Folder) -> None:
    result = check(cli, evidence, "--fail-on", "critical")
    assert result.exit_code == 2
    assert "Invalid value" in result.stderr


def test_help_documents_the_gate(cli: Invoke) -> None:
    text = " ".join(cli("check", "--help", env={"COLUMNS": "100"}).stdout.split())
    for needle in (
        "--fail-on",
        "--baseline",
        "--write-baseline",
        "sarif",
        "junit",
        "github",
        "md",
        "Exit codes: 0 the gate passed",
        "with --fail-on minor or observation",
        "with --baseline, something got worse",
    ):
        assert needle in text, needle
    diff_help = " ".join(cli("diff", "--help", env={"COLUMNS": "100"}).stdout.split())
    assert "1 something got worse" in diff_help


def test_gate_reasons_in_memory() -> None:
    catalogue = load_catalogue(MINI)
    draft = EvidenceFile(
        path="scope-statement.md",
        format="markdown",
        size=1,
        readable=True,
        control=DocumentControl(status=DocStatus.DRAFT, title="SMS Scope Statement"),
    )
    result = assess(catalogue, Settings(), (draft,), dt.date(2026, 11, 21), "sms")
    majors = result.count(Severity.MAJOR)
    gate = evaluate_gate(result)
    assert gate.reasons == (Remaining(majors, Severity.MAJOR),)
    assert gate_reasons(gate) == (f"{majors} major findings remain",)
    assert evaluate_gate(result, result.parameters.fail_on).failed  # check's default gate
    minor = gate_reasons(evaluate_gate(result, Severity.MINOR))
    assert minor == (f"{majors + 1} findings at minor or above remain",)
    same = compare(SavedResult.of(result), SavedResult.of(result))
    assert not evaluate_gate(result, Severity.OBSERVATION, same).failed


def test_the_gate_decides_and_the_renderer_words_it() -> None:
    # The verdict is data (history/gate.py); its sentences for the log are render's.
    ids = tuple(f"item-{n}:missing" for n in range(7))
    escalated = Escalation("sla:approved", Severity.MINOR, Severity.MAJOR)
    verdict = GateResult(
        (
            SinceBaseline(MoreSevere((escalated,))),
            NewFindings(ids, Severity.MINOR),
            UnderThreshold(72.44, 80.0),
        )
    )
    assert verdict.failed and not GateResult(()).failed
    assert gate_reasons(verdict) == (
        "since the baseline, 1 finding more severe: sla:approved (minor -> major)",
        "7 new findings (minor or above): item-0:missing, item-1:missing, item-2:missing, "
        "item-3:missing, item-4:missing and 2 more",
        "readiness 72.4 is under the threshold 80 (--fail-under)",
    )
