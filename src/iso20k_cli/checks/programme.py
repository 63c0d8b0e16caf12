"""Audits planned in an audit programme, and those in its reports, as the check sees them.

A programme is a table (any format) whose header has an auditor column ("Auditor",
"Lead auditor", "Audited by"); the other columns are found by header words: what is
audited (scope, process, area, clause), when (planned date, dates, month), its status,
when it was completed, the owner of the audited process and the auditees. A report
names its auditor, scope and auditees on labelled lines or in a two-column table.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from iso20k_cli.checks.owners import head, where
from iso20k_cli.evidence.dates import dates_in_name, parse_date
from iso20k_cli.evidence.model import EvidenceFile
from iso20k_cli.text.normalise import words

MAX_CELL_CHARS = 300

_AUDITOR = re.compile(r"auditor|audited by|audit lead|audit team", re.IGNORECASE)
_OWNER = re.compile(r"owner", re.IGNORECASE)
_AUDITEE = re.compile(r"auditee|interviewee", re.IGNORECASE)
_STATUS = re.compile(r"status|state|progress", re.IGNORECASE)
_COMPLETED = re.compile(r"complet|actual|done|held|performed|report", re.IGNORECASE)
_PLANNED = re.compile(r"plan|date|when|month|schedul|quarter|week|period|due", re.IGNORECASE)
# What is audited, in order of preference.
_SCOPE = (
    re.compile(r"scope", re.IGNORECASE),
    re.compile(r"process|area|subject|topic|function|department", re.IGNORECASE),
    re.compile(r"clause|requirement", re.IGNORECASE),
    re.compile(r"audit|title|name", re.IGNORECASE),
)
_REF = re.compile(r"^\W*(audit\s*(ref|id|no)|ref|id|no\.?|number|#|audit)\W*$", re.IGNORECASE)

_POSTPONED = frozenset(
    {"postponed", "deferred", "cancelled", "canceled", "rescheduled", "delayed", "suspended"}
)
_POSTPONED_PHRASES = (("on", "hold"), ("re", "scheduled"), ("moved", "to"))
_DONE = frozenset(
    {"completed", "complete", "done", "closed", "held", "performed", "reported", "finished"}
)
_DONE_PHRASES = (("carried", "out"),)
_NOT_DONE = frozenset({"not", "overdue", "outstanding", "pending", "incomplete", "missed"})

_REPORT_LABELS = (
    "lead auditor",
    "auditors",
    "auditor",
    "audit team",
    "auditees",
    "auditee",
    "scope",
)
_MAX_LABEL_INDENT = 40  # a label line starts near the margin; further in is prose


def _label(line: str) -> tuple[str, int] | None:
    """The label of a report line "Auditor: …" or "| **Auditees** | …", and where its
    value starts. String operations only: a line of spaces must not cost its square."""
    margin = line[: _MAX_LABEL_INDENT + 2]
    start = len(margin) - len(margin.lstrip(" \t|"))
    if start > _MAX_LABEL_INDENT:
        return None
    if line.startswith("**", start):
        start += 2
    low = line[start : start + 40].lower()
    for label in _REPORT_LABELS:
        if low.startswith(label):
            at = start + len(label)
            if line.startswith("**", at):
                at += 2
            while at < len(line) and line[at] in " \t" and at - start < 60:
                at += 1
            return (label, at + 1) if line[at : at + 1] in ("|", ":") else None
    return None


@dataclass(frozen=True)
class Audit:
    """One audit: a row of a programme, or an audit report."""

    ref: str
    scope: str
    auditors: tuple[str, ...]
    where: str
    """The file (and sheet or section) that plans or reports the audit."""
    path: str
    status: str = ""
    planned: dt.date | None = None
    """The last day planned for it (the end of a range of dates)."""
    completed: dt.date | None = None
    owners: tuple[str, ...] = ()
    """Owners of the audited process the row itself names."""
    auditees: str = ""
    tracked: bool = False
    """The table has a status or completion column: a row without one is not done."""

    @property
    def postponed(self) -> bool:
        return _says(self.status, _POSTPONED, _POSTPONED_PHRASES)

    @property
    def done(self) -> bool:
        tokens = set(words(self.status))
        return self.completed is not None or (
            _says(self.status, _DONE, _DONE_PHRASES) and not tokens & _NOT_DONE
        )

    def overdue(self, as_of: dt.date) -> bool:
        return (
            self.tracked
            and self.planned is not None
            and self.planned < as_of
            and not self.done
            and not self.postponed
        )


def _says(text: str, single: frozenset[str], phrases: Sequence[tuple[str, str]]) -> bool:
    tokens = words(text)
    if set(tokens) & single:
        return True
    return any(pair == tokens[i : i + 2] for pair in phrases for i in range(len(tokens) - 1))


def people(value: str) -> tuple[str, ...]:
    """Names and roles in an auditor cell: "Aisha Bello; 8.7.3 with Ravi Menon",
    "Ravi Menon (10.1), Aisha Bello (others)", "Aisha Bello, Quality Lead — independent"."""
    head = value[:MAX_CELL_CHARS]
    for dash in (" — ", " – ", " - "):
        head = head.split(dash, 1)[0]
    found: list[str] = []
    for part in head.replace(";", ",").replace("/", ",").split(","):
        name = part.split("(", 1)[0].strip()
        if len(name) > 2:
            found.append(name)
    return tuple(found)


def latest_date(value: str) -> dt.date | None:
    """The last date a cell gives: "2026-09-22 to 2026-09-24" is 24 September, "2026-12"
    the end of December."""
    text = value[:MAX_CELL_CHARS]
    found = [d for part in (text, *text.split()) if (d := parse_date(part)) is not None]
    for joiner in (" to ", " – ", " — ", " until "):
        if joiner in text:
            found.extend(d for p in text.split(joiner) if (d := parse_date(p)) is not None)
    if not found:
        found.extend(dates_in_name(text))
    return max(found, default=None)


def _column(header: Sequence[str], pattern: re.Pattern[str], skip: set[int]) -> int | None:
    return next(
        (i for i, h in enumerate(header) if i not in skip and pattern.search(h)),
        None,
    )


def planned_audits(file: EvidenceFile) -> Iterator[Audit]:
    """The rows of the file's programme tables: those with an auditor column."""
    for table in file.tables:
        header = [h.replace("*", "").strip() for h in table.header]
        auditor_at = _column(header, _AUDITOR, set())
        if auditor_at is None:
            continue
        taken = {auditor_at}
        owner_at = _column(header, _OWNER, taken)
        auditee_at = _column(header, _AUDITEE, taken)
        status_at = _column(header, _STATUS, taken)
        taken |= {i for i in (owner_at, auditee_at, status_at) if i is not None}
        completed_at = _column(header, _COMPLETED, taken)
        if completed_at is not None:
            taken.add(completed_at)
        planned_at = _column(header, _PLANNED, taken)
        if planned_at is not None:
            taken.add(planned_at)
        ref_at = _column(header, _REF, taken)
        scope_at = next(
            (
                i
                for p in _SCOPE
                if (i := _column(header, p, taken | ({ref_at} if ref_at is not None else set())))
                is not None
            ),
            ref_at,
        )
        place = where(file, table.section)

        def at(row: Sequence[str], index: int | None) -> str:
            if index is None or index >= len(row):
                return ""
            return row[index].replace("**", "").strip()[:MAX_CELL_CHARS]

        for number, row in enumerate(table.rows, start=1):
            auditors = people(at(row, auditor_at))
            scope = at(row, scope_at)
            if not auditors and not scope:
                continue
            yield Audit(
                ref=at(row, ref_at) or (row[0].strip()[:60] if row else "") or f"row {number}",
                scope=scope,
                auditors=auditors,
                where=place,
                path=file.path,
                status=at(row, status_at),
                planned=latest_date(at(row, planned_at)),
                completed=latest_date(at(row, completed_at)),
                owners=people(at(row, owner_at)),
                auditees=at(row, auditee_at),
                tracked=status_at is not None or completed_at is not None,
            )


def reported_audit(file: EvidenceFile, head_lines: int = 200) -> Audit | None:
    """The audit a report describes on "Auditor: …", "Scope: …", "Auditees: …" lines."""
    found: dict[str, list[str]] = {"auditor": [], "auditee": [], "scope": []}
    for line in head(file.text, head_lines):
        found_label = _label(line)
        if found_label is None:
            continue
        label, at = found_label
        value = line[at : at + MAX_CELL_CHARS].strip().strip("|*").strip()
        key = "scope" if label == "scope" else "auditee" if "auditee" in label else "auditor"
        if value:
            found[key].append(value)
    auditors = tuple(p for value in found["auditor"] for p in people(value))
    if not auditors:
        return None
    return Audit(
        ref=file.title or file.stem,
        scope=" ".join(found["scope"]) or (file.title or ""),
        auditors=auditors,
        where=file.path,
        path=file.path,
        auditees=" ".join(found["auditee"]),
    )
