"""Finding the catalogue's phrases in a short text (a title, a heading, a file name).

A phrase matches where its words stand together in order, inverted around "of",
"for" or "on" ("Management of Change" names change management), or split by a
coordination ("Configuration and Change Management" names configuration management).
The vocabulary turns those words into the markers ``~`` and ``+``. Each phrase is
indexed by its first word, so a text costs look-ups for its own words only.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from iso20k_cli.recognise.vocabulary import (
    COORDINATION,
    INVERSION,
    MARKERS,
    Tokens,
)

# Phrases longer than this are not sought out of order (a title is short).
MAX_PHRASE_WORDS = 8
# Words a coordination may put between the parts of a phrase: "incident, problem and
# change management" still names incident management.
_MAX_COORDINATED = 5


@dataclass(frozen=True)
class Occurrence:
    """Where one phrase of one key (an item, or a distinct concept) stands in a text."""

    key: str
    role: str
    """"name", "subject", "ruled" (a policy subject), "filename" or "distinct"."""
    phrase: str
    positions: frozenset[int]
    """The positions of the text's words that the phrase matched."""

    @property
    def size(self) -> int:
        return len(self.positions)

    @property
    def start(self) -> int:
        return min(self.positions)

    def inside(self, other: Occurrence) -> bool:
        """Made of some of the words of ``other``, which has more."""
        return self.positions < other.positions

    def overlaps(self, other: Occurrence) -> bool:
        return bool(self.positions & other.positions)


@dataclass(frozen=True)
class _Phrase:
    key: str
    role: str
    text: str
    tokens: Tokens


class PhraseIndex:
    def __init__(self, phrases: Iterable[tuple[str, str, str, Tokens]]) -> None:
        """``phrases``: (key, role, phrase as written, canonical tokens)."""
        self._by_word: dict[str, list[_Phrase]] = {}
        for key, role, text, tokens in phrases:
            if not tokens or len(tokens) > MAX_PHRASE_WORDS:
                continue
            self._by_word.setdefault(tokens[0], []).append(_Phrase(key, role, text, tokens))

    def find(self, text: Tokens, roles: frozenset[str] | None = None) -> list[Occurrence]:
        """Every phrase found in ``text``, once per (key, phrase), at its first place."""
        found: dict[tuple[str, str, str], Occurrence] = {}
        present = set(text)
        for word in present:
            for phrase in self._by_word.get(word, ()):
                if roles is not None and phrase.role not in roles:
                    continue
                if not present.issuperset(phrase.tokens):
                    continue
                positions = locate(text, phrase.tokens)
                if positions is None:
                    continue
                key = (phrase.key, phrase.role, phrase.text)
                if key not in found:
                    found[key] = Occurrence(phrase.key, phrase.role, phrase.text, positions)
        return sorted(found.values(), key=lambda o: (o.start, -o.size, o.key, o.phrase))


def locate(text: Tokens, phrase: Tokens) -> frozenset[int] | None:
    """Positions of ``phrase`` in ``text``: in order, inverted, or split by a coordination.

    Markers are ignored for the first ("Customers, Users and Interested Parties
    Register" holds "customers users and interested parties register")."""
    places = [i for i, w in enumerate(text) if w not in MARKERS]
    plain = tuple(text[i] for i in places)
    bare = tuple(w for w in phrase if w not in MARKERS)
    size = len(bare)
    if size == 0:
        return None
    for start in range(len(plain) - size + 1):
        if plain[start : start + size] == bare and (
            INVERSION in phrase or INVERSION not in text[places[start] : places[start + size - 1]]
        ):
            # "Changes for review" holds no "change review": words turned round an
            # "of" or a "for" are read by the inversion below, not in order, unless the
            # phrase has its "of" too ("statement of applicability").
            return frozenset(places[start : start + size])
    if size == 1:
        return None
    return _inverted(text, bare) or _coordinated(text, bare)


def _inverted(text: Tokens, phrase: Tokens) -> frozenset[int] | None:
    """``B ~ A`` for the phrase ``A B``: "Procedure for Incident Management"; and ``C ~ B
    ~ A`` for ``A B C``, as Romance languages nest it: "Política de Gestão de Serviços"
    is a service management policy."""
    for split in range(1, len(phrase)):
        head, tail = phrase[:split], phrase[split:]
        found = _at(text, (*tail, INVERSION, *head))
        if found is not None:
            return found
    for first in range(1, len(phrase) - 1):
        for second in range(first + 1, len(phrase)):
            head, middle, tail = phrase[:first], phrase[first:second], phrase[second:]
            found = _at(text, (*tail, INVERSION, *middle, INVERSION, *head), whole=True)
            if found is not None:
                return found
    return None


def _at(text: Tokens, wanted: Tokens, whole: bool = False) -> frozenset[int] | None:
    """The positions of ``wanted`` in ``text``, its markers left out. With ``whole``, its
    last words end a noun: "Gestão de Nível de Serviço" is on service levels, and holds
    no "service management process"."""
    size = len(wanted)
    for start in range(len(text) - size + 1):
        if text[start : start + size] != wanted:
            continue
        after = text[start + size : start + size + 1]
        if whole and after and after[0] not in MARKERS and not after[0][:1].isdigit():
            continue
        return frozenset(i for i in range(start, start + size) if text[i] != INVERSION)
    return None


def _coordinated(text: Tokens, phrase: Tokens) -> frozenset[int] | None:
    """``A + X … B`` for the phrase ``A B``: the head B shared across a coordination."""
    size = len(phrase)
    for split in range(1, size):
        head, tail = phrase[:split], phrase[split:]
        for start in range(len(text) - split):
            if text[start : start + split] != head or text[start + split] != COORDINATION:
                continue
            first = start + split + 1
            for gap in range(1, _MAX_COORDINATED + 1):
                at = first + gap
                if at + len(tail) > len(text):
                    break
                end = at + len(tail)
                if text[at:end] == tail and (end == len(text) or text[end] != COORDINATION):
                    # the tail ends the coordination: "A and B C", not "A, C and D"
                    return frozenset(range(start, start + split)) | frozenset(
                        range(at, at + len(tail))
                    )
    return None
