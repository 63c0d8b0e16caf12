"""What a command returns: what it produced, where each output goes, and what to say.

Commands compute and return; :func:`iso20k_cli.cli.deliver.deliver` alone writes to
stdout, to files and to stderr, and ends the run with its exit code.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, TypeAlias

if TYPE_CHECKING:
    from iso20k_cli.render.plain import Draw

Content: TypeAlias = "str | Iterable[str] | bytes | Draw"
"""Text, text in pieces (written as it is made), bytes (a binary format, for a file
only) or a drawing on a rich console (in colour on a terminal, plain elsewhere)."""


# NamedTuples rather than dataclasses: the command modules' annotations need them at
# every start, --help included, and making a dataclass costs several times more.


class Output(NamedTuple):
    content: Content
    to: Path | None = None
    """``--output``; stdout when None."""
    forbidden_root: Path | None = None
    """The evidence folder, which the tool never writes into."""
    verbatim: bool = False
    """Text for stdout as it is, not made safe for a terminal (see formats.Format)."""


class Result(NamedTuple):
    outputs: tuple[Output, ...] = ()
    """Written in order; an error writing one leaves the rest unwritten (exit 2)."""
    notes: tuple[str, ...] = ()
    """Said on stderr once the outputs are written, so that machine output stays clean."""
    failing: tuple[str, ...] = ()
    """Why the run fails (a gate): said on stderr after the notes, then exit 1."""
