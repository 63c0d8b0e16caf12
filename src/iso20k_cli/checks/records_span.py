"""``records_span``: records cover a minimum period of operation, oldest to newest.

The entries of a register or export are dated by their rows, so one export of three
months of tickets covers three months.

The default (90 days) is what certification bodies usually want before Stage 2; it
is their practice, not a clause of the standard, and the finding says so.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from iso20k_cli.checks.base import CheckContext, CheckSpec, Outcome, graded
from iso20k_cli.evidence.dates import days_covered
from iso20k_cli.severity import Severity
from iso20k_cli.text.counts import plural

NAME = "records_span"
EXAMPLE = """- type: records_span
  min_days: 90      # left out: the default (90 days unless configured)"""
LABEL = "records cover too short a period"
METHOD = (
    "record coverage: the records of an ongoing process cover at least "
    "{min_records_span_days}, oldest to newest"
)
READS_CONTENT = False


class Spec(CheckSpec):
    type: Literal["records_span"]
    min_days: int | None = Field(default=None, ge=1, le=3660)


def run(spec: Spec, ctx: CheckContext) -> list[Outcome]:
    dates = ctx.record_dates()
    min_days = spec.min_days or ctx.defaults.min_records_span_days
    basis = ctx.notes.period(min_days)
    if not dates:
        return []  # latest_record_age reports undated records; one finding is enough
    span = days_covered(dates)
    what = f": {ctx.describe_records()}" if ctx.has_entries else ""
    if span < min_days:
        return [
            Outcome(
                NAME,
                graded(spec, Severity.MINOR),
                f"records for '{ctx.item.title}' cover {plural(span, 'day')} ({dates[0]} to "
                f"{dates[-1]}); at least {min_days} expected{what}",
                "Keep operating the process and retaining its records until they cover "
                "the period before the Stage 2 audit.",
                tuple(f.path for f in ctx.files),
                basis,
            )
        ]
    return [
        Outcome(
            NAME, None, f"records cover {plural(span, 'day')} ({dates[0]} to {dates[-1]}){what}"
        )
    ]
