"""Which items each file, or a section, sheet or table of it, is evidence of.

Signals, strongest first: a declaration (front matter or the evidence manifest); the
title; section, sheet and slide headings; the columns of a table; the folder a dated
record is filed in; the file name; the content, which only ever suggests. What a
short text names, and whether its genre lets it count, is decided in ``naming``;
this module reads a file's parts in order and applies the rules that need the whole
file (a template or a stub counts for nothing, a record says when, a narrower subject
in the body). Everything named but not counted is kept as a near miss with its
reason, for ``iso20k explain``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from iso20k_cli.catalogue.model import Catalogue, Genre, Item, Kind
from iso20k_cli.evidence.dates import dated_name
from iso20k_cli.evidence.doccontrol import labelled
from iso20k_cli.evidence.history import is_history_header
from iso20k_cli.evidence.model import EvidenceFile, Section, SectionKind, Table
from iso20k_cli.recognise.clauses import (
    MANUAL_GENRES,
    MIN_CLAUSES,
    ClauseHeading,
    ClauseHeadings,
)
from iso20k_cli.recognise.columns import ExportMatch, ExportRecogniser
from iso20k_cli.recognise.content import MAX_BODY_CHARS, BodyWords, ContentScorer
from iso20k_cli.recognise.cover import COVER_FORMATS, first_line, head_lines, labelled_title
from iso20k_cli.recognise.declared import declared
from iso20k_cli.recognise.found import FILE_LEVEL, Found
from iso20k_cli.recognise.functions import Functions
from iso20k_cli.recognise.genre import (
    PROSE_FORMATS,
    SHEET_FORMATS,
    GenreWord,
    ends_title,
    genre_words,
    purpose_genre,
    sampled,
    shape_genre,
    spelled_out,
    text_genre,
)
from iso20k_cli.recognise.instructions import Instructions
from iso20k_cli.recognise.measures import Measures
from iso20k_cli.recognise.message import announced, as_record, invitation, message_genre
from iso20k_cli.recognise.model import FileRecognition, Link, MatchedBy
from iso20k_cli.recognise.naming import (
    NAME_ROLES,
    PROSE_ONLY,
    TITLE_ROLES,
    Named,
    Namer,
    Text,
    spelled,
    with_article,
)
from iso20k_cli.recognise.narrowing import Narrowing
from iso20k_cli.recognise.numbered import Numbered, NumberedNames
from iso20k_cli.recognise.occasion import identified, plural
from iso20k_cli.recognise.phrases import Occurrence
from iso20k_cli.recognise.targets import StatedTargets
from iso20k_cli.recognise.titleparts import (
    aside,
    first_part,
    only_genre,
    record_first,
    reference_last,
    without_aside,
)
from iso20k_cli.recognise.unwritten import is_index, is_outline, unfilled_template
from iso20k_cli.recognise.vocabulary import Lexicon, Tokens
from iso20k_cli.text.counts import plural as count_of

# The words of a folder that keeps templates ("Templates", "Plantillas", "Vorlagen").
_TEMPLATE_FOLDER = frozenset({"template", "templates", "blank"})
# How far up an agreement's folders say whose it is: "Suppliers/LionNet Telecom/".
_AGREEMENT_FOLDER_DEPTH = 2
# Genres a file name gives a title that says none: what the title names was reported on.
_NAMED_RECORDS = frozenset({Genre.REPORT, Genre.MINUTES})
# Pictures are never evidence on their own: a manifest entry can declare one.
_PICTURES = frozenset({"png", "jpg", "jpeg", "gif", "bmp", "svg", "tif", "tiff", "webp", "heic"})
# Programs: "slo_report.py" makes a report, and is none.
_PROGRAMS = frozenset(
    {"py", "js", "ts", "sh", "bash", "ps1", "psm1", "bat", "cmd", "rb", "go", "java", "c",
     "cpp", "cs", "php", "pl", "rs", "kt", "swift", "scala", "lua", "r", "tf", "groovy"}
)  # fmt: skip
_RECORD_SECTION_MIN_ROWS = 3
# A report's section that gives this many lines of percentages, one line in this many,
# reports figures.
_FIGURE_LINES = 3
_FIGURE_SHARE = 3
_MAX_FIGURE_SCAN = 400
# A sheet named for a register is one, however few its entries: a year may see two
# supplier disputes or two continuity tests.
_RECORD_SHEET_MIN_ROWS = 1
# Rows that make a table called a sample the records sampled, not a template's examples.
_SAMPLED_ROWS = 20
_MAX_SECTIONS = 2000
_RECORD_SHAPES = frozenset({Genre.REGISTER, Genre.REPORT, Genre.MINUTES})
_FORM = ("form",)
# A report or minutes: what happened, not how things are done.
_WRITTEN_RECORDS = frozenset({Genre.REPORT, Genre.MINUTES})
_NOT_RECORDS = frozenset({Genre.POLICY, Genre.PROCESS, Genre.PLAN, Genre.TEMPLATE, Genre.REFERENCE})
_FOLDER_DEPTH = 2
# The page of the folder it is in, in documentation sites.
_FOLDER_PAGES = frozenset({"readme", "index", "_index"})
# An aside opening with these says what else a file holds.
_ADDING = ("incorporating", "including", "includes", "incl.", "with ")
# Folders of dated posts: each announces something on its day.
_POST_FOLDERS = frozenset({("blog",), ("new",), ("announcement",), ("post",)})
# Words of a title that name a body which meets and keeps minutes.
_MEETING_BODIES = frozenset({"board", "committee", "council", "forum"})
# Title words of a document that is a drawing or a grid, not prose.
_CHARTS = frozenset({"chart", "matrix", "diagram", "organigram", "organogram"})
_CLAUSE_MIN_WORDS = 15
_BLANK_SHEET_WORDS = 80  # words of headers and a title: more is a sheet with content
_CROSS_REFERENCES = ("link to", "links to", "see also", "related document", "references")
# Labels of a document's marking, which a template may set as a heading over its whole
# text ("Document Information / Classification: Unrestricted").
_MARKINGS = ("classification", "protective marking", "marking", "sensitivity")
_MARKING_WORDS = 3
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
# Where a procedure or plan is written in sentences. Slides are fragments by nature,
# and a handbook page is often a terse list that still states the rule ("First
# response: within 2 working days"); a word-processed plan with no sentence is an outline.
_OUTLINE_FORMATS = frozenset({"docx", "doc", "pdf", "text", "odt", "rtf"})
_WORKBOOKS = frozenset({"xlsx", "xls", "ods"})  # whose tables are sheets
_STANDALONE_TABLES = _WORKBOOKS | {"csv"}  # a table that is the whole file, or a sheet
# Where a page of links is written as a list of links (a Word contents page is not);
# a reStructuredText toctree and an AsciiDoc list of xrefs are read as Markdown's links.
_INDEX_FORMATS = frozenset({"markdown", "rst", "asciidoc", "text", "html"})
# Where a page titled for an act instructs it: not a sheet of rows, nor slides, which
# teach or present the act rather than instruct whoever fulfils the request.
_INSTRUCTION_FORMATS = PROSE_FORMATS - {"pptx", "ppt"}
_INSTRUCTION_GENRES = frozenset({None, Genre.DOCUMENT, Genre.PROCESS})
_MESSAGES = frozenset({"eml"})  # a record of the day it was sent (see ``_message``)


class Recogniser:
    """Built once per catalogue; :meth:`recognise` costs look-ups per file."""

    def __init__(self, catalogue: Catalogue) -> None:
        self._catalogue = catalogue
        self._settings = catalogue.recognition
        self.lexicon = Lexicon(catalogue.vocabulary)
        lex = self.lexicon
        self._namer = Namer(catalogue, lex)
        self._items = self._namer.items
        self._exports = ExportRecogniser(catalogue, lex)
        self._numbered = NumberedNames(catalogue)
        self._clauses = ClauseHeadings(catalogue, lex)
        self._content = ContentScorer(catalogue, lex)
        self._narrowing = Narrowing(catalogue, lex, self._content)
        self._functions = Functions(catalogue, lex)
        self._targets = StatedTargets(catalogue, lex)
        self._measures = Measures(catalogue)
        self._instructions = Instructions(catalogue, lex)
        self._reference_folders = frozenset(
            tokens
            for tokens, genre in lex.genre_words.items()
            if genre is Genre.REFERENCE and tokens != ("documentation",)
        )

    # ------------------------------------------------------------------ per file

    def recognise(self, file: EvidenceFile) -> FileRecognition:
        if file.declared:
            links, warnings = declared(self._catalogue, file)
            genre = self._declared_genre(file)
            return FileRecognition(file.path, genre.value if genre else None, links, (), warnings)
        found = Found(file.path)
        # A title that is a sentence or a question ("Define what an incident is for you.")
        # says what the page discusses, not what the document is.
        heading = without_aside((file.title or "").strip())
        if file.format not in _MESSAGES:
            # "SOP-ITSM-01 Incident Management": the reference says what kind it is.
            heading = reference_last(self.lexicon, heading)
        title = self.lexicon.cached(heading) if heading[-1:] not in _STATEMENT_ENDS else ()
        name = reference_last(self.lexicon, file.stem)
        stem = self.lexicon.cached(name)
        shape = shape_genre(file)
        if shape is Genre.DOCUMENT:
            shape = purpose_genre(self.lexicon, file.text) or shape
        title_words = genre_words(self.lexicon, title)
        if file.format in _MESSAGES:
            return self._message(found, file, heading)
        occasion = shape is Genre.DOCUMENT and not title_words and _dated_name(file, heading)
        if occasion:
            # "2024-09-09-azure-vms-outage.md", "2021-05-29 - ACI outage": prose named for
            # one dated occasion reports it; a procedure is not named for a day. A day's
            # page of a board or committee ("2026-10-14 CAB") holds its minutes.
            shape = Genre.MINUTES if _MEETING_BODIES.intersection(title) else Genre.REPORT
        name_words = genre_words(self.lexicon, stem)
        numbered_as = self._numbered.record(file.stem)
        if numbered_as is not None:
            # "Corrective Action Form - CAR-2026-004": a form named for the one record it
            # holds has been filled in.
            title_words, name_words = _filled_in(title_words, title), _filled_in(name_words, stem)
        if shape is Genre.REGISTER and _rows(file) >= _SAMPLED_ROWS:
            title_words = sampled(title_words, title)
            name_words = sampled(name_words, stem)
        title_spelled, stem_spelled = spelled(file.title), spelled(file.stem)
        named_genre = text_genre(spelled_out(name_words, stem, stem_spelled))
        if file.stem.lower() in _FOLDER_PAGES and "/" in file.path and file.title:
            # A README or index page inside a folder is that folder's page (a role
            # handbook, a procedure); only the one at the top introduces the whole set.
            named_genre = None
        filed = None if named_genre else self._folder_genre(file)
        named_genre = named_genre or filed
        doc_genre = (
            text_genre(spelled_out(title_words, title, title_spelled)) or named_genre or shape
        )
        never = self._never_evidence(file, doc_genre, title_words, name_words)
        # A README's or an index page's title is read as what the file is: reference;
        # a dated post's title names what it reports.
        posted = filed is Genre.REPORT
        fallback = named_genre if named_genre is Genre.REFERENCE or posted else shape
        if not title_words and named_genre in _NAMED_RECORDS:
            # "Internal Audit Report IA-03-2025 ….pdf" titled "IA-03-2025 Incident and
            # Problem Management": the name says the file reports on what its title names.
            fallback = named_genre
        vetoes = (title, stem)
        said = text_genre(title_words) or text_genre(name_words)
        folder = self._folder(found, file, never, said, vetoes)
        if folder is not None:
            # A dated file in a folder of records is one of them: its title names the
            # event ("Feature flags outage"), not a procedure.
            fallback = doc_genre = folder
        as_titled = Text(
            title,
            title_words,
            fallback,
            shape is Genre.REGISTER,
            False,
            title_spelled,
            first_part(self.lexicon, heading, title),
            occasion=occasion,
        )
        named = self._title(file, heading, as_titled, vetoes)
        self._add(found, named, MatchedBy.TITLE, f'title "{file.title}"', never)
        if not any(n.counted for n in named):
            # The file name is read when the title counts for nothing: it is often the
            # same name shortened, and a title that names an item outranks it.
            by_name = self._namer.named(
                Text(
                    stem,
                    name_words,
                    # "Change Management - Monthly Trends.pptx" titled "… Trend Analysis":
                    # the title says what kind of document the name is of.
                    _closing_genre(title, title_words) or fallback,
                    shape is Genre.REGISTER,
                    False,
                    stem_spelled,
                    first_part(self.lexicon, name, stem),
                    occasion=occasion,
                ),
                vetoes,
                NAME_ROLES,
            )
            if doc_genre in (None, Genre.DOCUMENT):
                by_name = [_bare_word(n) for n in by_name]
            elif only_genre(title, title_words):
                by_name = [self._as_titled(n, doc_genre) for n in by_name]
            self._add(found, by_name, MatchedBy.FILENAME, f'file name "{file.name}"', never)
            if not named and not by_name and text_genre(title_words) is not Genre.AGREEMENT:
                self._folder_subject(found, file, title, title_words, never)
            if not named and not by_name and never is None:
                self._instructed(found, file, doc_genre, (heading, title_words), (name, name_words))
        elif never is None and all(n.occurrence.role != "name" for n in named if n.counted):
            self._named_outright(found, file, named, stem, name_words, fallback, vetoes)
        for tokens, said_words in ((title, title_words), (stem, name_words)):
            if said_words and text_genre(said_words) is not Genre.AGREEMENT:
                # A title that says the file is a report ("Vendor Performance Review")
                # is not an agreement because its name mentions one ("… AMC Q2").
                break
            # A workbook of agreements ("Approved Online Services and Data Privacy
            # Agreements.xlsx") lists them: it is none of them.
            if text_genre(said_words) is Genre.AGREEMENT and shape is not Genre.REGISTER:
                # An agreement filed with the suppliers is one with a supplier, whatever
                # else it names ("Contrato 012-2025 (Anexo SLA)" under "Fornecedores/").
                self._folder_subject(found, file, tokens, said_words, never)
                break
        kind_only = only_genre(title, title_words)
        if (
            not found.counted_any
            and never is None
            and (not title_words or kind_only)
            and file.format in COVER_FORMATS
            # The lines at the head of a file named as a brochure or a training course
            # are what it sells or teaches ("- On-call scheduling - Post-mortems").
            and text_genre(name_words) is not Genre.REFERENCE
        ):
            # Only a title that says nothing of what the file is ("ACME IT SERVICES LTD"),
            # or only what kind it is ("Minutes", "Report"), leaves its name to a line at
            # its head; a "Performance Report" is a report whatever its first heading names.
            said_by_title = text_genre(title_words) if kind_only else None
            lines = labelled_title(file) or (first_line(file) if kind_only else head_lines(file))
            # A file name that says what kind of document it is ("Contract Amendment -
            # Change Order 4.pdf") says it of the lines at its head too.
            said = said_by_title or text_genre(name_words) or fallback
            cover = self._cover(found, lines, said, vetoes, said_by_title)
            doc_genre = said_by_title or cover or doc_genre
        numbered = never is None and self._numbered_record(
            found, numbered_as, MatchedBy.FILENAME, f'file name "{file.name}"'
        )
        if doc_genre is not Genre.REFERENCE:
            clauses = self._manual_clauses(file, doc_genre)
            for section in file.sections[:_MAX_SECTIONS]:
                clause = clauses.get(section.heading)
                self._section(found, file, section, doc_genre, never, vetoes, clause)
        elif shape is Genre.REGISTER:
            # "Competence and Training Workbook": a workbook its name calls training
            # material still holds the registers its sheets say they are ("Training
            # records"), though not a sheet named only for its subject ("Budget").
            for section in file.sections[:_MAX_SECTIONS]:
                if genre_words(self.lexicon, self.lexicon.cached(section.heading)):
                    self._section(found, file, section, doc_genre, never, vetoes)
        self._tables(found, file, shape if shape is Genre.REGISTER else doc_genre, never)
        found.genre = doc_genre
        body = BodyWords(self._content, file.text)
        self._narrowing.by_parts(found, file)
        self._narrowing.by_body(found, file, body)
        if found.has_parts:
            # "Work Order export - Facilities.csv": a word an item excludes in the file's
            # name rules its columns out, though the name names no item.
            parts = {link.item for link in found.links() if link.counted}
            ruled = self._namer.vetoed(parts, vetoes) | self._namer.ruled_out(vetoes)
            found.drop_parts_of_another(ruled, self._namer.broader)
        found.drop_broader(self._namer.broader, shape is Genre.REGISTER)
        if (
            file.format in _OUTLINE_FORMATS
            and not file.tables
            and not _CHARTS.intersection(title + stem)
            and is_outline(file.text)
        ):
            # An organisation chart or a RACI matrix printed to PDF is boxes of names,
            # never sentences; a procedure that is only headings is not written yet.
            found.unwritten_documents(
                self._items, "it is an outline: headings with no sentence under them"
            )
        if (
            file.format in PROSE_FORMATS
            and file.text
            and not file.tables
            and not numbered
            and not identified(file)
        ):
            # Prose with neither a date nor a table is about records, not one of them; an
            # undated log with entries is still a log, and its checks say the date is missing.
            found.undated_records(self._items)
        kept_by = self._functions.filed_with(file.path)
        if kept_by is not None:
            function, kept_in = kept_by
            found.filed_with_another_function(
                self._items, function, f'it is filed with {function} documents ("{kept_in}/")'
            )
        if never is None:
            self._targets.link(found, file)
            self._measures.link(found, file)
        if not found.counted_any and never is None:
            # A template or a stub suggests nothing; neither does content for an item
            # whose near miss already says why the file is not it.
            self._by_content(found, file, body)
        return FileRecognition(
            file.path,
            doc_genre.value if doc_genre else None,
            found.links(),
            found.misses,
            (),
            found.row_kinds(),
        )

    def _instructed(
        self,
        found: Found,
        file: EvidenceFile,
        doc_genre: Genre | None,
        titled: tuple[str, tuple[GenreWord, ...]],
        stemmed: tuple[str, tuple[GenreWord, ...]],
    ) -> None:
        """A how-to titled for the act it instructs ("Add GitHub User", "How to request
        a virtual machine"), when its title and file name name no item at all."""
        if file.format not in _INSTRUCTION_FORMATS or doc_genre not in _INSTRUCTION_GENRES:
            return
        places = ((titled, MatchedBy.TITLE, f'title "{file.title}"'),
                  (stemmed, MatchedBy.FILENAME, f'file name "{file.name}"'))  # fmt: skip
        for (text, said), how, where in places:
            if said and text_genre(said) is not Genre.PROCESS:
                continue  # "Add users - request form" is a form to fill in
            instructed = self._instructions.instructed(text)
            if instructed is None:
                continue
            act = f"{instructed.act} {instructed.thing}"
            found.link(
                Link(
                    instructed.item,
                    found.path,
                    how,
                    f"{where} instructs a request's fulfilment: "
                    f"'{instructed.act}' done on '{instructed.thing}'",
                    True,
                    None,
                    (how.value,),
                    False,
                    act,
                )
            )
            return

    def _named_outright(
        self,
        found: Found,
        file: EvidenceFile,
        named: list[Named],
        stem: Tokens,
        name_words: tuple[GenreWord, ...],
        fallback: Genre | None,
        vetoes: tuple[Tokens, ...],
    ) -> None:
        """A file name that names another item outright, in every word, over a title that
        names only subjects: "Internal Audit Report - SMS Change and Release.pdf" titled
        "GIA-2026-04 Change and Release" is the audit report, not records of releases."""
        subjects = {n.item for n in named if n.counted}
        outright = [
            n
            for n in self._namer.named(
                Text(stem, name_words, fallback, False, False, spelled(file.stem)),
                vetoes,
                NAME_ROLES,
            )
            if n.counted and n.exact and n.occurrence.role == "name" and n.item not in subjects
        ]
        if not outright:
            return
        for item in subjects:
            found.replace(item, f'the file name "{file.name}" says what the file is')
        self._add(found, outright, MatchedBy.FILENAME, f'file name "{file.name}"', None)

    def _title(
        self,
        file: EvidenceFile,
        heading: str,
        text: Text,
        vetoes: tuple[Tokens, ...],
    ) -> list[Named]:
        """What the title (read as ``text``) names: as written, else by its aside in
        brackets, else turned round where it names a record before its subject."""
        named = self._namer.named(text, vetoes)
        bracketed = aside(file.title or "") if text.tokens else ""
        if text.words and not bracketed.lower().startswith(_ADDING):
            bracketed = ""
        if bracketed and not any(n.counted for n in named):
            # "Improvement ideas (CSI register)": where the title counts for nothing and
            # says nothing of what the file is, the aside may; so may one that says what
            # else the file holds ("Board Minutes (incorporating SMS management review)").
            tokens = self.lexicon.cached(bracketed)
            named += self._namer.named(
                Text(tokens, genre_words(self.lexicon, tokens), text.fallback, False, False),
                vetoes,
            )
        if " / " in heading and not any(n.counted for n in named):
            # "Konfigurationsmanagement / Configuration Management Procedure": a title
            # written in two languages says it twice, and either half may be read alone.
            halves = [self.lexicon.cached(half) for half in heading.split(" / ", 1)]
            for tokens in halves:
                said = genre_words(self.lexicon, tokens)
                if said or not any(genre_words(self.lexicon, other) for other in halves):
                    named += self._namer.named(
                        Text(tokens, said, text.fallback, False, False), vetoes
                    )
        turned, turn = (
            record_first(self.lexicon, heading) if not any(n.counted for n in named) else ((), 0)
        )
        if turned:
            # Only a name the turn joins up counts ("BCP" + "Test Report"): the subject
            # alone was read already, and "Audit Report: Change and Incident" audits them.
            named += [
                n
                for n in self._namer.named(
                    Text(turned, genre_words(self.lexicon, turned), text.fallback, False, False),
                    vetoes,
                )
                if min(n.occurrence.positions) < turn <= max(n.occurrence.positions)
            ]
        return named

    def _cover(
        self,
        found: Found,
        lines: list[str],
        fallback: Genre | None,
        vetoes: tuple[Tokens, ...],
        titled: Genre | None = None,
    ) -> Genre | None:
        """Link what the first of ``lines`` at the head of the document that names an item
        names, when neither its title nor its file name did; the genre that line says.
        Under a title that only says the document's genre (``titled``), a line names only
        items of that genre."""
        for line in lines:
            tokens = self.lexicon.cached(line)
            said = genre_words(self.lexicon, tokens)
            # "Service continuity test - Managed Hosting - 12/09/2026" heads a record of
            # that day, as a dated file name does.
            dated = fallback in (None, Genre.DOCUMENT) and dated_name(line.replace("/", "-"))
            named = [
                n
                for n in self._namer.named(
                    Text(
                        tokens,
                        said,
                        Genre.REPORT if dated else fallback,
                        False,
                        False,
                        spelled(line),
                    ),
                    vetoes,
                )
                if n.counted and (titled is None or self._as_titled(n, titled).counted)
            ]
            if named:
                self._add(found, named, MatchedBy.TITLE, f'line "{line}" at its head', None)
                return text_genre(said)
        return None

    def _folder(
        self,
        found: Found,
        file: EvidenceFile,
        never: str | None,
        said: Genre | None,
        vetoes: tuple[Tokens, ...],
    ) -> Genre | None:
        """Record items named by the folder a dated file is filed in ("post-mortems/",
        "release-notes/", "incidents/2026/"), and the genre that gives the file.

        Only records, and only for a file whose name or content carries a date and whose
        own title does not say it is a policy, procedure or plan: a folder of incident
        procedures is not a folder of incidents.
        """
        dated = bool(file.record_dates or dated_name(file.name))
        if not dated or said in _NOT_RECORDS or never is not None:
            return None
        parts = file.path.split("/")[:-1]
        for folder in reversed(parts[-_FOLDER_DEPTH:]):
            tokens = self.lexicon.cached(folder)
            words_said = genre_words(self.lexicon, tokens)
            # "post-mortems/", "meeting-minutes/" say what they hold; a bare plural
            # ("incidents/") is a collection; "06-change-and-release/" is a process area.
            many = plural(folder)
            text = Text(tokens, words_said, Genre.REGISTER if many else None, many)
            named = [
                n
                # What the file's own title or name rules out ("GIA Report - Retail
                # Credit Origination Review" in "Group Internal Audit/"), its folder
                # does not bring back.
                for n in self._namer.named(text, vetoes)
                if n.counted and self._items[n.item].kind is Kind.RECORD
            ]
            if named:
                genre = next((n.genre for n in named if n.genre), None) or Genre.REGISTER
                if said is Genre.REGISTER and genre in _WRITTEN_RECORDS:
                    # "change review/ARC change log 2026.csv": a log is no review, wherever
                    # it is kept.
                    return None
                self._add(found, named, MatchedBy.FOLDER, f'folder "{folder}/"', None)
                return genre
        return None

    def _folder_subject(
        self,
        found: Found,
        file: EvidenceFile,
        title: Tokens,
        title_words: tuple[GenreWord, ...],
        never: str | None,
    ) -> None:
        """A title that says what a document is but not what about ("Support Manual",
        "Policy") takes its subject from the folder it is filed in
        ("incident_management/support_manual.md"), as a reader of the share would."""
        genre = text_genre(title_words)
        if genre not in (Genre.POLICY, Genre.PROCESS, Genre.PLAN, Genre.AGREEMENT):
            return  # records take their folder only when it is a folder of records
        folders = file.path.split("/")[:-1]
        if not folders:
            return
        if genre is Genre.AGREEMENT:
            # An agreement filed under "Suppliers/" is one with a supplier, whatever else
            # its title names ("Telstra Business Agreement"), and whichever word says it
            # is one ("Order Form", "Vertrag", "Contrato"); so is one in a folder of its
            # own under it ("Suppliers/LionNet Telecom/").
            title = self.lexicon.cached(Genre.AGREEMENT.value)
        named: list[Named] = []
        for folder in reversed(
            folders[-_AGREEMENT_FOLDER_DEPTH:] if genre is Genre.AGREEMENT else folders[-1:]
        ):
            tokens = (*self.lexicon.cached(folder), *title)
            said = genre_words(self.lexicon, tokens)
            named = [
                n
                for n in self._namer.named(
                    Text(tokens, said, None, False, False, spelled(folder)), ()
                )
                # One word of a folder's name ("oncall/") is where a page is filed, not
                # what a policy in it governs ("Alerting Principles").
                if n.counted
                and n.occurrence.start < len(tokens) - len(title)
                and (n.occurrence.size > 1 or genre is Genre.AGREEMENT)
                # The folder names the party an agreement is with when the two make one
                # name ("Suppliers" and an agreement: a supplier agreement); a folder on
                # a subject ("Service Level Management/") names no party.
                and (
                    genre is not Genre.AGREEMENT
                    or max(n.occurrence.positions) >= len(tokens) - len(title)
                )
            ]
            if named:
                break
        self._add(
            found, named, MatchedBy.FOLDER, f'folder "{folder}/" with title "{file.title}"', never
        )
        if genre is Genre.AGREEMENT and _counts(named) and never is None:
            # The agreement is the supplier's: an SLA schedule of its contract is what the
            # supplier owes, no agreement with the organisation's customers.
            ours = {n.item for n in named if n.counted}
            for link in found.links():
                if (
                    link.item not in ours
                    and link.counted
                    and link.section is None
                    and _an_agreement(self._items[link.item])
                ):
                    found.replace(link.item, f'it is filed with the suppliers ("{folder}/")')

    def _message(self, found: Found, file: EvidenceFile, heading: str) -> FileRecognition:
        """An e-mail records its day: a CAB's approval, a notice to customers, an invitation.

        It is evidence of records only, whichever kind the item keeps (a register's
        entry, a report, minutes): its subject's genre words say what it talks about
        ("RFC-1234 database upgrade"), not what it is. A subject that names a policy,
        procedure, plan, template or agreement announces or carries that document, so
        the e-mail is an announcement and counts for nothing by its subject.
        """
        title = self.lexicon.cached(heading)
        stem = self.lexicon.cached(file.stem)
        words = genre_words(self.lexicon, title)
        parts = first_part(self.lexicon, heading, title)
        document = announced(words, parts) or invitation(heading, file.stem)
        if document is not None:
            for n in self._namer.named(Text(title, words, None, False), (title, stem)):
                where = f"e-mail subject \"{file.title}\" names '{n.occurrence.phrase}'"
                found.miss(n.item, f"{where}, but {document}")
            found.genre = Genre.REFERENCE
            return FileRecognition(file.path, Genre.REFERENCE.value, (), found.misses, ())
        for text, how, where, roles, part in (
            (title, MatchedBy.TITLE, f'e-mail subject "{file.title}"', TITLE_ROLES, parts),
            (
                stem,
                MatchedBy.FILENAME,
                f'file name "{file.name}"',
                NAME_ROLES,
                first_part(self.lexicon, file.stem, stem),
            ),
        ):
            named = as_record(self._namer, self._items, text, (title, stem), roles, part)
            self._add(found, named, how, where, None)
            if any(n.counted for n in named):
                break
        # "PRB-0217 - root cause identified", "Request (REQ-55120).eml": a numbered record.
        subject = self._numbered.record(heading)
        if not self._numbered_record(
            found, subject, MatchedBy.TITLE, f'e-mail subject "{file.title}"'
        ):
            named_as = self._numbered.record(file.stem)
            self._numbered_record(found, named_as, MatchedBy.FILENAME, f'file name "{file.name}"')
        # Minutes sent by e-mail are minutes; any other message reports its day.
        found.genre = message_genre(words)
        body = BodyWords(self._content, file.text)
        self._narrowing.by_body(found, file, body)
        found.drop_broader(self._namer.broader)
        if not identified(file):
            found.undated_records(self._items)
        if not found.counted_any:
            self._by_content(found, file, body)
        return FileRecognition(file.path, found.genre.value, found.links(), found.misses, ())

    def _numbered_record(
        self, found: Found, numbered: Numbered | None, how: MatchedBy, where: str
    ) -> bool:
        """Link the record a name numbers ("RFC-0012 Upgrade", "PRB-0217 - …"), if any.

        A file counted already as a record of another kind, by its title or its folder,
        is numbered as one of those: "PIR 2026-03-14 … outage" in "Post-Incident Reviews/"
        reviews an incident, though "PIR" numbers post-implementation reviews as well."""
        if numbered is None:
            return False
        broader = self._namer.broader
        other_record = any(
            link.counted
            and link.item != numbered.item
            and self._items[link.item].kind is Kind.RECORD
            # A known error numbered as a problem ("PRB-0217 - known error published") is
            # both: one is the other's narrower kind.
            and numbered.item not in broader[link.item]
            and link.item not in broader[numbered.item]
            for link in found.links()
        )
        if not found.has(numbered.item) and not other_record:
            detail = f"{where} numbers it as one record ({numbered.prefix}…)"
            found.link(Link(numbered.item, found.path, how, detail, True, None, (how.value,)))
        return True

    def _declared_genre(self, file: EvidenceFile) -> Genre | None:
        """What a declared file is, by its title, name and shape: the declaration says
        which items it is evidence of, and its genre still decides which checks apply
        (a declared contract runs for a term, a declared register is kept current)."""
        shape = shape_genre(file)
        if shape is Genre.DOCUMENT:
            shape = purpose_genre(self.lexicon, file.text) or shape
        title = self.lexicon.cached((file.title or "").strip())
        stem = self.lexicon.cached(file.stem)
        if file.format in _MESSAGES:
            return message_genre(genre_words(self.lexicon, title))
        return (
            text_genre(genre_words(self.lexicon, title))
            or text_genre(genre_words(self.lexicon, stem))
            or shape
        )

    def _folder_genre(self, file: EvidenceFile) -> Genre | None:
        """Reference when a folder says so (training/, blog/, news/): what is kept there
        teaches or announces; it is not the organisation's procedure. A dated post in a
        blog or news folder reports what happened that day ("Mail outage")."""
        for folder in file.path.split("/")[:-1]:
            tokens = self.lexicon.cached(folder.strip("_"))
            if tokens in _POST_FOLDERS and (file.record_dates or dated_name(file.name)):
                return Genre.REPORT
            if tokens in self._reference_folders or tokens in _POST_FOLDERS:
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
        suffix = file.path.rsplit(".", 1)[-1].lower() if "." in file.name else ""
        if file.format == "other" and suffix in _PICTURES:
            return "a picture is not evidence on its own; declare it in evidence.yaml if it is"
        if file.format == "other" and suffix in _PROGRAMS:
            return "a program is not evidence; what it produces may be"
        if file.stem in _REPOSITORY_FILES:
            return "a file a code repository keeps by convention (how to contribute or report)"
        if any(w.genre is Genre.TEMPLATE for w in (*title, *name)):
            return "a template is evidence of nothing until it is filled in"
        parent = file.path.split("/")[-2] if "/" in file.path else ""
        if parent and _TEMPLATE_FOLDER.intersection(self.lexicon.cached(parent)):
            # "Templates/Service Management Plan.docx", "03 Templates for client/": a
            # folder of templates keeps them blank, whatever each is called.
            return f'it is filed with the templates ("{parent}/")'
        # A dated entry ("2023-12-13-ci-outage.md: ci is down, we are on it") is a record
        # however short; only an undated page of a dozen words is a stub.
        short_record = dated_name(file.name)
        if file.readable and file.format in PROSE_FORMATS and not file.tables and not short_record:
            size = _words_up_to(file.text, self._settings.document_min_words)
            if 0 < size < self._settings.document_min_words:
                return f"the document has only {size} words: a stub or a pointer to elsewhere"
        if (
            file.readable
            and file.format in SHEET_FORMATS
            and file.tables
            and not any(t.row_count for t in file.tables)
            and _words_up_to(file.text, _BLANK_SHEET_WORDS) < _BLANK_SHEET_WORDS
        ):
            # "Appendix 2 - Risk Treatment Table.xlsx" with its headers and no row.
            return "its tables have headers and no rows: a blank register records nothing"
        if file.readable and file.format in _INDEX_FORMATS and is_index(file.text):
            return "it is an index: a list of links to the documents themselves"
        if file.readable and file.format in PROSE_FORMATS:
            return unfilled_template(file.text[:MAX_BODY_CHARS])
        return None

    def _add(
        self,
        found: Found,
        named: list[Named],
        how: MatchedBy,
        where: str,
        never: str | None,
        section: str | None = None,
    ) -> None:
        for n in named:
            detail = f"{where} names '{n.occurrence.phrase}'"
            if n.occurrence.role == "clause":
                detail = f"{where} is {n.occurrence.phrase} in a management system manual"
            elif n.genre is not None and n.occurrence.role != "name":
                detail += f" in a {n.genre.value}"
            if not n.counted or never is not None:
                found.miss(n.item, f"{detail}, but {n.reason if not n.counted else never}")
                continue
            found.link(
                Link(
                    n.item,
                    found.path,
                    how,
                    detail,
                    True,
                    section,
                    (how.value,),
                    n.exact,
                    n.occurrence.phrase,
                )
            )

    def _section(
        self,
        found: Found,
        file: EvidenceFile,
        section: Section,
        doc_genre: Genre | None,
        never: str | None,
        vetoes: tuple[Tokens, ...],
        clause: ClauseHeading | None = None,
    ) -> None:
        heading = section.heading.strip()
        if heading.lower().startswith(_CROSS_REFERENCES):
            return  # "Link to IT Security Incident Management" points at another document
        if _control_heading(heading):
            return  # "Classification: Unrestricted", "Version: 2.1" label the document
        if not heading or heading == (file.title or "").strip() or heading[-1] in _SENTENCE_ENDS:
            # The heading that gave the title is read as the title; a heading that is a
            # sentence or a question is prose, not the name of a part.
            return
        sheet = section.kind is SectionKind.SHEET
        tables = [t for t in file.tables if t.section == section.heading]
        if sheet and tables and all(is_history_header(t.header) for t in tables):
            # A "Change log" sheet of Version, Date and Change is the workbook's own
            # revision history, not a log of the changes to a service.
            return
        rows = sum(t.row_count for t in tables)
        # A table in a clause of a contract or a policy is part of that clause: the
        # service levels of a statement of work are its agreement, not a register.
        # A manual's tables illustrate its clauses (criteria, a RACI, the kinds of
        # change); the registers themselves are kept apart.
        register = (sheet and rows > 0) or (
            rows >= _RECORD_SECTION_MIN_ROWS and doc_genre not in PROSE_ONLY and clause is None
        )
        fallback = Genre.REGISTER if register else doc_genre
        register_sheet = sheet and rows > 0
        label = section.label
        named = []
        body = file.text[section.start : section.end]
        # What the file as a whole was counted for: its sections are parts of that.
        whole = {
            link.item
            for link in found.links()
            if link.counted and link.section is None and link.matched_by in FILE_LEVEL
        }
        # A report's part that gives its figures line by line ("P2 response (1 h)  95%
        # 89.8%  Not met"), a table or not as the format kept it, reports what it heads:
        # "4. Availability" in a monthly service report.
        figures = doc_genre is Genre.REPORT and not sheet and _figures(body)
        if (register or figures) and not sheet and doc_genre is Genre.REPORT:
            # A report's table is more often its figures than a register: "SLA
            # performance" over a table of targets and results reports them.
            named = self._section_named(found, heading, doc_genre, False, vetoes, figures, whole)
        if not _counts(named):
            named = self._section_named(
                found, heading, fallback, register_sheet, vetoes, False, whole
            )
        if clause is not None and doc_genre is not None:
            named = self._clause_named(clause, named, doc_genre)
        if not named and sheet and section.caption:
            # A sheet named "Sheet1" in "Book1.xlsx" is named by its title row, not by an
            # aside in it ("Objectives FY2026 (approved at Management Review 15/04)").
            caption = without_aside(section.caption)
            named = self._section_named(
                found, caption, fallback, register_sheet, vetoes, False, whole
            )
            label = f'{label} titled "{section.caption}"'
        if not named:
            return
        size = len(body.split())
        # A clause of an agreement says its target in a sentence or two ("Availability:
        # 99.95 % a month, measured at the edge").
        min_words = self._settings.section_min_words
        if doc_genre is Genre.AGREEMENT:
            min_words = min(min_words, _CLAUSE_MIN_WORDS)
        kept: list[Named] = []
        for n in named:
            item = self._items[n.item]
            # The title named it too, though not enough on its own to count.
            named_whole = found.missed(n.item)
            # A manual's clause answers its own requirement, whatever the manual's genre.
            of_policy = doc_genre if clause is None else None
            why = self._part_of(n, item, of_policy, whole, rows, sheet, named_whole)
            if n.counted and why is not None:
                n = Named(n.item, n.occurrence, False, why, n.genre)
            elif n.counted and figures and not register and not item.match.in_figures:
                n = Named(
                    n.item,
                    n.occurrence,
                    False,
                    "its figures count these records; they are not the records",
                    n.genre,
                )
            elif n.counted and size < min_words and not rows and not figures:
                n = Named(
                    n.item, n.occurrence, False, f"the section has only {size} words", n.genre
                )
            elif (
                n.counted
                and item.kind is Kind.DOCUMENT
                and doc_genre in (None, Genre.DOCUMENT)
                and not whole
                and not sheet
                and not rows
                and not self._narrowing.mentions(n.item, _below_heading(body))
            ):
                # A page of a documentation site that is no policy, procedure or record
                # of the system: "Emergency Support Requests" over a phone number. A part
                # that never speaks of its subject below its heading only points at it.
                # In a document counted for an item, its parts are parts of that ("Plan
                # to achieve the objectives" under objectives says "O1 … O7").
                n = Named(
                    n.item,
                    n.occurrence,
                    False,
                    "its text never speaks of the subject its heading names",
                    n.genre,
                )
            elif (
                n.counted
                and item.kind is Kind.RECORD
                and Genre.DOCUMENT not in item.genres
                and rows < (_RECORD_SHEET_MIN_ROWS if sheet else _RECORD_SECTION_MIN_ROWS)
                and not (figures and Genre.REPORT in item.genres)
            ):
                n = Named(n.item, n.occurrence, False, "it holds no table of records", n.genre)
            kept.append(n)
        how = MatchedBy.SHEET if sheet else MatchedBy.SECTION
        self._add(found, kept, how, label, never, section.label)

    def _as_titled(self, named: Named, genre: Genre) -> Named:
        """A file name's link under a title that only says what kind of document the
        file is ("POLICY AND GUIDANCE" over "ISMS-04-01 Management Review.docx"): the
        name's own genre gives way to the title's, which the item must take."""
        if not named.counted or genre in self._items[named.item].genres:
            return named
        return Named(
            named.item,
            named.occurrence,
            False,
            f"its title says it is {with_article(genre.value)}, which this item is not",
            genre,
        )

    def _manual_clauses(self, file: EvidenceFile, genre: Genre | None) -> dict[str, ClauseHeading]:
        """The sections of a management system manual headed by the clauses they answer;
        nothing when the file is no manual (see ``clauses.py``)."""
        if genre not in MANUAL_GENRES or self._clauses.of_another_standard(file.title or ""):
            return {}
        read = {
            section.heading: clause
            for section in file.sections[:_MAX_SECTIONS]
            if section.kind is not SectionKind.SHEET
            and (clause := self._clauses.read(section.heading)) is not None
        }
        return read if len({c.clause for c in read.values()}) >= MIN_CLAUSES else {}

    def _clause_named(self, clause: ClauseHeading, named: list[Named], genre: Genre) -> list[Named]:
        """What a manual's section on ``clause`` names: the document of that clause it
        can be, when there is one ("7.4 Communication": the communication plan), or,
        of several, those its heading names ("8.6.1 Incident management"). Records are
        kept apart from the manual; a clause's register is not in its description."""
        ids = {item.id for item in self._clauses.documents(clause.clause, genre)}
        by_heading = [n for n in named if n.item in ids]
        others = [
            n
            for n in named
            if n.item not in ids and n.counted and genre in self._items[n.item].genres
        ]
        only = self._clauses.only_document(clause.clause, genre)
        answering = {n.item for n in by_heading} or ({only.id} if only is not None else set())
        answered = f"clause {clause.clause} {clause.title}"
        return [
            Named(item, Occurrence(item, "clause", answered, frozenset()), True, "", genre)
            for item in sorted(answering)
        ] + others

    def _section_named(
        self,
        found: Found,
        heading: str,
        fallback: Genre | None,
        register_sheet: bool,
        vetoes: tuple[Tokens, ...],
        figures: bool = False,
        whole: frozenset[str] | set[str] = frozenset(),
    ) -> list[Named]:
        def read(text: str, loosely: bool = False) -> list[Named]:
            tokens = self.lexicon.cached(text.strip())
            if not tokens:
                return []
            said = genre_words(self.lexicon, tokens)
            # A heading over figures is what they measure, one word or more ("Availability").
            loose = len(tokens) if (figures or loosely) and not said else 0
            return [
                n
                for n in self._namer.named(
                    Text(
                        tokens,
                        said,
                        fallback,
                        register_sheet,
                        True,
                        spelled(text),
                        loose_until=loose,
                    ),
                    # What rules an item out of the document ("EPRR Major Incident Plan")
                    # rules it out of the document's parts ("2. Declaring a major incident").
                    (tokens, *vetoes),
                )
                # A sheet of rows stands on its own ("SMS Objectives 2026" in a workbook of
                # registers), where a section is a part of one document, unless the document
                # is one the item's sections may be part of (the SMS manual's roles).
                if not found.has(n.item)
                and (
                    self._items[n.item].match.in_sections
                    or register_sheet
                    or not whole.isdisjoint(self._items[n.item].match.in_sections_of)
                )
            ]

        def read_loosely(text: str) -> list[Named]:
            return read(text, loosely=True)

        named = read(heading)
        if whole and not figures:
            named = self._in_sections_of(named, heading, read_loosely, whole)
        if " / " in heading and not _counts(named):
            # "2. SLA Performance / Rendement par rapport aux niveaux de service": a
            # heading in two languages, either half read alone.
            for half in heading.split(" / ", 1):
                named += read(half)
        return named

    def _in_sections_of(
        self,
        named: list[Named],
        heading: str,
        read_loosely: Callable[[str], list[Named]],
        whole: frozenset[str] | set[str],
    ) -> list[Named]:
        """What a part of a document counted for ``whole`` names when its heading is
        read as that document's part on its words, for the items whose sections such a
        document may hold: "5. Leadership, Organisation and Responsibilities" in the SMS
        manual assigns the roles, one word or more."""
        counted = {n.item for n in named if n.counted}
        again = {
            n.item: n
            for n in read_loosely(heading)
            if n.counted
            and n.item not in counted
            and not whole.isdisjoint(self._items[n.item].match.in_sections_of)
        }
        if not again:
            return named
        return [n for n in named if n.item not in again] + list(again.values())

    def _part_of(
        self,
        n: Named,
        item: Item,
        doc_genre: Genre | None,
        whole: set[str],
        rows: int,
        sheet: bool,
        named_whole: bool,
    ) -> str | None:
        """Why a section that names ``item`` is only a part of its document, if so.

        A policy's sections are clauses of that policy: "Information Security in
        Third-Party Relationships" in a supplier policy is not the security policy. A
        section that names a register without holding one describes it. A section on
        the broader subject of a document about a narrower one ("Incident Response
        Process" in a security incident plan) is that narrower subject again.
        """
        if sheet:
            return None
        if n.genre is Genre.REGISTER and rows < _RECORD_SECTION_MIN_ROWS:
            return "it describes the register and holds no table of its entries"
        if (
            doc_genre is Genre.POLICY
            and rows < _RECORD_SECTION_MIN_ROWS
            and not named_whole
            # A framework of the SMS's processes assigns their roles for the whole system.
            and whole.isdisjoint(item.match.in_sections_of)
        ):
            return "it is a clause of a policy on another subject"
        if (
            doc_genre in _WRITTEN_RECORDS
            and n.genre is not Genre.PLAN
            and not _RECORD_SHAPES.intersection(item.genres)
        ):
            # "Pre-release process" in an incident retrospective sets out what happened
            # against the process, which is described elsewhere. A plan may be made in a
            # review: "Capacity plan for 2027" in a capacity report.
            return f"it is a part of a {doc_genre.value}"
        narrower = next(
            (w for w in whole if item.id in self._namer.broader.get(w, frozenset())), None
        )
        if narrower is not None:
            return f"the document is about the narrower {narrower}"
        agreement = next(
            (
                w
                for w in whole
                if w != item.id and _an_agreement(self._items[w]) and _an_agreement(item)
            ),
            None,
        )
        if doc_genre is Genre.AGREEMENT and agreement is not None:
            # The service levels of a supplier's contract are what the supplier owes:
            # a clause of that contract, not an agreement with customers.
            return f"it is a clause of the agreement the document is ({agreement})"
        return None

    def _tables(
        self, found: Found, file: EvidenceFile, genre: Genre | None, never: str | None
    ) -> None:
        if genre not in _RECORD_SHAPES:
            return  # a table inside a procedure illustrates it; it is not an export
        for index, table in enumerate(file.tables[:_MAX_TABLES]):
            for match in self._exports.kinds(table, index):
                self._export(found, file, table, match, never)

    def _export(
        self, found: Found, file: EvidenceFile, table: Table, match: ExportMatch, never: str | None
    ) -> None:
        in_sheet = file.format in _WORKBOOKS and table.section
        where = f'sheet "{table.section}"' if in_sheet else None
        detail = f"{match.detail}; {count_of(table.row_count, 'row')}"
        whole = self._whole(found) if match.by_columns else None
        part = whole not in (None, match.item) and file.format not in _STANDALONE_TABLES
        if never is not None:
            found.miss(match.item, f"{detail}, but {never}")
            return
        if part:
            found.miss(match.item, f"{detail}, but it is a table of the {whole} it is part of")
            return
        if not found.has(match.item):
            found.link(
                Link(match.item, file.path, MatchedBy.COLUMNS, detail, True, where, ("columns",))
            )
        else:
            found.also(match.item, "columns")
        if match.rows is not None:
            found.kinds.append(match.rows)

    @staticmethod
    def _whole(found: Found) -> str | None:
        """What the document as a whole was counted for: a register told only by its
        columns, inside it, is a part of it (the risk table of an information security
        risk assessment is not the SMS risk register). A sheet or a CSV stands alone."""
        return next(
            (
                link.item
                for link in found.links()
                if link.counted and link.section is None and link.matched_by in FILE_LEVEL
            ),
            None,
        )

    def _by_content(self, found: Found, file: EvidenceFile, words: BodyWords) -> None:
        if not file.text:
            return
        for score in self._content.best_in(words.get(), self._settings.content_min_score):
            if found.has(score.item) or found.missed(score.item):
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


def _closing_genre(title: Tokens, said: tuple[GenreWord, ...]) -> Genre | None:
    """The genre a title ends on ("… Monthly Trend Analysis"); a genre word that only
    qualifies what follows it ("Database: Disaster Recovery") says nothing."""
    if said and ends_title(title, said[-1].end):
        return said[-1].genre
    return None


def _filled_in(words: tuple[GenreWord, ...], tokens: Tokens) -> tuple[GenreWord, ...]:
    """The genre words of a form's name once it is filled in: "form" is no longer a
    template's word; "template" or "blank" still is ("RFC-0000 Template")."""
    return tuple(
        w for w in words if w.genre is not Genre.TEMPLATE or tokens[w.start : w.end] != _FORM
    )


def _an_agreement(item: Item) -> bool:
    """Whether ``item`` is an agreement (an SLA, a contract), not a part one may hold."""
    return item.genres[:1] == (Genre.AGREEMENT,)


def _figures(text: str) -> bool:
    """Whether a section is mostly figures: at least three of its lines, and one in
    three, give a percentage ("Citrix Virtual Apps  99.5%  99.74%"). Release notes
    that mention a 30 % saving among fifty changes are prose."""
    found = lines = 0
    for line in text.split("\n", _MAX_FIGURE_SCAN)[1:_MAX_FIGURE_SCAN]:
        if not line.strip():
            continue
        lines += 1
        if "%" in line and any(c.isdigit() for c in line):
            found += 1
    return found >= _FIGURE_LINES and found * _FIGURE_SHARE >= lines


def _counts(named: list[Named]) -> bool:
    return any(n.counted for n in named)


def _control_heading(heading: str) -> bool:
    """Whether a heading is a line of the document's control ("Version: 2.1") or its
    marking ("Document Information Classification: Unrestricted"), not a part's name."""
    label, colon, value = heading.rpartition(":")
    if not colon or not value.strip() or len(value.split()) > _MARKING_WORDS:
        return False
    return label.strip().lower().endswith(_MARKINGS) or labelled(heading) is not None


def _below_heading(section_text: str) -> str:
    """A section's text without its heading line."""
    return section_text.partition("\n")[2]


def _dated_name(file: EvidenceFile, title: str) -> bool:
    return dated_name(file.name) or (bool(title) and dated_name(title))


def _rows(file: EvidenceFile) -> int:
    return sum(t.row_count for t in file.tables[:_MAX_TABLES])


def _words_up_to(text: str, enough: int) -> int:
    """The number of words in ``text``, counted exactly only while it is under ``enough``:
    telling a stub from a document must not split a two-megabyte text on every file."""
    head = text[: enough * 40].split()
    return len(head) if len(head) >= enough else len(text.split())


def _bare_word(named: Named) -> Named:
    """A file name that gives one word of what an otherwise unplaced file is about
    ("roles.md", "during_an_incident.md") is a lead to read, not evidence."""
    if not named.counted or named.occurrence.size > 1:
        return named
    return replace(
        named, counted=False, reason="a file name of one bare word is too little to go on"
    )
