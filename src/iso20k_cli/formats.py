"""Every output format of every command, in one registry.

An entry is one value of one command's ``--format``: its renderer, its media type, the
file suffixes that ask for it and those its files may have, and how it is delivered.
A file is never written under a suffix that belongs to another format only (see
:func:`fits`). The command line builds its
``--format`` choices from here before any command runs, so this module imports nothing
but the standard library, and names each renderer by its dotted path, imported only
when that format is asked for.

A command calls every renderer of its formats the same way:

- ``check``: ``(Assessment, RenderContext)``, returning text, text in pieces (a long
  document written as it is made) or a drawing on a rich console (render/plain.py);
- ``report``: ``(ReportView, ReportContext)``, returning text or, for a binary format
  (Word, PDF, Excel), bytes;
- ``diff``: ``(Comparison, old_label, new_label)``, returning text;
- ``interview``: ``(Questionnaire)``, returning text or, for the workbook, bytes.

Adding a format is a renderer module under render/ and one entry here (and its test);
its name then appears in the command's ``--format`` choices, and a test asks that the
words of that option's help name it too.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import PurePath
from typing import Any, NamedTuple


class Format(NamedTuple):
    # A NamedTuple rather than a dataclass: this is read at every start, and making a
    # dataclass costs more than the rest of the module.

    command: str
    """The command whose ``--format`` offers it."""
    name: str
    """Its ``--format`` value."""
    renderer: str
    """``package.module:function``, imported only when the format is used."""
    media_type: str
    suffixes: tuple[str, ...] = ()
    """File names that ask for it when ``--format`` is not given (``report -o plan.xlsx``),
    the first being its usual one. Within a command no two formats share one."""
    accepts: tuple[str, ...] = ()
    """Further suffixes its files may have, which ask for no format of their own (the
    table in ``out.txt``, SARIF in ``results.json``)."""
    binary: bool = False
    """Bytes, written to a file only: the command asks for ``--output``."""
    verbatim: bool = False
    """Written to stdout exactly as rendered, not made safe for a terminal: JSON and
    SARIF escape control characters themselves, the diff text is made safe by its
    renderer, and a report is a document for a file or a program."""
    document: str = "report"
    """What the output is, in the message ``report`` gives after writing it."""
    screen: bool = True
    """May be printed on a terminal. A report is a document: on a terminal it is
    refused, and goes to a file (``--output``) or through a pipe instead."""

    def __str__(self) -> str:
        return self.name

    def render(self) -> Callable[..., Any]:
        """The renderer, imported now."""
        module, _, function = self.renderer.partition(":")
        renderer: Callable[..., Any] = getattr(importlib.import_module(module), function)
        return renderer


_OFFICE = "application/vnd.openxmlformats-officedocument"
# Plain text for people: a file of it is often named for where it is kept.
_TEXT = (".txt", ".log")
_MARKDOWN = (".md", ".markdown")

# In the order each command's --help lists them.
FORMATS: tuple[Format, ...] = (
    Format(
        "check",
        "table",
        "iso20k_cli.render.terminal:render_table",
        "text/plain",
        accepts=_TEXT,
    ),
    Format(
        "check",
        "json",
        "iso20k_cli.render.jsonout:render_json_pieces",
        "application/json",
        suffixes=(".json",),
        verbatim=True,
    ),
    Format(
        "check",
        "sarif",
        "iso20k_cli.render.sarif:render_sarif",
        "application/sarif+json",
        suffixes=(".sarif",),
        accepts=(".json",),
        verbatim=True,
    ),
    Format(
        "check",
        "junit",
        "iso20k_cli.render.junit:render_junit",
        "application/xml",
        suffixes=(".xml",),
    ),
    Format(
        "check",
        "github",
        "iso20k_cli.render.github:render_github",
        "text/plain",
        accepts=_TEXT,
    ),
    Format(
        "check",
        "md",
        "iso20k_cli.render.markdown_summary:render_markdown_summary",
        "text/markdown",
        suffixes=_MARKDOWN,
    ),
    Format(
        "report",
        "md",
        "iso20k_cli.render.report.md_report:render_markdown",
        "text/markdown",
        suffixes=_MARKDOWN,
        accepts=(".txt",),
        verbatim=True,
        screen=False,
    ),
    Format(
        "report",
        "html",
        "iso20k_cli.render.report.html_report:render_html",
        "text/html",
        suffixes=(".html", ".htm"),
        verbatim=True,
        screen=False,
    ),
    Format(
        "report",
        "pdf",
        "iso20k_cli.render.report.pdf_report:render_pdf",
        "application/pdf",
        suffixes=(".pdf",),
        binary=True,
        screen=False,
    ),
    Format(
        "report",
        "docx",
        "iso20k_cli.render.report.docx_report:render_docx",
        f"{_OFFICE}.wordprocessingml.document",
        suffixes=(".docx",),
        binary=True,
        screen=False,
    ),
    Format(
        "report",
        "csv",
        "iso20k_cli.render.report.sheets:render_csv",
        "text/csv",
        suffixes=(".csv",),
        verbatim=True,
        document="action plan",
        screen=False,
    ),
    Format(
        "report",
        "xlsx",
        "iso20k_cli.render.report.sheets:render_xlsx",
        f"{_OFFICE}.spreadsheetml.sheet",
        suffixes=(".xlsx",),
        binary=True,
        document="action plan",
        screen=False,
    ),
    Format(
        "diff",
        "text",
        "iso20k_cli.render.diff:render_diff_text",
        "text/plain",
        accepts=_TEXT,
        verbatim=True,
    ),
    Format(
        "diff",
        "json",
        "iso20k_cli.render.diff:render_diff_json",
        "application/json",
        suffixes=(".json",),
        verbatim=True,
    ),
    Format(
        "interview",
        "md",
        "iso20k_cli.render.interview:render_questionnaire_md",
        "text/markdown",
        suffixes=(".md", ".markdown"),
        verbatim=True,
        document="questionnaire",
    ),
    Format(
        "interview",
        "xlsx",
        "iso20k_cli.render.interview:render_questionnaire_xlsx",
        f"{_OFFICE}.spreadsheetml.sheet",
        suffixes=(".xlsx",),
        binary=True,
        document="questionnaire",
    ),
)


def offered_by(command: str) -> tuple[Format, ...]:
    return tuple(f for f in FORMATS if f.command == command)


def names(command: str) -> tuple[str, ...]:
    """The ``--format`` values of ``command``, in the order its help lists them."""
    return tuple(f.name for f in offered_by(command))


def get(command: str, name: str) -> Format:
    """The format ``--format name`` of ``command`` stands for."""
    for entry in offered_by(command):
        if entry.name == name:
            return entry
    raise KeyError(f"{command} offers no format {name!r}")


def from_suffix(command: str, path: PurePath) -> Format | None:
    """The format of ``command`` a file name asks for (``report.docx``), if any."""
    suffix = path.suffix.lower()
    return next((f for f in offered_by(command) if suffix in f.suffixes), None)


def fits(entry: Format, path: PurePath) -> bool:
    """Whether a file named ``path`` may hold ``entry``'s output.

    It may when its suffix is one of the format's own, or one that no format of any
    command has: none, a date (``report.2026-09-01``), ``.out``. A suffix that belongs to
    other formats only (``report.pdf`` for HTML, ``out.sarif`` for the table) would name
    the file for what it does not hold.
    """
    suffix = path.suffix.lower()
    if suffix in entry.suffixes or suffix in entry.accepts:
        return True
    return not any(suffix in f.suffixes or suffix in f.accepts for f in FORMATS)
