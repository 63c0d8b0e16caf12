"""Real evidence files for tests and benchmarks: PDF, Word, Excel and CSV.

The PDF writer is hand-made on purpose: the formats' own libraries read PDFs but
cannot typeset text, and a few dozen lines of PDF syntax give files that every
reader accepts, with or without a text layer.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path


def _pdf_string(text: str) -> bytes:
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return b"(" + escaped.encode("latin-1", "replace") + b")"


def pdf_bytes(
    pages: Sequence[Sequence[str]],
    info: dict[str, str] | None = None,
    scan: bool = False,
) -> bytes:
    """A PDF whose pages hold the given lines of text; ``scan`` draws an image instead."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled in once the page tree exists
    pages_id = add(b"")
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    image = None
    if scan:
        pixels = bytes((x * 7 + y * 13) % 256 for y in range(32) for x in range(32))
        image = add(
            b"<< /Type /XObject /Subtype /Image /Width 32 /Height 32 /ColorSpace /DeviceGray "
            b"/BitsPerComponent 8 /Length %d >>\nstream\n" % len(pixels) + pixels + b"\nendstream"
        )
    kids = []
    for lines in pages:
        if scan:
            content = b"q 495 0 0 700 50 70 cm /Im1 Do Q"
        else:
            parts = [b"BT /F1 11 Tf 14 TL 50 800 Td"]
            for line in lines:
                parts.append(_pdf_string(line) + b" Tj T*")
            parts.append(b"ET")
            content = b"\n".join(parts)
        stream = add(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        xobject = b" /XObject << /Im1 %d 0 R >>" % image if image else b""
        kids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] "
                b"/Resources << /Font << /F1 %d 0 R >>%s >> /Contents %d 0 R >>"
                % (pages_id, font, xobject, stream)
            )
        )
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id
    objects[pages_id - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids),
        len(kids),
    )
    info_id = None
    if info:
        entries = b" ".join(b"/" + k.encode() + b" " + _pdf_string(v) for k, v in info.items())
        info_id = add(b"<< " + entries + b" >>")

    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    trailer = b"<< /Size %d /Root %d 0 R" % (len(objects) + 1, catalog)
    if info_id:
        trailer += b" /Info %d 0 R" % info_id
    out.write(b"trailer\n" + trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref)
    return out.getvalue()


def pdf_date(day: dt.date) -> str:
    return f"D:{day:%Y%m%d}000000Z"


def write_pdf(
    path: Path,
    pages: Sequence[Sequence[str]],
    info: dict[str, str] | None = None,
    scan: bool = False,
    password: str | None = None,
) -> Path:
    data = pdf_bytes(pages, info, scan)
    if password is not None:
        from pypdf import PdfReader, PdfWriter

        writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
        writer.encrypt(user_password=password, algorithm="RC4-128")
        buffer = io.BytesIO()
        writer.write(buffer)
        data = buffer.getvalue()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def write_docx(
    path: Path,
    paragraphs: Sequence[str | tuple[str, str]],
    tables: Sequence[Sequence[Sequence[str]]] = (),
    core: dict[str, object] | None = None,
    header: str | None = None,
) -> Path:
    """A Word document: paragraphs (text, or (style, text)), then tables, core properties."""
    import docx

    document = docx.Document()
    for paragraph in paragraphs:
        if isinstance(paragraph, tuple):
            style, text = paragraph
            if style.startswith("Heading"):
                document.add_heading(text, level=int(style.split()[-1]))
            elif style == "Title":
                document.add_heading(text, level=0)
            else:
                document.add_paragraph(text, style=style)
        else:
            document.add_paragraph(paragraph)
    for rows in tables:
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                table.cell(r, c).text = value
    if header is not None:
        document.sections[0].header.paragraphs[0].text = header
    props = document.core_properties
    # Fixed dates keep generated files identical from run to run.
    props.created = dt.datetime(2026, 1, 1)
    props.modified = dt.datetime(2026, 1, 1)
    for key, setting in (core or {}).items():
        setattr(props, key, setting)
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path


def write_xlsx(
    path: Path,
    sheets: Mapping[str, Sequence[Sequence[object]]],
    properties: dict[str, object] | None = None,
) -> Path:
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.remove(workbook.worksheets[0])  # the empty sheet a new workbook opens on
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
    props = workbook.properties
    props.created = dt.datetime(2026, 1, 1)
    props.modified = dt.datetime(2026, 1, 1)
    for key, value in (properties or {}).items():
        setattr(props, key, value)
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(str(path))
    return path


def write_csv(path: Path, rows: Sequence[Sequence[object]], delimiter: str = ",") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream, delimiter=delimiter).writerows(rows)
    return path


def write_zip_bomb(path: Path, uncompressed_mb: int = 300) -> Path:
    """An Office-looking zip whose one entry inflates to ``uncompressed_mb`` of zeros."""
    path.parent.mkdir(parents=True, exist_ok=True)
    chunk = b"\0" * (1024 * 1024)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as entry:
            for _ in range(uncompressed_mb):
                entry.write(chunk)
    return path


def rewrite_package(path: Path, change: Callable[[str, bytes], bytes | None]) -> Path:
    """Rewrite an Office package's members through ``change`` (None drops the member)."""
    with zipfile.ZipFile(path) as archive:
        members = [(info.filename, archive.read(info)) for info in archive.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, blob in members:
            changed = change(name, blob)
            if changed is not None:
                archive.writestr(name, changed)
    return path
