"""``signature``: an agreement or contract is signed or approved, not a draft.

An agreement takes effect when the parties sign it; a signatory or a signature date
("Signed by: …", "Date signed: …", status "Signed" or "Executed", "signed" in the
file name of a scan) shows that as well as a recorded approval does. A draft, or an
agreement that records neither, cannot be shown to be in effect.
"""

from __future__ import annotations

from typing import Literal

from iso20k_cli.checks.base import CheckContext, CheckSpec, Outcome, graded, only_superseded
from iso20k_cli.evidence.model import DocStatus, EvidenceFile
from iso20k_cli.severity import Severity

NAME = "signature"
EXAMPLE = "- type: signature"
LABEL = "signature not confirmed"
METHOD = (
    "signature: an agreement or contract (judged by its signature instead of document "
    "approval) is signed or approved, not a draft"
)
READS_CONTENT = True

_HEAD_CHARS = 20_000  # signature blocks close a short agreement; long ones open with them
_TAIL_CHARS = 20_000
_LINE_CHARS = 200
_SIGNED_STATUS = ("signed", "executed", "countersigned", "fully signed", "in force")
_SIGNED_LABELS = (
    "signed by",
    "signed",
    "signed on",
    "date signed",
    "signature date",
    "signed for and on behalf of",
    "executed on",
    "executed by",
    "signatory",
    "signatories",
)


class Spec(CheckSpec):
    type: Literal["signature"]


def _signed_line(file: EvidenceFile) -> str | None:
    """The first labelled signature line with a value ("Signed by: J. Smith")."""
    text = file.text
    parts = (text[:_HEAD_CHARS], text[-_TAIL_CHARS:] if len(text) > _HEAD_CHARS else "")
    for part in parts:
        for line in part.splitlines():
            cut = line[:_LINE_CHARS].strip().strip("|").replace("*", "").strip()
            for mark in (":", "|", "\t"):
                label, found, value = cut.partition(mark)
                if found:
                    label = " ".join(label.lower().split())
                    value = value.strip(" |_.-")
                    if label in _SIGNED_LABELS and value:
                        return cut
                    if label.endswith("status") and value.lower() in _SIGNED_STATUS:
                        return cut  # document control keeps only the statuses it knows
                    break
    return None


def _signed_name(file: EvidenceFile) -> bool:
    words = file.stem.lower().replace("-", " ").replace("_", " ").replace(".", " ").split()
    return any(w in ("signed", "executed", "countersigned") for w in words)


def run(spec: Spec, ctx: CheckContext) -> list[Outcome]:
    doc = ctx.current
    control = doc.control
    severity = graded(spec, Severity.MINOR)
    status_text = (control.status_text or "").strip().lower()
    if control.status is DocStatus.DRAFT:
        return [
            Outcome(
                NAME,
                severity,
                f"'{ctx.item.title}' is still a draft ({doc.path}, status '{control.status_text}')",
                "Have the agreement signed by both parties and keep the signed copy.",
                (doc.path,),
            )
        ]
    superseded = only_superseded(ctx, NAME, severity, "Add the agreement in force to the evidence.")
    if superseded is not None:
        return superseded
    if control.status is DocStatus.APPROVED or (control.status is None and control.approved):
        return [Outcome(NAME, None, f"{doc.path} is approved")]
    if status_text in _SIGNED_STATUS:
        return [Outcome(NAME, None, f"{doc.path} is {status_text}")]
    line = _signed_line(doc)
    if line is not None:
        return [Outcome(NAME, None, f"{doc.path} is signed ({line})")]
    if _signed_name(doc):
        return [Outcome(NAME, None, f"{doc.path} is a signed copy, by its name")]
    why = (
        f"its content could not be read ({doc.error})"
        if not doc.readable
        else "it records no signatory, signature date, status or approval"
    )
    return [
        Outcome(
            NAME,
            severity,
            f"signature of '{ctx.item.title}' cannot be confirmed: {why} ({doc.path})",
            "Keep the signed copy as evidence, or record who signed it and when (a 'Signed "
            "by:' line, status: signed, or the evidence manifest).",
            (doc.path,),
        )
    ]
