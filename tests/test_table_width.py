"""The terminal table in a real (pseudo-)terminal: readable from 60 columns, using the width
it has, and NO_COLOR taking away the colour only. A pipe still gets plain text."""

from __future__ import annotations

import fcntl
import functools
import json
import os
import re
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest
from rich.cells import cell_len

import iso20k_cli
from conftest import REPO

SOURCE = Path(iso20k_cli.__file__).resolve().parents[1]
ENTRY_POINT = "import sys; sys.argv[0] = 'iso20k'; from iso20k_cli.cli import main; main()"
ARGS = ("check", "examples/harbourside", "--as-of", "2026-11-21", "--exit-zero")
SGR = re.compile(r"\x1b\[([0-9;]*)m")
ESCAPES = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07")
LONG_TITLE = "Understanding the needs and expectations of interested parties"


def environment(columns: int, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    env.update(PYTHONPATH=str(SOURCE), COLUMNS=str(columns), TERM="xterm-256color", **extra)
    return env


def in_a_terminal(columns: int, **extra: str) -> str:
    """What ``iso20k check`` prints on a terminal ``columns`` wide, escape codes and all."""
    primary, secondary = os.openpty()
    fcntl.ioctl(secondary, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    process = subprocess.Popen(
        [sys.executable, "-c", ENTRY_POINT, *ARGS],
        stdout=secondary,
        stderr=subprocess.DEVNULL,
        env=environment(columns, **extra),
        cwd=REPO,
    )
    os.close(secondary)
    chunks = []
    while True:
        try:
            chunk = os.read(primary, 65536)
        except OSError:  # the other end closed: the process is done
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(primary)
    assert process.wait(timeout=120) == 0
    return b"".join(chunks).decode("utf-8").replace("\r\n", "\n")


@functools.cache
def clause_ids() -> list[str]:
    """The clauses the table shows (two levels), from the same run's JSON result."""
    run = subprocess.run(
        [sys.executable, "-c", ENTRY_POINT, *ARGS, "-f", "json"],
        capture_output=True,
        env=environment(100),
        cwd=REPO,
        check=True,
    )
    return [c["id"] for c in json.loads(run.stdout)["clauses"] if c["depth"] < 2]


def visible(text: str) -> list[str]:
    return [line.rstrip() for line in ESCAPES.sub("", text).splitlines()]


def table_rows(lines: list[str]) -> list[str]:
    start = next(n for n, line in enumerate(lines) if line.startswith("Clause"))
    end = next(n for n, line in enumerate(lines) if line.startswith("Overall readiness"))
    return [line for line in lines[start + 1 : end] if line.strip()]


@pytest.mark.parametrize("columns", [60, 100, 160])
def test_nothing_overflows_and_every_clause_keeps_one_line(columns: int) -> None:
    lines = visible(in_a_terminal(columns))
    assert max(cell_len(line) for line in lines) <= columns
    rows = table_rows(lines)
    # One line per clause (none wraps), with its score and status on it.
    assert [row.split()[0] for row in rows] == clause_ids()
    scored = re.compile(r"(\d+(\.\d)?|—)\s+(met|partial|missing|interview|n/a)\b")
    assert all(scored.search(row) for row in rows), rows


def test_a_narrow_terminal_gives_the_bars_room_to_the_titles() -> None:
    rows = table_rows(visible(in_a_terminal(60)))
    assert not any("█" in row for row in rows)
    four_two = next(row for row in rows if row.lstrip().startswith("4.2 "))
    assert "Understanding the needs and" in four_two and four_two.endswith("met")
    assert "…" in four_two


@pytest.mark.parametrize("columns", [100, 160])
def test_a_wider_terminal_shows_whole_titles_and_the_bars(columns: int) -> None:
    rows = table_rows(visible(in_a_terminal(columns)))
    assert any(LONG_TITLE in row for row in rows)
    assert all("█" in row or "interview" in row for row in rows)
    # The table is as wide as its content, not stretched to the terminal.
    assert max(cell_len(row) for row in rows) < 110


def sgr_colours(raw: str) -> set[str]:
    """The colour parameters of every style code: foreground and background, any palette."""
    colours = set()
    for params in SGR.findall(raw):
        for param in params.split(";"):
            if param and (30 <= int(param) <= 49 or 90 <= int(param) <= 107):
                colours.add(param)
    return colours


def test_no_color_removes_the_colour_and_keeps_the_layout() -> None:
    coloured = in_a_terminal(100)
    assert sgr_colours(coloured)
    plain = in_a_terminal(100, NO_COLOR="1")
    assert sgr_colours(plain) == set()
    # Still the terminal's layout: block bars and bold headings, not the pipe's text.
    assert visible(plain) == visible(coloured)
    assert "█" in plain and "\x1b[1m" in plain


def test_a_pipe_gets_plain_text_at_columns() -> None:
    run = subprocess.run(
        [sys.executable, "-c", ENTRY_POINT, *ARGS],
        capture_output=True,
        text=True,
        env=environment(60),
        cwd=REPO,
        check=True,
    )
    assert "\x1b" not in run.stdout
    lines = run.stdout.splitlines()
    assert max(cell_len(line) for line in lines) <= 60
    rows = table_rows(lines)
    assert [row.split()[0] for row in rows] == clause_ids()
    assert not any("█" in row for row in rows)
