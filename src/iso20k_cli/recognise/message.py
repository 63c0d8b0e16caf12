"""What a saved e-mail is evidence of: records only, of whichever kind the item keeps."""

from __future__ import annotations

from iso20k_cli.catalogue.model import RECORD_GENRES, Genre, Item, Kind
from iso20k_cli.recognise.genre import GenreWord
from iso20k_cli.recognise.naming import Named, Namer, Text
from iso20k_cli.recognise.vocabulary import Tokens

# Genres of the documents a message may carry or announce; an announcement ("news") and a
# record's genres ("log", "database", "review") in a subject say what it is about.
_DOCUMENTS = frozenset({Genre.POLICY, Genre.PROCESS, Genre.PLAN, Genre.TEMPLATE, Genre.AGREEMENT})


# How a subject line or a saved message's name opens when it invites to an event to come,
# or answers automatically.
_INVITATIONS = ("invitation", "updated invitation", "invite", "webinar", "register now")
_AUTOMATIC = ("automatic reply", "auto reply", "autoreply", "out of office")


def invitation(*texts: str) -> str | None:
    """Why an e-mail inviting to a meeting, a test or a webinar, or an automatic reply,
    is not the record its subject names, if it is one: "Invitation: SMS Management
    Review - Thu 12 Nov", "Webinar invite - …", "Automatic reply: RE: CAB approval"."""
    for text in texts:
        opening = text.strip().lower()
        if opening.startswith(_INVITATIONS):
            return "an invitation is to an event to come, not its record"
        if opening.startswith(_AUTOMATIC):
            return "an automatic reply records nothing of what it answers"
    return None


def announced(words: tuple[GenreWord, ...], first_part: int = 0) -> str | None:
    """Why an e-mail whose subject names a document ("Updated incident policy attached",
    "Change request form") is not that document, if it does. Where the subject has a
    first part, only it says what the message carries: "Formal notice of dispute - …
    under the Master Services Agreement" cites the agreement."""
    if first_part:
        words = tuple(w for w in words if w.end <= first_part)
    genre = next((w.genre for w in reversed(words) if w.genre in _DOCUMENTS), None)
    if genre is None:
        return None
    return (
        f"an e-mail announces or carries a {genre.value}, it is not one "
        "(save the attached document into the folder to have it read)"
    )


def message_genre(words: tuple[GenreWord, ...]) -> Genre:
    """Minutes sent by e-mail are minutes; any other message reports its day (as a dated
    post does), whatever its subject's words: "RFC-1234 database upgrade" is no register."""
    return Genre.MINUTES if any(w.genre is Genre.MINUTES for w in words) else Genre.REPORT


def as_record(
    namer: Namer,
    items: dict[str, Item],
    tokens: Tokens,
    vetoes: tuple[Tokens, ...],
    roles: frozenset[str],
    first_part: int = 0,
) -> list[Named]:
    """The items an e-mail's subject (or file name) names, each counted when it is a
    record: the message is that record's entry, report or minutes, whichever the item
    takes. A controlled document (a procedure, a catalogue) is never an e-mail."""
    best: dict[str, Named] = {}
    # No genre words: "RFC-1234 database upgrade" is about a database, not a register. A
    # subject line has no head noun: what its first part names it is a record of.
    loose = first_part or len(tokens)
    taken: set[frozenset[int]] = set()
    # A register's entry first: "Change CHG-2026-0934 completed" is one change's record,
    # not an analysis of changes, though both take its word.
    for genre in RECORD_GENRES:
        text = Text(tokens, (), genre, False, first_part=first_part, loose_until=loose)
        counted_now: set[frozenset[int]] = set()
        for n in namer.named(text, vetoes, roles):
            if n.counted and n.occurrence.positions in taken:
                continue
            kept = best.get(n.item)
            if kept is None or (n.counted and not kept.counted):
                best[n.item] = n
                if n.counted:
                    counted_now.add(n.occurrence.positions)
        taken |= counted_now
    judged = [_judged(n, items[n.item]) for n in best.values()]
    if first_part and any(n.counted and max(n.occurrence.positions) < first_part for n in judged):
        # "Formal complaint ref COMP-2026-07 - Ennis office outages": the first part says
        # what the message is; a subject after the dash is what it is about.
        judged = [
            n
            if not (
                n.counted
                and n.occurrence.role == "subject"
                and min(n.occurrence.positions) >= first_part
            )
            else Named(n.item, n.occurrence, False, "it is what the message is about", n.genre)
            for n in judged
        ]
    return judged


def _judged(n: Named, item: Item) -> Named:
    if not n.counted:
        return n
    if item.kind is not Kind.RECORD:
        reason = "an e-mail is a record of its day, not a controlled document"
        return Named(n.item, n.occurrence, False, reason, n.genre)
    # Counted as the e-mail it is, not as the register or minutes tried to fit the item.
    return Named(n.item, n.occurrence, True, "", None)
