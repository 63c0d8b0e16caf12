"""PDF evidence, read with pypdf: text, document information and a document-control block.

pypdf was chosen over pypdfium2 and pdfminer.six by benchmarks/pdf_libraries.py:
pdfium is about three times faster but is native code, where a malformed file can
bring the process down instead of raising; pdfminer.six is ten times slower. All
three reported encrypted, truncated and garbage files as errors.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Mapping
from typing import Any

from pypdf import PdfReader
from pypdf.errors import FileNotDecryptedError, PdfReadError

from iso20k_cli.evidence.extract.base import Extracted, Unreadable, metadata_control, useful_title
from iso20k_cli.evidence.scan import Candidate

# Document control is on the first pages and content keywords do not need the whole
# manual: reading at most this many pages bounds the time a huge PDF can take.
MAX_PAGES = 50

# pypdf reports recoverable oddities through logging, which would reach stderr.
logging.getLogger("pypdf").setLevel(logging.ERROR)

_PDF_DATE = re.compile(r"^(?:D:)?(\d{4})(\d{2})?(\d{2})?")


def _pdf_date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    match = _PDF_DATE.match(str(value or ""))
    if not match:
        return None
    try:
        return dt.date(int(match[1]), int(match[2] or 1), int(match[3] or 1))
    except ValueError:
        return None


def extract(candidate: Candidate) -> Extracted:
    try:
        return _read(candidate)
    except PdfReadError as exc:
        raise Unreadable(f"damaged or truncated PDF ({type(exc).__name__}: {exc})") from None


def _read(candidate: Candidate) -> Extracted:
    reader = PdfReader(candidate.path, strict=False)
    if reader.is_encrypted:
        try:
            opened = reader.decrypt("")  # many "protected" PDFs only restrict printing
        except (FileNotDecryptedError, NotImplementedError) as exc:
            raise Unreadable(f"encrypted PDF that cannot be opened ({exc})") from None
        if not opened:
            raise Unreadable("encrypted PDF: a password is needed to read it")
    info: Mapping[str, Any] = reader.metadata or {}
    metadata = metadata_control(
        info.get("/Identifier"), info.get("/Version"), info.get("/Author"), info.get("/Status")
    )
    dates = tuple(
        d for key in ("/CreationDate", "/ModDate") if (d := _pdf_date(info.get(key))) is not None
    )
    pages = reader.pages
    texts = [(page.extract_text() or "") for page in list(pages)[:MAX_PAGES]]
    text = "\n".join(texts)
    title = useful_title(info.get("/Title"))
    source = "metadata" if title else None
    first_line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if title is None and 3 <= len(first_line) <= 120:
        title, source = first_line, "first line"
    unreadable = None
    if len(pages) and not text.strip():
        unreadable = (
            "no text layer (a scanned image?): its content could not be read; recognised by "
            "file name or the evidence manifest only"
        )
    return Extracted(
        text=text,
        title=title,
        title_source=source,
        metadata=metadata,
        metadata_dates=dates,
        unreadable=unreadable,
    )
