"""Document control written inside a document: a control table or a block of labelled lines.

Extractors turn tables into "Label: value" lines (a two-column row, or a header row
over a value row), so one set of patterns serves Word, Excel, PDF, HTML and text.
Only the head of a document is searched: control blocks sit on the first page,
and further down "approved" and "version" mean other things.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from itertools import islice

from iso20k_cli.evidence.dates import date_at_start, dates_in_name, parse_date
from iso20k_cli.evidence.frontmatter import normalise_status
from iso20k_cli.evidence.history import is_history_header
from iso20k_cli.evidence.intervals import review_months
from iso20k_cli.evidence.model import ControlSource, DocStatus, DocumentControl
from iso20k_cli.evidence.names import person

HEAD_LINES = 120

# Order matters: a longer label before the shorter one it starts with ("approved by"
# before "approved", "revision date" before "revision", "last review date" before
# "review date").
_LABELS: tuple[tuple[str, str], ...] = (
    ("approver", r"approved\s+by|approver|authori[sz]ed\s+by|signed\s+off\s+by"),
    (
        "revised",
        r"last\s+revised(?:\s+on)?|last\s+reviewed(?:\s+on)?|last\s+updated(?:\s+on)?|"
        # Notion's page property.
        r"last\s+edited(?:\s+time|\s+on)?|"
        r"last\s+review(?:\s+date)?|last\s+modified|date\s+(?:last\s+)?revised|"
        r"date\s+(?:last\s+)?reviewed|date\s+of\s+last\s+review|revision\s+date|"
        r"date\s+of\s+revision|revised\s+on|reviewed\s+on|updated\s+on|revised|reviewed",
    ),
    (
        "review_months",
        r"review\s+(?:frequency|cycle|interval|period)|frequency\s+of\s+review",
    ),
    (
        "review_due",
        r"next\s+review(?:\s+date)?|review\s+due(?:\s+date)?|due\s+for\s+review|"
        r"review\s+by|review\s+date",
    ),
    (
        "approved",
        r"approval\s+date|approved\s+date|date\s+approved|date\s+of\s+approval|"
        r"approved\s+on|approved|date\s+of\s+issue|issue\s+date|date\s+issued|issued\s+on|"
        r"issued|effective\s+date|effective\s+from|effective\s+on|date\s+effective|effective",
    ),
    ("version", r"document\s+version|version(?:\s+no\.?|\s+number)?|revision|rev\.?"),
    ("owner", r"document\s+owner|process\s+owner|owner|prepared\s+by|author"),
    ("status", r"document\s+status|status"),
    ("doc_id", r"document\s+(?:id|ref(?:erence)?|number|no\.?)|doc(?:ument)?\s*id|reference"),
    (
        "record_date",
        r"meeting\s+date|date\s+of\s+meeting|report\s+date|date\s+of\s+report|"
        r"audit\s+date|date\s+of\s+(?:the\s+)?audit|date\s+of\s+review|"
        r"assessment\s+date|date\s+of\s+assessment|test\s+dates?|date\s+of\s+test|"
        r"exercise\s+date|incident\s+date|date\s+of\s+(?:the\s+)?incident|outage\s+date|"
        r"date\s+of\s+(?:the\s+)?outage|date\s+held|date",
    ),
    ("period", r"reporting\s+period|period\s+covered|audit\s+period|period"),
)
# Each label alone, anchored; the separator and the value are found with string
# methods. One pattern over the whole line ("label, separator, lazy value, trailing
# spaces") backtracked cubically on a label followed by thousands of spaces.
_LABEL_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (key, re.compile(rf"\s*(?:\*\*|__)?(?:{pattern})(?:\*\*|__)?", re.IGNORECASE))
    for key, pattern in _LABELS
)
# Every label at once: most lines start with none, and are then passed over in one match.
_ANY_LABEL = re.compile(
    rf"\s*(?:\*\*|__)?(?:{'|'.join(f'(?:{pattern})' for _, pattern in _LABELS)})",
    re.IGNORECASE,
)
_SEPARATORS = frozenset(":|=–—-")
_RANGE_WORDS = frozenset({"to", "until", "through", "–", "—", "-"})
MAX_VALUE_CHARS = 500  # a control value is a name, a date or a number: longer is prose
_DATED = frozenset({"approved", "review_due", "revised", "record_date"})


# Verbs a record's sentence dates its event with, a date following ("held on 12/03/2026").
_HELD = (" conducted on ", " conducted ", " held on ", " carried out on ", " took place on ")
_HELD_CHARS = 2000
_HELD_ENDS = tuple(verb.strip() for verb in _HELD)
_HELD_DATE_CHARS = 40
# Sentences of one line read for a dated label after the first.
_MAX_SENTENCES = 4


def labelled(line: str) -> tuple[str, str, str] | None:
    """(field, label as written, value) of a "Label: value" line, or None.

    The value follows a separator (``:``, ``|``, ``=``, a dash) or, for a number such
    as a version, just spaces; a trailing table pipe and spaces are not part of it.
    """
    if _ANY_LABEL.match(line) is None:
        return None
    for key, pattern in _LABEL_PATTERNS:
        match = pattern.match(line)
        if match is None:
            continue
        rest = line[match.end() :]
        after = rest.lstrip()
        if after[:1] in _SEPARATORS and after:
            value = after[1:]
        elif after != rest and (
            after[:1].isdigit() or (after[:1] in "vV" and after[1:2].isdigit())
        ):
            value = after
        else:
            continue
        value = value.strip().removesuffix("|").strip()
        if not value:
            continue
        label = match[0].strip().strip("*_").strip()
        return key, label, value[:MAX_VALUE_CHARS]
    return None


def _range(value: str) -> tuple[str, str] | None:
    """The two ends of "1 August 2026 to 30 September 2026", split at the first word
    that joins them."""
    words = value.split()
    for index in range(1, len(words) - 1):
        if words[index].lower() in _RANGE_WORDS:
            return " ".join(words[:index]), " ".join(words[index + 1 :])
    return None


_VERSION = re.compile(r"\bv?(\d+(?:\.\d+){0,3}[a-z]?)\b", re.IGNORECASE)


def table_lines(rows: Sequence[Sequence[str]]) -> list[str]:
    """'Label: value' lines from a table: label/value rows, and header rows over values."""
    cleaned = [[" ".join(c.split()) for c in row] for row in rows]
    lines: list[str] = []
    for index, row in enumerate(cleaned):
        cells = [c for c in row if c]
        if is_history_header(cells):
            # A revision history's header over its first (oldest) row would read as
            # the document's version and approver: history.py reads its latest row.
            continue
        labels = [_is_label(c) for c in cells]
        pairs = (
            len(cells) >= 2 and len(cells) % 2 == 0 and labels[0::2] == [True] * (len(cells) // 2)
        )
        if pairs and not any(labels[1::2]):
            lines.extend(f"{cells[i]}: {cells[i + 1]}" for i in range(0, len(cells), 2))
        elif sum(labels) >= 2 and len(labels) - sum(labels) <= 1 and index + 1 < len(cleaned):
            # A header of control labels (one other column at most, a title): a
            # register's header ("Change | Raised | Owner | Status") names its entries.
            below = cleaned[index + 1]
            if not any(_is_label(c) for c in below if c) and not _entries(cleaned[index + 2 :]):
                lines.extend(f"{h}: {v}" for h, v in zip(row, below, strict=False) if h and v)
        elif len(cells) == 2:
            lines.append(f"{cells[0]}: {cells[1]}")
    return lines


def _entries(rows: Sequence[Sequence[str]]) -> bool:
    """Whether a second row of values follows the first: a register's header over its
    entries ("Change | Owner | Status"), whose first entry says nothing of the file."""
    after = [c for c in rows[0] if c] if rows else []
    return len(after) >= 2 and not any(_is_label(c) for c in after)


def _is_label(cell: str) -> bool:
    found = labelled(f"{cell}: x")
    return found is not None and found[1].lower() == cell.strip(" *_:").lower()


def _clean(value: str) -> str:
    return value.strip().strip("*_`").strip()


Labelled = tuple[str, str, str]


def labelled_lines(lines: Iterable[str]) -> list[Labelled | None]:
    """:func:`labelled` of each line, a Markdown table row ("| Status | Draft |") read
    like "Status | Draft"; then any dated label that opens a later sentence of the line
    ("Reference: INC0012345. Date of incident: 05/06/2026.")."""
    result: list[Labelled | None] = []
    carried = ""  # a line that ended on such a verb: a PDF breaks its lines anywhere
    for raw in lines:
        line = raw.strip().strip("|")
        result.append(labelled(line))
        lowered = line[:_HELD_CHARS].lower()
        if carried or (
            "conducted" in lowered
            or "held on" in lowered
            or "carried out" in lowered
            or "took place" in lowered
        ):
            held = _held_on(f"{carried} {line}" if carried else line)
            if held is not None:
                result.append(held)
        carried = line[-_HELD_DATE_CHARS:] if lowered.rstrip(" ,").endswith(_HELD_ENDS) else ""
        cut = line.find(". ")
        if cut < 0 or ":" not in line[cut:]:
            continue  # no later sentence with a label: most lines, read at no cost
        for sentence in line[cut + 2 :].split(". ", _MAX_SENTENCES - 1)[: _MAX_SENTENCES - 1]:
            found = labelled(sentence.strip())
            if found is not None and found[0] in _DATED:
                result.append(found)
    return result


def _held_on(line: str) -> Labelled | None:
    """The date a sentence says its event took place ("Audit of change management,
    conducted 14/04/2026 - 02/05/2026 by ..."), as a record date; string search over
    the start of the line only."""
    lowered = f" {line[:_HELD_CHARS].lower()} "
    for verb in _HELD:
        at = lowered.find(verb)
        if at >= 0:
            start = at + len(verb) - 1  # the leading space added above
            words = line[start : start + _HELD_DATE_CHARS].split(maxsplit=3)
            if words and words[0][:1].isdigit():
                # "22/07/2026 by the team", "14 April 2026 at": the date, not what follows.
                size = 1 if not words[0].isdigit() else 3
                return "record_date", verb.strip(), " ".join(words[:size]).rstrip(".,;")
    return None


def parse_control(
    lines: Iterable[str], read_date: Callable[[str], dt.date | None] = parse_date
) -> tuple[DocumentControl, tuple[dt.date, ...]]:
    """Document control and labelled record dates (a meeting or report date, a period),
    dates read with ``read_date`` (the file's order of day and month)."""
    return parse_labelled(labelled_lines(islice(lines, HEAD_LINES)), read_date)


def parse_labelled(
    lines: Iterable[Labelled | None], read_date: Callable[[str], dt.date | None] = parse_date
) -> tuple[DocumentControl, tuple[dt.date, ...]]:
    """:func:`parse_control` of lines already labelled (:func:`labelled_lines`), of which
    the first :data:`HEAD_LINES` are read."""
    found: dict[str, object] = {}
    record_dates: list[dt.date] = []
    for line in islice(lines, HEAD_LINES):
        if line is None:
            continue
        key, value = line[0], _clean(line[2])
        if not value:
            continue
        if key in _DATED:
            value = date_at_start(value)
        if key in ("approved", "review_due", "revised"):
            parsed = read_date(value)
            if parsed is not None:
                found.setdefault(key, parsed)
        elif key == "record_date":
            if (parsed := read_date(value)) is not None:
                record_dates.append(parsed)
            elif ends_text := _range(value):
                # "Test dates: 2026-09-28 to 2026-10-02": the days it ran.
                spans = (read_date(date_at_start(end)) for end in ends_text)
                record_dates.extend(d for d in spans if d is not None)
        elif key == "period":
            ends_text = _range(value)
            ends = [read_date(date_at_start(end)) for end in ends_text] if ends_text else []
            if any(ends):
                record_dates.extend(d for d in ends if d is not None)
            else:  # "Q3 2026", "July-September 2026": the forms file names use
                record_dates.extend(dates_in_name(value))
        elif key == "version":
            if version := _VERSION.search(value):
                found.setdefault("version", version[1])
        elif key == "status":
            status = normalise_status(value)
            if status is not DocStatus.UNKNOWN:
                found.setdefault("status", status)
                found.setdefault("status_text", value)
        elif key == "review_months":
            if (months := review_months(value)) is not None:
                found.setdefault(key, months)
        elif key in ("owner", "approver"):
            if (name := person(value)) is not None:
                found.setdefault(key, name)
        else:
            found.setdefault(key, value[:120])
    control = DocumentControl.model_validate(found).tagged(ControlSource.CONTROL_BLOCK)
    return control, tuple(sorted(set(record_dates)))


def merge(*controls: DocumentControl) -> DocumentControl:
    """Field by field, the first control that has a value wins, with where it was read."""
    merged: dict[str, object] = {}
    sources: dict[str, ControlSource] = {}
    for control in controls:
        # The fields' values as model_dump gives them (none is a model), at less cost.
        for key, value in control.__dict__.items():
            if value is not None and key not in merged and key != "sources":
                merged[key] = value
                if key in control.sources:
                    sources[key] = control.sources[key]
    return DocumentControl.model_validate({**merged, "sources": sources})
