"""A file named as one numbered record: "RFC-0012 Upgrade mail server.docx", "NCR-004.pdf".

The number says the file is one record of the item whose numbers start so, whatever
its genre would be taken for otherwise (one filled-in change request reads like a
document, not a register). Which prefixes number which records is declared in the
catalogue (``records.numbered``), never known here; a ticket number in a register's
id column is read by the same :func:`ticket_prefix`.
"""

from __future__ import annotations

from dataclasses import dataclass

from iso20k_cli.catalogue.model import Catalogue
from iso20k_cli.text.ticket import ticket_prefix

_MIN_DIGITS = 2  # "RFC-7" may be a section; "RFC-0012" numbers a change


@dataclass(frozen=True)
class Numbered:
    item: str
    prefix: str


class NumberedNames:
    """The record prefixes of a catalogue, indexed once."""

    def __init__(self, catalogue: Catalogue) -> None:
        self._items = {
            prefix.upper(): item.id
            for item in catalogue.items
            if item.match.records is not None
            for prefix in item.match.records.numbered
        }

    def record(self, stem: str) -> Numbered | None:
        """The item a file whose name (without suffix) is ``stem`` is one numbered record
        of, if its name starts with a declared prefix and a number."""
        prefix = ticket_prefix(stem)
        item = self._items.get(prefix) if prefix else None
        if item is None:
            return None
        number = stem.strip()[len(prefix) :].lstrip("-_ ")
        digits = len(number) - len(number.lstrip("0123456789"))
        return Numbered(item, prefix) if digits >= _MIN_DIGITS else None
