"""Markdown escaping: text from evidence must appear as text, never as markup.

The Markdown report template escapes every expression by default (the Markdown
counterpart of HTML autoescaping); :class:`MdSafe` marks text that is already
Markdown, such as a code span built here.
"""

from __future__ import annotations

import re

# Characters that start inline markup, HTML or a table cell in CommonMark and GFM.
_SPECIAL = re.compile(r"[\\`*\[\]<>|#~]|&(?=#?\w+;)|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])")
# At the start of a line these begin a list, a heading underline or a thematic break.
_ORDERED = re.compile(r"\d+(?=[.)](?:\s|$))")
_RULE = re.compile(r"\s*[-=][-=\s]*")


class MdSafe(str):
    """Text that is already Markdown and must not be escaped again."""

    __slots__ = ()


def escape_md(text: object) -> MdSafe:
    """``text`` as literal Markdown on one line (table cells cannot span lines)."""
    if isinstance(text, MdSafe):
        return text
    flat = _one_line(str(text))
    escaped = _SPECIAL.sub(lambda m: "\\" + m.group(0), flat)
    ordered = _ORDERED.match(escaped)
    if ordered:
        escaped = escaped[: ordered.end()] + "\\" + escaped[ordered.end() :]
    elif re.match(r"[-+](?:\s|$)", escaped) or (escaped and _RULE.fullmatch(escaped)):
        escaped = "\\" + escaped
    return MdSafe(escaped)


def _one_line(text: str) -> str:
    # Line breaks and the blanks around them become one space; string operations keep
    # this linear on a title made of thousands of spaces, where a pattern backtracks.
    if "\n" not in text and "\r" not in text:
        return text
    return " ".join(part.strip() for part in text.splitlines() if part.strip())


def code_span(text: object) -> MdSafe:
    """``text`` as an inline code span, which shows it verbatim."""
    value = str(text)
    # A code span cannot hold a line break or a table's cell separator: fall back.
    if any(ch in value for ch in "|\r\n"):
        return escape_md(value)
    longest = max((len(run) for run in re.findall(r"`+", value)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if value.startswith(("`", " ")) or value.endswith(("`", " ")) else ""
    return MdSafe(f"{fence}{pad}{value}{pad}{fence}")


def finalize(value: object) -> object:
    """Jinja2 ``finalize`` for Markdown: escape every output unless it is MdSafe."""
    if isinstance(value, MdSafe):
        return value
    if isinstance(value, str):
        return escape_md(value)
    return value
