"""Process names as organisations write them, compared tolerantly.

"Incident management", "Incident Management Process" and "incident handling" name one
process; "Incident and major incident management" names two. Names pass through the
catalogue's vocabulary when the run has one (so ITIL synonyms meet), then lose the words
every process name shares ("management", "process", "procedure"), so what remains is
the distinctive part that an audit scope must mention.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from iso20k_cli.text.lexicon import COORDINATION, INVERSION, Lexicon, NoVocabulary, Tokens
from iso20k_cli.text.normalise import find_phrase, joined, words

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


# Owners and auditors recur across audits: their words are worked out once.
_words = lru_cache(maxsize=16384)(words)


class ProcessNames:
    """Canonical words of process names and audit scopes for one run."""

    def __init__(self, lexicon: Lexicon[Any] | None = None) -> None:
        # The run's lexicon, so that names meet as recognition makes them meet.
        self._lexicon = lexicon if lexicon is not None else Lexicon(NoVocabulary())
        self._and, self._of = COORDINATION, INVERSION
        self._processes: dict[str, tuple[Tokens, ...]] = {}

    def _tokens(self, text: str) -> Tokens:
        # Semicolons and slashes separate the items of a scope list as commas do.
        spaced = text.replace(";", ",").replace("/", ",")
        return self._lexicon.cached(spaced[:2000])

    def processes(self, name: str) -> tuple[Tokens, ...]:
        """The distinctive words of each process ``name`` names.

        "Incident and major incident management" gives (incident) and (major incident);
        "Management of change" gives (change); a name of generic words only gives none.
        """
        if (known := self._processes.get(name)) is None:
            known = self._processes[name] = self._split(name)
        return known

    def _split(self, name: str) -> tuple[Tokens, ...]:
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


def person(text: str) -> str:
    """A mention of a person or role in the form :func:`same` compares (" aisha bello ")."""
    tokens = _words(text)
    return joined(tokens) if tokens else ""


def same(a: str, b: str) -> bool:
    """Whether two :func:`person` forms name one person or role: one runs inside the other.

    "Aisha Bello, Quality and Compliance Lead" names "Aisha Bello"; "Change Manager"
    names "change manager". Words match whole ("Ann" is not "Anne Lee")."""
    return bool(a) and bool(b) and (a in b or b in a)


def same_person(a: str, b: str) -> bool:
    return same(person(a), person(b))
