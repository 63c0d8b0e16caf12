"""Scanning the folder and reading Markdown and text evidence."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from pathlib import Path

import pytest

from conftest import Folder, Invoke
from iso20k_cli.errors import EvidenceFolderError
from iso20k_cli.evidence.collect import collect
from iso20k_cli.evidence.dates import dates_in_name, days_covered, parse_date
from iso20k_cli.evidence.frontmatter import normalise_status, parse_front_matter
from iso20k_cli.evidence.model import DocStatus
from iso20k_cli.evidence.scan import is_ignored, scan


def paths(root: Path, ignore: Iterable[str] = ()) -> list[str]:
    return [c.rel for c in scan(root, ignore)]


def test_noise_and_hidden_folders_are_skipped(evidence: Folder) -> None:
    evidence.add("policy.md", "# Policy")
    evidence.add("~$policy.docx", b"lock")
    evidence.add("Thumbs.db", b"x")
    evidence.add(".DS_Store", b"x")
    evidence.add("desktop.ini", "x")
    evidence.add(".git/config", "x")
    evidence.add(".hidden/secret.md", "x")
    evidence.add("sub/notes.md~", "x")
    evidence.add("sub/.~lock.plan.docx#", "x")
    evidence.add("sub/plan.docx", b"PK")
    assert paths(evidence.root) == ["policy.md", "sub/plan.docx"]


def test_ignore_globs(evidence: Folder) -> None:
    for rel in ("archive/old.md", "a/archive/older.md", "drafts/x.md", "keep.md", "b/tmp.bak"):
        evidence.add(rel, "x")
    assert paths(evidence.root, ignore=("archive/", "*.bak", "drafts/**")) == ["keep.md"]
    assert paths(evidence.root, ignore=("/archive/",)) == [
        "a/archive/older.md",
        "b/tmp.bak",
        "drafts/x.md",
        "keep.md",
    ]


@pytest.mark.parametrize(
    ("pattern", "rel", "expected"),
    [
        ("*.tmp", "a/b/c.tmp", True),
        ("a/*.md", "a/x.md", True),
        ("a/*.md", "a/b/x.md", False),
        ("a/**/x.md", "a/b/c/x.md", True),
        ("a/**/x.md", "a/x.md", True),
        ("README.md", "sub/readme.md", True),
        ("?.md", "ab.md", False),
    ],
)
def test_glob_semantics(pattern: str, rel: str, expected: bool) -> None:
    assert is_ignored(rel, [pattern]) is expected


def test_links_are_listed_not_followed(evidence: Folder, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text("# Scope statement", encoding="utf-8")
    (evidence.root / "scope-link.md").symlink_to(outside / "secret.md")
    (evidence.root / "linked-folder").symlink_to(outside)
    found = {c.rel: c.skip_reason for c in scan(evidence.root)}
    assert found == {
        "linked-folder": "symbolic link to a folder; not followed",
        "scope-link.md": "symbolic link; not followed",
    }
    files = collect(evidence.root).files
    assert all(not f.readable and f.text == "" for f in files)


def test_missing_folder_and_file_instead_of_folder(tmp_path: Path) -> None:
    with pytest.raises(EvidenceFolderError, match="not found"):
        scan(tmp_path / "nope")
    (tmp_path / "f.md").write_text("x", encoding="utf-8")
    with pytest.raises(EvidenceFolderError, match="not a folder"):
        scan(tmp_path / "f.md")


def test_size_cap(evidence: Folder) -> None:
    evidence.add("big.md", "x" * 2048)
    (big,) = collect(evidence.root, max_bytes=1024).files
    assert not big.readable and "limit" in (big.error or "")


def test_front_matter_document_control() -> None:
    text = """---
Title: Service Management Policy
Document ID: POL-1
Revision: 2.1
Document Owner: Head of Service
Approved by: MD
Status: Approved
Approval date: 2026-03-02
Next review: 10 March 2027
iso20k:
  satisfies: ["5.2.1", sm-policy]
---
# Heading ignored when a title is given
Body text.
"""
    fm = parse_front_matter(text)
    assert fm.title == "Service Management Policy"
    c = fm.control
    assert (c.doc_id, c.version, c.owner, c.approver) == ("POL-1", "2.1", "Head of Service", "MD")
    assert c.status is DocStatus.APPROVED
    assert c.approved == dt.date(2026, 3, 2)
    assert c.review_due == dt.date(2027, 3, 10)
    assert fm.declared == ("5.2.1", "sm-policy")
    assert fm.body.startswith("# Heading")
    assert fm.warnings == []


def test_front_matter_record_period_and_bad_values() -> None:
    fm = parse_front_matter(
        "---\nrecord_date: 2026-09-30\nperiod_start: 2026-09-01\napproved: someday\n---\nx"
    )
    assert fm.record_dates == (dt.date(2026, 9, 1), dt.date(2026, 9, 30))
    assert fm.warnings == ["front-matter 'approved' is not a date we can read: 'someday'"]


def test_invalid_front_matter_is_a_warning_with_line() -> None:
    fm = parse_front_matter("---\ntitle: ok\nstatus: [broken\n---\nbody")
    assert fm.title is None
    assert fm.warnings and "not valid YAML at line" in fm.warnings[0]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Approved", DocStatus.APPROVED),
        ("released", DocStatus.APPROVED),
        ("DRAFT", DocStatus.DRAFT),
        ("in review", DocStatus.DRAFT),
        ("Superseded", DocStatus.SUPERSEDED),
        ("banana", DocStatus.UNKNOWN),
    ],
)
def test_status_words(text: str, status: DocStatus) -> None:
    assert normalise_status(text) is status


def test_dates() -> None:
    assert parse_date("2026-03-02") == dt.date(2026, 3, 2)
    assert parse_date("March 5, 2026") == dt.date(2026, 3, 5)
    assert parse_date("5th Sept 2026") == dt.date(2026, 9, 5)
    assert parse_date("2026-02-30") is None
    assert parse_date("25/03/2027") == dt.date(2027, 3, 25)
    assert parse_date("03/04/2027") is None  # 3 April or 4 March: no guess
    assert dates_in_name("report-2026-Q3.pdf") == (dt.date(2026, 7, 1), dt.date(2026, 9, 30))
    assert dates_in_name("Q4 2026 review.docx") == (dt.date(2026, 10, 1), dt.date(2026, 12, 31))
    assert dates_in_name("Availability Jul-Oct 2026.xlsx") == (
        dt.date(2026, 7, 1),
        dt.date(2026, 10, 31),
    )
    assert dates_in_name("export 2026-08-01 to 2026-10-31.csv") == (
        dt.date(2026, 8, 1),
        dt.date(2026, 10, 31),
    )
    assert dates_in_name("March 2026 minutes.docx") == (dt.date(2026, 3, 1), dt.date(2026, 3, 31))
    assert dates_in_name("Decimal marketing 2026.docx") == ()
    assert dates_in_name("incident-log-2026-09.md") == (dt.date(2026, 9, 1), dt.date(2026, 9, 30))
    assert dates_in_name("MR minutes 2026-10-14.md") == (dt.date(2026, 10, 14),)
    assert dates_in_name("policy-v2.md") == ()
    assert days_covered([dt.date(2026, 8, 3)]) == 1
    assert days_covered([dt.date(2026, 10, 31), dt.date(2026, 8, 3)]) == 90


def test_markdown_title_from_heading_and_text_without_headings(evidence: Folder) -> None:
    evidence.add("a.md", "Intro\n\n# Capacity Plan 2026\n\nBody")
    evidence.add("b.txt", "# Not a heading in text\nBody")
    evidence.add("c.pdf", b"%PDF-1.4")
    evidence.add("d.md", b"\x00\x01binary")
    evidence.add("e.md", "caf\xe9".encode("cp1252"))
    a, b, c, d, e = collect(evidence.root).files
    assert (a.title, a.title_source, a.format) == ("Capacity Plan 2026", "heading", "markdown")
    assert b.title is None and b.format == "text"
    assert not c.readable and "damaged or truncated PDF" in (c.error or "") and c.format == "pdf"
    assert c.read_failure
    assert not d.readable and "binary" in (d.error or "")
    assert e.readable and "café" in e.text


def test_progress_shows_on_a_terminal_for_large_scans_only() -> None:
    from io import StringIO

    from rich.console import Console

    from iso20k_cli.cli.output import PROGRESS_THRESHOLD, scan_progress

    piped = Console(file=StringIO(), force_terminal=False)
    with scan_progress(piped) as update:
        assert update is None
    screen = StringIO()
    terminal = Console(file=screen, force_terminal=True, width=80)
    with scan_progress(terminal) as update:
        assert update is not None
        update(1, PROGRESS_THRESHOLD - 1)
        assert screen.getvalue() == ""  # small scans finish before a bar would help
        update(1, PROGRESS_THRESHOLD)
        update(PROGRESS_THRESHOLD, PROGRESS_THRESHOLD)
    assert "Reading evidence" in screen.getvalue()


def test_file_names_that_are_not_utf8_are_escaped(cli: Invoke, evidence: Folder) -> None:
    import json

    (evidence.root / os.fsdecode(b"caf\xe9-policy.md")).write_text("# Policy", encoding="utf-8")
    args = ("--as-of", "2026-11-21", "-f", "json", "--exit-zero", "--allow-empty")
    result = cli("check", evidence.root, *args)
    data = json.loads(result.stdout.encode("utf-8"))
    (entry,) = data["files"]
    assert entry["path"] == "caf\\xe9-policy.md" and entry["readable"] is True
