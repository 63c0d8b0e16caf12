"""Which items a title, file name, heading or folder name names, and whether its genre
lets each count.

A title or heading names an item by one of its ``names`` (whatever the document's
genre, unless a genre word outside the name contradicts it: a "Risk Register Template"
is a template) or by one of its ``subjects`` in a document of a genre the item accepts
(a "Disaster Recovery Standard" is a policy about continuity). Where two items are
named by the same words, the narrower wins: the longer phrase, or the item declaring
the other ``broader``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from iso20k_cli.catalogue.model import Catalogue, Genre, Item, Kind
from iso20k_cli.recognise.genre import (
    GenreWord,
    ends_title,
    genre_after,
    genre_outside,
    genre_words,
    spelled_out,
    text_genre,
)
from iso20k_cli.recognise.phrases import Occurrence, PhraseIndex
from iso20k_cli.recognise.vocabulary import COORDINATION, INVERSION, MARKERS, Lexicon, Tokens
from iso20k_cli.text.normalise import find_phrase, words

# A word after a name that makes the text about keeping the named thing.
_MANAGING = frozenset({"management", "maintenance", "governance"})
TITLE_ROLES = frozenset({"name", "subject", "ruled", "distinct"})
NAME_ROLES = frozenset({"name", "subject", "ruled", "filename", "distinct"})
# Words before a name that make it the yardstick something is measured against.
_YARDSTICK = frozenset({"vs", "versus", "against", "outside"})
# How far before a rewritten genre word a yardstick word still governs it: the rewrite of
# "SLA" is "service level agreement".
_YARDSTICK_REACH = 3
# Documents whose parts headed by one word are on that word's subject.
_WHOLE_PARTS = frozenset({Genre.AGREEMENT})
# A policy subject counts only under these genres, said by a genre word.
_RULING = frozenset({Genre.POLICY})
# Genres that are prose by nature: a sheet of rows is none of them, whatever its name says.
PROSE_ONLY = frozenset({Genre.AGREEMENT, Genre.POLICY})


@dataclass(frozen=True)
class Text:
    """A title, file name or heading to read, with what it says of its own genre."""

    tokens: Tokens
    words: tuple[GenreWord, ...]
    fallback: Genre | None
    """The genre to assume when no genre word says: the file's shape, or its document's."""
    register_shape: bool
    """The fallback is a register by shape (a spreadsheet, a sheet, an export)."""
    strict: bool = False
    """A heading: a name, too, must fit the genre."""
    spelled: frozenset[str] = frozenset()
    """The text's own words, before the vocabulary rewrote them."""
    first_part: int = 0
    """How many tokens stand before the text's first dash or colon, if it has one."""
    occasion: bool = False
    """The title or name of a page dated for one occasion that says nothing of its own
    kind ("2025-12-24-config-change.md"): what it names standing is the record of that
    occasion."""
    loose_until: int = 0
    """Tokens from the start within which a subject takes the fallback genre wherever it
    stands: an e-mail's subject line is no title with a head noun ("CAB approval",
    "Complaint - repeated outages")."""


@dataclass(frozen=True)
class Named:
    """An item named in one text, with whether the text's genre lets it count."""

    item: str
    occurrence: Occurrence
    counted: bool
    reason: str
    genre: Genre | None
    exact: bool = False
    """Named by one of the item's own names, every word of it written in the text
    ("Incident and Major Incident Procedure"), not reached through a synonym."""


class Namer:
    """The catalogue's phrases indexed once; :meth:`named` reads one short text."""

    def __init__(self, catalogue: Catalogue, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.items = {item.id: item for item in catalogue.items}
        self._index = PhraseIndex(_phrases(catalogue, lexicon))
        self.broader = {item.id: frozenset(item.match.broader) for item in catalogue.items}
        """Item id -> the items it declares itself narrower than."""
        self._excludes = {
            item.id: tuple((t, p) for p in item.match.exclude if (t := lexicon.canon_text(p)))
            for item in catalogue.items
        }

    def named(
        self,
        text: Text,
        vetoes: tuple[Tokens, ...],
        roles: frozenset[str] = TITLE_ROLES,
    ) -> list[Named]:
        """The items ``text`` names, each with whether its genre lets it count."""
        if text.occasion:
            roles = roles | {"occasion"}
        occurrences = self._index.find(text.tokens, roles)
        if not occurrences:
            return []
        if text.occasion and any(
            o.role == "occasion" and (_stands(o, text) or self._is_head(o, text))
            for o in occurrences
        ):
            # A notice of "Scheduled Maintenance", posted on its day, records that one
            # change: no procedure and no analysis of many.
            text = replace(text, fallback=Genre.REGISTER)
        distinct = [o for o in occurrences if o.role == "distinct"]
        best: dict[str, Occurrence] = {}
        each: dict[str, list[Occurrence]] = {}
        for o in occurrences:
            if o.role == "distinct" or _distinct_over(o, distinct) is not None:
                continue
            if min(o.positions) > 0 and text.tokens[min(o.positions) - 1] in _YARDSTICK:
                # "Service performance vs SLA": what is measured against, not the subject.
                continue
            each.setdefault(o.key, []).append(o)
            current = best.get(o.key)
            if current is None or self._rank(o, text) > self._rank(current, text):
                best[o.key] = o
        # A name that only adds a genre word ("incident log") is the same subject as the
        # bare word, not a narrower one: genre decides between them.
        genre_at = frozenset(i for w in text.words for i in range(w.start, w.end))
        subject = {k: o.positions - genre_at for k, o in best.items()}
        result: list[Named] = []
        for item_id, o in best.items():
            # A name of genre words alone ("training records") has no subject to be
            # narrower than another's.
            o, wider = self._standing(item_id, o, each[item_id], best, subject, genre_at, text)
            if wider is not None:
                result.append(self._rejected(item_id, o, f"'{wider.phrase}' names {wider.key}"))
                continue
            narrower = next(
                (
                    k
                    for k, b in best.items()
                    if k != item_id
                    and item_id in self.broader.get(k, ())
                    and subject[k] & subject[item_id]
                ),
                None,
            )
            if narrower is not None:
                result.append(self._rejected(item_id, o, f"the narrower {narrower} is named"))
                continue
            veto = self._veto(item_id, vetoes)
            if veto is not None:
                result.append(self._rejected(item_id, o, f"'{veto}' rules it out"))
                continue
            taken = _taken_by(o, occurrences, text)
            if taken is not None:
                result.append(self._rejected(item_id, o, f"'{taken.phrase}' takes its words"))
                continue
            others = [b for b in occurrences if b.key != item_id and b.role != "distinct"]
            qualifier = _qualifies(o, others, text)
            if qualifier is not None:
                result.append(
                    self._rejected(item_id, o, f"it qualifies '{qualifier.phrase}', the subject")
                )
                continue
            result.append(self._judge(self.items[item_id], o, text))
        return result

    def ruled_out(self, texts: tuple[Tokens, ...]) -> dict[str, str]:
        """Items a phrase of ours in these texts would name but for a distinct phrase
        over it ("COSHH Risk Register") or a word the item excludes ("Risk Register -
        Office Relocation Project"), each with that phrase."""
        result: dict[str, str] = {}
        for tokens in texts:
            occurrences = self._index.find(tokens, NAME_ROLES)
            distinct = [o for o in occurrences if o.role == "distinct"]
            for o in occurrences:
                if o.role == "distinct":
                    continue
                over = _distinct_over(o, distinct)
                if over is not None:
                    result.setdefault(o.key, over.phrase)
                elif (veto := self._veto(o.key, (tokens,))) is not None:
                    result.setdefault(o.key, veto)
        return result

    def vetoed(self, item_ids: Iterable[str], texts: tuple[Tokens, ...]) -> dict[str, str]:
        """Those of ``item_ids`` a word they exclude in these texts rules out, each with
        that word: a sheet's columns or an export's header name no item themselves."""
        return {
            item_id: veto
            for item_id in item_ids
            if (veto := self._veto(item_id, texts)) is not None
        }

    @staticmethod
    def _rank(o: Occurrence, text: Text) -> tuple[int, bool, bool]:
        """Longest first, names before subjects, then the phrase the text spells out
        (so that a link quotes what the document says)."""
        return o.size, o.role == "name", set(words(o.phrase)) <= text.spelled

    @staticmethod
    def _rejected(item_id: str, o: Occurrence, reason: str) -> Named:
        return Named(item_id, o, False, reason, None)

    def _veto(self, item_id: str, texts: tuple[Tokens, ...]) -> str | None:
        for tokens, phrase in self._excludes[item_id]:
            if any(find_phrase(text, tokens) is not None for text in texts):
                return phrase
        return None

    def _judge(self, item: Item, o: Occurrence, text: Text) -> Named:
        """Whether the genre lets ``o`` count.

        A name that carries its own genre word ("risk register") says what a title is,
        unless a genre word outside it contradicts it. Anything else needs a genre the
        item takes: from the genre words that follow it as its head, or else from the
        file's shape, which a single word may rely on only when the shape is a register
        (a spreadsheet called "Incidents"): "Incident" alone over a page of prose says
        what the page is about, not what it is.
        """
        # Without genre words in the vocabulary, a name is all a catalogue can say.
        own_genre = not self.lexicon.genre_words or bool(
            genre_words(self.lexicon, self._phrase_tokens(o))
        )
        lenient = (o.role == "name" and own_genre) or not self.lexicon.genre_words
        if lenient and not text.strict:
            # A genre word within the name's span is one more thing it names: the records
            # in "Document and Record Control Procedure" are controlled too.
            span = frozenset(range(o.start, max(o.positions) + 1))
            # "Training Plan and Training Records": a genre word before an "and" that
            # comes before the name is the first document's, not this one's.
            after = max(o.positions) + 1
            # "Service Level Agreement for GP Practices": what comes after "for" or "of"
            # is whom or what the named document serves, not another kind of document;
            # a template still says what the whole is.
            of = next(
                (i for i in range(after, len(text.tokens)) if text.tokens[i] == INVERSION),
                len(text.tokens),
            )
            apart = tuple(
                w
                for w in text.words
                if not (w.end <= o.start and COORDINATION in text.tokens[w.end : o.start])
                and (w.start < of or w.genre is Genre.TEMPLATE)
            )
            outside = genre_outside(apart, span)
            # "Risk Register and Treatment Plan" lists the register and a plan, and
            # "Supplier Register and Reviews" the register and the reviews; in
            # "Security Policies, Standards and Procedures" one subject has three genres.
            listed = (
                after + 1 < len(text.tokens)
                and text.tokens[after] == COORDINATION
                and (self._kept_apart(o) or not any(w.start == after + 1 for w in text.words))
            )
            if listed and outside is not Genre.TEMPLATE:
                outside = None
            if outside is None and after < len(text.tokens) and text.tokens[after] in _MANAGING:
                # "Asset Inventory Management" is how the inventory is kept, not the inventory.
                outside = Genre.PROCESS
            if outside is None or outside in item.genres:
                exact = o.role == "name" and set(self._phrase_tokens(o)) <= text.spelled
                return Named(item.id, o, True, "", outside, exact)
            return self._wrong_genre(item, o, outside)
        own = self._own_genre(o, text)
        # Where a text spells a genre word out, one only an abbreviation brought in does
        # not decide: "SLA Class KPI Report" is a report on service levels.
        words = spelled_out(text.words, text.tokens, text.spelled) if text.spelled else text.words
        unsaid = frozenset(i for w in text.words if w not in words for i in range(w.start, w.end))
        after = max(o.positions) + 1
        if own is not None and (after >= len(text.tokens) or text.tokens[after] in MARKERS):
            # "SLAs, response targets and surveys": the survey is the last item's genre.
            genre: Genre | None = own
        else:
            genre = genre_after(words, text.tokens, o.positions, unsaid, text.first_part) or own
        if text.register_shape and text.strict and genre in PROSE_ONLY:
            # A sheet of rows named "SLA" in a report workbook holds figures; an agreement
            # or a policy is written, never a table of rows.
            genre = Genre.REGISTER
        said = genre  # what the text's own words say, before its shape is assumed
        if genre is None and (
            (text.register_shape and not _says_other_than_register(text))
            or (
                # A genre word inside the name ("agreement" in "SLA performance") is the
                # name's own, not the text's.
                not says_genre(text, _outside(words, o))
                and (
                    (o.size > 1 and (text.strict or o.role != "subject" or _stands(o, text)))
                    or (o.role == "occasion" and _stands(o, text))
                    or (not text.strict and self._is_head(o, text))
                    # A part of an agreement headed by one word ("3. Availability") is
                    # that agreement's part on it.
                    or (text.strict and text.fallback in _WHOLE_PARTS and self._is_head(o, text))
                    or max(o.positions) < text.loose_until
                )
            )
        ):
            # Only a text that says nothing of its own genre falls back on the shape:
            # in "SLA Service Desk" the agreement is the document, the desk its subject.
            genre = text.fallback
        if o.role == "ruled" and said not in _RULING:
            kind = f"a {said.value}" if said is not None else "not said to be either"
            return Named(
                item.id,
                o,
                False,
                f"only a policy or standard on '{o.phrase}' decides it, and this is {kind}",
                genre,
            )
        if genre is not None and genre in item.genres:
            return Named(item.id, o, True, "", genre)
        if genre is None:
            return Named(
                item.id,
                o,
                False,
                "nothing says what kind of document it is (policy, procedure, register …)",
                None,
            )
        return self._wrong_genre(item, o, genre)

    def _standing(
        self,
        item_id: str,
        o: Occurrence,
        others: list[Occurrence],
        best: dict[str, Occurrence],
        subject: dict[str, frozenset[int]],
        genre_at: frozenset[int],
        text: Text,
    ) -> tuple[Occurrence, Occurrence | None]:
        """``item_id``'s occurrence to read, and another item's wider phrase that takes in
        its subject, if one still does (``subject`` follows the occurrence chosen)."""
        wider = self._wider(item_id, subject[item_id], best, subject)
        if wider is None:
            return o, None
        # "Incident and Major Incident Procedure": the incidents of its first words
        # share the procedure across the "and", apart from the major ones.
        for alt in others:
            alone = alt.positions - genre_at
            if alt is not o and alone and self._wider(item_id, alone, best, subject) is None:
                subject[item_id] = alone
                return alt, None
        if (
            self.items[wider.key].kind is Kind.RECORD
            and set(self._phrase_tokens(o)) <= text.spelled
            and not self._judge(self.items[wider.key], wider, text).counted
        ):
            # "Facility Change Request Procedure": a procedure is no change request; the
            # changes it is on, as written, are its subject. ("Postmortem Process" writes
            # no incident: only the vocabulary read one into it. A "Change Management
            # Audit" audits the process its wider words name.)
            return o, None
        return o, wider

    @staticmethod
    def _wider(
        item_id: str,
        positions: frozenset[int],
        best: dict[str, Occurrence],
        subject: dict[str, frozenset[int]],
    ) -> Occurrence | None:
        """Another item's phrase whose subject takes in all of ``positions`` and more."""
        return next(
            (b for k, b in best.items() if k != item_id and positions and positions < subject[k]),
            None,
        )

    def _own_genre(self, o: Occurrence, text: Text) -> Genre | None:
        """The genre word inside the phrase itself ("CAB minutes", "Plan to achieve the
        objectives"). One that only an abbreviation brought in, before the phrase's last
        word, qualifies it: "SLA performance" is performance against an agreement, and
        so is "Desempenho de SLA", the phrase turned round. So is one an abbreviation
        brings in after a yardstick word: "Performance against SLA" measures against it."""
        head = self._phrase_tokens(o)[-1:]
        inside = [
            w.genre
            for w in text.words
            if o.positions.issuperset(range(w.start, w.end))
            and (
                text.tokens[w.end - 1 : w.end] == head
                or set(text.tokens[w.start : w.end]) <= text.spelled
            )
            and not _measured_against(w.start, text)
        ]
        return inside[-1] if inside else None

    @staticmethod
    def _is_head(o: Occurrence, text: Text) -> bool:
        """Whether ``o`` ends the text, as the noun it is about: "After an Incident",
        "Business Continuity and Disaster Recovery"; not "Incident Commander"."""
        last = max((i for i, w in enumerate(text.tokens) if w not in MARKERS), default=-1)
        return last in o.positions

    def _kept_apart(self, o: Occurrence) -> bool:
        """Whether a name is of a register, kept apart from what an "and" lists after it:
        "Supplier Register and Reviews" holds the register, where "Security Policies,
        Standards and Procedures" is one set of documents."""
        tokens = self._phrase_tokens(o)
        return text_genre(genre_words(self.lexicon, tokens)) is Genre.REGISTER

    def _phrase_tokens(self, o: Occurrence) -> Tokens:
        return self.lexicon.cached(o.phrase)

    @staticmethod
    def _wrong_genre(item: Item, o: Occurrence, genre: Genre) -> Named:
        *first, last = [g.value for g in item.genres]
        accepts = f"{', '.join(first)} or {last}" if first else last
        return Named(
            item.id,
            o,
            False,
            f"it is {with_article(genre.value)}; this item takes {with_article(accepts)}",
            genre,
        )


def _phrases(catalogue: Catalogue, lex: Lexicon) -> Iterable[tuple[str, str, str, Tokens]]:
    for item in catalogue.items:
        for phrase in item.match.all_names:
            yield item.id, "name", phrase, lex.canon_text(phrase)
        for phrase in item.match.subjects:
            yield item.id, "subject", phrase, lex.canon_text(phrase)
        for phrase in item.match.policy_subjects:
            yield item.id, "ruled", phrase, lex.canon_text(phrase)
        for phrase in item.match.filenames:
            yield item.id, "filename", phrase, lex.canon_text(phrase)
        for phrase in item.match.occasions:
            yield item.id, "occasion", phrase, lex.canon_text(phrase)
    for phrase in catalogue.vocabulary.distinct:
        yield "", "distinct", phrase, lex.canon_text(phrase)


def _qualifies(o: Occurrence, others: list[Occurrence], text: Text) -> Occurrence | None:
    """The other subject ``o`` qualifies, if the genre word that follows ``o`` follows that
    subject first: in "Information Security Roles and Responsibilities Policy" the policy
    is of roles and responsibilities, information security its field. Subjects joined by
    "and" share the genre word ("Configuration and Change Management Policy").

    A title with no genre word after ``o`` has its head among its subjects: the one right
    after ``o`` that ends it ("Service Desk Analyst" is an analyst's page, the service desk
    its field), or the one right before the "of" that ``o`` follows ("Continual
    Improvement of Service Levels" is about improvement). A heading is read in its
    document instead, and "Internal Audit 2026 - Change Management" is no compound: its
    subjects do not stand together."""
    if o.role not in ("subject", "ruled", "occasion"):
        return None
    start, end = min(o.positions), max(o.positions) + 1
    head = next((w.start for w in text.words if w.start >= end), None)
    if head is None and not text.strict:
        for other in others:
            if other.positions & o.positions:
                continue
            follows = min(other.positions) == end and max(other.positions) == len(text.tokens) - 1
            inverted = start >= 2 and text.tokens[start - 1] == INVERSION
            if follows or (inverted and max(other.positions) == start - 2):
                return other
        return None
    if head is None or end >= len(text.tokens) or text.tokens[end] == COORDINATION:
        return None
    return next(
        (
            other
            for other in others
            if not other.positions & o.positions
            and end <= min(other.positions)
            and max(other.positions) < head
        ),
        None,
    )


def _stands(o: Occurrence, text: Text) -> bool:
    """Whether ``o`` is what a title without a genre word is about: nothing but a number,
    a list or an object follows it. "Service Desk Team" is a team's page and "Service Desk
    Office Move" a move; "Secure Disposal of IT Equipment" is about the disposal."""
    after = max(o.positions) + 1
    # "Configuration Management — CI Types and Verification"
    return after == text.first_part or ends_title(text.tokens, after)


def _taken_by(o: Occurrence, occurrences: Iterable[Occurrence], text: Text) -> Occurrence | None:
    """The phrase that reads, in order, words ``o`` reads only turned around "of": in
    "Management Review of the SMS" the review is the management review, and the SMS is
    what it reviews, no "service review"."""
    if INVERSION not in text.tokens[o.start : max(o.positions)]:
        return None
    return next(
        (
            b
            for b in occurrences
            if b.key != o.key
            and b.role != "distinct"
            and b.size >= o.size
            and b.overlaps(o)
            and max(b.positions) - b.start + 1 == b.size
            and INVERSION not in text.tokens[b.start : max(b.positions)]
        ),
        None,
    )


def says_genre(text: Text, words: tuple[GenreWord, ...] | None = None) -> bool:
    """Whether a genre word (of ``words``, by default the text's) stands as the text's
    head, not as one more thing listed ("Roles, Responsibilities and Training" lists
    training; it is no training course)."""
    said = text.words if words is None else words
    return any(not (w.start > 0 and text.tokens[w.start - 1] == COORDINATION) for w in said)


def _outside(words: tuple[GenreWord, ...], o: Occurrence) -> tuple[GenreWord, ...]:
    return tuple(w for w in words if not o.positions.issuperset(range(w.start, w.end)))


def _distinct_over(o: Occurrence, distinct: list[Occurrence]) -> Occurrence | None:
    """The distinct phrase that reaches over ``o`` ("climate change" over "change"), if
    any; one inside ``o``, or the same words ("password reset" is distinct from security
    controls, and the very subject of an instruction for it), leaves it standing."""
    return next((d for d in distinct if o.overlaps(d) and not d.positions <= o.positions), None)


def _says_other_than_register(text: Text) -> bool:
    """Whether a spreadsheet's name says it is something else than a register: a
    "Change Success Rate Report" is a report, whatever its rows."""
    return any(w.genre is not Genre.REGISTER for w in text.words) and says_genre(text)


def spelled(text: str | None) -> frozenset[str]:
    return frozenset(words(text)) if text else frozenset()


def with_article(noun: str) -> str:
    return f"an {noun}" if noun[0] in "aeiou" else f"a {noun}"


def _measured_against(start: int, text: Text) -> bool:
    """Whether the word at ``start`` is one a rewrite brought in, close after a yardstick
    word ("against SLA", "against Support Level Expectations"): the agreement measured
    against, not the text's kind."""
    return (
        bool(text.spelled)
        and text.tokens[start] not in text.spelled
        and not _YARDSTICK.isdisjoint(text.tokens[max(0, start - _YARDSTICK_REACH) : start])
    )
