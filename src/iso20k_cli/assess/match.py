"""Link evidence files to catalogue items, recording how each link was made.

Precedence, strongest first: a file's explicit declaration (front-matter
``iso20k: {satisfies: [...]}``), then its title, then its file name, then its
content. A file that declares what it satisfies is linked to nothing else; a file
recognised by title or name is not also linked by content. A content link is weak:
it is reported, never counted as met.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from iso20k_cli.assess.text import find_phrase, joined, words
from iso20k_cli.catalogue.model import Catalogue, Item, Kind
from iso20k_cli.evidence.model import EvidenceFile


class MatchedBy(StrEnum):
    DECLARED = "declared"
    TITLE = "title"
    FILENAME = "filename"
    CONTENT = "content"

    @property
    def strong(self) -> bool:
        return self is not MatchedBy.CONTENT


@dataclass(frozen=True)
class Link:
    item: str
    path: str
    matched_by: MatchedBy
    detail: str


@dataclass(frozen=True)
class _Hit:
    item: str
    start: int
    end: int
    phrase: str

    def inside(self, other: _Hit) -> bool:
        return (
            other.start <= self.start
            and self.end <= other.end
            and (other.end - other.start) > (self.end - self.start)
        )


@dataclass(frozen=True)
class _Hints:
    """Pre-normalised hints of one item, so each file costs only look-ups."""

    item: Item
    titles: tuple[tuple[tuple[str, ...], str], ...]
    filenames: tuple[tuple[tuple[str, ...], str], ...]
    keywords: tuple[tuple[str, str], ...]
    exclude: tuple[tuple[str, ...], ...]


class Matcher:
    """Matches files against one catalogue; build once, call per file."""

    def __init__(self, catalogue: Catalogue) -> None:
        self._catalogue = catalogue
        self._hints = tuple(self._prepare(item) for item in catalogue.items)

    @staticmethod
    def _prepare(item: Item) -> _Hints:
        def norm(phrases: tuple[str, ...]) -> tuple[tuple[tuple[str, ...], str], ...]:
            return tuple((w, p) for p in phrases if (w := words(p)))

        return _Hints(
            item=item,
            titles=norm(item.match.titles),
            filenames=norm(item.match.filenames),
            keywords=tuple((joined(w), p) for w, p in norm(item.match.keywords)),
            exclude=tuple(w for w, _ in norm(item.match.exclude)),
        )

    def links(self, file: EvidenceFile) -> tuple[tuple[Link, ...], tuple[str, ...]]:
        """The links of one file, and warnings (declarations naming nothing known)."""
        if file.declared:
            return self._declared(file)
        strong = self._by_name(file)
        if strong:
            return strong, ()
        return self._by_content(file), ()

    def _declared(self, file: EvidenceFile) -> tuple[tuple[Link, ...], tuple[str, ...]]:
        links: list[Link] = []
        warnings: list[str] = []
        for ref in file.declared:
            if ref in self._catalogue.items_by_id:
                links.append(Link(ref, file.path, MatchedBy.DECLARED, f"declares item {ref}"))
            elif ref in self._catalogue.clauses_by_id:
                for item in self._items_for_declared_clause(ref, file):
                    links.append(
                        Link(item.id, file.path, MatchedBy.DECLARED, f"declares clause {ref}")
                    )
            else:
                warnings.append(
                    f"declares that it satisfies '{ref}', which is neither a clause nor an "
                    "item of the catalogue"
                )
        return tuple(links), tuple(warnings)

    def _items_for_declared_clause(self, clause_id: str, file: EvidenceFile) -> list[Item]:
        """Items of a clause a file declares: records if it looks like a record, and so on.

        A file with record dates and no document control is a record; one with
        document control is a document; a file with neither satisfies every item.
        """
        items = [self._catalogue.item(i) for i in self._catalogue.clause(clause_id).items]
        if len(items) <= 1:
            return items
        control = file.control
        is_document = control.status is not None or control.approved is not None
        if is_document:
            wanted: Kind | None = Kind.DOCUMENT
        elif file.record_dates:
            wanted = Kind.RECORD
        else:
            wanted = None
        chosen = [i for i in items if wanted is None or i.kind is wanted]
        return chosen or items

    def _by_name(self, file: EvidenceFile) -> tuple[Link, ...]:
        """Links by title or, when the title names nothing, by file name.

        The title is what the author called the document; a file name is often a
        shortened form of it ("infosec-incident-log" for "Information Security
        Incident Log"), so it is consulted only when the title names nothing.
        """
        title_words = words(file.title) if file.title else ()
        name_words = words(file.stem)
        vetoes = (title_words, name_words)
        title_hits = self._hits(title_words, vetoes, use_filenames=False)
        if title_hits:
            return tuple(
                Link(hit.item, file.path, MatchedBy.TITLE, f"title contains '{hit.phrase}'")
                for hit in title_hits
            )
        return tuple(
            Link(hit.item, file.path, MatchedBy.FILENAME, f"file name contains '{hit.phrase}'")
            for hit in self._hits(name_words, vetoes, use_filenames=True)
        )

    def _hits(
        self,
        tokens: tuple[str, ...],
        vetoes: tuple[tuple[str, ...], ...],
        use_filenames: bool,
    ) -> list[_Hit]:
        """Items whose phrases occur in ``tokens``; an exclude phrase in any of ``vetoes``
        (the title and the file name) rules an item out."""
        if not tokens:
            return []
        hits: list[_Hit] = []
        for hints in self._hints:
            if any(find_phrase(part, ex) for ex in hints.exclude for part in vetoes):
                continue
            phrases = hints.titles + (hints.filenames if use_filenames else ())
            best: _Hit | None = None
            for phrase_words, text in phrases:
                span = find_phrase(tokens, phrase_words)
                if span is None:
                    continue
                hit = _Hit(hints.item.id, span[0], span[1], text)
                if best is None or (hit.end - hit.start) > (best.end - best.start):
                    best = hit
            if best is not None:
                hits.append(best)
        # A phrase inside a longer phrase of another item loses to it:
        # "information security incident" is not evidence of "incident".
        return [h for h in hits if not any(h.inside(o) for o in hits if o.item != h.item)]

    def _by_content(self, file: EvidenceFile) -> tuple[Link, ...]:
        if not file.text:
            return ()
        body = joined(words(file.text))
        scored: list[tuple[int, Item, list[str]]] = []
        for hints in self._hints:
            if not hints.keywords:
                continue
            found = [text for key, text in hints.keywords if key in body]
            if len(found) >= hints.item.match.min_keywords:
                scored.append((len(found), hints.item, found))
        if not scored:
            return ()
        # Only the best-supported item(s): a document that touches several topics
        # is evidence of its main one at most.
        top = max(count for count, _, _ in scored)
        return tuple(
            Link(
                item.id,
                file.path,
                MatchedBy.CONTENT,
                f"content mentions {', '.join(repr(f) for f in found[:4])}",
            )
            for count, item, found in scored
            if count == top
        )

    def near_miss(self, item_id: str, file: EvidenceFile, linked: tuple[str, ...]) -> str | None:
        """Why ``file``, which names the item in its title or name, is not its evidence.

        None when the file does not name the item at all. ``linked`` are the items
        the file is evidence of. This answers "why was my document not counted?".
        """
        hints = next(h for h in self._hints if h.item.id == item_id)
        title_words = words(file.title) if file.title else ()
        name_words = words(file.stem)
        mentions = [
            text
            for phrase_words, text in hints.titles + hints.filenames
            if find_phrase(title_words, phrase_words) or find_phrase(name_words, phrase_words)
        ]
        if not mentions:
            return None
        named = f"names '{mentions[0]}'"
        others = ", ".join(i for i in linked if i != item_id) or "nothing"
        if file.declared:
            return (
                f"{named}, but declares what it satisfies ({', '.join(file.declared)}); a "
                "declaration is taken as complete"
            )
        vetoes = (title_words, name_words)
        for ex_words, ex in zip(hints.exclude, self._raw_excludes(hints), strict=True):
            if any(find_phrase(part, ex_words) for part in vetoes):
                return f"{named}, but also contains '{ex}', which rules it out for this item"
        if (
            title_words
            and self._hits(title_words, vetoes, use_filenames=False)
            and not any(find_phrase(title_words, w) for w, _ in hints.titles)
        ):
            return (
                f"{named} in its file name only, while its title names another item "
                f"({others}); file names are consulted only when the title names nothing"
            )
        return f"{named}, but a longer phrase of another item matched first ({others})"

    @staticmethod
    def _raw_excludes(hints: _Hints) -> tuple[str, ...]:
        return tuple(p for p in hints.item.match.exclude if words(p))
