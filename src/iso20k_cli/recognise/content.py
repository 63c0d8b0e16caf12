"""The content signal: a score of how much a document's body is about an item.

A name of the item in the body weighs two, each distinct keyword one; the score is
compared with thresholds calibrated on the labelled corpus (benchmarks/recognition.py).
Under the suggestion threshold nothing is said; above it the link is a suggestion,
never counted on content alone.
"""

from __future__ import annotations

from dataclasses import dataclass

from iso20k_cli.catalogue.model import Catalogue
from iso20k_cli.recognise.normalise import joined
from iso20k_cli.recognise.vocabulary import Lexicon

NAME_WEIGHT = 2.0
KEYWORD_WEIGHT = 1.0


@dataclass(frozen=True)
class ContentScore:
    item: str
    score: float
    terms: tuple[str, ...]


class ContentScorer:
    def __init__(self, catalogue: Catalogue, lexicon: Lexicon) -> None:
        self._lexicon = lexicon
        self._terms: list[tuple[str, tuple[tuple[str, str, float], ...], int]] = []
        for item in catalogue.items:
            terms = [
                (joined(t), phrase, NAME_WEIGHT)
                for phrase in item.match.all_names
                if len(t := lexicon.canon_text(phrase)) >= 2
            ] + [
                (joined(t), phrase, KEYWORD_WEIGHT)
                for phrase in item.match.keywords
                if (t := lexicon.canon_text(phrase))
            ]
            if terms:
                self._terms.append((item.id, tuple(terms), item.match.min_keywords))

    def best(self, text: str, threshold: float) -> tuple[ContentScore, ...]:
        """The best-scoring item(s) at or over ``threshold``: a document touching several
        topics is evidence of its main one at most."""
        if not text:
            return ()
        body = joined(self._lexicon.canon_text(text))
        scored: list[ContentScore] = []
        for item_id, terms, min_terms in self._terms:
            found = [(phrase, weight) for key, phrase, weight in terms if key in body]
            if len(found) < min_terms:
                continue
            score = sum(weight for _, weight in found)
            if score >= threshold:
                scored.append(ContentScore(item_id, score, tuple(p for p, _ in found)))
        if not scored:
            return ()
        top = max(s.score for s in scored)
        return tuple(s for s in scored if s.score == top)
