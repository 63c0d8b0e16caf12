"""``review_interval``: a document is not overdue for review.

The next review date wins when one is recorded. Without one, the approval date (or a
later revision or review the document records) plus the interval (``months``; left
out, the review cycle the document states, else the catalogue default, which stands
for the standard's "planned intervals") decides, and the finding says when it rests
on a default.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from iso20k_cli.checks.base import (
    CheckContext,
    CheckSpec,
    Outcome,
    graded,
    next_due,
    unread_date_hint,
)
from iso20k_cli.evidence.dates import add_months
from iso20k_cli.severity import Severity
from iso20k_cli.text.counts import plural

NAME = "review_interval"
EXAMPLE = """- type: review_interval
  months: 12        # left out: the default interval (12 months unless configured)"""
LABEL = "review overdue"
METHOD = (
    "review: the next review date has not passed; without one, the approval is not older "
    "than {review_interval_months}"
)
READS_CONTENT = False


class Spec(CheckSpec):
    type: Literal["review_interval"]
    months: int | None = Field(default=None, ge=1, le=120)


def run(spec: Spec, ctx: CheckContext) -> list[Outcome]:
    doc = ctx.current
    control = doc.control
    severity = graded(spec, Severity.MINOR)
    planned = next_due(
        ctx,
        NAME,
        severity,
        "review",
        "Review the document, record the outcome and set the next review date.",
    )
    if planned is not None:
        return planned
    # The catalogue's interval, else the one the document plans for itself, else the default.
    months = spec.months or control.review_months or ctx.defaults.review_interval_months
    stated = spec.months or control.review_months
    basis = None if stated else ctx.notes.interval(months)
    dated = [d for d in (control.approved, control.revised) if d is not None]
    if dated:
        since = max(dated)
        what = "approved" if since == control.approved else "last revised"
        due = add_months(since, months)
        if due < ctx.as_of:
            return [
                Outcome(
                    NAME,
                    severity,
                    f"'{ctx.item.title}' was {what} on {since}, more than "
                    f"{plural(months, 'month')} before {ctx.as_of}, and no review date is recorded "
                    f"({doc.path})",
                    "Review the document and record the next review date.",
                    (doc.path,),
                    basis,
                )
            ]
        return [Outcome(NAME, None, f"{what} {since}; review due by {due}")]
    return [
        Outcome(
            NAME,
            Severity.OBSERVATION,
            f"no review date or approval date is recorded for '{ctx.item.title}' ({doc.path})"
            + unread_date_hint(doc),
            "Record the approval date and the next review date in the document's control block.",
            (doc.path,),
            basis,
        )
    ]
