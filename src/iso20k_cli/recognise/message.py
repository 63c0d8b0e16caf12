"""What a saved e-mail is evidence of: records only, of whichever kind the item keeps."""

from __future__ import annotations

from iso20k_cli.catalogue.model import RECORD_GENRES, Genre, Item, Kind
from iso20k_cli.recognise.genre import GenreWord
from iso20k_cli.recognise.naming import Named, Namer, Text
from iso20k_cli.recognise.vocabulary import Tokens

# Genres of the documents a message may carry or announce; an announcement ("news") and a
# record's genres ("log", "database", "review") in a subject say what it is about.
_DOCUMENTS = frozenset({Genre.POLICY, Genre.PROCESS, Genre.PLAN, Genre.TEMPLATE, Genre.AGREEMENT})


def announced(words: tuple[GenreWord, ...]) -> str | None:
    """Why an e-mail whose subject names a document ("Updated incident policy attached",
    "Change request form") is not that document, if it does."""
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
) -> list[Named]:
    """The items an e-mail's subject (or file name) names, each counted when it is a
    record: the message is that record's entry, report or minutes, whichever the item
    takes. A controlled document (a procedure, a catalogue) is never an e-mail."""
    best: dict[str, Named] = {}
    # No genre words: "RFC-1234 database upgrade" is about a database, not a register.
    for genre in RECORD_GENRES:
        for n in namer.named(Text(tokens, (), genre, False), vetoes, roles):
            kept = best.get(n.item)
            if kept is None or (n.counted and not kept.counted):
                best[n.item] = n
    return [_judged(n, items[n.item]) for n in best.values()]


def _judged(n: Named, item: Item) -> Named:
    if not n.counted:
        return n
    if item.kind is not Kind.RECORD:
        reason = "an e-mail is a record of its day, not a controlled document"
        return Named(n.item, n.occurrence, False, reason, n.genre)
    # Counted as the e-mail it is, not as the register or minutes tried to fit the item.
    return Named(n.item, n.occurrence, True, "", None)
