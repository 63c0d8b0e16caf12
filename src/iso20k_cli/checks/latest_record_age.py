"""``latest_record_age``: the most recent record must be recent enough.

Records show that a process operates; a latest record older than ``max_days``
(else the catalogue default) suggests it stopped. Record dates come from
document control (record date, period) or, failing that, from the file name.
"""

from __future__ import annotations

from iso20k_cli.assess.model import Severity
from iso20k_cli.checks.base import CheckContext, Outcome
from iso20k_cli.checks.specs import LatestRecordAgeSpec

NAME = "latest_record_age"


def run(spec: LatestRecordAgeSpec, ctx: CheckContext) -> list[Outcome]:
    paths = tuple(f.path for f in ctx.files)
    dates = ctx.record_dates()
    max_days = spec.max_days or ctx.defaults.max_record_age_days
    if not dates:
        return [
            Outcome(
                NAME,
                Severity.MINOR,
                f"the date of the records for '{ctx.item.title}' could not be determined",
                "Record the date or period each record covers (front-matter record_date, or "
                "a date such as 2026-09 in the file name).",
                paths,
            )
        ]
    latest = dates[-1]
    age = (ctx.as_of - latest).days
    if age > max_days:
        return [
            Outcome(
                NAME,
                Severity.MINOR,
                f"the latest record for '{ctx.item.title}' is dated {latest}, {age} days "
                f"before {ctx.as_of} (at most {max_days} expected)",
                "Show that the process still operates: add current records.",
                paths,
            )
        ]
    return [Outcome(NAME, None, f"latest record {latest} ({age} days old)")]
