"""Patterns: regular expressions from a catalogue or configuration, globs, long runs of spaces."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .harness import MINI, check, make_folder

GOOD_DOC = "# Incident policy\n\nHow incidents are handled.\n"
BAD_REGEX = "(unclosed[group"


def _nc_catalogue(tmp_path: Path, pattern: str) -> Path:
    text = MINI.read_text(encoding="utf-8") + (
        "    documents:\n"
        "      - id: nc-log\n"
        "        title: Nonconformity log\n"
        "        mandatory: false\n"
        '        basis: "2.2"\n'
        "        match:\n"
        '          titles: ["nonconformity log"]\n'
        "        checks:\n"
        "          - type: corrective_actions\n"
        f"            reference_pattern: '{pattern}'\n"
    )
    path = tmp_path / "catalogue.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_catalogue_regex_that_does_not_compile(tmp_path: Path) -> None:
    root = make_folder(tmp_path, {"policy.md": GOOD_DOC, "nonconformity-log.md": "# NC log\n"})
    catalogue = _nc_catalogue(tmp_path, BAD_REGEX)
    line = next(
        n
        for n, text in enumerate(catalogue.read_text(encoding="utf-8").splitlines(), 1)
        if "reference_pattern" in text
    )
    result = check(root, "--catalogue", str(catalogue), codes=(2,))
    assert f"catalogue.yaml:{line}" in result.stderr


def test_configuration_regex_that_does_not_compile(tmp_path: Path) -> None:
    config = f"checks:\n  corrective_actions:\n    reference_pattern: '{BAD_REGEX}'\n"
    root = make_folder(tmp_path, {"policy.md": GOOD_DOC, ".iso20k.yaml": config})
    result = check(root, mini=False, codes=(2,))
    assert ".iso20k.yaml:3" in result.stderr


@pytest.mark.parametrize("pattern", ["(a+)+b", "(a|aa)+$", "(a*)*b"])
def test_catalogue_regex_that_backtracks_runs_in_linear_time(tmp_path: Path, pattern: str) -> None:
    # Python's engine takes exponential time on these against a run of 'a's; the user's
    # pattern runs under RE2, which does not backtrack.
    log = "# Nonconformity log\n\n| Ref | Status | Due |\n|---|---|---|\n"
    log += "| " + "a" * 30_000 + "! | open | 2026-01-01 |\n"
    root = make_folder(tmp_path, {"policy.md": GOOD_DOC, "nonconformity-log.md": log})
    catalogue = _nc_catalogue(tmp_path, pattern)
    check(root, "--catalogue", str(catalogue))


def test_repeated_double_star_in_ignore(tmp_path: Path) -> None:
    config = "ignore:\n  - '" + "**/" * 60 + "x'\n"
    root = make_folder(tmp_path, {"policy.md": GOOD_DOC, ".iso20k.yaml": config})
    deep = "/".join(["d"] * 30) + "/" + "y" * 40 + ".md"
    (root / deep).parent.mkdir(parents=True)
    (root / deep).write_text(GOOD_DOC, encoding="utf-8")
    check(root)


def test_repeated_double_star_in_manifest(tmp_path: Path) -> None:
    manifest = "files:\n  - path: '" + "**/" * 60 + "x'\n    satisfies: [scope]\n"
    root = make_folder(tmp_path, {"policy.md": GOOD_DOC, "evidence.yaml": manifest})
    deep = "/".join(["d"] * 30) + "/" + "y" * 40 + ".md"
    (root / deep).parent.mkdir(parents=True)
    (root / deep).write_text(GOOD_DOC, encoding="utf-8")
    check(root)


def test_star_heavy_glob(tmp_path: Path) -> None:
    config = "ignore:\n  - '" + "*a" * 40 + "b'\n"
    root = make_folder(tmp_path, {"policy.md": GOOD_DOC, ".iso20k.yaml": config})
    (root / ("a" * 100 + ".md")).write_text(GOOD_DOC, encoding="utf-8")
    check(root)


def test_glob_semantics_survive(tmp_path: Path) -> None:
    config = "ignore:\n  - 'archive/'\n  - '**/*.bak.md'\n  - '/top-only.md'\n  - 'a/**/z.md'\n"
    files = {
        "policy.md": GOOD_DOC,
        ".iso20k.yaml": config,
        "archive/old.md": GOOD_DOC,
        "x/y/note.bak.md": GOOD_DOC,
        "top-only.md": GOOD_DOC,
        "sub/top-only.md": GOOD_DOC,
        "a/z.md": GOOD_DOC,
        "a/b/c/z.md": GOOD_DOC,
        "b/z.md": GOOD_DOC,
    }
    root = make_folder(tmp_path, files)
    paths = {f["path"] for f in json.loads(check(root).stdout)["files"]}
    assert paths == {"policy.md", "sub/top-only.md", "b/z.md"}


def test_heading_followed_by_spaces(tmp_path: Path) -> None:
    spaces = " " * 50_000
    text = f"# Incident policy{spaces}\n\n##{spaces}x\n\n#{spaces}\n{spaces}#\n"
    root = make_folder(tmp_path, {"policy.md": text, "policy2.txt": text})
    check(root)


def test_labelled_line_followed_by_spaces(tmp_path: Path) -> None:
    spaces = " " * 50_000
    lines = [
        f"Owner:{spaces}",
        f"Owner:{spaces}x{spaces}",
        f"Approved by{spaces}:{spaces}|{spaces}",
        f"Version{spaces}1{spaces}",
        f"Reporting period: 1 March 2026{spaces}to{spaces}",
        f"**Status**{spaces}",
        f"Next review: {spaces}10 March 2027{spaces}",
        f"Last revised{spaces}on{spaces}:{spaces}10 February 2026{spaces}",
        f"Effective{spaces}date{spaces}",
        f"Signed for and on behalf of{spaces}",
        f"Signed:{spaces}Jane Smith{spaces}Date:{spaces}",
    ]
    text = "# Incident policy\n\n" + "\n".join(lines) + "\n"
    root = make_folder(tmp_path, {"policy.md": text, "policy.txt": text, "table.csv": text})
    check(root)


def test_unclosed_brackets_and_endless_blanks(tmp_path: Path) -> None:
    # Looking for a template's "[describe …]" blanks reads each bracket once.
    text = "# Incident policy\n\n" + "[" * 200_000 + "<" * 200_000 + "[list x] " * 20_000
    root = make_folder(tmp_path, {"policy.md": text, "policy.txt": text})
    check(root)


def test_hostile_cells_in_a_date_column(tmp_path: Path) -> None:
    # Date cells are read as runs of one kind of character each, at most 64 of them.
    rows = ["Ref,Date raised,Verified on"]
    rows += [f"{n},1{' ,' * 20_000}x,{'1/' * 30_000}" for n in range(50)]
    rows += [f"{n},2026-03-0{n % 9 + 1},{'date ' * 1_000}" for n in range(50)]
    root = make_folder(tmp_path, {"incident-log.csv": "\n".join(rows) + "\n"})
    check(root)


def test_csv_that_makes_a_pattern_based_sniffer_backtrack(tmp_path: Path) -> None:
    # Each of these takes the standard library's sniffer close to half a second; the
    # delimiter is found in one pass, so sixty of them stay far inside the time limit.
    shapes = [',"' * 4096, '"' + "," * 8190 + '"', ', "a' * 2048, ",'" * 4096]
    files = {f"export-{n}.csv": shapes[n % len(shapes)] + "\n" for n in range(60)}
    check(make_folder(tmp_path, files))


def test_html_with_unclosed_constructs_and_deep_nesting(tmp_path: Path) -> None:
    # A parser that rescans from each unclosed comment or end tag is quadratic: the
    # standard library's took close to a minute on the first of these.
    files = {
        "comments.html": "<html><body>x" + "<!--" * 80_000,
        "end-tags.html": "<p>x" + "</" * 150_000,
        "instructions.htm": "<p>x" + "<?" * 150_000,
        "nested.html": "<div>" * 100_000 + "Incident policy" + "</div>" * 100_000,
        "table.md": "# Incident log\n\n<table>\n<tr><td>" + "<!--" * 80_000 + "\n</table>\n",
    }
    check(make_folder(tmp_path, files))


def test_long_revision_history_and_signature_blocks(tmp_path: Path) -> None:
    """A revision history of thousands of rows with huge cells, and a tail of signature
    lines, are read in linear time."""
    spaces = " " * 2_000
    rows = "\n".join(
        f"| {i}.{spaces}{i} | 2026-01-01{spaces} | Signed{spaces}by | {'v' * 2_000} |"
        for i in range(2_000)
    )
    header = "| Version | Date | Approved by | Change |\n|---|---|---|---|"
    history = f"# Incident policy\n\n{header}\n{rows}\n"
    signatures = "\n".join(
        f"Signed: {'_' * 400} Date: {spaces} | Name: {'x ' * 200} | Signature | Date"
        for _ in range(2_000)
    )
    lines = "\n".join(f"{i}.1 {'10 February ' * 200}" for i in range(2_000))
    text_history = f"Version Date Author Description\n{lines}\n"
    root = make_folder(
        tmp_path,
        {"policy.md": history, "agreement.md": signatures, "history.txt": text_history},
    )
    check(root)


def test_audit_report_lines_of_spaces(tmp_path: Path) -> None:
    # Report labels ("Auditor: …") are found with string operations, not a pattern
    # whose leading spaces it would try in every split.
    spaces = " " * 60_000
    text = (
        "---\ntitle: Internal Audit Report 2026-09\nrecord_date: 2026-09-24\n---\n"
        "# Internal Audit Report 2026-09\n\n"
        + "\n".join([spaces, f"|{spaces}|", f"**{spaces}", "Auditor: Jane Smith"] * 20)
        + "\n"
    )
    root = make_folder(tmp_path, {"internal-audit-report-2026-09.md": text})
    check(root, mini=False)


def test_site_shapes_read_in_bounded_time(tmp_path: Path) -> None:
    # Unclosed HTML tables, a page of bare links, endless metadata lines, a deep nav.
    tables = "# Incident policy\n\n" + "<table>\n" * 100_000
    links = "# Policies\n\n" + "- [a](b.md)\n" * 100_000
    metadata = "Title: Incident policy\n" + "Key: value\n" * 100_000
    nav = "nav:\n" + "".join("  " * d + "- Section:\n" for d in range(200)) + "\n"
    labels = "# Incident 2026-01-01\n\n" + "- **Impact**: x\n" * 100_000
    root = make_folder(
        tmp_path,
        {
            "mkdocs.yml": nav,
            "docs/tables.md": tables,
            "docs/links.md": links,
            "docs/meta.md": metadata,
            "incidents/2026-01-01-outage.md": labels,
        },
    )
    check(root)
