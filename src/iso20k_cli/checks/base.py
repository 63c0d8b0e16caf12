"""What every check receives, declares and returns.

A check type is a module of this package, listed in ``checks/specs.py``, that declares:

- a docstring, which ``iso20k catalogue checks`` prints as its documentation;
- ``NAME``, the ``type`` a catalogue declares it by;
- ``Spec``, its parameters (a :class:`CheckSpec`), validated when the catalogue is loaded;
- ``EXAMPLE``, a declaration of it in YAML;
- ``LABEL``, what a failed check means in a few words (a GitHub annotation's title, a
  SARIF rule's description);
- ``METHOD``, one sentence for the report's method section, "topic: what is verified";
  ``{review_interval_months}``, ``{max_record_age_days}`` and ``{min_records_span_days}``
  in it are replaced by the values the run used ("12 months", "92 days");
- ``READS_CONTENT``, whether it reads the text, sections or tables of its item's
  evidence (the others read document control, record dates and record sets);
- ``run(spec, ctx)``, which judges the evidence.

Checks never touch the file system: they judge the evidence already read.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, Protocol

from pydantic import BaseModel, ConfigDict, Field, field_validator

from iso20k_cli.evidence.model import DocStatus, EvidenceFile
from iso20k_cli.severity import Severity
from iso20k_cli.text.counts import plural
from iso20k_cli.text.lexicon import Lexicon

if TYPE_CHECKING:
    from iso20k_cli.checks.entries import RecordSet

# Folders where organisations keep what is no longer current.
_ARCHIVE = re.compile(
    r"(^|/)(archive[sd]?|old|obsolete|superseded|previous( versions)?|history|retired)(/|$)",
    re.IGNORECASE,
)


class Defaults(BaseModel):
    """Values the checks fall back on; a catalogue declares them and a configuration
    file may override them."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    review_interval_months: int = Field(default=12, ge=1, le=120)
    max_record_age_days: int = Field(default=92, ge=1, le=3660)
    min_records_span_days: int = Field(default=90, ge=1, le=3660)


def _placeholders_only(text: str, name: str) -> str:
    """``text`` with no brace but the ``{name}`` it may hold: the value is put in by
    replacement, never by ``str.format``, which would let a catalogue read attributes."""
    if "{" in text.replace("{" + name + "}", "") or "}" in text.replace("{" + name + "}", ""):
        raise ValueError(f"may hold {{{name}}} and no other braces")
    return text


class BasisNotes(BaseModel):
    """What a finding says it rests on when a check relies on practice, not on a 'shall'.

    A catalogue words them for its standard (``notes:``); these defaults name none.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    default_interval: str = Field(
        default="the {months}-month interval is this tool's default (practice, not a "
        "requirement) and can be changed in the configuration",
        min_length=10,
        max_length=500,
    )
    """For a review interval the catalogue's default stands in for: ``{months}`` is it."""
    record_period: str = Field(
        default="certification bodies usually want about {days} days of records before "
        "Stage 2; this is their practice, not a clause of the standard",
        min_length=10,
        max_length=500,
    )
    """For the period records must cover before Stage 2: ``{days}`` is it."""

    @field_validator("default_interval")
    @classmethod
    def _months_only(cls, text: str) -> str:
        return _placeholders_only(text, "months")

    @field_validator("record_period")
    @classmethod
    def _days_only(cls, text: str) -> str:
        return _placeholders_only(text, "days")

    def interval(self, months: int) -> str:
        return self.default_interval.replace("{months}", str(months))

    def period(self, days: int) -> str:
        return self.record_period.replace("{days}", str(days))


class Subject(Protocol):
    """What a check reads of the catalogue item it judges (the catalogue's ``Item``)."""

    @property
    def id(self) -> str: ...

    @property
    def title(self) -> str: ...


class CheckSpec(BaseModel):
    """Parameters shared by every check type."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    severity: Severity | None = None
    """Overrides the grade of what the check finds (for a tailored catalogue)."""
    type: str
    """The check type's ``NAME``; each module's ``Spec`` narrows it to its own."""


def is_archived(file: EvidenceFile) -> bool:
    return _archived_path(file.path)


def _archived_path(path: str) -> bool:
    """Whether ``path`` lies in a folder kept for old versions (archive/, superseded/ …)."""
    return bool(_ARCHIVE.search(path.rsplit("/", 1)[0] if "/" in path else ""))


def is_current(file: EvidenceFile) -> bool:
    return current_version(file.path, file.control.status)


def current_version(path: str, status: DocStatus | None) -> bool:
    """Whether a file at ``path`` with ``status`` is a current version: neither in an
    archive folder nor marked superseded (the checks' reading, and the report's)."""
    return not _archived_path(path) and status is not DocStatus.SUPERSEDED


@dataclass(frozen=True)
class CheckContext:
    item: Subject
    files: tuple[EvidenceFile, ...]
    """The evidence recognised for the item (declared, by title or by file name)."""
    as_of: dt.date
    defaults: Defaults
    evidence: Mapping[str, tuple[EvidenceFile, ...]] = field(default_factory=dict)
    """Every item's recognised evidence, for checks that read across items."""
    titles: Mapping[str, str] = field(default_factory=dict)
    """Every catalogue item's title by id, for checks that name other items."""
    lexicon: Lexicon[Any] | None = None
    """The catalogue's vocabulary, for checks that compare names as recognition does."""
    record_sets: Mapping[str, RecordSet] = field(default_factory=dict)
    """The entries of each file that is a register or export of dated rows, by path."""
    genres: Mapping[str, str | None] = field(default_factory=dict)
    """What recognition took each file to be, by path (None when it was declared)."""
    notes: BasisNotes = field(default_factory=BasisNotes)
    """The catalogue's wording of what a finding resting on practice rests on."""

    @cached_property
    def current(self) -> EvidenceFile:
        """The version an auditor would be shown: current before archived, approved first,
        then the most recently approved."""

        def rank(f: EvidenceFile) -> tuple[int, int, dt.date, str]:
            status = f.control.status
            order = {DocStatus.APPROVED: 0, None: 1, DocStatus.UNKNOWN: 1, DocStatus.DRAFT: 2}
            newest = f.control.approved or dt.date.min
            return (
                0 if is_current(f) else 1,
                order.get(status, 3),
                dt.date.max - (newest - dt.date.min),
                f.path,
            )

        return sorted(self.files, key=rank)[0]

    def entries_of(self, file: EvidenceFile) -> RecordSet | None:
        """A file's entries that are records of this item: in an export of several kinds
        of record, only the rows of this one."""
        entries = self.record_sets.get(file.path)
        return entries.of(self.item.id) if entries is not None else None

    def dates_of(self, file: EvidenceFile) -> tuple[dt.date, ...]:
        """A file's record dates: its entries' when it is a record set."""
        entries = self.entries_of(file)
        return entries.dates if entries is not None else file.record_dates

    def record_dates(self) -> tuple[dt.date, ...]:
        """Record dates up to the assessment date (later ones would be planned, not done)."""
        return tuple(sorted({d for f in self.files for d in self.dates_of(f) if d <= self.as_of}))

    def record_count(self) -> int:
        """Records present: each entry of a register or export, and each other file."""
        return sum(
            entries.entries if (entries := self.entries_of(f)) else 1 for f in self._distinct_files
        )

    def describe_records(self, limit: int = 3) -> str:
        """What the records are, for a message: "412 entries from 2026-05-02 to 2026-07-30
        in incidents.csv; 2 other records in separate files"."""
        files = self._distinct_files
        sets = [(f, e) for f in files if (e := self.entries_of(f)) is not None]
        parts = []
        for file, entries in sets[:limit]:
            if entries.first and entries.first != entries.last:
                span = f" from {entries.first} to {entries.last}"
            else:
                span = f" dated {entries.first}" if entries.first else ""
            mixed = (
                f" of this kind (by column '{entries.told_by}', of {entries.whole} "
                "of several kinds)"
                if entries.whole
                else ""
            )
            parts.append(
                f"{plural(entries.entries, 'entry', 'entries')}{mixed}{span} in {file.path}"
            )
        if len(sets) > limit:
            rest = sum(e.entries for _, e in sets[limit:])
            parts.append(
                f"{plural(rest, 'entry', 'entries')} in {plural(len(sets) - limit, 'more file')}"
            )
        others = len(files) - len(sets)
        if others:
            noun = "record" if others == 1 else "records"
            parts.append(f"{others} {'other ' if sets else ''}{noun} in separate files")
        return "; ".join(parts)

    @property
    def has_entries(self) -> bool:
        return any(f.path in self.record_sets for f in self.files)

    @property
    def _distinct_files(self) -> tuple[EvidenceFile, ...]:
        """The evidence files, each once (two parts of one file are one record)."""
        return tuple({f.path: f for f in self.files}.values())


@dataclass(frozen=True)
class Outcome:
    """One result of a check: passed when ``severity`` is None."""

    check: str
    severity: Severity | None
    message: str
    recommendation: str = ""
    paths: tuple[str, ...] = ()
    basis: str | None = None
    key: str | None = None
    """Tells apart several findings of one check on one item (the finding id needs it)."""

    @property
    def passed(self) -> bool:
        return self.severity is None


def unread_date_hint(doc: EvidenceFile) -> str:
    """What to add to a finding that a date is missing, when the document has one that
    could not be read: written so that it reads either way round (05/04/2026)."""
    if not doc.readable or not doc.unread_date_examples:
        return ""
    return (
        f"; a date in it ({doc.unread_date_examples[0]}) could be day first or month "
        "first: set date_order in the configuration to read it"
    )


def graded(spec: CheckSpec, default: Severity) -> Severity:
    return spec.severity or default


def only_superseded(
    ctx: CheckContext, name: str, severity: Severity, advice: str
) -> list[Outcome] | None:
    """A failed outcome when the current version found is superseded or archived (the
    version in force is not in the evidence), else None."""
    doc = ctx.current
    if is_current(doc):
        return None
    return [
        Outcome(
            name,
            severity,
            f"only superseded or archived versions of '{ctx.item.title}' were found ({doc.path})",
            advice,
            (doc.path,),
        )
    ]


def next_due(
    ctx: CheckContext, name: str, severity: Severity, activity: str, advice: str
) -> list[Outcome] | None:
    """The outcome of the next ``activity`` date (review, verification) the current
    version records: passed while it is ahead, failed once it has gone by; None when the
    document records none, so that the check falls back on its own dates."""
    doc = ctx.current
    due = doc.control.review_due
    if due is None:
        return None
    if due < ctx.as_of:
        days = (ctx.as_of - due).days
        return [
            Outcome(
                name,
                severity,
                f"'{ctx.item.title}' was due for {activity} on {due} "
                f"({days} days before {ctx.as_of}) ({doc.path})",
                advice,
                (doc.path,),
            )
        ]
    return [Outcome(name, None, f"next {activity} due {due}")]
