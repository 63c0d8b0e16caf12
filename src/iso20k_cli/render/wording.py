"""The words every output uses: labels, how a score is written, counts and plurals.

One home, so that the table, the CI formats and the report say the same thing the
same way. Renderers and the report's view-model take their words from here and
never spell a status, a severity or a score themselves.
"""

from __future__ import annotations

from collections import Counter

from iso20k_cli.assess.model import (
    Assessment,
    ClauseResult,
    Decision,
    Finding,
    ItemResult,
    Severity,
    Status,
)
from iso20k_cli.checks.registry import REGISTRY
from iso20k_cli.recognise.model import MatchedBy
from iso20k_cli.text.counts import agree as agree
from iso20k_cli.text.counts import listed as listed
from iso20k_cli.text.counts import plural as plural

# --- Statuses, severities and how evidence was recognised -----------------------------

STATUS_LABEL = {
    Status.MET: "Met",
    Status.PARTIAL: "Partly met",
    Status.MISSING: "Missing",
    Status.NOT_APPLICABLE: "Not applicable",
    Status.NOT_ASSESSED: "By interview",
}
"""A status in a report, where it stands alone in a cell or after a requirement."""

STATUS_WORD = {
    Status.MET: "met",
    Status.PARTIAL: "partial",
    Status.MISSING: "missing",
    Status.NOT_APPLICABLE: "n/a",
    Status.NOT_ASSESSED: "interview",
}
"""A status in a narrow table column (the terminal table, the pull-request summary)."""


def by_testimony(result: ClauseResult | ItemResult) -> bool:
    """Whether an answer given at interview decided the status (interview evidence)."""
    if isinstance(result, ItemResult):
        return result.decided_by in (Decision.INTERVIEW_MET, Decision.INTERVIEW_NOT_APPLICABLE)
    return (
        result.interview is not None
        and result.score is None
        and result.status is not Status.NOT_ASSESSED
    )


TESTIMONY_MARK = "*"
TESTIMONY_LEGEND = "* settled by interview evidence (testimony)"
"""The mark of a narrow status that rests on interview evidence, and its legend."""


def status_word(result: ClauseResult | ItemResult) -> str:
    """The narrow word, marked when the status rests on interview evidence (a mark, not
    words: the column stays as narrow as the table needs at 80 columns)."""
    word = STATUS_WORD[result.status]
    return word + TESTIMONY_MARK if by_testimony(result) else word


def status_label(result: ClauseResult | ItemResult) -> str:
    """The report's label, marked when the status rests on interview evidence."""
    label = STATUS_LABEL[result.status]
    return f"{label} (interview evidence)" if by_testimony(result) else label


def interview_summary(assessment: Assessment) -> str | None:
    """One line on the answers a run weighed, or None when it read none."""
    if assessment.answers_file is None:
        return None
    count = len(assessment.interview)
    answers = "1 answer" if count == 1 else f"{count} answers"
    return (
        f"Interview evidence: {answers} from {assessment.answers_file}, weighed as testimony "
        "(never enough alone for a mandatory document or record)"
    )


SEVERITY_LABEL = {
    Severity.MAJOR: "Major",
    Severity.MINOR: "Minor",
    Severity.OBSERVATION: "Observation",
}

SEVERITY_MEANING = {
    Severity.MAJOR: "likely major nonconformity: certification cannot be granted until the "
    "certification body has verified the correction and corrective action",
    Severity.MINOR: "likely minor nonconformity: the certification body accepts a corrective "
    "action plan and checks it at the next audit",
    Severity.OBSERVATION: "observation or opportunity for improvement: not a nonconformity, "
    "no action is required",
}

MATCHED_BY_LABEL = {
    MatchedBy.DECLARED: "declared in its front-matter or the evidence manifest",
    MatchedBy.TITLE: "recognised by its title",
    MatchedBy.SECTION: "recognised by a section heading",
    MatchedBy.SHEET: "recognised by a sheet's name",
    MatchedBy.COLUMNS: "recognised as an export by its columns",
    MatchedBy.FILENAME: "recognised by its file name",
    MatchedBy.FOLDER: "a dated record in a folder that names it",
    MatchedBy.CONTENT: "suggested by its content only (weak: not counted as met)",
}

KIND_LABEL = {"document": "Document", "record": "Record"}


def requirement_label(mandatory: bool) -> str:
    return "Mandatory" if mandatory else "Good practice"


# The findings the engine raises itself; each check type declares its own ``LABEL``.
_ENGINE_LABELS = {
    "missing": "no evidence found",
    "weak_match": "evidence only suggested by content",
    "not_applicable": "declared not applicable",
    "applies_when": "conditional: a question for the interview",
    "interview": "interview evidence (testimony)",
    "file": "evidence file problem",
    "manifest": "evidence manifest problem",
}


def check_label(check: str) -> str:
    """What a failed check means, in a few words; a name no longer known reads as itself."""
    if check in REGISTRY:
        return REGISTRY[check].label
    return _ENGINE_LABELS.get(check, check.replace("_", " "))


# --- Scores ------------------------------------------------------------------------------
# One way of writing a score in every output: to a tenth, as the engine rounds it and the
# JSON result holds it, so that the table, the report, the CI formats and a comparison
# between runs never show one score as two numbers (74 in one place, 74.4 in another),
# and a small change is never rounded away.


def score_precise(score: float) -> str:
    """A score as every output writes it: 80, or 83.3 when it has a fraction."""
    rounded = round(score, 1)
    return f"{rounded:.0f}" if rounded == int(rounded) else f"{rounded:.1f}"


def score_out_of_100(score: float | None) -> str:
    """A score as a report's reader sees it: 83.3/100, or a dash when not scored."""
    return "—" if score is None else f"{score_precise(score)}/100"


def delta_text(before: float, after: float) -> str:
    """The change between two scores, signed: +3.3, -10 or ±0."""
    difference = round(after, 1) - round(before, 1)
    sign = "+" if difference > 0 else "-" if difference < 0 else "±"
    return sign + score_precise(abs(difference))


# --- Counts and sentences ----------------------------------------------------------------


def did_you_mean(suggestions: list[str]) -> str:
    """The offer of what a mistyped id may have meant: did you mean 'a' or 'b'? Empty
    when there is nothing to offer."""
    if not suggestions:
        return ""
    quoted = [f"'{s}'" for s in suggestions]
    listed = quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]
    return f"did you mean {listed}?"


def sentence(text: str) -> str:
    """``text`` with a capital first letter, as a sentence in a report starts."""
    return text[:1].upper() + text[1:]


def severity_counts(counts: dict[Severity, int]) -> str:
    """'2 major, 1 minor, 3 observations': severities read as adjectives, observation as a noun."""
    return ", ".join(
        plural(counts[s], s.value) if s is Severity.OBSERVATION else f"{counts[s]} {s.value}"
        for s in Severity
    )


def acceptance_text(finding: Finding) -> str | None:
    """How an accepted finding is described in every output; None when not accepted."""
    a = finding.accepted
    if a is None:
        return None
    if a.expired:
        return f"Acceptance by {a.by} expired on {a.expires}: the finding counts again."
    return f"Accepted by {a.by} until {a.expires}: {a.justification}"


# Display names of the formats the scan reports.
_FORMAT_NAMES = {
    "markdown": "Markdown",
    "rst": "reStructuredText",
    "asciidoc": "AsciiDoc",
    "text": "text",
    "pdf": "PDF",
    "docx": "Word",
    "doc": "legacy Word",
    "xlsx": "Excel",
    "xls": "legacy Excel",
    "csv": "CSV",
    "html": "HTML",
    "ppt": "legacy PowerPoint",
    "pptx": "PowerPoint",
    "odt": "OpenDocument text",
    "ods": "OpenDocument spreadsheet",
    "rtf": "RTF",
    "msg": "Outlook e-mail",
    "eml": "e-mail",
    "other": "other",
}


def format_summary(assessment: Assessment) -> str:
    """'46 Markdown, 2 PDF, 1 Word': the files scanned by format, most common first."""
    counts = Counter(f.format for f in assessment.files)
    return ", ".join(
        f"{count} {_FORMAT_NAMES.get(name, name)}"
        for name, count in sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))
    )


NO_CONFIGURATION = "none (the defaults)"
NO_SCOPE = "not stated in the configuration, and no scope document was recognised"


def configuration_text(assessment: Assessment) -> str:
    """The configuration file the run used, as every output's header names it."""
    return assessment.configuration or NO_CONFIGURATION
