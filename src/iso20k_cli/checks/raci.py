"""RACI matrices and role-holder tables, read from the tables extraction found.

A RACI matrix lists processes or activities down its first column and roles across its
header; its cells hold R, A, C and I (also "A/R", "RA", "R, A"; RASCI's S). The role
marked A is accountable, so it owns the row; when no role is marked A, the one marked
R stands in. A role-holder table ("Role | Name", "Role | Current holder") says who
holds each role, so that an owner role becomes a person an audit programme names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from iso20k_cli.evidence.model import EvidenceFile, Table
from iso20k_cli.text.normalise import words

_MARKS = frozenset("RACIS")
_MARK_SEPARATORS = str.maketrans("", "", "/,;+&-. ")
MAX_MARK_CHARS = 8  # "A / R" is a mark; a longer cell is prose
MIN_ROLE_COLUMNS = 2
MARK_SHARE = 0.6  # of a role column's non-empty cells that are marks

_ROLE = re.compile(r"\b(role|position|job title|function)\b", re.IGNORECASE)
_HOLDER = re.compile(
    r"\b(name|holder|person|incumbent|held by|assigned to|who|individual|staff|postholder)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Accountable:
    """Who owns one row of a RACI matrix: the process and the roles marked A (or R)."""

    process: str
    roles: tuple[str, ...]
    mark: str
    """"A" when the roles are accountable, "R" when no role of the row is."""


@dataclass(frozen=True)
class Holder:
    name: str
    where: str
    """The file (and sheet or section) that names the holder."""


def mark(cell: str) -> frozenset[str] | None:
    """The letters of a RACI cell ("A/R" -> {A, R}), or None when it is not one."""
    if len(cell) > MAX_MARK_CHARS:
        return None  # prose, a date, a name: most cells, told apart without copying them
    squeezed = cell.upper().translate(_MARK_SEPARATORS)
    if not squeezed or not set(squeezed) <= _MARKS:
        return None
    return frozenset(squeezed)


def _role_columns(table: Table) -> list[int]:
    """Columns after the first whose non-empty cells are mostly RACI marks."""
    columns: list[int] = []
    rows = table.rows
    for index in range(1, len(table.header)):
        if not table.header[index].strip():
            continue
        # One pass per column: slimming asks this of every table of every file kept for
        # its owners, on every run, so it costs what counting the cells costs.
        cells = marks = 0
        for row in rows:
            if index < len(row):
                cell = row[index]
                if cell.strip():
                    cells += 1
                    if len(cell) <= MAX_MARK_CHARS and mark(cell) is not None:
                        marks += 1
        if cells and marks >= MARK_SHARE * cells:
            columns.append(index)
    return columns


def accountable(table: Table) -> list[Accountable]:
    """The owner roles of each row of ``table`` when it is a RACI matrix, else nothing."""
    columns = _role_columns(table)
    if len(columns) < MIN_ROLE_COLUMNS:
        return []
    found: list[Accountable] = []
    for row in table.rows:
        process = row[0].strip() if row else ""
        if not process or mark(process) is not None:
            continue
        marks = {i: mark(row[i]) or frozenset() for i in columns if i < len(row)}
        for letter in ("A", "R"):
            roles = tuple(table.header[i].strip() for i, m in marks.items() if letter in m)
            if roles:
                found.append(Accountable(process, roles, letter))
                break
    return found


def role_key(role: str) -> str:
    return " ".join(words(role))


def holders(tables: Iterable[tuple[EvidenceFile, Table, str]]) -> dict[str, Holder]:
    """Role (as :func:`role_key`) -> its holder, from tables with a role and a name column.

    The first table to name a role wins; callers list the tables nearest the matrix first.
    """
    found: dict[str, Holder] = {}
    for _file, table, where in tables:
        header = table.header
        role_at = _column(header, _ROLE, ())
        if role_at is None:
            continue
        holder_at = _column(header, _HOLDER, (role_at,))
        if holder_at is None:
            continue
        for row in table.rows:
            if max(role_at, holder_at) >= len(row):
                continue
            role, name = row[role_at].strip(), row[holder_at].strip()
            if role and name and mark(name) is None:
                found.setdefault(role_key(role), Holder(name[:120], where))
    return found


def _column(header: Sequence[str], pattern: re.Pattern[str], skip: Sequence[int]) -> int | None:
    return next(
        (i for i, h in enumerate(header) if i not in skip and pattern.search(h)),
        None,
    )
