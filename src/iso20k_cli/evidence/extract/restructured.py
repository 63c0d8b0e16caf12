"""reStructuredText evidence (Sphinx handbooks, runbooks): section titles, field lists for
document control, tables, and the toctree of an index page.

A section title is a line underlined, or over- and underlined, by one punctuation
character repeated; levels follow the order in which the styles first appear, as
docutils assigns them. The field list at the head (``:Owner:``, ``:Version:``) is the
document's metadata, read as Markdown front-matter is. Directives that hold no prose
(code, pictures, comments) are left out; admonitions and other containers keep their
text. Parsing goes line by line with string methods (see ``lightmarkup.py`` for the
text written).
"""

from __future__ import annotations

from collections.abc import Sequence

from iso20k_cli.evidence.extract.base import Extracted
from iso20k_cli.evidence.extract.lightmarkup import Page, link_entry, read_page
from iso20k_cli.evidence.extract.rstinline import strip_inline
from iso20k_cli.evidence.extract.rsttables import (
    csv_table,
    grid_table,
    indent_of,
    is_grid_border,
    list_table,
    merged_header,
    simple_spans,
    simple_table,
)
from iso20k_cli.evidence.scan import Candidate

# Any printable ASCII punctuation may adorn a title, as docutils allows.
_ADORNMENTS = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_MIN_SHORT_UNDERLINE = 4  # docutils takes a shorter underline than its title from 4 on
_BULLETS = ("- ", "* ", "+ ", "• ", "‣ ", "⁃ ")
# Directives whose body is not prose: code, pictures, diagrams, machine-made content.
_SKIPPED = frozenset(
    {
        "code", "code-block", "sourcecode", "literalinclude", "include", "image", "figure",
        "raw", "math", "graphviz", "graph", "digraph", "uml", "plantuml", "mermaid",
        "highlight", "index", "meta", "contents", "sectnum", "section-numbering", "header",
        "footer", "productionlist", "doctest", "testcode", "testoutput", "testsetup",
        "testcleanup", "parsed-literal", "program-output", "command-output", "autosummary",
        "jinja", "kroki", "ditaa", "blockdiag", "seqdiag", "nwdiag", "actdiag", "youtube",
        "video", "iframe", "tabularcolumns", "default-domain", "currentmodule", "module",
        "ansible-task", "prompt", "console", "ipython", "jupyter-execute", "exec",
    }
)  # fmt: skip
# Directives read whole here: their body is a table, a list of pages or a title.
_READ_WHOLE = frozenset({"title", "toctree", "list-table", "csv-table"})
# Containers whose argument is no text of the page (a condition, a class name).
_UNTITLED = frozenset(
    {
        "only", "ifconfig", "container", "class", "cssclass", "rst-class", "default-role",
        "role", "tabs", "tab-set", "grid", "grid-item", "hlist", "compound", "glossary",
    }
)  # fmt: skip


def extract(candidate: Candidate) -> Extracted:
    return read_page(candidate, parse, label=lambda name: name)


def parse(text: str) -> Page:
    return _Parser([line.removesuffix("\r").expandtabs(8) for line in text.split("\n")]).run()


def adornment(line: str) -> str | None:
    """The character of a title's under- or overline (``=====``), if ``line`` is one."""
    body = line.rstrip()
    if len(body) < 2 or body[0] not in _ADORNMENTS or body.strip(body[0]) or body in ("::", ".."):
        return None
    return body[0]


def field(body: str) -> tuple[str, str] | None:
    """(name, value) of a field list's line ``:Owner: Jane Doe``; a role (``:ref:`x```)
    is not one."""
    if not body.startswith(":") or body.startswith("::"):
        return None
    end = body.find(":", 1)
    while end != -1 and body[end - 1] == "\\":
        end = body.find(":", end + 1)
    if end <= 1 or body[end + 1 : end + 2] not in ("", " ", "\t"):
        return None
    name = body[1:end].replace("\\:", ":")
    if name[0].isspace() or name[-1].isspace() or "`" in name:
        return None
    return name, body[end + 1 :].strip()


class _Parser:
    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.page = Page()
        self.styles: list[tuple[str, bool]] = []
        self.in_body = False  # past the head, where fields are the document's metadata
        self.literal: int | None = None  # the indent of a paragraph that ended with "::"
        self.titled = False  # the line before was a section title's last

    def run(self) -> Page:
        lines, index = self.lines, 0
        previous_blank = True
        while index < len(lines) and not self.page.full:
            line = lines[index]
            if not line.strip():
                self.page.blank()
                previous_blank = True
                index += 1
                continue
            index = self._block(index, previous_blank)
            # A title needs no blank line after it for the next title to start.
            previous_blank, self.titled = self.titled, False
        return self.page

    def _block(self, index: int, previous_blank: bool) -> int:
        """Read what starts at the non-blank line ``index``; the index after it."""
        lines = self.lines
        line = lines[index]
        indent, body = indent_of(line), line.strip()
        if self.literal is not None:
            literal, self.literal = self.literal, None
            if indent > literal:
                return self._skip(index, literal)
        if (title := self._title(index, previous_blank)) is not None:
            return title
        if body == ".." or body.startswith(".. "):
            return self._explicit(index, indent, body[2:].strip())
        if is_grid_border(body):
            after, rows = grid_table(lines, index)
            return self._table(after, rows)
        if simple_spans(body):
            after, rows = simple_table(lines, index)
            return self._table(after, rows)
        if (found := field(body)) is not None:
            return self._field(index, indent, *found)
        if adornment(body) and len(body) >= _MIN_SHORT_UNDERLINE:
            return index + 1  # a transition between parts
        self._text(body, indent)
        return index + 1

    def _title(self, index: int, previous_blank: bool) -> int | None:
        """The index after a section title at ``index``, if one is there."""
        lines = self.lines
        line = lines[index]
        below = lines[index + 1] if index + 1 < len(lines) else ""
        mark = adornment(line)
        if mark is not None and index + 2 < len(lines):
            title = below.strip()
            under = lines[index + 2].rstrip()
            matched = adornment(under) == mark and len(under) == len(line.rstrip())
            if title and matched and adornment(title) is None and _long_enough(line, title):
                self._section((mark, True), title)
                return index + 3
        if mark is None and previous_blank and indent_of(line) == 0:
            under_mark = adornment(below)
            if under_mark is not None and _long_enough(below.rstrip(), line.strip()):
                self._section((under_mark, False), line.strip())
                return index + 2
        return None

    def _section(self, style: tuple[str, bool], title: str) -> None:
        if style not in self.styles:
            self.styles.append(style)
        self.page.heading(self.styles.index(style) + 1, strip_inline(title)[0])
        self.titled = True

    def _explicit(self, index: int, indent: int, rest: str) -> int:
        """A directive, a comment, a link target or a footnote: ``.. ``-led markup."""
        if not rest:
            # An empty comment ends at a blank line: it separates two block quotes.
            blank_next = index + 1 < len(self.lines) and not self.lines[index + 1].strip()
            return index + 1 if blank_next else self._end(index, indent)
        name, marker, argument = rest.partition("::")
        name = name.strip().lower()
        if not marker or not name or any(c.isspace() for c in name) or rest[0] in "_[|":
            return self._end(index, indent)  # a comment, a link target, a footnote ...
        argument = argument.strip()
        if name not in _READ_WHOLE and not _skipped(name):
            # Admonitions and containers: their body is the page's prose, read as such
            # (not measured first: containers nested a thousand deep would be re-read).
            self._caption("" if name in _UNTITLED else argument)
            return index + 1 + _option_lines(self.lines, index + 1, indent)
        end = self._end(index, indent)
        options, content = _options(self.lines[index + 1 : end])
        if name == "title":
            self.page.title = strip_inline(argument)[0].strip() or None
            return end
        if _skipped(name):
            return end
        if name == "toctree":
            self._toctree(options, content)
            return end
        if name == "list-table":
            self._caption(argument)
            count = options.get("header-rows", "")
            header_rows = int(count) if count.isdigit() and len(count) <= 2 else 1
            self._table(end, merged_header(list_table(content), header_rows))
            return end
        if name == "csv-table":
            self._caption(argument)
            if "file" not in options and "url" not in options:
                delimiter = options.get("delim", ",")
                delimiter = (
                    "\t" if delimiter == "tab" else " " if delimiter == "space" else delimiter
                )
                self._table(end, csv_table(options.get("header"), content, delimiter))
        return end

    def _toctree(self, options: dict[str, str], entries: Sequence[str]) -> None:
        """An index's table of contents: each entry a link, as a Markdown index lists them."""
        self._caption(options.get("caption", ""))
        for raw in entries:
            entry = raw.strip()
            if not entry or "*" in entry or entry == "self":
                continue
            text, target = entry, entry
            if entry.endswith(">") and "<" in entry:
                at = entry.rfind("<")
                text, target = entry[:at].strip() or entry, entry[at + 1 : -1].strip()
            self.page.line(link_entry("-", text, target))
        self.page.blank()
        self.in_body = True

    def _caption(self, text: str) -> None:
        if text.strip():
            self.page.line(strip_inline(text.strip())[0])
            self.page.blank()
            self.in_body = True

    def _table(self, after: int, rows: list[list[str]]) -> int:
        self.page.blank()
        self.page.table(rows)
        self.page.blank()
        self.in_body = True
        return after

    def _field(self, index: int, indent: int, name: str, value: str) -> int:
        """A field list's entry and the lines that go on with its value."""
        end = index + 1
        parts = [value]
        while end < len(self.lines) and self.lines[end].strip():
            if indent_of(self.lines[end]) <= indent:
                break
            parts.append(self.lines[end].strip())
            end += 1
        text = strip_inline(" ".join(p for p in parts if p))[0]
        if self.in_body:
            self.page.line(f"{name}: {text}" if text else name)
        else:
            self.page.field(name, text)
        return end

    def _text(self, body: str, indent: int) -> None:
        """A line of a paragraph, a list or a quote, without its inline markup."""
        self.in_body = True
        if body.startswith("| "):
            body = body[2:]  # a line block's line
        if body.endswith("::"):
            self.literal = indent
            body = body[:-2].rstrip()
            body = f"{body}:" if body and not body.endswith(" ") else body
            if not body:
                return
        marker = next((m for m in _BULLETS if body.startswith(m)), None)
        content = body[len(marker) :] if marker else body
        text, links = strip_inline(content)
        if marker and len(links) == 1 and text.strip() == links[0][0].strip():
            self.page.line(link_entry(marker.strip(), *links[0]))
            return
        self.page.line(f"{marker}{text}" if marker else text)

    def _end(self, index: int, indent: int) -> int:
        """The index after a block that opens at ``index``: its lines indented deeper
        (blank lines within it), up to the last of them."""
        last = index
        lines = self.lines
        at = index + 1
        while at < len(lines):
            line = lines[at]
            if line.strip():
                if indent_of(line) <= indent:
                    break
                last = at
            at += 1
        return last + 1

    def _skip(self, index: int, indent: int) -> int:
        """The index after a literal block indented deeper than ``indent``."""
        return self._end(index - 1, indent) if index > 0 else index + 1


def _skipped(name: str) -> bool:
    """Whether a directive's body is no prose: code, pictures, a domain's API entries."""
    return name in _SKIPPED or ":" in name or name.startswith("auto")


def _option_lines(lines: Sequence[str], start: int, indent: int) -> int:
    """How many option lines (``:class: tip``) follow a directive opening at ``indent``."""
    count = 0
    while start + count < len(lines):
        line = lines[start + count]
        if indent_of(line) <= indent or field(line.strip()) is None:
            break
        count += 1
    return count


def _long_enough(line: str, title: str) -> bool:
    line = line.rstrip()
    return len(line) >= len(title) or len(line) >= _MIN_SHORT_UNDERLINE


def _options(body: Sequence[str]) -> tuple[dict[str, str], Sequence[str]]:
    """A directive's options (its first lines, ``:name: value``) and the content after."""
    options: dict[str, str] = {}
    at = 0
    while at < len(body) and (found := field(body[at].strip())) is not None:
        options[found[0].lower()] = found[1]
        at += 1
    return options, body[at:]
