"""The report's method section: what was examined and how every result was decided.

The text is built here, once, so that the Markdown, HTML and Word reports say the
same thing. It states only numbers taken from the Assessment (the parameters the
checks used, the file counts) and the rules of the engine, which it describes but
does not apply.
"""

from __future__ import annotations

from dataclasses import dataclass

from iso20k_cli.assess.model import Assessment
from iso20k_cli.assess.score import GOOD_PRACTICE_WEIGHT, MANDATORY_WEIGHT
from iso20k_cli.catalogue.model import Notes, ReportSpec
from iso20k_cli.checks.registry import REGISTRY
from iso20k_cli.evidence.model import ControlSource
from iso20k_cli.render.wording import format_summary, plural


@dataclass(frozen=True)
class MethodPart:
    heading: str
    paragraphs: tuple[str, ...]
    bullets: tuple[str, ...] = ()


def _scanned(assessment: Assessment) -> MethodPart:
    files = assessment.files
    used = sum(1 for f in files if f.used_for)
    unread = sum(1 for f in files if not f.readable)
    formats = f" ({format_summary(assessment)})" if files else ""
    verb = "was" if used == 1 else "were"
    paragraphs = [
        f"The evidence folder {assessment.evidence_dir} was read on "
        f"{assessment.as_of.isoformat()}. "
        f"It holds {plural(len(files), 'file')}{formats}; {used} of them {verb} recognised as "
        "evidence of at least one requirement. The evidence index at the end of this report "
        "lists every file and what it was used for.",
        "Hidden files, operating-system and editor files (lock files, thumbnails, backups) and "
        "the patterns the configuration ignores were skipped; files over the size limit were "
        "listed but not read. Links were not followed, so nothing outside the folder was "
        "read, and nothing in the folder was changed.",
    ]
    if unread:
        paragraphs.append(
            f"The content of {plural(unread, 'file')} could not be read; such files were "
            "judged by their names only, and the evidence index says why each was not read."
        )
    dated = sum(1 for f in files if ControlSource.GIT in f.control.sources.values())
    if dated:
        paragraphs.append(
            "The folder is kept in a git repository, whose history serves as its change "
            f"record: for {plural(dated, 'file')} that did not state it, the date of the last "
            "change and its author were taken from the file's last commit."
        )
    return MethodPart("What was examined", tuple(paragraphs))


_RECOGNITION = MethodPart(
    "How evidence was recognised",
    (
        "Each requirement of the catalogue lists the phrases that identify its evidence. A "
        "file was linked to a requirement in this order of precedence, and each link in this "
        "report says how it was made:",
    ),
    (
        "declared: the evidence manifest (evidence.yaml) or the file's front-matter names the "
        "clauses or items it is evidence of; such a file is linked to nothing else;",
        "title: the document's title contains one of the requirement's title phrases;",
        "file name: the file name contains a title phrase or a recognised short form "
        "(SLA, BCP, KEDB …);",
        "content: only for files not recognised otherwise, when several distinctive phrases "
        "of a requirement appear in the text. Such a link is weak: it is reported, but never "
        "counted as meeting the requirement.",
    ),
)


def _check_descriptions(assessment: Assessment) -> dict[str, str]:
    """Each check type's method sentence (its module's ``METHOD``), with this run's values."""
    p = assessment.parameters
    values = {
        "review_interval_months": plural(p.review_interval_months, "month"),
        "max_record_age_days": plural(p.max_record_age_days, "day"),
        "min_records_span_days": plural(p.min_records_span_days, "day"),
    }
    return {name: check.method_text(values) + ";" for name, check in REGISTRY.items()}


def _statuses(assessment: Assessment) -> MethodPart:
    """The rules of status, with only the checks this assessment applied."""
    used = {c.check for item in assessment.items for c in item.checks}
    described = _check_descriptions(assessment)
    bullets = [text for name, text in described.items() if name in used]
    bullets += [f"{name};" for name in sorted(used - described.keys())]
    if bullets:
        bullets[-1] = bullets[-1].removesuffix(";") + "."
    return MethodPart(
        "How statuses are decided",
        (
            "Each requirement is met (evidence recognised and every check passed), partly met "
            "(evidence recognised but a check failed, or only a weak link), missing (no "
            "evidence), or not applicable (declared so in the configuration, with a "
            "justification). A requirement that arises only under a condition (records of "
            "contractual disputes, where there were any) is left to the interview when no "
            "evidence is found and the configuration does not say whether the condition holds; "
            "a dated nil return ('none this period') meets it."
            + (" The checks applied were:" if bullets else ""),
        ),
        tuple(bullets),
    )


_GRADING = MethodPart(
    "How findings are graded",
    (
        "Findings are graded the way a certification body grades audit findings. ISO/IEC "
        "17021-1 defines two grades of nonconformity: a major nonconformity affects the "
        "capability of the management system to achieve its intended results (for example a "
        "required element that is absent, or several minor nonconformities on the same issue "
        "that show a systemic failure); a minor nonconformity does not.",
        "Here, a missing mandatory document or record is graded major; evidence that exists "
        "but fails a check (a draft, an overdue review, records too old, too few or covering "
        "too short a period) is graded minor; a missing good-practice item, a conditional "
        "requirement whose condition is not known, a file that could not be read or a "
        "requirement declared not applicable is an observation.",
        "Observations are not nonconformities. A certification body records observations, or "
        "opportunities for improvement, without requiring any action; they are listed here so "
        "that the organisation can consider them, for example at its management review. A "
        "major nonconformity prevents certification until the certification body has verified "
        "the correction and corrective action (usually within six months of the Stage 2 audit, "
        "otherwise Stage 2 is repeated). For a minor nonconformity the certification body "
        "accepts a corrective action plan and checks its effectiveness at the next audit.",
        "At Stage 1 an auditor does not raise nonconformities but records areas of concern "
        "that could be graded as nonconformities at Stage 2. The grades in this report predict "
        "how each gap would be graded if it were still open at Stage 2.",
    ),
)
_PRACTICE = (
    "Findings that rest on certification-body practice rather than on the text of the "
    "standard say so."
)


def _grading(notes: Notes) -> MethodPart:
    """The catalogue says what makes a requirement mandatory in its standard."""
    return MethodPart(_GRADING.heading, (*_GRADING.paragraphs, notes.mandatory or _PRACTICE))


def _scores(assessment: Assessment) -> MethodPart:
    return MethodPart(
        "How clause statuses and scores are calculated",
        (
            "Mandatory evidence decides a clause: it is met when every mandatory requirement in "
            "and below it is, missing when none is present, and partly met otherwise. "
            "Good-practice requirements can lift a clause from missing to partly met but never "
            "lower it. A clause with good-practice requirements only is met when any of them is, "
            "and is otherwise judged by interview: the standard asks for no documented "
            "information there, so nothing absent is a gap.",
            "A requirement scores 100 when met, 50 when partly met and 0 when missing; "
            "requirements declared not applicable, and conditional ones left to the interview, "
            "do not count. A clause's score is the mean of the mandatory requirements in it and "
            f"below it. Good-practice requirements count (at weight {GOOD_PRACTICE_WEIGHT} "
            f"against {MANDATORY_WEIGHT}) only when that raises the score, so that a missing "
            "optional procedure never lowers a clause whose mandatory evidence is in place. A "
            "clause with good-practice requirements only scores as its best requirement, or is "
            "not scored when none is present. The overall readiness follows the same rule over "
            "all requirements.",
            "Clauses with no documented information to examine (such as leadership and "
            "commitment, resources and awareness) are not scored: an auditor judges them by "
            "interviewing people and observing work, which a review of documents cannot do.",
        ),
    )


def _stages(assessment: Assessment, report: ReportSpec) -> MethodPart:
    span = assessment.parameters.min_records_span_days
    return MethodPart(
        "Stage 1 and Stage 2",
        (
            "A certification audit has two stages (ISO/IEC 17021-1 9.3.1). Stage 1 is a review "
            f"of the documented information and of readiness: {report.stage1_review}, the "
            "documents the standard requires, and whether "
            "internal audits and management reviews are planned and have been performed. "
            "Stage 2 evaluates the implementation and effectiveness of the management system, "
            "mainly by sampling records of operation, usually on site.",
            "Stage 1 is judged ready here when no major finding remains on documents and records "
            "show that an internal audit and a management review have been performed. Stage 2 "
            "is judged ready when Stage 1 is, no major finding remains on records, and the "
            f"records of operation cover at least {span} days. That period is certification-body "
            "practice (they usually want about three months of records), not a clause of the "
            "standard.",
        ),
    )


_LIMITS = MethodPart(
    "Limits of this assessment",
    (
        "This is a pre-assessment of documented information, not a certification audit. It "
        "checks that evidence exists, is under document control, is current and covers the "
        "expected period; it does not judge whether the content is adequate or effective. "
        "Recognition prefers precision: a document under an unusual title may be reported as "
        "missing, and the evidence index shows which files were not used. Unlike a "
        "certification body's auditor, who must stay impartial, this report recommends "
        "specific actions.",
    ),
)


def _interviews(assessment: Assessment) -> tuple[MethodPart, ...]:
    """How interview answers were weighed, when the run read any."""
    if assessment.answers_file is None:
        return ()
    count = len(assessment.interview)
    return (
        MethodPart(
            "Interview evidence",
            (
                f"{count} answer{'' if count == 1 else 's'} given at interview "
                f"({assessment.answers_file}) were weighed as testimony, as an auditor weighs "
                "it. An answer can settle a clause judged by interview, say whether a "
                "conditional requirement applies, or show that a good practice is in place; "
                "it never meets a mandatory document or record, which must be shown: a "
                "practice that exists but is undocumented leaves such a requirement missing, "
                "with the finding reworded. The evidence index lists every answer, who gave it "
                "and when.",
            ),
        ),
    )


def method(
    assessment: Assessment, report: ReportSpec | None = None, notes: Notes | None = None
) -> tuple[MethodPart, ...]:
    """``report`` and ``notes`` are the catalogue's (None: words that name no standard)."""
    return (
        _scanned(assessment),
        _RECOGNITION,
        _statuses(assessment),
        _grading(notes or Notes()),
        _scores(assessment),
        *_interviews(assessment),
        _stages(assessment, report or ReportSpec()),
        _LIMITS,
    )
