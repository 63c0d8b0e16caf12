"""Terminal output as plain text: for pipes and files (anything that is not a terminal)."""

from __future__ import annotations

import os
from collections.abc import Callable
from io import StringIO

from rich.console import Console

from iso20k_cli.render.safe import safe_console


def plain_width() -> int:
    """Width of plain output: $COLUMNS when set, else 80, so pipes and logs stay stable."""
    try:
        return max(60, int(os.environ.get("COLUMNS", "80")))
    except ValueError:
        return 80


Draw = Callable[[Console, bool], None]
"""Prints to a console; the flag asks for plain mode (ASCII bars, no colour)."""


def plain_text(draw: Draw, width: int | None = None) -> str:
    """What ``draw`` prints, as plain text without trailing blanks (for pipes and files)."""
    buffer = StringIO()
    console = safe_console(
        file=buffer,
        no_color=True,
        width=width or plain_width(),
        force_terminal=False,
        highlight=False,
        emoji=False,
    )
    draw(console, True)
    # Rich pads table cells to the column width; trailing blanks are noise in a file.
    return "".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines())
