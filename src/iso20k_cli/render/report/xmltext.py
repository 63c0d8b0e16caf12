"""Text that Office XML can hold: evidence may name files with control characters."""

from __future__ import annotations

import re

# XML 1.0 forbids these; openpyxl and python-docx refuse them rather than drop them.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    return _ILLEGAL.sub("\ufffd", text)
