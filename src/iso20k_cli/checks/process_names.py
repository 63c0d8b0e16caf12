"""Process names as organisations write them, compared tolerantly.

"Incident management", "Incident Management Process" and "incident handling" name one
process; "Incident and major incident management" names two. Names pass through the
catalogue's vocabulary when the run has one (so ITIL synonyms meet), then lose the words
every process name shares ("management", "process", "procedure"), so what remains is
the distinctive part that an audit scope must mention.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from iso20k_cli.recognise.normalise import find_phrase, words

if TYPE_CHECKING:
    from iso20k_cli.catalogue.model import Vocabulary

Tokens = tuple[str, ...]

_GENERIC = frozenset(
    {
        "management",
        "process",
        "procedure",
        "policy",
        "plan",
        "the",
        "service",
        "services",
        "manual",
        "description",
        "sms",
        "activity",
        "activities",
    }
)


class ProcessNames:
    """Canonical words of process names and audit scopes for one run."""

    def __init__(self, vocabulary: Vocabulary | None = None) -> None:
        # Imported here: the catalogue's model imports the checks' specs.
        from iso20k_cli.catalogue.model import Vocabulary
        from iso20k_cli.recognise.vocabulary import COORDINATION, INVERSION, Lexicon

        # Built per check run: a few hundred terms, cheaper than keeping one per catalogue.
        self._lexicon = Lexicon(vocabulary or Vocabulary())
        self._and, self._of = COORDINATION, INVERSION

    def _tokens(self, text: str) -> Tokens:
        # Semicolons and slashes separate the items of a scope list as commas do.
        spaced = text.replace(";", ",").replace("/", ",")
        return self._lexicon.cached(spaced[:2000])

    def processes(self, name: str) -> tuple[Tokens, ...]:
        """The distinctive words of each process ``name`` names.

        "Incident and major incident management" gives (incident) and (major incident);
        "Management of change" gives (change); a name of generic words only gives none.
        """
        found: list[Tokens] = []
        part: list[str] = []
        for token in (*self._tokens(name), self._and):
            if token != self._and:
                part.append(token)
                continue
            if self._of in part:  # "management ~ change" is change management
                at = part.index(self._of)
                part = part[at + 1 :] + part[:at]
            core = tuple(w for w in part if w not in _GENERIC and w != self._of)
            if core and core not in found:
                found.append(core)
            part = []
        return tuple(found)

    def scope(self, text: str) -> Tokens:
        """An audit scope's words, list separators kept so that no phrase spans two items."""
        return tuple(w for w in self._tokens(text) if w not in _GENERIC)

    def covers(self, scope: Tokens, process: str) -> bool:
        """Whether an audit of ``scope`` (from :meth:`scope`) covers the process named."""
        return any(find_phrase(scope, core) is not None for core in self.processes(process))


def same_person(a: str, b: str) -> bool:
    """Whether two mentions name one person or role: one's words run inside the other's.

    "Aisha Bello, Quality and Compliance Lead" names "Aisha Bello"; "Change Manager"
    names "change manager". Mentions of one word ("Ann") match whole words only.
    """
    left, right = words(a), words(b)
    if not left or not right:
        return False
    short, long = (left, right) if len(left) <= len(right) else (right, left)
    return find_phrase(long, short) is not None
