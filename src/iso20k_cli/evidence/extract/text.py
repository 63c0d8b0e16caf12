"""Plain-text evidence: front-matter is honoured when present; there are no headings."""

from __future__ import annotations

from iso20k_cli.evidence.extract.base import Extracted
from iso20k_cli.evidence.extract.textfile import extract_text_file
from iso20k_cli.evidence.scan import Candidate


def extract(candidate: Candidate) -> Extracted:
    return extract_text_file(candidate)
