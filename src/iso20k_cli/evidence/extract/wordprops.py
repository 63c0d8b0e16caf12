"""A Word document's core properties (``docProps/core.xml``) read as python-docx reads
them, for a document read without python-docx.

python-docx differs from openpyxl here (:mod:`docprops`): it takes the first element
of each name in its own namespace, reads a missing text as "", and reads the two
dates as W3CDTF, ignoring one it cannot parse. A property python-docx would fail on
(a date element without text) or might read otherwise (an element inside a
property) raises :class:`Declined`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from iso20k_cli.evidence.extract.wordxml import Declined

_CP = "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_DCTERMS = "{http://purl.org/dc/terms/}"
_ROOT = _CP + "coreProperties"
_TEMPLATES = ("%Y-%m-%dT%H:%M:%S", "%Y-%m-%d", "%Y-%m", "%Y")
# anchored and fixed in length (python-docx's own pattern): no backtracking
_OFFSET = re.compile(r"([+-])(\d\d):(\d\d)")


@dataclass(frozen=True)
class WordProperties:
    """The properties of python-docx's ``CoreProperties`` that the Word reader uses."""

    title: str = ""
    author: str = ""
    identifier: str = ""
    version: str = ""
    content_status: str = ""
    category: str = ""
    created: dt.datetime | None = None
    modified: dt.datetime | None = None


def _element(root: Any, tag: str) -> Any:
    found = root.find(tag)
    if found is not None and len(found):
        raise Declined("an element inside a property")
    return found


def _text(root: Any, tag: str) -> str:
    found = _element(root, tag)
    return "" if found is None or found.text is None else str(found.text)


def w3cdtf(text: str) -> dt.datetime | None:
    """``CT_CoreProperties._parse_W3CDTF_to_datetime``, None where it raises ValueError."""
    parseable, offset = text[:19], text[19:]
    found = None
    for template in _TEMPLATES:  # every one tried: the last that parses wins
        try:
            found = dt.datetime.strptime(parseable, template)
        except ValueError:
            continue
    if found is None:
        return None
    if len(offset) == 6:
        match = _OFFSET.match(offset)
        if match is None:
            return None
        sign, hours, minutes = match.groups()
        factor = -1 if sign == "+" else 1
        found += dt.timedelta(hours=int(hours) * factor, minutes=int(minutes) * factor)
    return found.replace(tzinfo=dt.UTC)


def _date(root: Any, tag: str) -> dt.datetime | None:
    found = _element(root, tag)
    if found is None:
        return None
    if found.text is None:
        raise Declined("a date without text")  # python-docx fails on it
    return w3cdtf(str(found.text))


def word_properties(root: Any) -> WordProperties:
    """The properties of a parsed core properties part."""
    if root.tag != _ROOT:
        raise Declined("core properties of another kind")
    return WordProperties(
        title=_text(root, _DC + "title"),
        author=_text(root, _DC + "creator"),
        identifier=_text(root, _DC + "identifier"),
        version=_text(root, _CP + "version"),
        content_status=_text(root, _CP + "contentStatus"),
        category=_text(root, _CP + "category"),
        created=_date(root, _DCTERMS + "created"),
        modified=_date(root, _DCTERMS + "modified"),
    )
