"""``latest_record_age``: the most recent record is recent enough.

Records show that a process operates; a latest record older than ``max_days``
(left out: the catalogue default) suggests it stopped. Annual activities such as an
internal audit or a management review use ``max_days: 365``, certification-body
practice for "planned intervals", and say so in ``basis``. A register or export is as
recent as its newest entry.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from iso20k_cli.checks.base import CheckContext, CheckSpec, Outcome, graded, unread_date_hint
from iso20k_cli.severity import Severity
from iso20k_cli.text.counts import plural

NAME = "latest_record_age"
EXAMPLE = """- type: latest_record_age
  max_days: 365
  basis: an annual audit is certification-body practice; the standard says planned intervals"""
LABEL = "latest record too old"
METHOD = (
    "record age: the newest record is not older than {max_record_age_days} (a year for "
    "annual activities such as internal audit and management review)"
)
READS_CONTENT = False


class Spec(CheckSpec):
    type: Literal["latest_record_age"]
    max_days: int | None = Field(default=None, ge=1, le=3660)
    basis: str | None = None
    """Why this age, when it rests on practice rather than on the standard."""


def run(spec: Spec, ctx: CheckContext) -> list[Outcome]:
    paths = tuple(f.path for f in ctx.files)
    dates = ctx.record_dates()
    max_days = spec.max_days or ctx.defaults.max_record_age_days
    severity = graded(spec, Severity.MINOR)
    if not dates:
        # A record whose only date reads either way round ("CAB Minutes 10-11-2026") says so.
        unread = next((hint for f in ctx.files if (hint := unread_date_hint(f))), "")
        return [
            Outcome(
                NAME,
                severity,
                f"the date of the records for '{ctx.item.title}' could not be determined" + unread,
                "Record the date or period each record covers (front-matter record_date, a "
                "'Date:' line, a date column, or a date such as 2026-09 in the file name).",
                paths,
            )
        ]
    latest = dates[-1]
    age = (ctx.as_of - latest).days
    if age > max_days:
        return [
            Outcome(
                NAME,
                severity,
                f"the latest record for '{ctx.item.title}' is dated {latest}, {plural(age, 'day')} "
                f"before {ctx.as_of} (at most {max_days} expected)"
                + (f": {ctx.describe_records()}" if ctx.has_entries else ""),
                "Show that the process still operates: add current records.",
                paths,
                spec.basis,
            )
        ]
    return [Outcome(NAME, None, f"latest record {latest} ({plural(age, 'day')} old)")]
