"""Where output may go: files with the permissions any program would give them."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from conftest import Folder, Invoke
from folders import check
from report_helpers import partly_ready, report


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
