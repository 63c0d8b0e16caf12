"""Rich Text Format (.rtf) evidence: body text and tables in order, headings, page headers
and footers, the information group, as the Word readers read theirs.

RTF is text: groups in braces, control words (``\\par``), control symbols (``\\'e9``)
and plain characters. One hand-written pass over the characters reads it, each
character looked at a bounded number of times, so the work is linear in the file
whatever it holds (a million braces, a million backslashes, a huge ``\\bin``).
Groups that are no body text (fonts, colours, styles, pictures, objects, field
instructions, footnotes, comments, every ``{\\*...}`` group) are skipped; page
headers and footers are read apart, for a document-control block only.

Headings are paragraphs with an outline level, or in a style named "heading N"
(with the Title style as the title); a document with none gets its numbered
heading lines as sections, as a legacy Word file does. Table rows
(``\\cell`` ... ``\\row``) become tables, each row also a line of cells joined by
" | ".
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
from dataclasses import dataclass, field

from iso20k_cli.evidence.doccontrol import table_lines
from iso20k_cli.evidence.extract.base import (
    MAX_TABLES,
    MAX_TEXT_CHARS,
    Extracted,
    Unreadable,
    metadata_control,
    useful_title,
)
from iso20k_cli.evidence.extract.structure import Mark, clean_heading, outline, placed_tables
from iso20k_cli.evidence.scan import Candidate

# Groups inside groups: a written document nests a few dozen deep; more is crafted.
MAX_DEPTH = 1_000
# Page headers and footers hold a control block in a few lines; more is not one.
MAX_HEADER_CHARS = 100_000
MAX_INFO_CHARS = 1_000  # a title or an author
MAX_STYLE_NAME_CHARS = 200
MAX_CELLS = 1_024  # per row
MAX_WORD_LETTERS = 32  # the longest control word the specification allows
MAX_DIGITS = 10  # a parameter is a signed 16- or 32-bit number
# A control table comes first; later tables are registers (as in the Word reader).
CONTROL_TABLES = 2
_EARLIEST = dt.date(1980, 1, 1)

# One character class, searched from a position: it cannot backtrack.
_SPECIAL = re.compile(r"[\\{}]")

# Where the text of a group goes.
_SKIP, _BODY, _HEADER, _INFO, _FIELD, _TIME, _STYLES, _STYLE, _FONTS = range(9)

_SKIPPED = frozenset(
    {
        "colortbl", "listtable", "listoverridetable", "pict",
        "object", "themedata", "datastore", "xmlnstbl", "generator", "rsidtbl", "fldinst",
        "footnote", "annotation", "filetbl", "revtbl", "latentstyles", "pgdsctbl",
        "listpicture", "shp", "shpinst", "shptxt", "nonshppict", "xe", "tc", "txe",
        "ftnsep", "ftnsepc", "aftnsep", "aftnsepc", "ftncn", "aftncn", "template",
        "userprops", "docvar", "bkmkstart", "bkmkend", "objdata", "mmathPr",
        "atnid", "atnauthor", "atrfstart", "atrfend", "comment", "passwordhash", "do",
        "background", "protusertbl", "wgrffmtfilter", "pnseclvl", "pn", "falt", "panose",
    }
)  # fmt: skip
_PAGE_PARTS = frozenset(
    {"header", "headerl", "headerr", "headerf", "footer", "footerl", "footerr", "footerf"}
)
_BREAKS = frozenset({"par", "line", "sect", "page"})
_SYMBOLS = {
    "emdash": "\u2014", "endash": "\u2013", "lquote": "\u2018", "rquote": "\u2019",
    "ldblquote": "\u201c", "rdblquote": "\u201d", "bullet": "\u2022", "emspace": " ",
    "enspace": " ", "qmspace": " ",
}  # fmt: skip
_CHARSETS = {"mac": "mac_roman", "pc": "cp437", "pca": "cp850", "ansi": "cp1252"}
# A font's character set (\fcharsetN) decides the code page of its \'hh bytes: Word
# writes Czech text in a "Calibri CE" font of set 238 even in a cp1252 document.
_FONT_CODEPAGES = {
    77: "mac_roman", 128: "cp932", 129: "cp949", 130: "cp1361", 134: "cp936", 136: "cp950",
    161: "cp1253", 162: "cp1254", 163: "cp1258", 177: "cp1255", 178: "cp1256",
    186: "cp1257", 204: "cp1251", 222: "cp874", 238: "cp1250", 255: "cp437",
}  # fmt: skip
_LITERALS = {"\\": "\\", "{": "{", "}": "}", "~": " ", "_": "-"}
_HEX = frozenset("0123456789abcdefABCDEF")
# Control characters left in text (a tab is kept).
_CONTROLS: dict[int, None] = {c: None for c in range(32) if c != 9}


@dataclass(slots=True)
class _State:
    """What a group inherits from its parent and loses at its closing brace."""

    dest: int
    uc: int = 1
    style: int = 0
    outline: int | None = None
    intbl: bool = False
    key: str = ""  # the information field or date being read; "list" in list numbers
    font: int | None = None  # None: the document's default font

    def copy(self) -> _State:
        return _State(self.dest, self.uc, self.style, self.outline, self.intbl, self.key, self.font)


@dataclass
class _Style:
    name: str = ""
    outline: int | None = None


@dataclass
class _Flow:
    """Paragraphs and table rows of the body, or of the page headers and footers."""

    limit: int
    styles: dict[int, _Style]
    lines: list[str] = field(default_factory=list)
    length: int = 0
    paragraphs: list[tuple[int, str]] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)
    headings: bool = False
    """Whether any paragraph is a heading (a Title paragraph alone does not count)."""
    title: str | None = None
    first_heading: str | None = None
    tables: list[tuple[int, list[list[str]]]] = field(default_factory=list)
    buffer: list[str] = field(default_factory=list)
    cell: list[str] = field(default_factory=list)
    row: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    used: int = 0
    """Characters written so far, a mark of a cell or row counting as one."""

    @property
    def full(self) -> bool:
        return self.used >= self.limit

    def write(self, text: str) -> None:
        if self.used < self.limit:
            text = text[: self.limit - self.used]
            self.buffer.append(text)
            self.used += len(text)

    def _take(self) -> str:
        text = "".join(self.buffer).translate(_CONTROLS).strip()
        self.buffer.clear()
        return text

    def _add(self, line: str, paragraph: bool = True) -> int:
        offset = self.length + (1 if self.lines else 0)
        self.lines.append(line)
        self.paragraphs.append((offset, line if paragraph else ""))
        self.length = offset + len(line)
        return offset

    def end_paragraph(self, state: _State) -> None:
        text = self._take()
        self.used += 1
        if state.intbl:
            if text:
                self.cell.append(text)
            return
        self.end_table()
        if not text:
            return
        offset = self._add(text)
        level, title = _heading(state, self.styles)
        if level is None:
            return
        self.marks.append(Mark(level, clean_heading(text), offset))
        if title:
            self.title = self.title or text
        else:
            self.headings = True
            self.first_heading = self.first_heading or text

    def end_cell(self) -> None:
        self.cell.append(self._take())
        if len(self.row) < MAX_CELLS:
            self.row.append(" ".join(" ".join(self.cell).split()))
        self.cell.clear()
        self.used += 1

    def end_row(self) -> None:
        if self.cell or self.buffer:
            self.end_cell()
        if any(self.row):
            self.rows.append(self.row)
        self.row = []
        self.used += 1

    def end_table(self) -> None:
        if self.row or self.cell:
            self.end_row()
        if not self.rows:
            return
        offset = self.length + (1 if self.lines else 0)
        if len(self.tables) < MAX_TABLES:
            self.tables.append((offset, self.rows))
        for row in self.rows:
            self._add(" | ".join(c for c in row if c), paragraph=False)
        self.rows = []

    def finish(self, state: _State) -> None:
        self.end_paragraph(_State(state.dest))
        self.end_table()


def _heading(state: _State, styles: dict[int, _Style]) -> tuple[int | None, bool]:
    """The heading level of a paragraph (None for body text), and whether it is the Title."""
    style = styles.get(state.style)
    name = style.name if style is not None else ""
    if name == "title":
        return 1, True
    level = state.outline
    if level is None and style is not None:
        level = style.outline
        kind, _, number = name.partition(" ")
        if kind == "heading" and number.isdigit() and 1 <= int(number) <= 9:
            level = int(number) - 1
    if level is None or not 0 <= level <= 8:
        return None, False  # level 9 is body text
    return level + 1, False


class _Reader:
    """One pass over a document's characters (its bytes, one character each)."""

    def __init__(self) -> None:
        self.styles: dict[int, _Style] = {}
        self.body = _Flow(MAX_TEXT_CHARS, self.styles)
        self.header = _Flow(MAX_HEADER_CHARS, self.styles)
        self.info: dict[str, str] = {}
        self.times: dict[str, dict[str, int]] = {}
        self.codec = "cp1252"
        self.fonts: dict[int, str] = {}  # font number: code page, for fonts that name one
        self.default_font = 0
        self.font_entry = 0
        self.stack: list[_State] = []
        self.state = _State(_BODY)
        self.pending = bytearray()  # \'hh bytes, decoded together (a code page may need two)
        self.fallback = 0  # characters still to skip after a \uN
        self.high: int | None = None  # a high surrogate waiting for its low half
        self.entry = _Style()
        self.entry_number = 0
        self.closed = False
        self.cut = False

    def read(self, data: str) -> None:
        pos, size = 0, len(data)
        while pos < size and not self.body.full:
            found = _SPECIAL.search(data, pos)
            stop = found.start() if found else size
            if stop > pos:
                self._text(data[pos:stop])
                pos = stop
                continue
            char = data[pos]
            if char == "{":
                self._open()
                pos += 1
            elif char == "}":
                pos += 1
                if self._close():
                    self.closed = True
                    break
            else:
                pos = self._control(data, pos + 1)
        self._flush()
        self.body.finish(self.state)
        self.header.finish(self.state)

    # --- groups ------------------------------------------------------------------------

    def _open(self) -> None:
        self._flush()
        self.fallback = 0
        if len(self.stack) >= MAX_DEPTH:
            raise Unreadable(
                f"damaged or crafted RTF file: groups nested too deeply (more than {MAX_DEPTH:,})"
            )
        child = self.state.copy()
        if child.dest == _STYLES:
            child.dest = _STYLE
            self.entry, self.entry_number = _Style(), 0
        self.stack.append(self.state)
        self.state = child

    def _close(self) -> bool:
        """Ends a group; True when it was the document's outermost."""
        self._flush()
        self.fallback = 0
        if not self.stack:
            return True
        closing, self.state = self.state, self.stack.pop()
        if closing.dest == _STYLE and self.state.dest == _STYLES:
            name = self.entry.name.strip().rstrip(";").split(",")[0]
            self.styles[self.entry_number] = _Style(
                " ".join(name.lower().split()), self.entry.outline
            )
        elif closing.dest == _HEADER and self.state.dest != _HEADER:
            self.header.finish(closing)
        return not self.stack

    # --- text --------------------------------------------------------------------------

    def _text(self, run: str) -> None:
        self._flush()
        if "\r" in run or "\n" in run:
            run = run.replace("\r", "").replace("\n", "")  # line ends in the file are not text
        if self.fallback:
            skipped = min(self.fallback, len(run))
            self.fallback -= skipped
            run = run[skipped:]
        if run:
            self._write(run)

    def _write(self, text: str) -> None:
        dest = self.state.dest
        if self.high is not None:
            text = "\ufffd" + text  # a high surrogate with no low half after it
            self.high = None
        if dest == _BODY:
            self.body.write(text)
        elif dest == _HEADER:
            self.header.write(text)
        elif dest == _FIELD:
            value = self.info.get(self.state.key, "")
            if len(value) < MAX_INFO_CHARS:
                self.info[self.state.key] = value + text
        elif dest == _STYLE and len(self.entry.name) < MAX_STYLE_NAME_CHARS:
            self.entry.name += text

    def _flush(self) -> None:
        if self.pending:
            font = self.state.font
            codec = self.fonts.get(self.default_font if font is None else font, self.codec)
            text = self.pending.decode(codec, errors="replace")
            self.pending.clear()
            self._write(text)

    def _unicode(self, value: int) -> None:
        value &= 0xFFFF  # written as a signed 16-bit number: -8217 is U+DFE7
        if 0xD800 <= value < 0xDC00:
            if self.high is not None:
                self._write("")  # the earlier high half had no low half
            self.high = value
            return
        if 0xDC00 <= value < 0xE000:
            if self.high is None:
                self._write("\ufffd")
                return
            high, self.high = self.high, None
            self._write(chr(0x10000 + ((high - 0xD800) << 10) + (value - 0xDC00)))
            return
        self._write(chr(value))

    # --- control words and symbols -----------------------------------------------------

    def _control(self, data: str, at: int) -> int:
        """Reads the control word or symbol after a backslash at ``at - 1``; where it ends."""
        size = len(data)
        if at >= size:
            return size
        char = data[at]
        if not ("a" <= char <= "z" or "A" <= char <= "Z"):
            return self._symbol(data, at)
        end = at
        while end < size and ("a" <= data[end] <= "z" or "A" <= data[end] <= "Z"):
            end += 1
        word = data[at:end]
        digits_at = end + 1 if end + 1 < size and data[end] == "-" else end
        stop = digits_at
        while stop < size and "0" <= data[stop] <= "9":
            stop += 1
        param: int | None = None
        if stop > digits_at:
            digits = data[digits_at:stop]
            if len(digits) <= MAX_DIGITS:
                param = -int(digits) if digits_at > end else int(digits)
        else:
            stop = end  # a minus sign with no digits is text
        if stop < size and data[stop] == " ":
            stop += 1  # the space that ends a control word is part of it
        if word == "bin":
            # A count too long to be a number runs past the end of any file.
            count = size if param is None and stop > digits_at else max(param or 0, 0)
            if stop + count > size:
                self.cut = True
            return min(size, stop + count)
        if len(word) > MAX_WORD_LETTERS:
            return stop
        self._flush()
        if self.fallback and word != "u":
            self.fallback -= 1  # a control word stands for one character of a fallback
            return stop
        self._word(word, param)
        return stop

    def _symbol(self, data: str, at: int) -> int:
        char = data[at]
        if char == "'":
            hex_digits = data[at + 1 : at + 3]
            if len(hex_digits) == 2 and hex_digits[0] in _HEX and hex_digits[1] in _HEX:
                if self.fallback:
                    self.fallback -= 1
                elif self.state.dest != _SKIP:
                    self.pending.append(int(hex_digits, 16))
                return at + 3
            return at + 1
        self._flush()
        if self.fallback:
            self.fallback -= 1
            return at + 1
        if char == "*":
            self.state.dest = _SKIP  # an ignorable destination: none is body text
        elif char in ("\n", "\r"):
            self._word("par", None)
        elif char in _LITERALS:
            self._write(_LITERALS[char])
        return at + 1

    def _word(self, word: str, param: int | None) -> None:
        state = self.state
        if state.dest == _SKIP:
            return
        if word in _SKIPPED:
            state.dest = _SKIP
            return
        flow = self.body if state.dest == _BODY else self.header if state.dest == _HEADER else None
        if word in _BREAKS:
            if flow is not None:
                flow.end_paragraph(state)
        elif word == "tab":
            self._write(" " if state.key == "list" else "\t")
        elif word == "cell":
            if flow is not None:
                flow.end_cell()
        elif word == "row":
            if flow is not None:
                flow.end_row()
        elif word == "nestcell":
            self._write(" ")
        elif word == "intbl":
            state.intbl = True
        elif word == "pard":
            state.style, state.outline, state.intbl = 0, None, False
        elif word == "s":
            if state.dest == _STYLE:
                self.entry_number = param or 0
            else:
                state.style = param or 0
        elif word == "outlinelevel":
            if state.dest == _STYLE:
                self.entry.outline = param
            else:
                state.outline = param
        elif word == "uc":
            state.uc = max(param if param is not None else 1, 0)
        elif word == "u":
            if param is not None:
                self._unicode(param)
                self.fallback = state.uc
        elif word in _SYMBOLS:
            self._write(_SYMBOLS[word])
        else:
            self._setting(word, param)

    def _setting(self, word: str, param: int | None) -> None:
        """Destinations and document settings: code page, page parts, information."""
        state = self.state
        if word in _PAGE_PARTS:
            state.dest = _HEADER
            state.intbl = False
        elif word in ("listtext", "pntext") and state.dest in (_BODY, _HEADER):
            state.key = "list"
        elif word == "stylesheet":
            state.dest = _STYLES
        elif word == "fonttbl":
            state.dest = _FONTS
        elif word == "f" and param is not None:
            if state.dest == _FONTS:
                self.font_entry = param
            else:
                state.font = param
        elif word == "fcharset" and state.dest == _FONTS and param in _FONT_CODEPAGES:
            self.fonts[self.font_entry] = _FONT_CODEPAGES[param]
        elif word == "plain":
            state.font = None
        elif word == "deff" and param is not None:
            self.default_font = param
        elif word == "info":
            state.dest = _INFO
        elif state.dest == _INFO and word in ("title", "author"):
            state.dest, state.key = _FIELD, word
        elif state.dest == _INFO and word in ("creatim", "revtim"):
            state.dest, state.key = _TIME, word
            self.times[word] = {}
        elif state.dest == _TIME and word in ("yr", "mo", "dy") and param is not None:
            self.times[state.key][word] = param
        elif word == "ansicpg" and param is not None:
            self.codec = _codec(param)
        elif word in _CHARSETS and not self.stack[1:]:
            self.codec = _CHARSETS[word]


def _codec(codepage: int) -> str:
    if codepage == 65001:
        return "utf-8"
    try:
        return codecs.lookup(f"cp{codepage}").name
    except LookupError:
        return "cp1252"


def _date(parts: dict[str, int]) -> dt.date | None:
    try:
        day = dt.date(parts.get("yr", 0), parts.get("mo", 0), parts.get("dy", 0))
    except (ValueError, OverflowError):  # \yr9999999999 is beyond any calendar
        return None
    return day if day >= _EARLIEST else None


def read_rtf(raw: bytes) -> Extracted:
    """The content of an RTF document given as its bytes."""
    start = raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw
    start = start.lstrip(b" \t\r\n")
    if not start.startswith(b"{\\rtf"):
        raise Unreadable("not an RTF file: it does not begin with {\\rtf")
    reader = _Reader()
    # Latin-1 maps each byte to one character: \bin counts and \'hh bytes stay bytes.
    reader.read(start.decode("latin-1"))
    return _finish(reader)


def extract(candidate: Candidate) -> Extracted:
    return read_rtf(candidate.path.read_bytes())


def _finish(reader: _Reader) -> Extracted:
    body = reader.body
    control_lines: list[str] = []
    for _, rows in body.tables[:CONTROL_TABLES]:
        control_lines.extend(table_lines(rows))
    # Control blocks often live in the page header or footer.
    header = reader.header
    control_lines.extend(line for (_, line) in header.paragraphs if line)
    for _, rows in header.tables:
        control_lines.extend(table_lines(rows))
    text = "\n".join(body.lines)
    sections = outline(body.marks, body.headings, body.paragraphs, len(text))
    info_title = reader.info.get("title")
    title, source = useful_title(info_title), "metadata"
    if title is None and (heading := body.title or body.first_heading):
        title, source = clean_heading(heading), "heading"
    if title is None:
        first = next((line for _, line in body.paragraphs if line), "")
        title, source = (first, "first line") if 3 <= len(first) <= 120 else (None, "")
    dates = tuple(sorted({d for parts in reader.times.values() if (d := _date(parts))}))
    warnings = []
    if reader.cut or (not reader.closed and not body.full):
        warnings.append("the RTF file ends before its last group closes (cut short?)")
    return Extracted(
        text=text,
        sections=sections,
        tables=placed_tables(body.tables, sections),
        title=title,
        title_source=source if title else None,
        metadata=metadata_control(owner=reader.info.get("author")),
        control_lines=control_lines,
        metadata_dates=dates,
        warnings=warnings,
    )
