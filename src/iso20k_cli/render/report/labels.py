"""Words a reader sees for statuses, severities and how evidence was recognised."""

from __future__ import annotations

from iso20k_cli.assess.model import Severity, Status
from iso20k_cli.recognise.model import MatchedBy

STATUS_LABEL = {
    Status.MET: "Met",
    Status.PARTIAL: "Partly met",
    Status.MISSING: "Missing",
    Status.NOT_APPLICABLE: "Not applicable",
    Status.NOT_ASSESSED: "By interview",
}

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


def score_text(score: float | None) -> str:
    """A score as a reader sees it: whole points out of 100, or a dash when not scored."""
    return "—" if score is None else f"{score:.0f}/100"


def sentence(text: str) -> str:
    """``text`` with a capital first letter, as a sentence in a report starts."""
    return text[:1].upper() + text[1:]
