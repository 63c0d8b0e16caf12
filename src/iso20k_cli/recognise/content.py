"""The content signal: a score of how much a document's body is about an item.

A name of the item in the body weighs two, each distinct keyword one; the score is
compared with a threshold calibrated on the labelled corpus (benchmarks/recognition.py).
Under it nothing is said; above it the link is a suggestion, never counted on content
alone. Terms are indexed by their first word, so a body is read once, word by word.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import compress, zip_longest

from iso20k_cli.catalogue.model import Catalogue
from iso20k_cli.recognise.vocabulary import MARKERS, Lexicon, Tokens

NAME_WEIGHT = 2.0
KEYWORD_WEIGHT = 1.0
# The opening of a document says what it is about; reading further adds time, not sense.
MAX_BODY_CHARS = 40_000
_MAX_PAIRS = 100_000  # (word, next word) lists remembered across documents


@dataclass(frozen=True)
class ContentScore:
    item: str
    score: float
    terms: tuple[str, ...]


@dataclass(frozen=True)
class _Term:
    item: str
    tokens: Tokens
    phrase: str
    weight: float


class ContentScorer:
    def __init__(self, catalogue: Catalogue, lexicon: Lexicon) -> None:
        self._lexicon = lexicon
        self._by_first: dict[str, list[_Term]] = defaultdict(list)
        self._min_terms = {item.id: item.match.min_keywords for item in catalogue.items}
        self._by_pair: dict[tuple[str, str | None], list[_Term]] = {}
        for item in catalogue.items:
            terms = [(p, NAME_WEIGHT) for p in item.match.all_names] + [
                (p, KEYWORD_WEIGHT) for p in item.match.keywords
            ]
            seen: set[Tokens] = set()
            for phrase, weight in terms:
                tokens = tuple(w for w in lexicon.canon_text(phrase) if w not in MARKERS)
                if tokens in seen:
                    # "security incidents" and "information security incident" are one
                    # term once the vocabulary has spoken: a body naming it scores once.
                    continue
                seen.add(tokens)
                # A one-word name ("cmdb") is too common in bodies to say what they are.
                if tokens and (weight == KEYWORD_WEIGHT or len(tokens) >= 2):
                    self._by_first[tokens[0]].append(_Term(item.id, tokens, phrase, weight))

    def best(self, text: str, threshold: float) -> tuple[ContentScore, ...]:
        """The best-scoring item(s) at or over ``threshold``: a document touching several
        topics is evidence of its main one at most."""
        if not text:
            return ()
        return self.best_in(self.body_words(text), threshold)

    def body_words(self, text: str) -> Tokens:
        """The words of a document's opening that terms are looked for in."""
        return self._lexicon.canon_bare(text[:MAX_BODY_CHARS])

    def best_in(self, body: Tokens, threshold: float) -> tuple[ContentScore, ...]:
        """:meth:`best` of a document's :meth:`body_words`."""
        # Where each (word, next word) that may start a term stands, in order of first
        # place: a body says "incident" forty times, and its terms are tried once.
        places: dict[tuple[str, str | None], list[int]] = {}
        pairs = zip_longest(body, body[1:])  # the last word is followed by None
        for index, pair in compress(enumerate(pairs), map(self._by_first.__contains__, body)):
            if (seen := places.get(pair)) is None:
                places[pair] = [index]
            else:
                seen.append(index)
        # Each term found, at the first place it stands, then in index order there.
        hits: list[tuple[int, int, _Term]] = []
        for pair, at in places.items():
            for order, term in enumerate(self._starting(*pair)):
                size = len(term.tokens)
                first = (
                    at[0]
                    if size <= 2
                    else next((i for i in at if body[i : i + size] == term.tokens), None)
                )
                if first is not None:
                    hits.append((first, order, term))
        hits.sort(key=lambda hit: (hit[0], hit[1]))
        # Read in body order, as if every place were visited: an item's terms in the
        # order first found; a phrase both a name and a keyword of an item stands at the
        # same places in both, so the later in the index (its keyword) gives its weight.
        found: dict[str, dict[str, float]] = defaultdict(dict)
        for _, _, term in hits:
            found[term.item][term.phrase] = term.weight
        scored = [
            ContentScore(item_id, sum(terms.values()), tuple(terms))
            for item_id, terms in found.items()
            if len(terms) >= self._min_terms[item_id] and sum(terms.values()) >= threshold
        ]
        if not scored:
            return ()
        top = max(s.score for s in scored)
        return tuple(sorted((s for s in scored if s.score == top), key=lambda s: s.item))

    def _starting(self, word: str, following: str | None) -> list[_Term]:
        """The terms that can start at ``word`` followed by ``following``, in index order:
        a common first word ("service") starts hundreds of terms, its next word few."""
        key = (word, following)
        terms = self._by_pair.get(key)
        if terms is None:
            if len(self._by_pair) >= _MAX_PAIRS:
                self._by_pair.clear()  # bounded, whatever the text
            terms = self._by_pair[key] = [
                t
                for t in self._by_first[word]
                if len(t.tokens) == 1 or (following is not None and t.tokens[1] == following)
            ]
        return terms


class Body:
    """A document's words, in a form in which counting a phrase is one string search."""

    def __init__(self, tokens: Tokens) -> None:
        self.tokens = tokens
        # Each word with a space on either side of its own: "  ".join, so that two
        # places of a phrase next to each other are both found by str.count.
        self._spaced = f" {'  '.join(tokens)} "
        self._at: dict[str, list[int]] | None = None

    def count(self, phrase: Tokens) -> int:
        """The places ``phrase`` starts at in the body, overlapping ones included."""
        if not phrase:
            return 0
        if phrase[0] not in phrase[1:]:
            # Two places of such a phrase cannot overlap, so str.count, which counts
            # places that do not, finds them all.
            return self._spaced.count(f" {'  '.join(phrase)} ")
        if self._at is None:
            self._at = {}
            for index, word in enumerate(self.tokens):
                self._at.setdefault(word, []).append(index)
        size = len(phrase)
        return sum(1 for i in self._at.get(phrase[0], ()) if self.tokens[i : i + size] == phrase)


class BodyWords:
    """A file's body words, read once for the checks that need them, or not at all."""

    def __init__(self, content: ContentScorer, text: str) -> None:
        self._content = content
        self._text = text
        self._words: Tokens | None = None

    def get(self) -> Tokens:
        if self._words is None:
            self._words = self._content.body_words(self._text)
        return self._words
