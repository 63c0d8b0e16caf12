"""``min_count``: at least ``count`` separate records (files) are present."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from iso20k_cli.checks.base import CheckContext, CheckSpec, Outcome, graded
from iso20k_cli.severity import Severity

NAME = "min_count"
EXAMPLE = """- type: min_count
  count: 3"""


class Spec(CheckSpec):
    type: Literal["min_count"]
    count: int = Field(ge=1, le=10000)


def run(spec: Spec, ctx: CheckContext) -> list[Outcome]:
    found = len(ctx.files)
    if found < spec.count:
        return [
            Outcome(
                NAME,
                graded(spec, Severity.MINOR),
                f"{found} record(s) found for '{ctx.item.title}'; at least {spec.count} expected",
                "Retain each period's records (for example one log or report per month).",
                tuple(f.path for f in ctx.files),
            )
        ]
    return [Outcome(NAME, None, f"{found} records found")]
