"""``currency``: a register is kept up to date: updated or verified within ``months``.

A register (assets, customers, risks, a service catalogue kept as a list) is current
when it is maintained, not when a version of it was approved. Its next review date
wins when one is recorded; otherwise the newest of its approval date and its record
dates (its entries' dates, a "last updated" date, a dated file name) must fall within
``months`` (left out: the review interval, which stands for "planned intervals").
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
)
from iso20k_cli.evidence.dates import add_months
from iso20k_cli.severity import Severity
from iso20k_cli.text.counts import plural

NAME = "currency"
EXAMPLE = """- type: currency
  months: 6         # left out: the review interval (12 months unless configured)"""
LABEL = "register not kept current"
METHOD = (
    "register currency: a register (judged as such instead of approval, version and review) "
    "was updated or verified within {review_interval_months}, or before its next review "
    "date"
)
READS_CONTENT = False


class Spec(CheckSpec):
    type: Literal["currency"]
    months: int | None = Field(default=None, ge=1, le=120)


def run(spec: Spec, ctx: CheckContext) -> list[Outcome]:
    doc = ctx.current
    control = doc.control
    severity = graded(spec, Severity.MINOR)
    planned = next_due(
        ctx,
        NAME,
        severity,
        "verification",
        "Verify the register against what it lists, update it and set the next review date.",
    )
    if planned is not None:
        return planned
    months = spec.months or ctx.defaults.review_interval_months
    basis = None if spec.months else ctx.notes.interval(months)
    dated = [d for d in (control.approved, *ctx.dates_of(doc)) if d and d <= ctx.as_of]
    if not dated:
        return [
            Outcome(
                NAME,
                Severity.OBSERVATION,
                f"no date of last update or verification is recorded for '{ctx.item.title}' "
                f"({doc.path})",
                "Record when the register was last updated or verified (a 'Last updated:' "
                "line, a date column, or the next review date).",
                (doc.path,),
                basis,
            )
        ]
    last = max(dated)
    if add_months(last, months) < ctx.as_of:
        return [
            Outcome(
                NAME,
                severity,
                f"'{ctx.item.title}' was last updated on {last}, "
                f"more than {plural(months, 'month')} "
                f"before {ctx.as_of} ({doc.path})",
                "Verify the register against what it lists and record the update.",
                (doc.path,),
                basis,
            )
        ]
    return [Outcome(NAME, None, f"last updated {last}")]
