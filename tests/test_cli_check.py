"""``iso20k check`` end to end on evidence folders written in the test."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import AS_OF, MINI, Folder, Invoke
from folders import check, ready_folder
from iso20k_cli import cli as cli_module


def digest(root: Path) -> dict[str, tuple[str, float]]:
    return {
        str(p.relative_to(root)): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime)
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_ready_folder_exits_zero_with_plain_table(cli: Invoke, evidence: Folder) -> None:
    result = check(cli, ready_folder(evidence))
    assert result.exit_code == 0, result.stdout
    out = result.stdout
    assert "Stage 1 (documentation): READY" in out
    assert "Stage 2 (records of operation): READY" in out
    assert "Overall readiness: 100/100" in out
    assert "\x1b[" not in out  # no colour codes when not a terminal
    assert not any(ch in out for ch in "─│┏━█░")  # no box drawing or block bars
    assert max(len(line) for line in out.splitlines()) <= 80


def test_gaps_exit_one_and_exit_zero_opts_out(cli: Invoke, evidence: Folder) -> None:
    ready_folder(evidence)
    (evidence.root / "Scope-Statement.md").unlink()
    result = check(cli, evidence)
    assert result.exit_code == 1
    assert "MAJOR" in result.stdout and "Scope statement" in result.stdout
    assert check(cli, evidence, "--exit-zero").exit_code == 0


def test_fail_under(cli: Invoke, evidence: Folder) -> None:
    ready_folder(evidence)
    evidence.add("Scope-Statement.md", "# Scope", status="draft")
    assert check(cli, evidence).exit_code == 0  # a draft is minor: no gate
    data = check(cli, evidence, "-f", "json").json()
    assert data["score"] < 100
    assert check(cli, evidence, "--fail-under", str(data["score"] + 1)).exit_code == 1
    assert check(cli, evidence, "--fail-under", str(data["score"])).exit_code == 0


def test_json_contract(cli: Invoke, evidence: Folder) -> None:
    ready_folder(evidence)
    evidence.add("notes/unrelated.txt", "Lunch menu")
    evidence.add("contracts/Supplier Contract.pdf", b"%PDF-1.4 not read yet")
    result = check(cli, evidence, "--format", "json")
    assert result.exit_code == 0
    data = result.json()
    assert data["schema_version"] == 1
    assert data["as_of"] == AS_OF
    assert isinstance(data["score"], int | float) and 0 <= data["score"] <= 100
    assert set(data["verdict"]) >= {"stage1_ready", "stage2_ready"}
    assert [c["id"] for c in data["clauses"]] == ["1", "1.1", "1.2", "2", "2.1", "2.2"]
    for clause in data["clauses"]:
        assert set(clause) >= {"id", "title", "score", "status"}
    items = {i["id"]: i for i in data["items"]}
    assert set(items) == {
        "scope",
        "handbook",
        "incident-policy",
        "incident-records",
        "security-incidents",
        "audit-reports",
    }
    for item in data["items"]:
        assert set(item) >= {"id", "clause", "kind", "title", "status", "evidence"}
        assert item["kind"] in ("document", "record")
        assert item["status"] in ("met", "partial", "missing", "not_applicable")
    scope = items["scope"]["evidence"][0]
    assert scope["path"] == "Scope-Statement.md"
    assert (scope["matched_by"], scope["counted"], scope["section"]) == ("title", True, None)
    assert scope["detail"].startswith('title "SMS Scope Statement" names ')
    assert items["incident-records"]["evidence"][0]["path"] == "logs/incident-log-2026-08.md"
    for finding in data["findings"]:
        assert set(finding) >= {"clause", "item", "severity", "message", "paths"}
    files = {f["path"]: f for f in data["files"]}
    assert files["contracts/Supplier Contract.pdf"]["format"] == "pdf"
    assert files["contracts/Supplier Contract.pdf"]["readable"] is False
    unrelated = files["notes/unrelated.txt"]
    assert {k: unrelated[k] for k in ("path", "format", "readable", "error", "used_for")} == {
        "path": "notes/unrelated.txt",
        "format": "text",
        "readable": True,
        "error": None,
        "used_for": [],
    }
    scope = files["Scope-Statement.md"]
    assert scope["control"]["status"] == "approved"
    assert scope["control"]["review_due"] == "2027-03-01"
    log = files["logs/incident-log-2026-08.md"]
    assert (log["first_record"], log["last_record"]) == ("2026-08-01", "2026-08-31")


def test_same_input_same_bytes(cli: Invoke, evidence: Folder) -> None:
    ready_folder(evidence)
    first = check(cli, evidence, "-f", "json").stdout
    second = check(cli, evidence, "-f", "json").stdout
    assert first == second


def test_evidence_folder_is_never_modified(cli: Invoke, evidence: Folder, tmp_path: Path) -> None:
    ready_folder(evidence)
    before = digest(evidence.root)
    check(cli, evidence)
    check(cli, evidence, "-f", "json", "-o", tmp_path / "out.json")
    assert digest(evidence.root) == before


def test_output_file_is_written_atomically(cli: Invoke, evidence: Folder, tmp_path: Path) -> None:
    ready_folder(evidence)
    target = tmp_path / "result.json"
    result = check(cli, evidence, "-f", "json", "-o", target)
    assert result.exit_code == 0 and result.stdout == ""
    assert json.loads(target.read_text(encoding="utf-8"))["schema_version"] == 1
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".result")] == []
    table = tmp_path / "table.txt"
    check(cli, evidence, "-o", table)
    assert "Overall readiness" in table.read_text(encoding="utf-8")


def test_failed_run_leaves_existing_output_alone(cli: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "result.json"
    target.write_text("previous", encoding="utf-8")
    result = cli("check", tmp_path / "absent", "-f", "json", "-o", target)
    assert result.exit_code == 2
    assert target.read_text(encoding="utf-8") == "previous"


def test_refuses_to_write_inside_evidence(cli: Invoke, evidence: Folder) -> None:
    ready_folder(evidence)
    result = check(cli, evidence, "-f", "json", "-o", evidence.root / "out.json")
    assert result.exit_code == 2
    assert "inside the evidence folder" in result.stderr
    assert not (evidence.root / "out.json").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "{missing}"], "evidence folder not found"),
        (["check", "{evidence}", "--as-of", "21/11/2026"], "is not a date in the form YYYY-MM-DD"),
        (["check", "{evidence}", "--catalogue", "{badcat}"], "unknown key 'colour'"),
        (["check", "{evidence}", "--config", "{badcfg}"], "unknown key 'organization'"),
        (["check", "{evidence}", "--format", "xml"], "Invalid value"),
        (["check", "{evidence}", "--fail-under", "120"], "Invalid value"),
        (["check"], "Missing argument"),
    ],
)
def test_usage_and_input_errors_exit_two(
    cli: Invoke, evidence: Folder, tmp_path: Path, args: list[str], message: str
) -> None:
    badcat = tmp_path / "bad.yaml"
    badcat.write_text(
        MINI.read_text(encoding="utf-8").replace("  title: Mini", "  colour: blue\n  title: Mini"),
        encoding="utf-8",
    )
    badcfg = tmp_path / "cfg.yaml"
    badcfg.write_text("organization: Typo Ltd\n", encoding="utf-8")
    values = {
        "missing": tmp_path / "nope",
        "evidence": evidence.root,
        "badcat": badcat,
        "badcfg": badcfg,
    }
    result = cli(*[a.format(**values) for a in args])
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_config_error_names_file_and_line(cli: Invoke, evidence: Folder) -> None:
    ready_folder(evidence)
    evidence.add(".iso20k.yaml", "organisation: Acme\nthreshold: 80\n")
    result = check(cli, evidence)
    assert result.exit_code == 2
    assert f"{evidence.root / '.iso20k.yaml'}:2: unknown key 'threshold'" in result.stderr


def test_internal_error_is_exit_three_without_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], evidence: Folder
) -> None:
    def boom(*_: object, **__: object) -> None:
        raise RuntimeError("kaboom")

    monkeypatch.setattr("iso20k_cli.assess.pipeline.run_pipeline", boom)
    monkeypatch.setattr(sys, "argv", ["iso20k", "check", str(evidence.root)])
    monkeypatch.delenv("ISO20K_DEBUG", raising=False)
    with pytest.raises(SystemExit) as info:
        cli_module.main()
    assert info.value.code == 3
    err = capsys.readouterr().err
    assert "internal error: RuntimeError: kaboom" in err
    assert "Traceback" not in err


def test_module_entry_point_and_version(evidence: Folder) -> None:
    ready_folder(evidence)
    env = {**os.environ, "NO_COLOR": "1"}
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "iso20k_cli",
            "check",
            str(evidence.root),
            "--catalogue",
            str(MINI),
            "--as-of",
            AS_OF,
        ],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert "Overall readiness: 100/100" in run.stdout
    version = subprocess.run(
        [sys.executable, "-m", "iso20k_cli", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert version.returncode == 0 and version.stdout.startswith("iso20k ")


def test_depth_and_max_findings(cli: Invoke, evidence: Folder) -> None:
    result = check(
        cli, evidence, "--depth", "1", "--max-findings", "2", "--exit-zero", "--allow-empty"
    )
    lines = result.stdout.splitlines()
    assert any(line.startswith("1 ") for line in lines)
    assert not any(line.startswith("  1.1") for line in lines)
    assert "Top 2 findings" in result.stdout and "more (--max-findings 0 shows all" in result.stdout


def test_help_documents_exit_codes(cli: Invoke) -> None:
    result = cli("check", "--help", env={"COLUMNS": "80"})
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())
    for needle in (
        "Exit codes: 0",
        "1 a major finding remains",
        "2 usage or input error",
        "--fail-under",
        "--as-of",
        "--exit-zero",
        "--format",
    ):
        assert needle in text


def test_a_page_of_no_words_is_listed_and_recognised_as_nothing(
    cli: Invoke, evidence: Folder
) -> None:
    # Long enough not to be a stub, but nothing the recogniser reads as a word: content
    # is scored on no words at all.
    evidence.add("notes/untitled.md", "— · —\n" * 200)
    result = cli(
        "check", evidence.root, "--as-of", AS_OF, "-f", "json", "--exit-zero", "--allow-empty"
    )
    assert result.exit_code == 0, result.stdout
    (page,) = result.json()["files"]
    assert (page["path"], page["readable"], page["used_for"]) == ("notes/untitled.md", True, [])
