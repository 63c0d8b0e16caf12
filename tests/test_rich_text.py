"""Rich Text Format (.rtf) evidence: documents written here as RTF (it is text), read back
through the collector and the CLI."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from conftest import AS_OF, MINI, Folder, Invoke
from iso20k_cli.evidence.extract import richtext
from iso20k_cli.evidence.extract.base import MAX_TEXT_CHARS, Unreadable
from iso20k_cli.evidence.model import DocStatus
from test_evidence_formats import read
from test_legacy_word import assert_properties_stand_in

D = dt.date

HEAD = (
    r"{\rtf1\ansi\ansicpg1252\deff0\uc1"
    r"{\fonttbl{\f0\froman\fcharset0 Times New Roman;}{\f1\fswiss\fcharset0 Arial;}}"
    r"{\colortbl;\red0\green0\blue0;\red255\green0\blue0;}"
    r"{\stylesheet{\ql \f0 Normal;}{\s1\ql\outlinelevel0\sbasedon0\snext0 heading 1;}"
    r"{\s2\ql\sbasedon0\snext0 heading 2;}{\s15\qc\sbasedon0 Title;}"
    r"{\*\cs10 \additive Default Paragraph Font;}}"
    r"{\*\generator Microsoft Word 16.0;}"
)


def row(*cells: str) -> str:
    return (
        r"\trowd\cellx3000\cellx6000\pard\intbl "
        + "".join(f"{cell}\\cell " for cell in cells)
        + r"\row "
    )


def paragraph(text: str, style: int | None = None) -> str:
    return (r"\pard\plain " if style is None else rf"\pard\plain\s{style} ") + text + "\\par\n"


def policy(
    info: str = r"{\info{\title Incident Management Policy}{\author Alice Smith}"
    r"{\creatim\yr2025\mo3\dy1\hr10\min0}{\revtim\yr2026\mo5\dy12\hr9\min30}"
    r"{\company Harbourside}{\*\password 00000000}}",
    header: str = r"{\header\pard\plain Document owner: Service Desk Manager\par}",
) -> str:
    """An incident policy as Word writes one: an information group, a page header, a
    control table, styled headings, a field, a picture, accented and Unicode characters."""
    return (
        HEAD
        + info
        + header
        + paragraph("Incident Management Policy", 15)
        + row("Document ID", "ITSM-POL-007")
        + row("Version", "2.1")
        + row("Status", "Approved")
        + row("Approved by", "Jane Doe")
        + row("Approval date", "12 May 2026")
        + row("Next review", "10 March 2027")
        + paragraph("Purpose", 1)
        + paragraph(r"How incidents are logged, classified and r\'e9solved by the caf\'e9 team.")
        + r"{\pict\wmetafile8\picw100\pich100 0100090000035000000000002700000000000400}"
        + r"{\*\shppict{\pict\pngblip 89504e470d0a1a0a}}"
        + paragraph("Scope", 1)
        + paragraph(r"The service desk\u8217?s customers, every service in the catalogue.")
        + paragraph("Major incidents", 2)
        + paragraph(
            r"See {\field{\*\fldinst { HYPERLINK \"https://intranet/p1\" }}"
            r"{\fldrslt {\ul the escalation rota}}} daily."
            r"{\footnote \pard\plain A footnote that is not body text.}"
        )
        + "}"
    )


def write(folder: Folder, name: str, text: str) -> Path:
    return folder.add(name, text.encode("latin-1"))


def test_policy_title_control_sections_text_and_dates(evidence: Folder) -> None:
    write(evidence, "incident-policy.rtf", policy())
    f = read(evidence)["incident-policy.rtf"]
    assert f.format == "rtf" and f.readable and f.error is None and not f.warnings
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
    assert [(s.heading, s.level) for s in f.sections] == [
        ("Incident Management Policy", 1),
        ("Purpose", 1),
        ("Scope", 1),
        ("Major incidents", 2),
    ]
    scope = f.sections[2]
    assert f.text[scope.start : scope.end] == (
        "Scope\nThe service desk’s customers, every service in the catalogue.\n"
        "Major incidents\nSee the escalation rota daily."
    )
    assert "résolved by the café team." in f.text
    assert "Document owner" not in f.text  # the header is not body text
    for absent in ("Times New Roman", "Arial", "Normal", "HYPERLINK", "footnote", "Harbourside"):
        assert absent not in f.text, absent
    assert "0100090000" not in f.text and "89504e47" not in f.text  # pictures skipped
    assert "Document ID | ITSM-POL-007" in f.text.splitlines()
    [table] = f.tables
    assert table.header == ("Document ID", "ITSM-POL-007")
    assert table.rows[0] == ("Version", "2.1") and table.row_count == 5
    assert table.section == "Incident Management Policy"
    # The approval date stands in for the properties' dates.
    assert f.record_dates == (D(2026, 5, 12),)


def test_information_group_gives_owner_and_dates_when_the_text_does_not(
    evidence: Folder,
) -> None:
    body = paragraph("Some text that names no owner.") + paragraph("Second paragraph.")
    write(
        evidence,
        "note.rtf",
        HEAD
        + r"{\info{\title Supplier Management Process}{\author Bob Jones}"
        + r"{\creatim\yr2025\mo1\dy2}{\revtim\yr2025\mo6\dy30}}"
        + body
        + "}",
    )
    write(evidence, "untitled.rtf", HEAD + r"{\info{\title Document1}}" + body + "}")
    assert_properties_stand_in(read(evidence), ".rtf")


def test_numbered_lines_are_sections_where_no_heading_style_is_used(evidence: Folder) -> None:
    text = (
        r"{\rtf1\ansi "
        + paragraph("Change Management Procedure")
        + paragraph("1. Purpose")
        + paragraph("Changes are assessed before they are made.")
        + paragraph(r"2. Roles\line The change manager chairs the board.")
        + paragraph("2.1 Change advisory board")
        + paragraph("It meets weekly.")
        + "}"
    )
    write(evidence, "change.rtf", text)
    f = read(evidence)["change.rtf"]
    assert [(s.heading, s.level) for s in f.sections] == [
        ("1. Purpose", 1),
        ("2. Roles", 1),
        ("2.1 Change advisory board", 2),
    ]
    assert (f.title, f.title_source) == ("Change Management Procedure", "first line")


def test_characters_code_pages_and_unicode() -> None:
    text = (
        r"{\rtf1\ansi\ansicpg1251\uc1 \'cf\'f0\'e8\'e2\'e5\'f2 "
        r"\u8220?quoted\u8221? \uc0\u233 t\uc2\u8212 ab\~x\-y\_z \\ \{ \} "
        r"\u-10179?\u-8903? \emdash\tab end}"
    )
    extracted = richtext.read_rtf(text.encode("ascii"))
    # \uc2 skips two characters of fallback ("ab", then "? " after the surrogate pair).
    assert extracted.text == "Привет “quoted” ét— xy-z \\ { } \U0001f539—\tend"


def test_page_footer_table_is_read_for_document_control() -> None:
    footer = (
        r"{\footer\pard\plain\intbl Version\cell 3.0\cell\row "
        r"\pard\plain Page {\field{\*\fldinst PAGE}{\fldrslt 1}}\par}"
    )
    extracted = richtext.read_rtf((r"{\rtf1\ansi " + footer + r"Body text.\par}").encode())
    assert extracted.control_lines == ["Page 1", "Version: 3.0"]
    assert extracted.text == "Body text."


def test_check_reads_the_approval_in_an_rtf_policy(cli: Invoke, evidence: Folder) -> None:
    write(evidence, "Incident Policy.rtf", policy())
    draft = (
        r"{\rtf1\ansi "
        + paragraph("Scope Statement")
        + paragraph(
            "Services in scope: the service desk, incident, change and release "
            "management for every customer of the hosting service."
        )
        + "}"
    )
    write(evidence, "Scope Statement.rtf", draft)
    result = cli("check", evidence.root, "--catalogue", MINI, "--as-of", AS_OF, "-f", "json")
    assert result.exit_code in (0, 1), result.stderr
    data = result.json()
    items = {i["id"]: i for i in data["items"]}
    files = {f["path"]: f for f in data["files"]}
    assert files["Incident Policy.rtf"]["readable"] is True
    assert files["Incident Policy.rtf"]["format"] == "rtf"
    assert [e["path"] for e in items["incident-policy"]["evidence"]] == ["Incident Policy.rtf"]
    assert items["incident-policy"]["status"] == "met"
    assert [e["path"] for e in items["scope"]["evidence"]] == ["Scope Statement.rtf"]
    assert items["scope"]["status"] != "met"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"Just a note, not RTF at all.", "not an RTF file: it does not begin with {\\rtf"),
        (b"{\\rtf1" + b"{" * 5_000, "groups nested too deeply (more than 1,000)"),
        (b"", "not an RTF file"),
    ],
)
def test_files_that_cannot_be_read_say_why(evidence: Folder, content: bytes, reason: str) -> None:
    evidence.add("bad.rtf", content)
    f = read(evidence)["bad.rtf"]
    assert not f.readable and f.read_failure
    assert reason in (f.error or "")


def test_a_cut_file_keeps_its_text_with_a_warning(evidence: Folder) -> None:
    data = policy().encode("latin-1")
    write(evidence, "cut.rtf", data[: data.index(b"Scope")].decode("latin-1"))
    f = read(evidence)["cut.rtf"]
    assert f.readable and f.control.version == "2.1"
    assert "classified and résolved" in f.text
    assert f.warnings == ("the RTF file ends before its last group closes (cut short?)",)


def test_bounds_on_crafted_input() -> None:
    text = richtext.read_rtf(b"{\\rtf1 " + b"x" * (MAX_TEXT_CHARS + 10) + b"}").text
    assert len(text) == MAX_TEXT_CHARS
    # A \bin count past the end of the file skips to its end; one too long to be a number too.
    for count in (b"99999999", b"9" * 40):
        binary = richtext.read_rtf(b"{\\rtf1 kept \\bin" + count + b" " + b"lost" * 100 + b"}")
        assert binary.text == "kept" and binary.warnings
    # Binary data of the stated length is skipped, braces and all.
    skipped = richtext.read_rtf(b"{\\rtf1 a{\\pict\\bin6 }}{{\\}}b}")
    assert skipped.text == "ab" and not skipped.warnings
    # Impossible dates and code pages are ignored, parameters too long to be numbers too.
    odd = richtext.read_rtf(
        b"{\\rtf1\\ansicpg-5{\\info{\\creatim\\yr9999999999\\mo99\\dy1}"
        b"{\\revtim\\yr2026\\mo2\\dy30}{\\creatim\\listtext\\yr2026}}"
        b"\\'e9\\u99999999999 \\u-2147483648 a}"
    )
    # \u-2147483648 is U+0000, no text; "a" is its fallback, skipped.
    assert (odd.text, odd.metadata_dates) == ("é", ())  # 30 February is no date either
    with pytest.raises(Unreadable, match="nested too deeply"):
        richtext.read_rtf(b"{\\rtf1 " + b"{" * (richtext.MAX_DEPTH + 1))


# --- files saved by Word, LibreOffice and WordPad (Apache Tika's test files) ----------

LEGACY = Path(__file__).parent / "data" / "legacy"


def test_files_saved_by_word_libreoffice_and_wordpad(evidence: Folder) -> None:
    names = (
        "testRTF.rtf",
        "testRTFWord2010CzechCharacters.rtf",
        "testRTFListLibreOffice.rtf",
        "testRTFTableCellSeparation.rtf",
    )
    for name in names:
        shutil.copy(LEGACY / name, evidence.root / name)
    files = read(evidence)
    assert all(files[n].readable and not files[n].warnings for n in names)
    word = files["testRTF.rtf"]
    assert (word.title, word.title_source) == ("Test d’indexation Word", "metadata")
    assert word.control.owner == "Bibliotheque"
    assert word.record_dates == (D(2006, 5, 18),)
    czech = files["testRTFWord2010CzechCharacters.rtf"]
    assert (czech.title, czech.title_source) == ("Článek týdne", "first line")
    assert czech.text.startswith("Článek týdne\nČást svitku s textem Knihy Izajáš\n")
    assert "Svitky od Mrtvého moře jsou starověké židovské náboženské texty" in czech.text
    assert czech.record_dates == (D(2010, 10, 13),)
    listed = files["testRTFListLibreOffice.rtf"]
    assert listed.text.splitlines()[:4] == ["A short ordered list:", "1. one", "2. two", "3. three"]
    assert listed.control.owner == "Axel Dörfler"
    table = files["testRTFTableCellSeparation.rtf"]
    assert table.text.splitlines() == ["a | b", "c | d", "ä | ë", "ö | ü"]
    [found] = table.tables
    assert (found.header, found.rows) == (("a", "b"), (("c", "d"), ("ä", "ë"), ("ö", "ü")))
