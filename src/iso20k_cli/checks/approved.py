"""``approved``: the current version of a document is approved, not a draft.

Review and approval are part of the control of documented information (7.5.3). The
current version is the one an auditor would be shown: a current file before one in
an archive folder or marked superseded, then approved before draft, then the most
recently approved. A document with no recorded status, approver or approval date
cannot be confirmed as approved, because an auditor would ask for that evidence.
"""

from __future__ import annotations

from typing import Literal

from iso20k_cli.checks.base import (
    CheckContext,
    CheckSpec,
    Outcome,
    graded,
    only_superseded,
    unread_date_hint,
)
from iso20k_cli.evidence.model import DocStatus
from iso20k_cli.severity import Severity

NAME = "approved"
EXAMPLE = "- type: approved"
LABEL = "approval not confirmed"
METHOD = (
    "approval: the current version of a document is approved, not a draft; one that records "
    "no status, approver or approval date cannot be confirmed as approved"
)
READS_CONTENT = False


class Spec(CheckSpec):
    type: Literal["approved"]


def run(spec: Spec, ctx: CheckContext) -> list[Outcome]:
    doc = ctx.current
    control = doc.control
    status = control.status
    severity = graded(spec, Severity.MINOR)
    superseded = only_superseded(
        ctx, NAME, severity, "Add the current approved version to the evidence."
    )
    if superseded is not None:
        return superseded
    if status is DocStatus.APPROVED or (status is None and control.approved is not None):
        return [Outcome(NAME, None, f"{doc.path} is approved")]
    if status is DocStatus.DRAFT:
        return [
            Outcome(
                NAME,
                severity,
                f"'{ctx.item.title}' is still a draft ({doc.path}, status '{control.status_text}')",
                "Complete the review, have the document approved by its approver and "
                "record the approval date.",
                (doc.path,),
            )
        ]
    if not doc.readable:
        why = f"its content could not be read ({doc.error})"
    elif status is DocStatus.UNKNOWN:
        why = f"its status '{control.status_text}' is not one we recognise as approved"
    elif control.approver is not None:
        why = f"it names its approver ({control.approver}) but records no status or approval date"
    else:
        why = "it records no status, approver or approval date"
    why += unread_date_hint(doc)  # the approval date may be there, unread
    return [
        Outcome(
            NAME,
            severity,
            f"approval of '{ctx.item.title}' cannot be confirmed: {why} ({doc.path})",
            "Record document control (status, approver, approval date): in front-matter "
            "(status: approved, approved: YYYY-MM-DD), in a control table at the top of the "
            "document, or in the evidence manifest.",
            (doc.path,),
        )
    ]
