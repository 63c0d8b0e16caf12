"""``iso20k explain ITEM:CHECK``: one finding's check, not the whole item again.

On the example, whose continuity plan is a draft: the check's own story (what it verifies,
as it ran, the files it judged, what it found, its finding and recommendation), agreeing
with ``check``'s JSON; ``explain ITEM`` is unchanged.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from conftest import AS_OF, REPO, Invoke

EXAMPLE = REPO / "examples" / "harbourside"
WIDE = {"COLUMNS": "250"}


@pytest.fixture
def findings(cli: Invoke) -> dict[str, Any]:
    """The example's findings, by id, as ``check`` reports them."""
    result = cli("check", EXAMPLE, "--as-of", AS_OF, "-f", "json", "--exit-zero")
    assert result.exit_code == 0, result.stderr
    return {f["id"]: f for f in result.json()["findings"]}


def explain(cli: Invoke, target: str, *extra: str | Path, folder: Path = EXAMPLE) -> str:
    result = cli("explain", folder, target, "--as-of", AS_OF, *extra, env=WIDE)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_a_finding_id_explains_its_check_alone(cli: Invoke, findings: dict[str, Any]) -> None:
    finding = findings["continuity-plan:approved"]
    text = explain(cli, "continuity-plan:approved")
    lines = text.splitlines()
    assert "Check 'approved' of Service continuity plan (continuity-plan:approved)" in lines
    assert "Clause 8.7.2 Service continuity management; a mandatory document" in lines
    sections = [line for line in lines if line and not line.startswith(" ") and ":" not in line]
    assert sections[-4:] == ["What it verifies", "Files it judged", "What it found", "Findings"]
    # Its spec: what the check verifies (its documentation) and its parameters as it ran.
    verifies = text.split("What it verifies\n", 1)[1].split("\n\n", 1)[0]
    assert "the current version of a document is approved, not a draft" in verifies
    assert "As it ran: the defaults" in verifies
    # The file it judged, with its document control.
    judged = text.split("Files it judged\n", 1)[1].split("\n\n", 1)[0]
    assert "08-assurance/Service Continuity Plan.md" in judged and "status draft" in judged
    # What it found, and the finding with its recommendation, as check reported them.
    found = text.split("What it found\n", 1)[1].split("\n\n", 1)[0]
    assert found.strip().startswith("FAIL approved (minor): 'Service continuity plan' is still")
    assert f"MINOR [continuity-plan:approved] {finding['message']}" in text
    assert f"→ {finding['recommendation']}" in text
    # Only this check: the item's other checks and its other findings are not told.
    assert "document_control" not in text and "review_interval" not in text


def test_explain_item_still_tells_the_whole_item(cli: Invoke) -> None:
    whole = explain(cli, "continuity-plan")
    assert whole != explain(cli, "continuity-plan:approved")
    assert "Evidence considered" in whole and "How the status follows" in whole
    assert "review_interval" in whole


def test_a_check_with_parameters_shows_them_as_it_ran(cli: Invoke, tmp_path: Path) -> None:
    folder = tmp_path / "harbourside"
    shutil.copytree(EXAMPLE, folder)
    config = folder / ".iso20k.yaml"
    config.write_text(
        config.read_text(encoding="utf-8") + "checks:\n  continuity-plan.review_interval:\n"
        "    months: 6\n",
        encoding="utf-8",
    )
    text = explain(cli, "continuity-plan:review_interval", folder=folder)
    assert "Check 'review_interval' of Service continuity plan" in text
    assert "As it ran: months: 6" in text


def test_a_finding_no_check_makes_is_explained_as_the_engine_s(
    cli: Invoke, findings: dict[str, Any]
) -> None:
    text = explain(cli, "other-parties-list:missing")
    assert text.splitlines()[2].startswith("Finding 'missing' of List of services")
    assert "No check makes this finding" in text
    assert "Files it judged" not in text
    assert (
        f"MAJOR [other-parties-list:missing] {findings['other-parties-list:missing']['message']}"
        in (" ".join(text.split()))
    )


def test_a_check_that_found_nothing_says_so(cli: Invoke, findings: dict[str, Any]) -> None:
    assert not any(f.startswith("continuity-plan:current_version") for f in findings)
    text = explain(cli, "continuity-plan:current_version")
    assert "Findings\n  None: nothing to act on." in text


def test_a_mistyped_check_names_the_item_s_checks(cli: Invoke) -> None:
    result = cli("explain", EXAMPLE, "continuity-plan:aproved", "--as-of", AS_OF)
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "iso20k: error: item 'continuity-plan' has no check 'aproved' (did you mean "
        "'continuity-plan:approved'?); its checks: approved, document_control,"
    )
