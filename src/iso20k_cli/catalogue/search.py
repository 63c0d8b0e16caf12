"""Finding clauses and items by what a person types: ids, titles, and the catalogue's words.

``iso20k catalogue show incident`` and ``iso20k catalogue show BCP`` should find the
items a reader means without knowing the ids; a mistyped id gets the nearest ones.
The query passes through the catalogue's vocabulary like a document title does, so an
abbreviation the vocabulary knows ("BCP" is a continuity plan) finds what it stands for.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass

from iso20k_cli.catalogue.model import Catalogue, Clause, Item
from iso20k_cli.text.lexicon import MARKERS, Lexicon
from iso20k_cli.text.normalise import words

# A query is a few words typed on a command line; anything longer is cut, so that the
# work stays bounded whatever is passed.
MAX_QUERY = 200
SUGGESTIONS = 3
CUTOFF = 0.6
NEAR = 0.05


@dataclass(frozen=True)
class Matches:
    """What a query found, in catalogue order."""

    clauses: tuple[Clause, ...]
    items: tuple[Item, ...]

    def __bool__(self) -> bool:
        return bool(self.clauses or self.items)


def _terms(lexicon: Lexicon[str], text: str) -> set[str]:
    """The words of ``text`` as the catalogue compares them, and as they were written."""
    written = words(text)
    return set(written) | {t for t in lexicon.canon(written) if t not in MARKERS}


def _item_text(item: Item) -> Iterable[str]:
    hints = item.match
    yield item.id.replace("-", " ")
    yield item.title
    yield from hints.all_names
    yield from hints.subjects
    yield from hints.policy_subjects
    yield from hints.occasions
    yield from hints.filenames


def search(catalogue: Catalogue, query: str) -> Matches:
    """Clauses whose title, and items whose id, title or names hold every word of ``query``.

    A query word matches a word of the item as written or as the vocabulary reads it, so
    "incident" finds the incident items and "BCP" the continuity plan. An item of a
    clause that matches is listed with it."""
    lexicon: Lexicon[str] = Lexicon(catalogue.vocabulary)
    query = query[:MAX_QUERY]
    wanted = [t for t in lexicon.canon_text(query) if t not in MARKERS] or list(words(query))
    if not wanted:
        return Matches((), ())

    def holds(texts: Iterable[str]) -> bool:
        found: set[str] = set()
        for text in texts:
            found |= _terms(lexicon, text)
        return all(w in found for w in wanted)

    clauses = tuple(c for c in catalogue.clauses if holds((c.title,)))
    in_clauses = {iid for c in clauses for iid in c.items}
    items = tuple(i for i in catalogue.items if i.id in in_clauses or holds(_item_text(i)))
    return Matches(clauses, items)


def nearest_ids(catalogue: Catalogue, target: str) -> list[str]:
    """The clause and item ids closest to a mistyped ``target``, closest first."""
    target = target[:MAX_QUERY].strip()
    ids = [*catalogue.clause_order, *(i.id for i in catalogue.items)]
    folded = {i.lower(): i for i in ids}
    if target.lower() in folded:
        return [folded[target.lower()]]
    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(target.lower())
    scored: list[tuple[float, str]] = []
    for folded_id, original in folded.items():
        matcher.set_seq1(folded_id)
        if matcher.real_quick_ratio() >= CUTOFF and matcher.quick_ratio() >= CUTOFF:
            scored.append((matcher.ratio(), original))
    scored = sorted((s for s in scored if s[0] >= CUTOFF), key=lambda s: -s[0])
    # The runners-up only when they are about as close: "incident-managment-procedure"
    # means one id, "8.6.l" any of three.
    best = scored[0][0] if scored else 0.0
    return [original for ratio, original in scored[:SUGGESTIONS] if ratio >= best - NEAR]
