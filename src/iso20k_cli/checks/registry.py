"""Check types by name: adding one means a spec in specs.py and a module here."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from iso20k_cli.checks import approved, latest_record_age, min_count, records_span, review_interval
from iso20k_cli.checks.base import CheckContext, Outcome
from iso20k_cli.checks.specs import CheckSpec

Runner = Callable[[Any, CheckContext], list[Outcome]]

REGISTRY: dict[str, Runner] = {
    approved.NAME: approved.run,
    review_interval.NAME: review_interval.run,
    latest_record_age.NAME: latest_record_age.run,
    records_span.NAME: records_span.run,
    min_count.NAME: min_count.run,
}


def run_check(spec: CheckSpec, ctx: CheckContext) -> list[Outcome]:
    return REGISTRY[spec.type](spec, ctx)
