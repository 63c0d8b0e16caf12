"""Sections and tables of every format, from real files built in the test and read back."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from factories import pdf_bytes, write_csv, write_docx, write_pdf, write_xlsx
from iso20k_cli.evidence.extract import extract
from iso20k_cli.evidence.extract.base import MAX_SECTIONS, MAX_TABLE_ROWS
from iso20k_cli.evidence.extract.structure import (
    Mark,
    build_sections,
    headings_at,
    numbered_heading,
    numbered_marks,
)
from iso20k_cli.evidence.model import EvidenceFile, Section, SectionKind
from iso20k_cli.evidence.scan import scan


def read(path: Path) -> EvidenceFile:
    """Extract one file as the scan of its folder hands it over."""
    candidate = next(c for c in scan(path.parent) if c.rel == path.name)
    return extract(candidate)


def outline(file: EvidenceFile) -> list[tuple[int, str]]:
    return [(s.level, s.heading) for s in file.sections]


def body(file: EvidenceFile, heading: str) -> str:
    """The text of a section, checked to start with its heading."""
    section = next(s for s in file.sections if s.heading == heading)
    text = file.text[section.start : section.end]
    assert text.startswith(heading), (heading, text[:80])
    return text


# --- Word ---------------------------------------------------------------------------------


def test_docx_heading_styles_sections_and_table_under_its_heading(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_heading("Incident Management Procedure", level=0)
    document.add_heading("1 Purpose", level=1)
    document.add_paragraph("Incidents are restored within the agreed service levels.")
    document.add_paragraph("3. A numbered paragraph in a styled document is not a heading")
    document.add_heading("1.1 Priorities", level=2)
    document.add_paragraph("Priority follows impact and urgency.")
    table = document.add_table(rows=3, cols=2)
    for r, row in enumerate([["Priority", "Target"], ["P1", "4 h"], ["P2", "8 h"]]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.add_heading("2 Major incidents", level=1)
    document.add_paragraph("The incident manager declares a major incident.")
    document.save(str(tmp_path / "procedure.docx"))

    f = read(tmp_path / "procedure.docx")
    assert (f.title, f.title_source) == ("Incident Management Procedure", "heading")
    assert outline(f) == [
        (1, "Incident Management Procedure"),
        (1, "1 Purpose"),
        (2, "1.1 Priorities"),
        (1, "2 Major incidents"),
    ]
    assert all(s.kind is SectionKind.HEADING for s in f.sections)
    purpose = body(f, "1 Purpose")
    assert "agreed service levels" in purpose and "P2 | 8 h" in purpose
    assert "Major incidents" not in purpose
    assert "P1 | 4 h" in body(f, "1.1 Priorities")
    assert "declares a major incident" in body(f, "2 Major incidents")
    (table_,) = f.tables
    assert table_.header == ("Priority", "Target")
    assert table_.rows == (("P1", "4 h"), ("P2", "8 h"))
    assert (table_.row_count, table_.section) == (2, "1.1 Priorities")


def test_docx_localised_style_ids_are_read_by_their_names(tmp_path: Path) -> None:
    import docx
    from docx.oxml.ns import qn

    document = docx.Document()
    document.add_heading("Geltungsbereich", level=1)
    document.add_paragraph("Alle Dienste.")
    # German Word writes the id "berschrift1" for the built-in style named "heading 1".
    styles = document.styles.element
    for style in styles.style_lst:
        if style.styleId == "Heading1":
            style.set(qn("w:styleId"), "berschrift1")
    for paragraph in document.paragraphs:
        if paragraph._p.style == "Heading1":
            paragraph._p.style = "berschrift1"
    document.save(str(tmp_path / "richtlinie.docx"))

    f = read(tmp_path / "richtlinie.docx")
    assert outline(f) == [(1, "Geltungsbereich")]
    assert f.title == "Geltungsbereich"


def test_docx_without_heading_styles_takes_numbered_headings(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_heading("Change Management Policy", level=0)  # Title: not a heading style
    for text in [
        "1. Purpose",
        "This policy governs every change to a live service.",
        "2. Scope",
        "2.1 Services in scope",
        "All hosted services.",
        "12.05.2026 Approved by the board",
        "3 Roles and responsibilities",
        "4. Changes are approved by the CAB.",
    ]:
        document.add_paragraph(text)
    table = document.add_table(rows=4, cols=2)
    for r, row in enumerate([["No", "Role"], ["1", "Owner"], ["2", "Manager"], ["3", "Analyst"]]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.save(str(tmp_path / "policy.docx"))

    f = read(tmp_path / "policy.docx")
    assert outline(f) == [
        (1, "Change Management Policy"),
        (1, "1. Purpose"),
        (1, "2. Scope"),
        (2, "2.1 Services in scope"),
        (1, "3 Roles and responsibilities"),
    ]
    assert "every change" in body(f, "1. Purpose")
    (table_,) = f.tables
    assert (table_.header, table_.row_count) == (("No", "Role"), 3)
    assert table_.section == "3 Roles and responsibilities"


# --- Excel --------------------------------------------------------------------------------


def test_xlsx_sheets_are_sections_with_title_cells_and_header_rows(tmp_path: Path) -> None:
    write_xlsx(
        tmp_path / "context.xlsx",
        {
            "Issues": [
                ["External and internal issues"],
                [],
                ["Ref", "Issue", "Raised", "Score"],
                ["I-1", "Supplier concentration", dt.datetime(2026, 3, 2), 12],
                [],
                ["I-2", "Skills shortage", dt.date(2026, 4, 1), 9],
            ],
            "Parties": [
                ["Party", "Requirement"],
                ["Customers", "Availability"],
            ],
        },
    )
    f = read(tmp_path / "context.xlsx")
    assert [(s.heading, s.kind, s.caption) for s in f.sections] == [
        ("Issues", SectionKind.SHEET, "External and internal issues"),
        ("Parties", SectionKind.SHEET, None),
    ]
    issues = body(f, "Issues")
    assert "Supplier concentration" in issues and "Customers" not in issues
    assert "Customers | Availability" in body(f, "Parties")
    first, second = f.tables
    assert first.header == ("Ref", "Issue", "Raised", "Score")
    assert first.rows == (
        ("I-1", "Supplier concentration", "2026-03-02", "12"),
        ("I-2", "Skills shortage", "2026-04-01", "9"),
    )
    assert (first.row_count, first.section) == (2, "Issues")
    assert (second.header, second.row_count, second.section) == (
        ("Party", "Requirement"),
        1,
        "Parties",
    )


# --- PowerPoint ---------------------------------------------------------------------------


def write_pptx(path: Path, core_title: str = "") -> Path:
    from pptx import Presentation
    from pptx.util import Inches

    deck = Presentation()
    cover = deck.slides.add_slide(deck.slide_layouts[0])
    cover.shapes.title.text = "Management Review Q3 2026"
    cover.placeholders[1].text = "Service Management System"
    agenda = deck.slides.add_slide(deck.slide_layouts[1])
    agenda.shapes.title.text = "Actions from the last review"
    agenda.placeholders[1].text = "Close the capacity gap\nRenew the hosting contract"
    agenda.notes_slide.notes_text_frame.text = "Owner of both actions: Jane Doe"
    figures = deck.slides.add_slide(deck.slide_layouts[6])  # blank: no title
    shape = figures.shapes.add_table(3, 3, Inches(1), Inches(1), Inches(6), Inches(2))
    for r, row in enumerate([["Month", "Availability", "Incidents"], ["Jul", "99.9%", "4"]]):
        for c, value in enumerate(row):
            shape.table.cell(r, c).text = value
    box = figures.shapes.add_textbox(Inches(1), Inches(4), Inches(4), Inches(1))
    box.text_frame.text = "All targets met"
    deck.core_properties.title = core_title
    deck.core_properties.author = "Service Owner"
    deck.core_properties.content_status = "Approved"
    deck.save(str(path))
    return path


def test_pptx_slides_are_sections_with_text_tables_and_notes(tmp_path: Path) -> None:
    f = read(write_pptx(tmp_path / "review.pptx", core_title="PowerPoint Presentation"))
    assert (f.format, f.readable) == ("pptx", True)
    assert [(s.heading, s.kind, s.caption) for s in f.sections] == [
        ("Management Review Q3 2026", SectionKind.SLIDE, "Service Management System"),
        ("Actions from the last review", SectionKind.SLIDE, None),
        ("Slide 3", SectionKind.SLIDE, None),
    ]
    actions = body(f, "Actions from the last review")
    assert "Renew the hosting contract" in actions and "Jane Doe" in actions
    assert "Availability" not in actions
    figures = body(f, "Slide 3")
    assert "Jul | 99.9% | 4" in figures and "All targets met" in figures
    (table_,) = f.tables
    assert table_.header == ("Month", "Availability", "Incidents")
    assert table_.rows == (("Jul", "99.9%", "4"),)
    assert (table_.row_count, table_.section) == (1, "Slide 3")
    # A template's title is no title; the first slide's is.
    assert (f.title, f.title_source) == ("Management Review Q3 2026", "heading")
    assert (f.control.owner, f.control.status_text) == ("Service Owner", "Approved")


def test_pptx_core_title_wins_and_a_cut_legacy_ppt_is_unreadable(tmp_path: Path) -> None:
    f = read(write_pptx(tmp_path / "review.pptx", core_title="Q3 Management Review"))
    assert (f.title, f.title_source) == ("Q3 Management Review", "metadata")
    (tmp_path / "old.ppt").write_bytes(b"\xd0\xcf\x11\xe0")
    old = read(tmp_path / "old.ppt")
    assert not old.readable and "not an OLE2 compound file" in (old.error or "")


# --- PDF ----------------------------------------------------------------------------------


def test_pdf_numbered_headings_but_not_table_rows_or_dates(tmp_path: Path) -> None:
    pages = [
        [
            "Incident Management Procedure",
            "1. Purpose",
            "This procedure describes how incidents are handled.",
            "2. Scope",
            "All hosted services.",
            "1 Server Down High",
            "2 Network Slow Low",
            "3 Printer Jam Low",
            "12.05.2026 Approved by the board",
        ],
        [
            "3 Roles and responsibilities",
            "3.1 Incident manager",
            "Leads the response.",
            "7 Unexpected Jump",
            "Section 4 - Records",
            "Records are kept for a year.",
        ],
    ]
    write_pdf(tmp_path / "procedure.pdf", pages)
    f = read(tmp_path / "procedure.pdf")
    assert outline(f) == [
        (1, "1. Purpose"),
        (1, "2. Scope"),
        (1, "3 Roles and responsibilities"),
        (2, "3.1 Incident manager"),
        (1, "Section 4 - Records"),
    ]
    assert "incidents are handled" in body(f, "1. Purpose")
    scope = body(f, "2. Scope")
    assert "Printer Jam" in scope and "Roles" not in scope
    roles = body(f, "3 Roles and responsibilities")
    assert "Leads the response" in roles and "Records are kept" not in roles
    assert "Records are kept" in body(f, "Section 4 - Records")


def test_pdf_outline_gives_sections_and_survives_a_loop(tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import DictionaryObject, NameObject

    pages = [
        ["Continuity Plan", "Invocation", "The duty manager invokes the plan."],
        ["Recovery steps", "Restore the database first.", "Testing", "Tested twice a year."],
    ]
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes(pages))))
    first = writer.add_outline_item(title="Invocation", page_number=0)
    recovery = writer.add_outline_item(title="Recovery steps", page_number=1)
    writer.add_outline_item(title="Testing", page_number=1, parent=recovery)
    buffer = io.BytesIO()
    writer.write(buffer)
    (tmp_path / "plan.pdf").write_bytes(buffer.getvalue())
    f = read(tmp_path / "plan.pdf")
    assert outline(f) == [(1, "Invocation"), (1, "Recovery steps"), (2, "Testing")]
    assert "invokes the plan" in body(f, "Invocation")
    assert "Tested twice a year" in body(f, "Recovery steps")

    # A hostile outline whose last entry points back at the first.
    last = recovery.get_object()
    assert isinstance(last, DictionaryObject)
    last[NameObject("/Next")] = first
    buffer = io.BytesIO()
    writer.write(buffer)
    (tmp_path / "loop.pdf").write_bytes(buffer.getvalue())
    looped = read(tmp_path / "loop.pdf")
    assert looped.readable and outline(looped) == outline(f)


# --- Markdown -----------------------------------------------------------------------------

MARKDOWN = """\
Intro line.

## Incident handling

Every incident is logged.

```bash
# not a heading
| a | b |
|---|---|
```

### Priorities

| Priority | Target |
|:---------|-------:|
| P1       | 4 h    |
| P2 \\| P3 | 8 h    |

Setext part
-----------

Closing words.
"""


def test_markdown_headings_fences_and_pipe_tables(tmp_path: Path) -> None:
    (tmp_path / "handbook.md").write_text(MARKDOWN, encoding="utf-8")
    f = read(tmp_path / "handbook.md")
    assert outline(f) == [(2, "Incident handling"), (3, "Priorities"), (2, "Setext part")]
    # No "#" heading and the first heading is a "##": it names the page.
    assert (f.title, f.title_source) == ("Incident handling", "heading")
    handling = body(f, "Incident handling")
    assert "# not a heading" in handling and "P1" in handling and "Closing" not in handling
    assert "Closing words" in body(f, "Setext part")
    (table_,) = f.tables
    assert table_.header == ("Priority", "Target")
    assert table_.rows == (("P1", "4 h"), ("P2 | P3", "8 h"))
    assert (table_.row_count, table_.section) == (2, "Priorities")


def test_markdown_title_fallback_rules(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("### Detail\n\n## Part two\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("## Overview\n\n# Real Title\n", encoding="utf-8")
    (tmp_path / "c.md").write_text("---\ntitle: From front\n---\n## Heading\n", encoding="utf-8")
    assert read(tmp_path / "a.md").title is None  # a "##" further down names a part
    assert read(tmp_path / "b.md").title == "Real Title"
    c = read(tmp_path / "c.md")
    assert (c.title, c.title_source) == ("From front", "front-matter")
    assert c.text[c.sections[0].start :].startswith("Heading")  # offsets after front-matter


def test_markdown_html_headings_are_headings(tmp_path: Path) -> None:
    (tmp_path / "page.md").write_text(
        "# Outage review\n\nThe mail relay stopped.\n\n  <h2>What <em>happened</em>?</h2>\n"
        "It filled its disk.\n\n<h3 class='x'>Fix &amp; follow-up</h3>\n\nMore disk.\n"
        "<hr>\n<header>not a heading</header>\n<h2>never closed\n",
        encoding="utf-8",
    )
    f = read(tmp_path / "page.md")
    assert outline(f) == [(1, "Outage review"), (2, "What happened?"), (3, "Fix & follow-up")]
    # A section starts at its heading's text, inside the tag.
    happened, fix = f.sections[1:]
    assert f.text[happened.start : happened.end].startswith("What <em>happened</em>")
    assert "filled its disk" in f.text[happened.start : fix.start]
    assert f.text[fix.start : fix.end].startswith("Fix &amp; follow-up")


def test_a_markdown_body_written_in_html_is_read_as_html(tmp_path: Path) -> None:
    # A post moved from a blog engine keeps its markup: its paragraphs, headings and
    # tables are read as a web page's, under the front matter's title.
    (tmp_path / "post.md").write_text(
        "---\ntitle: Mail incident report\n---\n"
        "&nbsp;<p>On <b>12 July</b> the list server failed.</p>\n<h2>What happened?</h2>"
        "<p>Its disk filled.<br/>Mail queued for six hours.</p><h2>What worked?</h2>"
        "<table><tr><th>Time</th><th>Event</th></tr><tr><td>09:11</td><td>Alert</td></tr>"
        "</table>\n",
        encoding="utf-8",
    )
    f = read(tmp_path / "post.md")
    assert f.title == "Mail incident report"
    assert [s.heading for s in f.sections] == ["What happened?", "What worked?"]
    assert "<p>" not in f.text and "the list server failed" in f.text
    assert "Mail queued for six hours" in body(f, "What happened?")
    (table_,) = f.tables
    assert (table_.header, table_.section) == (("Time", "Event"), "What worked?")
    # Markdown that only holds some markup stays Markdown.
    (tmp_path / "notes.md").write_text(
        "<p>Intro</p>\n\n# Notes\n\n<div>a</div><br>\n", encoding="utf-8"
    )
    assert outline(read(tmp_path / "notes.md")) == [(1, "Notes")]


def test_mdx_is_markdown_without_its_import_and_export_lines(tmp_path: Path) -> None:
    (tmp_path / "page.mdx").write_text(
        "import Tabs from '@theme/Tabs'\n"
        "export const meta = {\n  team: 'SRE',\n}\n\n"
        "# On-call\n\nPage the <Tabs>secondary</Tabs> after 15 minutes.\n\n"
        "```js\nimport kept from 'example'\n```\n",
        encoding="utf-8",
    )
    f = read(tmp_path / "page.mdx")
    assert (f.format, f.title) == ("markdown", "On-call")
    assert "@theme/Tabs" not in f.text and "team:" not in f.text
    assert "import kept from 'example'" in body(f, "On-call")


def test_markdown_pathological_lines_are_read_in_linear_time(tmp_path: Path) -> None:
    path = tmp_path / "evil.md"
    lines = [
        "# Heading" + " " * 20_000,
        "#" + " " * 20_000 + "x",
        "#" * 20_000,
        "## " + "# " * 10_000,
        "|" * 20_000,
        "| a |" + " " * 20_000,
        "|" + "-" * 20_000 + "|",
        "1." + " " * 20_000 + "A",
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    script = textwrap.dedent(
        f"""
        from pathlib import Path
        from iso20k_cli.evidence.extract import extract
        from iso20k_cli.evidence.scan import Candidate
        path = Path({str(path)!r})
        f = extract(Candidate(path.name, path, path.stat().st_size))
        assert f.readable and f.title == "Heading", f.title
        """
    )
    # A cubic regular expression would take hours here; linear parsing takes milliseconds.
    subprocess.run([sys.executable, "-c", script], check=True, timeout=20)


# --- HTML and CSV -------------------------------------------------------------------------


def test_html_headings_and_tables(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(
        "<html><head><title>Supplier Management</title></head><body>"
        "<h2>Supplier reviews</h2><p>Reviewed every year.</p>"
        "<h3>Contract <em>register</em></h3>"
        "<table><tr><td colspan=2>Register</td></tr>"
        "<tr><th>Supplier</th><th>Renewal</th></tr>"
        "<tr><td>Hosting Ltd</td><td>2027-01-31</td></tr></table>"
        "<h2>Disputes</h2>Escalated to the service owner.</body></html>",
        encoding="utf-8",
    )
    f = read(tmp_path / "page.html")
    assert outline(f) == [(2, "Supplier reviews"), (3, "Contract register"), (2, "Disputes")]
    reviews = body(f, "Supplier reviews")
    assert "Reviewed every year" in reviews and "Hosting Ltd" in reviews
    assert "Escalated" not in reviews
    assert "Escalated to the service owner" in body(f, "Disputes")
    (table_,) = f.tables
    assert table_.header == ("Supplier", "Renewal")
    assert (table_.rows, table_.row_count) == ((("Hosting Ltd", "2027-01-31"),), 1)
    assert table_.section == "Contract register"


def test_csv_is_one_table_under_its_title_row(tmp_path: Path) -> None:
    write_csv(
        tmp_path / "incidents.csv",
        [
            ["Incident export"],
            ["Number", "Opened", "Summary"],
            ["INC1", "2026-09-01", "Disk"],
            ["", "", ""],
            ["INC2", "2026-09-02", "Network"],
        ],
    )
    f = read(tmp_path / "incidents.csv")
    (table_,) = f.tables
    assert table_.header == ("Number", "Opened", "Summary")
    assert (table_.row_count, table_.section, len(table_.rows)) == (2, None, 2)
    assert f.sections == ()


def test_rows_beyond_the_limit_are_counted_not_kept(tmp_path: Path) -> None:
    rows = [["Ref", "Status"]] + [[f"R{i}", "Open"] for i in range(MAX_TABLE_ROWS + 5)]
    write_csv(tmp_path / "big.csv", rows)
    (table_,) = read(tmp_path / "big.csv").tables
    assert (len(table_.rows), table_.row_count) == (MAX_TABLE_ROWS, MAX_TABLE_ROWS + 5)


def test_sections_are_bounded_and_cut_with_the_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    many = "".join(f"## Part {i}\ntext\n" for i in range(MAX_SECTIONS + 10))
    (tmp_path / "many.md").write_text(many, encoding="utf-8")
    f = read(tmp_path / "many.md")
    assert len(f.sections) == MAX_SECTIONS
    assert f.sections[-1].end == f.text.index(f"## Part {MAX_SECTIONS}\n")

    import iso20k_cli.evidence.extract as extract_module

    monkeypatch.setattr(extract_module, "MAX_TEXT_CHARS", 30)
    (tmp_path / "many.md").write_text("## One\nfirst part\n## Two\nsecond part\n", "utf-8")
    cut = read(tmp_path / "many.md")
    assert len(cut.text) == 30
    assert [(s.heading, s.end) for s in cut.sections] == [("One", 18), ("Two", 30)]


# --- shared rules -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "number"),
    [
        ("4.3 Major incident handling", (4, 3)),
        ("2. Scope", (2,)),
        ("Section 3 – Roles", (3,)),
        ("Chapter 7: Continual improvement", (7,)),
        ("4.3 Major incident handling.", None),  # a sentence
        ("4.3 major incidents are rare", None),  # no capital
        ("12.05.2026 Approved", None),  # a date
        ("2026 Annual report", None),  # a year
        ("3) Call the supplier", None),  # a list marker
        ("4.1 Understanding the organization 12", None),  # a contents line
        ("1 2026-08-03 14:00 4 2", None),  # figures
        ("1 " + "Word " * 30, None),  # too long
    ],
)
def test_numbered_heading_lines(line: str, number: tuple[int, ...] | None) -> None:
    assert numbered_heading(line) == number


def test_numbered_marks_skip_contents_lists_and_jumps() -> None:
    lines = [
        "Contents",
        "1 Scope",
        "2 Terms",
        "3 Context",
        "Body",
        "1 Scope",
        "The scope.",
        "5 Far ahead",
        "2 Terms",
        "Terms.",
        "2.1 Service",
        "2.1.1 Component",
        "Text of the component.",
        "3 Context",
    ]
    offsets, position = [], 0
    for line in lines:
        offsets.append((position, line))
        position += len(line) + 1
    marks = numbered_marks(offsets)
    assert [(m.level, m.heading) for m in marks] == [
        (1, "1 Scope"),
        (1, "2 Terms"),
        (2, "2.1 Service"),
        (3, "2.1.1 Component"),
        (1, "3 Context"),
    ]


def test_build_sections_nests_and_headings_at_finds_the_innermost() -> None:
    marks = [Mark(1, "A", 0), Mark(2, "A.1", 10), Mark(3, "A.1.1", 20), Mark(2, "A.2", 30)]
    marks.append(Mark(1, "B", 40))
    sections = build_sections(marks, 50)
    assert [(s.heading, s.start, s.end) for s in sections] == [
        ("A", 0, 40),
        ("A.1", 10, 30),
        ("A.1.1", 20, 30),
        ("A.2", 30, 40),
        ("B", 40, 50),
    ]
    assert headings_at(sections, [5, 15, 25, 35, 45, 60]) == ["A", "A.1", "A.1.1", "A.2", "B", None]
    sheets = build_sections([Mark(1, "S1", 0, 8), Mark(1, "S2", 9, 20)], 20, SectionKind.SHEET)
    assert [(s.start, s.end, s.label) for s in sheets] == [
        (0, 8, 'sheet "S1"'),
        (9, 20, 'sheet "S2"'),
    ]
    assert isinstance(sheets[0], Section)


def test_html_comments_are_dropped_from_headings(tmp_path: Path) -> None:
    page = tmp_path / "lead.md"
    page.write_text("# Release Team Lead <!-- omit in toc -->\n\nDuties.\n", encoding="utf-8")
    assert read(page).title == "Release Team Lead"


def test_word_style_names_read_from_the_xml_match_python_docx(tmp_path: Path) -> None:
    import docx

    from iso20k_cli.evidence.extract.pythondocx import style_names as _style_names

    root = Path(__file__).resolve().parents[1]
    made = write_docx(tmp_path / "made.docx", [("Title", "Policy"), ("Heading 2", "Scope"), "x"])
    paths = [made, *sorted((root / "tests" / "data").rglob("*.docx"))]
    for path in paths:
        document = docx.Document(str(path))
        expected = {
            s.styleId: (s.name_val or "").lower()
            for s in document.styles.element.style_lst
            if s.styleId
        }
        assert _style_names(document) == expected, path
    assert len(paths) > 1
