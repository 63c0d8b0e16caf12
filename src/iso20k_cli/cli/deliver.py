"""The one printer: writes what a command returned, says its notes, sets the exit code."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING

import typer

from iso20k_cli.cli.failures import EXIT_GATE

if TYPE_CHECKING:
    from iso20k_cli.cli.result import Output, Result


def deliver(result: Result) -> None:
    from iso20k_cli.cli.output import say

    for output in result.outputs:
        write(output)
    for note in result.notes:
        say(note)
    for reason in result.failing:
        say(f"failing: {reason}")
    if result.failing:
        raise typer.Exit(EXIT_GATE)


def write(output: Output) -> None:
    """To stdout (rich on a terminal, plain text otherwise) or atomically to a file."""
    from iso20k_cli.cli.output import emit, write_atomically, write_bytes_atomically

    content = output.content
    if isinstance(content, bytes):
        if output.to is None:
            raise ValueError("binary content needs a file: the command asks for --output")
        write_bytes_atomically(output.to, content, forbidden_root=output.forbidden_root)
        return
    if callable(content):
        if output.to is None:
            emit(content)
            return
        from iso20k_cli.render.plain import plain_text

        content = plain_text(content)
    pieces: Iterable[str] = [content] if isinstance(content, str) else content
    if output.to is not None:
        write_atomically(output.to, pieces, forbidden_root=output.forbidden_root)
    elif output.verbatim:
        sys.stdout.writelines(pieces)
    else:
        from iso20k_cli.render.safe import terminal_safe

        # Titles and names from the evidence must not drive a terminal or a CI log.
        sys.stdout.writelines(terminal_safe(piece) for piece in pieces)
