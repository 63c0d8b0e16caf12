"""``min_count``: at least ``count`` separate records (files) must be present."""

from __future__ import annotations

from iso20k_cli.assess.model import Severity
from iso20k_cli.checks.base import CheckContext, Outcome
from iso20k_cli.checks.specs import MinCountSpec

NAME = "min_count"


def run(spec: MinCountSpec, ctx: CheckContext) -> list[Outcome]:
    found = len(ctx.files)
    if found < spec.count:
        return [
            Outcome(
                NAME,
                Severity.MINOR,
                f"{found} record(s) found for '{ctx.item.title}'; at least {spec.count} expected",
                "Retain each period's records (for example one log or report per month).",
                tuple(f.path for f in ctx.files),
            )
        ]
    return [Outcome(NAME, None, f"{found} records found")]
