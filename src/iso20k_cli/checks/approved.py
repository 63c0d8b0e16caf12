"""``approved``: the current version of a document must be approved, not a draft.

Review and approval of documented information is part of its control (7.5.3). A
document with no recorded status, approver or approval date is treated as not
approved, because an auditor would ask for that evidence.
"""

from __future__ import annotations

from iso20k_cli.assess.model import Severity
from iso20k_cli.checks.base import CheckContext, Outcome
from iso20k_cli.checks.specs import ApprovedSpec
from iso20k_cli.evidence.model import DocStatus

NAME = "approved"


def run(spec: ApprovedSpec, ctx: CheckContext) -> list[Outcome]:
    doc = ctx.current_document()
    control = doc.control
    status = control.status
    if status is DocStatus.APPROVED or (status is None and control.approved is not None):
        return [Outcome(NAME, None, f"{doc.path} is approved")]
    if status is DocStatus.DRAFT:
        return [
            Outcome(
                NAME,
                Severity.MINOR,
                f"'{ctx.item.title}' is still a draft ({doc.path}, status '{control.status_text}')",
                "Complete the review, have the document approved by its approver and "
                "record the approval date.",
                (doc.path,),
            )
        ]
    if status is DocStatus.SUPERSEDED:
        return [
            Outcome(
                NAME,
                Severity.MINOR,
                f"only a superseded version of '{ctx.item.title}' was found ({doc.path})",
                "Add the current approved version to the evidence.",
                (doc.path,),
            )
        ]
    if not doc.readable:
        why = f"its content could not be read ({doc.error})"
    elif status is DocStatus.UNKNOWN:
        why = f"its status '{control.status_text}' is not one we recognise as approved"
    else:
        why = "it records no status, approver or approval date"
    return [
        Outcome(
            NAME,
            Severity.MINOR,
            f"approval of '{ctx.item.title}' cannot be confirmed: {why} ({doc.path})",
            "Record document control (status, approver, approval date), for example in "
            "front-matter: status: approved, approved: YYYY-MM-DD.",
            (doc.path,),
        )
    ]
