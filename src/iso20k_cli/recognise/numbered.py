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
_MAX_NAME = 255  # a file name's characters read for a number further on
_MAX_PREFIX = 6  # letters of a record number's prefix, as in a ticket export


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
        of: its name starts with a declared prefix and a number ("RFC-0012 Upgrade"), or
        holds one written as one word further on ("Problem Record PRB0040123", "RCA -
        PRB0040123 Citrix"). Further on, "RFC 7231" with a space is a reference, not a
        record's number."""
        found = self._at_start(stem.lstrip("[({ "))
        if found is not None:
            return found
        for index, word in enumerate(stem[:_MAX_NAME].replace("_", " ").split()):
            # "(REQ-55120)", "[INC-88421]", "RFC form (completed) CHG-2026-0412": a number
            # joined to its prefix by a hyphen, or in brackets, is the record's own.
            bracketed = word.strip("()[]{}")
            if (
                index
                and (bracketed != word or "-" in word)
                and (found := self._at_start(bracketed))
            ):
                return found
            # The name's first part was read above, as its start.
            for part in word.split("-")[1 if index == 0 else 0 :]:
                found = self._joined(part) if part else None
                if found is not None:
                    return found
        return None

    def _at_start(self, stem: str) -> Numbered | None:
        prefix = ticket_prefix(stem)
        item = self._items.get(prefix) if prefix else None
        if item is None:
            return None
        number = stem.strip()[len(prefix) :].lstrip("-_ ")
        digits = len(number) - len(number.lstrip("0123456789"))
        return Numbered(item, prefix) if digits >= _MIN_DIGITS else None

    def _joined(self, word: str) -> Numbered | None:
        """A word that is a declared prefix and its number and nothing else: PRB0040123."""
        letters = 0
        for char in word[: _MAX_PREFIX + 1]:
            if not (char.isascii() and char.isalpha()):
                break
            letters += 1
        item = self._items.get(word[:letters].upper()) if 0 < letters <= _MAX_PREFIX else None
        number = word[letters:]
        if item is None or len(number) < _MIN_DIGITS or not number.isdigit():
            return None
        return Numbered(item, word[:letters].upper())
