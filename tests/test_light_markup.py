"""The reStructuredText and AsciiDoc parsers' edge cases: title styles and levels, tables
left open, blocks that hold no prose, inline markup, and lines made to be slow."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from iso20k_cli.evidence.extract import asciidoc, restructured
from iso20k_cli.evidence.extract.adocinline import strip_inline as adoc_inline
from iso20k_cli.evidence.extract.base import MAX_TEXT_CHARS
from iso20k_cli.evidence.extract.lightmarkup import Page
from iso20k_cli.evidence.extract.rstinline import strip_inline as rst_inline
from iso20k_cli.evidence.model import ControlSource
from test_document_model import outline, read


def headings(page: Page) -> list[tuple[int, str]]:
    return [(m.level, m.heading) for m in page.marks]


def text_at(page: Page, heading: str) -> str:
    """The page's text from the heading's own text, which its mark points at."""
    mark = next(m for m in page.marks if m.heading == heading)
    return page.text[mark.start :]


# --- reStructuredText: titles ---------------------------------------------------------------


def test_rst_levels_follow_the_order_styles_first_appear_in() -> None:
    page = restructured.parse(
        "==============\n Runbook\n==============\n\n"  # over- and underlined: its own style
        "Scope\n=====\n\nText.\n\n"  # underlined only with the same character: another style
        "Detail\n------\n\nMore.\n\n"
        "Contacts\n========\n"  # back to the second style's level
        "Escalation\n~~~~~~~~~~\n"  # right after a title, no blank line needed
        "=======\nAnnex\n=======\n\n"  # the first style again
    )
    assert headings(page) == [
        (1, "Runbook"),
        (2, "Scope"),
        (3, "Detail"),
        (2, "Contacts"),
        (4, "Escalation"),
        (1, "Annex"),
    ]
    # The text holds each title as a Markdown heading, its mark after the "#" marks.
    assert page.text.startswith("# Runbook\n")
    assert text_at(page, "Detail").startswith("Detail\n")


def test_rst_underlines_too_short_lines_in_paragraphs_and_transitions() -> None:
    page = restructured.parse(
        "Incident handling\n====\n\n"  # shorter than the title, but 4 long: docutils takes it
        "Roles\n==\n\n"  # shorter and under 4: a paragraph
        "A paragraph's first line\nand its second\n-----------------------\n\n"
        "Before a rule.\n\n----------\n\nAfter it.\n"
    )
    assert headings(page) == [(1, "Incident handling")]
    assert "Roles" in page.text and "After it." in page.text
    assert "-----" not in page.text.replace("and its second\n-----------------------", "")


def test_rst_title_from_the_title_directive_or_field(tmp_path: Path) -> None:
    (tmp_path / "a.rst").write_text(
        ".. title:: Service Continuity Plan\n\nOverview\n========\n\nText.\n", encoding="utf-8"
    )
    (tmp_path / "b.rst").write_text(
        ":title: Supplier Management Procedure\n:author: Jane Doe\n\nIntro\n=====\n",
        encoding="utf-8",
    )
    (tmp_path / "c.rst").write_text("Just a paragraph.\n", encoding="utf-8")
    a, b, c = (read(tmp_path / name) for name in ("a.rst", "b.rst", "c.rst"))
    assert (a.title, a.title_source) == ("Service Continuity Plan", "front-matter")
    assert (b.title, b.title_source) == ("Supplier Management Procedure", "front-matter")
    assert (
        b.control.owner == "Jane Doe" and b.control.sources["owner"] is ControlSource.FRONT_MATTER
    )
    assert (c.readable, c.title, c.sections) == (True, None, ())


def test_rst_fields_at_the_head_are_control_further_down_text(tmp_path: Path) -> None:
    (tmp_path / "sop.rst").write_text(
        "Backup Procedure\n================\n\n"
        ":Owner: Infrastructure Lead\n:Version: 2.0\n:Approved: 2026-02-10\n"
        ":Last reviewed: 2026-06-01\n:Review frequency: annual\n\n"
        "Backups run nightly.\n\n:Retention: 35 days\n",
        encoding="utf-8",
    )
    f = read(tmp_path / "sop.rst")
    c = f.control
    assert (c.owner, c.version, c.approved) == ("Infrastructure Lead", "2.0", dt.date(2026, 2, 10))
    # Fields front-matter does not name are read as a control block's labelled lines.
    assert (c.revised, c.review_months) == (dt.date(2026, 6, 1), 12)
    assert c.sources["revised"] is ControlSource.CONTROL_BLOCK
    assert "Owner" not in f.text and "Retention: 35 days" in f.text


# --- reStructuredText: blocks -----------------------------------------------------------------


def test_rst_directives_comments_and_literal_blocks() -> None:
    page = restructured.parse(
        "Guide\n=====\n\n"
        ".. code-block:: python\n   :linenos:\n\n   secret = 'code'\n\n"
        ".. image:: diagram.png\n   :alt: Diagram\n\n"
        ".. A comment that goes on\n   over lines\n\n"
        "..\n\n   A quote after an empty comment.\n\n"
        ".. warning:: Never restart the primary.\n\n   Fail over first.\n\n"
        ".. _anchor:\n\n"
        ".. |logo| image:: logo.png\n\n"
        "Run this::\n\n    systemctl restart relay\n\n    more code\n\nBack to prose.\n\n"
        "::\n\n    only code\n\nEnd.\n"
    )
    text = page.text
    for gone in ("secret", "linenos", "diagram", "Diagram", "goes on", "anchor", "logo", "code"):
        assert gone not in text, gone
    for kept in (
        "A quote after an empty comment.",
        "Never restart the primary.",
        "Fail over first.",
        "Run this:",
        "Back to prose.",
        "End.",
    ):
        assert kept in text, kept
    assert "systemctl" not in text


def test_rst_toctree_entries_are_links_of_an_index() -> None:
    page = restructured.parse(
        "Runbooks\n========\n\n.. toctree::\n   :maxdepth: 2\n   :glob:\n\n"
        "   intro\n   Database failover <db/failover>\n   self\n   guides/*\n"
    )
    assert page.text.splitlines()[2:4] == ["- [intro](intro)", "- [Database failover](db/failover)"]
    assert "guides" not in page.text and "maxdepth" not in page.text


def test_rst_grid_simple_list_and_csv_tables() -> None:
    page = restructured.parse(
        "+------------+----------------+\n"
        "| Change     | Approver       |\n"
        "| type       |                |\n"
        "+============+================+\n"
        "| Standard   | Change manager |\n"
        "+------------+----------------+\n"
        "| Emergency  | ECAB chair,    |\n"
        "|            | on call        |\n"
        "+------------+----------------+\n"
        "| Spanning both columns       |\n"
        "+------------+----------------+\n\n"
        "=====  ========  ========\n"
        "Level  Response  Resolve\n"
        "=====  ========  ========\n"
        "P1     15 min    4 h\n"
        "P2     1 h       8 h,\n"
        "                 next day\n"
        "=====  ========  ========\n\n"
        ".. list-table:: Owners\n   :header-rows: 2\n   :widths: 20 80\n\n"
        "   * - Process\n     - Owner\n   * -\n     - (and deputy)\n"
        "   * - Incident\n     - Service desk lead\n\n       - deputy: ops lead\n"
        "   * - Change\n     - Change manager\n\n"
        '.. csv-table:: Reviews\n   :header: "Review", "Held"\n\n   Management review, 2026-03-04\n'
        '   "Audit, internal", 2026-05-06\n'
    )
    tables = [rows for _, rows in page.tables]
    assert tables[0] == [
        ["Change type", "Approver"],
        ["Standard", "Change manager"],
        ["Emergency", "ECAB chair, on call"],
        ["Spanning both columns", ""],
    ]
    assert tables[1] == [
        ["Level", "Response", "Resolve"],
        ["P1", "15 min", "4 h"],
        ["P2", "1 h", "8 h, next day"],
    ]
    assert tables[2] == [
        ["Process", "Owner (and deputy)"],
        ["Incident", "Service desk lead - deputy: ops lead"],
        ["Change", "Change manager"],
    ]
    assert tables[3] == [
        ["Review", "Held"],
        ["Management review", "2026-03-04"],
        ["Audit, internal", "2026-05-06"],
    ]
    # Each table is in the text as pipe rows, under its caption.
    assert "Owners\n\n| Process | Owner (and deputy) |" in page.text


def test_rst_tables_left_open_end_where_the_table_does() -> None:
    page = restructured.parse(
        "+-----+-----+\n| a   | b   |\n+-----+-----+\n| c   | d   |\n"
        "The grid was never closed, and this is prose.\n\n"
        "=====  =====\nx      y\n=====  =====\n1      2\n"
        "And this simple table was left open too.\n\n"
        "=====  =====\nleft   open\n\n\nAfter two blank lines.\n"
    )
    assert [rows for _, rows in page.tables] == [
        [["a", "b"], ["c", "d"]],
        [["x", "y"], ["1", "2"]],
        [["left", "open"]],
    ]
    for prose in (
        "The grid was never closed, and this is prose.",
        "And this simple table was left open too.",
        "After two blank lines.",
    ):
        assert f"\n{prose}\n" in page.text


# --- AsciiDoc ---------------------------------------------------------------------------------


def test_adoc_header_author_revision_and_attributes(tmp_path: Path) -> None:
    (tmp_path / "a.adoc").write_text(
        "// header comment\n= Access Control Policy\nJane Doe <jane@example.org>; John Roe\n"
        "v3.0, 2026-01-20: Approved by the ISMS board\n:status: Approved\n"
        ":approved-by: Chief Information Security Officer\n:next-review: 2027-01-20\n\n"
        "Text.\n",
        encoding="utf-8",
    )
    (tmp_path / "b.adoc").write_text(
        "= Capacity Plan\nCapacity Manager\n2026-05-01\n"
        ":doctitle: Capacity and Performance Plan\n\nText.\n",
        encoding="utf-8",
    )
    (tmp_path / "c.adoc").write_text(
        "---\ntitle: From front-matter\nowner: Platform Team\n---\n= Page title\n"
        ":owner: Someone else\n\n== Part\n",
        encoding="utf-8",
    )
    a, b, c = (read(tmp_path / name) for name in ("a.adoc", "b.adoc", "c.adoc"))
    assert (a.title, a.control.owner, a.control.version) == (
        "Access Control Policy",
        "Jane Doe",
        "3.0",
    )
    assert a.control.approver == "Chief Information Security Officer"
    assert (a.control.revised, a.control.review_due) == (dt.date(2026, 1, 20), dt.date(2027, 1, 20))
    assert (b.title, b.title_source) == ("Capacity and Performance Plan", "front-matter")
    assert (b.control.revised, b.control.version) == (dt.date(2026, 5, 1), None)
    # YAML front-matter (Jekyll, Hugo) comes before the page's own attributes.
    assert (c.title, c.control.owner) == ("From front-matter", "Platform Team")
    assert outline(c) == [(1, "Page title"), (2, "Part")]


def test_adoc_contact_list_of_an_sop_is_its_control_block(tmp_path: Path) -> None:
    # Fedora Infrastructure's SOPs open with a description list of who owns the service.
    (tmp_path / "koji.adoc").write_text(
        "= Koji Infrastructure SOP\n:page-status: Approved\n\n"
        "Koji is the build system.\n\n== Contact Information\n\n"
        "Owner::\n  Fedora Infrastructure Team\nContact::\n  #fedora-admin\n"
        "Last reviewed:: 2026-02-03\nServers::\n* koji01\n\n== Description\n\nProse.\n",
        encoding="utf-8",
    )
    f = read(tmp_path / "koji.adoc")
    assert (f.control.owner, f.control.revised) == (
        "Fedora Infrastructure Team",
        dt.date(2026, 2, 3),
    )
    assert f.control.sources["owner"] is ControlSource.CONTROL_BLOCK
    # An Antora page attribute is the page's metadata without its prefix.
    assert f.control.status_text == "Approved"
    assert "Owner: Fedora Infrastructure Team\nContact: #fedora-admin\n" in f.text
    assert "Servers:\n* koji01" in f.text


def test_adoc_headings_both_styles_and_blocks() -> None:
    page = asciidoc.parse(
        "= Handbook\n\n== Support\n\n### Hours\n\n==== Weekends ====\n\n"
        "[source,shell]\n----\nrm -rf /tmp/cache\n----\n\n"
        "....\nliteral text\n....\n\n"
        "////\nA comment block.\n////\n\n"
        "// A comment line.\n\n"
        "[NOTE]\n====\nThe desk is staffed from 8 to 6.\n====\n\n"
        "****\nSidebar text.\n****\n\n"
        "image::rota.png[Rota]\ninclude::partial$hours.adoc[]\n\n"
        "[source]\nprint('source paragraph')\n\n"
        "  an indented literal paragraph\n\n"
        ".Escalation contacts\n* On call: +44 20 7946 0000\n"
    )
    assert headings(page) == [(1, "Handbook"), (2, "Support"), (3, "Hours"), (4, "Weekends")]
    text = page.text
    for gone in ("rm -rf", "literal text", "comment", "rota", "hours.adoc", "print(", "indented"):
        assert gone not in text, gone
    for kept in ("The desk is staffed from 8 to 6.", "Sidebar text.", "Escalation contacts"):
        assert kept in text, kept


def test_adoc_blocks_and_tables_left_open_do_not_swallow_the_page() -> None:
    page = asciidoc.parse(
        "= Page\n\n----\nA listing never closed.\n\n== Section\n\n"
        "|===\n|Role |Holder\n|Owner |Ops lead\n\n"
        "Prose after a table never closed.\n\n== Next\n\n"
        "|===\n|a |b\n|===\n"
    )
    assert headings(page) == [(1, "Page"), (2, "Section"), (2, "Next")]
    assert "A listing never closed." in page.text
    assert "\nProse after a table never closed.\n" in page.text
    assert [rows for _, rows in page.tables] == [
        [["Role", "Holder"], ["Owner", "Ops lead"]],
        [["a", "b"]],
    ]


def test_adoc_table_columns_cells_and_separators() -> None:
    page = asciidoc.parse(
        '[cols="1,2,1"]\n|===\n|Type\n|Description\n|Approver\n\n'
        "|Normal\n|Assessed at the CAB,\nweekly\n|CAB\n"
        "a|Emergency |Restores \\| repairs |ECAB\n|===\n\n"
        "[%header]\n,===\nService,Hours\nMail,24x7\n,===\n"
    )
    assert [rows for _, rows in page.tables] == [
        [
            ["Type", "Description", "Approver"],
            ["Normal", "Assessed at the CAB, weekly", "CAB"],
            ["Emergency", "Restores | repairs", "ECAB"],
        ],
        [["Service", "Hours"], ["Mail", "24x7"]],
    ]


def test_adoc_lists_of_links_are_markdown_links() -> None:
    page = asciidoc.parse(
        "= Policies\n\n* xref:policies/access.adoc[Access control policy]\n"
        "** <<backup.adoc#,Backup policy>>\n. link:https://example.org/dr.html[DR plan]\n"
        "* See xref:other.adoc[another page] for more.\n"
    )
    assert page.text.splitlines()[2:6] == [
        "* [Access control policy](policies/access.adoc)",
        "** [Backup policy](backup.adoc#)",
        ". [DR plan](https://example.org/dr.html)",
        "* See another page for more.",
    ]


# --- inline markup ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "text"),
    [
        ("``code`` and *emphasis* and **strong**", "code and emphasis and strong"),
        ("see `the policy <https://example.org/p>`_ now", "see the policy now"),
        ("an `anonymous <https://example.org>`__ link", "an anonymous link"),
        (":doc:`change process <change>` and :ref:`escalation`", "change process and escalation"),
        (":term:`CAB` approves; :kbd:`Ctrl` too", "CAB approves; Ctrl too"),
        ("2 * 3 * 4 and a*b*c", "2 * 3 * 4 and a*b*c"),
        ("the Python_ site, snake_case_name", "the Python site, snake_case_name"),
        ("a note [1]_ here", "a note  here"),
        (r"\*literal\* asterisks", "*literal* asterisks"),
        ("*unclosed and `unclosed", "*unclosed and `unclosed"),
    ],
)
def test_rst_inline_markup_is_stripped(line: str, text: str) -> None:
    assert rst_inline(line)[0] == text


@pytest.mark.parametrize(
    ("line", "text"),
    [
        ("*bold* _em_ `mono` #mark#", "bold em mono mark"),
        ("**un**constrained __x__y", "unconstrained xy"),
        ("see link:https://example.org[the site] now", "see the site now"),
        (
            "https://example.org[Site^] and https://example.org alone",
            "Site and https://example.org alone",
        ),
        ("xref:ops/runbook.adoc#restore[] and xref:a.adoc[A]", "runbook and A"),
        ("<<types,Change types>> and <<intro>>", "Change types and intro"),
        ("kbd:[Ctrl+C], btn:[Save], menu:File[Export > PDF]", "Ctrl+C, Save, File > Export > PDF"),
        (
            "snake_case and a*b*c and C++ and issue #12",
            "snake_case and a*b*c and C++ and issue #12",
        ),
        ("{product} runs {unknown}", "Acme runs {unknown}"),
        (r"\*not bold\* [[anchor]]text", "*not bold* text"),
        ("*bold xref:a.adoc[link] inside*", "bold link inside"),
    ],
)
def test_adoc_inline_markup_is_stripped(line: str, text: str) -> None:
    assert adoc_inline(line, {"product": "Acme"})[0] == text


# --- bounds -----------------------------------------------------------------------------------


def test_pathological_lines_are_read_in_linear_time(tmp_path: Path) -> None:
    n = 20_000
    rst_lines = [
        "Title" + " " * n, "=" * n, "*" * n, "`" * n, ":a" * n, "**a " * n, "*a " * n,
        "[1" * n, "a_ " * n, "\\" * n, "+" + "-+" * n, "|" + " |" * n, ".. a::" * n,
        "`a <" * n, ":r:`" * n, "=====  =====" + " x" * n,
    ]  # fmt: skip
    adoc_lines = [
        "== " + "x " * n, "*" * n, "_" * n, "`" * n, "#" * n, "<<" * n, "[[" * n, "{a" * n,
        "xref:" * n, "link:a[" * n, "https://x[" * n, "a *b " * n, "|" * n, ":" * n,
        "a:: " * n, "kbd:[" * n, "|===\n" * 2_000 + "== x\n" * 2_000,
    ]  # fmt: skip
    # Containers nested thousands deep are each read once, not measured at every level.
    nested = "".join("  " * depth + ".. note::\n" for depth in range(3_000))
    (tmp_path / "evil.rst").write_text(
        "Heading\n=======\n\n" + "\n".join(rst_lines) + "\n" + nested, encoding="utf-8"
    )
    (tmp_path / "evil.adoc").write_text(
        "= Heading\n\n" + "\n".join(adoc_lines) + "\n", encoding="utf-8"
    )
    script = textwrap.dedent(
        f"""
        from pathlib import Path
        from iso20k_cli.evidence.extract import extract
        from iso20k_cli.evidence.scan import Candidate
        for name in ("evil.rst", "evil.adoc"):
            path = Path({str(tmp_path)!r}) / name
            f = extract(Candidate(path.name, path, path.stat().st_size))
            assert f.readable and f.title == "Heading", (name, f.title, f.error)
        """
    )
    # A backtracking search, or a search from each opening mark, would take minutes.
    subprocess.run([sys.executable, "-c", script], check=True, timeout=30)


def test_a_huge_page_is_cut_as_a_markdown_page_is(tmp_path: Path) -> None:
    prose = "The service desk answers every call. " * 30 + "\n\n"
    count = MAX_TEXT_CHARS // len(prose) + 50
    rst = "".join(f"Part {n:05d}\n----------\n\n{prose}" for n in range(count))
    adoc = "".join(f"== Part {n:05d}\n\n{prose}" for n in range(count))
    (tmp_path / "big.rst").write_text("Manual\n======\n\n" + rst, encoding="utf-8")
    (tmp_path / "big.adoc").write_text("= Manual\n\n" + adoc, encoding="utf-8")
    for name in ("big.rst", "big.adoc"):
        f = read(tmp_path / name)
        assert f.readable and f.title == "Manual"
        # Read up to what a file keeps, not beyond: the rest would be cut anyway.
        assert MAX_TEXT_CHARS - 2 * len(prose) <= len(f.text) <= MAX_TEXT_CHARS
        assert f.sections[-1].end == len(f.text)


def test_encodings_and_binary_content_as_for_other_text_files(tmp_path: Path) -> None:
    (tmp_path / "legacy.rst").write_bytes(
        "Procédure de gestion des incidents\n==================================\n\nCafé.\n".encode(
            "cp1252"
        )
    )
    (tmp_path / "bom.adoc").write_bytes("= Politique d'accès\n\nTexte.\n".encode("utf-16"))
    (tmp_path / "binary.adoc").write_bytes(b"= Title\n\x00\x01\x02")
    legacy, bom, binary = (read(tmp_path / n) for n in ("legacy.rst", "bom.adoc", "binary.adoc"))
    assert legacy.title == "Procédure de gestion des incidents" and "Café." in legacy.text
    assert bom.title == "Politique d'accès"
    assert not binary.readable and "binary content" in (binary.error or "")
