"""Who owns each process, from the documents organisations keep.

Four sources, each remembered with the file (and sheet or section) that says it:

- a process table with "Process" and "Owner" columns (a process manual), in the
  evidence of the items an ``audit_impartiality`` check names in ``owners_from``;
- a RACI matrix anywhere in the evidence: the role marked A (else R) owns the row;
- a process document's "Process owner: …" field, or the document owner its control
  block names when it is linked to one of the process items the check names;
- the audit programme itself, when its rows name the owner of the audited process
  (read with the programme, see :mod:`iso20k_cli.checks.programme`).

Owner roles are resolved to people through any role-holder table of the evidence
(the same workbook first), so an auditor named only by name still meets the role.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from itertools import chain, islice

from iso20k_cli.checks.base import CheckContext, is_current
from iso20k_cli.checks.raci import Holder, accountable, holders, role_key
from iso20k_cli.checks.rows import cell, column
from iso20k_cli.evidence.doccontrol import HEAD_LINES
from iso20k_cli.evidence.model import EvidenceFile, Table

MAX_FILES = 5000  # of the evidence read for RACI matrices and role holders
MAX_OWNERS = 2000  # (process, owner) pairs: every audit is compared with each
MAX_OWNER_CHARS = 120

_PROCESS = re.compile(r"^\W*(process|activity|activities)", re.IGNORECASE)
_OWNER = re.compile(r"owner", re.IGNORECASE)
_P2 = re.compile(r"\bP2\b.*$")
# Labels of a process document's owner field, longest first.
_OWNER_LABELS = ("process owner", "owner of the process", "process manager")
_SEPARATORS = ":|=–—-"
_GENRE = re.compile(
    r"\b(procedures?|polic(?:y|ies)|plans?|process(?:es)?|manual|descriptions?)\b",
    re.IGNORECASE,
)


_JOINS = re.compile(r"\s(?:and|or|&)\s|,", re.IGNORECASE)


@dataclass(frozen=True)
class Owner:
    """One process and the people or roles who own it, with where that is written."""

    process: str
    people: tuple[str, ...]
    """The owner as written (a name or a role) and, for a role, its holder."""
    source: str
    """The file (sheet, section) and what in it names the owner."""
    path: str


def where(file: EvidenceFile, section: str | None) -> str:
    """'RACI.xlsx, sheet "RACI"' or 'manual.md, §2 Processes': where an auditor would look."""
    if not section:
        return file.path
    found = next((s for s in file.sections if s.heading == section), None)
    if found is not None:
        return f"{file.path}, {found.label}"
    return f'{file.path}, "{section}"'


def _tables(files: Iterable[EvidenceFile]) -> Iterator[tuple[EvidenceFile, Table, str]]:
    for file in files:
        for table in file.tables:
            yield file, table, where(file, table.section)


class OwnerFinder:
    """Process owners from one run's evidence; role holders resolved once."""

    def __init__(self, ctx: CheckContext) -> None:
        self._ctx = ctx
        seen: dict[str, EvidenceFile] = {}
        for file in (*ctx.files, *(f for fs in ctx.evidence.values() for f in fs)):
            if file.readable and len(seen) < MAX_FILES:
                seen.setdefault(file.path, file)
        self._all = tuple(seen.values())
        self._holders = holders(_tables(self._all))
        self._local: dict[str, dict[str, Holder]] = {}

    def resolve(self, owner: str, near: EvidenceFile | None = None) -> tuple[tuple[str, ...], str]:
        """(the owner and its holder when ``owner`` is a role, where the holder is named).

        A holder named in ``near`` (the workbook of the matrix) comes first."""
        key = role_key(owner)
        if near is not None:
            local = self._local.get(near.path)
            if local is None:
                local = self._local[near.path] = holders(_tables((near,)))
            if key in local:
                return (owner, local[key].name), local[key].where
        holder: Holder | None = self._holders.get(key)
        if holder is None:
            return (owner,), ""
        return (owner, holder.name), holder.where

    def owners(
        self, owners_from: Iterable[str], process_items: Mapping[str, Iterable[str]]
    ) -> list[Owner]:
        """Owners from process tables, RACI matrices and process documents.

        ``process_items`` maps the id of an item whose documents each describe one
        process to the names of that process (the item's title)."""
        sources = chain(
            self._from_tables(owners_from),
            self._from_raci(),
            self._from_documents(process_items),
        )
        return list(islice(sources, MAX_OWNERS))

    def _from_tables(self, owners_from: Iterable[str]) -> Iterator[Owner]:
        files = [f for item in owners_from for f in self._ctx.evidence.get(item, ())]
        for file, table, place in _tables({f.path: f for f in files}.values()):
            header = list(table.header)
            if column(header, _PROCESS) is None or column(header, _OWNER) is None:
                continue
            for row in table.rows:
                process = _P2.sub("", cell(header, row, _PROCESS).replace("*", "")).strip()
                owner = cell(header, row, _OWNER).replace("*", "").strip()[:MAX_OWNER_CHARS]
                if process and owner:
                    people, held = self.resolve(owner, file)
                    note = f"{place} (owner column)" + (f"; holder per {held}" if held else "")
                    yield Owner(process, people, note, file.path)

    def _from_raci(self) -> Iterator[Owner]:
        for file, table, place in _tables(self._all):
            for row in accountable(table):
                for role in (r[:MAX_OWNER_CHARS] for r in row.roles):
                    people, held = self.resolve(role, file)
                    kind = "accountable (A)" if row.mark == "A" else "responsible (R)"
                    note = f"{place} (RACI: {role} marked {kind})" + (
                        f"; holder per {held}" if held else ""
                    )
                    yield Owner(row.process, people, note, file.path)

    def _from_documents(self, process_items: Mapping[str, Iterable[str]]) -> Iterator[Owner]:
        items_of: dict[str, list[str]] = {}
        for item_id, files in self._ctx.evidence.items():
            for file in files:
                items_of.setdefault(file.path, []).append(item_id)
        for file in self._all:
            linked = [i for i in items_of.get(file.path, ()) if i in process_items]
            field = process_owner_field(file)
            owner = field or (file.control.owner if linked and is_current(file) else None)
            if not owner:
                continue
            names = [n for i in linked for n in process_items[i]]
            if not names:
                names = [process_title(file.title or file.stem) or file.stem]
            label = "process owner field" if field else "owner in its document control"
            people, held = self.resolve(owner[:MAX_OWNER_CHARS])
            note = f"{file.path} ({label})" + (f"; holder per {held}" if held else "")
            for name in dict.fromkeys(names):
                yield Owner(name, people, note, file.path)


def owner_tables(file: EvidenceFile) -> tuple[Table, ...]:
    """The tables of ``file`` that :class:`OwnerFinder` can take an owner or a role holder
    from (a process table, a RACI matrix, a list of role holders): all it reads of the
    tables of other items' evidence."""
    return tuple(t for t in file.tables if _names_owners(file, t))


def _names_owners(file: EvidenceFile, table: Table) -> bool:
    header = list(table.header)
    if column(header, _PROCESS) is not None and column(header, _OWNER) is not None:
        return True
    return bool(accountable(table)) or bool(holders(((file, table, ""),)))


def head(text: str, count: int = HEAD_LINES) -> list[str]:
    """The first lines of a text, without splitting all of a long one."""
    lines: list[str] = []
    start = 0
    while len(lines) < count and start <= len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        lines.append(text[start:end])
        start = end + 1
    return lines


def process_owner_field(file: EvidenceFile) -> str | None:
    """The value of a "Process owner: …" line in the head of the document, if any."""
    line = owner_line(file.text)
    return _owner_value(line) if line else None


def owner_line(text: str) -> str:
    """The line of the head that :func:`process_owner_field` reads its value from, or "".

    All that this module reads of the text of other items' evidence: a file needed for
    nothing else can be kept with this line as its text."""
    lines = head(text)
    # A line that gives the value starts with a label: a head holding none has no such line.
    lowered = "\n".join(lines).lower()
    if not any(label in lowered for label in _OWNER_LABELS):
        return ""
    return next((raw for raw in lines if _owner_value(raw) is not None), "")


def _owner_value(raw: str) -> str | None:
    line = raw.strip().strip("|").strip().strip("*_").strip()
    lower = line.lower()
    for label in _OWNER_LABELS:
        if not lower.startswith(label):
            continue
        rest = line[len(label) :].lstrip().lstrip("*_").lstrip()
        if rest[:1] and rest[0] in _SEPARATORS:
            value = rest[1:].strip().strip("|").strip().strip("*_").strip()
            if value:
                return value[:MAX_OWNER_CHARS]
    return None


def process_title(title: str) -> str:
    """An item's title without the words that say what kind of document it is:
    "Configuration management policy or procedure" is configuration management,
    "Release policy and release plans" release."""
    parts: list[str] = []
    for part in _JOINS.split(_GENRE.sub(" ", title)):
        words = " ".join(part.split())
        if words and words.lower() not in (p.lower() for p in parts):
            parts.append(words)
    return " and ".join(parts)
