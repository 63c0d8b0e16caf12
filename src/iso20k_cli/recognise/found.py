"""The links and near misses of one file as recognition finds them, one link per item."""

from __future__ import annotations

from dataclasses import replace

from iso20k_cli.catalogue.model import Genre, Item, Kind
from iso20k_cli.checks.entries import KindRows
from iso20k_cli.recognise.model import Link, MatchedBy, NearMiss

FILE_LEVEL = frozenset({MatchedBy.TITLE, MatchedBy.FILENAME, MatchedBy.FOLDER})
"""Signals that speak for the whole file, not one of its parts."""
_NAMED_BY_TEXT = frozenset({MatchedBy.TITLE, MatchedBy.FILENAME, MatchedBy.SECTION})
_OWN_NAME = frozenset({MatchedBy.TITLE, MatchedBy.FILENAME})
# Signals that speak for a sheet or a table of a file.
_PARTS = frozenset({MatchedBy.SHEET, MatchedBy.COLUMNS})


class Found:
    """The links and near misses of one file as they are found, one link per item."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.genre: Genre | None = None
        self._links: dict[str, Link] = {}
        self._misses: dict[str, str] = {}
        self.kinds: list[KindRows] = []
        """The rows of each kind in a table of several kinds of record."""

    def has(self, item: str) -> bool:
        return item in self._links

    @property
    def counted_any(self) -> bool:
        return any(link.counted for link in self._links.values())

    def link(self, link: Link) -> None:
        had = self._links.get(link.item)
        if had is None:
            self._links[link.item] = link
            self._misses.pop(link.item, None)
        elif (
            had.matched_by is MatchedBy.FOLDER
            and link.matched_by in _OWN_NAME
            and had.counted
            and link.counted
        ):
            # The file's own name says it too ("Problem Records/Problem & Known Error
            # log.xlsx"): it is named for the item, as it is for the others it names.
            self._links[link.item] = replace(link, signals=(*link.signals, *had.signals))

    def whole_link(self, items: frozenset[str]) -> Link | None:
        """The first counted link of the whole file (no section) to one of ``items``."""
        return next(
            (
                link
                for link in self._links.values()
                if link.counted and link.section is None and link.item in items
            ),
            None,
        )

    def also(self, item: str, signal: str) -> None:
        link = self._links[item]
        if signal not in link.signals:
            self._links[item] = replace(link, signals=(*link.signals, signal))

    def replace(self, item: str, reason: str) -> None:
        link = self._links.pop(item, None)
        if link is not None:
            self._misses[item] = f"{link.detail}, but {reason}"

    def undated_records(self, items: dict[str, Item]) -> None:
        """A page named for a kind of record but carrying no date at all ("Post-mortems",
        "Release notes") is about those records, not one of them: a record says when."""
        for item_id, link in list(self._links.items()):
            if (
                link.counted
                and link.matched_by in _NAMED_BY_TEXT
                and items[item_id].kind is Kind.RECORD
            ):
                del self._links[item_id]
                self._misses[item_id] = f"{link.detail}, but it carries no date of its own"

    def filed_with_another_function(
        self, items: dict[str, Item], function: str, reason: str
    ) -> None:
        """A file in another function's folder ("HR/", "Estates/") is that function's,
        except as evidence of the items that name the function as theirs (training
        records under HR)."""
        for item_id, link in list(self._links.items()):
            if link.counted and function not in items[item_id].match.functions:
                del self._links[item_id]
                self._misses[item_id] = f"{link.detail}, but {reason}"

    def unwritten_documents(self, items: dict[str, Item], reason: str) -> None:
        """A file that names a procedure or plan but does not yet say anything is not it;
        a short list can still be a record (objectives, a register)."""
        for item_id, link in list(self._links.items()):
            if link.counted and items[item_id].kind is Kind.DOCUMENT:
                del self._links[item_id]
                self._misses[item_id] = f"{link.detail}, but {reason}"

    def drop_broader(self, broader: dict[str, frozenset[str]], table: bool = False) -> None:
        """A file that is a post-mortem of a major incident is that, not also a plain
        incident record: of two file-level links, the broader one goes. Section links
        stay, since a part of a file may serve the broader item on its own. A ``table``
        of rows keeps what its own name says over its folder's narrower name."""
        file_level = {
            item
            for item, link in self._links.items()
            if link.counted and link.section is None and link.matched_by in FILE_LEVEL
        }
        for item in file_level:
            for wider in broader.get(item, frozenset()) & file_level:
                # Named apart in one title ("Problem and Known Error Register"), both stay.
                if self._links[wider].matched_by is self._links[item].matched_by:
                    continue
                if (
                    table
                    and self._links[item].matched_by is MatchedBy.FOLDER
                    and self._links[wider].matched_by in _OWN_NAME
                ):
                    # "postmortems/PagerDuty incidents export.csv" is a table of the
                    # incidents, whatever the folder keeps beside it; a page in it
                    # ("2021-06-08-fastly-outage.md") is one of its post-mortems.
                    link = self._links.pop(item)
                    self._misses[item] = f"{link.detail}, but its own name says otherwise"
                    file_level = file_level - {item}
                    break
                link = self._links.pop(wider)
                self._misses[wider] = f"{link.detail}, but the narrower {item} is named"
                file_level = file_level - {wider}

    @property
    def has_parts(self) -> bool:
        """Whether a sheet or a table of the file was counted for anything."""
        return any(link.counted and link.matched_by in _PARTS for link in self._links.values())

    def drop_parts_of_another(
        self, ruled_out: dict[str, str], broader: dict[str, frozenset[str]]
    ) -> None:
        """A sheet or a table is part of its workbook, which its name says what it is.

        A workbook named "COSHH Risk Register" holds hazards' risks, whatever its sheets
        or columns look like; one named for a narrower item (an "Information Security
        Risk Assessment") holds that item, and so does a sheet named for it. ``ruled_out``
        maps the items the file's name rules out to the phrase that does.
        """
        counted = [link for link in self._links.values() if link.counted]
        for link in counted:
            if link.matched_by not in _PARTS:
                continue
            reason = None
            if link.item in ruled_out:
                reason = f"the file's name speaks of '{ruled_out[link.item]}'"
            else:
                narrower = next(
                    (
                        other.item
                        for other in counted
                        if link.item in broader.get(other.item, frozenset())
                        and (
                            (other.section is None and other.matched_by in FILE_LEVEL)
                            or other.section == link.section
                        )
                        # A sheet named "Problems" holds problems, whatever its columns
                        # mark as known errors besides.
                        and not (
                            link.matched_by is MatchedBy.SHEET
                            and other.matched_by is MatchedBy.COLUMNS
                            and other.section == link.section
                        )
                    ),
                    None,
                )
                if narrower is not None:
                    reason = f"it is part of the narrower {narrower}"
            if reason is not None:
                del self._links[link.item]
                self._misses[link.item] = f"{link.detail}, but {reason}"

    def missed(self, item: str) -> bool:
        return item in self._misses

    def miss(self, item: str, reason: str) -> None:
        if item not in self._links:
            self._misses.setdefault(item, reason)

    def row_kinds(self) -> tuple[KindRows, ...]:
        """The rows of each kind, for the items the file is still evidence of."""
        return tuple(k for k in self.kinds if k.item in self._links)

    def links(self) -> tuple[Link, ...]:
        return tuple(self._links.values())

    @property
    def misses(self) -> tuple[NearMiss, ...]:
        return tuple(
            NearMiss(item, self.path, reason)
            for item, reason in self._misses.items()
            if item not in self._links
        )
