"""Legacy Word (.doc) evidence: files saved by Word (Apache POI's test files) and files
built here piece by piece, read back through the collector and the CLI."""

from __future__ import annotations

import datetime as dt
import shutil
import struct
from pathlib import Path

import pytest

from conftest import AS_OF, MINI, Folder, Invoke
from factories import write_docx
from iso20k_cli.evidence.extract import legacyword
from iso20k_cli.evidence.extract.base import MAX_TEXT_CHARS
from iso20k_cli.evidence.model import DocStatus, EvidenceFile
from iso20k_cli.evidence.scan import Candidate
from test_evidence_formats import read
from worddoc import (
    ENCRYPTED,
    TEXT_AT,
    Piece,
    WordFile,
    compound_file,
    doc_bytes,
    paragraphs,
    piece_table,
    row,
    word_streams,
    write_doc,
)

D = dt.date
LEGACY = Path(__file__).parent / "data" / "legacy"


def copy(folder: Folder, *names: str) -> None:
    for name in names:
        shutil.copy(LEGACY / name, folder.root / name)


def policy(**changes: object) -> WordFile:
    """An incident policy as a client keeps it: a control table, numbered headings, a
    field, a cp1252 piece and a UTF-16 piece, a page header."""
    body = [
        Piece(
            paragraphs("Incident Management Policy")
            + row("Document ID", "ITSM-POL-007")
            + row("Version", "2.1")
            + row("Status", "Approved")
            + row("Approved by", "Jane Doe")
            + row("Approval date", "12 May 2026")
            + row("Next review", "10 March 2027")
            + paragraphs(
                "1. Purpose",
                "How incidents are logged, classified and resolved.",
                "2. Scope",
                "Every service in the service catalogue.",
                "3. Roles",
                "The service desk owns every incident until it is closed.",
                "4. Handling",
                "4.1 Logging",
                "Every contact is logged.",
                "4.2 Classification",
                "Impact and urgency give the priority.",
            )
        ),
        Piece(
            paragraphs(
                "4.3 Major incident handling",
                "A major incident is declared by the duty manager – “P1” – and reviewed.",
                'See \x13 HYPERLINK "https://intranet/p1" \x14the escalation rota\x15 daily.',
            ),
            compressed=False,
        ),
    ]
    fields: dict[str, object] = {
        "body": body,
        "header": paragraphs("Owner: Service Desk Manager"),
        "title": "Incident Management Policy",
        "author": "Alice Smith",
        "created": dt.datetime(2025, 3, 1, 10, 0),
        "saved": dt.datetime(2026, 5, 12, 9, 30),
    }
    fields.update(changes)
    return WordFile(**fields)  # type: ignore[arg-type]


# --- files saved by Word ---------------------------------------------------------------


def test_word_97_file_text_title_table_and_properties(evidence: Folder) -> None:
    copy(evidence, "simple-table.doc", "SampleDoc.doc", "hyperlink.doc")
    files = read(evidence)
    table = files["simple-table.doc"]
    assert table.readable and table.format == "doc" and table.error is None
    assert table.title == "This is a Word document that was created using Word 97 – SR2"
    assert table.title_source == "metadata"
    assert "It contains a paragraph, a table consisting of 2 rows" in table.text
    assert "Cell 1,1 | Cell 1,2 | Cell 1,3\nCell 2,1 | Cell 2,2 | Cell 2,3" in table.text
    assert table.text.endswith("This text is below the table.")
    assert table.control.owner == "Bob Otterberg"  # the author, from the properties
    assert table.record_dates == (D(2003, 3, 11),)  # created and saved that day
    sample = files["SampleDoc.doc"]
    assert (sample.title, sample.title_source) == ("Test Document", "metadata")
    assert "It’s Arial Black in 16 point" in sample.text
    link = files["hyperlink.doc"]
    assert link.text == "Before text; Hyperlink text; after text"  # no HYPERLINK code
    assert link.title_source == "first line"


def test_footer_is_read_for_document_control() -> None:
    path = LEGACY / "FancyFoot.doc"
    extracted = legacyword.extract(Candidate(path.name, path, path.stat().st_size))
    assert extracted.control_lines == [
        "This is a fancy alphabet footer, with page number and everything Page 2"
    ]
    assert "alphabet footer" not in extracted.text  # the body stops where the body ends


def test_encrypted_and_word_6_files_are_refused_with_a_reason(evidence: Folder) -> None:
    copy(evidence, "PasswordProtected.doc", "Word6.doc")
    files = read(evidence)
    locked, old = files["PasswordProtected.doc"], files["Word6.doc"]
    assert not locked.readable and locked.read_failure
    assert locked.error == "encrypted Word document: a password is needed to read it"
    assert not old.readable
    assert "Word 6 or Word 95" in (old.error or "") and ".docx" in (old.error or "")


# --- files built here ------------------------------------------------------------------


def test_built_policy_control_sections_and_text(evidence: Folder) -> None:
    write_doc(evidence.root / "incident-policy.doc", policy())
    f = read(evidence)["incident-policy.doc"]
    assert f.readable and not f.warnings
    assert (f.title, f.title_source) == ("Incident Management Policy", "metadata")
    c = f.control
    assert (c.doc_id, c.version, c.status, c.approver) == (
        "ITSM-POL-007",
        "2.1",
        DocStatus.APPROVED,
        "Jane Doe",
    )
    assert (c.approved, c.review_due) == (D(2026, 5, 12), D(2027, 3, 10))
    assert c.owner == "Service Desk Manager"  # the page header wins over the author
    assert "Document ID | ITSM-POL-007" in f.text.splitlines()
    assert "declared by the duty manager – “P1” – and reviewed" in f.text  # UTF-16 piece
    assert "See the escalation rota daily." in f.text and "HYPERLINK" not in f.text
    assert "\r" not in f.text and "\x07" not in f.text
    headings = [(s.heading, s.level) for s in f.sections]
    assert headings == [
        ("1. Purpose", 1),
        ("2. Scope", 1),
        ("3. Roles", 1),
        ("4. Handling", 1),
        ("4.1 Logging", 2),
        ("4.2 Classification", 2),
        ("4.3 Major incident handling", 2),
    ]
    major = f.sections[-1]
    assert f.text[major.start : major.end].startswith("4.3 Major incident handling\nA major")


def test_properties_give_title_owner_and_dates_when_the_text_does_not(
    evidence: Folder,
) -> None:
    body = [Piece(paragraphs("Some text that names no owner.", "Second paragraph."))]
    write_doc(
        evidence.root / "note.doc",
        WordFile(
            body,
            title="Supplier Management Process",
            author="Bob Jones",
            created=dt.datetime(2025, 1, 2),
            saved=dt.datetime(2025, 6, 30),
        ),
    )
    write_doc(evidence.root / "untitled.doc", WordFile(body, title="Document1"))
    assert_properties_stand_in(read(evidence), ".doc")


def assert_properties_stand_in(files: dict[str, EvidenceFile], suffix: str) -> None:
    """``note`` and ``untitled`` (with ``suffix``) as the properties tests write them: the
    note's properties give its title, owner and dates; a default title gives way to the
    first line."""
    note = files[f"note{suffix}"]
    assert (note.title, note.control.owner) == ("Supplier Management Process", "Bob Jones")
    assert note.record_dates == (D(2025, 1, 2), D(2025, 6, 30))
    untitled = files[f"untitled{suffix}"]
    assert (untitled.title, untitled.title_source) == (
        "Some text that names no owner.",
        "first line",
    )
    assert untitled.record_dates == () and untitled.control.owner is None


def test_table_stream_named_by_the_flag(evidence: Folder) -> None:
    write_doc(evidence.root / "zero.doc", policy(flags=0, prc=False))  # 0Table, no Prc
    f = read(evidence)["zero.doc"]
    assert f.readable and f.control.doc_id == "ITSM-POL-007"


def test_check_reads_the_approval_in_a_doc_policy(cli: Invoke, evidence: Folder) -> None:
    write_doc(evidence.root / "Incident Policy.doc", policy())
    draft = policy(
        body=[
            Piece(
                paragraphs(
                    "Scope Statement",
                    "Services in scope: the service desk, incident, change and release "
                    "management for every customer of the hosting service.",
                )
            )
        ],
        title=None,
        header="",
    )
    write_doc(evidence.root / "Scope Statement.doc", draft)
    result = cli("check", evidence.root, "--catalogue", MINI, "--as-of", AS_OF, "-f", "json")
    assert result.exit_code in (0, 1), result.stderr
    data = result.json()
    items = {i["id"]: i for i in data["items"]}
    files = {f["path"]: f for f in data["files"]}
    assert files["Incident Policy.doc"]["readable"] is True
    assert [e["path"] for e in items["incident-policy"]["evidence"]] == ["Incident Policy.doc"]
    assert items["incident-policy"]["status"] == "met"
    # Recognised by its content, the scope statement states no approval: not met.
    assert [e["path"] for e in items["scope"]["evidence"]] == ["Scope Statement.doc"]
    assert items["scope"]["status"] != "met"


# --- damaged, crafted and mislabelled files --------------------------------------------


def _hostile(name: str) -> bytes:
    good = policy()
    if name == "truncated.doc":
        data = doc_bytes(good)
        return data[: len(data) // 3]
    if name == "past-the-end.doc":
        return doc_bytes(policy(body=[Piece("Lost text\r", fc=10_000_000)]))
    if name == "many-pieces.doc":
        count = legacyword.MAX_PIECES + 1
        plc = struct.pack(f"<{count + 1}I", *range(count + 1)) + b"\0" * (8 * count)
        return doc_bytes(policy(clx=b"\x02" + struct.pack("<I", len(plc)) + plc))
    if name == "backwards.doc":
        clx = piece_table([(5, TEXT_AT, True), (0, TEXT_AT, True)], prc=False)
        return doc_bytes(policy(clx=clx))
    if name == "clx-outside.doc":
        streams = word_streams(good)
        word = bytearray(streams["WordDocument"])
        struct.pack_into("<I", word, 0x9A + 2 + 33 * 8, 0x7FFF0000)  # fcClx
        streams["WordDocument"] = bytes(word)
        return compound_file(streams)
    if name == "encrypted.doc":
        return doc_bytes(policy(flags=0x0200 | ENCRYPTED))
    if name == "no-word-stream.doc":
        streams = word_streams(good)
        del streams["WordDocument"]
        return compound_file(streams)
    if name == "not-ole.doc":
        return b"\x00\x01 just some bytes " * 100
    raise AssertionError(name)


HOSTILE = {
    "truncated.doc": "damaged",
    "past-the-end.doc": "its text lies past the end of the WordDocument stream",
    "many-pieces.doc": f"its text is in {legacyword.MAX_PIECES + 1} pieces; refusing",
    "backwards.doc": "its piece table is out of order",
    "clx-outside.doc": "its piece table lies outside the table stream",
    "encrypted.doc": "encrypted Word document: a password is needed",
    "no-word-stream.doc": "not a Word document: the file has no WordDocument stream",
    "not-ole.doc": "not a Word document: the file is not an OLE2 compound file",
}


def test_hostile_files_are_unreadable_with_a_reason(cli: Invoke, evidence: Folder) -> None:
    for name in HOSTILE:
        (evidence.root / name).write_bytes(_hostile(name))
    write_doc(evidence.root / "Incident Policy.doc", policy())
    result = cli("check", evidence.root, "--catalogue", MINI, "--as-of", AS_OF, "-f", "json")
    assert result.exit_code in (0, 1), result.stderr
    files = {f["path"]: f for f in result.json()["files"]}
    for name, reason in HOSTILE.items():
        assert files[name]["readable"] is False, name
        assert reason in files[name]["error"], (name, files[name]["error"])
    assert files["Incident Policy.doc"]["readable"] is True


def test_text_is_bounded_by_the_character_limit(tmp_path: Path) -> None:
    # A piece claiming more characters than are kept: only the kept ones are decoded.
    text = "x" * 50 + "\r"
    path = write_doc(tmp_path / "long.doc", WordFile([Piece(text)]))
    data = bytearray(path.read_bytes())
    # ccpText claims far more than the stream holds; the read stops at the limit.
    claim = bytes(struct.pack("<i", len(text)))
    at = data.index(b"\xec\xa5")
    ccp_at = at + 32 + 2 + 28 + 2 + 4 * 3
    assert bytes(data[ccp_at : ccp_at + 4]) == claim
    data[ccp_at : ccp_at + 4] = struct.pack("<i", MAX_TEXT_CHARS * 4)
    path.write_bytes(bytes(data))
    extracted = legacyword.extract(Candidate(path.name, path, len(data)))
    assert extracted.text == "x" * 50  # the piece ends where its characters end


@pytest.mark.parametrize(
    ("content", "fmt"),
    [
        (
            b"<html><head><title>Change Management Procedure</title></head>"
            b"<body><p>Changes are assessed.</p></body></html>",
            "html",
        ),
        (
            b"{\\rtf1\\ansi{\\info{\\title Change Management Procedure}}"
            b"\\pard Changes are assessed.\\par}",
            "rtf",
        ),
        (None, "docx"),
    ],
)
def test_other_formats_saved_as_doc_are_read_as_what_they_are(
    evidence: Folder, content: bytes | None, fmt: str
) -> None:
    path = evidence.root / "Change Management Procedure.doc"
    if content is None:
        write_docx(path, [("Title", "Change Management Procedure"), "Changes are assessed."])
    else:
        path.write_bytes(content)
    f = read(evidence)["Change Management Procedure.doc"]
    assert f.readable, (fmt, f.error)
    assert f.title == "Change Management Procedure"
    assert "Changes are assessed." in f.text


def test_revision_history_rows_give_the_version_and_last_revision(evidence: Folder) -> None:
    body = [
        Piece(
            paragraphs("Change Management Procedure", "Revision history")
            + row("Version", "Date", "Author", "Change")
            + row("1.0", "01/02/2025", "A. Smith", "First issue")
            + row("1.1", "2026-03-03", "A. Smith", "Annual review")
            + paragraphs("1. Purpose", "Changes are assessed before they are made.")
        )
    ]
    write_doc(evidence.root / "change-procedure.doc", WordFile(body))
    f = read(evidence)["change-procedure.doc"]
    assert (f.control.version, f.control.revised) == ("1.1", D(2026, 3, 3))
    assert f.title == "Change Management Procedure"
