"""The requirements catalogue: clause tree, documented information, match hints, checks."""

from __future__ import annotations

from enum import StrEnum
from functools import cached_property
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from iso20k_cli.checks.base import BasisNotes
from iso20k_cli.checks.base import Defaults as Defaults
from iso20k_cli.checks.specs import CheckSpec

_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"


class Source(StrEnum):
    """How well a fact is sourced, as tagged in the domain reference.

    ``K?`` (working knowledge, low confidence) and ``X`` (sources disagree) are the
    uncertain ones: the tool says so wherever it relies on them.
    """

    VERIFIED = "V"
    SECONDARY = "V-2"
    KNOWLEDGE = "K"
    KNOWLEDGE_UNSURE = "K?"
    DISPUTED = "X"

    @property
    def uncertain(self) -> bool:
        return self in (Source.KNOWLEDGE_UNSURE, Source.DISPUTED)

    @property
    def label(self) -> str:
        return _SOURCE_LABELS[self]


_SOURCE_LABELS = {
    Source.VERIFIED: "verified against a public source",
    Source.SECONDARY: "agreed by independent secondary sources",
    Source.KNOWLEDGE: "working knowledge, not confirmed by a cited source",
    Source.KNOWLEDGE_UNSURE: "uncertain: working knowledge with low confidence",
    Source.DISPUTED: "uncertain: sources disagree",
}


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Genre(StrEnum):
    """What kind of document a file or section is, decided once from its title, name and shape."""

    POLICY = "policy"
    PROCESS = "process"
    """A process description, procedure, runbook, playbook, guide or handbook page."""
    PLAN = "plan"
    REGISTER = "register"
    """A register, log, list, inventory or export: a set of records."""
    REPORT = "report"
    MINUTES = "minutes"
    AGREEMENT = "agreement"
    TEMPLATE = "template"
    CHECKLIST = "checklist"
    """A list of steps or checks to tick. It supports a procedure and, ticked, records one
    occasion; it is not the policy, plan, agreement or procedure it serves."""
    REFERENCE = "reference"
    """An overview, readme, glossary, training course or announcement: about a subject,
    not the organisation's way of doing it."""
    DOCUMENT = "document"
    """Prose whose title names no genre: taken as a description of how things are done."""


DOCUMENT_GENRES = (Genre.POLICY, Genre.PROCESS, Genre.PLAN, Genre.DOCUMENT)
RECORD_GENRES = (Genre.REGISTER, Genre.REPORT, Genre.MINUTES)


class RecordSignature(_Model):
    """How an export of records of this item is told apart from other exports.

    ``id_prefixes`` are ticket-number prefixes (INC for incidents); ``type_values``
    are values of a type column ("Incident" in a Jira "Issue Type"); ``columns`` are
    column names only this kind of record has. ``numbered`` are the prefixes a file
    named as one record of this item starts with ("RFC-0012 Upgrade mail server.docx"):
    only those that number nothing else, where ``id_prefixes`` may be read in an id
    column that says what it holds.
    """

    id_prefixes: tuple[str, ...] = ()
    type_values: tuple[str, ...] = ()
    columns: tuple[str, ...] = ()
    numbered: tuple[str, ...] = ()


class MatchHints(_Model):
    """How a file is recognised as evidence of an item.

    ``names`` are phrases that name the item outright ("statement of applicability");
    ``subjects`` name what it is about ("continuity") and count only in a document of
    one of the item's ``genres``. Both are matched in titles, section and sheet
    headings and file names, in any word order, after the catalogue's vocabulary has
    turned synonyms and abbreviations into its own words. ``filenames`` are short forms
    trusted in file names only; ``broader`` lists items this one is narrower than (when
    both are named by the same words, the narrower wins); ``records`` recognises
    exports by their columns; ``keywords`` feed the content score, which only suggests.
    ``titles`` is the older name of ``names``; ``exclude`` vetoes on a title or name.
    """

    names: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    subjects: tuple[str, ...] = ()
    policy_subjects: tuple[str, ...] = ()
    """Subjects that name the item only where a policy or standard rules on them: a
    backup policy decides a control, a backup runbook or a page about backups does not."""
    occasions: tuple[str, ...] = ()
    """Subjects that name one occasion of a record in a page dated for it that says
    nothing of its own kind: "Scheduled Maintenance for Scicomp Systems", posted on a day,
    is the notice of one change."""
    genres: tuple[Genre, ...] | None = None
    """None: the default for the item's kind (documents or records)."""
    filenames: tuple[str, ...] = ()
    broader: tuple[str, ...] = ()
    in_sections: bool = True
    """False where a section cannot be the evidence: a "Roles and responsibilities"
    section of one procedure is not the organisation's assignment of roles. A sheet of
    rows still can: a workbook's "RACI" sheet is the matrix itself."""
    in_figures: bool = True
    """False where a report's part of figures on the item's subject counts its records
    without being them: "Incidents against targets" in a monthly report gives numbers of
    incidents, not the incident records."""
    functions: tuple[str, ...] = ()
    """The organisation's other functions (vocabulary ``functions``) whose folders may
    still hold this item's evidence: training records filed under "HR/"."""
    in_sections_of: tuple[str, ...] = ()
    """Items whose documents' sections can still be the evidence where ``in_sections``
    is False: the SMS manual's or plan's section on roles assigns them for the whole
    system."""
    stated_in: tuple[str, ...] = ()
    """Items whose documents document this one where they state its target in so many
    words (``stated_as``): an SLA that promises "Availability: 99.5%" sets the
    availability target."""
    stated_as: tuple[str, ...] = ()
    """What such a target is of ("availability", "uptime"): a line or a table's row that
    names one of these and gives a percentage states it."""
    measured_in: tuple[str, ...] = ()
    """Items whose reports are this one's results where they give their measures as
    figures: a monthly service report's table of percentages against targets holds the
    results of monitoring and measurement."""
    acts: tuple[str, ...] = ()
    """Acts a how-to's title opens on when it instructs this item ("add", "requesting"),
    done on one of ``acted_on`` ("user", "virtual machine"): a page titled "Add GitHub
    User" is an instruction for fulfilling one kind of request."""
    acted_on: tuple[str, ...] = ()
    records: RecordSignature | None = None
    body_share: float | None = Field(default=None, gt=0, le=1)
    """How much of a broader document's body (the share of its subject's mentions) must
    name this narrower item for the document to count for it as well: a major incident
    is handled inside the incident procedure, so a few mentions are a section on it.
    Unset, only a body mostly about this item makes it evidence, in the broader's place."""
    parts: tuple[str, ...] = ()
    """The labelled parts a filled-in record of this item is laid out in ("impact",
    "timeline", "actions" of a post-incident review): a file counted for a broader
    record whose headings or labels give ``min_parts`` of them is this record instead."""
    min_parts: int = Field(default=3, ge=1, le=20)
    keywords: tuple[str, ...] = ()
    min_keywords: int = Field(default=3, ge=1, le=50)
    exclude: tuple[str, ...] = ()

    @property
    def all_names(self) -> tuple[str, ...]:
        return self.names + self.titles

    @model_validator(mode="after")
    def _acts_on_things(self) -> MatchHints:
        # One without the other would be silently ignored.
        if bool(self.acts) != bool(self.acted_on):
            raise ValueError("'acts' and 'acted_on' go together: list both or neither")
        return self


class ExportColumns(_Model):
    """Column names by role, to tell a ticket or change export from any other table."""

    id: tuple[str, ...] = ()
    opened: tuple[str, ...] = ()
    closed: tuple[str, ...] = ()
    status: tuple[str, ...] = ()
    summary: tuple[str, ...] = ()
    priority: tuple[str, ...] = ()
    type: tuple[str, ...] = ()


class Vocabulary(_Model):
    """The words real organisations use, declared once for every item of the catalogue.

    ``terms`` maps a phrase (an abbreviation, a spelling, a synonym) to the catalogue's
    own words; ``distinct`` are phrases that name something else and take their words
    with them ("climate change" is no change); ``genres`` are the words that say what
    kind of document a title is; ``stopwords`` are ignored when phrases are compared;
    ``functions`` are the organisation's other functions by the names of the folders
    that file their documents ("HR", "Estates", "Finance"): what is filed there is
    theirs, not the SMS's, except for the items that name the function as theirs.
    """

    terms: dict[str, str] = {}
    distinct: tuple[str, ...] = ()
    genres: dict[Genre, tuple[str, ...]] = {}
    functions: dict[str, tuple[str, ...]] = {}
    stopwords: tuple[str, ...] = ()
    export_columns: ExportColumns = ExportColumns()


class RecognitionSettings(_Model):
    """Thresholds of recognition, calibrated on the labelled corpus (benchmarks/recognition.py)."""

    section_min_words: int = Field(default=40, ge=0, le=100_000)
    """A section shorter than this (a heading with a link under it) proves nothing."""
    document_min_words: int = Field(default=0, ge=0, le=100_000)
    """A document with fewer words (and no table) is a stub that points elsewhere."""
    content_min_score: float = Field(default=4.0, ge=0)
    """A content score under this is not even suggested."""


class Kind(StrEnum):
    DOCUMENT = "document"
    RECORD = "record"


NilPhrase = Annotated[str, Field(min_length=3, max_length=80)]


class AppliesWhen(_Model):
    """The condition under which an item is required at all.

    Some requirements arise only where something exists or happened: records of
    contractual disputes where there were disputes, agreements with internal suppliers
    where the scope has them. ``condition`` names the fact (items asking the same
    question share it, and a configuration answers it under ``conditions:``);
    ``question`` is how an auditor would ask it; ``none_phrases`` are the item's own
    words for an explicit nil return ("no disputes"), on top of the generic ones
    ("none this period").
    """

    condition: str = Field(pattern=_ID_PATTERN, max_length=64)
    question: str = Field(min_length=10, max_length=300)
    none_phrases: tuple[NilPhrase, ...] = Field(default=(), max_length=20)


class ItemSpec(_Model):
    """One piece of documented information as written in the YAML file."""

    id: str = Field(pattern=_ID_PATTERN)
    title: str = Field(min_length=3)
    description: str = ""
    mandatory: bool
    basis: str = Field(
        min_length=1,
        description="Where the requirement comes from (clause references), or why it is "
        "only good practice.",
    )
    source: Source = Source.KNOWLEDGE
    note: str = ""
    related: tuple[str, ...] = Field(default=(), description="Other clause ids cited.")
    match: MatchHints = MatchHints()
    checks: tuple[CheckSpec, ...] = ()
    applies_when: AppliesWhen | None = None
    """None: the item applies to every organisation in scope."""


class ClauseSpec(_Model):
    """One numbered clause as written in the YAML file."""

    id: str = Field(pattern=_ID_PATTERN)
    title: str = Field(min_length=2)
    parent: str | None = Field(
        default=None, description="Parent clause id; derived from a dotted id when left out."
    )
    summary: str = ""
    source: Source = Source.KNOWLEDGE
    note: str = ""
    documents: tuple[ItemSpec, ...] = ()
    records: tuple[ItemSpec, ...] = ()


class Gates(_Model):
    """Catalogue items whose evidence shows that an activity has been performed.

    Stage 1 expects an internal audit and a management review to have taken
    place; the catalogue names the record items that prove it.
    """

    performed: tuple[str, ...] = ()


class StandardInfo(_Model):
    id: str = Field(pattern=_ID_PATTERN)
    title: str
    catalogue_version: str = "1"
    notes: tuple[str, ...] = ()
    tags: tuple[Annotated[str, Field(pattern=_ID_PATTERN, max_length=40)], ...] = Field(
        default=(), max_length=10
    )
    """Short names of the standard for tools that file results by tag (SARIF rules)."""
    keywords: tuple[Annotated[str, Field(min_length=1, max_length=80)], ...] = Field(
        default=(), max_length=10
    )
    """How documents name the standard in their metadata (the Word and Excel reports')."""


class Notes(BasisNotes):
    """The catalogue's wording of what a finding rests on where it names the standard.

    Every note has a wording that names no standard, used when the catalogue gives none.
    """

    not_applicable: str = Field(
        default="an auditor will check that the justification holds",
        min_length=10,
        max_length=500,
    )
    """Carried by the observation on a requirement declared not applicable."""
    mandatory: str = Field(default="", max_length=1000)
    """What makes a requirement mandatory in this catalogue, for the report's method."""


class PlanPhase(_Model):
    """One phase of the report's action plan: the clauses whose findings fall in it."""

    name: str = Field(min_length=2, max_length=80)
    clauses: tuple[str, ...] = Field(min_length=1, max_length=200)
    """A finding falls in the phase of its clause or of the nearest clause above it."""
    kind: Kind | None = None
    """Only findings on this kind of item; None: any (a finding on no item is a document's)."""


class ReportSpec(_Model):
    """How the report reads the standard: its scope document and its action plan."""

    scope_item: str | None = None
    """The item whose evidence is the scope document: its title stands for the scope on
    the cover when the configuration states none."""
    stage1_review: str = Field(
        default="the scope, the policy and the objectives", min_length=3, max_length=300
    )
    """What a Stage 1 review looks at before the required documents, in the standard's terms."""
    stage1_records: tuple[str, ...] = Field(default=(), max_length=50)
    """Clauses whose records Stage 1 looks for (internal audit, management review):
    a gap in them is due before Stage 1, not Stage 2."""
    document_control: str | None = None
    """The clause of document control: findings about evidence files are planned (phase
    and owner) as if raised under it."""
    phases: tuple[PlanPhase, ...] = Field(default=(), max_length=50)
    """In the order an implementation takes; findings in none of them come last."""
    owners: dict[str, Annotated[str, Field(min_length=2, max_length=80)]] = Field(
        default={}, max_length=2000
    )
    """Clause id -> the role suggested as owner of its actions (and of the clauses
    below it that name none)."""


class CatalogueFile(_Model):
    """The root of a catalogue YAML file."""

    schema_version: Literal[1]
    standard: StandardInfo
    vocabulary: Vocabulary = Vocabulary()
    recognition: RecognitionSettings = RecognitionSettings()
    defaults: Defaults = Defaults()
    gates: Gates = Gates()
    notes: Notes = Notes()
    report: ReportSpec = ReportSpec()
    clauses: tuple[ClauseSpec, ...] = Field(min_length=1)


class Item(_Model):
    """A catalogue item placed in its clause, with its kind fixed by where it was listed."""

    id: str
    clause: str
    kind: Kind
    title: str
    description: str
    mandatory: bool
    basis: str
    source: Source
    note: str
    related: tuple[str, ...]
    match: MatchHints
    checks: tuple[CheckSpec, ...]
    applies_when: AppliesWhen | None = None

    @property
    def genres(self) -> tuple[Genre, ...]:
        """The genres of document that can be this item's evidence."""
        if self.match.genres is not None:
            return self.match.genres
        return DOCUMENT_GENRES if self.kind is Kind.DOCUMENT else RECORD_GENRES


class Clause(_Model):
    id: str
    title: str
    parent: str | None
    summary: str
    source: Source
    note: str
    depth: int
    children: tuple[str, ...]
    items: tuple[str, ...]


class Catalogue(_Model):
    """The validated, indexed catalogue every later stage reads."""

    path: str
    standard: StandardInfo
    vocabulary: Vocabulary = Vocabulary()
    recognition: RecognitionSettings = RecognitionSettings()
    defaults: Defaults
    gates: Gates
    notes: Notes = Notes()
    report: ReportSpec = ReportSpec()
    clause_order: tuple[str, ...]
    clauses_by_id: dict[str, Clause]
    items_by_id: dict[str, Item]

    @cached_property
    def clauses(self) -> tuple[Clause, ...]:
        return tuple(self.clauses_by_id[cid] for cid in self.clause_order)

    @cached_property
    def items(self) -> tuple[Item, ...]:
        return tuple(self.items_by_id[iid] for clause in self.clauses for iid in clause.items)

    @cached_property
    def conditions(self) -> dict[str, str]:
        """Condition id -> the question that decides it, for the items that declare one."""
        return {
            item.applies_when.condition: item.applies_when.question
            for item in self.items_by_id.values()
            if item.applies_when is not None
        }

    def clause(self, clause_id: str) -> Clause:
        return self.clauses_by_id[clause_id]

    def item(self, item_id: str) -> Item:
        return self.items_by_id[item_id]

    def subtree(self, clause_id: str) -> tuple[str, ...]:
        """The clause and all its descendants, in catalogue order."""
        found: list[str] = []
        stack = [clause_id]
        while stack:
            current = stack.pop()
            found.append(current)
            stack.extend(reversed(self.clauses_by_id[current].children))
        return tuple(found)

    def items_under(self, clause_id: str) -> tuple[Item, ...]:
        return tuple(
            self.items_by_id[iid]
            for cid in self.subtree(clause_id)
            for iid in self.clauses_by_id[cid].items
        )
