"""What is already well covered: a good report recognises good practice, not only gaps."""

from __future__ import annotations

from dataclasses import dataclass

from iso20k_cli.assess.model import Assessment, ClauseResult, Decision, ItemResult, Status
from iso20k_cli.checks.base import current_version
from iso20k_cli.render.wording import plural

# The files a strength names; a clause met by sixty records names ten and says how many
# more, and the evidence index lists them all.
EVIDENCE_LISTED = 10


@dataclass(frozen=True)
class Strength:
    heading: str
    statement: str
    paths: tuple[str, ...] = ()

    @property
    def shown(self) -> tuple[str, ...]:
        return self.paths[:EVIDENCE_LISTED]

    @property
    def more(self) -> int:
        return max(0, len(self.paths) - EVIDENCE_LISTED)


def _subtree(clause_id: str, clauses: tuple[ClauseResult, ...]) -> set[str]:
    children: dict[str, list[str]] = {}
    for clause in clauses:
        if clause.parent is not None:
            children.setdefault(clause.parent, []).append(clause.id)
    found, stack = set(), [clause_id]
    while stack:
        current = stack.pop()
        found.add(current)
        stack.extend(children.get(current, ()))
    return found


def _titles(items: list[ItemResult]) -> str:
    # Semicolons, because titles themselves contain commas and "and".
    return "; ".join(i.title for i in items)


def _paths(items: list[ItemResult], old: frozenset[str]) -> tuple[str, ...]:
    """The files that make ``items`` good practice: a superseded version or an archived
    copy is evidence the document was revised, not of what is in place now."""
    return tuple(sorted({link.path for i in items for link in i.evidence if link.counted} - old))


def _old_versions(assessment: Assessment) -> frozenset[str]:
    return frozenset(
        f.path for f in assessment.files if not current_version(f.path, f.control.status)
    )


def _complete_clauses(assessment: Assessment, old: frozenset[str]) -> list[Strength]:
    """Clauses at 100, each named once: the highest complete clause of its branch."""
    scores = {c.id: c.score for c in assessment.clauses}
    found = []
    for clause in assessment.clauses:
        if clause.score != 100 or clause.status is not Status.MET:
            continue
        if clause.parent is not None and scores.get(clause.parent) == 100:
            continue
        under = _subtree(clause.id, assessment.clauses)
        met = [i for i in assessment.items if i.clause in under and i.status is Status.MET]
        found.append(
            Strength(
                heading=f"{clause.id} {clause.title}",
                statement=f"Complete: {_titles(met)}.",
                paths=_paths(met, old),
            )
        )
    return found


def strengths(assessment: Assessment) -> tuple[Strength, ...]:
    found: list[Strength] = []
    # Items not applicable, or conditional ones left to the interview, do not count.
    mandatory = [i for i in assessment.items if i.mandatory and i.score is not None]
    met_mandatory = [i for i in mandatory if i.status is Status.MET]
    if met_mandatory:
        found.append(
            Strength(
                heading="Mandatory documented information",
                statement=f"{len(met_mandatory)} of the {len(mandatory)} documents and records "
                "that the standard requires are in place and passed their checks.",
            )
        )
    if assessment.verdict.stage1_ready:
        found.append(
            Strength(
                heading="Ready for the documentation review",
                statement="No major gap remains in the documents a Stage 1 auditor reviews, and "
                "records show that an internal audit and a management review have taken place.",
            )
        )
    old = _old_versions(assessment)
    found.extend(_complete_clauses(assessment, old))
    span = assessment.records_span_days
    minimum = assessment.parameters.min_records_span_days
    if span is not None and span >= minimum:
        found.append(
            Strength(
                heading="A track record of operation",
                statement=f"Records of operation cover {plural(span, 'day')}, "
                f"more than the {minimum} "
                "days or so that certification bodies usually expect before Stage 2.",
            )
        )
    # Good practice met on testimony is not documented information: the interview
    # evidence lists it, not this strength.
    extra = [
        i
        for i in assessment.items
        if not i.mandatory and i.status is Status.MET and i.decided_by is not Decision.INTERVIEW_MET
    ]
    if extra:
        listed = ", ".join(f"{i.title} ({i.clause})" for i in extra)
        found.append(
            Strength(
                heading="Good practice beyond the minimum",
                statement="Documented information the standard does not require, which "
                f"an auditor will recognise as good practice: {listed}.",
                paths=_paths(extra, old),
            )
        )
    return tuple(found)
