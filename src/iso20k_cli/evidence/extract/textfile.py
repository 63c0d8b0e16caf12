"""Shared reading of text-based evidence (Markdown and plain text)."""

from __future__ import annotations

import re

from iso20k_cli.evidence.extract.base import Extracted, Unreadable
from iso20k_cli.evidence.frontmatter import parse_front_matter
from iso20k_cli.evidence.scan import Candidate

_HEADING = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.MULTILINE)


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
    if b"\x00" in raw[:8192]:
        raise Unreadable("binary content in a text file")
    return decode(raw)


def extract_text_file(candidate: Candidate, headings: bool) -> Extracted:
    front = parse_front_matter(read_text(candidate))
    title, title_source = front.title, "front-matter" if front.title else None
    if title is None and headings and (match := _HEADING.search(front.body)):
        title, title_source = match[1].strip(), "heading"
    return Extracted(
        text=front.body,
        title=title,
        title_source=title_source,
        control=front.control,
        record_dates=front.record_dates,
        declared=front.declared,
        warnings=front.warnings,
    )
