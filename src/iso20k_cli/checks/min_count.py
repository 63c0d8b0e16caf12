"""``min_count``: at least ``count`` records are present.

A register or export of dated rows (an incident export, a change log) holds one
record per entry, so its entries are counted; any other file (dated minutes, a
monthly report) is one record.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from iso20k_cli.checks.base import CheckContext, CheckSpec, Outcome, graded
from iso20k_cli.severity import Severity
from iso20k_cli.text.counts import plural

NAME = "min_count"
EXAMPLE = """- type: min_count
  count: 3"""
LABEL = "too few records"
METHOD = (
    "record count: at least the expected number of records is present, each entry of a "
    "register or export counting as one"
)
READS_CONTENT = False


class Spec(CheckSpec):
    type: Literal["min_count"]
    count: int = Field(ge=1, le=10000)


def run(spec: Spec, ctx: CheckContext) -> list[Outcome]:
    found = ctx.record_count()
    what = ctx.describe_records()
    if found < spec.count:
        if ctx.has_entries:
            noun = "entry" if found == 1 else "entries"
            message = (
                f"{found} {noun} found for '{ctx.item.title}' ({what}); "
                f"at least {spec.count} expected"
            )
            advice = (
                "Export or keep the records of the whole period: every entry of the "
                "register or export counts, so one complete export is enough."
            )
        else:
            message = (
                f"{plural(found, 'record')} found for '{ctx.item.title}'; "
                f"at least {spec.count} expected"
            )
            advice = (
                "Retain the records the process produces: each dated report or set of minutes "
                "counts, and so does each entry of a register or ticket export."
            )
        return [
            Outcome(
                NAME,
                graded(spec, Severity.MINOR),
                message,
                advice,
                tuple(f.path for f in ctx.files),
            )
        ]
    if ctx.has_entries:
        return [Outcome(NAME, None, f"{plural(found, 'record')} found: {what}")]
    return [Outcome(NAME, None, f"{plural(found, 'record')} found")]
