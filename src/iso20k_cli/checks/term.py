"""``term``: an agreement is in force: the term it states has not ended, nor ends soon.

An agreement or contract is not reviewed on a calendar like a policy: it is signed
for a term and renewed before the term ends. When the agreement states its end
("Term: 1 April 2025 to 31 March 2028", "Expiry date: …", "three years from 1 April
2025"), an ended term is a finding and one that ends within ``months`` (left out:
the review interval) is an observation, so that the renewal is planned. A next
review date the agreement records itself still counts when it has passed.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from iso20k_cli.checks.agreement_term import term_end
from iso20k_cli.checks.base import CheckContext, CheckSpec, Outcome, graded
from iso20k_cli.evidence.dates import add_months
from iso20k_cli.severity import Severity
from iso20k_cli.text.counts import plural

NAME = "term"
EXAMPLE = """- type: term
  months: 3         # left out: the review interval (12 months unless configured)"""
LABEL = "agreement expired or ending soon"
METHOD = (
    "agreement term: an agreement or contract (judged by its term instead of the review "
    "interval) has not expired; one that ends within {review_interval_months} is noted so "
    "that renewal is planned"
)
READS_CONTENT = True


class Spec(CheckSpec):
    type: Literal["term"]
    months: int | None = Field(default=None, ge=1, le=120)


def run(spec: Spec, ctx: CheckContext) -> list[Outcome]:
    doc = ctx.current
    end = term_end(doc.text)
    months = spec.months or ctx.defaults.review_interval_months
    if end is not None:
        if end < ctx.as_of:
            return [
                Outcome(
                    NAME,
                    graded(spec, Severity.MINOR),
                    f"'{ctx.item.title}' expired on {end} ({doc.path})",
                    "Renew or extend the agreement, or record that it was replaced.",
                    (doc.path,),
                )
            ]
        if end <= add_months(ctx.as_of, months):
            return [
                Outcome(
                    NAME,
                    Severity.OBSERVATION,
                    f"'{ctx.item.title}' expires on {end}, within {plural(months, 'month')} of "
                    f"{ctx.as_of} ({doc.path})",
                    "Plan the renewal or the end of the agreement before its term ends.",
                    (doc.path,),
                )
            ]
        return [Outcome(NAME, None, f"{doc.path} is in force until {end}")]
    due = doc.control.review_due
    if due is not None and due < ctx.as_of:
        return [
            Outcome(
                NAME,
                graded(spec, Severity.MINOR),
                f"'{ctx.item.title}' was due for review on {due} "
                f"({plural((ctx.as_of - due).days, 'day')} before {ctx.as_of}) ({doc.path})",
                "Review the agreement with the other party and record the next review date.",
                (doc.path,),
            )
        ]
    if due is not None:
        return [Outcome(NAME, None, f"next review due {due}; no end of term is stated")]
    return [
        Outcome(
            NAME,
            None,
            f"{doc.path} states no end of term; an agreement is not held to the default "
            "review interval",
        )
    ]
