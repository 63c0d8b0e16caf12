"""What a renderer may read besides the Assessment: display options and a baseline comparison."""

from __future__ import annotations

from dataclasses import dataclass, field

from iso20k_cli.history.compare import Comparison


@dataclass(frozen=True)
class TerminalOptions:
    """What the table shows (kept here, not beside the table: the machine formats read the
    context too, and should not import rich to do so)."""

    depth: int = 2
    max_findings: int = 10


@dataclass(frozen=True)
class RenderContext:
    table: TerminalOptions = field(default_factory=TerminalOptions)
    """Clause depth and number of findings, for the formats meant to be read by people."""
    comparison: Comparison | None = None
    """Set with ``--baseline``: lets a format tell new findings from known ones."""
    tags: tuple[str, ...] = ()
    """The catalogue's tags for its standard, which SARIF rules carry."""
