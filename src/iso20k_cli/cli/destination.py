"""Which format a command writes, and whether it may go where it was asked to.

Decided before the folder is read, so that a wrong name or a missing ``--output`` is
said at once and nothing is written. Light: the command modules import this at start.
"""

from pathlib import Path

import typer

from iso20k_cli import formats
from iso20k_cli.errors import OutputError
from iso20k_cli.formats import Format


def choose_format(command: str, name: str | None, output: Path | None, default: str) -> Format:
    """``--format``, else the format the ``--output`` suffix names, else ``default``; an
    ``--output`` whose suffix belongs to another format is refused (see
    :func:`formats.fits`)."""
    named = formats.from_suffix(command, output) if output is not None else None
    if name is not None:
        chosen = formats.get(command, name)
    else:
        chosen = named or formats.get(command, default)
    if output is not None:
        require_fitting_name(chosen, output, "--output")
    return chosen


def require_fitting_name(chosen: Format, path: Path, option: str) -> None:
    """Refuse to write ``chosen`` under a name that says it is another format."""
    if formats.fits(chosen, path):
        return
    own = chosen.suffixes + chosen.accepts
    kept = f"its files end in {_either(own)}" if own else "its files have no suffix"
    remedy = f"name it {path.stem}{own[0]}" if own else f"name it {path.stem}"
    asked = formats.from_suffix(chosen.command, path)
    if asked is not None and option == "--output":
        remedy += f", or give --format {asked}"
    raise typer.BadParameter(
        f"{path.name} is not a name for --format {chosen} ({kept}): {remedy}",
        param_hint=f"'{option}'",
    )


def require_destination(chosen: Format, output: Path | None, stdout_is_terminal: bool) -> None:
    """A binary format needs a file; a document is not printed on a terminal.

    A report piped to a file or a program (``> report.html``, ``| less``) is fine: only a
    terminal, where a page of HTML would scroll past unread, is refused.
    """
    if output is not None:
        return
    name = f"{chosen.document.replace(' ', '-')}{chosen.suffixes[0] if chosen.suffixes else ''}"
    if chosen.binary:
        raise typer.BadParameter(
            f"--format {chosen} writes a binary file: give --output FILE (-o {name})",
            param_hint="'--output'",
        )
    if not chosen.screen and stdout_is_terminal:
        raise OutputError(
            f"the {chosen.document} ({chosen}) is a document, not for the terminal: "
            f"write it to a file with --output FILE (-o {name}), or redirect it (> {name})"
        )


def _either(suffixes: tuple[str, ...]) -> str:
    return suffixes[0] if len(suffixes) == 1 else f"{', '.join(suffixes[:-1])} or {suffixes[-1]}"
