"""``--format sarif``: valid SARIF 2.1.0, located results, rules with help, stable fingerprints."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from conftest import DATA, Folder, Invoke
from folders import check, ready_folder
from iso20k_cli.render.locations import repo_path, uri

SCHEMA = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def gaps(folder: Folder) -> Folder:
    """A missing document (major), an unapproved one (minor) and an unreadable date (note)."""
    ready_folder(folder)
    (folder.root / "Scope-Statement.md").unlink()
    (folder.root / "incident-policy.md").unlink()
    folder.add("policies/Incident Policy.md", "# Incident policy\n", status="draft")
    folder.add("notes/minutes.md", "# Minutes\n", approved="soon")
    return folder


def sarif(cli: Invoke, folder: str | Path, *extra: str | Path) -> dict[str, Any]:
    result = cli(
        "check",
        folder,
        *extra,
        "--catalogue",
        DATA / "mini-catalogue.yaml",
        "--as-of",
        "2026-11-21",
        "-f",
        "sarif",
    )
    assert result.exit_code in (0, 1), result.stderr
    assert "\x1b[" not in result.stdout
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def by_rule(run: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {r["ruleId"]: r for r in run["results"]}


@pytest.fixture
def in_repo(evidence: Folder, monkeypatch: pytest.MonkeyPatch) -> Folder:
    """Run from the folder that holds the evidence, as CI runs from the repository root."""
    monkeypatch.chdir(evidence.root.parent)
    return gaps(evidence)


def test_output_is_valid_sarif_2_1_0(cli: Invoke, in_repo: Folder) -> None:
    data = sarif(cli, "evidence")
    jsonschema.Draft4Validator(SCHEMA).validate(data)
    assert data["version"] == "2.1.0"
    driver = data["runs"][0]["tool"]["driver"]
    assert driver["name"] == "iso20k" and driver["version"]


def test_results_are_located_and_graded(cli: Invoke, in_repo: Folder) -> None:
    results = by_rule(sarif(cli, "evidence")["runs"][0])
    missing = results["scope:missing"]
    assert missing["level"] == "error"
    assert missing["locations"] == [
        {"physicalLocation": {"artifactLocation": {"uri": "evidence/"}}}
    ]
    draft = results["incident-policy:approved"]
    assert draft["level"] == "warning"
    assert draft["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "evidence/policies/Incident%20Policy.md"},
        "region": {"startLine": 1},
    }
    note = results["file"]
    assert note["level"] == "note"
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == (
        "evidence/notes/minutes.md"
    )
    assert note["properties"]["findingId"].startswith("file:notes/minutes.md:warning:")


def test_one_rule_per_kind_of_finding_with_help(cli: Invoke, in_repo: Folder) -> None:
    run = sarif(cli, "evidence")["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == sorted(r["id"] for r in rules)
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    rule = next(r for r in rules if r["id"] == "scope:missing")
    assert rule["shortDescription"]["text"] == "1.1 Scope statement: no evidence found"
    assert "mandatory document 'Scope statement'" in rule["fullDescription"]["text"]
    assert rule["help"]["text"].startswith("Produce 'Scope statement'")
    assert rule["help"]["markdown"].startswith("**Recommendation:** Produce")
    assert rule["defaultConfiguration"]["level"] == "error"
    # The catalogue's tags for its standard come first.
    assert rule["properties"]["tags"][:2] == ["mini-standard", "clause-1.1"]
    assert {"document", "mandatory"} <= set(rule["properties"]["tags"])


def test_fingerprints_are_stable_across_runs_and_renames(cli: Invoke, in_repo: Folder) -> None:
    first = sarif(cli, "evidence")
    second = sarif(cli, "evidence")
    assert first == second
    fingerprints = {
        r["ruleId"]: r["partialFingerprints"]["iso20kFindingId/v1"]
        for r in first["runs"][0]["results"]
    }
    assert len(set(fingerprints.values())) == len(fingerprints)
    # The same gap in a renamed file keeps its identity: the alert is not closed and reopened.
    policies = in_repo.root / "policies"
    (policies / "Incident Policy.md").rename(policies / "incident-policy-v2.md")
    renamed = by_rule(sarif(cli, "evidence")["runs"][0])["incident-policy:approved"]
    assert (
        renamed["partialFingerprints"]["iso20kFindingId/v1"]
        == (fingerprints["incident-policy:approved"])
    )
    assert renamed["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith(
        "incident-policy-v2.md"
    )


def test_baseline_state_with_a_baseline(cli: Invoke, evidence: Folder, tmp_path: Path) -> None:
    ready_folder(evidence)
    (evidence.root / "Scope-Statement.md").unlink()
    baseline = tmp_path / "baseline.json"
    check(cli, evidence, "--write-baseline", baseline, "--exit-zero")
    (evidence.root / "incident-policy.md").unlink()
    results = by_rule(sarif(cli, evidence.root, "--baseline", baseline)["runs"][0])
    assert results["scope:missing"]["baselineState"] == "unchanged"
    assert results["incident-policy:missing"]["baselineState"] == "new"
    without = by_rule(sarif(cli, evidence.root)["runs"][0])
    assert "baselineState" not in without["scope:missing"]


def test_absolute_folder_gives_file_uris(cli: Invoke, evidence: Folder) -> None:
    gaps(evidence)
    results = by_rule(sarif(cli, evidence.root)["runs"][0])
    location = results["scope:missing"]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == evidence.root.as_uri() + "/"


@pytest.mark.parametrize(
    ("folder", "relative", "expected_path", "expected_uri"),
    [
        (".", "a b.md", "a b.md", "a%20b.md"),
        (".", None, ".", "./"),
        ("./sms", "x/y.md", "sms/x/y.md", "sms/x/y.md"),
        ("docs\\sms", "y.md", "docs/sms/y.md", "docs/sms/y.md"),
        ("sms/", None, "sms", "sms/"),
        ("C:\\repo\\sms", "p#1.md", "C:/repo/sms/p#1.md", "file:///C:/repo/sms/p%231.md"),
    ],
)
def test_paths_as_seen_from_the_repository_root(
    folder: str, relative: str | None, expected_path: str, expected_uri: str
) -> None:
    assert repo_path(folder, relative) == expected_path
    assert uri(folder, relative) == expected_uri
