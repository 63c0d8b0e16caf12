"""Which checks a document answers to, by its genre: check profiles.

The catalogue declares checks per item, but what an auditor asks of the evidence
depends on what it is:

- a **controlled document** (policy, process, procedure, plan, standard, or prose of
  no named genre) is approved, owned, identified, reviewed and kept in one current
  version: every check as declared;
- a **register** (a log, list, inventory or export, a spreadsheet) is kept current,
  not approved as a version: approval is asked only of a register marked draft,
  identification only by its owner, and the review becomes ``currency`` (updated or
  verified within the interval);
- an **agreement** or contract is signed, binds named parties and runs for a term: its
  approval becomes ``signature`` (signed or approved, not a draft), its identification
  ``parties`` (whom it is between) and its review ``term`` (not ended, not ending within
  the interval), not a 12-month review.

The genre is recognition's for the version an auditor would be shown (for a declared
file, what its title, name and shape say); with none, the document is controlled.
"""

from __future__ import annotations

from enum import StrEnum

from iso20k_cli.checks import (
    approved,
    currency,
    document_control,
    parties,
    review_interval,
    signature,
    term,
)
from iso20k_cli.checks.base import CheckContext, Outcome
from iso20k_cli.checks.registry import run_check
from iso20k_cli.checks.specs import CheckSpec
from iso20k_cli.evidence.model import DocStatus


class Profile(StrEnum):
    CONTROLLED = "controlled document"
    REGISTER = "register"
    AGREEMENT = "agreement"


def profile_of(genre: str | None) -> Profile:
    if genre == "register":
        return Profile.REGISTER
    if genre == "agreement":
        return Profile.AGREEMENT
    return Profile.CONTROLLED


def run_profiled(spec: CheckSpec, ctx: CheckContext) -> list[Outcome]:
    """Run ``spec`` as the profile of the evidence's genre asks."""
    if not isinstance(spec, approved.Spec | document_control.Spec | review_interval.Spec):
        return run_check(spec, ctx)
    profile = profile_of(ctx.genres.get(ctx.current.path))
    if isinstance(spec, review_interval.Spec):
        if profile is Profile.REGISTER:
            return currency.run(
                currency.Spec(type="currency", months=spec.months, severity=spec.severity), ctx
            )
        if profile is Profile.AGREEMENT:
            return term.run(term.Spec(type="term", months=spec.months, severity=spec.severity), ctx)
        return run_check(spec, ctx)
    if profile is Profile.AGREEMENT and isinstance(spec, approved.Spec):
        return signature.run(signature.Spec(type="signature", severity=spec.severity), ctx)
    if profile is Profile.AGREEMENT and isinstance(spec, document_control.Spec):
        return parties.run(parties.Spec(type="parties"), ctx)
    if profile is not Profile.REGISTER:
        return run_check(spec, ctx)
    doc = ctx.current
    if isinstance(spec, approved.Spec):
        if doc.control.status is DocStatus.DRAFT:
            return run_check(spec, ctx)
        return [
            Outcome(
                spec.type,
                None,
                f"not asked of a register: {doc.path} is kept current rather than approved",
            )
        ]
    asked = tuple(f for f in spec.require if f == "owner")
    if asked:
        return run_check(spec.model_copy(update={"require": asked}), ctx)
    return [Outcome(spec.type, None, f"not asked of a register: {doc.path} needs no version")]
