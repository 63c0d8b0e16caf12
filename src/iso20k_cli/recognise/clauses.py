"""The clauses of a management system manual: sections headed by a clause's number and title.

An SMS manual, or an integrated manual that serves ISO/IEC 20000-1 with other standards,
is written clause by clause: "7.4 Communication", "5.3 Organizational roles,
responsibilities and authorities", "8.7.1 Service availability management". Such a
heading says which requirement the section answers, in the standard's words, which are
seldom the names organisations give their documents; read by its words alone, "7.4
Communication" says nothing of what kind of document it is.

A heading is read as a clause only when its number is one of the catalogue's clauses and
every word it adds to the number is a word of that clause's title (or names the
management system itself): "4.3 Determining the scope of the IMS" is clause 4.3, while
"4.3 Determining the scope of the ISMS" is another standard's clause, and an ISO 9001
"8.4 Control of externally provided processes" is not clause 8.4 here. A file is a
manual only when several of its sections are such clauses: a procedure numbering its own
sections "4.3 Scope" is not one.
"""

from __future__ import annotations

from dataclasses import dataclass

from iso20k_cli.catalogue.model import Catalogue, Genre, Item, Kind
from iso20k_cli.recognise.titleparts import without_aside
from iso20k_cli.recognise.vocabulary import MARKERS, Lexicon, Tokens

# Words a manual adds to a clause's title when it names its own system ("the IMS",
# "the integrated management system") or says nothing ("General").
_OF_THE_SYSTEM = frozenset({"integrated", "management", "system", "service", "general", "sms"})
# Words of a manual's title naming a management system of another standard alone: an
# ISMS or quality manual is written to the same clause numbers and titles.
_OTHER_SYSTEMS = frozenset({"security", "quality", "environmental", "privacy", "energy"})
_THIS_SYSTEM = frozenset({"service", "integrated"})
# Sections of a file that must be clauses for the file to be read as a manual.
MIN_CLAUSES = 3
_MAX_NUMBER = 12  # characters of a clause number such as 8.3.4.1
# What a manual is: documented information, never a record of an event or a contract.
MANUAL_GENRES = frozenset({Genre.POLICY, Genre.PROCESS, Genre.PLAN, Genre.DOCUMENT})


@dataclass(frozen=True)
class ClauseHeading:
    """A section heading read as a clause: its number and the clause's title."""

    clause: str
    title: str


class ClauseHeadings:
    """The catalogue's clauses by number, with the words of their titles, indexed once."""

    def __init__(self, catalogue: Catalogue, lexicon: Lexicon) -> None:
        self._lexicon = lexicon
        self._titles: dict[str, tuple[str, frozenset[str]]] = {
            clause.id: (clause.title, _significant(lexicon.cached(clause.title)))
            for clause in catalogue.clauses
        }
        self._documents: dict[str, tuple[Item, ...]] = {
            clause.id: tuple(
                item for item in catalogue.items_under(clause.id) if item.kind is Kind.DOCUMENT
            )
            for clause in catalogue.clauses
        }

    def read(self, heading: str) -> ClauseHeading | None:
        """The clause ``heading`` is, if it is one: "7.4 Communication", "§ 6.1 Risks and
        opportunities", "Clause 9.2 - Internal audit"."""
        text = heading.strip().lstrip("§").strip()
        if text[:7].lower() == "clause ":
            text = text[7:].lstrip()
        number, _, rest = text.partition(" ")
        number = number.rstrip(".:")
        if not number or len(number) > _MAX_NUMBER or not number.replace(".", "").isdigit():
            return None
        known = self._titles.get(number)
        if known is None:
            return None
        title, title_words = known
        words = _significant(self._lexicon.cached(without_aside(rest.strip(" -–—:."))))
        if not words or not words - _OF_THE_SYSTEM <= title_words:
            return None
        own = title_words - _OF_THE_SYSTEM
        # "4.4 Service management system" has no word of its own: only the whole title
        # names it; any other clause needs one of its own words ("4.3 Scope").
        if (words & own) if own else words == title_words:
            return ClauseHeading(number, title)
        return None

    def of_another_standard(self, title: str) -> bool:
        """Whether a manual's title names another standard's management system only:
        "Information Security Management System Manual", "Quality Manual"."""
        words = set(self._lexicon.cached(title))
        return bool(words & _OTHER_SYSTEMS) and not words & _THIS_SYSTEM

    def documents(self, clause: str, genre: Genre) -> tuple[Item, ...]:
        """The documents a manual's section on ``clause`` can be: those of the clause and
        its sub-clauses that a document of ``genre`` may be."""
        return tuple(item for item in self._documents.get(clause, ()) if genre in item.genres)

    def only_document(self, clause: str, genre: Genre) -> Item | None:
        """The one document a section on ``clause`` is, if the clause asks for one that
        a document of ``genre`` may be. A clause whose sub-clauses ask for documents of
        their own ("8.4 Supply and demand": a budget, a capacity plan) is none of them."""
        documents = self._documents.get(clause, ())
        if len({item.clause for item in documents}) != 1:
            return None
        fits = [item for item in documents if genre in item.genres]
        return fits[0] if len(fits) == 1 else None


def _significant(tokens: Tokens) -> frozenset[str]:
    return frozenset(t for t in tokens if t not in MARKERS and len(t) > 1)
