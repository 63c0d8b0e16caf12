"""Checks, statuses, findings, scores and verdicts, on evidence built in memory."""

from __future__ import annotations

import datetime as dt

from conftest import MINI
from iso20k_cli.assess.engine import assess
from iso20k_cli.assess.model import Assessment, ItemResult, Severity, Status
from iso20k_cli.catalogue.loader import load_catalogue
from iso20k_cli.checks.registry import REGISTRY
from iso20k_cli.checks.specs import CHECK_TYPES
from iso20k_cli.evidence.model import DocStatus, DocumentControl, EvidenceFile
from iso20k_cli.history.gate import evaluate_gate
from iso20k_cli.settings.config import Settings

CAT = load_catalogue(MINI)
AS_OF = dt.date(2026, 11, 21)
D = dt.date


def doc(
    path: str, status: DocStatus | None = DocStatus.APPROVED, **control: object
) -> EvidenceFile:
    return EvidenceFile(
        path=path,
        format="markdown",
        size=1,
        readable=True,
        control=DocumentControl(status=status, **control),
    )


def rec(path: str, *dates: dt.date) -> EvidenceFile:
    return EvidenceFile(path=path, format="markdown", size=1, readable=True, record_dates=dates)


def good_folder() -> list[EvidenceFile]:
    return [
        doc("scope-statement.md", approved=D(2026, 3, 1), review_due=D(2027, 3, 1)),
        doc("staff-handbook.md", approved=D(2026, 3, 1), review_due=D(2027, 3, 1)),
        doc("incident-policy.md", approved=D(2026, 3, 1)),
        rec("incident-log-2026-08.md", D(2026, 8, 1), D(2026, 8, 31)),
        rec("incident-log-2026-10.md", D(2026, 10, 1), D(2026, 10, 31)),
        rec("security-incident-log.md", D(2026, 11, 2)),
        rec("internal-audit-report-2026-09-20.md", D(2026, 9, 20)),
    ]


def run(
    files: list[EvidenceFile], settings: Settings | None = None, as_of: dt.date = AS_OF
) -> Assessment:
    return assess(CAT, settings or Settings(), tuple(files), as_of, "ev")


def item(result: Assessment, item_id: str) -> ItemResult:
    return next(i for i in result.items if i.id == item_id)


def findings_for(result: Assessment, item_id: str) -> dict[str, Severity]:
    return {f.check: f.severity for f in result.findings if f.item == item_id}


def test_every_check_type_has_a_runner() -> None:
    assert tuple(REGISTRY) == CHECK_TYPES


def test_fully_ready_folder() -> None:
    result = run(good_folder())
    assert [i.status for i in result.items] == [Status.MET] * 6
    assert result.score == 100.0
    assert result.findings == ()
    assert result.verdict.stage1_ready and result.verdict.stage2_ready
    assert result.records_span_days == 92  # 1 August to 31 October, both included
    clause = {c.id: c for c in result.clauses}
    assert clause["1.2"].status is Status.NOT_ASSESSED and clause["1.2"].score is None
    assert clause["2"].met == 4


def test_missing_mandatory_is_major_and_optional_is_observation() -> None:
    files = [f for f in good_folder() if f.path not in ("scope-statement.md", "staff-handbook.md")]
    result = run(files)
    assert findings_for(result, "scope") == {"missing": Severity.MAJOR}
    handbook = [f for f in result.findings if f.item == "handbook"]
    assert handbook[0].severity is Severity.OBSERVATION
    assert handbook[0].basis and "uncertain" in handbook[0].basis  # K? in the catalogue
    assert not result.verdict.stage1_ready
    assert "Scope statement" in result.verdict.stage1_blockers[0]
    assert evaluate_gate(result).failed


def test_draft_is_minor_and_partial() -> None:
    files = good_folder()
    files[0] = doc("scope-statement.md", DocStatus.DRAFT, status_text="Draft")
    result = run(files)
    assert item(result, "scope").status is Status.PARTIAL
    assert findings_for(result, "scope")["approved"] is Severity.MINOR
    assert result.verdict.stage1_ready  # minor findings do not block


def test_approved_version_wins_over_draft() -> None:
    files = [*good_folder(), doc("old/scope-statement-draft.md", DocStatus.DRAFT)]
    assert item(run(files), "scope").status is Status.MET


def test_no_document_control_cannot_be_confirmed() -> None:
    files = good_folder()
    files[0] = doc("scope-statement.md", None)
    result = run(files)
    assert findings_for(result, "scope") == {
        "approved": Severity.MINOR,
        "review_interval": Severity.OBSERVATION,
    }


def test_review_overdue_by_date_and_by_default_interval() -> None:
    files = good_folder()
    files[0] = doc("scope-statement.md", approved=D(2024, 1, 1), review_due=D(2025, 1, 1))
    result = run(files)
    overdue = next(f for f in result.findings if f.check == "review_interval")
    assert overdue.severity is Severity.MINOR and "2025-01-01" in overdue.message
    assert overdue.basis is None  # an explicit review date is the organisation's own plan
    files[0] = doc("scope-statement.md", approved=D(2025, 10, 1))
    by_default = next(f for f in run(files).findings if f.check == "review_interval")
    assert by_default.basis and "practice, not a requirement" in by_default.basis


def test_record_age_span_and_count() -> None:
    files = [f for f in good_folder() if "incident-log-2026-08" not in f.path]
    result = run(files)
    assert findings_for(result, "incident-records") == {
        "records_span": Severity.MINOR,
        "min_count": Severity.MINOR,
    }
    span = next(f for f in result.findings if f.check == "records_span")
    assert "31 days" in span.message and span.basis and "not a clause" in span.basis
    old = run(good_folder(), as_of=D(2027, 3, 1))
    assert findings_for(old, "incident-records") == {"latest_record_age": Severity.MINOR}


def test_undated_records_and_future_dates() -> None:
    files = good_folder()
    files[5] = rec("security-incident-log.md")
    assert findings_for(run(files), "security-incidents") == {"latest_record_age": Severity.MINOR}
    files[5] = rec("security-incident-log.md", D(2027, 1, 1))
    assert findings_for(run(files), "security-incidents") == {"latest_record_age": Severity.MINOR}


def test_a_suggestion_alone_leaves_the_item_missing() -> None:
    files = [f for f in good_folder() if f.path != "scope-statement.md"]
    files.append(
        EvidenceFile(
            path="notes.md",
            format="markdown",
            size=1,
            readable=True,
            text="In scope: hosting. Out of scope: none. Locations: one. Services covered: all.",
        )
    )
    result = run(files)
    scope = item(result, "scope")
    assert scope.status is Status.MISSING
    assert [(e.matched_by.value, e.counted) for e in scope.evidence] == [("content", False)]
    assert findings_for(result, "scope") == {"weak_match": Severity.MAJOR}


def test_stage2_needs_span_and_records() -> None:
    files = [f for f in good_folder() if "incident-log-2026-08" not in f.path]
    result = run(files)
    assert result.verdict.stage1_ready
    assert not result.verdict.stage2_ready
    assert any("cover 31 days" in b for b in result.verdict.stage2_blockers)


def test_stage1_needs_internal_audit_performed() -> None:
    files = [f for f in good_folder() if "audit" not in f.path]
    result = run(files)
    assert not result.verdict.stage1_ready
    assert any("has been performed" in b for b in result.verdict.stage1_blockers)
    assert result.verdict.stage2_blockers[0] == "Stage 1 is not ready (1 blocker)"


def test_stage2_counts_each_major_finding_and_missing_performance_stage1_lists() -> None:
    files = [
        f
        for f in good_folder()
        if not f.path.startswith(("internal-audit", "incident-policy", "scope"))
    ]
    stage1 = run(files).verdict.stage1_blockers
    majors = next(b for b in stage1 if "major finding" in b)
    performed = [b for b in stage1 if "has been performed" in b]
    assert performed
    listed = int(majors.split(" ", 1)[0]) + len(performed)
    assert listed > len(stage1)  # a line of major findings stands for several
    assert run(files).verdict.stage2_blockers[0] == f"Stage 1 is not ready ({listed} blockers)"


def test_not_applicable_items_are_excluded_from_the_score() -> None:
    files = [f for f in good_folder() if "security" not in f.path]
    settings = Settings.model_validate(
        {
            "not_applicable": [
                {"item": "security-incidents", "justification": "No security scope at all here."}
            ]
        }
    )
    result = run(files, settings)
    assert item(result, "security-incidents").status is Status.NOT_APPLICABLE
    assert result.score == 100.0
    (note,) = [f for f in result.findings if f.item == "security-incidents"]
    # The mini catalogue words no note of its own: the one that names no standard.
    assert note.severity is Severity.OBSERVATION
    assert note.basis == "an auditor will check that the justification holds"


def test_not_applicable_clause_covers_its_items() -> None:
    settings = Settings.model_validate(
        {"not_applicable": [{"clause": "2", "justification": "Testing a whole clause."}]}
    )
    result = run(good_folder()[:2], settings)
    clause = {c.id: c for c in result.clauses}
    assert clause["2"].status is Status.NOT_APPLICABLE and clause["2"].score is None


def test_mandatory_items_decide_and_good_practice_only_raises() -> None:
    # Clause 1.1 holds scope (mandatory, weight 3) and handbook (good practice, weight 1).
    approved = doc("scope-statement.md", approved=D(2026, 3, 1), review_due=D(2027, 3, 1))
    draft = doc("scope-statement.md", DocStatus.DRAFT, review_due=D(2027, 3, 1))
    handbook = doc("staff-handbook.md")
    runs = {
        "met+missing": run([approved]),
        "draft+missing": run([draft]),
        "missing+met": run([handbook]),
        "draft+met": run([draft, handbook]),
        "missing+missing": run([]),
    }
    clause_1_1 = {
        k: ({c.id: c.score for c in r.clauses}["1.1"], {c.id: c.status for c in r.clauses}["1.1"])
        for k, r in runs.items()
    }
    assert clause_1_1 == {
        # The missing handbook does not lower a clause whose mandatory item is met.
        "met+missing": (100.0, Status.MET),
        "draft+missing": (50.0, Status.PARTIAL),
        # The handbook lifts "missing" to "partial"; weighted 1 against 3, it raises the score.
        "missing+met": (25.0, Status.PARTIAL),
        "draft+met": (62.5, Status.PARTIAL),
        "missing+missing": (0.0, Status.MISSING),
    }


def test_settings_override_defaults() -> None:
    files = [f for f in good_folder() if "incident-log-2026-08" not in f.path]
    relaxed = Settings.model_validate({"defaults": {"min_records_span_days": 20}})
    result = run(files, relaxed)
    assert "records_span" not in findings_for(result, "incident-records")
    assert result.parameters.min_records_span_days == 20
