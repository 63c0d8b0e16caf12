"""Extractors, one module per format, imported only when a file of that format is seen.

Each module turns a file into an :class:`Extracted`; the finishing steps shared by
every format (a document-control block in the text, record dates from the file
name, the order in which sources win) happen here, once.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from iso20k_cli.evidence.datereader import DateReader, orders_shown
from iso20k_cli.evidence.dates import (
    DateOrder,
    NamedDates,
    date_at_start,
    named_dates,
    scan_date,
)
from iso20k_cli.evidence.doccontrol import (
    HEAD_LINES,
    Labelled,
    labelled_lines,
    merge,
    parse_labelled,
)
from iso20k_cli.evidence.extract.base import (
    MAX_SECTIONS,
    MAX_TABLES,
    MAX_TEXT_CHARS,
    Extracted,
    Unreadable,
)
from iso20k_cli.evidence.extract.tables import DateColumns
from iso20k_cli.evidence.extract.timebound import MAX_READ_SECONDS, TooSlow, time_bound
from iso20k_cli.evidence.history import document_history, text_history
from iso20k_cli.evidence.model import ControlSource, DocumentControl, EvidenceFile, Section
from iso20k_cli.evidence.scan import Candidate
from iso20k_cli.evidence.signatures import signature_control

# suffix -> (format name, extractor module, or None when the content is not read)
_FORMATS: dict[str, tuple[str, str | None]] = {
    ".md": ("markdown", "markdown"),
    ".markdown": ("markdown", "markdown"),
    ".mdx": ("markdown", "markdown"),
    ".rst": ("rst", "restructured"),
    ".adoc": ("asciidoc", "asciidoc"),
    ".asciidoc": ("asciidoc", "asciidoc"),
    ".txt": ("text", "text"),
    ".text": ("text", "text"),
    ".pdf": ("pdf", "pdf"),
    ".docx": ("docx", "word"),
    ".docm": ("docx", "word"),
    ".xlsx": ("xlsx", "excel"),
    ".xlsm": ("xlsx", "excel"),
    ".pptx": ("pptx", "powerpoint"),
    ".csv": ("csv", "delimited"),
    ".tsv": ("csv", "delimited"),
    ".html": ("html", "webpage"),
    ".htm": ("html", "webpage"),
    # A SharePoint page saved from the browser keeps its .aspx name and is HTML.
    ".aspx": ("html", "webpage"),
    ".doc": ("doc", "legacyword"),
    ".xls": ("xls", "legacyexcel"),
    ".ppt": ("ppt", "legacypowerpoint"),
    ".odt": ("odt", "opendocument"),
    ".ods": ("ods", "odspreadsheet"),
    ".rtf": ("rtf", "richtext"),
    ".msg": ("msg", None),
    ".eml": ("eml", "message"),
}
_SPREADSHEETS = frozenset({"xlsx", "csv", "xls", "ods"})
_CONVERT_HINTS = {
    ".msg": "Outlook .msg files are not read; save the message as .eml or PDF",
}


def extract(candidate: Candidate, date_order: DateOrder | None = None) -> EvidenceFile:
    """Read one file; whatever is wrong with it becomes an error on the result, never a crash.

    ``date_order`` reads numeric dates such as 03/04/2026 whose order of day and month
    the file does not show by its other dates (see :class:`DateReader`)."""
    suffix = Path(candidate.rel).suffix.lower()
    fmt, module_name = _FORMATS.get(suffix, ("other", None))
    if candidate.skip_reason is not None:
        return _finish(
            candidate, fmt, Extracted(unreadable=candidate.skip_reason, failure=True), date_order
        )
    if module_name is None:
        hint = _CONVERT_HINTS.get(
            suffix, f"{suffix or 'files without an extension'} files are not read"
        )
        return _finish(
            candidate,
            fmt,
            Extracted(unreadable=f"{hint}; recognised by file name only"),
            date_order,
        )
    module = importlib.import_module(f"{__name__}.{module_name}")
    read: Callable[[Candidate], Extracted] = module.extract
    try:
        with time_bound(MAX_READ_SECONDS):
            extracted = read(candidate)
    except TooSlow:
        extracted = Extracted(
            unreadable=f"reading it took longer than {MAX_READ_SECONDS:g} s (a damaged or "
            "crafted file?) and was stopped",
            failure=True,
        )
    except Unreadable as exc:
        extracted = Extracted(unreadable=str(exc), failure=True)
    except MemoryError:
        extracted = Extracted(unreadable="too large to read in memory", failure=True)
    except Exception as exc:  # noqa: BLE001 - parsers of hostile files raise anything
        extracted = Extracted(unreadable=f"could not be read: {_describe(exc)}", failure=True)
    return _finish(candidate, fmt, extracted, date_order)


def load_readers(rels: Iterable[str]) -> None:
    """Import the readers of the formats among ``rels`` now: a process forked after this
    shares them, where each worker would otherwise import its own (python-docx, openpyxl
    and pypdf take about 0.2 s of processor time together)."""
    for name in {_FORMATS.get(Path(rel).suffix.lower(), ("other", None))[1] for rel in rels}:
        if name is not None:
            importlib.import_module(f"{__name__}.{name}")


def _describe(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    name = type(exc).__name__
    return f"{name}: {text[:200]}" if text else name


_DATE_LABELS = frozenset({"approved", "review_due", "record_date", "period"})


def _labelled_dates(lines: Iterable[Labelled | None]) -> Iterator[str]:
    """The values of labelled date lines ("Approved: 25/04/2026"), for the file's order."""
    for found in lines:
        if found is not None and found[0] in _DATE_LABELS:
            yield date_at_start(found[2])


def _finish(
    candidate: Candidate, fmt: str, ex: Extracted, date_order: DateOrder | None
) -> EvidenceFile:
    lines = ex.text.splitlines()
    head = lines[:HEAD_LINES]
    # The file's dates that can only be read one way settle the order of the others.
    columns = DateColumns(ex.date_cells)
    # Each line labelled once: the order of day and month and the control read the same.
    control_lines, head_lines = labelled_lines(ex.control_lines), labelled_lines(head)
    labels = orders_shown(scan_date(v) for v in _labelled_dates([*control_lines, *head_lines]))
    # "Test Report 21.06.2026.docx": the name is the file's too, and shows its order.
    named = named_dates(candidate.rel.rsplit("/", 1)[-1])
    shown = columns.shows() | labels | named.shows()
    reader = DateReader(date_order).shown_by(shown)
    in_tables, table_dates = parse_labelled(control_lines, reader.read)
    in_head, head_dates = parse_labelled(head_lines, reader.read)
    in_columns = tuple(sorted(set(ex.column_dates) | columns.dates(reader)))
    # What the document says, in order of trust: a control block (labelled lines,
    # a control table, a page header), its revision history, its signature block.
    in_text = merge(
        in_tables,
        in_head,
        ex.history,
        document_history(ex.tables, spreadsheet=fmt in _SPREADSHEETS),
        # A PDF keeps no tables, only their lines of text.
        text_history(lines) if not ex.tables and fmt not in _SPREADSHEETS else DocumentControl(),
        signature_control(lines, ex.tables) if fmt not in _SPREADSHEETS else DocumentControl(),
    )
    text_dates = table_dates or head_dates
    name_dates, name_unread = _name_dates(named, reader)
    # Property dates stand in for what the document says: a template's "created"
    # can be years older than the document. When the document dates its approval
    # or last revision, those dates replace them.
    said = tuple(d for d in (in_text.approved, in_text.revised) if d is not None)
    property_dates = said if said and ex.metadata_dates else ex.metadata_dates
    # Explicit dates first, then registers' date columns, then what the name says,
    # then labelled dates in the text; property dates are a last resort because a
    # copy or a save changes them.
    front_control, front_dates = _open_dates(ex, reader)
    explicit = tuple(sorted({*ex.record_dates, *front_dates}))
    # A name's date left unread ("CAB Minutes 10-11-2026.docx") still says when the
    # meeting was; a template's "created", years before, would say otherwise.
    fallback = () if name_unread else property_dates
    record_dates = explicit or in_columns or name_dates or text_dates or fallback
    return EvidenceFile(
        path=candidate.rel,
        format=fmt,
        size=candidate.size,
        readable=ex.unreadable is None,
        error=ex.unreadable,
        title=ex.title,
        title_source=ex.title_source,
        text=ex.text[:MAX_TEXT_CHARS],
        sections=_within(ex.sections, min(len(ex.text), MAX_TEXT_CHARS)),
        tables=tuple(ex.tables[:MAX_TABLES]),
        control=merge(
            front_control.tagged(ControlSource.FRONT_MATTER),
            in_text,
            ex.metadata.tagged(ControlSource.PROPERTIES),
        ),
        record_dates=tuple(sorted(set(record_dates))),
        declared=ex.declared,
        warnings=tuple(ex.warnings),
        read_failure=ex.failure,
        unread_dates=reader.unresolved.count,
        unread_date_examples=reader.unresolved.examples,
        dates_shown=tuple(sorted(shown)),
    )


def _name_dates(named: NamedDates, reader: DateReader) -> tuple[tuple[dt.date, ...], bool]:
    """The dates of the file's name, its numeric ones read in the file's order; and
    whether one of them could not be (it is then noted on ``reader``)."""
    days = set(named.dates)
    unread = False
    for text, found in named.numeric:
        day = reader.resolve(found, text)
        if isinstance(day, str):
            reader.unresolved.add(day)
            unread = True
        elif day is not None:
            days.add(day)
    return tuple(sorted(days)), unread


def _open_dates(ex: Extracted, reader: DateReader) -> tuple[DocumentControl, tuple[dt.date, ...]]:
    """Front-matter control and record dates with the dates that waited for the file's
    order of day and month; one still unsettled is noted on ``reader``, not guessed."""
    read = {key: day for key, text in ex.open_dates.items() if (day := reader.read(text))}
    fields = {k: v for k, v in read.items() if k in ("approved", "review_due")}
    control = ex.control.model_copy(update=fields) if fields else ex.control
    dates = tuple(d for k, d in read.items() if k not in ("approved", "review_due"))
    return control, dates


def _within(sections: list[Section], length: int) -> tuple[Section, ...]:
    """Sections of the text kept: those past the cut are dropped, the one it cuts is ended."""
    return tuple(
        s if s.end <= length else s.model_copy(update={"end": length})
        for s in sections[:MAX_SECTIONS]
        if s.start <= length
    )


def reads_content(rel: str) -> bool:
    """Whether a file of this name has its content read (not only its name listed)."""
    return _FORMATS.get(Path(rel).suffix.lower(), ("other", None))[1] is not None
