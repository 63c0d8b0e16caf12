"""Reports that measure: a service report that gives its measures as figures.

A monthly service report whose tables give availability, resolution within target and
first-contact rates is where the organisation keeps the results of monitoring and
measuring its services; one written only in prose reports without measuring. An item
lists the reports that can hold its results (``measured_in``); such a report counts for it
where at least a few of its lines, or rows of its tables, give a percentage.
"""

from __future__ import annotations

from iso20k_cli.catalogue.model import Catalogue
from iso20k_cli.evidence.model import EvidenceFile
from iso20k_cli.recognise.found import Found
from iso20k_cli.recognise.model import Link

# Lines or rows with a percentage that make a report one of measures: a single "95 %" in
# a sentence does not.
MIN_MEASURES = 5
# Bounds on what is read of one file.
_MAX_LINES = 2000
_MAX_ROWS = 400


class Measures:
    """The items whose results reports of other items give as figures."""

    def __init__(self, catalogue: Catalogue) -> None:
        self._items = {
            item.id: frozenset(item.match.measured_in)
            for item in catalogue.items_by_id.values()
            if item.match.measured_in
        }

    def link(self, found: Found, file: EvidenceFile) -> None:
        """Link each item whose results the file, counted as one of its reports, gives."""
        if not self._items:
            return
        measures: int | None = None
        for item_id, within in self._items.items():
            if found.has(item_id):
                continue
            report = found.whole_link(within)
            if report is None:
                continue
            if measures is None:
                measures = count_measures(file)
            if measures < MIN_MEASURES:
                continue
            where = report.detail.partition(" names ")[0]
            found.link(
                Link(
                    item_id,
                    found.path,
                    report.matched_by,
                    f"{where} is a report that gives {measures} measures as percentages",
                    True,
                    None,
                    ("measures", report.matched_by.value),
                    False,
                    report.phrase,
                )
            )


def count_measures(file: EvidenceFile) -> int:
    """How many lines of the text, or rows of its tables, give a percentage: the larger,
    since a format may keep its tables as lines of text too."""
    lines = sum(1 for line in file.text.split("\n", _MAX_LINES)[:_MAX_LINES] if _percentage(line))
    rows = sum(
        1
        for table in file.tables
        for row in table.rows[:_MAX_ROWS]
        if any(_percentage(cell) for cell in row)
    )
    return max(lines, rows)


def _percentage(text: str) -> bool:
    at = text.find("%")
    return (at > 0 and text[at - 1 : at].strip(" ").isdigit()) or (
        at > 1 and text[at - 1] == " " and text[at - 2].isdigit()
    )
