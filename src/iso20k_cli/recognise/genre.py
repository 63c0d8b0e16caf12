"""The genre of a file or section: what kind of document it is, from its words and shape.

A genre word outside the phrase that named an item decides ("Risk Register Template"
is a template); with none, the file's shape does: a spreadsheet or an export is a
register, prose is a document that says how things are done.
"""

from __future__ import annotations

from dataclasses import dataclass

from iso20k_cli.catalogue.model import Genre
from iso20k_cli.evidence.model import EvidenceFile
from iso20k_cli.recognise.vocabulary import COORDINATION, INVERSION, MARKERS, Lexicon, Tokens

# Formats whose content is prose, read or not (a legacy .doc is still a document).
PROSE_FORMATS = frozenset(
    {"markdown", "rst", "asciidoc", "text", "pdf", "docx",
     "html", "pptx", "doc", "odt", "rtf", "ppt"}
)  # fmt: skip
SHEET_FORMATS = frozenset({"xlsx", "csv", "xls", "ods"})
"""Formats that are rows and columns by nature: a spreadsheet or a CSV."""
# A Markdown (reStructuredText, AsciiDoc) or Word file is a register when a table is most of it.
_REGISTER_MIN_ROWS = 5
# The opening read for a purpose statement, and how far after "this" its genre word may be.
_PURPOSE_CHARS = 400
_PURPOSE_REACH = 4
_DEICTIC = frozenset({"this", "these"})
# Words that may stand between a subject and its genre word across a coordination.
_COORDINATED_GAP = 4


@dataclass(frozen=True)
class GenreWord:
    genre: Genre
    start: int
    end: int


_MANAGED = ("management",)
_TERM = ("term",)
_SEASONS = frozenset({("autumn",), ("spring",), ("summer",), ("winter",), ("fall",), ("academic",)})
# Genres whose word may open a title before its subject, after a dash or colon.
_OPENING = frozenset({Genre.POLICY, Genre.PROCESS, Genre.PLAN, Genre.MINUTES})
# Words after a subject that say what is done with it: "Vendor Risk Management", "Major
# Incident Response", "CAB approval" and "New Starter Account Setup" are still about their
# subject.
DOING = frozenset(
    {
        "management",
        "maintenance",
        "governance",
        "response",
        "handling",
        "checklist",
        "approval",
        "decision",
        "setup",
        "creation",
        "provisioning",
    }
)
_SAMPLES = frozenset({"sample", "example"})
_SCHEDULE = ("schedule",)
# Words that say a form or template has been filled in, unless "to be" comes first.
_FILLED = frozenset({"completed", "filled"})
# "to be completed", and "partly filled": still a template.
_STILL_TO_DO = frozenset({"be", "being", "partly", "partially", "half", "not"})
# Who a document is for, as written between its subject and its genre word.
_AUDIENCE = frozenset({"all", "user", "staff", "employee", "technical", "contractor"})


def genre_words(lexicon: Lexicon, tokens: Tokens) -> tuple[GenreWord, ...]:
    """Genre words of a title or heading, longest first where they overlap."""
    found: list[GenreWord] = []
    index = 0
    longest = lexicon.genre_longest
    while index < len(tokens):
        for size in range(min(longest, len(tokens) - index), 0, -1):
            genre = lexicon.genre_words.get(tokens[index : index + size])
            if genre is Genre.REGISTER and tokens[index + size : index + size + 1] == _MANAGED:
                # "Records management", "Log management": the discipline, not a register.
                index += size
                break
            if genre is Genre.CHECKLIST and not (
                found and index - found[-1].end <= 1 and found[-1].genre is not Genre.PROCESS
            ):
                # A "Security Policy Checklist" or a "Contract Renewal Checklist" checks a
                # document and is none of the documents it serves; a "Major Incident
                # Checklist" or an "Incident Procedure Checklist" says no more than its
                # subject and the genre before it.
                index += size
                break
            if (
                genre is Genre.PLAN
                and tokens[index : index + size] == _SCHEDULE
                and _numbered_part(tokens[index + size : index + size + 1])
            ):
                # "Schedule 2 - Service Levels", "Schedule B": a contract's numbered
                # schedule, which is a part of the agreement.
                found.append(GenreWord(Genre.AGREEMENT, index, index + size + 1))
                index += size + 1
                break
            if (
                genre is Genre.PLAN
                and tokens[index : index + size] == _SCHEDULE
                and any(w.genre is Genre.AGREEMENT for w in found)
            ):
                # "Customer SLA - Platinum Service Schedule": a contract's schedule is a
                # part of the agreement, no plan.
                index += size
                break
            if (
                genre is Genre.AGREEMENT
                and tokens[index : index + size] == _TERM
                and (
                    _numbered_part(tokens[index + size : index + size + 1])
                    or tokens[index - 1 : index] in _SEASONS
                )
            ):
                # "Performance Report - Term 1 2026-27", "Autumn Term": a school's term,
                # not the terms of an agreement.
                index += size
                break
            if genre is Genre.TEMPLATE and _filled(tokens):
                # "Completed RFC Form - CHG0030099", "Procedure Template - COMPLETED for
                # Northbridge": the form or template once filled in is the document.
                index += size
                break
            if (
                genre is not None
                and found
                and found[-1].end == index - 1
                and tokens[index - 1] == INVERSION
            ):
                # "Plan de Formación", "Schedule of Audits": the kind of document comes
                # first and what follows "of" is its subject, a training plan, an audit
                # schedule.
                index += size
                break
            if genre is not None:
                found.append(GenreWord(genre, index, index + size))
                index += size
                break
        else:
            index += 1
    return tuple(found)


def _numbered_part(after: Tokens) -> bool:
    """Whether the word after "schedule" numbers a part of a contract ("2", "B", "iv"):
    a number of at most two digits or a letter, never a year ("Release Schedule 2026")."""
    if not after:
        return False
    word = after[0]
    return (word.isdigit() and len(word) <= 2) or (len(word) == 1 and word.isalpha())


def sampled(words: tuple[GenreWord, ...], tokens: Tokens) -> tuple[GenreWord, ...]:
    """The genre words of a table's name, but for "sample" or "example": a sheet of many
    rows called "Incident sample - October 2026" is the records an auditor sampled, not
    a blank template."""
    return tuple(
        w
        for w in words
        if not (w.genre is Genre.TEMPLATE and set(tokens[w.start : w.end]) <= _SAMPLES)
    )


def _filled(tokens: Tokens) -> bool:
    """Whether a title says its form or template has been filled in ("to be completed"
    says the opposite)."""
    return any(
        word in _FILLED and (at == 0 or tokens[at - 1] not in _STILL_TO_DO)
        for at, word in enumerate(tokens)
    )


def genre_outside(words: tuple[GenreWord, ...], positions: frozenset[int]) -> Genre | None:
    """The genre a text gives to the phrase at ``positions``: its last genre word outside
    the phrase, and template wherever it stands."""
    outside = [w.genre for w in words if not positions.intersection(range(w.start, w.end))]
    if Genre.TEMPLATE in outside:
        return Genre.TEMPLATE
    return outside[-1] if outside else None


def genre_after(
    words: tuple[GenreWord, ...],
    tokens: Tokens,
    positions: frozenset[int],
    unsaid: frozenset[int] = frozenset(),
    part_end: int = 0,
) -> Genre | None:
    """The genre a text gives to a subject at ``positions``: the genre words that follow
    it as its head ("Change Management Policy", "Release & Change Governance",
    "Incident Management Process Review Report" ends in a report), else the genre word
    that opens an inverted title ("Policy on backups", "Procedure for handling
    incidents"), and template wherever it stands.

    A genre word before the subject does not count otherwise (in "Audit Report: Change
    and Incident" the changes are what was audited), nor one further on: in "Release
    Team Absence Tracker" the tracker is of absences. One word may stand between, more
    across a coordination. Words for whom a document is ("IT Security All Users
    Policy") stand between without counting.
    """
    if any(w.genre is Genre.TEMPLATE for w in words):
        return Genre.TEMPLATE
    return _head_after(words, tokens, positions, unsaid) or _inverted_head(
        words, tokens, positions, part_end
    )


def _head_after(
    words: tuple[GenreWord, ...], tokens: Tokens, positions: frozenset[int], unsaid: frozenset[int]
) -> Genre | None:
    at = max(positions) + 1
    by_start = {w.start: w for w in words}
    skipped = 0
    coordinated = False
    while at < len(tokens) and at not in by_start:
        if tokens[at] == INVERSION and at + 1 in by_start:
            # "Changes for review", "Items for approval": what the subject waits for,
            # not what kind of document the text is.
            return None
        if tokens[at] == COORDINATION:
            coordinated = True
            skipped = 0
        elif (
            tokens[at] != INVERSION
            and tokens[at] not in _AUDIENCE
            and at not in unsaid
            # A date stands between as one ("Prueba DRP 12-09-2026 Resultados").
            and not (tokens[at].isdigit() and at + 1 < len(tokens) and tokens[at + 1].isdigit())
        ):
            # A genre word only an abbreviation brought in ("SLA" Breach Report) stands
            # between without counting, as its abbreviation did.
            skipped += 1
        if skipped > (_COORDINATED_GAP if coordinated else 1):
            return None
        at += 1
    if coordinated and skipped == 0:
        return None  # "Roles, Responsibilities and Training": a third subject, not a head
    genre = None
    while at in by_start:
        if genre is Genre.REFERENCE and by_start[at].genre is Genre.PROCESS:
            break  # an "Onboarding Guide" teaches; it is no procedure
        genre = by_start[at].genre
        at = by_start[at].end
        if at not in by_start and at + 1 in by_start and tokens[at] != COORDINATION:
            # The last noun is the head: an "SLA Breach Report" is a report on breaches
            # of an agreement, a "Change Policy Exceptions Register" a register; "Criteria
            # and Dashboard" lists two.
            at += 1
    return genre


def _inverted_head(
    words: tuple[GenreWord, ...], tokens: Tokens, positions: frozenset[int], part_end: int
) -> Genre | None:
    """The genre of a title that opens with it and says what it is on or for: "Policy
    on sharing sensitive information" is a policy on sensitive information. One word
    may stand between ("sharing", "handling")."""
    if not words or words[0].start != 0:
        return None
    turn = words[0].end
    start = min(positions)
    if turn < len(tokens) and tokens[turn] != INVERSION:
        # "Procedure - Change Control", "Policy: Information Security": a document's
        # genre word, then what it is on, perhaps after what is done with it ("How-to:
        # Provision a new mailbox", "Runbook: Restoring Backups").
        # The numbers of a document reference ("SOP-03-08 TRE Change Control") stand
        # between without counting.
        gap = sum(1 for token in tokens[turn:start] if not token[:1].isdigit())
        if words[0].genre not in _OPENING or gap > 1:
            return None
        # The subject is what the title is about, and ends it: in "How to manage third
        # party software dependencies" the dependencies are managed, not suppliers, and
        # "SOP: Vendor Escalation" is on escalation. A subject may end the title's first
        # part instead, before a dash that says for whom or what ("SOP-IT-030 Request
        # Fulfilment - Starters, Movers and Leavers").
        after = max(positions) + 1
        return words[0].genre if ends_title(tokens, after) or after == part_end else None
    if turn >= len(tokens) or start <= turn:
        return None
    between = tokens[turn + 1 : start]
    # One word may stand between ("sharing", "handling"), or an act of the subject
    # ("Procedure for Control of Changes", "for the Handling of Service Requests").
    if len(between) > 2 or (len(between) == 2 and between[1] != INVERSION):
        return None
    if INVERSION in between[:1]:
        return None
    return words[0].genre


def ends_title(tokens: Tokens, after: int) -> bool:
    """Whether the words from ``after`` on leave what stands before them the title's
    subject: nothing but numbers, words saying what is done with it ("Management",
    "Response", "Setup"), then the end, a list or an object after "of"."""
    rest = [t for t in tokens[after:] if not t[0].isdigit()]
    while rest and rest[0] in DOING:
        rest = rest[1:]
    return not rest or rest[0] in MARKERS


def spelled_out(
    words: tuple[GenreWord, ...], tokens: Tokens, spelled: frozenset[str]
) -> tuple[GenreWord, ...]:
    """The genre words a text spells out, where it spells any: in "Mock Drill Report -
    BCP" the plan is what the abbreviation stands for, and the file is a report."""
    own = tuple(w for w in words if set(tokens[w.start : w.end]) <= spelled)
    return own or words


def text_genre(words: tuple[GenreWord, ...]) -> Genre | None:
    genre = genre_outside(words, frozenset())
    if genre is Genre.PROCESS and _teaches(words):
        return Genre.REFERENCE
    return genre


def _teaches(words: tuple[GenreWord, ...]) -> bool:
    """Whether the last genre words are a reference word and a process word next to
    each other: a "Release Team Onboarding Guide", a "Training Manual"."""
    return (
        len(words) >= 2
        and words[-2].genre is Genre.REFERENCE
        and words[-1].genre is Genre.PROCESS
        and words[-2].end == words[-1].start
    )


def purpose_genre(lexicon: Lexicon, text: str) -> Genre | None:
    """What the opening says the document is: "This policy sets out …", "This document is
    the team's playbook for …", "The Contingency Plan establishes …".

    Read from the first words only, as an auditor reads the purpose statement.
    """
    tokens = lexicon.canon_text(text[:_PURPOSE_CHARS])
    for index, word in enumerate(tokens):
        if word not in _DEICTIC:
            continue
        window = tokens[index + 1 : index + 1 + _PURPOSE_REACH]
        for found in genre_words(lexicon, window):
            if found.genre not in (Genre.TEMPLATE, Genre.REFERENCE):
                return found.genre
    return None


def shape_genre(file: EvidenceFile) -> Genre | None:
    """What a file is by its shape, when no genre word says so."""
    if file.format in SHEET_FORMATS:
        return Genre.REGISTER
    if file.format not in PROSE_FORMATS:
        return None
    if file.tables:
        rows = sum(t.row_count for t in file.tables)
        table_chars = sum(len(" ".join(r)) for t in file.tables for r in t.rows[:200])
        prose_chars = max(0, len(file.text) - table_chars)
        if rows >= _REGISTER_MIN_ROWS and table_chars >= 2 * prose_chars:
            return Genre.REGISTER
    return Genre.DOCUMENT
