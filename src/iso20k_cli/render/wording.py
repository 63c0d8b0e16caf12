"""Words and numbers shared by the renderers, so every format says the same thing."""

from __future__ import annotations

from collections import Counter

from iso20k_cli.assess.model import Assessment, Finding, Severity

_CHECK_LABELS = {
    "missing": "no evidence found",
    "weak_match": "evidence only suggested by content",
    "approved": "approval not confirmed",
    "review_interval": "review overdue",
    "latest_record_age": "latest record too old",
    "records_span": "records cover too short a period",
    "min_count": "too few records",
    "not_applicable": "declared not applicable",
    "applies_when": "conditional: a question for the interview",
    "file": "evidence file problem",
    "manifest": "evidence manifest problem",
}


def check_label(check: str) -> str:
    """What a failed check means, in a few words; a check type added later reads as its name."""
    return _CHECK_LABELS.get(check, check.replace("_", " "))


def score_text(score: float) -> str:
    """A score as people read it: 80, or 83.3 when it has a fraction."""
    rounded = round(score, 1)
    return f"{rounded:.0f}" if rounded == int(rounded) else f"{rounded:.1f}"


def delta_text(before: float, after: float) -> str:
    difference = round(after, 1) - round(before, 1)
    sign = "+" if difference > 0 else "-" if difference < 0 else "±"
    return sign + score_text(abs(difference))


def plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")


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
