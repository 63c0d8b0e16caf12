"""``document_control``: the current version is identified: an owner and a version at least.

Controlled documents carry identification (7.5.3): who owns the document and which
version this is, so that the right version is used. ``require`` lists the fields
that must be recorded; any of ``owner``, ``version``, ``approver``, ``doc_id``.
7.5.3 gives a version only as one example of identification, so a document that
lacks nothing but a version number is an observation, not a nonconformity.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from iso20k_cli.checks.base import CheckContext, CheckSpec, Outcome
from iso20k_cli.severity import Severity

NAME = "document_control"
EXAMPLE = """- type: document_control
  require: [owner, version]"""
LABEL = "document not fully identified"
METHOD = (
    "document control: the current version is identified (by default by an owner and a "
    "version; a missing version alone is an observation)"
)
READS_CONTENT = False

Field_ = Literal["owner", "version", "approver", "doc_id"]
_LABELS = {"owner": "owner", "version": "version", "approver": "approver", "doc_id": "document id"}


class Spec(CheckSpec):
    type: Literal["document_control"]
    require: tuple[Field_, ...] = Field(default=("owner", "version"), min_length=1)


def run(spec: Spec, ctx: CheckContext) -> list[Outcome]:
    doc = ctx.current
    missing = [_LABELS[f] for f in spec.require if getattr(doc.control, f) in (None, "")]
    if not missing:
        return [Outcome(NAME, None, f"{doc.path} records its {', '.join(spec.require)}")]
    detail = f"no {' or '.join(missing)} is recorded"
    if not doc.readable:
        detail += " and its content could not be read; the evidence manifest can record it"
    version_only = missing == [_LABELS["version"]]
    if version_only:
        detail += " (7.5.3 gives a version as one example of identification)"
    return [
        Outcome(
            NAME,
            spec.severity or (Severity.OBSERVATION if version_only else Severity.MINOR),
            f"'{ctx.item.title}' is not fully identified: {detail} ({doc.path})",
            f"Record the document's {' and '.join(missing)} in its control block or front-matter.",
            (doc.path,),
        )
    ]
