"""Shared reading of text-based evidence (Markdown and plain text)."""

from __future__ import annotations

import codecs

from iso20k_cli.evidence.extract.base import Extracted, Unreadable
from iso20k_cli.evidence.frontmatter import parse_front_matter
from iso20k_cli.evidence.loglines import logged_dates
from iso20k_cli.evidence.scan import Candidate

# Longest first: the UTF-32 little-endian mark begins with the UTF-16 one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def unicode_by_bom(raw: bytes) -> str | None:
    """Text in UTF-16 or UTF-32 (Excel's "Unicode text"), known by its byte-order mark."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return raw[len(bom) :].decode(encoding, "replace")
    return None


def decode(raw: bytes) -> str:
    """Text as it was most likely written: UTF-8, else Windows-1252 (never fails)."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")


def read_text(candidate: Candidate) -> str:
    raw = candidate.path.read_bytes()
    if (text := unicode_by_bom(raw)) is not None:
        return text
    if b"\x00" in raw[:8192]:
        raise Unreadable("binary content in a text file")
    return decode(raw)


def extract_text_file(candidate: Candidate) -> Extracted:
    """The text after any front-matter, and what the front-matter says.

    Headings are Markdown's business (see ``markdown.py``): in a plain-text file a
    line starting with ``#`` is as likely a comment or a ticket number.
    """
    front = parse_front_matter(read_text(candidate))
    return Extracted(
        text=front.body,
        title=front.title,
        title_source="front-matter" if front.title else None,
        control=front.control,
        record_dates=front.record_dates,
        column_dates=() if front.record_dates else logged_dates(front.body),
        declared=front.declared,
        open_dates=front.open_dates,
        warnings=front.warnings,
    )
