"""Each check type on its own, with evidence that passes and evidence that fails."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import pytest
from pydantic import TypeAdapter, ValidationError

from conftest import MINI
from iso20k_cli.catalogue.loader import load_catalogue
from iso20k_cli.catalogue.model import Defaults
from iso20k_cli.checks.base import CheckContext, Outcome
from iso20k_cli.checks.registry import REGISTRY, documentation, run_check
from iso20k_cli.checks.specs import CHECK_TYPES, CheckSpec
from iso20k_cli.evidence.extract.markdown import parse
from iso20k_cli.evidence.extract.structure import make_table
from iso20k_cli.evidence.model import DocStatus, DocumentControl, EvidenceFile
from iso20k_cli.severity import Severity

CAT = load_catalogue(MINI)
ITEM = CAT.item("scope")
AS_OF = dt.date(2026, 11, 21)
D = dt.date
SPEC: TypeAdapter[CheckSpec] = TypeAdapter(CheckSpec)


def file(
    path: str,
    text: str = "",
    readable: bool = True,
    dates: tuple[dt.date, ...] = (),
    **control: object,
) -> EvidenceFile:
    """A Markdown evidence file; its pipe tables are read as the Markdown extractor reads them."""
    return EvidenceFile(
        path=path,
        format="markdown",
        size=1,
        readable=readable,
        text=text,
        tables=tuple(make_table(rows, 0, None) for _, rows in parse(text).tables),
        control=DocumentControl.model_validate(control),
        record_dates=dates,
    )


def run(
    spec: Mapping[str, object],
    *files: EvidenceFile,
    evidence: Mapping[str, tuple[EvidenceFile, ...]] | None = None,
) -> list[Outcome]:
    ctx = CheckContext(
        item=ITEM, files=files, as_of=AS_OF, defaults=Defaults(), evidence=evidence or {}
    )
    return run_check(SPEC.validate_python(spec), ctx)


def grades(outcomes: list[Outcome]) -> list[Severity | None]:
    return [o.severity for o in outcomes]


def test_every_check_type_is_registered_and_documented() -> None:
    assert tuple(REGISTRY) == CHECK_TYPES
    docs = {d.name: d for d in documentation()}
    assert set(docs) == set(CHECK_TYPES)
    for doc in docs.values():
        assert doc.summary and doc.example.startswith(f"- type: {doc.name}")
        # The example in the documentation is itself a valid declaration.
        from ruamel.yaml import YAML

        SPEC.validate_python(YAML(typ="safe").load(doc.example)[0])


def test_unknown_parameter_is_rejected() -> None:
    with pytest.raises(ValidationError):
        SPEC.validate_python({"type": "min_count", "count": 2, "colour": "red"})


def test_severity_can_be_tuned() -> None:
    draft = file("a.md", status=DocStatus.DRAFT, status_text="draft")
    assert grades(run({"type": "approved"}, draft)) == [Severity.MINOR]
    assert grades(run({"type": "approved", "severity": "major"}, draft)) == [Severity.MAJOR]


def test_approved_prefers_current_over_archived() -> None:
    approved = file("policy.md", status=DocStatus.APPROVED, approved=D(2026, 3, 1))
    old_draft = file("archive/policy-v0.9.md", status=DocStatus.DRAFT)
    assert grades(run({"type": "approved"}, approved, old_draft)) == [None]
    # Only archived or superseded versions: not current evidence.
    superseded = file("policy.md", status=DocStatus.SUPERSEDED)
    (outcome,) = run({"type": "approved"}, superseded, old_draft)
    assert outcome.severity is Severity.MINOR and "superseded or archived" in outcome.message


def test_document_control() -> None:
    complete = file("a.md", owner="Head of SM", version="1.2")
    assert grades(run({"type": "document_control"}, complete)) == [None]
    (outcome,) = run({"type": "document_control", "require": ["owner", "approver"]}, complete)
    assert outcome.severity is Severity.MINOR and "no approver" in outcome.message
    (scan,) = run({"type": "document_control"}, file("s.pdf", readable=False))
    assert "could not be read" in scan.message and "manifest" in scan.message


def test_current_version_reports_versions_and_uncontrolled_copies() -> None:
    current = file("SLA.md", doc_id="HDS-AGR-1", version="2.0", status=DocStatus.APPROVED)
    old = file("archive/SLA-v1.md", doc_id="HDS-AGR-1", version="1.0", status_text="superseded")
    (note,) = run({"type": "current_version"}, current, old)
    assert note.severity is Severity.OBSERVATION
    assert "2 versions" in note.message and "archive/SLA-v1.md" in note.message
    copy = file("SLA (copy).md", doc_id="HDS-AGR-1", version="1.9", status=DocStatus.APPROVED)
    (clash,) = run({"type": "current_version"}, current, copy)
    assert clash.severity is Severity.MINOR and "disagree" in clash.message
    other = file("SLA-Desk.md", doc_id="HDS-AGR-2")
    assert grades(run({"type": "current_version"}, current, other)) == [None]


def test_same_title_versions_without_ids_are_grouped() -> None:
    a = file("Change Policy v2.md", status=DocStatus.APPROVED)
    b = file("old/Change Policy v1 draft.md", status=DocStatus.DRAFT)
    a = a.model_copy(update={"title": "Change Policy v2"})
    b = b.model_copy(update={"title": "Change Policy v1 draft"})
    (note,) = run({"type": "current_version"}, a, b)
    assert note.severity is Severity.OBSERVATION


def test_covers_topics_names_what_is_missing() -> None:
    spec = {
        "type": "covers_topics",
        "what": "review inputs",
        "topics": [
            {"name": "audit results", "any_of": ["audit results", "internal audit"]},
            {"name": "customer satisfaction", "any_of": ["customer satisfaction"]},
            {"name": "risks", "any_of": ["risks and opportunities"]},
        ],
    }
    minutes = file("mr.md", "Inputs: Internal Audits of September; Customer Satisfaction survey.")
    (outcome,) = run(spec, minutes)
    assert outcome.severity is Severity.MINOR
    assert outcome.message.endswith("1 of 3 of review inputs: risks")
    full = file("mr.md", "Internal audit, customer satisfaction, risks and opportunities.")
    assert grades(run(spec, full)) == [None]
    (unread,) = run(spec, file("mr.pdf", readable=False))
    assert unread.severity is Severity.OBSERVATION


OWNERS = file(
    "manual.md",
    "| Process | Owner |\n|---|---|\n| Change management | Change Manager |\n"
    "| Internal audit | Quality Lead |\n",
)


def audit(auditor: str, scope: str, auditees: str = "Priya Raman") -> EvidenceFile:
    return file(
        "ia.md",
        f"| Item | Detail |\n|---|---|\n| Scope | {scope} |\n| Auditor | {auditor} |\n"
        f"| Auditees | {auditees} |\n",
    )


def test_audit_impartiality() -> None:
    spec = {"type": "audit_impartiality", "owners_from": ["sms-processes"]}
    owners = {"sms-processes": (OWNERS,)}
    fair = audit("Aisha Bello, Quality Lead", "clauses 8.5 change management")
    assert grades(run(spec, fair, evidence=owners)) == [None]
    own = audit("Lewis Grant, Change Manager", "clause 8.5 (change management)")
    (conflict,) = run(spec, own, evidence=owners)
    assert conflict.severity is Severity.MINOR
    assert "Change Manager owns 'Change management'" in conflict.message
    self_audit = audit("Priya Raman", "9.1", auditees="Priya Raman, Tom")
    (listed,) = run(spec, self_audit, evidence=owners)
    assert "also listed as an auditee" in listed.message
    (unnamed,) = run(spec, file("ia.md", "Findings only."), evidence=owners)
    assert unnamed.severity is Severity.OBSERVATION and "not named" in unnamed.message


CA_LOG = """\
| Ref | Source | Root cause | Corrective action | Owner | Due | Status |
|---|---|---|---|---|---|---|
| CA-01 | IA-1 NC-01 | Untrained staff | Training | Ann | 2026-10-01 | Closed 2026-09-30 |
| CA-02 | IA-1 NC-02 | TBC | Fix tool | | 2026-11-01 | Open |
| CA-03 | MR | Missing step | Add step | Bob | 2026-12-31 | **Open** |
"""


def test_corrective_actions() -> None:
    spec = {"type": "corrective_actions", "nonconformities_from": ["internal-audit-reports"]}
    report = file("ia.md", "NC-01 minor. NC-02 minor. NC-03 major.")
    outcomes = run(spec, file("ca.md", CA_LOG), evidence={"internal-audit-reports": (report,)})
    messages = {o.key: o.message for o in outcomes}
    assert set(messages) == {"root_cause", "owner", "overdue", "unlogged"}
    assert messages["root_cause"] == "1 corrective action has no root cause: CA-02"
    assert messages["owner"] == "1 corrective action has no owner: CA-02"
    assert messages["overdue"].startswith("1 open corrective action is past the due date: CA-02")
    assert "NC03" in messages["unlogged"]
    clean = CA_LOG.replace("| TBC |", "| Bad config |").replace("| Fix tool | |", "| Fix | Cy |")
    clean = clean.replace("2026-11-01 | Open", "2026-11-01 | Complete")
    assert grades(run({"type": "corrective_actions"}, file("ca.md", clean))) == [None]
    (none,) = run({"type": "corrective_actions"}, file("ca.md", "We fix things."))
    assert none.severity is Severity.OBSERVATION


def test_records_checks_with_parameters() -> None:
    logs = file("log.md", dates=(D(2026, 9, 1), D(2026, 10, 15)))
    assert grades(run({"type": "records_span", "min_days": 30}, logs)) == [None]
    assert grades(run({"type": "records_span", "min_days": 60}, logs)) == [Severity.MINOR]
    (old,) = run({"type": "latest_record_age", "max_days": 14, "basis": "weekly"}, logs)
    assert old.severity is Severity.MINOR and old.basis == "weekly"
    assert grades(run({"type": "min_count", "count": 2}, logs)) == [Severity.MINOR]
