"""Why one clause or item got its status and score, built from what the run decided.

``iso20k explain`` prints an :class:`ItemExplanation` or a :class:`ClauseExplanation`;
both are made here from the Assessment (the links, near misses, checks and decision
the engine recorded) and from the scorer's own tallies, never by working a result out
again, so that ``explain`` cannot say something other than ``check`` did.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal, NamedTuple

from iso20k_cli.assess.model import (
    Assessment,
    CheckResult,
    ClauseResult,
    Decision,
    EvidenceLink,
    FileResult,
    Finding,
    ItemResult,
    NearMissResult,
    Status,
)
from iso20k_cli.assess.score import (
    GOOD_PRACTICE_WEIGHT,
    MANDATORY_WEIGHT,
    Basis,
    Tally,
    clause_tallies,
    item_weight,
    lowers_status,
)
from iso20k_cli.catalogue.model import Catalogue, Clause, Item
from iso20k_cli.checks.registry import documentation
from iso20k_cli.checks.specs import CheckSpec
from iso20k_cli.errors import Iso20kError


class Target(NamedTuple):
    kind: Literal["clause", "item", "check"]
    id: str
    check: str | None = None
    """For a finding id (item:check), the check or finding kind it names."""


class UnknownCheckError(Iso20kError):
    """A finding id whose item exists but names no check or finding of it."""


def resolve_target(catalogue: Catalogue, target: str) -> Target | None:
    """A clause id, an item id or a finding id (item:check, item:missing), as what to
    explain; None when it names neither clause nor item."""
    if target in catalogue.clauses_by_id:
        return Target("clause", target)
    item_id, sep, rest = target.partition(":")
    if item_id not in catalogue.items_by_id:
        return None
    if not sep:
        return Target("item", item_id)
    # A finding id may go on after the check (item:check:path): the check is its second part.
    check = rest.split(":", 1)[0]
    checks = [*dict.fromkeys(spec.type for spec in catalogue.item(item_id).checks)]
    if check not in checks and check not in _OF_ITEM:
        close = difflib.get_close_matches(check, [*checks, *_OF_ITEM], n=1)
        guess = f" (did you mean '{item_id}:{close[0]}'?)" if close else ""
        raise UnknownCheckError(
            f"item '{item_id}' has no check '{check}'{guess}; its checks: "
            + (", ".join(checks) or "none")
            + f"; findings no check makes: {', '.join(_OF_ITEM)}"
        )
    return Target("check", item_id, check)


_OF_ITEM = ("missing", "weak_match", "applies_when", "not_applicable", "undocumented")
"""Findings on an item that no check of it makes: no evidence, only content matches, an
open condition, a declaration that it does not apply, a practice stated at interview."""


@dataclass(frozen=True)
class ConsideredFile:
    """A file (or one part of it) linked to the item, with what the run read of the file."""

    link: EvidenceLink
    """How it was recognised, and whether it counted."""
    file: FileResult | None


@dataclass(frozen=True)
class ItemExplanation:
    item: Item
    """What the catalogue asks, and on what basis."""
    clause: Clause
    result: ItemResult
    """The status, score and decision as the engine recorded them."""
    weight: int
    """The item's weight where good practice counts with mandatory items."""
    considered: tuple[ConsideredFile, ...]
    near_misses: tuple[NearMissResult, ...]
    """Files that name the item but were not counted, with the reason."""
    checks: tuple[CheckResult, ...]
    failing_checks: int
    """Checks whose grade left the item partial rather than met."""
    findings: tuple[Finding, ...]
    configuration: str | None = None
    """The configuration file the run used (see ``Assessment.configuration``)."""

    @property
    def status(self) -> Status:
        return self.result.status

    @property
    def score(self) -> float | None:
        return self.result.score

    @property
    def decided_by(self) -> Decision:
        return self.result.decided_by


@dataclass(frozen=True)
class GroupSum:
    """The scored items of one kind (mandatory or good practice) in and below a clause."""

    count: int
    met: int
    partial: int
    missing: int
    total: float
    """The sum of their scores."""
    mean: float | None
    best: float

    @property
    def present(self) -> int:
        """Met or partial: evidence was recognised."""
        return self.met + self.partial


@dataclass(frozen=True)
class ScoreArithmetic:
    """A clause's status and score as the scorer worked them from its items."""

    basis: Basis
    mandatory: GroupSum
    good_practice: GroupSum
    mandatory_weight: int
    good_practice_weight: int
    combined_weight: int
    """Mandatory items at their weight plus good-practice ones at theirs."""
    combined: float | None
    """Mandatory and good practice weighted together, when there are mandatory items."""
    good_practice_counts: bool
    """Good practice raised the score, so the combined figure is the score."""
    lifted_by_good_practice: bool
    """No mandatory item is present but good practice is: partial, not missing."""
    status: Status
    score: float | None


@dataclass(frozen=True)
class ItemRow:
    """One item in or below the clause, as it weighs in the clause's score."""

    clause: str
    result: ItemResult
    weight: int | None
    """None when the item does not count (not applicable, or left to the interview)."""


@dataclass(frozen=True)
class ClauseExplanation:
    clause: Clause
    result: ClauseResult
    rows: tuple[ItemRow, ...]
    arithmetic: ScoreArithmetic
    findings: tuple[Finding, ...]
    """Findings on the clause and its sub-clauses."""
    configuration: str | None = None
    """The configuration file the run used (see ``Assessment.configuration``)."""

    @property
    def status(self) -> Status:
        return self.result.status

    @property
    def score(self) -> float | None:
        return self.result.score


@dataclass(frozen=True)
class CheckExplanation:
    """One check of one item (a finding id, item:check): what it verifies, with what
    parameters, the files it judged, what it found, and its findings."""

    item: ItemExplanation
    check: str
    summary: str
    """What the check verifies (its documentation); for a finding no check makes, what
    that finding means."""
    specs: tuple[CheckSpec, ...]
    """The check as it ran: the catalogue's declaration with the configuration's
    parameters; empty for a finding no check makes."""
    judged: tuple[ConsideredFile, ...]
    """The counted evidence the check read."""
    results: tuple[CheckResult, ...]
    findings: tuple[Finding, ...]

    @property
    def configuration(self) -> str | None:
        return self.item.configuration


Explanation = ItemExplanation | ClauseExplanation | CheckExplanation

_ITEM_FINDINGS = {
    "missing": "the item has evidence: a file recognised by declaration, title or file name. "
    "Without it no check runs and the item is missing.",
    "applies_when": "whether a conditional item applies here, when the folder has no evidence "
    "of it and the configuration does not say: a question for the interview.",
    "weak_match": "whether the evidence is more than content matches, which never count.",
    "not_applicable": "an item the configuration declares not applicable, with its justification.",
    "undocumented": "good practice stated at interview to be in place but not written down.",
}


def explanation_of(
    catalogue: Catalogue,
    assessment: Assessment,
    target: Target,
    tuned: Callable[[Item, CheckSpec], CheckSpec] | None = None,
) -> Explanation:
    """The explanation of ``target``; ``tuned`` gives a check as the run's configuration
    set it (the catalogue's declaration when not given)."""
    if target.kind == "clause":
        return explain_clause(catalogue, assessment, target.id)
    if target.kind == "check" and target.check is not None:
        return explain_check(catalogue, assessment, target.id, target.check, tuned)
    return explain_item(catalogue, assessment, target.id)


def explain_check(
    catalogue: Catalogue,
    assessment: Assessment,
    item_id: str,
    check: str,
    tuned: Callable[[Item, CheckSpec], CheckSpec] | None = None,
) -> CheckExplanation:
    whole = explain_item(catalogue, assessment, item_id)
    docs = {doc.name: doc.summary for doc in documentation()}
    specs = tuple(
        tuned(whole.item, spec) if tuned is not None else spec
        for spec in whole.item.checks
        if spec.type == check
    )
    return CheckExplanation(
        item=whole,
        check=check,
        summary=docs.get(check) or _ITEM_FINDINGS.get(check, ""),
        specs=specs,
        judged=tuple(c for c in whole.considered if c.link.counted) if specs else (),
        results=tuple(r for r in whole.checks if r.check == check),
        findings=tuple(f for f in whole.findings if f.id.split(":")[1:2] == [check]),
    )


def explain_item(catalogue: Catalogue, assessment: Assessment, item_id: str) -> ItemExplanation:
    item = catalogue.item(item_id)
    result = next(i for i in assessment.items if i.id == item_id)
    files = {f.path: f for f in assessment.files}
    return ItemExplanation(
        item=item,
        clause=catalogue.clause(item.clause),
        result=result,
        weight=item_weight(result.mandatory),
        considered=tuple(ConsideredFile(link, files.get(link.path)) for link in result.evidence),
        near_misses=result.near_misses,
        checks=result.checks,
        failing_checks=sum(1 for check in result.checks if lowers_status(check.severity)),
        findings=tuple(f for f in assessment.findings if f.item == item_id),
        configuration=assessment.configuration,
    )


def explain_clause(
    catalogue: Catalogue, assessment: Assessment, clause_id: str
) -> ClauseExplanation:
    results = {i.id: i for i in assessment.items}
    subtree = set(catalogue.subtree(clause_id))
    rows = tuple(
        ItemRow(
            clause=item.clause,
            result=results[item.id],
            weight=None
            if results[item.id].score is None
            else item_weight(results[item.id].mandatory),
        )
        for item in catalogue.items_under(clause_id)
    )
    return ClauseExplanation(
        clause=catalogue.clause(clause_id),
        result=next(c for c in assessment.clauses if c.id == clause_id),
        rows=rows,
        arithmetic=arithmetic(clause_tallies(catalogue, assessment.items)[clause_id]),
        findings=tuple(f for f in assessment.findings if f.clause in subtree),
        configuration=assessment.configuration,
    )


def arithmetic(tally: Tally) -> ScoreArithmetic:
    """The numbers and rules of the scorer's tally, fixed for printing."""

    def group(mandatory: bool) -> GroupSum:
        g = tally.mandatory if mandatory else tally.good_practice
        return GroupSum(
            count=g.count,
            met=g.met,
            partial=g.partial,
            missing=g.missing,
            total=g.total,
            mean=g.mean if g.count else None,
            best=g.best,
        )

    return ScoreArithmetic(
        basis=tally.basis,
        mandatory=group(True),
        good_practice=group(False),
        mandatory_weight=MANDATORY_WEIGHT,
        good_practice_weight=GOOD_PRACTICE_WEIGHT,
        combined_weight=tally.combined_weight,
        combined=tally.combined,
        good_practice_counts=tally.good_practice_counts,
        lifted_by_good_practice=tally.lifted_by_good_practice,
        status=tally.status,
        score=tally.score,
    )
