"""The requirements catalogue: clause tree, documented information, match hints, checks."""

from __future__ import annotations

from enum import StrEnum
from functools import cached_property
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

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


class MatchHints(_Model):
    """How a file is recognised as evidence of an item.

    ``titles`` are phrases looked for in a document's title and in its file name;
    ``filenames`` are extra phrases looked for in the file name only (short forms
    such as "sla" that would be too loose in a title); ``keywords`` are content
    phrases, of which ``min_keywords`` distinct ones must appear for a weak match;
    ``exclude`` phrases in a title or file name veto the match.
    """

    titles: tuple[str, ...] = ()
    filenames: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    min_keywords: int = Field(default=3, ge=1, le=50)
    exclude: tuple[str, ...] = ()


class Kind(StrEnum):
    DOCUMENT = "document"
    RECORD = "record"


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


class Defaults(_Model):
    """Values the checks fall back on; a configuration file may override them."""

    review_interval_months: int = Field(default=12, ge=1, le=120)
    max_record_age_days: int = Field(default=92, ge=1, le=3660)
    min_records_span_days: int = Field(default=90, ge=1, le=3660)


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


class CatalogueFile(_Model):
    """The root of a catalogue YAML file."""

    schema_version: Literal[1]
    standard: StandardInfo
    defaults: Defaults = Defaults()
    gates: Gates = Gates()
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
    defaults: Defaults
    gates: Gates
    clause_order: tuple[str, ...]
    clauses_by_id: dict[str, Clause]
    items_by_id: dict[str, Item]

    @cached_property
    def clauses(self) -> tuple[Clause, ...]:
        return tuple(self.clauses_by_id[cid] for cid in self.clause_order)

    @cached_property
    def items(self) -> tuple[Item, ...]:
        return tuple(self.items_by_id[iid] for clause in self.clauses for iid in clause.items)

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
