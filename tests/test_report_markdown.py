"""The Markdown report: a reviewed golden file for the example, and escaping.

To regenerate the golden file after an intended change, run
``ISO20K_UPDATE_GOLDEN=1 pytest tests/test_report_markdown.py`` and review the diff
before committing it: it must still read like a report a consultant would hand over.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from conftest import AS_OF, DATA, REPO, Folder, Invoke
from iso20k_cli.render.report.mdtext import code_span, escape_md
from report_helpers import EVIL_PATH, EVIL_TITLE, partly_ready, report

GOLDEN = DATA / "golden" / "harbourside-report.md"


def test_example_report_matches_the_reviewed_golden_file(
    cli: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A relative folder, so that the report names it the same on every machine.
    monkeypatch.chdir(REPO)
    result = cli("report", "examples/harbourside", "--as-of", AS_OF, "--format", "md")
    assert result.exit_code == 0, result.stderr
    if os.environ.get("ISO20K_UPDATE_GOLDEN"):
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_text(result.stdout, encoding="utf-8", newline="\n")
    expected = GOLDEN.read_text(encoding="utf-8")
    assert result.stdout == expected, (
        "the Markdown report changed; if intended, regenerate with ISO20K_UPDATE_GOLDEN=1 "
        "and review the diff"
    )


def test_report_sections_come_in_the_order_a_certification_report_reads() -> None:
    text = GOLDEN.read_text(encoding="utf-8")
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings == [
        "## Contents",
        "## 1. Executive summary",
        "## 2. Method",
        "## 3. Findings by clause",
        "## 4. Strengths",
        "## 5. Action plan",
        "## 6. Evidence index",
    ]
    clauses = [line for line in text.splitlines() if line.startswith("### Clause ")]
    assert [c.split()[2] for c in clauses] == ["4", "5", "6", "7", "8", "9", "10"]


def test_hostile_names_and_titles_stay_text(cli: Invoke, evidence: Folder) -> None:
    md = report(cli, partly_ready(evidence).root, "-f", "md").stdout
    assert f"`{EVIL_PATH}`" in md
    # Outside code spans, a "<" from evidence is always backslash-escaped.
    assert re.search(r"(?<![\\`])<(img|script)", md) is None
    assert escape_md(EVIL_TITLE) in md
    # No table row is broken by a "|" from evidence: every row has the header's cells.
    for block in md.split("\n\n"):
        rows = [r for r in block.splitlines() if r.startswith("|")]
        if rows:
            widths = {r.replace("\\|", "").count("|") for r in rows}
            assert len(widths) == 1, block


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("<script>alert(1)</script>", "\\<script\\>alert(1)\\</script\\>"),
        ("a | b", "a \\| b"),
        ("*bold* and _em_ in snake_case", "\\*bold\\* and \\_em\\_ in snake_case"),
        ("[link](http://x)", "\\[link\\](http://x)"),
        ("# heading", "\\# heading"),
        ("- item", "\\- item"),
        ("12. item", "12\\. item"),
        ("8.2.3 stays", "8.2.3 stays"),
        ("one\ntwo\r\nthree", "one two three"),
        ("R&D &amp; more", "R&D \\&amp; more"),
        ("`code`", "\\`code\\`"),
        ("---", "\\---"),
    ],
)
def test_escape_md(text: str, escaped: str) -> None:
    assert escape_md(text) == escaped


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("01-context/SMS Scope Statement.md", "`01-context/SMS Scope Statement.md`"),
        ("a`b", "``a`b``"),
        ("`start", "`` `start ``"),
        ("a|b.md", "a\\|b.md"),
        ("line\nbreak", "line break"),
    ],
)
def test_code_span(text: str, span: str) -> None:
    assert code_span(text) == span


def test_golden_file_is_committed_with_unix_line_ends() -> None:
    assert b"\r\n" not in Path(GOLDEN).read_bytes()


POLICY = (
    "---\ntitle: Change Management Policy\nstatus: {status}\napproved: {approved}\n"
    "owner: Head of Service\nversion: '{version}'\n---\n\n# Change Management Policy\n\n"
    "Every change is requested, assessed for risk, approved and reviewed after it is made.\n"
)


def test_a_strength_names_the_current_version_not_the_ones_it_replaced(
    cli: Invoke, evidence: Folder
) -> None:
    evidence.add(
        "change-policy.md", POLICY.format(status="approved", approved="2026-02-01", version="2.0")
    )
    evidence.add(
        "archive/change-policy-v1.md",
        POLICY.format(status="approved", approved="2024-02-01", version="1.0"),
    )
    evidence.add(
        "change-policy-2023.md",
        POLICY.format(status="superseded", approved="2023-02-01", version="0.9"),
    )
    result = cli("report", evidence.root, "--as-of", AS_OF, "--format", "md", "--allow-empty")
    assert result.exit_code == 0, result.stderr
    (line,) = [row for row in result.stdout.splitlines() if "Change management policy.**" in row]
    assert line.endswith("Evidence: `change-policy.md`.")
