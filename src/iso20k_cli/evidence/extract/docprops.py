"""A workbook's document properties (``docProps/core.xml``) read as openpyxl reads
them, and its custom properties (``docProps/custom.xml``) checked as openpyxl checks
them, for a workbook read without openpyxl.

openpyxl keeps the last element of each known name whatever its namespace, reads the
three dates as ISO 8601, and stamps a workbook without them "now". Its loader fails on
a custom property it cannot convert, so a workbook with one must fail here too. Only
parts of the shapes openpyxl certainly reads alike are read; anything else (comments,
processing instructions, a document type, an element or attribute it would treat
otherwise, a value it might refuse) raises :class:`NotCertain` and openpyxl opens the
workbook.
"""

from __future__ import annotations

import codecs
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from iso20k_cli.evidence.extract import safexml
from iso20k_cli.evidence.extract.serialdates import from_iso8601

_TEXTS = frozenset(
    {
        "category", "contentStatus", "keywords", "lastModifiedBy", "revision", "version",
        "subject", "title", "creator", "description", "identifier", "language",
    }
)  # fmt: skip
_DATES = frozenset({"created", "modified", "lastPrinted"})
_CUSTOM_KINDS = frozenset({"lpwstr", "i4", "r8", "bool", "filetime"})


class NotCertain(Exception):
    """A part of the properties openpyxl might read otherwise, or refuse."""


def _now() -> dt.datetime:
    return dt.datetime.now(tz=dt.UTC).replace(tzinfo=None)


@dataclass
class CoreProperties:
    """openpyxl's ``DocumentProperties`` as read from a workbook, under its names."""

    category: str | None = None
    contentStatus: str | None = None
    keywords: str | None = None
    lastModifiedBy: str | None = None
    lastPrinted: dt.datetime | None = None
    revision: str | None = None
    version: str | None = None
    creator: str | None = "openpyxl"  # openpyxl's default for a workbook that names none
    description: str | None = None
    identifier: str | None = None
    language: str | None = None
    subject: str | None = None
    title: str | None = None
    created: dt.datetime = field(default_factory=_now)
    modified: dt.datetime = field(default_factory=_now)


def _root(blob: bytes) -> Any:
    """The part's root element, refused unless both parsers read it alike."""
    body = blob[len(codecs.BOM_UTF8) :] if blob.startswith(codecs.BOM_UTF8) else blob
    declarations = body.count(b"<?")
    if b"<!" in body or declarations > 1 or (declarations == 1 and not body.startswith(b"<?xml")):
        raise NotCertain("comments, a document type or processing instructions")
    return etree.fromstring(blob, safexml.parser())


def _attributes(element: Any) -> dict[str, str]:
    # openpyxl drops attributes in a namespace and passes the others on as arguments.
    return {k: v for k, v in element.attrib.items() if not k.startswith("{")}


def _local(tag: object) -> str:
    if not isinstance(tag, str):
        raise NotCertain("a comment or processing instruction")
    return tag.rpartition("}")[2]


def _date(text: str | None) -> dt.datetime | None:
    if text is None:
        return None
    value = from_iso8601(text)
    if not isinstance(value, dt.datetime):
        raise NotCertain("a property date openpyxl refuses")
    return value


def core_properties(blob: bytes) -> CoreProperties:
    """The properties of a ``docProps/core.xml`` part."""
    root = _root(blob)
    if _attributes(root):
        raise NotCertain("attributes on the properties")
    texts: dict[str, str | None] = {}
    dates: dict[str, str | None] = {}
    for child in root:
        name = _local(child.tag)
        if name in _TEXTS:
            texts[name] = child.text
        elif name in _DATES:
            dates[name] = child.text  # the last one, converted as openpyxl converts it
        else:
            raise NotCertain(f"a property {name!r}")
    found = CoreProperties(**texts)  # type: ignore[arg-type]
    found.lastPrinted = _date(dates.get("lastPrinted"))
    # openpyxl stamps a missing (or empty) date "now"
    found.created = _date(dates.get("created")) or found.created
    found.modified = _date(dates.get("modified")) or found.modified
    return found


def check_custom(blob: bytes) -> None:
    """Refuse custom properties unless openpyxl certainly reads them without error."""
    root = _root(blob)
    if _attributes(root):
        raise NotCertain("attributes on the custom properties")
    for prop in root:
        if _local(prop.tag) != "property":
            raise NotCertain("an element among the custom properties")
        attributes = _attributes(prop)
        pid = attributes.get("pid", "0")
        if set(attributes) - {"fmtid", "pid", "name"} or "name" not in attributes:
            raise NotCertain("a custom property of another shape")
        if not (pid.isascii() and pid.isdigit()) or len(prop) != 1:
            raise NotCertain("a custom property of another shape")
        value = prop[0]
        kind = _local(value.tag)
        if kind not in _CUSTOM_KINDS or (kind != "lpwstr" and value.text is None):
            raise NotCertain("a custom property of another kind")
        text = value.text or ""
        digits = text[1:] if text.startswith("-") else text
        if kind == "i4" and not (digits.isascii() and digits.isdigit()):
            raise NotCertain("a whole-number custom property openpyxl refuses")
        if kind == "r8":
            try:
                float(text)
            except ValueError:
                raise NotCertain("a number custom property openpyxl refuses") from None
        if kind == "filetime":
            _date(text)
