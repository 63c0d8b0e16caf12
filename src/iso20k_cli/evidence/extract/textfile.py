"""Shared reading of text-based evidence (Markdown and plain text)."""

from __future__ import annotations

import re

from iso20k_cli.evidence.frontmatter import parse_front_matter
from iso20k_cli.evidence.model import EvidenceFile
from iso20k_cli.evidence.scan import Candidate

_HEADING = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.MULTILINE)


def read_text(candidate: Candidate) -> str:
    raw = candidate.path.read_bytes()
    if b"\x00" in raw[:8192]:
        raise ValueError("binary content in a text file")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")


def extract_text_file(candidate: Candidate, fmt: str, headings: bool) -> EvidenceFile:
    text = read_text(candidate)
    front = parse_front_matter(text)
    body = front.body
    title, title_source = front.title, "front-matter" if front.title else None
    if title is None and headings and (match := _HEADING.search(body)):
        title, title_source = match[1].strip(), "heading"
    return EvidenceFile(
        path=candidate.rel,
        format=fmt,
        size=candidate.size,
        readable=True,
        title=title,
        title_source=title_source,
        text=body,
        control=front.control,
        record_dates=front.record_dates,
        declared=front.declared,
        warnings=tuple(front.warnings),
    )
