"""Exit codes, and the one place an exception becomes what the user reads and an exit code.

Every command runs inside :func:`exit_codes` (see app.py), and so does the entry point:
bad input a user can fix is an :class:`~iso20k_cli.errors.Iso20kError`, reported in one
line with exit 2; anything else is a bug, reported as one with exit 3.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

import typer

from iso20k_cli.errors import Iso20kError

EXIT_OK, EXIT_GATE, EXIT_INPUT, EXIT_INTERNAL = 0, 1, 2, 3


@contextmanager
def exit_codes() -> Iterator[None]:
    """Iso20kError: its message and exit 2; any other error: exit 3, unless ISO20K_DEBUG
    asks for the traceback. Typer's own exits and usage errors pass through, and so
    does a closed pipe (``iso20k check | head``), which typer ends quietly."""
    try:
        yield
    except Iso20kError as error:
        from iso20k_cli.cli.output import say

        say(f"error: {error}")
        raise SystemExit(EXIT_INPUT) from None
    except (typer.Exit, typer.Abort, typer.TyperException, BrokenPipeError):
        raise
    except Exception as exc:
        if os.environ.get("ISO20K_DEBUG"):
            raise
        from iso20k_cli.cli.output import stderr_console

        stderr_console().print(
            f"iso20k: internal error: {type(exc).__name__}: {exc}\n"
            "This is a bug in iso20k; rerun with ISO20K_DEBUG=1 for details and please report it.",
            markup=False,
        )
        raise SystemExit(EXIT_INTERNAL) from None
