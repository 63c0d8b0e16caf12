"""The answers a consultant recorded at interview: the filled questionnaire, read once.

The file is the workbook ``iso20k interview`` wrote (``.xlsx``), the same columns as CSV,
or a YAML list of answers. Every answer keeps the file and row it came from, so that each
output can show the testimony as such and a reader can find it again. The file is the
client's, so it is read with bounds: its size, the rows read, the length of a cell.
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import io
from collections.abc import Iterable, Iterator, Sequence
from enum import StrEnum
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from iso20k_cli.errors import Iso20kError

MAX_ANSWERS_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5_000
"""Rows read, header included: a questionnaire has a few dozen questions."""
MAX_CELL = 2_000
"""Characters kept of a cell; an answer is a word, a reference or a name."""
HEADER_SEARCH_ROWS = 20
"""Rows searched for the header (a title may sit above it)."""

SHEET = "Questions"
"""The questionnaire's sheet in the workbook."""


class AnswersError(Iso20kError):
    """The answers file cannot be used."""


class Reply(StrEnum):
    """An answer, where the question asks for a choice."""

    YES = "yes"
    NO = "no"
    NOT_APPLICABLE = "not_applicable"
    UNDOCUMENTED = "undocumented"
    """The practice exists but is not written down."""

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    Reply.YES: "yes",
    Reply.NO: "no",
    Reply.NOT_APPLICABLE: "not applicable",
    Reply.UNDOCUMENTED: "exists but undocumented",
}
_SPELLINGS = {
    **{label: reply for reply, label in _LABELS.items()},
    **{reply.value: reply for reply in Reply},
    "y": Reply.YES,
    "n": Reply.NO,
    "n/a": Reply.NOT_APPLICABLE,
    "na": Reply.NOT_APPLICABLE,
    "not-applicable": Reply.NOT_APPLICABLE,
    "does not apply": Reply.NOT_APPLICABLE,
    "exists, but undocumented": Reply.UNDOCUMENTED,
    "exists but not documented": Reply.UNDOCUMENTED,
}
CHOICES = tuple(_LABELS[reply] for reply in Reply)
"""The answers offered in the workbook's list, in its order."""

# The workbook's columns, in order; the header names them, and a reader finds them by name.
COLUMNS = (
    "question id",
    "clause",
    "question",
    "who to ask",
    "answer",
    "evidence reference",
    "interviewee",
    "date",
    "notes",
)
_REQUIRED = ("question id", "answer")


class Answer(BaseModel):
    """One answered question, as interview evidence."""

    model_config = ConfigDict(frozen=True)

    question: str
    """The question's id: ``clause:5.1``, ``condition:supplier-disputes``, ``item:<id>``."""
    answer: Reply
    reference: str | None = None
    """Where the evidence shown at interview is kept (a path, a system, a document name)."""
    interviewee: str | None = None
    date: dt.date | None = None
    notes: str | None = None
    source: str
    """The answers file."""
    row: int
    """Its row (a workbook's row number, a CSV file's line)."""

    @property
    def label(self) -> str:
        return self.answer.label

    @property
    def where(self) -> str:
        """The answers file's name and the row (or line) of the answer."""
        return f"{Path(self.source).name} {_unit(self.source)} {self.row}"

    @property
    def testimony(self) -> str:
        """Who said it, when, and where it is written: for any output."""
        parts = [
            self.interviewee or "an interviewee not named",
            *((self.date.isoformat(),) if self.date else ()),
            self.where,
        ]
        return ", ".join(parts)


class Answers(BaseModel):
    model_config = ConfigDict(frozen=True)

    path: str
    answers: tuple[Answer, ...] = ()

    def by_question(self) -> dict[str, Answer]:
        return {a.question: a for a in self.answers}

    def check_questions(self, known: Iterable[str]) -> None:
        """Every answer must answer a question the catalogue can ask; else the nearest id."""
        known_ids = set(known)
        ids = sorted(known_ids)
        for answer in self.answers:
            if answer.question in known_ids:
                continue
            near = difflib.get_close_matches(answer.question, ids, n=1, cutoff=0.6)
            hint = (
                f"; did you mean '{near[0]}'?"
                if near
                else (" (question ids look like clause:5.1, condition:<name> or item:<item id>)")
            )
            raise AnswersError(
                f"{_unit(answer.source)} {answer.row}: unknown question id "
                f"'{answer.question}'{hint}",
                path=answer.source,
            )


def read_answers(path: Path) -> Answers:
    """The answers in ``path`` (.xlsx; .csv with the same columns; or .yaml)."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise AnswersError("answers file not found", path=path) from None
    except OSError as exc:
        raise AnswersError(f"cannot read the answers file: {exc.strerror}", path=path) from None
    if not path.is_file():
        raise AnswersError("is not a file", path=path)
    if size > MAX_ANSWERS_BYTES:
        raise AnswersError(
            f"larger than {MAX_ANSWERS_BYTES // (1024 * 1024)} MB; an answers file is a "
            "questionnaire, not read",
            path=path,
        )
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        rows = _xlsx_rows(path)
    elif suffix == ".csv":
        rows = _csv_rows(path)
    elif suffix in (".yaml", ".yml"):
        rows = _yaml_rows(path)
    else:
        raise AnswersError(
            "answers are read from the questionnaire workbook (.xlsx), a CSV file (.csv) or "
            "a YAML file (.yaml)",
            path=path,
        )
    return Answers(path=str(path), answers=tuple(_answers(path, rows)))


def _xlsx_rows(path: Path) -> Iterator[tuple[int, Sequence[object]]]:
    import openpyxl

    from iso20k_cli.evidence.extract.base import Unreadable
    from iso20k_cli.evidence.zipguard import check_archive

    try:
        check_archive(path)
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Unreadable as exc:
        raise AnswersError(f"cannot read the workbook: {exc}", path=path) from None
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds on a damaged file
        raise AnswersError(f"cannot read the workbook: {exc}", path=path) from None
    try:
        sheet = workbook[SHEET] if SHEET in workbook.sheetnames else workbook.worksheets[0]
        for number, row in enumerate(sheet.iter_rows(values_only=True, max_row=MAX_ROWS), 1):
            yield number, row[: len(COLUMNS) * 2]
    finally:
        workbook.close()


def _csv_rows(path: Path) -> Iterator[tuple[int, Sequence[object]]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise AnswersError("is not UTF-8 text", path=path) from None
    reader = csv.reader(io.StringIO(text))
    try:
        for row in reader:
            if reader.line_num > MAX_ROWS:
                break
            yield reader.line_num, row[: len(COLUMNS) * 2]
    except csv.Error as exc:
        raise AnswersError(f"line {reader.line_num}: {exc}", path=path) from None


_YAML_KEYS = {
    "question": "question id",
    "answer": "answer",
    "reference": "evidence reference",
    "interviewee": "interviewee",
    "date": "date",
    "notes": "notes",
}
"""The keys of an answer in YAML, and the workbook column each stands for."""


def _yaml_rows(path: Path) -> Iterator[tuple[int, Sequence[object]]]:
    """Answers kept as YAML (next to the evidence, under version control): a list of
    mappings, or ``answers:`` holding one; each is numbered by its line."""
    from iso20k_cli.yamlio import line_of, read_yaml

    loaded = read_yaml(path, AnswersError)
    data = loaded.data
    entries = data.get("answers") if isinstance(data, dict) else data
    if not isinstance(entries, list):
        raise AnswersError(
            "expected a list of answers (question: ..., answer: ...), or 'answers:' holding one",
            path=path,
        )
    prefix: list[int | str] = ["answers"] if isinstance(data, dict) else []
    yield 0, tuple(_YAML_KEYS.values())
    for index, entry in enumerate(entries[:MAX_ROWS]):
        line = line_of(loaded.tree, [*prefix, index]) or index + 1
        if not isinstance(entry, dict):
            raise AnswersError(
                f"line {line}: an answer is a mapping (question: ..., answer: ...)", path=path
            )
        unknown = sorted(str(key) for key in entry if key not in _YAML_KEYS)
        if unknown:
            known = ", ".join(_YAML_KEYS)
            raise AnswersError(f"line {line}: unknown key '{unknown[0]}' ({known})", path=path)
        yield line, tuple(entry.get(key) for key in _YAML_KEYS)


def _unit(path: Path | str) -> str:
    """How a place in the file is named: a workbook's row, a text file's line."""
    return "row" if str(path).lower().endswith(".xlsx") else "line"


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    # One line of printable text: a cell is shown on terminals and in reports.
    text = "".join(ch if ch.isprintable() else " " for ch in str(value)[:MAX_CELL])
    return " ".join(text.split())


def _answers(path: Path, rows: Iterator[tuple[int, Sequence[object]]]) -> Iterator[Answer]:
    columns: dict[str, int] | None = None
    seen: dict[str, int] = {}
    for number, row in rows:
        if columns is None:
            names = [_text(cell).lower() for cell in row]
            if "question id" in names:
                columns = {name: names.index(name) for name in COLUMNS if name in names}
                missing = [name for name in _REQUIRED if name not in columns]
                if missing:
                    raise AnswersError(
                        f"{_unit(path)} {number}: the header has no '{missing[0]}' column",
                        path=path,
                    )
            elif number >= HEADER_SEARCH_ROWS:
                break
            continue
        cells = {name: row[index] if index < len(row) else None for name, index in columns.items()}
        question = _text(cells.get("question id"))
        reply = _text(cells.get("answer"))
        if not reply:
            continue  # not asked yet, or not answered
        if not question:
            raise AnswersError(f"{_unit(path)} {number}: an answer with no question id", path=path)
        if question in seen:
            raise AnswersError(
                f"{_unit(path)} {number}: question '{question}' is answered again (first at "
                f"{_unit(path)} {seen[question]})",
                path=path,
            )
        seen[question] = number
        yield Answer(
            question=question,
            answer=_reply(path, number, reply),
            reference=_text(cells.get("evidence reference")) or None,
            interviewee=_text(cells.get("interviewee")) or None,
            date=_date(path, number, cells.get("date")),
            notes=_text(cells.get("notes")) or None,
            source=str(path),
            row=number,
        )
    if columns is None:
        raise AnswersError(
            f"no header row with a 'question id' column in the first {HEADER_SEARCH_ROWS} rows; "
            "write the questionnaire with 'iso20k interview DIR -o questions.xlsx' and fill it in",
            path=path,
        )


def _reply(path: Path, row: int, text: str) -> Reply:
    reply = _SPELLINGS.get(text.lower().strip(" ."))
    if reply is None:
        choices = ", ".join(CHOICES)
        raise AnswersError(
            f"{_unit(path)} {row}: '{text[:60]}' is not an answer this tool reads ({choices})",
            path=path,
        )
    return reply


def _date(path: Path, row: int, value: object) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = _text(value)
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise AnswersError(
            f"{_unit(path)} {row}: date '{text[:40]}' is not in the form YYYY-MM-DD", path=path
        ) from None
