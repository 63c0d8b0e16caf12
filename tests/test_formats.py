"""The format registry, and the Markdown summary for pull-request comments."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import typer.main

from conftest import MINI, Folder, Invoke
from folders import check, ready_folder
from iso20k_cli import formats
from iso20k_cli.assess.engine import assess
from iso20k_cli.assess.model import Assessment
from iso20k_cli.catalogue.loader import load_catalogue
from iso20k_cli.cli import app
from iso20k_cli.cli.check import default_format
from iso20k_cli.evidence.model import DocStatus, DocumentControl, EvidenceFile
from iso20k_cli.formats import Format
from iso20k_cli.history.baseline import SavedResult
from iso20k_cli.history.compare import compare
from iso20k_cli.render.context import RenderContext
from iso20k_cli.render.markdown_summary import escape
from iso20k_cli.render.plain import plain_text
from iso20k_cli.settings.config import Settings


def assessment(*files: EvidenceFile) -> Assessment:
    return assess(load_catalogue(MINI), Settings(), files, dt.date(2026, 11, 21), "sms")


def draft(path: str) -> EvidenceFile:
    control = DocumentControl(status=DocStatus.DRAFT, title="Incident policy | <b>v2</b>")
    return EvidenceFile(path=path, format="markdown", size=1, readable=True, control=control)


def text_of(content: object) -> str:
    """What a check renderer gave, as the text a file receives."""
    if callable(content):
        return plain_text(content)
    assert isinstance(content, str | Iterator), content
    return content if isinstance(content, str) else "".join(content)


@pytest.mark.parametrize("name", formats.names("check"))
def test_every_check_format_builds_plain_deterministic_output(name: str) -> None:
    result = assessment(draft("incident-policy.md"))
    context = RenderContext(comparison=compare(SavedResult.of(result), SavedResult.of(result)))
    render = formats.get("check", name).render()
    for ctx in (RenderContext(), context):
        text = text_of(render(result, ctx))
        assert text.endswith("\n") and len(text) > 100
        assert text == text_of(render(result, ctx))
        assert "\x1b[" not in text


def test_each_command_offers_its_formats_in_order() -> None:
    assert formats.names("check") == ("table", "json", "sarif", "junit", "github", "md")
    assert formats.names("report") == ("md", "html", "pdf", "docx", "csv", "xlsx")
    assert formats.names("diff") == ("text", "json")
    assert formats.names("explain") == ()


@pytest.mark.parametrize("entry", formats.FORMATS, ids=lambda f: f"{f.command}-{f.name}")
def test_every_entry_names_an_importable_renderer(entry: Format) -> None:
    assert callable(entry.render())
    assert "/" in entry.media_type
    assert all(s.startswith(".") and s == s.lower() for s in entry.suffixes)
    assert formats.get(entry.command, entry.name) is entry
    assert str(entry) == entry.name


def test_an_unknown_format_is_not_offered() -> None:
    with pytest.raises(KeyError):
        formats.get("diff", "md")


@pytest.mark.parametrize(
    ("command", "file", "expected"),
    [
        ("report", "plan.XLSX", "xlsx"),
        ("report", "r.markdown", "md"),
        ("report", "r.htm", "html"),
        ("report", "r.PDF", "pdf"),
        ("report", "r.txt", None),
        ("report", "report", None),
        ("check", "x.json", "json"),
        ("check", "x.sarif", "sarif"),
        ("check", "x.xml", "junit"),
        ("check", "x.txt", None),
        ("diff", "d.json", "json"),
        ("diff", "d.log", None),
    ],
)
def test_suffix_inference(command: str, file: str, expected: str | None) -> None:
    found = formats.from_suffix(command, Path(file))
    assert (found.name if found else None) == expected


@pytest.mark.parametrize("command", ["check", "report", "diff"])
def test_no_suffix_asks_for_two_formats_of_a_command(command: str) -> None:
    named = [s for f in formats.offered_by(command) for s in f.suffixes]
    assert len(named) == len(set(named))


@pytest.mark.parametrize(
    ("command", "name", "file", "fits"),
    [
        ("report", "html", "report.html", True),
        ("report", "html", "report.HTM", True),
        ("report", "html", "report.pdf", False),
        ("report", "html", "report.txt", False),
        ("report", "md", "report.txt", True),
        ("report", "pdf", "report.docx", False),
        # No suffix, or one no format has, names nothing: the choice is the user's.
        ("report", "html", "report", True),
        ("report", "html", "report.2026-09-01", True),
        ("check", "table", "out.sarif", False),
        ("check", "table", "out.html", False),
        ("check", "table", "out.txt", True),
        ("check", "table", "out.log", True),
        ("check", "sarif", "results.json", True),
        ("check", "json", "results.sarif", False),
        ("check", "md", "summary.md", True),
        ("diff", "text", "d.json", False),
        ("diff", "json", "d.json", True),
    ],
)
def test_a_file_is_not_named_for_another_format(
    command: str, name: str, file: str, fits: bool
) -> None:
    assert formats.fits(formats.get(command, name), Path(file)) is fits


@pytest.mark.parametrize("command", ["check", "report", "diff"])
def test_the_format_choices_are_the_registry(cli: Invoke, command: str, tmp_path: Path) -> None:
    result = cli(command, "--help", env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "--format FORMAT " in result.stdout
    # A wrong value is told the choices, which are the registry's.
    args = [str(tmp_path)] * (2 if command == "diff" else 1)
    refused = cli(command, *args, "--format", "nope")
    assert refused.exit_code == 2
    choices = ", ".join(f"'{name}'" for name in formats.names(command))
    assert f"Invalid value for '--format' / '-f': 'nope' is not one of {choices}." in (
        refused.stderr
    )
    assert "Value error" not in refused.stderr


@pytest.mark.parametrize("command", ["check", "report", "diff"])
def test_the_format_help_names_every_format(command: str) -> None:
    # The choices come from the registry; the words describing them are the command's.
    command_line = getattr(typer.main.get_command(app), "commands", {})[command]
    option = next(p for p in command_line.params if "--format" in p.opts)
    words = set(option.help.replace(",", " ").replace(";", " ").split())
    assert set(formats.names(command)) <= words


@pytest.mark.parametrize(
    ("environ", "to_stdout", "expected"),
    [
        ({}, True, "table"),
        ({"GITHUB_ACTIONS": "true"}, True, "github"),
        ({"GITHUB_ACTIONS": "true"}, False, "table"),
        ({"GITHUB_ACTIONS": "1"}, True, "table"),
    ],
)
def test_default_format(environ: dict[str, str], to_stdout: bool, expected: str) -> None:
    assert default_format(environ, to_stdout) == expected


def test_markdown_escapes_evidence_text() -> None:
    assert escape("a | b <script> *x* [l](u) `c`") == (r"a \| b \<script\> \*x\* \[l\](u) \`c\`")
    assert escape("two\nlines") == "two lines"


def test_markdown_summary_for_a_pull_request(cli: Invoke, evidence: Folder) -> None:
    ready_folder(evidence)
    (evidence.root / "Scope-Statement.md").unlink()
    evidence.add("incident-policy.md", "# Incident policy\n", status="draft")
    result = check(cli, evidence, "-f", "md", "--depth", "1")
    assert result.exit_code == 1
    md = result.stdout
    lines = md.splitlines()
    assert lines[0] == "### iso20k: readiness 71.9/100"
    assert "| Stage 1 (documentation) | **NOT READY**: 1 major finding on documents" in md
    assert "| Clause | Title | Score | Status |" in md
    assert "| 1 | Governance | 25 | partial |" in md
    assert "| 1.1 |" not in md  # --depth 1: top-level clauses only
    assert "#### Open major findings (1)" in md
    assert "- **MAJOR** 1.1 Scope statement: no evidence of 'Scope statement' was found" in md
    assert "is still a draft" not in md  # a minor finding is not listed


def test_markdown_summary_with_a_baseline(cli: Invoke, evidence: Folder, tmp_path: Path) -> None:
    ready_folder(evidence)
    (evidence.root / "Scope-Statement.md").unlink()
    baseline = tmp_path / "baseline.json"
    check(cli, evidence, "--write-baseline", baseline, "--exit-zero")
    evidence.add("incident-policy.md", "# Incident policy\n", status="draft")
    md = check(cli, evidence, "-f", "md", "--baseline", baseline).stdout
    before = json.loads(baseline.read_text(encoding="utf-8"))["score"]
    assert f"Since the baseline: readiness {before:g} → 71.9 (-9.3), 1 new finding" in md
    new, known = md.split("#### New since the baseline (1)")[1].split("#### Known major findings")
    assert "**MINOR** 2.1 Incident policy: 'Incident policy' is still a draft" in new
    assert "Scope statement" in known


def test_json_pieces_are_the_bytes_the_standard_encoder_writes() -> None:
    import json

    from iso20k_cli.render.jsonout import indented

    value = {"é": ["naïve", 82.2, 1e16, None, True], "big": 2**70, "empty": [{}, []]}
    # orjson refuses an integer past 64 bits; the standard encoder then writes it.
    expected = json.dumps(value, indent=2, ensure_ascii=False).replace("\n", "\n  ")
    assert indented(value, "  ") == expected
    small = {"score": 82.2, "name": "Ünïcode \u2028 line"}
    assert indented(small, "") == json.dumps(small, indent=2, ensure_ascii=False)
