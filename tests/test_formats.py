"""The format registry, and the Markdown summary for pull-request comments."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from conftest import MINI, Folder, Invoke
from folders import check, ready_folder
from iso20k_cli.assess.engine import assess
from iso20k_cli.assess.model import Assessment
from iso20k_cli.catalogue.loader import load_catalogue
from iso20k_cli.evidence.model import DocStatus, DocumentControl, EvidenceFile
from iso20k_cli.history.baseline import SavedResult
from iso20k_cli.history.compare import compare
from iso20k_cli.render.context import RenderContext
from iso20k_cli.render.formats import RENDERERS, OutputFormat, default_format, render
from iso20k_cli.render.markdown_summary import escape
from iso20k_cli.settings.config import Settings


def assessment(*files: EvidenceFile) -> Assessment:
    return assess(load_catalogue(MINI), Settings(), files, dt.date(2026, 11, 21), "sms")


def draft(path: str) -> EvidenceFile:
    control = DocumentControl(status=DocStatus.DRAFT, title="Incident policy | <b>v2</b>")
    return EvidenceFile(path=path, format="markdown", size=1, readable=True, control=control)


@pytest.mark.parametrize("name", list(OutputFormat))
def test_every_format_builds_plain_deterministic_output(name: OutputFormat) -> None:
    result = assessment(draft("incident-policy.md"))
    context = RenderContext(comparison=compare(SavedResult.of(result), SavedResult.of(result)))
    for ctx in (RenderContext(), context):
        text = render(name, result, ctx)
        assert text.endswith("\n") and len(text) > 100
        assert text == render(name, result, ctx)
        assert "\x1b[" not in text


def test_registry_covers_every_name() -> None:
    assert set(RENDERERS) == set(OutputFormat)
    assert [f.value for f in OutputFormat] == ["table", "json", "sarif", "junit", "github", "md"]


@pytest.mark.parametrize(
    ("environ", "to_stdout", "expected"),
    [
        ({}, True, OutputFormat.TABLE),
        ({"GITHUB_ACTIONS": "true"}, True, OutputFormat.GITHUB),
        ({"GITHUB_ACTIONS": "true"}, False, OutputFormat.TABLE),
        ({"GITHUB_ACTIONS": "1"}, True, OutputFormat.TABLE),
    ],
)
def test_default_format(environ: dict[str, str], to_stdout: bool, expected: OutputFormat) -> None:
    assert default_format(environ, to_stdout) is expected


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
    assert "| Stage 1 (documentation) | **NOT READY**: 1 major finding(s) on documents" in md
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
    assert f"Since the baseline: readiness {before:g} → 71.9 (-9.3), 1 new finding(s)" in md
    new, known = md.split("#### New since the baseline (1)")[1].split("#### Known major findings")
    assert "**MINOR** 2.1 Incident policy: 'Incident policy' is still a draft" in new
    assert "Scope statement" in known
