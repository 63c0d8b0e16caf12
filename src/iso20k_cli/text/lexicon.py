"""The catalogue's vocabulary turned into a lexicon: one canonical form for every phrase.

Titles, headings, file names and the catalogue's own phrases all pass through
:meth:`Lexicon.canon`, so "BCDR Policy", "Business Continuity & Disaster Recovery
Policy" and "business-continuity-and-dr-policy" meet in the same words.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress, count, filterfalse
from typing import Any, Generic, Protocol, TypeVar

from iso20k_cli.text.normalise import words

Tokens = tuple[str, ...]
G = TypeVar("G", bound=str)
"""The kinds of document a vocabulary's genre words name (the catalogue's ``Genre``)."""


class Vocabulary(Protocol):
    """A vocabulary as a catalogue declares it (the catalogue's ``Vocabulary`` model)."""

    @property
    def terms(self) -> Mapping[str, str]: ...
    @property
    def distinct(self) -> Sequence[str]: ...
    @property
    def genres(self) -> Mapping[Any, Sequence[str]]: ...
    @property
    def stopwords(self) -> Sequence[str]: ...


@dataclass(frozen=True)
class NoVocabulary:
    """No terms at all: words still meet through their connectives and plural forms."""

    terms: Mapping[str, str] = field(default_factory=dict)
    distinct: Sequence[str] = ()
    genres: Mapping[str, Sequence[str]] = field(default_factory=dict)
    stopwords: Sequence[str] = ()


COORDINATION = "+"
"""What "and", "or", "&" and commas become: phrases may share a head across it."""
INVERSION = "~"
"""What "of", "for" and "on" become: "Management of Change" is change management."""
MARKERS = frozenset({COORDINATION, INVERSION})
_MARKS = {
    "and": COORDINATION,
    "or": COORDINATION,
    "of": INVERSION,
    "for": INVERSION,
    "on": INVERSION,
    # French joins its words the same ways: "Registre des problèmes" is a problem register.
    "et": COORDINATION,
    "ou": COORDINATION,
    "de": INVERSION,
    "des": INVERSION,
    "du": INVERSION,
    "d": INVERSION,
    "pour": INVERSION,
    "sur": INVERSION,
    # Spanish and German too: "Registro de incidencias", "Protokoll des Reviews".
    "y": COORDINATION,
    "del": INVERSION,
    "para": INVERSION,
    "und": COORDINATION,
    "fur": INVERSION,
    # Portuguese, Italian and Dutch: "Gestão de Incidentes e Problemas", "Riesame della
    # direzione", "Beleid voor wijzigingsbeheer".
    "e": COORDINATION,
    "ed": COORDINATION,
    "en": COORDINATION,
    "da": INVERSION,
    "do": INVERSION,
    "das": INVERSION,
    "dos": INVERSION,
    "di": INVERSION,
    "della": INVERSION,
    "dello": INVERSION,
    "delle": INVERSION,
    "dei": INVERSION,
    "degli": INVERSION,
    "sul": INVERSION,
    "sui": INVERSION,
    "sulla": INVERSION,
    "van": INVERSION,
    "voor": INVERSION,
    # German: "Lenkung von Dokumenten", "Plan zur Kapazität".
    "von": INVERSION,
    "zur": INVERSION,
    "zum": INVERSION,
    # Danish, Norwegian and Swedish: "Håndtering af serviceanmodninger", "Risiko og
    # sårbarhed", "Hantering av incidenter och problem".
    "af": INVERSION,
    "av": INVERSION,
    "og": COORDINATION,
    "och": COORDINATION,
}


class Lexicon(Generic[G]):
    """Rewrites word sequences into the catalogue's words; built once per catalogue."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        self._stop = frozenset(w for s in vocabulary.stopwords for w in words(s))
        # What :meth:`canon_bare` leaves out: stop words, and the words that become markers.
        self._dropped = self._stop | frozenset(_MARKS) | MARKERS
        # first word -> (phrase, replacement), longest phrase first
        rules: dict[str, list[tuple[Tokens, Tokens]]] = {}
        for source, target in vocabulary.terms.items():
            key = words(source)
            if key:
                rules.setdefault(key[0], []).append((key, words(target)))
        for options in rules.values():
            options.sort(key=lambda rule: -len(rule[0]))
        self._rules = rules
        self.genre_words: dict[Tokens, G] = {}
        for genre, phrases in vocabulary.genres.items():
            for phrase in phrases:
                if tokens := self.canon_text(phrase):
                    self.genre_words[tokens] = genre
        self.genre_longest = max((len(k) for k in self.genre_words), default=0)
        self.distinct: tuple[Tokens, ...] = tuple(
            t for phrase in vocabulary.distinct if (t := self.canon_text(phrase))
        )
        self._cached = lru_cache(maxsize=65536)(self._canon_text)

    def canon(self, tokens: Iterable[str]) -> Tokens:
        """Terms replaced (longest first, once, left to right), stop words dropped."""
        mark = _MARKS.get
        out = self._replaced(tuple(tokens))
        return tuple(filterfalse(self._stop.__contains__, map(mark, out, out)))

    def canon_bare(self, text: str) -> Tokens:
        """:meth:`canon_text` without the markers of coordination and inversion: a body's
        words, read in one pass."""
        out = self._replaced(words(text.replace(",", " and ")))
        return tuple(filterfalse(self._dropped.__contains__, out))

    def _replaced(self, source: Tokens) -> list[str]:
        """``source`` with its terms replaced, longest first, once, left to right."""
        rules = self._rules
        out: list[str] = []
        index = 0  # words before it are placed in ``out``
        # Most words of a body start no term: only where one may start is a rule tried,
        # and the words between are taken as they are.
        for start in compress(count(), map(rules.__contains__, source)):
            if start < index:
                continue  # inside a term replaced already
            out.extend(source[index:start])
            index = start
            for phrase, replacement in rules[source[start]]:
                end = start + len(phrase)
                if source[start:end] == phrase:
                    # "information security incident" must not become "information
                    # information security incident" through "security incident".
                    overlap = next(
                        (
                            k
                            for k in range(min(len(out), len(replacement)), 0, -1)
                            if tuple(out[-k:]) == replacement[:k]
                        ),
                        0,
                    )
                    out.extend(replacement[overlap:])
                    index = end
                    break
            else:
                out.append(source[start])
                index = start + 1
        out.extend(source[index:])
        return out

    def rewritten(self, text: str) -> Tokens:
        """A text's words with its terms replaced, every other word kept as written:
        "Add new users to 1Password", where the "to" says what the users are added to."""
        return tuple(self._replaced(words(text)))

    def joins(self, word: str) -> bool:
        """Whether ``word`` is a stop word or a connective ("to", "of", "and")."""
        return word in self._dropped

    def inverts(self, word: str) -> bool:
        """Whether ``word`` turns a phrase round ("of", "for", "de")."""
        return _MARKS.get(word) == INVERSION

    def canon_text(self, text: str) -> Tokens:
        """:meth:`canon` of a text's words; phrases of the catalogue come through here."""
        return self.canon(words(text.replace(",", " and ")))

    def cached(self, text: str) -> Tokens:
        """:meth:`canon_text`, remembered: titles and headings repeat across a folder."""
        return self._cached(text)

    def _canon_text(self, text: str) -> Tokens:
        return self.canon_text(text)
