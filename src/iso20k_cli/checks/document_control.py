"""``document_control``: the current version is identified: an owner and a version at least.

Controlled documents carry identification (7.5.3): who owns the document and which
version this is, so that the right version is used. ``require`` lists the fields
that must be recorded; any of ``owner``, ``version``, ``approver``, ``doc_id``.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from iso20k_cli.checks.base import CheckContext, CheckSpec, Outcome, graded
from iso20k_cli.severity import Severity

NAME = "document_control"
EXAMPLE = """- type: document_control
  require: [owner, version]"""

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
    return [
        Outcome(
            NAME,
            graded(spec, Severity.MINOR),
            f"'{ctx.item.title}' is not fully identified: {detail} ({doc.path})",
            f"Record the document's {' and '.join(missing)} in its control block or front-matter.",
            (doc.path,),
        )
    ]
