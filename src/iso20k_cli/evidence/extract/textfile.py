"""Shared reading of text-based evidence (Markdown and plain text)."""

from __future__ import annotations

from iso20k_cli.evidence.extract.base import Extracted, Unreadable
from iso20k_cli.evidence.frontmatter import parse_front_matter
from iso20k_cli.evidence.scan import Candidate


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
        declared=front.declared,
        warnings=front.warnings,
    )
