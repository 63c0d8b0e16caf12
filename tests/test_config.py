"""The configuration file: discovery, validation with lines, and its effect on a run."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import AS_OF, MINI, Folder, Invoke
from iso20k_cli.errors import ConfigError
from iso20k_cli.settings.config import load_settings
from iso20k_cli.settings.discover import find_config


def test_discovery_order(tmp_path: Path) -> None:
    evidence, cwd = tmp_path / "ev", tmp_path / "cwd"
    evidence.mkdir()
    cwd.mkdir()
    assert find_config(evidence, None, cwd) is None
    (cwd / ".iso20k.yaml").write_text("{}", encoding="utf-8")
    assert find_config(evidence, None, cwd) == cwd / ".iso20k.yaml"
    (evidence / ".iso20k.yaml").write_text("{}", encoding="utf-8")
    assert find_config(evidence, None, cwd) == evidence / ".iso20k.yaml"
    explicit = tmp_path / "mine.yaml"
    assert find_config(evidence, explicit, cwd) == explicit


def test_full_configuration_loads(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(
        "organisation: Acme Ltd\nscope: Hosting\nassessor: J. Doe\ncatalogue: cats/mine.yaml\n"
        "fail_under: 70\nignore: [archive/]\ndefaults:\n  review_interval_months: 6\n"
        "not_applicable:\n  - item: scope\n    justification: Not needed in this test case.\n",
        encoding="utf-8",
    )
    settings = load_settings(path)
    assert settings.organisation == "Acme Ltd"
    assert settings.catalogue_path() == tmp_path / "cats" / "mine.yaml"
    assert settings.fail_under == 70
    assert settings.defaults.review_interval_months == 6
    assert settings.not_applicable[0].item == "scope"


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (
            "organisation: A\nfail_under: 150\n",
            2,
            "'fail_under' must be at most 100, not 150",
        ),
        (
            "ignore: [a]\nnot_applicable:\n  - clause: '1'\n    justification: short\n",
            4,
            "justification",
        ),
        (
            "not_applicable:\n  - justification: A long enough reason here.\n",
            2,
            "exactly one of 'clause' or 'item'",
        ),
        ("defaults:\n  review_interval: 6\n", 2, "defaults: unknown key 'review_interval'"),
        ("- just\n- a list\n", 1, "must be a mapping"),
        ("organisation: [unclosed\n", 2, "invalid YAML"),
    ],
)
def test_bad_configuration(tmp_path: Path, text: str, line: int, message: str) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_settings(path)
    assert info.value.line == line
    assert message in info.value.message
    assert str(info.value).startswith(f"{path}:{line}: ")


def test_empty_configuration_is_fine(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text("# nothing yet\n", encoding="utf-8")
    assert load_settings(path).organisation is None


def test_not_applicable_must_name_a_catalogue_clause(cli: Invoke, evidence: Folder) -> None:
    evidence.add(
        ".iso20k.yaml",
        "organisation: Acme\nnot_applicable:\n"
        "  - clause: '9.9'\n    justification: We do not do this.\n",
    )
    result = cli("check", evidence.root, "--catalogue", MINI, "--as-of", AS_OF)
    assert result.exit_code == 2
    assert ".iso20k.yaml:3: not_applicable: clause '9.9' is not in the catalogue" in result.stderr


def test_configuration_drives_the_run(cli: Invoke, evidence: Folder, tmp_path: Path) -> None:
    catalogue = tmp_path / "cats" / "mine.yaml"
    catalogue.parent.mkdir()
    catalogue.write_text(MINI.read_text(encoding="utf-8"), encoding="utf-8")
    # Approved but overdue for review: a minor finding, so the score is 50.
    evidence.add(
        "Scope-Statement.md",
        "# Scope",
        status="approved",
        approved="2025-03-01",
        review_due="2026-03-01",
    )
    evidence.add("archive/incident-policy.md", "# Old", status="approved")
    config = tmp_path / "settings.yaml"
    config.write_text(
        "organisation: Acme Ltd\ncatalogue: cats/mine.yaml\nfail_under: 10\nignore: [archive/]\n"
        "not_applicable:\n  - clause: '2'\n"
        "    justification: Operations are out of this test's scope.\n",
        encoding="utf-8",
    )
    result = cli("check", evidence.root, "--config", config, "--as-of", AS_OF, "-f", "json")
    data = result.json()
    assert data["organisation"] == "Acme Ltd"
    assert data["catalogue"]["path"] == str(catalogue)
    assert "archive/incident-policy.md" not in [f["path"] for f in data["files"]]
    statuses = {i["id"]: i["status"] for i in data["items"]}
    assert statuses["incident-policy"] == "not_applicable"
    assert data["parameters"]["fail_under"] == 10
    # The audit gate item is N/A, so Stage 1 is judged on documents alone.
    assert data["verdict"]["stage1_ready"] is True
    assert result.exit_code == 0
    override = cli(
        "check", evidence.root, "--config", config, "--as-of", AS_OF, "--fail-under", "99"
    )
    assert override.exit_code == 1
