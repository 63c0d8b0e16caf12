"""Files built to hurt a reader: bombs, entities, claimed sizes, encodings, XML-forbidden text."""

from __future__ import annotations

import io
import json
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl

from pptdeck import PptFile, PptSlide, container, ppt_bytes, ppt_streams, record
from worddoc import Piece, WordFile, compound_file, doc_bytes, paragraphs

from .harness import check, make_folder, report

GOOD_DOC = "# Incident policy\n\nHow incidents are handled.\n"
SECRET = "OUTSIDE-SECRET-51c9"

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _docx(body_xml: str, doctype: str = "") -> bytes:
    document = (
        f'<?xml version="1.0" encoding="UTF-8"?>{doctype}'
        f'<w:document xmlns:w="{W}"><w:body>{body_xml}</w:body></w:document>'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", RELS)
        archive.writestr("word/document.xml", document)
    return buffer.getvalue()


def _xlsx(rows: list[list[object]]) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _patch_zip(data: bytes, name: str, change: Callable[[bytes], bytes]) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == name:
                content = change(content)
            target.writestr(info.filename, content)
    return out.getvalue()


def test_zip_bomb(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("word/document.xml", b"\0" * (300 * 1024 * 1024))
    bomb = buffer.getvalue()
    root = make_folder(
        tmp_path, {"policy.md": GOOD_DOC, "bomb.docx": bomb, "bomb.xlsx": bomb, "bomb.pptx": bomb}
    )
    files = {f["path"]: f for f in json.loads(check(root).stdout)["files"]}
    assert all(files[name]["readable"] is False for name in ("bomb.docx", "bomb.xlsx"))


def test_xxe_in_docx_and_xlsx(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    doctype = f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://{secret}">]>'
    body = "<w:p><w:r><w:t>Incident policy &xxe;</w:t></w:r></w:p>"
    sheet_doctype = f'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file://{secret}">]>'

    def add_entity(content: bytes) -> bytes:
        text = content.decode()
        text = text.replace('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>', "")
        text = text.replace('<?xml version="1.0" encoding="UTF-8"?>', "")
        return (sheet_doctype + text.replace(">Title<", ">&xxe;<")).encode()

    xlsx = _patch_zip(
        _xlsx([["Title", "Date"], ["x", "2026-01-01"]]), "xl/sharedStrings.xml", add_entity
    )
    laughs = (
        '<!DOCTYPE w:document [<!ENTITY a "lollollollol">'
        + "".join(f'<!ENTITY {chr(98 + n)} "{("&" + chr(97 + n) + ";") * 10}">' for n in range(8))
        + "]>"
    )
    root = make_folder(
        tmp_path,
        {
            "policy.md": GOOD_DOC,
            "xxe.docx": _docx(body, doctype),
            "xxe.xlsx": xlsx,
            "laughs.docx": _docx("<w:p><w:r><w:t>&i;</w:t></w:r></w:p>", laughs),
        },
    )
    result = check(root)
    assert SECRET not in result.stdout


def test_spreadsheet_claiming_a_million_rows(tmp_path: Path) -> None:
    data = _xlsx([["Incident", "Opened"], ["INC-1", "2026-08-01"]])

    def claim(content: bytes) -> bytes:
        text = content.decode()
        start = text.find("<dimension")
        if start >= 0:
            end = text.index("/>", start) + 2
            text = text[:start] + text[end:]
        return text.replace(
            "<sheetViews", '<dimension ref="A1:XFD1048576"/><sheetViews', 1
        ).encode()

    root = make_folder(
        tmp_path,
        {
            "policy.md": GOOD_DOC,
            "incident-log.xlsx": _patch_zip(data, "xl/worksheets/sheet1.xml", claim),
        },
    )
    result = check(root)
    files = {f["path"]: f for f in json.loads(result.stdout)["files"]}
    assert "incident-log.xlsx" in files


def test_unicode_csv(tmp_path: Path) -> None:
    text = "Incident,Opened,Closed\nINC-1,2026-08-01,2026-08-02\nINC-2,2026-09-03,2026-09-04\n"
    root = make_folder(
        tmp_path,
        {
            "incident-log-utf16.csv": "\ufeff".encode("utf-16-le") + text.encode("utf-16-le"),
            "incident-log-utf16be.csv": b"\xfe\xff" + text.encode("utf-16-be"),
            "incident-log-utf32.csv": text.encode("utf-32"),
            "incident-log-utf16.txt": text.encode("utf-16"),
        },
    )
    files = {f["path"]: f for f in json.loads(check(root).stdout)["files"]}
    for name, file in files.items():
        assert file["readable"] is True, (name, file["error"])
        if name.endswith(".csv"):
            assert file["last_record"] is not None, (name, file)


def test_xml_forbidden_characters_in_excel_and_word_reports(tmp_path: Path) -> None:
    bad = "\x01\x08\x0b\x0c\x1f\ufffe"
    files = {
        f"incident policy {bad[:3]}.md": f"# Incident policy {bad}\n\nOwner: A{bad}\n",
        "scope.md": f'---\ntitle: "Scope {bad.encode("unicode_escape").decode()}"\n---\n',
        ".iso20k.yaml": 'organisation: "Org \\x01\\x0b Ltd"\nassessor: "A\\x1f"\n',
    }
    root = make_folder(tmp_path, files)
    for fmt in ("xlsx", "docx", "csv", "md", "html"):
        out = tmp_path / f"report.{fmt}"
        report(root, fmt, str(out), codes=(0,))
        assert out.stat().st_size > 0
    workbook = openpyxl.load_workbook(tmp_path / "report.xlsx")
    assert workbook.worksheets


def test_nul_and_binary_text(tmp_path: Path) -> None:
    root = make_folder(
        tmp_path,
        {
            "nul.md": b"# Incident policy\x00\x00\n",
            "latin.md": "# Politique d'incident \xe9\n".encode("cp1252"),
            "bad.csv": b"\xff\xfe\x00",
            "empty.xlsx": b"",
            "empty.csv": b"",
            "empty.md": b"",
        },
    )
    check(root)


def test_markup_pages_left_open_and_nested(tmp_path: Path) -> None:
    """reStructuredText and AsciiDoc pages whose tables, blocks and markup never close, nest
    without end or hold control characters: read, and the run keeps its promises."""
    open_rst = (
        "Incident policy\n===============\n\n:Owner: \x01\x1b[31mA\n\n"
        + "+---+---+\n| a | b |\n" * 2_000
        + ".. list-table::\n\n"
        + "   * - x\n" * 2_000
        + ".. note::\n" * 500
        + "\n"
        + "   " * 5_000
        + "deep\n"
        + "=====  =====\nx      y\n" * 1_000
        + "`" * 10_000
        + "\n"
        + ":a:`" * 5_000
        + "\n"
    )
    open_adoc = (
        "= Incident policy\n:owner: \x01\x1b[31mA\n:revdate: 0000-00-00\n\n"
        + "|===\n|a |b\n" * 2_000
        + "----\n====\n****\n////\n" * 500
        + '[cols="99999*"]\n|===\n|x\n|===\n'
        + "{a}" * 5_000
        + "<<" * 5_000
        + "xref:" * 5_000
        + "\n"
    )
    root = make_folder(
        tmp_path,
        {
            "policy.rst": open_rst,
            "policy.adoc": open_adoc,
            "empty.rst": b"",
            "nul.adoc": b"= Incident policy\x00\n",
            "latin.rst": "Politique d'incident \xe9\n======================\n".encode("cp1252"),
        },
    )
    files = {f["path"]: f for f in json.loads(check(root).stdout)["files"]}
    for name in ("policy.rst", "policy.adoc", "empty.rst", "latin.rst"):
        assert files[name]["readable"] is True, (name, files[name]["error"])
    assert "binary content" in files["nul.adoc"]["error"]


def _patched_entry(
    data: bytes, stream: str, change: Callable[[bytearray, int, int], None]
) -> bytes:
    """``data`` (a compound file) with ``change(data, entry offset, first sector)`` applied
    to the directory entry of ``stream``."""
    patched = bytearray(data)
    at = patched.index(stream.encode("utf-16-le") + b"\0\0")
    (start,) = struct.unpack_from("<I", patched, at + 116)
    change(patched, at, start)
    return bytes(patched)


def test_crafted_legacy_word_files(tmp_path: Path) -> None:
    good = doc_bytes(WordFile([Piece(paragraphs("Incident policy", "How incidents are handled."))]))

    def huge_size(data: bytearray, entry: int, start: int) -> None:
        struct.pack_into("<Q", data, entry + 120, 0xFFFFFFF0)

    def loop(data: bytearray, entry: int, start: int) -> None:
        (fat_sector,) = struct.unpack_from("<I", data, 76)
        struct.pack_into("<I", data, 512 * (1 + fat_sector) + 4 * start, start)

    opens = "\x13" * 500_000 + "text" + "\x15" * 500_000
    root = make_folder(
        tmp_path,
        {
            "policy.md": GOOD_DOC,
            "huge-stream.doc": _patched_entry(good, "WordDocument", huge_size),
            "loop.doc": _patched_entry(good, "WordDocument", loop),
            "fields.doc": doc_bytes(WordFile([Piece(opens)])),
            "cut.doc": good[:1500],
        },
    )
    files = {f["path"]: f for f in json.loads(check(root).stdout)["files"]}
    # A sector chain that loops is read only as far as the stream's stated size: some
    # text, never an endless read (the harness bounds the run's time and memory).
    assert "loop.doc" in files
    for name in ("huge-stream.doc", "cut.doc"):
        assert files[name]["readable"] is False and files[name]["error"], name
    assert "refusing" in files["huge-stream.doc"]["error"]
    assert files["fields.doc"]["readable"] is True  # a million field marks read in time


def test_crafted_legacy_powerpoint_files(tmp_path: Path) -> None:
    deck = PptFile([PptSlide(title="Service review", body="Availability 99.9%\r")])
    good = ppt_bytes(deck)

    def stream(data: bytes) -> bytes:
        streams = ppt_streams(deck)
        streams["PowerPoint Document"] = data
        return compound_file(streams)

    def huge_size(data: bytearray, entry: int, start: int) -> None:
        struct.pack_into("<Q", data, entry + 120, 0xFFFFFFF0)

    deep = b""
    for _ in range(100_000):  # each container claims all that follows: 100,000 deep
        deep = record(0x03E8, deep, version=0xF)
    # As many empty atoms as one compound file of a single FAT holds, inside a container.
    tiny = container(0x03E8, record(0x0FA8, b"") * 850_000)
    root = make_folder(
        tmp_path,
        {
            "policy.md": GOOD_DOC,
            "past-the-end.ppt": stream(struct.pack("<HHI", 0xF, 0x03E8, 0x7FFFFFFF) + b"\0" * 64),
            "deep.ppt": stream(deep),
            "tiny-records.ppt": stream(tiny),
            "cut.ppt": good[:1500],
            "encrypted.ppt": stream(container(0x2F14, b"\0" * 32) + b"\x9a" * 4000),
            "huge-stream.ppt": _patched_entry(good, "PowerPoint Document", huge_size),
        },
    )
    files = {f["path"]: f for f in json.loads(check(root).stdout)["files"]}
    for name in ("past-the-end.ppt", "deep.ppt", "cut.ppt", "encrypted.ppt", "huge-stream.ppt"):
        assert files[name]["readable"] is False and files[name]["error"], name
    assert "past the end" in files["past-the-end.ppt"]["error"]
    assert "nested more than" in files["deep.ppt"]["error"]
    assert "encrypted PowerPoint file" in files["encrypted.ppt"]["error"]
    assert "refusing" in files["huge-stream.ppt"]["error"]
    assert files["tiny-records.ppt"]["readable"] is True  # read in time, no text


def test_opendocument_and_legacy_excel(tmp_path: Path) -> None:
    from factories import odf_package, ods_cell, odt_paragraphs, write_xls

    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    # Every row and every cell repeated to the end of the sheet, each holding a value.
    endless = (
        '<table:table table:name="All"><table:table-row table:number-rows-repeated="1048576">'
        + ods_cell("Opened")
        + ods_cell("2026-01-01", repeated=16384)
        + "</table:table-row></table:table>"
    ) * 50
    spaces = '<text:p>Incident policy<text:s text:c="2147483647"/>end</text:p>' * 1000
    deep = "<text:list><text:list-item>" * 120 + "<text:p>deep</text:p>"
    deep += "</text:list-item></text:list>" * 120
    entity = odf_package(
        "text",
        "",
        parts={
            "content.xml": (
                f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file://{secret}">]>'
                '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:'
                'office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">'
                "<office:body><office:text><text:p>&xxe;</text:p></office:text></office:body>"
                "</office:document-content>"
            ).encode()
        },
    )
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", b"\0" * (300 * 1024 * 1024))
    xls = write_xls(tmp_path / "ok.xls", {"Log": [["Opened", "Id"], ["2026-01-01", 1]]})
    data = xls.read_bytes()
    root = make_folder(
        tmp_path,
        {
            "policy.md": GOOD_DOC,
            "incident-log.ods": odf_package("spreadsheet", endless),
            "spaces.odt": odf_package("text", odt_paragraphs(["Incident policy"]) + spaces),
            "deep.odt": odf_package("text", deep),
            "xxe.odt": entity,
            "bomb.odt": bomb.getvalue(),
            "bomb.ods": bomb.getvalue(),
            "cut.xls": data[: len(data) // 2],
            "junk.xls": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)) * 64,
            "bomb.xls": bomb.getvalue(),
        },
    )
    result = check(root)
    assert SECRET not in result.stdout
    files = {f["path"]: f for f in json.loads(result.stdout)["files"]}
    assert files["incident-log.ods"]["readable"] is True
    for name in ("xxe.odt", "bomb.odt", "bomb.ods", "cut.xls", "junk.xls", "bomb.xls"):
        assert files[name]["readable"] is False and files[name]["error"], name


def _mail(content_type: str, body: str, extra: str = "") -> bytes:
    head = (
        "From: ops@example.com\r\nDate: Mon, 02 Mar 2026 08:00:00 +0000\r\n"
        f"Subject: Change log\r\nMIME-Version: 1.0\r\nContent-Type: {content_type}\r\n{extra}"
    )
    return f"{head}\r\n{body}".encode("utf-8", "surrogateescape")


def test_crafted_email_messages(tmp_path: Path) -> None:
    parts = "".join(f"--B\r\nContent-Type: text/plain\r\n\r\npart {i}\r\n" for i in range(50_000))
    levels = 5_000
    nested = "".join(
        f'--b{i}\r\nContent-Type: multipart/mixed; boundary="b{i + 1}"\r\n\r\n'
        for i in range(levels)
    )
    forwarded = "Content-Type: message/rfc822\r\n\r\nFrom: a@example.com\r\n" * 20_000
    long_part_header = (
        '--B\r\nContent-Type: text/plain; name="' + "(" * 500_000 + '"\r\n\r\nhidden\r\n'
        "--B\r\nContent-Type: text/plain\r\n\r\nshown\r\n--B--\r\n"
    )
    root = make_folder(
        tmp_path,
        {
            "policy.md": GOOD_DOC,
            "parts.eml": _mail('multipart/mixed; boundary="B"', parts + "--B--\r\n"),
            "nested.eml": _mail('multipart/mixed; boundary="b0"', nested + "--b0--\r\n"),
            "forwarded.eml": _mail("message/rfc822", forwarded + "\r\ninner\r\n"),
            "header.eml": _mail("text/plain", "body\r\n", "X-Junk: " + "a" * 5_000_000 + "\r\n"),
            "part-header.eml": _mail('multipart/mixed; boundary="B"', long_part_header),
            "base64.eml": _mail(
                "text/plain; charset=utf-8",
                "!!not*base64@@" * 10_000 + "=\r\n",
                "Content-Transfer-Encoding: base64\r\n",
            ),
            "binary.eml": bytes(range(256)) * 64,
        },
    )
    files = {f["path"]: f for f in json.loads(check(root).stdout)["files"]}
    assert files["parts.eml"]["readable"] is True
    assert "first 200 MIME parts" in " ".join(files["parts.eml"]["warnings"])
    assert "nested more than 20 levels" in " ".join(files["nested.eml"]["warnings"])
    assert "nested too deeply" in files["forwarded.eml"]["error"]
    assert "headers are longer than 256 KB" in files["header.eml"]["error"]
    assert "headers are too long" in " ".join(files["part-header.eml"]["warnings"])
    assert "base64 part is damaged" in " ".join(files["base64.eml"]["warnings"])
    assert files["binary.eml"]["error"] == "binary content: not a saved e-mail message"


def test_crafted_rtf_files(tmp_path: Path) -> None:
    policy = (
        b"{\\rtf1\\ansi{\\info{\\title Incident Policy}}\\pard Version 1.0\\par "
        b"How incidents are handled.\\par}"
    )
    root = make_folder(
        tmp_path,
        {
            "policy.md": GOOD_DOC,
            "incident-policy.rtf": policy,
            "deep.rtf": b"{\\rtf1 " + b"{" * 1_000_000,
            "braces.rtf": b"{\\rtf1 " + b"{}" * 1_000_000 + b"text}",
            "backslashes.rtf": b"{\\rtf1 " + b"\\" * 1_000_001 + b"}",
            "huge-bin.rtf": b"{\\rtf1 kept\\bin99999999999999999999 " + b"\x00\xff" * 100_000,
            "skip-count.rtf": b"{\\rtf1 \\uc2147483647\\u8217 " + b"lost\\par " * 200_000 + b"}",
            "cut.rtf": policy[: len(policy) // 2],
            "not.rtf": b"\x00\x01 just some bytes " * 100,
        },
    )
    files = {f["path"]: f for f in json.loads(check(root).stdout)["files"]}
    assert files["incident-policy.rtf"]["readable"] is True
    for name in ("deep.rtf", "not.rtf"):
        assert files[name]["readable"] is False and files[name]["error"], name
    assert "nested too deeply" in files["deep.rtf"]["error"]
    # The others are read, within the run's time and memory bounds, to what they hold.
    for name in ("braces.rtf", "backslashes.rtf", "huge-bin.rtf", "skip-count.rtf", "cut.rtf"):
        assert files[name]["readable"] is True, (name, files[name]["error"])
