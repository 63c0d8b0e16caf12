"""What recognition decides: links between files (or their sections) and catalogue items."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from iso20k_cli.checks.entries import KindRows


class MatchedBy(StrEnum):
    """The signal that made a link, strongest first."""

    DECLARED = "declared"
    TITLE = "title"
    SECTION = "section"
    SHEET = "sheet"
    COLUMNS = "columns"
    FILENAME = "filename"
    FOLDER = "folder"
    CONTENT = "content"


@dataclass(frozen=True)
class Link:
    """One file (or one section, sheet or slide of it) as evidence of one item."""

    item: str
    path: str
    matched_by: MatchedBy
    detail: str
    """What made the link, in words: "title names 'continuity' in a policy"."""
    counted: bool
    """Counted as evidence; False for a suggestion an auditor would not accept alone."""
    section: str | None = None
    """The section, sheet or slide that carries the evidence (§4.3 Major incidents)."""
    signals: tuple[str, ...] = ()
    """Every signal that agreed, the deciding one first (title, content terms …)."""
    named: bool = False
    """Made by one of the item's own names ("Major Incident Procedure"), not only by its
    subject ("Incident Response"): the text says exactly what the file is."""
    phrase: str = ""
    """The catalogue's phrase the text was read as naming ("incident management")."""


@dataclass(frozen=True)
class NearMiss:
    """A file that names an item but is not its evidence, and why."""

    item: str
    path: str
    reason: str


@dataclass(frozen=True)
class FileRecognition:
    """Everything recognition decided about one file."""

    path: str
    genre: str | None
    links: tuple[Link, ...]
    misses: tuple[NearMiss, ...]
    warnings: tuple[str, ...] = ()
    kinds: tuple[KindRows, ...] = ()
    """Which rows of a table of several kinds of record are each item's."""
