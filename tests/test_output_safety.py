"""Where output may go: no report on a terminal, no file named for another format, and
files with the permissions any program would give them."""

from __future__ import annotations

import json
import os
import pty
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

import pytest

import iso20k_cli
from conftest import AS_OF, MINI, Folder, Invoke
from folders import check, ready_folder
from report_helpers import partly_ready, report

# The checkout under test, ahead of any installed copy (as tests/test_help.py runs it).
SOURCE = Path(iso20k_cli.__file__).resolve().parents[1]
ENTRY_POINT = "import sys; sys.argv[0] = 'iso20k'; from iso20k_cli.cli import main; main()"


class Run(NamedTuple):
    exit_code: int
    screen: str
    """What reached the terminal (stdout)."""
    stderr: str


def on_terminal(*args: str | Path, cwd: Path) -> Run:
    """``iso20k`` in a fresh process whose stdout is a terminal (a pseudo-terminal)."""
    leader, follower = pty.openpty()
    received: list[bytes] = []

    def read() -> None:
        # Read while the command writes, so that a long table never fills the terminal.
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal is closed: Linux says EIO
                return
            if not chunk:
                return
            received.append(chunk)

    reader = threading.Thread(target=read)
    reader.start()
    try:
        done = subprocess.run(
            [sys.executable, "-c", ENTRY_POINT, *map(str, args)],
            stdin=subprocess.DEVNULL,
            stdout=follower,
            stderr=subprocess.PIPE,
            cwd=cwd,
            env={**os.environ, "PYTHONPATH": str(SOURCE), "COLUMNS": "200", "NO_COLOR": "1"},
            timeout=300,
            check=False,
        )
    finally:
        os.close(follower)
        reader.join(timeout=30)
        os.close(leader)
    screen = b"".join(received).decode("utf-8", "replace")
    return Run(done.returncode, screen, done.stderr.decode("utf-8", "replace"))


def mini(*args: str | Path) -> tuple[str | Path, ...]:
    return (*args, "--catalogue", MINI, "--as-of", AS_OF)


def test_a_report_is_not_printed_on_a_terminal(evidence: Folder, tmp_path: Path) -> None:
    partly_ready(evidence)
    refused = on_terminal(*mini("report", evidence.root), cwd=tmp_path)
    assert refused.exit_code == 2
    assert refused.screen == ""
    assert refused.stderr == (
        "iso20k: error: the report (html) is a document, not for the terminal: write it to "
        "a file with --output FILE (-o report.html), or redirect it (> report.html)\n"
    )
    plan = on_terminal(*mini("report", evidence.root, "-f", "csv"), cwd=tmp_path)
    assert plan.exit_code == 2 and plan.screen == ""
    assert "(-o action-plan.csv)" in plan.stderr
    # Given a file, the report is written there and the terminal stays clear.
    written = on_terminal(*mini("report", evidence.root, "-o", "report.md"), cwd=tmp_path)
    assert written.exit_code == 0, written.stderr
    assert written.screen == ""
    assert (tmp_path / "report.md").read_text(encoding="utf-8").startswith("# ")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["evidence", "report.md"]


def test_a_report_still_goes_through_a_pipe(evidence: Folder, tmp_path: Path) -> None:
    partly_ready(evidence)
    piped = subprocess.run(
        [sys.executable, "-c", ENTRY_POINT, *map(str, mini("report", evidence.root))],
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(SOURCE)},
        timeout=300,
        check=False,
    )
    assert piped.returncode == 0, piped.stderr
    assert piped.stdout.startswith(b"<!DOCTYPE html>")


def test_check_still_prints_its_table_on_a_terminal(evidence: Folder, tmp_path: Path) -> None:
    ready_folder(evidence)
    shown = on_terminal(*mini("check", evidence.root), cwd=tmp_path)
    assert shown.exit_code == 0, shown.stderr
    assert "Readiness" in shown.screen


@pytest.mark.parametrize(
    ("args", "named", "message"),
    [
        (
            ("report", "-f", "html", "-o"),
            "report.pdf",
            "report.pdf is not a name for --format html (its files end in .html or .htm): "
            "name it report.html, or give --format pdf",
        ),
        (
            ("report", "-f", "md", "-o"),
            "plan.xlsx",
            "plan.xlsx is not a name for --format md (its files end in .md, .markdown or "
            ".txt): name it plan.md, or give --format xlsx",
        ),
        (
            ("check", "-f", "table", "-o"),
            "out.sarif",
            "out.sarif is not a name for --format table (its files end in .txt or .log): "
            "name it out.txt, or give --format sarif",
        ),
        # The table has no format of check named for .html; the name is still refused.
        (
            ("check", "-o"),
            "out.html",
            "out.html is not a name for --format table (its files end in .txt or .log): "
            "name it out.txt",
        ),
        (
            ("check", "--write-baseline"),
            "baseline.md",
            "baseline.md is not a name for --format json (its files end in .json): "
            "name it baseline.json",
        ),
    ],
)
def test_no_file_is_written_under_another_format_s_name(
    cli: Invoke,
    evidence: Folder,
    tmp_path: Path,
    args: tuple[str, ...],
    named: str,
    message: str,
) -> None:
    ready_folder(evidence)
    target = tmp_path / named
    target.write_bytes(b"kept")
    command, *options = args
    result = cli(*mini(command, evidence.root, *options, target), env={"COLUMNS": "300"})
    assert result.exit_code == 2
    assert result.stdout == ""
    assert message in " ".join(result.stderr.split())
    option = "--write-baseline" if "--write-baseline" in args else "--output"
    assert f"Invalid value for '{option}'" in result.stderr
    assert target.read_bytes() == b"kept"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["evidence", named])


def test_without_format_the_suffix_decides_for_check_and_diff(
    cli: Invoke, evidence: Folder, tmp_path: Path
) -> None:
    ready_folder(evidence)
    sarif, result, junit = tmp_path / "out.sarif", tmp_path / "result.json", tmp_path / "t.xml"
    assert check(cli, evidence, "-o", sarif).exit_code == 0
    assert json.loads(sarif.read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert check(cli, evidence, "-o", result).exit_code == 0
    assert "score" in json.loads(result.read_text(encoding="utf-8"))
    assert check(cli, evidence, "-o", junit).exit_code == 0
    assert junit.read_text(encoding="utf-8").startswith("<?xml")
    # A suffix no format has, and .txt, keep the default table.
    for name in ("t.txt", "t.2026-11-21"):
        assert check(cli, evidence, "-o", tmp_path / name).exit_code == 0
        assert "Readiness" in (tmp_path / name).read_text(encoding="utf-8")
    # SARIF is JSON: a SARIF file may be named .json when asked for.
    named_json = tmp_path / "code-scanning.json"
    assert check(cli, evidence, "-f", "sarif", "-o", named_json).exit_code == 0
    assert "runs" in json.loads(named_json.read_text(encoding="utf-8"))

    compared = tmp_path / "diff.json"
    assert cli("diff", result, result, "-o", compared).exit_code == 0
    assert "clauses" in json.loads(compared.read_text(encoding="utf-8"))
    wrong = cli("diff", result, result, "-f", "text", "-o", compared)
    assert wrong.exit_code == 2
    assert "diff.json is not a name for --format text" in " ".join(wrong.stderr.split())


@contextmanager
def umask(mask: int) -> Iterator[None]:
    before = os.umask(mask)
    try:
        yield
    finally:
        os.umask(before)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize(
    ("mask", "expected"),
    [(0o022, 0o644), (0o027, 0o640), (0o077, 0o600)],
    ids=["umask-022", "umask-027", "umask-077"],
)
def test_written_files_get_the_permissions_the_umask_gives(
    cli: Invoke, evidence: Folder, tmp_path: Path, mask: int, expected: int
) -> None:
    partly_ready(evidence)
    out = tmp_path / "out"
    out.mkdir()
    with umask(mask):
        assert report(cli, evidence.root, "-o", out / "report.html").exit_code == 0
        assert report(cli, evidence.root, "-o", out / "report.docx").exit_code == 0
        made = check(cli, evidence, "-o", out / "t.txt", "--write-baseline", out / "b.json")
        assert made.exit_code in (0, 1), made.stderr
    assert {p.name: mode(p) for p in out.iterdir()} == {
        "report.html": expected,
        "report.docx": expected,
        "t.txt": expected,
        "b.json": expected,
    }


def test_a_replaced_file_keeps_its_permissions(
    cli: Invoke, evidence: Folder, tmp_path: Path
) -> None:
    partly_ready(evidence)
    private = tmp_path / "report.html"
    private.write_text("old", encoding="utf-8")
    private.chmod(0o600)
    with umask(0o022):
        assert report(cli, evidence.root, "-o", private).exit_code == 0
    assert private.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert mode(private) == 0o600


def test_a_pipe_named_by_output_is_written_to_not_replaced(
    cli: Invoke, evidence: Folder, tmp_path: Path
) -> None:
    partly_ready(evidence)
    fifo = tmp_path / "results"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    made = check(cli, evidence, "-f", "json", "-o", fifo)
    reader.join(timeout=60)
    assert made.exit_code in (0, 1), made.stderr
    assert stat.S_ISFIFO(fifo.stat().st_mode)  # still the pipe, not a file put in its place
    assert json.loads(received[0])["score"] is not None


def test_a_device_named_by_output_is_written_to_not_replaced(
    cli: Invoke, evidence: Folder, tmp_path: Path
) -> None:
    # A null device of the test's own, as -o /dev/null names the system's.
    null = tmp_path / "null"
    try:
        os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("making a device node needs root")
    partly_ready(evidence)
    made = check(cli, evidence, "-o", null)
    assert made.exit_code in (0, 1), made.stderr
    assert stat.S_ISCHR(null.stat().st_mode)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".null")] == []
