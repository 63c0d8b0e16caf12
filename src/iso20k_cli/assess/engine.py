"""From catalogue, settings and evidence to an :class:`Assessment`. Pure: no I/O."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from iso20k_cli import __version__
from iso20k_cli.assess.conditions import answer, nil_return, not_applicable_reason
from iso20k_cli.assess.interview import (
    condition_holds,
    condition_question,
    item_question,
    not_applicable_at_interview,
    weigh_clauses,
    weigh_item,
)
from iso20k_cli.assess.model import (
    Acceptance,
    Assessment,
    CatalogueInfo,
    CheckResult,
    Decision,
    EvidenceLink,
    FileResult,
    Finding,
    ItemResult,
    NearMissResult,
    Parameters,
    Severity,
    Status,
)
from iso20k_cli.assess.score import (
    clause_results,
    clause_tallies,
    item_score,
    lowers_status,
    overall_score,
    verdict,
)
from iso20k_cli.catalogue.model import AppliesWhen, Catalogue, Defaults, Item
from iso20k_cli.checks.base import CheckContext, Outcome
from iso20k_cli.checks.entries import RecordSet, record_set
from iso20k_cli.checks.profiles import run_profiled
from iso20k_cli.evidence.datereader import unread_note
from iso20k_cli.evidence.dates import days_covered
from iso20k_cli.evidence.model import EvidenceFile
from iso20k_cli.recognise.model import FileRecognition, Link, NearMiss
from iso20k_cli.recognise.recogniser import Recogniser
from iso20k_cli.recognise.vocabulary import Lexicon
from iso20k_cli.settings.answers import Answer, Answers
from iso20k_cli.settings.config import Settings
from iso20k_cli.text.counts import listed


@dataclass(frozen=True)
class _ItemOutcome:
    result: ItemResult
    findings: tuple[Finding, ...]


def assess(
    catalogue: Catalogue,
    settings: Settings,
    files: tuple[EvidenceFile, ...],
    as_of: dt.date,
    evidence_dir: str,
    notes: tuple[str, ...] = (),
    recognitions: tuple[FileRecognition, ...] | None = None,
    record_sets: dict[str, RecordSet] | None = None,
    answers: Answers | None = None,
) -> Assessment:
    """``notes`` are problems with the folder itself, such as manifest entries naming nothing.

    ``recognitions`` are what recognition decided per file, in the order of ``files``;
    recognised here when not given. ``record_sets`` are the files' entries, by path, as
    :func:`record_set` reads them with those recognitions' genres; read here when not
    given (from the files' tables, which a file slimmed after recognition no longer has).
    ``answers`` are what was heard at interview (see ``assess/interview.py``)."""
    defaults = settings.effective_defaults(catalogue)
    if recognitions is None:
        recogniser = Recogniser(catalogue)
        recognitions = tuple(recogniser.recognise(file) for file in files)
    links_by_item: dict[str, list[Link]] = defaultdict(list)
    misses_by_item: dict[str, list[NearMiss]] = defaultdict(list)
    file_findings: list[Finding] = []
    used_for: dict[str, list[str]] = defaultdict(list)
    file_warnings: dict[str, tuple[str, ...]] = {}
    genres: dict[str, str | None] = {}
    kinds = {r.path: r.kinds for r in recognitions}
    for file, recognition in zip(files, recognitions, strict=True):
        for link in recognition.links:
            links_by_item[link.item].append(link)
            if link.counted:
                used_for[file.path].append(link.item)
        for miss in recognition.misses:
            misses_by_item[miss.item].append(miss)
        genres[file.path] = recognition.genre
        file_warnings[file.path] = (*file.warnings, *recognition.warnings)
        file_findings.extend(_file_findings(file, file.warnings, recognition.warnings))
        if file.date_note is not None:
            # Read as the folder writes its dates: said on the file, not a finding.
            file_warnings[file.path] += (file.date_note,)
        if (note := unread_note(file.unread_dates, file.unread_date_examples)) is not None:
            file_warnings[file.path] += (note,)
            file_findings.append(
                _observation(
                    f"file:{file.path}:unread-dates",
                    "file",
                    f"{file.path}: {note}",
                    "Write dates so that they read one way only (2026-04-03 or 3 April 2026), "
                    "or set date_order (dmy, mdy or ymd) in the configuration.",
                    (file.path,),
                )
            )
    file_findings.extend(
        _observation(
            f"folder:note:{_digest(note)}",
            "manifest",
            note,
            "Correct the evidence manifest so that each entry names a file in the evidence folder.",
        )
        for note in notes
    )

    by_path = {f.path: f for f in files}
    if record_sets is None:
        record_sets = {
            f.path: entries
            for f in files
            if (entries := record_set(f, genres[f.path], settings.date_order, kinds[f.path]))
            is not None
        }
    run = _Run(
        catalogue=catalogue,
        settings=settings,
        by_path=by_path,
        as_of=as_of,
        defaults=defaults,
        not_applicable=_not_applicable(catalogue, settings),
        evidence={
            item_id: tuple(by_path[link.path] for link in links if link.counted)
            for item_id, links in links_by_item.items()
        },
        record_sets=record_sets,
        genres=genres,
        answers=answers.by_question() if answers is not None else {},
    )
    run.shown.update(_conditions_shown(catalogue, links_by_item, by_path))
    outcomes = [
        _assess_item(item, links_by_item.get(item.id, []), misses_by_item.get(item.id, []), run)
        for item in catalogue.items
    ]
    items = tuple(o.result for o in outcomes)
    clauses, clause_findings = weigh_clauses(
        catalogue, clause_results(catalogue, items), clause_tallies(catalogue, items), run.answers
    )
    findings = _sorted_findings(
        catalogue,
        apply_acceptances(
            [f for o in outcomes for f in o.findings] + [*clause_findings, *file_findings],
            settings,
            as_of,
        ),
    )
    span = _records_span(catalogue, items, by_path, record_sets, as_of)
    return Assessment(
        tool_version=__version__,
        as_of=as_of,
        organisation=settings.organisation,
        scope=settings.scope,
        assessor=settings.assessor,
        evidence_dir=evidence_dir,
        configuration=str(settings.path) if settings.path is not None else None,
        catalogue=CatalogueInfo(
            id=catalogue.standard.id,
            title=catalogue.standard.title,
            version=catalogue.standard.catalogue_version,
            path=catalogue.path,
        ),
        parameters=Parameters(
            review_interval_months=defaults.review_interval_months,
            max_record_age_days=defaults.max_record_age_days,
            min_records_span_days=defaults.min_records_span_days,
            fail_under=settings.fail_under,
            fail_on=settings.fail_on,
        ),
        score=overall_score(catalogue, items),
        verdict=verdict(catalogue, items, findings, span, defaults.min_records_span_days),
        clauses=clauses,
        items=items,
        findings=findings,
        files=tuple(
            _file_result(f, used_for, file_warnings, genres, record_sets.get(f.path)) for f in files
        ),
        records_span_days=span,
        answers_file=answers.path if answers is not None else None,
        interview=answers.answers if answers is not None else (),
    )


def _file_result(
    f: EvidenceFile,
    used_for: dict[str, list[str]],
    file_warnings: dict[str, tuple[str, ...]],
    genres: dict[str, str | None],
    entries: RecordSet | None,
) -> FileResult:
    dates = entries.dates if entries is not None else f.record_dates  # as the checks read them
    return FileResult(
        path=f.path,
        format=f.format,
        readable=f.readable,
        error=f.error,
        title=f.title,
        used_for=tuple(used_for.get(f.path, ())),
        warnings=file_warnings[f.path],
        title_source=f.title_source,
        genre=genres[f.path],
        control=f.control,
        first_record=min(dates, default=None),
        last_record=max(dates, default=None),
        entries=entries.entries if entries is not None else None,
        date_column=entries.date_column if entries is not None else None,
    )


def _not_applicable(catalogue: Catalogue, settings: Settings) -> dict[str, str]:
    """Item id -> justification, for items declared N/A directly or through their clause."""
    result: dict[str, str] = {}
    for entry in settings.not_applicable:
        if entry.item is not None:
            result[entry.item] = entry.justification
        elif entry.clause is not None:
            for item in catalogue.items_under(entry.clause):
                result.setdefault(item.id, entry.justification)
    return result


@dataclass(frozen=True)
class _Run:
    """What every item's assessment needs to know about the run."""

    catalogue: Catalogue
    settings: Settings
    by_path: dict[str, EvidenceFile]
    as_of: dt.date
    defaults: Defaults
    not_applicable: dict[str, str]
    evidence: dict[str, tuple[EvidenceFile, ...]]
    record_sets: dict[str, RecordSet]
    genres: dict[str, str | None]
    answers: dict[str, Answer] = field(default_factory=dict)
    """Question id -> the answer heard at interview."""
    shown: dict[str, str] = field(default_factory=dict)
    """Condition id -> an item whose evidence shows that the condition holds."""

    @cached_property
    def titles(self) -> dict[str, str]:
        return {item.id: item.title for item in self.catalogue.items}

    @cached_property
    def lexicon(self) -> Lexicon:
        return Lexicon(self.catalogue.vocabulary)


def _conditions_shown(
    catalogue: Catalogue, links_by_item: dict[str, list[Link]], by_path: dict[str, EvidenceFile]
) -> dict[str, str]:
    """Conditions that the evidence settles: records of a dispute show there was one, and
    so do any items asking the same question (a design for a new service shows that the
    service's plan and test results are due too). A nil return shows nothing."""
    shown: dict[str, str] = {}
    for item in catalogue.items:
        when = item.applies_when
        links = links_by_item.get(item.id, [])
        if when is None or when.condition in shown or not any(x.counted for x in links):
            continue
        if nil_return(when, links, by_path) is None:
            shown[when.condition] = item.id
    return shown


def _assess_item(item: Item, links: list[Link], misses: list[NearMiss], run: _Run) -> _ItemOutcome:
    """The item judged on its evidence, then on what was heard about it at interview."""
    outcome = _judge_item(item, links, misses, run)
    said = run.answers.get(item_question(item.id))
    when = item.applies_when
    heard = run.answers.get(condition_question(when.condition)) if when is not None else None
    if said is None and heard is not None and answer(item, run.settings) is None:
        # The condition was settled at interview: the item shows the testimony it rests on.
        result = outcome.result
        if result.interview is None:
            result = result.model_copy(update={"interview": heard})
        return _ItemOutcome(result, outcome.findings)
    if said is None or outcome.result.status is Status.NOT_APPLICABLE:
        return outcome
    result, findings = weigh_item(item, outcome.result, outcome.findings, said)
    return _ItemOutcome(result, findings)


def _judge_item(item: Item, links: list[Link], misses: list[NearMiss], run: _Run) -> _ItemOutcome:
    evidence = tuple(
        EvidenceLink(
            path=link.path,
            matched_by=link.matched_by,
            detail=link.detail,
            counted=link.counted,
            section=link.section,
            signals=link.signals,
        )
        for link in sorted(links, key=lambda x: (not x.counted, x.path))
    )
    near = tuple(
        NearMissResult(path=m.path, reason=m.reason) for m in sorted(misses, key=lambda m: m.path)
    )
    if item.id in run.not_applicable:
        justification = run.not_applicable[item.id]
        result = _result(item, Decision.DECLARED_NOT_APPLICABLE, evidence, (), justification, near)
        note = Finding(
            id=f"{item.id}:not_applicable",
            clause=item.clause,
            item=item.id,
            severity=Severity.OBSERVATION,
            check="not_applicable",
            message=f"'{item.title}' is declared not applicable: {justification}",
            recommendation="Keep the justification with the scope; be ready to show it holds.",
            basis=run.catalogue.notes.not_applicable,
        )
        return _ItemOutcome(result, (note,))

    when = item.applies_when
    applies = answer(item, run.settings)
    if when is not None and applies is False:
        reason = not_applicable_reason(when)
        decided = _result(item, Decision.CONDITION_ANSWERED_NO, evidence, (), reason, near)
        return _ItemOutcome(decided, ())

    strong = run.evidence.get(item.id, ())
    heard = run.answers.get(condition_question(when.condition)) if when is not None else None
    if when is not None and applies is None and heard is not None:
        if condition_holds(heard):
            applies = True
        elif when.condition not in run.shown:
            # Records showing that the condition holds outweigh testimony that it does not.
            outcome = _result(item, Decision.CONDITION_ANSWERED_NO, evidence, (), None, near)
            return _ItemOutcome(not_applicable_at_interview(outcome, when.question, heard), ())
    if when is not None and applies is None and when.condition not in run.shown:
        if not strong:
            finding = _question(item, when, tuple(link.path for link in links))
            return _ItemOutcome(
                _result(item, Decision.CONDITION_UNANSWERED, evidence, (), None, near),
                (finding,),
            )
        nil = nil_return(when, links, run.by_path)
        if nil is not None:
            check = CheckResult(
                check="nil_return",
                passed=True,
                message=f"{nil} records that there was nothing of the kind this period",
            )
            met = _result(item, Decision.NIL_RETURN, evidence, (check,), None, near)
            return _ItemOutcome(met, ())

    if not links:
        finding = _gap(item, "missing", f"no evidence of '{item.title}' was found", ())
        finding = _why_it_applies(finding, item, run)
        missing = _result(item, Decision.NO_EVIDENCE, evidence, (), None, near)
        return _ItemOutcome(missing, (finding,))
    if not strong:
        paths = tuple(link.path for link in links)
        finding = _gap(
            item,
            "weak_match",
            f"'{item.title}' is only suggested by the content of {listed(paths)}; "
            "not enough to count as evidence",
            paths,
        )
        finding = _why_it_applies(finding, item, run)
        weak = _result(item, Decision.WEAK_EVIDENCE, evidence, (), None, near)
        return _ItemOutcome(weak, (finding,))

    ctx = CheckContext(
        item=item,
        files=strong,
        as_of=run.as_of,
        defaults=run.defaults,
        evidence=run.evidence,
        titles=run.titles,
        lexicon=run.lexicon,
        record_sets=run.record_sets,
        genres=run.genres,
        notes=run.catalogue.notes,
    )
    outcomes = [
        o for spec in item.checks for o in run_profiled(run.settings.tuned(item, spec), ctx)
    ]
    failed = any(lowers_status(o.severity) for o in outcomes)
    decision = Decision.CHECKS_FAILED if failed else Decision.CHECKS_PASSED
    checks = tuple(
        CheckResult(check=o.check, passed=o.passed, message=o.message, severity=o.severity)
        for o in outcomes
    )
    findings = tuple(_from_outcome(item, o) for o in outcomes if not o.passed)
    return _ItemOutcome(_result(item, decision, evidence, checks, None, near), findings)


_STATUS = {
    Decision.DECLARED_NOT_APPLICABLE: Status.NOT_APPLICABLE,
    Decision.CONDITION_ANSWERED_NO: Status.NOT_APPLICABLE,
    Decision.CONDITION_UNANSWERED: Status.NOT_ASSESSED,
    Decision.NIL_RETURN: Status.MET,
    Decision.NO_EVIDENCE: Status.MISSING,
    Decision.WEAK_EVIDENCE: Status.MISSING,
    Decision.CHECKS_FAILED: Status.PARTIAL,
    Decision.CHECKS_PASSED: Status.MET,
    Decision.INTERVIEW_MET: Status.MET,
    Decision.INTERVIEW_NOT_APPLICABLE: Status.NOT_APPLICABLE,
}
"""The status each decision gives an item."""


def _result(
    item: Item,
    decision: Decision,
    evidence: tuple[EvidenceLink, ...],
    checks: tuple[CheckResult, ...],
    justification: str | None = None,
    near_misses: tuple[NearMissResult, ...] = (),
) -> ItemResult:
    status = _STATUS[decision]
    return ItemResult(
        id=item.id,
        clause=item.clause,
        kind=item.kind.value,
        title=item.title,
        mandatory=item.mandatory,
        status=status,
        score=item_score(status),
        evidence=evidence,
        checks=checks,
        justification=justification,
        near_misses=near_misses,
        decided_by=decision,
    )


def _uncertainty(item: Item) -> str | None:
    if item.source.uncertain:
        detail = f": {item.note}" if item.note else ""
        return f"the reference marks this requirement as {item.source.label}{detail}"
    return None


def _gap(item: Item, check: str, message: str, paths: tuple[str, ...]) -> Finding:
    """The finding for an item with no (or only weak) evidence."""
    if item.mandatory:
        severity = Severity.MAJOR
        kind = "document" if item.kind.value == "document" else "record"
        message = f"{message}: a mandatory {kind} ({item.basis})"
        recommendation = f"Produce '{item.title}'" + (
            " and keep it under document control."
            if kind == "document"
            else " and retain it as evidence that the process operates."
        )
    else:
        severity = Severity.OBSERVATION
        message = f"{message}; not required by the standard ({item.basis})"
        recommendation = f"Consider adding '{item.title}'; an auditor may ask how this is done."
    if check == "weak_match":
        recommendation = (
            "If this file is that evidence, give it a recognisable title or declare it in "
            f'front-matter (iso20k: {{satisfies: ["{item.id}"]}}); otherwise '
            + recommendation[0].lower()
            + recommendation[1:]
        )
    return Finding(
        id=f"{item.id}:{check}",
        clause=item.clause,
        item=item.id,
        severity=severity,
        check=check,
        message=message,
        recommendation=recommendation,
        paths=paths,
        basis=_uncertainty(item),
    )


def _why_it_applies(finding: Finding, item: Item, run: _Run) -> Finding:
    """A gap in a conditional item says what settled the condition, so it can be disputed."""
    when = item.applies_when
    if when is None:
        return finding
    heard = run.answers.get(condition_question(when.condition))
    if run.settings.conditions.get(when.condition) is True:
        why = f"the configuration answers yes to '{when.question}'"
    elif when.condition not in run.shown and heard is not None:
        why = f"answered '{heard.label}' to '{when.question}' at interview by {heard.testimony}"
    else:
        why = f"the evidence of '{run.shown[when.condition]}' answers yes to '{when.question}'"
    basis = "; ".join(b for b in (finding.basis, f"it applies here: {why}") if b)
    return finding.model_copy(update={"basis": basis})


def _question(item: Item, when: AppliesWhen, paths: tuple[str, ...]) -> Finding:
    """A conditional item with no evidence and no answer: a question, not a gap."""
    if item.mandatory:
        then = (
            f"If the answer is yes, produce '{item.title}'; if there was nothing to record, "
            "keep a dated entry saying so (for example 'none this period')."
        )
    else:
        then = f"If the answer is yes, consider adding '{item.title}' (good practice)."
    return Finding(
        id=f"{item.id}:applies_when",
        clause=item.clause,
        item=item.id,
        severity=Severity.OBSERVATION,
        check="applies_when",
        message=f"'{item.title}' is needed only if the answer to '{when.question}' is yes; "
        "no evidence was found and the configuration does not answer it",
        recommendation=f"Answer the question in the configuration (conditions: "
        f"{{{when.condition}: true}}, or false). {then}",
        paths=paths,
        basis=f"applies only under a condition ({item.basis}): an auditor will ask the "
        "question at interview",
    )


def _from_outcome(item: Item, outcome: Outcome) -> Finding:
    assert outcome.severity is not None
    bases = [b for b in (outcome.basis, _uncertainty(item)) if b]
    key = f":{outcome.key}" if outcome.key else ""
    return Finding(
        id=f"{item.id}:{outcome.check}{key}",
        clause=item.clause,
        item=item.id,
        severity=outcome.severity,
        check=outcome.check,
        message=outcome.message,
        recommendation=outcome.recommendation,
        paths=outcome.paths,
        basis="; ".join(bases) or None,
    )


def _observation(
    finding_id: str, check: str, message: str, recommendation: str, paths: tuple[str, ...] = ()
) -> Finding:
    """A finding about the folder or a file rather than a catalogue item."""
    return Finding(
        id=finding_id,
        clause=None,
        item=None,
        severity=Severity.OBSERVATION,
        check=check,
        message=message,
        recommendation=recommendation,
        paths=paths,
    )


def _digest(text: str) -> str:
    """A short stable id for a message: the same problem keeps its id when others appear."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]


DECLARED_ID_ADVICE = (
    "Correct the id where the file declares what it satisfies: its front-matter "
    "(iso20k: {satisfies: [...]}) or its entry in evidence.yaml."
)


def _file_findings(
    file: EvidenceFile, warnings: tuple[str, ...], declared: tuple[str, ...]
) -> list[Finding]:
    """Observations on one file: what reading it warned of, and the ids it declares that
    the catalogue does not have (which only a corrected id fixes)."""
    advised = [
        *((w, "Correct the file so that its document control can be read.") for w in warnings),
        *((w, DECLARED_ID_ADVICE) for w in declared),
    ]
    found = [
        _observation(
            f"file:{file.path}:warning:{_digest(warning)}",
            "file",
            f"{file.path}: {warning}",
            advice,
            (file.path,),
        )
        for warning, advice in advised
    ]
    # A format that is not read, or a scan without text, is a limit of the tool and is
    # listed in files; a damaged, encrypted or oversized file is the folder's problem.
    if file.read_failure:
        found.append(
            _observation(
                f"file:{file.path}:unreadable",
                "file",
                f"{file.path} could not be read: {file.error}",
                "Replace the file with a readable copy, or ignore it in the configuration if "
                "it is not evidence.",
                (file.path,),
            )
        )
    return found


def _sorted_findings(catalogue: Catalogue, findings: list[Finding]) -> tuple[Finding, ...]:
    """Most severe first, accepted ones last, then in catalogue order."""
    order = {cid: index for index, cid in enumerate(catalogue.clause_order)}
    items = {iid: index for index, iid in enumerate(catalogue.items_by_id)}
    return tuple(
        sorted(
            findings,
            key=lambda f: (
                0 if f.counts else 1,
                f.severity.rank,
                order.get(f.clause, len(order)) if f.clause else len(order),
                items.get(f.item, len(items)) if f.item else len(items),
                f.id,
            ),
        )
    )


def _records_span(
    catalogue: Catalogue,
    items: tuple[ItemResult, ...],
    by_path: dict[str, EvidenceFile],
    record_sets: dict[str, RecordSet],
    as_of: dt.date,
) -> int | None:
    """Days covered by the records of ongoing operation, oldest to newest.

    Records of ongoing operation are the items that declare a ``records_span``
    check; periodic records (an annual objectives record, say) would stretch the
    span without showing that the processes run.
    """
    ongoing = {
        item.id for item in catalogue.items if any(c.type == "records_span" for c in item.checks)
    }
    dates = sorted(
        d
        for result in items
        if result.id in ongoing and result.status is not Status.NOT_APPLICABLE
        for link in result.evidence
        if link.counted
        for d in _dates(by_path[link.path], record_sets, result.id)
        if d <= as_of
    )
    if not dates:
        return None
    return days_covered(dates)


def _dates(file: EvidenceFile, record_sets: dict[str, RecordSet], item: str) -> tuple[dt.date, ...]:
    """A file's record dates as records of ``item``: a register's or export's from its
    entries (of that kind, in an export of several)."""
    entries = record_sets.get(file.path)
    return entries.of(item).dates if entries is not None else file.record_dates


def apply_acceptances(findings: list[Finding], settings: Settings, as_of: dt.date) -> list[Finding]:
    """Mark accepted findings; an acceptance that matches nothing is itself reported."""
    by_id = {entry.finding: entry for entry in settings.accepted}
    marked = []
    for finding in findings:
        entry = by_id.get(finding.id)
        if entry is not None:
            acceptance = Acceptance(
                by=entry.accepted_by,
                justification=entry.justification,
                expires=entry.expires,
                expired=entry.expires < as_of,
            )
            finding = finding.model_copy(update={"accepted": acceptance})
        marked.append(finding)
    seen = {f.id for f in findings}
    marked.extend(
        _observation(
            f"acceptance:{entry.finding}",
            "acceptance",
            f"the configuration accepts finding '{entry.finding}', which did not occur in this run",
            "Remove the acceptance if the finding was resolved, or correct its id (see the "
            "findings' ids in the JSON output or iso20k explain).",
        )
        for entry in settings.accepted
        if entry.finding not in seen
    )
    return marked
