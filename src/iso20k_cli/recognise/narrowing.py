"""A file counted for a broader item that is evidence of a narrower one: by its body, by
the scope its opening sentence sets, or by the labelled parts it is laid out in.

"During an Incident" whose opening says it is about major incidents is the major-incident
procedure; an incident record laid out as impact, resolution and review actions is a
post-incident review. Each way is declared in the catalogue (``broader``, ``body_share``,
``parts``), never known here.
"""

from __future__ import annotations

from iso20k_cli.catalogue.model import Catalogue, Genre, Kind
from iso20k_cli.evidence.model import EvidenceFile, SectionKind
from iso20k_cli.recognise.content import MAX_BODY_CHARS, Body, BodyWords, ContentScorer
from iso20k_cli.recognise.found import FILE_LEVEL, Found
from iso20k_cli.recognise.genre import SHEET_FORMATS
from iso20k_cli.recognise.model import Link, MatchedBy
from iso20k_cli.recognise.parts import labels, parts_named
from iso20k_cli.recognise.vocabulary import MARKERS, Lexicon, Tokens, spelled_lexicon

# Times a body must name a narrower subject to be evidence of it as well.
_NARROWER_MENTIONS = 3
# Share of the broader subject's mentions at which the narrower replaces it.
_NARROWER_DOMINATES = 0.4
_OPENING_CHARS = 1200
_PROSE_WORDS = 6
# What a sentence says when it names the framework a page answers, not its subject.
_ANSWERING = ("maintained to meet", "to comply with", "to meet the requirements of")
# Sentences of the body that must name the narrower subject: more mentions than that in
# one sentence are one cross-reference, not what the document is about.
_NARROWER_SENTENCES = 2
_MAX_SENTENCES = 5000
# A spreadsheet (SHEET_FORMATS) has no opening sentence: its first line is a row of
# headers, and a "Known error" column in a problem export does not make every problem a
# known error.
_MAX_SECTION_LABELS = 2000


class Narrowing:
    """The broader/narrower relation of a catalogue's items, indexed once."""

    def __init__(self, catalogue: Catalogue, lexicon: Lexicon, content: ContentScorer) -> None:
        self.lexicon = lexicon
        self._content = content
        self._items = {item.id: item for item in catalogue.items}
        self._subject_phrases = {
            item.id: tuple(
                t
                for p in (*item.match.all_names, *item.match.subjects)
                if (t := tuple(w for w in lexicon.canon_text(p) if w not in MARKERS))
            )
            for item in catalogue.items
        }
        # item -> its narrower items and the phrases (two words or more) that name them
        narrower: dict[str, list[tuple[str, tuple[Tokens, ...]]]] = {}
        for item in catalogue.items:
            phrases = tuple(t for t in self._subject_phrases[item.id] if len(t) >= 2)
            for wider in item.match.broader:
                narrower.setdefault(wider, []).append((item.id, phrases))
        self._narrower = narrower
        # The body's words with its codes left unexpanded: "SEV1" is read as a major
        # incident everywhere else, but a page that names major incidents only by code
        # ("acknowledge SEV1 pages in 5 minutes") hands them to the procedure on them.
        self._spelled = spelled_lexicon(catalogue.vocabulary)
        self._parts = {
            item.id: tuple(t for p in item.match.parts if (t := lexicon.canon_text(p)))
            for item in catalogue.items
            if item.match.parts
        }

    def mentions(self, item_id: str, text: str) -> bool:
        """Whether ``text`` names ``item_id``'s subject, by any of its names or subjects
        or those of a broader item: a part on major incidents may speak of incidents."""
        body = Body(self._content.body_words(text))
        items = (item_id, *self._items[item_id].match.broader)
        return any(body.count(p) for item in items for p in self._subject_phrases[item])

    def by_body(self, found: Found, file: EvidenceFile, words: BodyWords) -> None:
        """A document titled for the broader subject ("During an Incident") whose body keeps
        naming a narrower one ("major incident") is evidence of the narrower item too."""
        candidates = [
            (link, narrower_id, phrases)
            for link in found.links()
            if link.counted and link.matched_by in FILE_LEVEL
            for narrower_id, phrases in self._narrower.get(link.item, ())
            if phrases and not found.has(narrower_id)
        ]
        if not candidates or not file.text:
            return
        body = Body(words.get())
        for link, narrower_id, phrases in candidates:
            counts = {" ".join(phrase): body.count(phrase) for phrase in phrases}
            mentions = sum(counts.values())
            # The broader subject's most said phrase: "incident" is inside "incident severity".
            said_most = max((body.count(p) for p in self._subject_phrases[link.item]), default=0)
            broad = max(1, said_most)
            narrower = self._items[narrower_id]
            if found.has(narrower_id) or (
                found.genre is not None and found.genre not in narrower.genres
            ):
                continue
            scope = (
                self._opening_scope(file.text, link.item, phrases)
                if file.format not in SHEET_FORMATS
                else None
            )
            share = narrower.match.body_share or _NARROWER_DOMINATES
            if scope is None and (
                mentions < _NARROWER_MENTIONS
                or mentions / broad < share
                or not self._in_sentences(file.text, phrases, _NARROWER_SENTENCES)
                or not (
                    self._same_words(link.phrase, phrases)
                    or self._spelled_in_prose(file.text, phrases)
                )
            ):
                continue
            said = max(counts, key=lambda p: counts[p])
            # A title that says exactly what the file is ("Incident Management Procedure")
            # keeps it: the narrower subject its body keeps naming is a part of it.
            instead = None
            if mentions / broad >= _NARROWER_DOMINATES and file.format not in SHEET_FORMATS:
                # The body is about the narrower subject: "Incident Response Policy" of a
                # security policy set speaks of security incidents throughout. A register's
                # rows say "known error" once each: its problems stay problems, and are
                # known errors as well.
                instead = f"its body is about '{said}' ({mentions} of {broad})"
            elif scope is not None:
                instead = f"its opening says it is about '{scope}'"
            if instead is not None and not link.named:
                found.replace(link.item, instead)
            found.link(
                Link(
                    narrower_id,
                    file.path,
                    link.matched_by,
                    f"{link.detail}, and its body names '{said}' or the like {mentions} times",
                    True,
                    None,
                    (link.matched_by.value, "content"),
                )
            )

    def by_parts(self, found: Found, file: EvidenceFile) -> None:
        """A record counted as the broader kind ("incidents/2021-05-10-….md", an incident
        record) laid out in the parts of a narrower one (impact, resolution, review
        actions) is that narrower record: a post-incident review."""
        candidates = [
            (link, narrower_id)
            for link in found.links()
            if link.counted
            and link.matched_by in FILE_LEVEL
            and self._items[link.item].kind is Kind.RECORD
            # A log titled so holds many records, each laid out in the same parts.
            and (link.matched_by is MatchedBy.FOLDER or found.genre is not Genre.REGISTER)
            for narrower_id, _ in self._narrower.get(link.item, ())
            if self._parts.get(narrower_id) and not found.has(narrower_id)
        ]
        if not candidates or not file.text:
            return
        # Headings the text does not mark as such ("<h2>What happened?</h2>" in a
        # Markdown page, a Word heading) are in the document's sections.
        found_labels = labels(self.lexicon, file.text) + [
            self.lexicon.cached(section.heading)
            for section in file.sections[:_MAX_SECTION_LABELS]
            if section.kind is SectionKind.HEADING
        ]
        for link, narrower_id in candidates:
            named = parts_named(self._parts[narrower_id], found_labels)
            if len(named) < self._items[narrower_id].match.min_parts or found.has(narrower_id):
                continue
            said = ", ".join(f"'{label}'" for label in named[:4])
            found.replace(link.item, f"it is laid out as a {narrower_id} ({said})")
            found.link(
                Link(
                    narrower_id,
                    file.path,
                    link.matched_by,
                    f"{link.detail}, and it is laid out in the parts of one: {said}",
                    True,
                    None,
                    (link.matched_by.value, "parts"),
                )
            )

    def _in_sentences(self, text: str, phrases: tuple[Tokens, ...], enough: int) -> bool:
        """Whether ``enough`` sentences of the body name one of ``phrases``: a step that
        hands priority 1 incidents to "the Major Incident Manager under the major incident
        procedure" names it three times in one sentence, and is a cross-reference."""
        found = 0
        sentences = text[:MAX_BODY_CHARS].replace(". ", "\n").split("\n", _MAX_SENTENCES)
        for sentence in sentences[:_MAX_SENTENCES]:
            words = Body(self._content.body_words(sentence))
            if any(words.count(p) for p in phrases):
                found += 1
                if found >= enough:
                    return True
        return False

    def _same_words(self, phrase: str, phrases: tuple[Tokens, ...]) -> bool:
        """Whether the phrase that named the broader item is in words of the narrower's:
        "Incident Response" is on incidents, of which major ones are a kind; "On-call" is
        on a rota, whatever severities its pages mention."""
        said = set(self.lexicon.cached(phrase)) - MARKERS
        return any(said & set(p) for p in phrases)

    def _spelled_in_prose(self, text: str, phrases: tuple[Tokens, ...]) -> bool:
        """Whether a sentence of prose, not a row of a table, names one of ``phrases`` in
        words rather than by a code: a severity table's "SEV1 | Major incident process"
        points at another document."""
        sentences = text[:MAX_BODY_CHARS].replace(". ", "\n").split("\n", _MAX_SENTENCES)
        for sentence in sentences[:_MAX_SENTENCES]:
            if sentence.count("|") >= 2:
                continue  # a Markdown table's row
            spelled = Body(self._spelled.canon_bare(sentence))
            if any(spelled.count(p) for p in phrases):
                return True
        return False

    def _opening_scope(self, text: str, broader: str, phrases: tuple[Tokens, ...]) -> str | None:
        """The narrower subject the opening sentence sets as the page's scope, when it names
        no broader one beside it: "Information on what to do during a major incident."
        """
        # "Acknowledge SEV1 pages within 5 minutes" opens a rota, not a page on major
        # incidents: a code alone sets no scope.
        opening = Body(self._spelled.canon_bare(_first_sentence(text)[:MAX_BODY_CHARS]))
        narrow = {" ".join(p): opening.count(p) for p in phrases}
        named = sum(narrow.values())
        if not named:
            return None
        # Each mention of "major incident" is also one of "incident".
        broad = sum(opening.count(p) for p in self._subject_phrases[broader])
        if broad > named:
            return None
        return max(narrow, key=lambda p: narrow[p])


def _first_sentence(text: str) -> str:
    """The page's opening statement: its first line of prose, up to a full stop. A
    heading ("Purpose"), a table's row ("Policy owner | Security Manager") or a line of
    a few words (the title) is not prose; a sentence that says what standard the page
    answers ("This plan is maintained to meet SOC 2 CC7.3.") is passed over for the
    next, which says what it is about."""
    for line in text[:_OPENING_CHARS].split("\n"):
        line = line.strip()
        if not line or not line[0].isalnum() or " | " in line:
            continue
        end = line.find(". ")
        sentence = line if end < 0 else line[: end + 1]
        if len(sentence.split()) < _PROSE_WORDS and not sentence.endswith("."):
            continue
        if any(word in sentence.lower() for word in _ANSWERING):
            continue
        return sentence
    return ""
