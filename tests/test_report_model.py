"""The report's view-model, from Assessments built in the test: plan, gaps, strengths."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from iso20k_cli.assess.model import Assessment, CheckResult, Severity, Status
from iso20k_cli.catalogue.loader import load_catalogue
from iso20k_cli.catalogue.model import Catalogue, ReportSpec
from iso20k_cli.render.report.branding import readable_on_white
from iso20k_cli.render.report.gaps import top_gaps
from iso20k_cli.render.report.method import method
from iso20k_cli.render.report.plan import (
    FALLBACK_OWNER,
    OTHER_PHASE,
    Planner,
    action_plan,
    target_of,
)
from iso20k_cli.render.report.strengths import strengths
from iso20k_cli.render.report.view import build_report
from iso20k_cli.settings.logo import sniff_image

AS_OF = dt.date(2026, 11, 21)
SHIPPED: Catalogue = load_catalogue()
"""The shipped catalogue, whose ``report`` section words the plan for ISO/IEC 20000-1."""

ITEMS = [
    # (id, clause, kind, mandatory, status)
    ("sms-scope", "4.3", "document", True, "met"),
    ("policy", "5.2.1", "document", True, "met"),
    ("roles", "5.3", "document", False, "met"),
    ("plan", "6.3", "document", True, "partial"),
    ("contracts", "8.3.4.1", "document", True, "missing"),
    ("disputes", "8.3.4.1", "record", True, "missing"),
    ("incidents", "8.6.1", "record", True, "partial"),
    ("audit", "9.2", "record", True, "missing"),
    ("improvement", "10.2", "record", False, "missing"),
]
CLAUSES = [
    ("4", None, 0, 100.0, "met"),
    ("4.3", "4", 1, 100.0, "met"),
    ("5", None, 0, 100.0, "met"),
    ("5.1", "5", 1, None, "not_assessed"),
    ("5.2", "5", 1, 100.0, "met"),
    ("5.2.1", "5.2", 2, 100.0, "met"),
    ("5.3", "5", 1, 100.0, "met"),
    ("6", None, 0, 50.0, "partial"),
    ("6.3", "6", 1, 50.0, "partial"),
    ("8", None, 0, 12.5, "partial"),
    ("8.3.4.1", "8", 1, 0.0, "missing"),
    ("8.6.1", "8", 1, 50.0, "partial"),
    ("9", None, 0, 0.0, "missing"),
    ("9.2", "9", 1, 0.0, "missing"),
    ("10", None, 0, 0.0, "missing"),
    ("10.2", "10", 1, 0.0, "missing"),
]
FINDINGS = [
    # In the engine's order: severity, then clause.
    ("contracts:missing", "8.3.4.1", "contracts", "major"),
    ("disputes:missing", "8.3.4.1", "disputes", "major"),
    ("audit:missing", "9.2", "audit", "major"),
    ("plan:approved", "6.3", "plan", "minor"),
    ("incidents:records_span", "8.6.1", "incidents", "minor"),
    ("improvement:missing", "10.2", "improvement", "observation"),
    ("file:x.pdf:unreadable", None, None, "observation"),
]


def assessment(**changes: Any) -> Assessment:
    data: dict[str, Any] = {
        "tool_version": "0.1.0",
        "as_of": AS_OF,
        "organisation": "Acme Ltd",
        "scope": None,
        "assessor": None,
        "evidence_dir": "evidence",
        "catalogue": {"id": "c", "title": "Standard", "version": "1", "path": "c.yaml"},
        "parameters": {
            "review_interval_months": 12,
            "max_record_age_days": 92,
            "min_records_span_days": 90,
            "fail_under": None,
        },
        "score": 40.0,
        "verdict": {
            "stage1_ready": False,
            "stage2_ready": False,
            "stage1_blockers": ("1 major finding on documents: Contracts",),
            "stage2_blockers": ("Stage 1 is not ready (1 blocker)",),
        },
        "clauses": [
            {
                "id": cid,
                "title": f"Clause {cid}",
                "parent": parent,
                "depth": depth,
                "score": score,
                "status": status,
                "items": 0 if status == "not_assessed" else 1,
                "met": int(status == "met"),
            }
            for cid, parent, depth, score, status in CLAUSES
        ],
        "items": [
            {
                "id": iid,
                "clause": clause,
                "kind": kind,
                "title": iid.capitalize(),
                "mandatory": mandatory,
                "status": status,
                "score": {"met": 100.0, "partial": 50.0, "missing": 0.0}[status],
                "evidence": (
                    [{"path": f"{iid}.md", "matched_by": "title", "detail": "title contains x"}]
                    if status != "missing"
                    else []
                ),
                "checks": [],
                "decided_by": {
                    "met": "checks_passed",
                    "partial": "checks_failed",
                    "missing": "no_evidence",
                }[status],
            }
            for iid, clause, kind, mandatory, status in ITEMS
        ],
        "findings": [
            {
                "id": fid,
                "clause": clause,
                "item": item,
                "severity": severity,
                "check": fid.rsplit(":", 1)[-1],
                "message": f"problem with {item or 'x.pdf'}",
                "recommendation": "Fix it.",
                "paths": (),
            }
            for fid, clause, item, severity in FINDINGS
        ],
        "files": [
            {
                "path": "sms-scope.md",
                "format": "markdown",
                "readable": True,
                "error": None,
                "title": "Scope of the SMS",
                "used_for": ["sms-scope"],
                "warnings": [],
            },
            {
                "path": "x.pdf",
                "format": "pdf",
                "readable": False,
                "error": "encrypted",
                "title": None,
                "used_for": [],
                "warnings": [],
            },
        ],
        "records_span_days": 120,
    }
    data.update(changes)
    return Assessment.model_validate(data)


def test_actions_by_severity_then_implementation_order() -> None:
    plan = action_plan(assessment(), spec=SHIPPED.report)
    assert [a.finding_id for a in plan.actions] == [
        "contracts:missing",  # major, operation document
        "disputes:missing",  # major, operation record
        "audit:missing",  # major, internal audit comes after the records it audits
        "plan:approved",  # minor, planning before operation
        "incidents:records_span",
        "file:x.pdf:unreadable",  # observation, document control (7.5) before improvement
        "improvement:missing",
    ]
    assert [a.ref for a in plan.actions] == [f"A{n:02d}" for n in range(1, 8)]
    assert plan.ref_of("audit:missing") == "A03"
    assert plan.ref_of("nothing") is None


def test_a_catalogue_without_a_report_section_plans_in_one_phase() -> None:
    plan = action_plan(assessment())
    assert {(a.phase.name, a.owner) for a in plan.actions} == {(OTHER_PHASE, FALLBACK_OWNER)}
    # Severity still comes first, and the engine's order within it.
    assert [a.finding_id for a in plan.actions][:3] == [
        "contracts:missing",
        "disputes:missing",
        "audit:missing",
    ]


def shipped_planner() -> Planner:
    parents = {c.id: c.parent for c in SHIPPED.clauses}
    return Planner(SHIPPED.report, parents)


@pytest.mark.parametrize(
    ("clause", "kind", "phase"),
    [
        ("4.3", "document", "Context, leadership and policy"),
        ("5.2.1", "document", "Context, leadership and policy"),
        ("6.1", "record", "Planning"),
        ("7.5.3", "document", "Support and documented information"),
        ("8.7.2", "document", "Operation: documents"),
        ("8.7.2", "record", "Operation: records"),
        ("8.7.2", None, "Operation: documents"),
        ("9.1", "record", "Monitoring and reporting"),
        ("9.3", "record", "Internal audit and management review"),
        ("10.1", "record", "Improvement"),
        ("1.1", "document", OTHER_PHASE),
        (None, None, "Support and documented information"),
    ],
)
def test_phases(clause: str | None, kind: str | None, phase: str) -> None:
    planner = shipped_planner()
    found = planner.phase(clause, kind)
    assert found.name == phase
    assert found.order == 1 + [p.name for p in (*planner.phases, planner.other)].index(phase)


@pytest.mark.parametrize(
    ("clause", "owner"),
    [
        ("4.1", "Top management"),
        ("7.5.3", "Document controller"),
        ("8.3.4.1", "Supplier manager"),
        ("8.7.3.2", "Information security manager"),
        ("8.2.6", "Configuration manager"),
        ("8.2.4", "Service portfolio manager"),
        ("9.2", "Internal audit lead"),
        ("9.3", "Top management"),
        ("10.1", "SMS manager"),
        ("1.2", "Process owner"),
        (None, "Document controller"),
    ],
)
def test_owners(clause: str | None, owner: str) -> None:
    assert shipped_planner().owner(clause) == owner


def test_a_clause_takes_the_phase_and_owner_of_its_parent_as_the_tree_has_it() -> None:
    # A clause whose parent is declared, not implied by its number.
    spec = ReportSpec.model_validate(
        {"phases": [{"name": "Annex", "clauses": ["A"]}], "owners": {"A": "Annex owner"}}
    )
    planner = Planner(spec, {"A": None, "A-1": "A", "A-1-x": "A-1"})
    assert planner.phase("A-1-x", "record").name == "Annex"
    assert planner.owner("A-1-x") == "Annex owner"
    assert planner.phase("B", "record").name == OTHER_PHASE


def test_stage1_records_are_those_the_catalogue_names() -> None:
    planner = shipped_planner()
    assert planner.stage1_record("9.2", "record")
    assert planner.stage1_record("9.3", "record")
    assert not planner.stage1_record("9.2", "document")
    assert not planner.stage1_record("9.1", "record")
    assert not planner.stage1_record("8.6.1", "record")


def test_targets_relative_and_dated() -> None:
    major_doc = target_of(Severity.MAJOR, "document", AS_OF, None, 90)
    assert (major_doc.display, major_doc.due) == ("8 weeks before Stage 1", None)
    dated = target_of(Severity.MAJOR, "document", AS_OF, dt.date(2027, 3, 1), 90)
    assert dated.due == dt.date(2027, 1, 4)
    assert dated.display == "8 weeks before Stage 1 (by 2027-01-04)"
    late = target_of(Severity.MINOR, "document", AS_OF, dt.date(2026, 12, 1), 90)
    assert late.past and "already past" in late.display
    # Stage 1 looks for an internal audit and a management review already performed.
    audit = target_of(Severity.MAJOR, "record", AS_OF, dt.date(2027, 3, 1), 90, True)
    assert audit.text == "4 weeks before Stage 1" and audit.due == dt.date(2027, 2, 1)
    records = target_of(Severity.MAJOR, "record", AS_OF, dt.date(2027, 3, 1), 120)
    assert records.text == "start now: about 120 days of records before Stage 2"
    assert records.due is None  # Stage 2 is scheduled after Stage 1: no date to give
    minor_records = target_of(Severity.MINOR, "record", AS_OF, None, 90)
    assert minor_records.text == "before Stage 2"
    observation = target_of(Severity.OBSERVATION, "document", AS_OF, None, 90)
    assert observation.text.startswith("next review cycle")


def test_top_gaps_major_documents_first_no_observations() -> None:
    gaps = top_gaps(assessment())
    assert [g.id for g in gaps] == [
        "contracts:missing",
        "disputes:missing",
        "audit:missing",
        "plan:approved",
        "incidents:records_span",
    ]
    assert [g.id for g in top_gaps(assessment(), limit=2)] == [
        "contracts:missing",
        "disputes:missing",
    ]


def test_strengths_recognise_complete_clauses_and_good_practice() -> None:
    found = {s.heading: s for s in strengths(assessment())}
    assert found["Mandatory documented information"].statement.startswith(
        "2 of the 7 documents and records"
    )
    # Clause 5 is complete, so 5.2 and 5.3 are not repeated under it.
    assert "5 Clause 5" in found and "5.3 Clause 5.3" not in found
    assert found["5 Clause 5"].statement == "Complete: Policy; Roles."
    assert found["5 Clause 5"].paths == ("policy.md", "roles.md")
    assert "Roles (5.3)" in found["Good practice beyond the minimum"].statement
    assert "120 days" in found["A track record of operation"].statement
    assert "Ready for the documentation review" not in found


def test_scope_comes_from_the_configuration_or_the_scope_document_title() -> None:
    configured = build_report(assessment(scope="Hosting from Leeds"), catalogue=SHIPPED)
    assert (configured.cover.scope, configured.cover.scope_note) == ("Hosting from Leeds", None)
    fallback = build_report(assessment(), catalogue=SHIPPED).cover
    assert fallback.scope == "Scope of the SMS"
    assert fallback.scope_note == (
        "the title of the scope document (sms-scope.md); see it for the scope"
    )
    unknown = build_report(assessment(items=[]), catalogue=SHIPPED).cover
    assert (unknown.scope, unknown.scope_note) == (None, None)
    # Which item is the scope document is the catalogue's to say.
    assert build_report(assessment()).cover.scope is None


def test_findings_read_as_sentences_but_file_paths_keep_their_case() -> None:
    view = build_report(assessment())
    assert view.summary.top_gaps[0].message == "Problem with contracts"
    assert view.evidence.findings[0].message == "problem with x.pdf"
    assert view.evidence.unreadable[0].notes == ("encrypted",)


def test_conclusion_follows_the_verdicts() -> None:
    both = assessment(
        verdict={
            "stage1_ready": True,
            "stage2_ready": True,
            "stage1_blockers": (),
            "stage2_blockers": (),
        }
    )
    assert "appears ready for both stages" in build_report(both).summary.conclusion
    assert "not yet ready" in build_report(assessment()).summary.conclusion


def test_view_counts_come_from_the_assessment() -> None:
    view = build_report(assessment())
    assert view.summary.score_text == "40/100"
    assert [(c.label, c.count) for c in view.summary.counts] == [
        ("Major", 3),
        ("Minor", 2),
        ("Observation", 2),
    ]
    assert [c.id for c in view.summary.clauses] == ["4", "5", "6", "8", "9", "10"]
    five = next(s for s in view.clauses if s.clause.id == "5")
    # A block for each clause that holds items, however deep; none for clause 5 itself.
    assert [b.clause.id for b in five.blocks] == ["5.2.1", "5.3"]
    assert [i.id for i in five.blocks[0].items] == ["policy"]
    assert [c.id for c in five.interview] == ["5.1"]
    assert [r.id for r in five.rows] == ["5.1", "5.2", "5.2.1", "5.3"]
    assert view.summary.clauses[0].status is Status.MET


@pytest.mark.parametrize(
    ("data", "mime"),
    [
        (b"\x89PNG\r\n\x1a\nrest", "image/png"),
        (b"\xff\xd8\xff\xe0rest", "image/jpeg"),
        (b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>', "image/svg+xml"),
        (b"\xef\xbb\xbf  <svg viewBox='0 0 1 1'></svg>", "image/svg+xml"),
        (b"<html><body>not an image</body></html>", None),
        (b"GIF89a", None),
    ],
)
def test_logo_type_is_sniffed_not_guessed_from_the_name(data: bytes, mime: str | None) -> None:
    assert sniff_image(data) == mime


@pytest.mark.parametrize(
    ("colour", "readable"),
    [("#1F5F8B", "#1F5F8B"), ("#000000", "#000000"), ("#FFEB3B", None)],
)
def test_accent_is_darkened_only_when_too_light_to_read(colour: str, readable: str | None) -> None:
    result = readable_on_white(colour)
    if readable is not None:
        assert result == readable
    else:
        assert result != colour and result.startswith("#")


def test_method_describes_the_checks_applied_with_the_parameters_used() -> None:
    checked = assessment()
    items = [i.model_copy(update={"checks": ()}) for i in checked.items]
    items[0] = items[0].model_copy(
        update={
            "checks": (
                CheckResult(check="review_interval", passed=True, message="ok"),
                CheckResult(check="house_rule", passed=True, message="ok"),
            )
        }
    )
    parts = {p.heading: p for p in method(checked.model_copy(update={"items": tuple(items)}))}
    bullets = parts["How statuses are decided"].bullets
    assert bullets == (
        "review: the next review date has not passed; without one, the approval is not older "
        "than 12 months;",
        "house_rule.",
    )
    examined = " ".join(parts["What was examined"].paragraphs)
    assert "It holds 2 files (1 Markdown, 1 PDF); 1 of them was recognised" in examined
    assert "The content of 1 file could not be read" in examined
    assert "at least 90 days" in " ".join(parts["Stage 1 and Stage 2"].paragraphs)


def test_method_words_the_standard_as_the_catalogue_does() -> None:
    def text(parts: tuple[Any, ...]) -> str:
        return " ".join(p for part in parts for p in part.paragraphs)

    shipped = text(method(assessment(), SHIPPED.report, SHIPPED.notes))
    assert "the scope, the service management policy, objectives and plan" in shipped
    assert "Procedures that the 2011 edition required are good practice now" in shipped
    # Without a catalogue's words, none of one standard's.
    generic = text(method(assessment()))
    assert "the scope, the policy and the objectives, the documents" in generic
    assert "2011" not in generic and "service management" not in generic
