"""AsciiDoc evidence (Antora sites, handbooks): the header for document control, section
titles, ``|===`` tables and an index page's list of cross-references.

The header is the document title (``= Title``), an author line, a revision line
(``v1.2, 2026-03-01: remark``) and attribute entries (``:revdate:``, ``:owner:``);
its fields are read as Markdown front-matter is. Listing, literal, passthrough and
comment blocks are left out of the text; example, sidebar, quote and open blocks keep
theirs. A delimited block that is never closed is not a block: only its opening line
is passed over, so it cannot swallow the rest of the page.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from iso20k_cli.evidence.extract.adocinline import strip_inline
from iso20k_cli.evidence.extract.base import Extracted
from iso20k_cli.evidence.extract.lightmarkup import MAX_TABLE_LINES, Page, link_entry, read_page
from iso20k_cli.evidence.scan import Candidate

_SKIPPED_BLOCKS = frozenset("-.+/`")  # listing, literal, passthrough, comment, fenced code
_KEPT_BLOCKS = frozenset("=*_")  # example, sidebar, quote
_TABLE_SEPARATORS = "|!,:"
_CODE_STYLES = frozenset(
    {"source", "listing", "literal", "stem", "latexmath", "asciimath", "plantuml", "graphviz",
     "mermaid", "ditaa", "pass", "comment"}
)  # fmt: skip
_LIST_MARKS = "*-."
_MAX_HEADING_MARKS = 6
_MAX_MACRO_NAME = 30
_MAX_ATTRIBUTES = 1000
# Attribute names that say something about the document as a control block would.
_LABELS = {
    "revnumber": "Version",
    "revdate": "Revision date",
    "revremark": "Revision remark",
    "authors": "Author",
}


def extract(candidate: Candidate) -> Extracted:
    return read_page(candidate, parse, label=label)


def label(name: str) -> str:
    """An attribute's name as a document-control label ("review-date": "Review date"); an
    Antora page attribute is named without its prefix ("page-owner": "Owner")."""
    name = name.lower().removeprefix("page-")
    text = _LABELS.get(name, name.replace("-", " ").replace("_", " ").strip())
    return text[:1].upper() + text[1:]


def parse(text: str) -> Page:
    return _Parser([line.removesuffix("\r") for line in text.split("\n")]).run()


def attribute_entry(line: str) -> tuple[str, str] | None:
    """(name, value) of an attribute entry ``:name: value`` (``:name!:`` unsets: no value)."""
    if not line.startswith(":") or line.startswith("::"):
        return None
    end = line.find(":", 1)
    name = line[1:end] if end > 1 else ""
    if not name or not all(c.isalnum() or c in "-_!" for c in name):
        return None
    value = line[end + 1 :]
    if value and not value[0].isspace():
        return None
    return name.lower().rstrip("!"), "" if name.endswith("!") else value.strip()


def heading(line: str) -> tuple[int, str] | None:
    """(level, title) of a section title, ``== Title`` or Markdown's ``## Title``."""
    mark = line[:1]
    if mark not in ("=", "#"):
        return None
    level = len(line) - len(line.lstrip(mark))
    rest = line[level:]
    if level > _MAX_HEADING_MARKS or not rest[:1].isspace() or not rest.strip():
        return None
    title = rest.strip()
    if mark == "=" and title.endswith("=") and title.rstrip("=").endswith(" "):
        title = title.rstrip("=").rstrip()  # the symmetric closing "== Title =="
    return level, title


def delimiter(line: str) -> str | None:
    """The delimiter of a block opening at ``line`` ("----", "|===", "```"), if it is one."""
    body = line.rstrip()
    if body == "--":
        return body
    if body.startswith("```"):
        return "```"
    if len(body) >= 4 and body[0] in _TABLE_SEPARATORS and not body[1:].strip("="):
        return body if len(body) >= 4 else None
    if len(body) >= 4 and body[0] in _SKIPPED_BLOCKS | _KEPT_BLOCKS and not body.strip(body[0]):
        return body
    return None


class _Closers:
    """Where each delimiter line is, found once: a block's close is then looked up, not
    searched for, however many unclosed blocks a page opens."""

    def __init__(self, lines: Sequence[str]) -> None:
        self._at: dict[str, list[int]] = {}
        self._headings: list[int] = []
        for index, line in enumerate(lines):
            if (mark := delimiter(line)) is not None:
                self._at.setdefault(mark, []).append(index)
            elif line[:2] in ("==", "##") and heading(line) is not None:
                self._headings.append(index)

    def after(self, mark: str, index: int) -> int | None:
        at = self._at.get(mark, [])
        found = bisect_right(at, index)
        return at[found] if found < len(at) else None

    def table_end(self, mark: str, index: int) -> int | None:
        """Where the table opening at ``index`` closes: None when it does not, or when a
        section title comes first (no table holds one: that close is another table's
        opening, and this one was left open)."""
        close = self.after(mark, index)
        found = bisect_right(self._headings, index)
        if close is not None and found < len(self._headings) and self._headings[found] < close:
            return None
        return close


class _Parser:
    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.page = Page()
        self.attributes: dict[str, str] = {}
        self.closers = _Closers(lines)
        self.pending: str | None = None  # the block attribute line above the next block

    def run(self) -> Page:
        index = self._header()
        previous_blank = True
        while index < len(self.lines) and not self.page.full:
            line = self.lines[index]
            if not line.strip():
                self.page.blank()
                previous_blank = True
                index += 1
                continue
            index = self._block(index, previous_blank)
            previous_blank = False
        return self.page

    def _header(self) -> int:
        """The index after the document header: the title, author and revision lines and
        the attribute entries up to the first blank line."""
        lines, index = self.lines, 0
        while index < len(lines) and not lines[index].strip():
            index += 1
        index = self._entries(index, header=True)
        found = heading(lines[index]) if index < len(lines) else None
        if found is None or found[0] != 1:
            return index
        self.page.heading(1, self._inline(found[1]))
        index += 1
        for role in ("author", "revision"):
            after = self._entries(index, header=True)
            if after != index or after >= len(lines) or not lines[after].strip():
                return self._entries(after, header=True)  # attributes end the lines above them
            if role == "author":
                self._author(lines[index])
            else:
                self._revision(lines[index])
            index += 1
        return self._entries(index, header=True)

    def _entries(self, index: int, header: bool) -> int:
        """Attribute entries and comment lines from ``index``; the index after them."""
        lines = self.lines
        while index < len(lines):
            line = lines[index]
            if line.startswith("//") and not line.startswith("////"):
                index += 1
                continue
            entry = attribute_entry(line)
            if entry is None:
                break
            name, value = entry
            while value.endswith((" \\", " +")) and index + 1 < len(lines):
                index += 1  # a value wrapped over lines
                value = f"{value[:-2].rstrip()} {lines[index].strip()}"
            self._attribute(name, value, header)
            index += 1
        return index

    def _attribute(self, name: str, value: str, header: bool) -> None:
        if len(self.attributes) < _MAX_ATTRIBUTES:
            self.attributes[name] = value
        if name == "doctitle" and value:
            self.page.title = self._inline(value)
        elif header and name not in ("doctitle", "description", "keywords"):
            self.page.field(name, self._inline(value))

    def _author(self, line: str) -> None:
        """The first author of an author line ("Jane Doe <jane@example.com>; John Roe"), read
        as front-matter's author is."""
        name = line.split(";", 1)[0].split("<", 1)[0].strip()
        if name:
            self.page.field("author", name)
            self.attributes.setdefault("author", name)

    def _revision(self, line: str) -> None:
        """Version, date and remark of a revision line ("v1.2, 2026-03-01: Approved")."""
        text, _, remark = line.partition(":")
        number, comma, date = text.partition(",")
        if not comma:
            number, date = (text, "") if text.strip()[:1] in ("v", "V") else ("", text)
        number = number.strip().lstrip("vV").strip()
        for name, value in (("revnumber", number), ("revdate", date), ("revremark", remark)):
            if value.strip():
                self._attribute(name, value.strip(), header=True)

    def _inline(self, text: str) -> str:
        return strip_inline(text, self.attributes)[0].strip()

    def _block(self, index: int, previous_blank: bool) -> int:
        """Read what starts at the non-blank line ``index``; the index after it."""
        lines = self.lines
        line = lines[index]
        body = line.strip()
        if line.startswith("//") and not line.startswith("////"):
            return index + 1
        if attribute_entry(line) is not None:
            return self._entries(index, header=False)
        if (mark := delimiter(line)) is not None:
            return self._delimited(index, mark)
        if body.startswith("[") and body.endswith("]"):
            if not body.startswith("[["):
                self.pending = body[1:-1]
            return index + 1
        pending, self.pending = self.pending, None
        if (found := heading(line)) is not None:
            self.page.heading(found[0], self._inline(found[1]))
            return index + 1
        if _block_macro(body) or body in ("+", "'''", "<<<", "***", "---", "- - -"):
            return index + 1
        if body.startswith(".") and body[1:2] not in (" ", ".", ""):
            self._line(body[1:])  # a block's title
            return index + 1
        literal = previous_blank and line[:1].isspace() and not _listed(body)
        if literal or _style(pending) in _CODE_STYLES:
            return self._paragraph_end(index)  # a literal or source paragraph
        if (definition := self._definition(index)) is not None:
            self.page.line(definition)
            return index + 2
        self._text(body)
        return index + 1

    def _definition(self, index: int) -> str | None:
        """A description list's term ("Owner::") with its definition on the next line,
        as one labelled line ("Owner: Fedora Infrastructure Team")."""
        term, separator, definition = _term(self.lines[index].strip())
        following = self.lines[index + 1] if index + 1 < len(self.lines) else ""
        after = following.strip()
        if not separator or definition or not after or _term(after)[1] or _listed(after):
            return None
        if heading(following) or delimiter(following) or after.startswith(("[", ":", "//", ".")):
            return None
        return f"{self._inline(term)}: {self._inline(after)}"

    def _delimited(self, index: int, mark: str) -> int:
        pending, self.pending = self.pending, None
        if mark[0] in _TABLE_SEPARATORS and mark != "--":
            close = self.closers.table_end(mark, index)
            # A table never closed ends at its first blank line.
            end = self._paragraph_end(index + 1) if close is None else close
            end = min(end, index + 1 + MAX_TABLE_LINES)
            self.page.blank()
            self.page.table(_table_rows(self.lines[index + 1 : end], mark[0], pending or ""))
            self.page.blank()
            return end if close is None or end < close else close + 1
        close = self.closers.after(mark, index)
        if close is None:
            return index + 1  # never closed: no block, only a stray line
        if mark[0] in _SKIPPED_BLOCKS or _style(pending) in _CODE_STYLES:
            return close + 1
        return index + 1  # the delimiters of a block that holds prose

    def _paragraph_end(self, index: int) -> int:
        end = index
        while end < len(self.lines) and self.lines[end].strip():
            end += 1
        return end

    def _line(self, text: str) -> None:
        self.page.line(self._inline(text))

    def _text(self, body: str) -> None:
        marker, content = _list_item(body)
        if marker is None:
            term, separator, definition = _term(body)
            if separator:
                self.page.line(f"{self._inline(term)}: {self._inline(definition)}".rstrip())
                return
        text, links = strip_inline(content, self.attributes)
        if marker is not None and len(links) == 1 and text.strip() == links[0][0].strip():
            self.page.line(link_entry(marker, *links[0]))
        else:
            self.page.line(f"{marker} {text.strip()}" if marker else text.strip())


def _style(attributes: str | None) -> str:
    """The block style an attribute line names first ("source" of ``[source,python]``)."""
    if not attributes:
        return ""
    first = attributes.split(",", 1)[0].strip().lower()
    return first.split("%", 1)[0].split("#", 1)[0].split(".", 1)[0]


def _block_macro(body: str) -> bool:
    """Whether ``body`` is a block macro (``image::x.png[]``, ``include::part.adoc[]``) or a
    preprocessor directive (``ifdef::env[]``): no prose of the page."""
    at = body.find("::")
    if at <= 0 or at > _MAX_MACRO_NAME or not body.endswith("]"):
        return False
    return all(c.isalnum() or c in "-_" for c in body[:at])


def _listed(body: str) -> bool:
    return _list_item(body)[0] is not None


def _list_item(body: str) -> tuple[str | None, str]:
    """(marker, content) of a list item ("** Step", ". Step", "1. Step"), or (None, body)."""
    run = len(body) - len(body.lstrip(body[:1])) if body[:1] in _LIST_MARKS else 0
    if not run:
        number, dot, _ = body.partition(". ")
        run = len(number) + 1 if dot and number.isdigit() and len(number) <= 4 else 0
    if run and body[run : run + 1] == " ":
        content = body[run + 1 :].strip()
        if content.startswith(("[ ] ", "[x] ", "[*] ")):
            content = content[4:]  # a checklist's box
        return body[:run], content
    return None, body


def _term(body: str) -> tuple[str, str, str]:
    """A description list's ``Term:: definition``, split; ("", "", "") when not one."""
    for separator in ("::", ";;", ":::", "::::"):
        at = body.find(separator + " ")
        if at == -1 and body.endswith(separator):
            at = len(body) - len(separator)
        following = body[at + len(separator) : at + len(separator) + 1]
        if at > 0 and body[at - 1] != ":" and following in ("", " "):
            return body[:at].strip(), separator, body[at + len(separator) :].strip()
    return "", "", ""


def _table_rows(lines: Sequence[str], separator: str, attributes: str) -> list[list[str]]:
    """A table's rows: its cells in order, grouped by the columns ``cols`` names or, else,
    by how many cells its first line holds."""
    cells: list[str] = []
    first_line: int | None = None
    for line in lines:
        text = line.strip()
        if not text:
            continue
        if separator in ",:" and not text.startswith(separator):
            row = [c.strip() for c in text.split(separator)]
            first_line = len(row) if first_line is None else first_line
            cells.extend(row)
            continue
        if not text.startswith(separator) and not _specified(text, separator):
            if cells:
                cells[-1] = f"{cells[-1]} {text}"
            continue
        parts = _split_cells(text, separator)
        if first_line is None:
            first_line = len(parts)
        cells.extend(parts)
    columns = _columns(attributes) or first_line or 1
    rows = [cells[at : at + columns] for at in range(0, len(cells), columns)]
    return [[strip_inline(c)[0] for c in row] for row in rows]


def _specified(text: str, separator: str) -> bool:
    """Whether a line opens with a cell specifier before its separator ("2+|", "a|")."""
    at = text.find(separator)
    return 0 < at <= 8 and all(c.isalnum() or c in ".+*<>^" for c in text[:at])


def _split_cells(text: str, separator: str) -> list[str]:
    """The cells of one line, each opened by the separator; a cell specifier ("2+", "a")
    standing before a separator belongs to the next cell and is dropped."""
    parts = text.replace("\\" + separator, "\0").split(separator)
    cells: list[str] = []
    for number, part in enumerate(parts[1:], start=1):
        cell = part
        if number < len(parts) - 1:
            words = cell.rsplit(" ", 1)
            if len(words) == 2 and _specifier(words[1]):
                cell = words[0]
            elif len(words) == 1 and _specifier(words[0]):
                cell = ""
        cells.append(cell.replace("\0", separator).strip())
    return cells


def _specifier(word: str) -> bool:
    """A cell's specifier: a span ("2+", ".3+"), a duplication ("3*"), an alignment or a
    style letter ("a", "h", "^.^m")."""
    if not word or len(word) > 8:
        return False
    if any(c in "+*" for c in word) and all(c.isdigit() or c in ".+*<>^" for c in word):
        return True
    stripped = word.lstrip("<>^.")
    return len(stripped) == 1 and stripped in "adehlmsv" and len(word) > 1


def _columns(attributes: str) -> int:
    """How many columns a table's ``cols`` attribute names ("1,2,3", "3*", "2*,1")."""
    at = attributes.find("cols=")
    if at == -1:
        return 0
    value = attributes[at + 5 :].lstrip("\"'")
    value = value.split('"', 1)[0].split("'", 1)[0]
    count = 0
    for spec in value.split(","):
        spec = spec.strip()
        if not spec:
            continue
        times, star, _ = spec.partition("*")
        count += int(times) if star and times.isdigit() and len(times) <= 3 else 1
    return count if 0 < count <= 1000 else 0
