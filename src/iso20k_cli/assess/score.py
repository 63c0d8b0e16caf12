"""Scores per item and clause, the overall score, and the Stage 1 / Stage 2 verdicts.

An item scores 100 when met, 50 when partial and 0 when missing; items declared
not applicable, and conditional items nobody has said apply ("by interview"), do not
count.

Mandatory evidence decides a clause (and the whole catalogue, for the overall score):

- with mandatory items in and below it, the clause is met when they all are, missing
  when none is, partial otherwise; its score is their mean. Good-practice items can
  only raise it: a met or partial one lifts "missing" to "partial", and they count in
  the score (at a third of a mandatory item's weight) only when that raises it;
- with good-practice items only, the standard asks for no documented information, so
  nothing absent is a gap: the clause is met when any item is (score 100), partial
  when one is present but fails a check (50), and otherwise judged by interview, with
  no score, the missing items being observations;
- with no items, the clause is judged by interview.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from iso20k_cli.assess.model import (
    ClauseResult,
    Decision,
    Finding,
    ItemResult,
    Severity,
    Status,
    Verdict,
)
from iso20k_cli.catalogue.model import Catalogue
from iso20k_cli.text.counts import listed, plural

MANDATORY_WEIGHT = 3
GOOD_PRACTICE_WEIGHT = 1
_ITEM_SCORES = {Status.MET: 100.0, Status.PARTIAL: 50.0, Status.MISSING: 0.0}


def item_score(status: Status) -> float | None:
    return _ITEM_SCORES.get(status)


def item_weight(mandatory: bool) -> int:
    """An item's weight in a clause score that counts good practice with mandatory items."""
    return MANDATORY_WEIGHT if mandatory else GOOD_PRACTICE_WEIGHT


def lowers_status(severity: Severity | None) -> bool:
    """Whether a check result of this grade leaves an item with evidence partial, not met:
    major and minor ones do; an observation never lowers a status."""
    return severity in (Severity.MAJOR, Severity.MINOR)


class Basis(StrEnum):
    """Which rule gives a clause (or the whole catalogue) its status and score."""

    MANDATORY = "mandatory"
    """Mandatory items decide; good practice can only raise."""
    GOOD_PRACTICE = "good_practice"
    """Good-practice items only, some present: the best of them decides."""
    GOOD_PRACTICE_ABSENT = "good_practice_absent"
    """Good-practice items only, none present: judged by interview, not a gap."""
    CONDITIONAL = "conditional"
    """No item counts, and some are conditional and left to the interview."""
    NOT_APPLICABLE = "not_applicable"
    """Every item is declared not applicable."""
    NO_ITEMS = "no_items"
    """No documented information is expected: judged by interview."""


@dataclass
class _Group:
    """The scored items of one kind (mandatory or good practice) in and below a clause."""

    count: int = 0
    total: float = 0.0
    best: float = 0.0
    met: int = 0
    present: int = 0
    """Met or partial: evidence was recognised."""
    documented: int = 0
    """Present from documents or records, not from testimony alone."""

    def add(self, score: float, testimony: bool = False) -> None:
        self.count += 1
        self.total += score
        self.best = max(self.best, score)
        self.met += score == _ITEM_SCORES[Status.MET]
        self.present += score > 0
        self.documented += score > 0 and not testimony

    def merge(self, other: _Group) -> None:
        self.count += other.count
        self.total += other.total
        self.best = max(self.best, other.best)
        self.met += other.met
        self.present += other.present
        self.documented += other.documented

    @property
    def mean(self) -> float:
        return self.total / self.count

    @property
    def partial(self) -> int:
        return self.present - self.met

    @property
    def missing(self) -> int:
        return self.count - self.present


class Tally:
    """What a clause's score and status need from the items in and below it, added up so
    that a clause costs its own items and its children's tallies, not a walk of its subtree
    (a catalogue thousands of levels deep stays linear)."""

    __slots__ = ("good_practice", "items", "mandatory", "met", "unscored")

    def __init__(self) -> None:
        self.items = 0
        self.met = 0
        self.mandatory = _Group()
        self.good_practice = _Group()
        self.unscored: set[Status] = set()
        """Statuses of the items that do not count: not applicable, by interview."""

    def add(self, item: ItemResult) -> None:
        self.items += 1
        self.met += item.status is Status.MET
        if item.score is None:
            self.unscored.add(item.status)
        else:
            testimony = item.decided_by is Decision.INTERVIEW_MET
            (self.mandatory if item.mandatory else self.good_practice).add(item.score, testimony)

    def merge(self, other: Tally) -> None:
        self.items += other.items
        self.met += other.met
        self.mandatory.merge(other.mandatory)
        self.good_practice.merge(other.good_practice)
        self.unscored |= other.unscored

    @property
    def combined(self) -> float | None:
        """Mandatory and good-practice items weighted together, when there are mandatory ones."""
        m, g = self.mandatory, self.good_practice
        if not m.count:
            return None
        return (m.total * MANDATORY_WEIGHT + g.total * GOOD_PRACTICE_WEIGHT) / self.combined_weight

    @property
    def combined_weight(self) -> int:
        m, g = self.mandatory, self.good_practice
        return m.count * MANDATORY_WEIGHT + g.count * GOOD_PRACTICE_WEIGHT

    @property
    def basis(self) -> Basis:
        m, g = self.mandatory, self.good_practice
        if m.count:
            return Basis.MANDATORY
        if g.count:
            return Basis.GOOD_PRACTICE if g.present else Basis.GOOD_PRACTICE_ABSENT
        if not self.items:
            return Basis.NO_ITEMS
        if Status.NOT_ASSESSED in self.unscored:
            return Basis.CONDITIONAL
        return Basis.NOT_APPLICABLE

    @property
    def good_practice_counts(self) -> bool:
        """Good practice weighs in the score: with mandatory items, only when it raises it."""
        combined = self.combined
        return combined is not None and combined > self.mandatory.mean

    @property
    def lifted_by_good_practice(self) -> bool:
        """No mandatory item is present but good practice is, in documents or records:
        partial instead of missing. Testimony alone never lifts a clause whose mandatory
        evidence is missing, as it never stands in for a mandatory document."""
        m, g = self.mandatory, self.good_practice
        return self.basis is Basis.MANDATORY and not m.present and g.documented > 0

    @property
    def score(self) -> float | None:
        m, g = self.mandatory, self.good_practice
        basis = self.basis
        if basis is Basis.MANDATORY:
            combined = self.combined
            assert combined is not None
            return round(combined if self.good_practice_counts else m.mean, 1)
        return g.best if basis is Basis.GOOD_PRACTICE else None

    @property
    def status(self) -> Status:
        m, g = self.mandatory, self.good_practice
        basis = self.basis
        if basis is Basis.MANDATORY:
            if m.met == m.count:
                return Status.MET
            if m.present or self.lifted_by_good_practice:
                return Status.PARTIAL
            return Status.MISSING
        if basis is Basis.GOOD_PRACTICE:
            return Status.MET if g.met else Status.PARTIAL
        if basis is Basis.NOT_APPLICABLE:
            return Status.NOT_APPLICABLE
        return Status.NOT_ASSESSED


def tally(items: list[ItemResult]) -> Tally:
    result = Tally()
    for item in items:
        result.add(item)
    return result


def clause_tallies(catalogue: Catalogue, items: tuple[ItemResult, ...]) -> dict[str, Tally]:
    """Each clause's tally of the items in and below it: what its score and status come from."""
    by_id = {i.id: i for i in items}
    tallies: dict[str, Tally] = {}
    # clause_order lists parents before children, so its reverse has children first.
    for clause_id in reversed(catalogue.clause_order):
        clause = catalogue.clause(clause_id)
        own = Tally()
        for item_id in clause.items:
            own.add(by_id[item_id])
        for child in clause.children:
            own.merge(tallies[child])
        tallies[clause_id] = own
    return tallies


def clause_results(catalogue: Catalogue, items: tuple[ItemResult, ...]) -> tuple[ClauseResult, ...]:
    tallies = clause_tallies(catalogue, items)
    return tuple(
        ClauseResult(
            id=clause.id,
            title=clause.title,
            parent=clause.parent,
            depth=clause.depth,
            score=tallies[clause.id].score,
            status=tallies[clause.id].status,
            items=tallies[clause.id].items,
            met=tallies[clause.id].met,
        )
        for clause in catalogue.clauses
    )


def overall_score(catalogue: Catalogue, items: tuple[ItemResult, ...]) -> float:
    score = tally(list(items)).score
    return score if score is not None else 0.0


def verdict(
    catalogue: Catalogue,
    items: tuple[ItemResult, ...],
    findings: tuple[Finding, ...],
    records_span_days: int | None,
    min_span_days: int,
) -> Verdict:
    """Stage 1: documents in place and an internal audit and management review performed.

    Stage 2: Stage 1, plus no major finding on records and records of operation
    covering the minimum period (certification-body practice).
    """
    kinds = {i.id: i.kind for i in items}
    by_id = {i.id: i for i in items}
    # Accepted findings (waivers) are reported but do not block a verdict until they expire.
    majors = [f for f in findings if f.severity is Severity.MAJOR and f.counts]
    doc_majors = [f for f in majors if f.item is None or kinds.get(f.item) == "document"]
    record_majors = [f for f in majors if f.item is not None and kinds.get(f.item) == "record"]

    stage1: list[str] = []
    # Each major finding and each missing performance record is one blocker, so that
    # Stage 2's count agrees with the findings Stage 1 lists (one line may list several).
    stage1_blockers = len(doc_majors)
    if doc_majors:
        stage1.append(
            f"{plural(len(doc_majors), 'major finding')} on documents: "
            + _titles(doc_majors, by_id)
        )
    for gate in catalogue.gates.performed:
        result = by_id.get(gate)
        if result is None or result.status is Status.NOT_APPLICABLE:
            continue
        if not any(link.counted for link in result.evidence):
            stage1.append(f"no evidence that '{result.title}' has been performed ({gate})")
            stage1_blockers += 1

    stage2 = [f"Stage 1 is not ready ({plural(stage1_blockers, 'blocker')})"] if stage1 else []
    if record_majors:
        stage2.append(
            f"{plural(len(record_majors), 'major finding')} on records: "
            + _titles(record_majors, by_id)
        )
    if records_span_days is None:
        stage2.append("no dated records of operation were found")
    elif records_span_days < min_span_days:
        stage2.append(
            f"records of operation cover {plural(records_span_days, 'day')}; certification bodies "
            f"usually want about {min_span_days} (practice, not a clause of the standard)"
        )
    return Verdict(
        stage1_ready=not stage1,
        stage2_ready=not stage2,
        stage1_blockers=tuple(stage1),
        stage2_blockers=tuple(stage2),
    )


def _titles(findings: list[Finding], by_id: dict[str, ItemResult]) -> str:
    names = [by_id[f.item].title if f.item in by_id else f.message for f in findings]
    return listed(list(dict.fromkeys(names)))
