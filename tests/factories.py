"""Real evidence files for tests and benchmarks: PDF, Word, Excel, CSV and OpenDocument.

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
from xml.sax.saxutils import escape


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


ODF_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3"'
)
_ODF_META = {
    "title": "dc:title",
    "creator": "dc:creator",
    "initial-creator": "meta:initial-creator",
    "creation-date": "meta:creation-date",
    "date": "dc:date",
}


def odf_package(
    kind: str,
    body: str,
    meta: Mapping[str, str] | None = None,
    styles: str = "",
    automatic_styles: str = "",
    parts: Mapping[str, bytes] | None = None,
) -> bytes:
    """An OpenDocument package as LibreOffice writes one: ``mimetype`` first and stored,
    the manifest, ``content.xml`` with ``body`` inside ``office:body/office:{kind}``,
    ``styles.xml`` with ``styles`` (master pages) and ``meta.xml`` from ``meta`` (keys of
    ``_ODF_META``). ``parts`` replaces or adds parts as they are."""
    mimetype = f"application/vnd.oasis.opendocument.{kind}"
    head = '<?xml version="1.0" encoding="UTF-8"?>'
    content = (
        f"{head}<office:document-content {ODF_NS}>"
        f"<office:automatic-styles>{automatic_styles}</office:automatic-styles>"
        f"<office:body><office:{kind}>{body}</office:{kind}></office:body>"
        "</office:document-content>"
    )
    fields = "".join(
        f"<{_ODF_META[key]}>{escape(value)}</{_ODF_META[key]}>"
        for key, value in (meta or {}).items()
    )
    meta_xml = (
        f"{head}<office:document-meta {ODF_NS}><office:meta>{fields}</office:meta>"
        "</office:document-meta>"
    )
    styles_xml = (
        f"{head}<office:document-styles {ODF_NS}><office:master-styles>{styles}"
        "</office:master-styles></office:document-styles>"
    )
    manifest = (
        f'{head}<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:'
        'manifest:1.0" manifest:version="1.3">'
        f'<manifest:file-entry manifest:full-path="/" manifest:media-type="{mimetype}"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    members: dict[str, bytes] = {
        "content.xml": content.encode(),
        "styles.xml": styles_xml.encode(),
        "meta.xml": meta_xml.encode(),
        "META-INF/manifest.xml": manifest.encode(),
    }
    members.update(parts or {})
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), mimetype, zipfile.ZIP_STORED)
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def odt_paragraphs(paragraphs: Sequence[str | tuple[str, str]]) -> str:
    """Body XML: a paragraph each, (``Heading N``, text) as a heading of level N and
    (style, text) as a paragraph in that style."""
    parts = []
    for paragraph in paragraphs:
        if isinstance(paragraph, tuple):
            style, text = paragraph
            if style.startswith("Heading"):
                level = style.split()[-1]
                parts.append(
                    f'<text:h text:style-name="Heading_20_{level}" text:outline-level="{level}">'
                    f"{escape(text)}</text:h>"
                )
            else:
                parts.append(f'<text:p text:style-name="{style}">{escape(text)}</text:p>')
        else:
            parts.append(f"<text:p>{escape(paragraph)}</text:p>")
    return "".join(parts)


def odt_table(rows: Sequence[Sequence[str]], header_rows: int = 0) -> str:
    def row(cells: Sequence[str]) -> str:
        return (
            "<table:table-row>"
            + "".join(
                f'<table:table-cell office:value-type="string"><text:p>{escape(c)}</text:p>'
                "</table:table-cell>"
                for c in cells
            )
            + "</table:table-row>"
        )

    head = "".join(row(r) for r in rows[:header_rows])
    body = "".join(row(r) for r in rows[header_rows:])
    columns = f'<table:table-column table:number-columns-repeated="{len(rows[0])}"/>'
    wrapped = f"<table:table-header-rows>{head}</table:table-header-rows>" if head else ""
    return f'<table:table table:name="Table1">{columns}{wrapped}{body}</table:table>'


def write_odt(
    path: Path,
    paragraphs: Sequence[str | tuple[str, str]],
    tables: Sequence[Sequence[Sequence[str]]] = (),
    meta: Mapping[str, str] | None = None,
    header: str | None = None,
) -> Path:
    """An OpenDocument text: paragraphs as for :func:`write_docx`, then tables, metadata
    and a page header line."""
    body = odt_paragraphs(paragraphs) + "".join(odt_table(rows) for rows in tables)
    styles = ""
    if header is not None:
        styles = (
            '<style:master-page style:name="Standard"><style:header>'
            f"<text:p>{escape(header)}</text:p></style:header></style:master-page>"
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(odf_package("text", body, meta, styles))
    return path


def ods_cell(value: object, repeated: int = 1) -> str:
    """A spreadsheet cell holding ``value`` typed as LibreOffice types it."""
    extra = f' table:number-columns-repeated="{repeated}"' if repeated > 1 else ""
    if value is None:
        return f"<table:table-cell{extra}/>"
    if isinstance(value, bool):
        shown = "TRUE" if value else "FALSE"
        typed = f'office:value-type="boolean" office:boolean-value="{str(value).lower()}"'
    elif isinstance(value, (int, float)):
        shown, typed = str(value), f'office:value-type="float" office:value="{value}"'
    elif isinstance(value, (dt.date, dt.datetime)):
        shown, typed = (
            value.isoformat(),
            f'office:value-type="date" office:date-value="{value.isoformat()}"',
        )
    else:
        shown, typed = str(value), 'office:value-type="string"'
    return f"<table:table-cell {typed}{extra}><text:p>{escape(shown)}</text:p></table:table-cell>"


def ods_sheets(sheets: Mapping[str, Sequence[Sequence[object]]]) -> str:
    """Body XML of a spreadsheet, each row ended as LibreOffice ends it: one empty cell
    repeated to the last column, and each sheet by one empty row repeated to the last row."""
    tables = []
    for name, rows in sheets.items():
        cells = [
            "<table:table-row>"
            + "".join(ods_cell(v) for v in row)
            + ods_cell(None, 1000)
            + "</table:table-row>"
            for row in rows
        ]
        tail = (
            '<table:table-row table:number-rows-repeated="1048000">'
            '<table:table-cell table:number-columns-repeated="1024"/></table:table-row>'
        )
        tables.append(
            f'<table:table table:name="{escape(name, {chr(34): "&quot;"})}">'
            f'<table:table-column table:number-columns-repeated="1024"/>'
            f"{''.join(cells)}{tail}</table:table>"
        )
    return "".join(tables)


def write_ods(
    path: Path,
    sheets: Mapping[str, Sequence[Sequence[object]]],
    meta: Mapping[str, str] | None = None,
) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(odf_package("spreadsheet", ods_sheets(sheets), meta))
    return path


def write_xls(
    path: Path,
    sheets: Mapping[str, Sequence[Sequence[object]]],
    errors: Mapping[tuple[str, int, int], int] | None = None,
) -> Path:
    """A legacy Excel (.xls) workbook written by xlwt: dates in a date format, and
    ``errors`` (sheet, row, column) -> Excel error code (0x2A is #N/A)."""
    import xlwt  # type: ignore[import-untyped]  # no stubs are published

    workbook = xlwt.Workbook()
    date_style = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    time_style = xlwt.easyxf(num_format_str="YYYY-MM-DD HH:MM")
    for name, rows in sheets.items():
        sheet = workbook.add_sheet(name)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value is None:
                    continue
                if isinstance(value, dt.datetime):
                    sheet.write(r, c, value, time_style)
                elif isinstance(value, dt.date):
                    sheet.write(r, c, value, date_style)
                else:
                    sheet.write(r, c, value)
        for (where, r, c), code in (errors or {}).items():
            if where == name:
                sheet.row(r).set_cell_error(c, code)
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(str(path))
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
