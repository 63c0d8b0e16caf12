"""The lines at the head of a document that may name it when its title does not.

A Word or PDF document often opens on a cover: the organisation's name in the Title
style ("ACME IT SERVICES LTD") over the document's own name in a subtitle or a plain
line ("Change Management Procedure"), with the document control below, before its
first numbered section ("1 Purpose"). Its title then names the organisation, or the
first section; the name that says what the document is stands a line or two below.
A head that runs on in such short lines is a list (a table of contents, an index of
other documents), and none of its lines names the document. A cover that is a
document information table names it in a "Title:" row, under a banner that only says
what kind of document it is ("STANDARD OPERATING PROCEDURE").
"""

from __future__ import annotations

from iso20k_cli.evidence.doccontrol import labelled
from iso20k_cli.evidence.model import EvidenceFile

COVER_FORMATS = frozenset({"docx", "doc", "odt", "rtf", "pdf"})
_HEAD_CHARS = 2_000  # a cover is short: the first lines of the text, no further
_NAMING_LINES = 6  # the first non-empty lines, where a cover names its document
_LIST_LINES = 12  # the first non-empty lines, read to tell a cover from a list
_LIST_NAMES = 8  # name-like lines in a row among them that make the head a list
_MAX_CHARS = 100  # a name, not a sentence
_NAME_WORDS = 8  # more words than this after an article make a sentence
_ARTICLES = frozenset({"the", "a", "an", "this", "these", "our"})
# The labels a document information table gives the document's name under.
_TITLE_LABELS = frozenset(
    {
        "title",
        "document title",
        "document name",
        "name of document",
        "policy title",
        "procedure title",
        "policy name",
        "procedure name",
    }
)
_TITLE_SEPARATORS = ":|"


def head_lines(file: EvidenceFile) -> list[str]:
    """The lines among the first few of ``file``'s text that could be its name: short,
    neither its title, nor a control line ("Version 2.0", "Owner: Head of Service"),
    nor a sentence; none when the head is a list of such lines."""
    title = " ".join((file.title or "").split()).lower()
    lines = [
        line for raw in file.text[:_HEAD_CHARS].splitlines() if (line := " ".join(raw.split()))
    ][:_LIST_LINES]
    like = [_name_like(line) for line in lines]
    names = [index for index, is_name in enumerate(like) if is_name]
    run = longest = 0
    for is_name in like:
        run = run + 1 if is_name else 0
        longest = max(longest, run)
    if longest >= _LIST_NAMES:
        return []
    return [
        lines[index] for index in names if index < _NAMING_LINES and lines[index].lower() != title
    ]


def labelled_title(file: EvidenceFile) -> list[str]:
    """The name a document information table gives in its "Title:" row, among the
    first lines of the text ("Title: | TRE Change Control"); none if there is no row."""
    for raw in file.text[:_HEAD_CHARS].splitlines()[: _LIST_LINES * 2]:
        label, separator, value = raw.partition(":")
        if not separator:
            label, separator, value = raw.partition("|")
        if not separator or " ".join(label.split()).lower().strip("*_ ") not in _TITLE_LABELS:
            continue
        name = " ".join(value.strip(_TITLE_SEPARATORS + " ").split())
        return [name] if name and _name_like(name) else []
    return []


def first_line(file: EvidenceFile) -> list[str]:
    """The first line under a title that says only what kind of document it is
    ("Minutes", "Report"), if it could be a name: a heading further down names a part."""
    title = " ".join((file.title or "").split()).lower()
    for raw in file.text[:_HEAD_CHARS].splitlines():
        line = " ".join(raw.split())
        if line and line.lower() != title:
            return [line] if _name_like(line) else []
    return []


def _name_like(line: str) -> bool:
    return (
        len(line) <= _MAX_CHARS
        and line[-1] not in ".:;?!"
        # A table's row ("Group | Impact | Resistance risk") is no name.
        and " | " not in line
        and any(c.isalpha() for c in line)
        and labelled(line) is None
        and not _sentence(line)
    )


def _sentence(line: str) -> bool:
    """A line that opens on an article and runs on is a sentence the text wrapped, not a
    name: "The ServiceNow Incident Management application supports the incident …"."""
    words = line.split(maxsplit=_NAME_WORDS)
    return len(words) > _NAME_WORDS and words[0].lower() in _ARTICLES
