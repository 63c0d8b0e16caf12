"""Every command's ``--help``, compared with a reviewed copy in tests/__snapshots__/test_help/.

The commands are found by walking the Typer app, so a new command or sub-command has no
copy yet and its case fails until one is written and reviewed; a command that is removed
leaves a copy that no test uses, which fails a run of the whole suite. After an intended
change: ``pytest tests/test_help.py --snapshot-update`` (``pytest --snapshot-update`` also
deletes the copies of removed commands), then review the diff.

The help is wrapped to the terminal's width (click reads ``COLUMNS``, then the real terminal,
and caps the text at 78 columns), so the width is pinned: what a terminal of 80 or more
columns shows, whatever the machine, CI's or a developer's, and whether stdout is captured.
NO_COLOR and TERM=dumb keep colour out should the help ever be rendered with rich.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from syrupy.assertion import SnapshotAssertion
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode
from typer.testing import CliRunner

import iso20k_cli
from cli_commands import command_paths
from iso20k_cli.cli import app

PINNED = {"COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb"}
# Click's own cap on help text (80 columns less its margin of 2). typer's CliRunner forces a
# width of 80 instead, so the run in this process is told the width the real one comes to.
WIDTH = 78

# The checkout under test, ahead of any installed copy.
SOURCE = Path(iso20k_cli.__file__).resolve().parents[1]

# What the console script does: its name as argv[0], then main().
ENTRY_POINT = "import sys; sys.argv[0] = 'iso20k'; from iso20k_cli.cli import main; main()"


class HelpText(SingleFileSnapshotExtension):
    """One plain-text file per command, holding exactly what ``--help`` printed."""

    file_extension = "txt"
    _write_mode = WriteMode.TEXT


@pytest.fixture
def snapshot(snapshot: SnapshotAssertion) -> SnapshotAssertion:
    # As the fixture's own extension (not per assertion), so that syrupy also looks for
    # copies that no test uses any more.
    return snapshot.use_extension(HelpText)


def help_in_a_fresh_process(path: tuple[str, ...]) -> str:
    # Only what the help may depend on is passed: nothing of this machine's environment.
    env = {**PINNED, "PYTHONPATH": str(SOURCE), "PYTHONIOENCODING": "utf-8"}
    run = subprocess.run(
        [sys.executable, "-c", ENTRY_POINT, *path, "--help"],
        capture_output=True,
        env=env,
        check=False,
    )
    assert (run.returncode, run.stderr) == (0, b"")
    return run.stdout.decode("utf-8")


def help_in_this_process(path: tuple[str, ...]) -> str:
    result = CliRunner().invoke(
        app, [*path, "--help"], env=PINNED, prog_name="iso20k", terminal_width=WIDTH
    )
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("path", command_paths(), ids=lambda p: "-".join(p) or "iso20k")
def test_help(path: tuple[str, ...], snapshot: SnapshotAssertion) -> None:
    fresh = help_in_a_fresh_process(path)
    assert fresh.startswith(f"Usage: iso20k {' '.join(path)}".rstrip() + " [OPTIONS]")
    assert fresh == snapshot
    assert max(len(line) for line in fresh.splitlines()) <= WIDTH
    # The same text in the test process, after whatever ran in it before.
    assert help_in_this_process(path) == fresh


@pytest.mark.parametrize("path", command_paths(), ids=lambda p: "-".join(p) or "iso20k")
def test_help_names_what_it_takes_in_upper_case_words(path: tuple[str, ...]) -> None:
    shown = help_in_this_process(path)
    usage = shown.splitlines()[0]
    # Typer's own forms: "{evidence_dir}", "<file>", "<int range>", "1<=x<=6".
    assert "{" not in usage and "<" not in shown and "x<=" not in shown and "x>=" not in shown
    words = usage.split("[OPTIONS]", 1)[1].split()
    assert all(w.strip("[].").isupper() for w in words), usage


def test_an_argument_is_named_by_its_word_in_usage_and_list() -> None:
    shown = help_in_this_process(("check",))
    assert shown.startswith("Usage: iso20k check [OPTIONS] DIR\n")
    assert "\n  DIR  The evidence folder to assess" in shown
    assert "--depth N " in shown and "--max-findings N " in shown
    flowing = " ".join(shown.split())
    assert "[default: 2; 1 to 6]" in flowing and "[0 to 100]" in flowing
    assert help_in_this_process(("catalogue", "show")).startswith(
        "Usage: iso20k catalogue show [OPTIONS] [ID_OR_WORDS]\n"
    )
