"""Configuration where people keep it: ``[tool.iso20k]`` in ``pyproject.toml``, found from
the evidence folder up to its repository's root, and named in the header of every output."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import openpyxl
import pytest

from conftest import AS_OF, MINI, Invoke, Result

PYPROJECT = """[project]
name = "sms-docs"

[tool.iso20k]
organisation = "Repo Root Ltd"
"""


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A documentation repository (``.git`` at its root) whose evidence is two levels down,
    run from a working directory that holds no configuration."""
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    evidence = root / "docs" / "sms"
    evidence.mkdir(parents=True)
    (evidence / "incident-policy.md").write_text("# Incident policy\n\nText.\n", "utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    return root


def check_json(cli: Invoke, evidence: Path, *extra: str | Path) -> dict[str, object]:
    result = cli("check", evidence, "--catalogue", MINI, "--as-of", AS_OF, "-f", "json", *extra)
    assert result.exit_code in (0, 1), result.stderr
    data: dict[str, object] = result.json()
    return data


def test_pyproject_at_the_repository_root_is_found_from_a_sub_folder(
    cli: Invoke, repo: Path
) -> None:
    (repo / "pyproject.toml").write_text(PYPROJECT, "utf-8")
    data = check_json(cli, repo / "docs" / "sms")
    assert data["organisation"] == "Repo Root Ltd"
    assert data["configuration"] == str(repo / "pyproject.toml")


def test_discovery_stops_at_the_repository_root(cli: Invoke, repo: Path) -> None:
    # Above the folder holding .git: not part of the project, never read.
    (repo.parent / ".iso20k.yaml").write_text("organisation: Above The Repo\n", "utf-8")
    (repo.parent / "pyproject.toml").write_text(PYPROJECT, "utf-8")
    data = check_json(cli, repo / "docs" / "sms")
    assert data["organisation"] is None
    assert data["configuration"] is None


def test_outside_a_repository_only_the_evidence_folder_and_working_directory_count(
    cli: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".iso20k.yaml").write_text("organisation: A Shared Folder\n", "utf-8")
    evidence = tmp_path / "loose" / "evidence"
    evidence.mkdir(parents=True)
    (evidence / "incident-policy.md").write_text("# Incident policy\n\nText.\n", "utf-8")
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    assert check_json(cli, evidence)["configuration"] is None
    (work / ".iso20k.yaml").write_text("organisation: Working Directory Ltd\n", "utf-8")
    data = check_json(cli, evidence)
    assert data["organisation"] == "Working Directory Ltd"
    assert data["configuration"] == str(work / ".iso20k.yaml")


def test_the_nearest_folder_wins_and_yaml_before_pyproject_in_a_folder(
    cli: Invoke, repo: Path
) -> None:
    (repo / "pyproject.toml").write_text(PYPROJECT, "utf-8")
    docs = repo / "docs"
    # A pyproject.toml without [tool.iso20k] is passed over, not taken as "no configuration".
    (docs / "pyproject.toml").write_text('[project]\nname = "other"\n', "utf-8")
    assert check_json(cli, docs / "sms")["organisation"] == "Repo Root Ltd"
    (docs / "pyproject.toml").write_text('[tool.iso20k]\norganisation = "Docs Toml"\n', "utf-8")
    assert check_json(cli, docs / "sms")["organisation"] == "Docs Toml"
    (docs / ".iso20k.yaml").write_text("organisation: Docs Yaml\n", "utf-8")
    assert check_json(cli, docs / "sms")["organisation"] == "Docs Yaml"


def test_config_option_wins_over_everything(cli: Invoke, repo: Path, tmp_path: Path) -> None:
    (repo / "docs" / "sms" / ".iso20k.yaml").write_text("organisation: Nearest\n", "utf-8")
    chosen = tmp_path / "chosen.toml"
    chosen.write_text('[tool.iso20k]\norganisation = "Chosen Ltd"\n', "utf-8")
    data = check_json(cli, repo / "docs" / "sms", "--config", chosen)
    assert data["organisation"] == "Chosen Ltd"
    assert data["configuration"] == str(chosen)


def test_paths_are_shown_relative_to_the_working_directory_as_the_folder_is(
    cli: Invoke, repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (repo / "pyproject.toml").write_text(PYPROJECT, "utf-8")
    monkeypatch.chdir(repo / "docs")
    assert check_json(cli, Path("sms"))["configuration"] == str(Path("..") / "pyproject.toml")
    monkeypatch.chdir(repo)
    assert check_json(cli, Path("docs/sms"))["configuration"] == "pyproject.toml"


def test_relative_paths_in_pyproject_resolve_from_its_folder(cli: Invoke, repo: Path) -> None:
    (repo / "catalogues").mkdir()
    (repo / "catalogues" / "mini.yaml").write_bytes(MINI.read_bytes())
    (repo / "pyproject.toml").write_text(
        '[tool.iso20k]\ncatalogue = "catalogues/mini.yaml"\n', "utf-8"
    )
    result = cli("check", repo / "docs" / "sms", "--as-of", AS_OF, "-f", "json")
    assert result.exit_code in (0, 1), result.stderr
    assert result.json()["catalogue"]["path"] == str(repo / "catalogues" / "mini.yaml")


def test_pyproject_holds_the_same_keys_as_the_yaml_file(cli: Invoke, repo: Path) -> None:
    (repo / "pyproject.toml").write_text(
        "[tool.iso20k]\n"
        'organisation = "Repo Root Ltd"\n'
        "fail_under = 99\n"
        'ignore = ["drafts/"]\n'
        "audit_date = 2027-02-15\n"
        "[tool.iso20k.defaults]\n"
        "review_interval_months = 6\n"
        "[[tool.iso20k.not_applicable]]\n"
        'item = "scope"\n'
        'justification = "Covered by the group scope this test declares."\n',
        "utf-8",
    )
    (repo / "docs" / "sms" / "drafts").mkdir()
    (repo / "docs" / "sms" / "drafts" / "plan.md").write_text("# Draft\n", "utf-8")
    result = cli(
        "check", repo / "docs" / "sms", "--catalogue", MINI, "--as-of", AS_OF, "-f", "json"
    )
    assert result.exit_code == 1  # under fail_under 99
    data = result.json()
    assert data["parameters"]["review_interval_months"] == 6
    assert data["parameters"]["fail_under"] == 99
    assert [f["path"] for f in data["files"]] == ["incident-policy.md"]
    assert {i["id"]: i["status"] for i in data["items"]}["scope"] == "not_applicable"


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ('[project]\nname = "x"\n\n[tool.iso20k]\nfail_under = 150\n', 5, "fail_under"),
        ('[tool.iso20k]\norganisation = "A"\n[tool.iso20k.defaults]\nreview = 6\n', 4, "review"),
        (
            '[tool.iso20k]\n\n[[tool.iso20k.not_applicable]]\nitem = "scope"\n'
            'justification = "short"\n',
            5,
            "justification",
        ),
        ('[tool.iso20k]\norganisation = "unclosed\n', 2, "invalid TOML"),
        ("[tool]\niso20k = 3\n", 2, "must be a table"),
        (
            # Text inside multi-line strings and arrays is not taken for keys or tables.
            '[project]\ndescription = """\n[tool.iso20k]\nfail_under = 1\n"""\n'
            '[tool.iso20k]\nignore = [\n  "fail_under = 2",\n]\nfail_under = 150\n',
            10,
            "fail_under",
        ),
        (
            '[tool.iso20k]\n[tool.iso20k.checks]\n"no-such.records_span" = { min_days = 60 }\n',
            3,
            "item 'no-such' is not in the catalogue",
        ),
    ],
)
def test_a_bad_pyproject_names_file_and_line(
    cli: Invoke, repo: Path, text: str, line: int, message: str
) -> None:
    (repo / "pyproject.toml").write_text(text, "utf-8")
    result = cli("check", repo / "docs" / "sms", "--catalogue", MINI, "--as-of", AS_OF)
    assert result.exit_code == 2
    assert f"{repo / 'pyproject.toml'}:{line}: " in result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_config_option_naming_a_pyproject_without_the_table_is_an_error(
    cli: Invoke, repo: Path
) -> None:
    (repo / "pyproject.toml").write_text('[project]\nname = "x"\n', "utf-8")
    result = cli("check", repo / "docs" / "sms", "--config", repo / "pyproject.toml")
    assert result.exit_code == 2
    assert "has no [tool.iso20k] table" in result.stderr


def test_an_oversized_pyproject_is_refused(cli: Invoke, repo: Path) -> None:
    (repo / "pyproject.toml").write_text("# padding\n" * 200_000, "utf-8")
    result = cli("check", repo / "docs" / "sms", "--catalogue", MINI, "--as-of", AS_OF)
    assert result.exit_code == 2
    assert "not read as a project file" in result.stderr


def run(cli: Invoke, *args: str | Path) -> Result:
    # Wide enough that a long temporary path is not folded.
    result = cli(*args, "--catalogue", MINI, "--as-of", AS_OF, env={"COLUMNS": "400"})
    assert result.exit_code in (0, 1), result.stderr
    return result


def headers(cli: Invoke, evidence: Path, tmp_path: Path) -> dict[str, str]:
    """What each output says about the configuration, by format."""
    said: dict[str, str] = {}
    table = run(cli, "check", evidence).stdout
    said["table"] = next(line for line in table.splitlines() if line.startswith("Configuration"))
    said["json"] = str(
        json.loads(run(cli, "check", evidence, "-f", "json").stdout)["configuration"]
    )
    sarif = json.loads(run(cli, "check", evidence, "-f", "sarif").stdout)
    said["sarif"] = str(sarif["runs"][0]["properties"]["configuration"])
    md = run(cli, "check", evidence, "-f", "md").stdout
    said["md"] = md.split("\n\n")[1]
    report_md = run(cli, "report", evidence, "-f", "md").stdout
    said["report md"] = next(x for x in report_md.splitlines() if x.startswith("| Configuration"))
    html = run(cli, "report", evidence, "-f", "html").stdout
    said["report html"] = html.split("<dt>Configuration</dt>", 1)[1].split("</dd>", 1)[0]
    run(cli, "report", evidence, "-o", tmp_path / "r.docx")
    cells = [c.text for t in docx.Document(str(tmp_path / "r.docx")).tables for c in t._cells]
    said["report docx"] = cells[cells.index("Configuration") + 1]
    run(cli, "report", evidence, "-o", tmp_path / "plan.xlsx")
    book = openpyxl.load_workbook(tmp_path / "plan.xlsx")
    rows = [
        tuple(str(v) for v in r) for ws in book.worksheets for r in ws.iter_rows(values_only=True)
    ]
    said["plan xlsx"] = next(r[1] for r in rows if r[0] == "Configuration")
    explain = run(cli, "explain", evidence, "incident-policy").stdout
    said["explain"] = explain.splitlines()[0]
    return said


def test_every_output_names_the_configuration_used(cli: Invoke, repo: Path, tmp_path: Path) -> None:
    (repo / "pyproject.toml").write_text(PYPROJECT, "utf-8")
    path = str(repo / "pyproject.toml")
    said = headers(cli, repo / "docs" / "sms", tmp_path)
    assert said == {
        "table": f"Configuration: {path}",
        "json": path,
        "sarif": path,
        "md": said["md"],
        "report md": f"| Configuration | `{path}` |",
        "report html": f"<dd><code>{path}</code>",
        "report docx": path,
        "plan xlsx": path,
        "explain": f"Configuration: {path}",
    }
    assert f"configuration `{path}`" in said["md"]


def test_every_output_says_when_there_is_no_configuration(
    cli: Invoke, repo: Path, tmp_path: Path
) -> None:
    said = headers(cli, repo / "docs" / "sms", tmp_path)
    assert said == {
        "table": "Configuration: none (the defaults)",
        "json": "None",
        "sarif": "None",
        "md": said["md"],
        "report md": "| Configuration | none (the defaults) |",
        "report html": "<dd>none (the defaults)",
        "report docx": "none (the defaults)",
        "plan xlsx": "none (the defaults)",
        "explain": "Configuration: none (the defaults)",
    }
    assert "no configuration file" in said["md"]
