"""Record exports recognised by their columns, whatever the file is called.

Ticket, change and problem exports from ITSM tools (ServiceNow, Jira Service
Management, Freshservice, Zendesk, TOPdesk, GLPI …) share a shape: a reference
number, when the entry was opened, a status or priority, a summary. Which records
they hold is told by their numbers' prefixes (INC, CHG), a type column's values
("Incident" in Jira's "Issue Type") or the columns only that kind has ("Root cause");
failing those, by an id column named for its records ("Incident ID"). An "all tickets"
export mixes kinds, and is evidence of each that makes up a real part of it, with the
rows that are of it (:class:`KindRows`) so that each item counts only its own. A yes/no
column named for a narrower kind ("Known error" in a problem export) marks its rows.
Registers without a ticket's shape (a CMDB or asset export) are told by their own
columns alone, of which two must be present.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from iso20k_cli.catalogue.model import Catalogue, ExportColumns
from iso20k_cli.checks.entries import KindRows
from iso20k_cli.evidence.model import Table
from iso20k_cli.recognise.vocabulary import Lexicon, Tokens, spelled_lexicon
from iso20k_cli.text.normalise import find_phrase
from iso20k_cli.text.ticket import ticket_prefix

_SAMPLE_ROWS = 2000  # rows read to tell which kinds of record a table holds, and how many
_MIN_ROWS = 2
_DOMINANT_SHARE = 0.6  # a kind with this share of the rows is the table's, however few they are
# An "all tickets" export (Zendesk, GLPI, SysAid, ServiceDesk Plus, Jira Service Management)
# lists incidents, requests, questions and problems in one table. It is evidence of each
# kind that makes up a real part of it: a quarter of the rows with a type (or a number),
# and enough rows to be a practice rather than a few mistyped tickets. Below that (5 requests
# among 95 incidents) the export was not kept for that kind, and says little about it.
_MIXED_SHARE = 0.25
_MIXED_MIN_ROWS = 5
# Problems are fewer than incidents: a hundred problem rows among four hundred incidents
# and changes are a kept practice whatever their share.
_MIXED_MANY_ROWS = 50
# Cells of a yes/no column ("Known error": true/false), as tools export them.
_TRUE = frozenset({"true", "yes", "y", "1", "x", "✓", "✔"})
_FALSE = frozenset({"false", "no", "n", "0", "-"})
_OWN_COLUMNS_ALONE = 2  # distinctive columns that make a register without a ticket shape
_MAX_VALUE_CHARS = 80  # of a type cell: a type is a word or three, not a description
_MAX_LANGUAGES = 3  # halves of a type cell written in more than one language
_MAX_VALUES = 50  # spellings of one kind kept to select its rows
_MAX_TYPES = 200  # distinct values of a type column: more is free text
# Words after a column's name that make it a classification by that name.
_CLASSIFYING = frozenset({"category", "categories", "code", "class", "classification", "group"})
# Words of an id column's header that say it holds an id, around the kind it names
# ("Incident ID", "Request No.", "Change Ref").
_ID_WORDS = frozenset({"id", "number", "no", "num", "nr", "ref", "reference", "key", "code"})


@dataclass(frozen=True)
class ExportMatch:
    item: str
    detail: str
    by_columns: bool = False
    """Told by the register's own columns alone: no ticket shape, numbers or type."""
    rows: KindRows | None = None
    """The table's rows of this kind, when it holds other kinds too."""


@dataclass(frozen=True)
class _Share:
    """The rows of a sampled column that say they are records of one item."""

    item: str
    rows: int
    of: int
    """Non-empty cells sampled."""
    column: int
    said: str
    """How the rows say so, for the detail ("12 of 40 rows of type 'Incident'")."""
    values: tuple[str, ...] = ()
    prefixes: tuple[str, ...] = ()

    @property
    def counts(self) -> bool:
        share = self.rows / self.of
        return (
            share >= _DOMINANT_SHARE
            or (share >= _MIXED_SHARE and self.rows >= _MIXED_MIN_ROWS)
            or self.rows >= _MIXED_MANY_ROWS
        )


class ExportRecogniser:
    def __init__(self, catalogue: Catalogue, lexicon: Lexicon) -> None:
        self._lexicon = lexicon
        self._spelled = spelled_lexicon(catalogue.vocabulary)
        roles: ExportColumns = catalogue.vocabulary.export_columns
        self._roles: dict[str, tuple[Tokens, ...]] = {
            role: tuple(t for p in getattr(roles, role) if (t := lexicon.canon_text(p)))
            for role in ExportColumns.model_fields
        }
        self._prefixes: dict[str, str] = {}
        self._types: dict[Tokens, str] = {}
        self._columns: list[tuple[str, Tokens, str]] = []
        for item in catalogue.items:
            signature = item.match.records
            if signature is None:
                continue
            for prefix in signature.id_prefixes:
                self._prefixes[prefix.upper()] = item.id
            for value in signature.type_values:
                self._types[lexicon.canon_text(value)] = item.id
            for column in signature.columns:
                if tokens := lexicon.canon_text(column):
                    self._columns.append((item.id, tokens, column))
        self._longest_type = max((len(t) for t in self._types), default=0)
        self._broader = {item.id: frozenset(item.match.broader) for item in catalogue.items}

    def kinds(self, table: Table, index: int = 0) -> list[ExportMatch]:
        """Each kind of record the table is evidence of, the largest first: one for an
        export of one kind, several for an export that mixes them. ``index`` is the
        table's place in its file, for the rows each kind selects."""
        if table.row_count < _MIN_ROWS or len(table.header) < 2:
            return []
        header = [self._lexicon.cached(cell) for cell in table.header]
        matching = {
            role: [
                at
                for at, cell in enumerate(header)
                if any(find_phrase(cell, p) is not None for p in phrases)
            ]
            for role, phrases in self._roles.items()
        }
        # The first column of each role is its own ("Ticket Number" before "Parent
        # Ticket Number"); a type may be any of several ("Ticket Type", "Issue Type",
        # "Work Type"), and is the first whose values name kinds of record.
        roles = {role: ats[0] for role, ats in matching.items() if ats}
        ticket = "id" in roles and "opened" in roles and len(roles) >= 3
        votes: Counter[str] = Counter()
        reasons: dict[str, list[str]] = {}
        own: Counter[str] = Counter()
        own_at: list[tuple[str, int]] = []
        for item_id, tokens, name in self._columns:
            at = next((i for i, c in enumerate(header) if _own_column(c, tokens)), None)
            if at is not None:
                own[item_id] += 1
                own_at.append((item_id, at))
                reasons.setdefault(item_id, []).append(f"column '{name}'")
        shares: dict[str, _Share] = {}
        if "id" in roles:
            for share in self._by_prefix(table, header, roles["id"], ticket):
                shares[share.item] = share
        for at in matching["type"]:
            typed = self._by_type(table, at)
            for share in typed:
                if share.item not in shares or share.rows > shares[share.item].rows:
                    shares[share.item] = share
            if typed:
                roles["type"] = at
                break
        named = (
            self._named_by_id(table, header, roles["id"])
            if ticket and not shares and "type" not in roles
            else None
        )
        if named is not None:
            shares[named.item] = named
        for share in shares.values():
            votes[share.item] += 3
            reasons.setdefault(share.item, []).insert(0, share.said)
        for item_id, count in own.items():
            if ticket or count >= _OWN_COLUMNS_ALONE:
                votes[item_id] += count
        if not votes:
            return []
        if len(shares) > 1:
            # A mixed export: each kind that makes up a real part of it counts.
            chosen = sorted(shares, key=lambda i: (-shares[i].rows, i))
        else:
            ranked = votes.most_common(2)
            if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
                first, second = ranked[0][0], ranked[1][0]
                # A problem export with a workaround column is problem records: of a kind
                # and a narrower one equally likely, the broader holds them all.
                if second in self._broader.get(first, frozenset()):
                    first = second
                elif first not in self._broader.get(second, frozenset()):
                    return []  # two kinds of record equally likely: say nothing
                ranked = [(first, ranked[0][1])]
            chosen = [ranked[0][0]]
        if shares:
            # A yes/no column named for a narrower kind ("Known error" in a problem
            # export) says which rows are also records of that kind.
            for item_id, at in own_at:
                flagged = self._flagged(table, at, item_id)
                if flagged is not None and item_id not in chosen:
                    chosen.append(item_id)
                    shares[item_id] = flagged
                    reasons[item_id] = [flagged.said]
        shape = (
            "a ticket export ("
            + ", ".join(table.header[i] for i in sorted(set(roles.values())))
            + ")"
            if ticket
            else "a register"
        )
        found: list[ExportMatch] = []
        for item_id in chosen:
            told = shares.get(item_id)
            alone = not ticket and told is None
            rows = None
            if told is not None and told.rows < told.of and (told.values or told.prefixes):
                rows = KindRows(
                    item_id,
                    index,
                    told.column,
                    table.header[told.column],
                    told.values,
                    told.prefixes,
                )
            detail = f"{shape} with {', '.join(reasons[item_id])}"
            found.append(ExportMatch(item_id, detail, alone, rows))
        return found

    def _by_prefix(
        self, table: Table, header: list[Tokens], column: int, ticket: bool
    ) -> list[_Share]:
        """The kinds the numbers of an id column say, each with its rows."""
        cells = _sampled(table, column)
        counts: Counter[str] = Counter()
        prefixes: dict[str, set[str]] = {}
        named = self._kind_of_id(header[column])
        for cell in cells:
            prefix = ticket_prefix(cell)
            # One letter (TOPdesk's "I 2403 017", "C 2403 004") numbers too many things on
            # its own ("C1" may be a complaint, a contract, a control), and so do two
            # ("CR-001" is a credit risk as often as a change request, "PM" a preventive
            # maintenance): only a ticket export, opened and numbered, is read by them.
            # Unless the column's header names their kind: "Request ID" numbered SR….
            item = self._prefixes.get(prefix)
            if len(prefix) <= 2 and not ticket and item != named:
                item = None
            if item is not None:
                counts[item] += 1
                prefixes.setdefault(item, set()).add(prefix)
        return [
            share
            for item, count in counts.items()
            if (
                share := _Share(
                    item,
                    count,
                    len(cells),
                    column,
                    f"column '{table.header[column]}': {_of(count, cells, table)} numbered "
                    + ", ".join(f"{p}…" for p in sorted(prefixes[item])),
                    prefixes=tuple(sorted(prefixes[item])),
                )
            ).counts
        ]

    def _by_type(self, table: Table, column: int) -> list[_Share]:
        """The kinds the values of a type column say, each with its rows."""
        cells = _sampled(table, column)
        spelled = Counter(cell.strip() for cell in cells)
        if len(spelled) > _MAX_TYPES:
            return []  # free text, not a column of a few types
        counts: Counter[str] = Counter()
        values: dict[str, Counter[str]] = {}
        for value, rows in spelled.items():
            item = self._type_of(value)
            if item is not None:
                counts[item] += rows
                values.setdefault(item, Counter())[value] = rows
        found = []
        for item, count in counts.items():
            said = values[item]
            shown = " or ".join(f"'{v[:_MAX_VALUE_CHARS]}'" for v, _ in said.most_common(2))
            share = _Share(
                item,
                count,
                len(cells),
                column,
                f"column '{table.header[column]}': {_of(count, cells, table)} of type {shown}",
                values=tuple(v for v, _ in said.most_common(_MAX_VALUES)),
            )
            if share.counts:
                found.append(share)
        return found

    @staticmethod
    def _flagged(table: Table, column: int, item: str) -> _Share | None:
        """The rows a column of yes and no marks as records of ``item``, when it is such a
        column and marks at least two."""
        cells = _sampled(table, column)
        said = [c.strip().lower() for c in cells]
        if not said or not all(c in _TRUE or c in _FALSE for c in said):
            return None
        marked = sorted({c.strip() for c in cells if c.strip().lower() in _TRUE})
        rows = sum(c in _TRUE for c in said)
        if rows < _MIN_ROWS:
            return None
        shown = " or ".join(f"'{v}'" for v in marked[:2])
        detail = f"column '{table.header[column]}': {_of(rows, cells, table)} marked {shown}"
        return _Share(item, rows, len(cells), column, detail, values=tuple(marked[:_MAX_VALUES]))

    def _type_of(self, cell: str) -> str | None:
        """The item a type cell names: "Incident", "Service Request", and also a kind
        qualified after it ("Service request with approvals"), or either half of a value
        written in two languages ("Verzoek / Request", "Incident / Incident")."""
        for part in cell[:_MAX_VALUE_CHARS].split(" / ", _MAX_LANGUAGES - 1):
            # A type written as a code alone ("SR", "RFC") is read as the code stands for;
            # one that goes on ("Cab delay late night") is a type of its own words.
            lexicon = self._spelled if len(part.split(None, 1)) > 1 else self._lexicon
            tokens = lexicon.cached(part)
            for size in range(min(len(tokens), self._longest_type), 0, -1):
                item = self._types.get(tokens[:size])
                if item is not None:
                    return item
        return None

    def _named_by_id(self, table: Table, header: list[Tokens], column: int) -> _Share | None:
        """The kind an id column's header names ("Incident ID", "Request Number") in a
        ticket export whose numbers and types say none: every row is one."""
        item = self._kind_of_id(header[column])
        if item is None:
            return None
        rows = len(_sampled(table, column))
        if not rows:
            return None
        said = f"id column '{table.header[column]}'"
        return _Share(item, rows, rows, column, said)

    def _kind_of_id(self, cell: Tokens) -> str | None:
        """The kind of record an id column's header names, if any ("Incident ID")."""
        kind = tuple(w for w in cell if w not in _ID_WORDS)
        return self._types.get(kind) if kind and len(kind) < len(cell) else None


def _own_column(cell: Tokens, column: Tokens) -> bool:
    """Whether a header cell is the column ``column`` of a kind of record, not a
    classification by it: an incident register's "Root cause category" sorts incidents
    by cause; a problem record's "Root cause" states one."""
    span = find_phrase(cell, column)
    return span is not None and not _CLASSIFYING.intersection(cell[span[1] :])


def _sampled(table: Table, column: int) -> list[str]:
    """The non-empty cells of a column among the rows sampled."""
    return [
        row[column]
        for row in table.rows[:_SAMPLE_ROWS]
        if column < len(row) and row[column].strip()
    ]


def _of(count: int, cells: list[str], table: Table) -> str:
    """ "212 of 400 rows", or "of the first 2000 rows" when only those were read."""
    rows = "rows" if len(cells) != 1 else "row"
    first = "the first " if table.row_count > _SAMPLE_ROWS else ""
    return f"{count} of {first}{len(cells)} {rows}"
