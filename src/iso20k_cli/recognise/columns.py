"""Record exports recognised by their columns, whatever the file is called.

Ticket, change and problem exports from ITSM tools (ServiceNow, Jira Service
Management, Freshservice, Zendesk, TOPdesk, GLPI …) share a shape: a reference
number, when the entry was opened, a status or priority, a summary. Which records
they hold is told by their numbers' prefixes (INC, CHG), a type column's values
("Incident" in Jira's "Issue Type") or the columns only that kind has ("Root cause").
Registers without a ticket's shape (a CMDB or asset export) are told by their own
columns alone, of which two must be present.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from iso20k_cli.catalogue.model import Catalogue, ExportColumns
from iso20k_cli.evidence.model import Table
from iso20k_cli.recognise.numbered import ticket_prefix
from iso20k_cli.recognise.vocabulary import Lexicon, Tokens
from iso20k_cli.text.normalise import find_phrase

_SAMPLE_ROWS = 200  # enough rows to see which prefix or type dominates
_MIN_ROWS = 2
_MIN_SHARE = 0.6  # of the sampled values that must agree on a prefix or a type
_OWN_COLUMNS_ALONE = 2  # distinctive columns that make a register without a ticket shape


@dataclass(frozen=True)
class ExportMatch:
    item: str
    detail: str
    by_columns: bool = False
    """Told by the register's own columns alone: no ticket shape, numbers or type."""


class ExportRecogniser:
    def __init__(self, catalogue: Catalogue, lexicon: Lexicon) -> None:
        self._lexicon = lexicon
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

    def classify(self, table: Table) -> ExportMatch | None:
        if table.row_count < _MIN_ROWS or len(table.header) < 2:
            return None
        header = [self._lexicon.cached(cell) for cell in table.header]
        roles = {
            role: index
            for role, phrases in self._roles.items()
            for index, cell in enumerate(header)
            if any(find_phrase(cell, p) is not None for p in phrases)
        }
        ticket = "id" in roles and "opened" in roles and len(roles) >= 3
        votes: Counter[str] = Counter()
        reasons: dict[str, list[str]] = {}
        own: Counter[str] = Counter()
        for item_id, tokens, name in self._columns:
            if any(find_phrase(cell, tokens) is not None for cell in header):
                own[item_id] += 1
                reasons.setdefault(item_id, []).append(f"column '{name}'")
        prefix = self._dominant(table, roles["id"], ticket_prefix) if "id" in roles else ""
        # One letter (TOPdesk's "I 2403 017", "C 2403 004") numbers too many things on
        # its own ("C1" may be a complaint, a contract, a control): only a ticket export,
        # opened and numbered, is read by it.
        by_prefix = self._prefixes.get(prefix) if len(prefix) > 1 or ticket else None
        if by_prefix is not None:
            votes[by_prefix] += 3
            reasons.setdefault(by_prefix, []).insert(0, f"numbers {prefix}…")
        by_type: str | None = None
        if "type" in roles:
            value = self._dominant(
                table, roles["type"], lambda v: " ".join(self._lexicon.cached(v))
            )
            by_type = self._types.get(tuple(value.split())) if value else None
            if by_type is not None:
                votes[by_type] += 3
                reasons.setdefault(by_type, []).insert(0, f"type '{value}'")
        for item_id, count in own.items():
            if ticket or count >= _OWN_COLUMNS_ALONE:
                votes[item_id] += count
        if not votes:
            return None
        ranked = votes.most_common(2)
        if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
            return None  # two kinds of record equally likely: say nothing
        item_id = ranked[0][0]
        shape = (
            "a ticket export ("
            + ", ".join(table.header[i] for i in sorted(set(roles.values())))
            + ")"
            if ticket
            else "a register"
        )
        alone = not ticket and item_id not in (by_prefix, by_type)
        return ExportMatch(item_id, f"{shape} with {', '.join(reasons[item_id])}", alone)

    @staticmethod
    def _dominant(table: Table, column: int, key: Callable[[str], str]) -> str:
        """The value of ``key(cell)`` shared by most sampled cells of a column, if most share it."""
        cells = [
            row[column] for row in table.rows[:_SAMPLE_ROWS] if column < len(row) and row[column]
        ]
        if not cells:
            return ""
        counts = Counter(k for k in (key(c) for c in cells) if k)
        if not counts:
            return ""
        value, count = counts.most_common(1)[0]
        return str(value) if count / len(cells) >= _MIN_SHARE else ""
