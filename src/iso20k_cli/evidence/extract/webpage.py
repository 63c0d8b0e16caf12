"""HTML evidence (an exported wiki page, an intranet policy): text, title, tables, meta tags.

The standard library's parser never fetches anything or resolves entities beyond
HTML's own, which is what a file from an untrusted folder needs.
"""

from __future__ import annotations

from html.parser import HTMLParser

from iso20k_cli.evidence.doccontrol import table_lines
from iso20k_cli.evidence.extract.base import Extracted, useful_title
from iso20k_cli.evidence.extract.textfile import read_text
from iso20k_cli.evidence.scan import Candidate

_SKIP = {"script", "style", "noscript", "template", "svg"}
_BLOCKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "table"}


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = [""]
        self.title = ""
        self.h1 = ""
        self.meta: dict[str, str] = {}
        self.tables: list[list[list[str]]] = []
        self._stack: list[str] = []
        self._skip = 0
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self._skip += 1
        if tag == "meta":
            values = dict(attrs)
            name = (values.get("name") or values.get("property") or "").lower()
            if name and values.get("content"):
                self.meta[name] = values["content"] or ""
        if tag in _BLOCKS:
            self.lines.append("")
        if tag == "table":
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self._cell = []
        self._stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP and self._skip:
            self._skip -= 1
        if tag in ("td", "th") and self._cell is not None and self.tables and self.tables[-1]:
            self.tables[-1][-1].append(" ".join("".join(self._cell).split()))
            self._cell = None
            self.lines[-1] += " | "
        if self._stack and self._stack[-1] == tag:
            self._stack.pop()

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        current = self._stack[-1] if self._stack else ""
        if current == "title":
            self.title += data
            return
        if current == "h1" and not self.h1:
            self.h1 = data.strip()
        if self._cell is not None:
            self._cell.append(data)
        self.lines[-1] += data


def extract(candidate: Candidate) -> Extracted:
    reader = _Reader()
    reader.feed(read_text(candidate))
    reader.close()
    lines = [" ".join(line.split()).strip(" |") for line in reader.lines]
    control_lines = [f"{k}: {v}" for k, v in reader.meta.items()]
    for table in reader.tables[:2]:
        control_lines.extend(table_lines(table))
    title = useful_title(reader.title) or useful_title(reader.h1)
    return Extracted(
        text="\n".join(line for line in lines if line),
        title=title,
        title_source="heading" if title else None,
        control_lines=control_lines,
    )
