"""How-to pages named for the act they instruct: "Add GitHub User", "Requesting a virtual
machine for a project".

A service desk's instructions for fulfilling a request are rarely called "fulfilment
instructions": each is a page titled for what is done, an act (``acts``) on a thing a
user asks for (``acted_on``). Such a title names no item's phrase, so it is read only
when the title and the file name name nothing at all, in prose that says it is a
procedure or says nothing of its kind: "Add users - request form" is a form, "User
Guide: Adding Users" a product's manual, "Adding Incident Records" about the records.
"""

from __future__ import annotations

from dataclasses import dataclass

from iso20k_cli.catalogue.model import Catalogue, Genre
from iso20k_cli.recognise.vocabulary import Lexicon, Tokens

# How many words may stand between the act and what it is done on: "Add New Users",
# "Requesting a virtual machine", "Add GitHub User"; further on, the act is on
# something else.
_MAX_GAP = 2


@dataclass(frozen=True)
class Instructed:
    """An item a title instructs, with the act and the thing as the catalogue says them."""

    item: str
    act: str
    thing: str


@dataclass(frozen=True)
class _Acts:
    item: str
    acts: tuple[tuple[Tokens, str], ...]
    things: tuple[tuple[Tokens, str], ...]


class Instructions:
    """The catalogue's acts and things, read once; :meth:`instructed` reads one title."""

    def __init__(self, catalogue: Catalogue, lexicon: Lexicon) -> None:
        self._lexicon = lexicon
        self._items = tuple(
            _Acts(
                item.id,
                _rewritten(lexicon, item.match.acts),
                _rewritten(lexicon, item.match.acted_on),
            )
            for item in catalogue.items_by_id.values()
            if item.match.acts and item.match.acted_on
        )

    def instructed(self, text: str) -> Instructed | None:
        """The item whose act ``text`` opens on (after a genre word such as "How to" or
        "Runbook"), done on one of its things close after it, which ends what the act is
        done on: "Add users to 1Password", not "Add user stories" or "Create chart of
        accounts"."""
        if not self._items:
            return None
        words = self._lexicon.rewritten(text)
        words = words[self._genre_first(words) :]
        for acts in self._items:
            for act, said_act in acts.acts:
                if words[: len(act)] == act:
                    thing = self._thing(words[len(act) :], acts.things)
                    if thing is not None:
                        return Instructed(acts.item, said_act, thing)
        return None

    def _thing(self, words: Tokens, things: tuple[tuple[Tokens, str], ...]) -> str | None:
        for gap in range(min(_MAX_GAP, len(words)) + 1):
            if gap and self._lexicon.inverts(words[gap - 1]):
                return None  # "Create chart of accounts": the act is on the chart
            for thing, said in things:
                end = gap + len(thing)
                if words[gap:end] == thing and (
                    end == len(words) or self._lexicon.joins(words[end])
                ):
                    return said
        return None

    def _genre_first(self, words: Tokens) -> int:
        """How many words of a procedure's genre open the text ("How to", "Runbook")."""
        lexicon = self._lexicon
        for size in range(min(lexicon.genre_longest, len(words)), 0, -1):
            if lexicon.genre_words.get(lexicon.canon(words[:size])) is Genre.PROCESS:
                return size
        return 0


def _rewritten(lexicon: Lexicon, phrases: tuple[str, ...]) -> tuple[tuple[Tokens, str], ...]:
    return tuple((t, p) for p in phrases if (t := lexicon.rewritten(p)))
