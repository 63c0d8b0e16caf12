"""Which items each file, or a section, sheet or table of it, is evidence of.

Signals, strongest first: a declaration (front matter or the evidence manifest); the
title; section, sheet and slide headings; the columns of a table; the file name;
the content, which only ever suggests. A title or heading names an item by one of
its ``names`` (whatever the document's genre, unless a genre word outside the name
contradicts it: a "Risk Register Template" is a template) or by one of its
``subjects`` in a document of a genre the item accepts (a "Disaster Recovery
Standard" is a policy about continuity). Where two items are named by the same
words, the narrower wins: the longer phrase, or the item declaring the other
``broader``. Everything named but not counted is kept as a near miss with its reason,
for ``iso20k explain``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from iso20k_cli.catalogue.model import Catalogue, Genre, Item, Kind
from iso20k_cli.evidence.dates import dates_in_name
from iso20k_cli.evidence.model import EvidenceFile, Section, SectionKind
from iso20k_cli.recognise.columns import ExportRecogniser
from iso20k_cli.recognise.content import MAX_BODY_CHARS, ContentScorer
from iso20k_cli.recognise.genre import (
    GenreWord,
    genre_after,
    genre_outside,
    genre_words,
    purpose_genre,
    shape_genre,
    text_genre,
)
from iso20k_cli.recognise.model import FileRecognition, Link, MatchedBy, NearMiss
from iso20k_cli.recognise.normalise import words
from iso20k_cli.recognise.phrases import Occurrence, PhraseIndex
from iso20k_cli.recognise.vocabulary import COORDINATION, MARKERS, Lexicon, Tokens

# Pictures are never evidence on their own: a manifest entry can declare one.
_PICTURES = frozenset({"png", "jpg", "jpeg", "gif", "bmp", "svg", "tif", "tiff", "webp", "heic"})
_TITLE_ROLES = frozenset({"name", "subject", "distinct"})
_NAME_ROLES = frozenset({"name", "subject", "filename", "distinct"})
_RECORD_SECTION_MIN_ROWS = 3
_MAX_SECTIONS = 2000
_RECORD_SHAPES = frozenset({Genre.REGISTER, Genre.REPORT, Genre.MINUTES})
_NOT_RECORDS = frozenset({Genre.POLICY, Genre.PROCESS, Genre.PLAN, Genre.TEMPLATE, Genre.REFERENCE})
_FOLDER_DEPTH = 2
# Times a body must name a narrower subject to be evidence of it as well.
_NARROWER_MENTIONS = 3
# Share of the broader subject's mentions the narrower must have to count, and to replace it.
_NARROWER_SHARE = 0.05
_NARROWER_DOMINATES = 0.6
_FILE_LEVEL = frozenset({MatchedBy.TITLE, MatchedBy.FILENAME, MatchedBy.FOLDER})
_NAMED_BY_TEXT = frozenset({MatchedBy.TITLE, MatchedBy.FILENAME, MatchedBy.SECTION})
_MAX_TABLES = 500
_SENTENCE_ENDS = frozenset(".?!:")
_STATEMENT_ENDS = frozenset(".!")  # a page title may be a question: "What is on-call?"
# Files a code repository keeps by convention: SECURITY.md is how to report a
# vulnerability, not the organisation's information security policy.
_REPOSITORY_FILES = frozenset(
    {
        "CONTRIBUTING",
        "CODE_OF_CONDUCT",
        "SECURITY",
        "SUPPORT",
        "LICENSE",
        "LICENCE",
        "NOTICE",
        "AUTHORS",
        "CODEOWNERS",
        "MAINTAINERS",
    }
)
_PROSE_FORMATS = frozenset({"markdown", "text", "docx", "pdf", "html", "pptx"})


@dataclass(frozen=True)
class _Text:
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


@dataclass(frozen=True)
class _Named:
    """An item named in one text, with whether the text's genre lets it count."""

    item: str
    occurrence: Occurrence
    counted: bool
    reason: str
    genre: Genre | None


class Recogniser:
    """Built once per catalogue; :meth:`recognise` costs look-ups per file."""

    def __init__(self, catalogue: Catalogue) -> None:
        self._catalogue = catalogue
        self._settings = catalogue.recognition
        self.lexicon = Lexicon(catalogue.vocabulary)
        lex = self.lexicon
        self._items = {item.id: item for item in catalogue.items}
        self._index = PhraseIndex(self._phrases(catalogue, lex))
        self._broader = {item.id: frozenset(item.match.broader) for item in catalogue.items}
        self._excludes = {
            item.id: tuple((t, p) for p in item.match.exclude if (t := lex.canon_text(p)))
            for item in catalogue.items
        }
        self._exports = ExportRecogniser(catalogue, lex)
        self._content = ContentScorer(catalogue, lex)
        # item -> its narrower items and the phrases (two words or more) that name them
        narrower: dict[str, list[tuple[str, tuple[Tokens, ...]]]] = {}
        for item in catalogue.items:
            phrases = tuple(
                t
                for p in (*item.match.all_names, *item.match.subjects)
                if len(t := tuple(w for w in lex.canon_text(p) if w not in MARKERS)) >= 2
            )
            for wider in item.match.broader:
                narrower.setdefault(wider, []).append((item.id, phrases))
        self._narrower = narrower
        self._subject_phrases = {
            item.id: tuple(
                t
                for p in (*item.match.all_names, *item.match.subjects)
                if (t := tuple(w for w in lex.canon_text(p) if w not in MARKERS))
            )
            for item in catalogue.items
        }
        self._reference_folders = frozenset(
            tokens
            for tokens, genre in lex.genre_words.items()
            if genre is Genre.REFERENCE and tokens != ("doc",) and tokens != ("documentation",)
        )

    @staticmethod
    def _phrases(catalogue: Catalogue, lex: Lexicon) -> Iterable[tuple[str, str, str, Tokens]]:
        for item in catalogue.items:
            for phrase in item.match.all_names:
                yield item.id, "name", phrase, lex.canon_text(phrase)
            for phrase in item.match.subjects:
                yield item.id, "subject", phrase, lex.canon_text(phrase)
            for phrase in item.match.filenames:
                yield item.id, "filename", phrase, lex.canon_text(phrase)
        for phrase in catalogue.vocabulary.distinct:
            yield "", "distinct", phrase, lex.canon_text(phrase)

    # ------------------------------------------------------------------ per file

    def recognise(self, file: EvidenceFile) -> FileRecognition:
        if file.declared:
            links, warnings = self._declared(file)
            return FileRecognition(file.path, None, links, (), warnings)
        found = _Found(file.path)
        # A title that is a sentence or a question ("Define what an incident is for you.")
        # says what the page discusses, not what the document is.
        heading = (file.title or "").strip()
        title = self.lexicon.cached(heading) if heading[-1:] not in _STATEMENT_ENDS else ()
        stem = self.lexicon.cached(file.stem)
        shape = shape_genre(file)
        if shape is Genre.DOCUMENT:
            shape = purpose_genre(self.lexicon, file.text) or shape
        title_words = genre_words(self.lexicon, title)
        name_words = genre_words(self.lexicon, stem)
        named_genre = text_genre(name_words)
        if file.stem.lower() == "readme" and "/" in file.path and file.title:
            # A README inside a folder is that folder's page (a role handbook, a
            # procedure); only the README at the top introduces the whole set.
            named_genre = None
        named_genre = named_genre or self._folder_genre(file.path)
        doc_genre = text_genre(title_words) or named_genre or shape
        never = self._never_evidence(file, doc_genre, title_words, name_words)
        # A README's or an index page's title is read as what the file is: reference.
        fallback = named_genre if named_genre is Genre.REFERENCE else shape
        folder = self._folder(found, file, never, text_genre(title_words))
        if folder is not None:
            # A dated file in a folder of records is one of them: its title names the
            # event ("Feature flags outage"), not a procedure.
            fallback = doc_genre = folder
        vetoes = (title, stem)
        named = self._named(
            _Text(
                title, title_words, fallback, shape is Genre.REGISTER, False, _spelled(file.title)
            ),
            vetoes,
        )
        self._add(found, named, MatchedBy.TITLE, f'title "{file.title}"', never)
        if not any(n.counted for n in named):
            # The file name is read when the title counts for nothing: it is often the
            # same name shortened, and a title that names an item outranks it.
            by_name = self._named(
                _Text(
                    stem, name_words, fallback, shape is Genre.REGISTER, False, _spelled(file.stem)
                ),
                vetoes,
                _NAME_ROLES,
            )
            self._add(found, by_name, MatchedBy.FILENAME, f'file name "{file.name}"', never)
            if not named and not by_name:
                self._folder_subject(found, file, title, title_words, never)
        if doc_genre is not Genre.REFERENCE:
            for section in file.sections[:_MAX_SECTIONS]:
                self._section(found, file, section, doc_genre, never)
        self._tables(found, file, shape if shape is Genre.REGISTER else doc_genre, never)
        found.genre = doc_genre
        self._narrow_by_body(found, file)
        found.drop_broader(self._broader)
        if (
            file.format in _PROSE_FORMATS
            and file.text
            and not file.tables
            and not _identified(file)
        ):
            # Prose with neither a date nor a table is about records, not one of them; an
            # undated log with entries is still a log, and its checks say the date is missing.
            found.undated_records(self._items)
        if not found.counted_any:
            self._by_content(found, file)
        return FileRecognition(
            file.path, doc_genre.value if doc_genre else None, found.links(), found.misses, ()
        )

    def _narrow_by_body(self, found: _Found, file: EvidenceFile) -> None:
        """A document titled for the broader subject ("During an Incident") whose body keeps
        naming a narrower one ("major incident") is evidence of the narrower item too."""
        candidates = [
            (link, narrower_id, phrases)
            for link in found.links()
            if link.counted and link.matched_by in _FILE_LEVEL
            for narrower_id, phrases in self._narrower.get(link.item, ())
            if phrases and not found.has(narrower_id)
        ]
        if not candidates or not file.text:
            return
        body = _Body(
            tuple(
                w for w in self.lexicon.canon_text(file.text[:MAX_BODY_CHARS]) if w not in MARKERS
            )
        )
        for link, narrower_id, phrases in candidates:
            counts = {" ".join(phrase): body.count(phrase) for phrase in phrases}
            mentions = sum(counts.values())
            broad = max(1, sum(body.count(p) for p in self._subject_phrases[link.item]))
            narrower = self._items[narrower_id]
            if (
                mentions < _NARROWER_MENTIONS
                or mentions / broad < _NARROWER_SHARE
                or found.has(narrower_id)
                or (found.genre is not None and found.genre not in narrower.genres)
            ):
                continue
            said = max(counts, key=lambda p: counts[p])
            if mentions / broad >= _NARROWER_DOMINATES:
                # The body is about the narrower subject: "Incident Response Policy" of a
                # security policy set speaks of security incidents throughout.
                found.replace(link.item, f"its body is about '{said}' ({mentions} of {broad})")
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

    def _folder(
        self, found: _Found, file: EvidenceFile, never: str | None, said: Genre | None
    ) -> Genre | None:
        """Record items named by the folder a dated file is filed in ("post-mortems/",
        "release-notes/", "incidents/2026/"), and the genre that gives the file.

        Only records, and only for a file whose name or content carries a date and whose
        own title does not say it is a policy, procedure or plan: a folder of incident
        procedures is not a folder of incidents.
        """
        dated = bool(file.record_dates or dates_in_name(file.name))
        if not dated or said in _NOT_RECORDS or never is not None:
            return None
        parts = file.path.split("/")[:-1]
        for folder in reversed(parts[-_FOLDER_DEPTH:]):
            tokens = self.lexicon.cached(folder)
            words_said = genre_words(self.lexicon, tokens)
            # "post-mortems/", "meeting-minutes/" say what they hold; a bare plural
            # ("incidents/") is a collection; "06-change-and-release/" is a process area.
            plural = _plural(folder)
            text = _Text(tokens, words_said, Genre.REGISTER if plural else None, plural)
            named = [
                n
                for n in self._named(text, ())
                if n.counted and self._items[n.item].kind is Kind.RECORD
            ]
            if named:
                self._add(found, named, MatchedBy.FOLDER, f'folder "{folder}/"', None)
                return next((n.genre for n in named if n.genre), None) or Genre.REGISTER
        return None

    def _folder_subject(
        self,
        found: _Found,
        file: EvidenceFile,
        title: Tokens,
        title_words: tuple[GenreWord, ...],
        never: str | None,
    ) -> None:
        """A title that says what a document is but not what about ("Support Manual",
        "Policy") takes its subject from the folder it is filed in
        ("incident_management/support_manual.md"), as a reader of the share would."""
        genre = text_genre(title_words)
        if genre not in (Genre.POLICY, Genre.PROCESS, Genre.PLAN):
            return  # records take their folder only when it is a folder of records
        folder = next(reversed(file.path.split("/")[:-1]), None) if "/" in file.path else None
        if folder is None:
            return
        tokens = (*self.lexicon.cached(folder), *title)
        said = genre_words(self.lexicon, tokens)
        named = [
            n
            for n in self._named(_Text(tokens, said, None, False, False, _spelled(folder)), ())
            if n.counted and n.occurrence.start < len(tokens) - len(title)
        ]
        self._add(
            found, named, MatchedBy.FOLDER, f'folder "{folder}/" with title "{file.title}"', never
        )

    def _folder_genre(self, path: str) -> Genre | None:
        """Reference when a folder says so (training/, blog/, news/): what is kept there
        teaches or announces; it is not the organisation's procedure."""
        for folder in path.split("/")[:-1]:
            tokens = self.lexicon.cached(folder.strip("_"))
            if tokens in self._reference_folders or tokens == ("post",):
                return Genre.REFERENCE
        return None

    def _never_evidence(
        self,
        file: EvidenceFile,
        genre: Genre | None,
        title: tuple[GenreWord, ...],
        name: tuple[GenreWord, ...],
    ) -> str | None:
        """Why nothing in this file can count, if so."""
        if file.format == "other" and file.path.rsplit(".", 1)[-1].lower() in _PICTURES:
            return "a picture is not evidence on its own; declare it in evidence.yaml if it is"
        if file.stem in _REPOSITORY_FILES:
            return "a file a code repository keeps by convention (how to contribute or report)"
        if any(w.genre is Genre.TEMPLATE for w in (*title, *name)):
            return "a template is evidence of nothing until it is filled in"
        size = len(file.text.split())
        if (
            file.readable
            and file.format in _PROSE_FORMATS
            and not file.tables
            and 0 < size < self._settings.document_min_words
        ):
            return f"the document has only {size} words: a stub or a pointer to elsewhere"
        return None

    def _named(
        self,
        text: _Text,
        vetoes: tuple[Tokens, ...],
        roles: frozenset[str] = _TITLE_ROLES,
    ) -> list[_Named]:
        """The items ``text`` names, each with whether its genre lets it count."""
        occurrences = self._index.find(text.tokens, roles)
        if not occurrences:
            return []
        distinct = [o for o in occurrences if o.role == "distinct"]
        best: dict[str, Occurrence] = {}
        for o in occurrences:
            if o.role == "distinct" or any(o.overlaps(d) and not d.inside(o) for d in distinct):
                continue
            current = best.get(o.key)
            if current is None or self._rank(o, text) > self._rank(current, text):
                best[o.key] = o
        # A name that only adds a genre word ("incident log") is the same subject as the
        # bare word, not a narrower one: genre decides between them.
        genre_at = frozenset(i for w in text.words for i in range(w.start, w.end))
        subject = {k: o.positions - genre_at for k, o in best.items()}
        result: list[_Named] = []
        for item_id, o in best.items():
            wider = next(
                (b for k, b in best.items() if k != item_id and subject[item_id] < subject[k]),
                None,
            )
            if wider is not None:
                result.append(self._rejected(item_id, o, f"'{wider.phrase}' names {wider.key}"))
                continue
            narrower = next(
                (
                    k
                    for k, b in best.items()
                    if k != item_id
                    and item_id in self._broader.get(k, ())
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
            result.append(self._judge(self._items[item_id], o, text))
        return result

    @staticmethod
    def _rank(o: Occurrence, text: _Text) -> tuple[int, bool, bool]:
        """Longest first, names before subjects, then the phrase the text spells out
        (so that a link quotes what the document says)."""
        return o.size, o.role == "name", set(words(o.phrase)) <= text.spelled

    @staticmethod
    def _rejected(item_id: str, o: Occurrence, reason: str) -> _Named:
        return _Named(item_id, o, False, reason, None)

    def _veto(self, item_id: str, texts: tuple[Tokens, ...]) -> str | None:
        for tokens, phrase in self._excludes[item_id]:
            size = len(tokens)
            for text in texts:
                if any(text[i : i + size] == tokens for i in range(len(text) - size + 1)):
                    return phrase
        return None

    def _judge(self, item: Item, o: Occurrence, text: _Text) -> _Named:
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
            outside = genre_outside(text.words, o.positions)
            if outside is None or outside in item.genres:
                return _Named(item.id, o, True, "", outside)
            return self._wrong_genre(item, o, outside)
        own = self._own_genre(o, text)
        after = max(o.positions) + 1
        if own is not None and (after >= len(text.tokens) or text.tokens[after] in MARKERS):
            # "SLAs, response targets and surveys": the survey is the last item's genre.
            genre: Genre | None = own
        else:
            genre = genre_after(text.words, text.tokens, o.positions) or own
        if genre is None and (
            text.register_shape
            or (
                not _says_genre(text)
                and (o.size > 1 or (not text.strict and self._is_head(o, text)))
            )
        ):
            # Only a text that says nothing of its own genre falls back on the shape:
            # in "SLA Service Desk" the agreement is the document, the desk its subject.
            genre = text.fallback
        if genre is not None and genre in item.genres:
            return _Named(item.id, o, True, "", genre)
        if genre is None:
            return _Named(
                item.id,
                o,
                False,
                "nothing says what kind of document it is (policy, procedure, register …)",
                None,
            )
        return self._wrong_genre(item, o, genre)

    @staticmethod
    def _own_genre(o: Occurrence, text: _Text) -> Genre | None:
        """The genre word inside the phrase itself ("CAB minutes")."""
        inside = [w.genre for w in text.words if o.positions.issuperset(range(w.start, w.end))]
        return inside[-1] if inside else None

    @staticmethod
    def _is_head(o: Occurrence, text: _Text) -> bool:
        """Whether ``o`` ends the text, as the noun it is about: "After an Incident",
        "Business Continuity and Disaster Recovery"; not "Incident Commander"."""
        last = max((i for i, w in enumerate(text.tokens) if w not in MARKERS), default=-1)
        return last in o.positions

    def _phrase_tokens(self, o: Occurrence) -> Tokens:
        return self.lexicon.cached(o.phrase)

    @staticmethod
    def _wrong_genre(item: Item, o: Occurrence, genre: Genre) -> _Named:
        accepts = ", ".join(g.value for g in item.genres)
        return _Named(
            item.id, o, False, f"it is a {genre.value}; this item takes a {accepts}", genre
        )

    def _add(
        self,
        found: _Found,
        named: list[_Named],
        how: MatchedBy,
        where: str,
        never: str | None,
        section: str | None = None,
    ) -> None:
        for n in named:
            detail = f"{where} names '{n.occurrence.phrase}'"
            if n.genre is not None and n.occurrence.role != "name":
                detail += f" in a {n.genre.value}"
            if not n.counted or never is not None:
                found.miss(n.item, f"{detail}, but {n.reason if not n.counted else never}")
                continue
            found.link(Link(n.item, found.path, how, detail, True, section, (how.value,)))

    def _section(
        self,
        found: _Found,
        file: EvidenceFile,
        section: Section,
        doc_genre: Genre | None,
        never: str | None,
    ) -> None:
        heading = section.heading.strip()
        if not heading or heading == (file.title or "").strip() or heading[-1] in _SENTENCE_ENDS:
            # The heading that gave the title is read as the title; a heading that is a
            # sentence or a question is prose, not the name of a part.
            return
        tokens = self.lexicon.cached(heading)
        if not tokens:
            return
        said = genre_words(self.lexicon, tokens)
        sheet = section.kind is SectionKind.SHEET
        rows = sum(t.row_count for t in file.tables if t.section == section.heading)
        register = (sheet and rows > 0) or rows >= _RECORD_SECTION_MIN_ROWS
        fallback = Genre.REGISTER if register else doc_genre
        named = [
            n
            for n in self._named(
                _Text(tokens, said, fallback, sheet and rows > 0, True, _spelled(heading)),
                (tokens,),
            )
            if not found.has(n.item) and self._items[n.item].match.in_sections
        ]
        if not named:
            return
        body = file.text[section.start : section.end]
        size = len(body.split())
        kept: list[_Named] = []
        for n in named:
            item = self._items[n.item]
            if n.counted and size < self._settings.section_min_words and not rows:
                n = _Named(
                    n.item, n.occurrence, False, f"the section has only {size} words", n.genre
                )
            elif (
                n.counted
                and item.kind is Kind.RECORD
                and Genre.DOCUMENT not in item.genres
                and rows < _RECORD_SECTION_MIN_ROWS
            ):
                n = _Named(n.item, n.occurrence, False, "it holds no table of records", n.genre)
            kept.append(n)
        how = MatchedBy.SHEET if sheet else MatchedBy.SECTION
        self._add(found, kept, how, section.label, never, section.label)

    def _tables(
        self, found: _Found, file: EvidenceFile, genre: Genre | None, never: str | None
    ) -> None:
        if genre not in _RECORD_SHAPES:
            return  # a table inside a procedure illustrates it; it is not an export
        for table in file.tables[:_MAX_TABLES]:
            match = self._exports.classify(table)
            if match is None:
                continue
            where = f'sheet "{table.section}"' if file.format == "xlsx" and table.section else None
            detail = f"{match.detail}; {table.row_count} rows"
            if never is not None:
                found.miss(match.item, f"{detail}, but {never}")
            elif not found.has(match.item):
                found.link(
                    Link(
                        match.item, file.path, MatchedBy.COLUMNS, detail, True, where, ("columns",)
                    )
                )
            else:
                found.also(match.item, "columns")

    def _by_content(self, found: _Found, file: EvidenceFile) -> None:
        for score in self._content.best(file.text, self._settings.content_min_score):
            if found.has(score.item):
                continue
            terms = ", ".join(repr(t) for t in score.terms[:4])
            found.link(
                Link(
                    score.item,
                    file.path,
                    MatchedBy.CONTENT,
                    f"content mentions {terms} (score {score.score:g})",
                    False,
                    None,
                    ("content",),
                )
            )

    # ------------------------------------------------------------------ declarations

    def _declared(self, file: EvidenceFile) -> tuple[tuple[Link, ...], tuple[str, ...]]:
        links: list[Link] = []
        warnings: list[str] = []
        catalogue = self._catalogue
        for ref in file.declared:
            if ref in catalogue.items_by_id:
                links.append(Link(ref, file.path, MatchedBy.DECLARED, f"declares item {ref}", True))
            elif ref in catalogue.clauses_by_id:
                for item in self._items_for_declared_clause(ref, file):
                    links.append(
                        Link(item.id, file.path, MatchedBy.DECLARED, f"declares clause {ref}", True)
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
        catalogue = self._catalogue
        items = [catalogue.item(i) for i in catalogue.clause(clause_id).items]
        if len(items) <= 1:
            return items
        control = file.control
        is_document = control.status is not None or control.approved is not None
        wanted: Kind | None
        if is_document:
            wanted = Kind.DOCUMENT
        elif file.record_dates:
            wanted = Kind.RECORD
        else:
            wanted = None
        chosen = [i for i in items if wanted is None or i.kind is wanted]
        return chosen or items


def _says_genre(text: _Text) -> bool:
    """Whether a genre word stands as the text's head, not as one more thing listed
    ("Roles, Responsibilities and Training" lists training; it is no training course)."""
    return any(not (w.start > 0 and text.tokens[w.start - 1] == COORDINATION) for w in text.words)


class _Body:
    """A document's words, indexed by word, so that counting a phrase costs its places."""

    def __init__(self, tokens: Tokens) -> None:
        self.tokens = tokens
        self._at: dict[str, list[int]] = {}
        for index, word in enumerate(tokens):
            self._at.setdefault(word, []).append(index)

    def count(self, phrase: Tokens) -> int:
        size = len(phrase)
        return sum(1 for i in self._at.get(phrase[0], ()) if self.tokens[i : i + size] == phrase)


def _identified(file: EvidenceFile) -> bool:
    """Whether a file says which occasion it records: a date, or a version in its path
    (release notes are known by their release: "release-1.29/release-notes.md")."""
    return bool(file.record_dates or dates_in_name(file.name) or _versioned(file.path))


def _versioned(path: str) -> bool:
    """A component such as v1.29, 1.34.2 or release-2.0 in the path: digits, a dot, digits."""
    for index in range(1, len(path) - 1):
        if path[index] == "." and path[index - 1].isdigit() and path[index + 1].isdigit():
            # "2.0" inside a name, not a file suffix such as "notes.2": both sides are
            # numbers of a version only when the left side is preceded by v, -, _ or /.
            start = index - 1
            while start > 0 and path[start - 1].isdigit():
                start -= 1
            if start == 0 or path[start - 1] in "vV-_/ ":
                return True
    return False


def _plural(name: str) -> bool:
    """Whether a folder's name ends in a plural noun ("incidents", "post-mortems")."""
    last = "".join(c for c in name.rstrip("/").split("-")[-1].split("_")[-1] if c.isalpha())
    return len(last) > 3 and last.lower().endswith("s") and not last.lower().endswith("ss")


def _spelled(text: str | None) -> frozenset[str]:
    return frozenset(words(text)) if text else frozenset()


class _Found:
    """The links and near misses of one file as they are found, one link per item."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.genre: Genre | None = None
        self._links: dict[str, Link] = {}
        self._misses: dict[str, str] = {}

    def has(self, item: str) -> bool:
        return item in self._links

    @property
    def counted_any(self) -> bool:
        return any(link.counted for link in self._links.values())

    def link(self, link: Link) -> None:
        if link.item not in self._links:
            self._links[link.item] = link
            self._misses.pop(link.item, None)

    def also(self, item: str, signal: str) -> None:
        link = self._links[item]
        if signal not in link.signals:
            self._links[item] = Link(
                link.item,
                link.path,
                link.matched_by,
                link.detail,
                link.counted,
                link.section,
                (*link.signals, signal),
            )

    def replace(self, item: str, reason: str) -> None:
        link = self._links.pop(item, None)
        if link is not None:
            self._misses[item] = f"{link.detail}, but {reason}"

    def undated_records(self, items: dict[str, Item]) -> None:
        """A page named for a kind of record but carrying no date at all ("Post-mortems",
        "Release notes") is about those records, not one of them: a record says when."""
        for item_id, link in list(self._links.items()):
            if (
                link.counted
                and link.matched_by in _NAMED_BY_TEXT
                and items[item_id].kind is Kind.RECORD
            ):
                del self._links[item_id]
                self._misses[item_id] = f"{link.detail}, but it carries no date of its own"

    def drop_broader(self, broader: dict[str, frozenset[str]]) -> None:
        """A file that is a post-mortem of a major incident is that, not also a plain
        incident record: of two file-level links, the broader one goes. Section links
        stay, since a part of a file may serve the broader item on its own."""
        file_level = {
            item
            for item, link in self._links.items()
            if link.counted and link.section is None and link.matched_by in _FILE_LEVEL
        }
        for item in file_level:
            for wider in broader.get(item, frozenset()) & file_level:
                # Named apart in one title ("Problem and Known Error Register"), both stay.
                if self._links[wider].matched_by is self._links[item].matched_by:
                    continue
                link = self._links.pop(wider)
                self._misses[wider] = f"{link.detail}, but the narrower {item} is named"
                file_level = file_level - {wider}

    def miss(self, item: str, reason: str) -> None:
        if item not in self._links:
            self._misses.setdefault(item, reason)

    def links(self) -> tuple[Link, ...]:
        return tuple(self._links.values())

    @property
    def misses(self) -> tuple[NearMiss, ...]:
        return tuple(
            NearMiss(item, self.path, reason)
            for item, reason in self._misses.items()
            if item not in self._links
        )
