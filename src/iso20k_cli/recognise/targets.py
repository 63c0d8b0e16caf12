"""Targets an agreement states in so many words.

An SLA that promises "Chat platform availability: 99.5% during program hours" documents the
service's availability target as well as the agreement; one that only speaks of
availability in passing does not. An item lists the documents that can state its targets
(``stated_in``) and what a target is of (``stated_as``); a target is a line, or a table's
row, that names one of those and gives a percentage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from iso20k_cli.catalogue.model import Catalogue
from iso20k_cli.evidence.model import EvidenceFile, Section
from iso20k_cli.recognise.found import Found
from iso20k_cli.recognise.model import Link, MatchedBy
from iso20k_cli.recognise.vocabulary import Lexicon, Tokens
from iso20k_cli.text.normalise import find_phrase

# A target is a share of at least 50 %, "99.5%" or "99,95 %": no nested repetition, so the
# scan stays linear whatever a line holds.
_PERCENT = re.compile(r"(?<![\d.,])(?:[5-9]\d|100)(?:[.,]\d{1,4})?\s?%")
_SENTENCE_END = re.compile(r"(?<=[.;!?])\s+")
# Bounds on what is read of one file: an agreement states its targets near its start.
_MAX_LINES = 2000
_MAX_LINE = 300
_MAX_ROWS = 200
# How much of the target's line the link quotes.
_QUOTE = 100


@dataclass(frozen=True)
class _Stated:
    within: frozenset[str]
    words: tuple[Tokens, ...]


@dataclass(frozen=True)
class Target:
    """A target as written, and the section it stands in, if any."""

    quote: str
    of: str
    """What the target is of, in the catalogue's words ("availability")."""
    section: Section | None


class StatedTargets:
    """The items documented by targets other items' documents state."""

    def __init__(self, catalogue: Catalogue, lexicon: Lexicon) -> None:
        self._lexicon = lexicon
        self._items = {
            item.id: _Stated(
                frozenset(item.match.stated_in),
                tuple(t for w in item.match.stated_as if (t := lexicon.canon_text(w))),
            )
            for item in catalogue.items_by_id.values()
            if item.match.stated_in and item.match.stated_as
        }

    def link(self, found: Found, file: EvidenceFile) -> None:
        """Link each item whose target the file, counted as a document that can state
        it, states: under the section that states it, or as the whole file."""
        for item_id, stated in self._items.items():
            if found.has(item_id):
                continue
            stating = found.whole_link(stated.within)
            if stating is None:
                continue
            target = self._target(file, stated.words)
            if target is None:
                continue
            where = (
                target.section.label if target.section else stating.detail.partition(" names ")[0]
            )
            found.link(
                Link(
                    item_id,
                    found.path,
                    MatchedBy.SECTION if target.section else stating.matched_by,
                    f"{where} states a target for '{target.of}': \"{target.quote}\"",
                    True,
                    target.section.label if target.section else None,
                    ("stated target", stating.matched_by.value),
                    False,
                    stating.phrase,
                )
            )

    def _target(self, file: EvidenceFile, words: tuple[Tokens, ...]) -> Target | None:
        for table in file.tables:
            section = _section_named(file, table.section)
            for row in table.rows[:_MAX_ROWS]:
                # "Monthly Uptime Percentage" over "99.95% per region".
                for header, cell in zip(table.header, row, strict=False):
                    if _PERCENT.search(cell[:_MAX_LINE]) and (of := self._names(header, words)):
                        return Target(_quoted(f"{header}: {cell}"), of, section)
                line = " | ".join(row)
                if of := self._states(line[:_MAX_LINE], words):
                    return Target(_quoted(line), of, section)
        offset = 0
        for number, line in enumerate(file.text.split("\n", _MAX_LINES)):
            if number >= _MAX_LINES:
                break
            # The target and what it is of in one sentence: "Monthly target: 95% of
            # incidents restored" is no availability target, the next sentence may be.
            for sentence in _SENTENCE_END.split(line[:_MAX_LINE]):
                if of := self._states(sentence, words):
                    return Target(_quoted(sentence), of, _section_at(file, offset))
            offset += len(line) + 1
        return None

    def _states(self, line: str, words: tuple[Tokens, ...]) -> str:
        return self._names(line, words) if _PERCENT.search(line) else ""

    def _names(self, text: str, words: tuple[Tokens, ...]) -> str:
        """The first of ``words`` that ``text`` names, or ""."""
        tokens = self._lexicon.canon_text(text)
        return next((" ".join(w) for w in words if find_phrase(tokens, w) is not None), "")


def _quoted(line: str) -> str:
    line = " ".join(line.replace("|", " ").split())
    return line if len(line) <= _QUOTE else line[: _QUOTE - 1].rstrip() + "…"


def _section_at(file: EvidenceFile, offset: int) -> Section | None:
    """The innermost section whose body holds ``offset``; the heading that gave the
    title heads the whole file, not a part of it."""
    title = (file.title or "").strip()
    inside = [s for s in file.sections if s.start <= offset < s.end and s.heading.strip() != title]
    return max(inside, key=lambda s: s.start) if inside else None


def _section_named(file: EvidenceFile, heading: str | None) -> Section | None:
    return next((s for s in file.sections if s.heading == heading), None) if heading else None
