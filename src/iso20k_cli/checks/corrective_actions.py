"""``corrective_actions``: each nonconformity has an action with a root cause, an owner and a
due date; open actions past their due date are reported.

The corrective action log is read as a table (any format) whose header has a status
or due-date column; root cause, owner and due date are found by header words. With
``nonconformities_from``, nonconformity references (NC-01, NCR-2026-3 …) found in
those items' evidence (the audit reports) must each appear in the log (10.1).
"""

from __future__ import annotations

import re
from typing import Any, Literal

import re2  # type: ignore[import-untyped]
from pydantic import Field, field_validator

from iso20k_cli.checks.base import CheckContext, CheckSpec, Outcome, graded
from iso20k_cli.checks.rows import cell, records
from iso20k_cli.evidence.dates import parse_date
from iso20k_cli.severity import Severity
from iso20k_cli.text.counts import agree, listed, plural

NAME = "corrective_actions"
EXAMPLE = """- type: corrective_actions
  nonconformities_from: [internal-audit-reports]"""
LABEL = "corrective action records incomplete"
METHOD = (
    "corrective actions: each has a root cause, an owner and a due date, and every "
    "nonconformity raised appears in the log"
)
READS_CONTENT = True

_REF = re.compile(r"^(ref|id|no\.?|number|#|nc|ca)\b", re.IGNORECASE)
_STATUS = re.compile(r"status|state", re.IGNORECASE)
_DUE = re.compile(r"due|target date|deadline", re.IGNORECASE)
_CAUSE = re.compile(r"root cause|cause", re.IGNORECASE)
_OWNER = re.compile(r"owner|responsible|assigned|action by", re.IGNORECASE)
_CLOSED = re.compile(r"\b(closed|complete[d]?|done|verified|effective|resolved)\b", re.IGNORECASE)
_OPEN = re.compile(r"\b(open|in progress|ongoing|overdue|not started)\b", re.IGNORECASE)
_EMPTY = {"", "-", "—", "–", "tbc", "tbd", "n/a", "na", "?", "none", "pending"}
_NC_REF = r"\b(?:NC|NCR|MNC|NC[- ]?R)[-_ ]?\d{1,4}(?:[-/]\d{1,4})?\b"


class Spec(CheckSpec):
    type: Literal["corrective_actions"]
    nonconformities_from: tuple[str, ...] = ()
    reference_pattern: str = Field(default=_NC_REF, min_length=2)

    @field_validator("reference_pattern")
    @classmethod
    def _linear(cls, value: str) -> str:
        # Checked when the catalogue or configuration is loaded, so that the message
        # names its file and line, not the first run that happens to use it.
        user_pattern(value)
        return value


def user_pattern(pattern: str) -> Any:
    """``pattern`` compiled by RE2, case-insensitive: it runs in time linear in the text.

    The pattern comes from a catalogue or configuration and is matched against untrusted
    evidence; Python's engine can take exponential time on a pattern such as
    ``(a|aa)+$``, RE2 cannot. RE2 has no look-arounds or back-references, which a
    reference number does not need. Raises ValueError with the reason.
    """
    try:
        return re2.compile(f"(?i){pattern}")
    except re2.error as exc:
        raise ValueError(f"not a regular expression this tool can run safely: {exc}") from None


def _closed(status: str) -> bool:
    return bool(_CLOSED.search(status)) and not _OPEN.search(status.split("—")[0])


def run(spec: Spec, ctx: CheckContext) -> list[Outcome]:
    severity = graded(spec, Severity.MINOR)
    paths = tuple(f.path for f in ctx.files)
    problems: dict[str, list[str]] = {"root cause": [], "owner": [], "due date": []}
    overdue: list[str] = []
    rows = 0
    for header, row in records(ctx.files, (_STATUS,)):
        if not any(_DUE.search(h) for h in header) and not any(_CAUSE.search(h) for h in header):
            continue
        rows += 1
        ref = cell(header, row, _REF) or row[0] or f"row {rows}"
        for field, pattern in (("root cause", _CAUSE), ("owner", _OWNER), ("due date", _DUE)):
            if (
                any(pattern.search(h) for h in header)
                and cell(header, row, pattern).lower() in _EMPTY
            ):
                problems[field].append(ref)
        due_text = cell(header, row, _DUE)
        due = parse_date(due_text) or parse_date(due_text.split(" ")[0])
        status = cell(header, row, _STATUS)
        if due is not None and due < ctx.as_of and not _closed(status):
            overdue.append(f"{ref} (due {due}, status '{status[:40]}')")
    outcomes: list[Outcome] = []
    if rows == 0:
        return [
            Outcome(
                NAME,
                Severity.OBSERVATION,
                f"no table of actions with a status and a due date or root cause was found in "
                f"'{ctx.item.title}'; actions could not be checked",
                "Keep the log as a table with reference, root cause, action, owner, due date "
                "and status columns.",
                paths,
                key="unreadable",
            )
        ]
    for field, refs in problems.items():
        if refs:
            outcomes.append(
                Outcome(
                    NAME,
                    severity,
                    f"{plural(len(refs), 'corrective action')} {agree(len(refs), 'has', 'have')} "
                    f"no {field}: {listed(refs)}",
                    f"Record the {field} of each action.",
                    paths,
                    key=field.replace(" ", "_"),
                )
            )
    if overdue:
        outcomes.append(
            Outcome(
                NAME,
                severity,
                f"{plural(len(overdue), 'open corrective action')} "
                f"{agree(len(overdue), 'is', 'are')} past the due date: " + listed(overdue, "; "),
                "Complete the overdue actions, or re-plan them with a justified new date.",
                paths,
                key="overdue",
            )
        )
    if spec.nonconformities_from:
        pattern = user_pattern(spec.reference_pattern)
        normal = re.compile(r"[-_ ]")
        log_text = "\n".join(f.text for f in ctx.files)
        logged = {normal.sub("", m.upper()) for m in pattern.findall(log_text)}
        sources = [f for i in spec.nonconformities_from for f in ctx.evidence.get(i, ())]
        raised = {
            normal.sub("", m.upper()): f.path for f in sources for m in pattern.findall(f.text)
        }
        unlogged = sorted(ref for ref in raised if ref not in logged)
        if unlogged:
            outcomes.append(
                Outcome(
                    NAME,
                    severity,
                    f"{plural(len(unlogged), 'nonconformity', 'nonconformities')} from audits "
                    f"{agree(len(unlogged), 'has', 'have')} no corrective action in the log: "
                    f"{listed(unlogged)}",
                    "Log each nonconformity with its correction, root cause and action.",
                    tuple(sorted({raised[r] for r in unlogged})) + paths,
                    key="unlogged",
                )
            )
    return outcomes or [
        Outcome(
            NAME,
            None,
            f"{plural(rows, 'action')}: each has a root cause, owner and due date",
        )
    ]
