"""Interview evidence: the questions the evidence cannot settle, and how answers weigh.

A gap analysis is documents plus interviews. Three kinds of question are left to the
interview: a clause for which the standard asks no documented information (or only good
practice, none of it present), a condition an item applies under that neither evidence
nor configuration settles, and a gap an auditor would ask about (a missing item: does it
exist somewhere, or is it done without being written down?).

Answers are testimony and are weighed as an auditor weighs it: they can settle a clause
judged by interview, a condition, or a good-practice item; they never make a mandatory
document or record met. "Exists but undocumented" for a missing mandatory item leaves the
finding, reworded to say what was heard and what is still needed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from iso20k_cli.assess.model import (
    Assessment,
    ClauseResult,
    Decision,
    Finding,
    ItemResult,
    Severity,
    Status,
)
from iso20k_cli.assess.score import Basis, Tally, clause_tallies, item_score
from iso20k_cli.catalogue.model import Catalogue, Item
from iso20k_cli.settings.answers import Answer, Reply

FALLBACK_OWNER = "SMS manager"
"""Who is asked when the catalogue names no owner for the clause or any above it."""

_JUDGED_BY_INTERVIEW = (Basis.NO_ITEMS, Basis.GOOD_PRACTICE_ABSENT)
_GAPS = (Decision.NO_EVIDENCE, Decision.WEAK_EVIDENCE)
_NEGATIVE = (Reply.NO, Reply.NOT_APPLICABLE)


class QuestionKind(StrEnum):
    CLAUSE = "clause"
    """A clause judged by interview."""
    CONDITION = "condition"
    """Whether the items that apply under a condition are due at all."""
    ITEM = "item"
    """A missing item: does it exist elsewhere, or is it practised without being written?"""


@dataclass(frozen=True)
class Question:
    id: str
    kind: QuestionKind
    clause: str
    text: str
    owner: str
    answer: Answer | None = None
    """The answer already given, when the run read an answers file."""


@dataclass(frozen=True)
class Questionnaire:
    organisation: str | None
    evidence_dir: str
    as_of: dt.date
    standard: str
    questions: tuple[Question, ...]


def clause_question(clause_id: str) -> str:
    return f"clause:{clause_id}"


def condition_question(condition: str) -> str:
    return f"condition:{condition}"


def item_question(item_id: str) -> str:
    return f"item:{item_id}"


def question_ids(catalogue: Catalogue) -> Iterator[str]:
    """Every question the catalogue can ask, answered or not."""
    yield from (clause_question(c) for c in catalogue.clause_order)
    yield from (condition_question(c) for c in catalogue.conditions)
    yield from (item_question(i) for i in catalogue.items_by_id)


def owner(catalogue: Catalogue, clause_id: str) -> str:
    """The role the catalogue's report names for the clause, or for the nearest above it."""
    owners = catalogue.report.owners
    current: str | None = clause_id
    while current is not None and current in catalogue.clauses_by_id:
        if current in owners:
            return owners[current]
        current = catalogue.clause(current).parent
    return FALLBACK_OWNER


# --- How answers weigh -----------------------------------------------------------


def condition_holds(said: Answer) -> bool:
    """An answer to a condition's question: yes, or done without records, means it holds."""
    return said.answer not in _NEGATIVE


def weigh_item(
    item: Item, result: ItemResult, findings: tuple[Finding, ...], said: Answer
) -> tuple[ItemResult, tuple[Finding, ...]]:
    """An item's result and findings once the answer about it is heard."""
    if result.decided_by not in _GAPS:
        # Documented evidence was examined: testimony adds to it and changes nothing.
        return result.model_copy(update={"interview": said}), findings
    if not item.mandatory and said.answer in (Reply.YES, Reply.UNDOCUMENTED):
        met = _decided(result, Decision.INTERVIEW_MET, Status.MET, said)
        if said.answer is Reply.YES:
            return met, ()
        return met, (_undocumented_practice(item, said),)
    if not item.mandatory and said.answer is Reply.NOT_APPLICABLE:
        met = _decided(result, Decision.INTERVIEW_NOT_APPLICABLE, Status.NOT_APPLICABLE, said)
        justification = f"answered not applicable at interview by {said.testimony}"
        return met.model_copy(update={"justification": justification}), ()
    heard = tuple(_heard(item, finding, said) for finding in findings)
    return result.model_copy(update={"interview": said}), heard


def not_applicable_at_interview(result: ItemResult, question: str, said: Answer) -> ItemResult:
    """A conditional item whose condition was answered no at interview."""
    decided = _decided(result, Decision.INTERVIEW_NOT_APPLICABLE, Status.NOT_APPLICABLE, said)
    reason = f"answered '{said.label}' to '{question}' at interview by {said.testimony}"
    return decided.model_copy(update={"justification": reason})


def _decided(result: ItemResult, decision: Decision, status: Status, said: Answer) -> ItemResult:
    return result.model_copy(
        update={
            "decided_by": decision,
            "status": status,
            "score": item_score(status),
            "interview": said,
        }
    )


def _undocumented_practice(item: Item, said: Answer) -> Finding:
    return Finding(
        id=f"{item.id}:undocumented",
        clause=item.clause,
        item=item.id,
        severity=Severity.OBSERVATION,
        check="interview",
        message=f"'{item.title}' is practised but not written down (stated at interview by "
        f"{said.testimony}); not required by the standard ({item.basis})",
        recommendation=f"Consider writing down '{item.title}': an auditor who hears one "
        "account will look for the practice in records or in other people's answers.",
        basis="interview evidence (testimony), not documented information",
        interview=said,
    )


def _heard(item: Item, finding: Finding, said: Answer) -> Finding:
    """A gap finding with the answer given about it: reworded, never resolved, for a
    mandatory item; a good-practice one answered no keeps its words and notes the answer."""
    kind = "document" if item.kind.value == "document" else "record"
    where = f" (reference given: {said.reference})" if said.reference else ""
    message, recommendation = finding.message, finding.recommendation
    note = f"answered '{said.label}' at interview by {said.testimony}"
    if item.mandatory and said.answer is Reply.YES:
        message = (
            f"'{item.title}' was stated at interview to exist{where} but is not in the evidence "
            f"folder: a mandatory {kind} ({item.basis}) is shown, not told"
        )
        recommendation = (
            f"Add '{item.title}' to the evidence folder{where}, under document control; "
            "testimony alone does not evidence a mandatory " + kind + "."
        )
    elif item.mandatory and said.answer is Reply.UNDOCUMENTED:
        message = (
            f"'{item.title}' is practised but not documented (stated at interview by "
            f"{said.testimony}): a mandatory {kind} ({item.basis})"
        )
        recommendation = (
            f"Write '{item.title}' down from the practice described at interview and keep it "
            "under document control."
            if kind == "document"
            else f"Keep '{item.title}' as records of the practice described at interview, "
            "and retain them as evidence that the process operates."
        )
    elif item.mandatory and said.answer is Reply.NOT_APPLICABLE:
        note += (
            "; a mandatory requirement is left out only by declaring it not applicable in "
            "the configuration (not_applicable, with a justification)"
        )
    basis = "; ".join(b for b in (finding.basis, note) if b)
    return finding.model_copy(
        update={
            "message": message,
            "recommendation": recommendation,
            "basis": basis,
            "interview": said,
        }
    )


def weigh_clauses(
    catalogue: Catalogue,
    clauses: tuple[ClauseResult, ...],
    tallies: dict[str, Tally],
    answers: dict[str, Answer],
) -> tuple[tuple[ClauseResult, ...], tuple[Finding, ...]]:
    """Clauses judged by interview, with their answers: met on testimony where the
    standard asks for no documented information, or a finding when the answer is no."""
    weighed: list[ClauseResult] = []
    findings: list[Finding] = []
    for result in clauses:
        said = answers.get(clause_question(result.id))
        if said is None:
            weighed.append(result)
            continue
        if not by_interview(result, tallies[result.id]):
            weighed.append(result.model_copy(update={"interview": said}))
            continue
        status = {
            Reply.YES: Status.MET,
            Reply.UNDOCUMENTED: Status.MET,
            Reply.NO: Status.MISSING,
            Reply.NOT_APPLICABLE: Status.NOT_APPLICABLE,
        }[said.answer]
        weighed.append(result.model_copy(update={"status": status, "interview": said}))
        if said.answer is Reply.NO:
            findings.append(_clause_not_in_place(result, said))
        elif said.answer is Reply.NOT_APPLICABLE:
            findings.append(_clause_not_applicable(result, said, catalogue))
    return tuple(weighed), tuple(findings)


def by_interview(result: ClauseResult, tally: Tally) -> bool:
    """A clause the standard leaves to the interview: no documented information expected,
    or only good practice, none of it present."""
    return result.status is Status.NOT_ASSESSED and tally.basis in _JUDGED_BY_INTERVIEW


def _clause_not_in_place(result: ClauseResult, said: Answer) -> Finding:
    return Finding(
        id=f"clause:{result.id}:interview",
        clause=result.id,
        item=None,
        severity=Severity.MINOR,
        check="interview",
        message=f"{result.id} {result.title}: answered no at interview by {said.testimony}; "
        "the practice the clause asks for is not in place",
        recommendation=f"Put in place what {result.id} asks for, and be ready to show it "
        "(records, minutes, communications) as well as to describe it.",
        basis="interview evidence (testimony)",
        interview=said,
    )


def _clause_not_applicable(result: ClauseResult, said: Answer, catalogue: Catalogue) -> Finding:
    return Finding(
        id=f"clause:{result.id}:not_applicable",
        clause=result.id,
        item=None,
        severity=Severity.OBSERVATION,
        check="interview",
        message=f"{result.id} {result.title} was answered not applicable at interview by "
        f"{said.testimony}",
        recommendation="Record why it does not apply with the scope; be ready to show it holds.",
        basis=catalogue.notes.not_applicable,
        interview=said,
    )


# --- The questionnaire -----------------------------------------------------------


def questionnaire(catalogue: Catalogue, assessment: Assessment) -> Questionnaire:
    """The questions an interview must settle for this run, in catalogue order."""
    tallies = clause_tallies(catalogue, assessment.items)
    questions: list[Question] = []
    answers = {a.question: a for a in assessment.interview}
    for clause_result in assessment.clauses:
        tally = tallies[clause_result.id]
        if by_interview(clause_result, tally) or clause_result.interview is not None:
            clause = catalogue.clause(clause_result.id)
            summary = clause.summary.strip()
            text = (
                f"{clause.id} {clause.title}: {summary} Is this in place, and what shows it?"
                if summary
                else f"How does the organisation meet {clause.id} {clause.title}, and what "
                "shows it?"
            )
            qid = clause_question(clause.id)
            questions.append(
                Question(
                    qid,
                    QuestionKind.CLAUSE,
                    clause.id,
                    text,
                    owner(catalogue, clause.id),
                    answers.get(qid),
                )
            )
    asked: set[str] = set()
    for result in assessment.items:
        item = catalogue.item(result.id)
        when = item.applies_when
        if when is None or when.condition in asked:
            continue
        qid = condition_question(when.condition)
        if result.decided_by is Decision.CONDITION_UNANSWERED or qid in answers:
            asked.add(when.condition)
            needs = [
                i.title
                for i in catalogue.items
                if i.applies_when is not None and i.applies_when.condition == when.condition
            ]
            text = f"{when.question} If yes, an auditor asks for: {'; '.join(needs)}."
            questions.append(
                Question(
                    qid,
                    QuestionKind.CONDITION,
                    item.clause,
                    text,
                    owner(catalogue, item.clause),
                    answers.get(qid),
                )
            )
    for result in assessment.items:
        qid = item_question(result.id)
        if result.decided_by not in _GAPS and qid not in answers:
            continue
        item = catalogue.item(result.id)
        questions.append(
            Question(
                qid,
                QuestionKind.ITEM,
                item.clause,
                _gap_question(item),
                owner(catalogue, item.clause),
                answers.get(qid),
            )
        )
    order = {cid: index for index, cid in enumerate(catalogue.clause_order)}
    questions.sort(key=lambda q: order.get(q.clause, len(order)))
    return Questionnaire(
        organisation=assessment.organisation,
        evidence_dir=assessment.evidence_dir,
        as_of=assessment.as_of,
        standard=catalogue.standard.title,
        questions=tuple(questions),
    )


def _gap_question(item: Item) -> str:
    if item.mandatory:
        if item.kind.value == "document":
            return (
                f"Is there a '{item.title}'? None was found in the evidence. If there is, "
                f"where is it kept? (required: {item.basis})"
            )
        return (
            f"Are '{item.title}' kept? None were found in the evidence. If they are, where? "
            f"(required: {item.basis})"
        )
    return (
        f"How is '{item.title}' done here, and is it written down? (good practice, not "
        "required by the standard)"
    )
