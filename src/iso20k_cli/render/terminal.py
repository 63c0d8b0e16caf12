"""The readiness table, verdicts and top findings, for a person at a terminal.

Readable from 60 columns, and using the width there is: titles get what the other
columns leave, and the readiness bars give way to them on a narrow terminal. In plain
mode (not a terminal) it uses no colour and no box-drawing characters, so that logs
and pipes stay clean; NO_COLOR in a terminal removes the colour only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from iso20k_cli.assess.model import Assessment, ClauseResult, Finding, Severity, Status
from iso20k_cli.render.context import TerminalOptions
from iso20k_cli.render.palette import GOOD, POOR, SEVERITY_ROLE, STATUS_ROLE, score_role
from iso20k_cli.render.wording import (
    TESTIMONY_LEGEND,
    by_testimony,
    configuration_text,
    format_summary,
    interview_summary,
    plural,
    score_out_of_100,
    score_precise,
    severity_counts,
    status_word,
)

if TYPE_CHECKING:
    from iso20k_cli.render.context import RenderContext
    from iso20k_cli.render.plain import Draw

_STATUS_STYLE = {status: role.terminal for status, role in STATUS_ROLE.items()}
# A major finding is the one to see first: bold, in its role's colour.
_SEVERITY_STYLE = {
    severity: ("bold " if severity is Severity.MAJOR else "") + role.terminal
    for severity, role in SEVERITY_ROLE.items()
}


def _bar(score: float | None, width: int, plain: bool, status: Status | None = None) -> Text:
    """A readiness bar; a clause's bar takes its status's colour, as its status word does."""
    if score is None:
        return Text("")
    filled = round(score / 100 * width)
    full, empty = ("#", ".") if plain else ("█", "░")
    role = score_role(score) if status is None else STATUS_ROLE[status]
    return Text(full * filled, style=role.terminal) + Text(empty * (width - filled), style="dim")


# The title column gets what the other columns leave of the console's width, up to the
# longest title; below this many columns for titles the readiness bars give way to them.
MIN_TITLE = 24
BAR_WIDTH = 10
GAP = 2
"""Between two columns of a table without borders (a cell's padding of 1 on each side)."""


def _clause_table(
    assessment: Assessment, options: TerminalOptions, plain: bool, width: int
) -> Table:
    rows = [_row(c, plain) for c in assessment.clauses if c.depth < options.depth]
    headers = ("Clause", "Title", "Score", "Status", "Readiness")
    clause_w, title_w, score_w, status_w = (
        max([len(headers[n]), *(cell_len(str(r[n])) for r in rows)]) for n in range(4)
    )
    fixed = clause_w + score_w + status_w + 3 * GAP
    with_bars = width - fixed - GAP - BAR_WIDTH >= MIN_TITLE
    room = width - fixed - (GAP + BAR_WIDTH if with_bars else 0)
    table = Table(
        box=None,
        show_edge=False,
        pad_edge=False,
        header_style="" if plain else "bold",
        expand=False,
    )
    table.add_column("Clause", no_wrap=True)
    # A title too long for the room left ends in an ellipsis; one line per clause keeps
    # the scores and statuses in line with their clause.
    table.add_column("Title", overflow="ellipsis", no_wrap=True, width=max(5, min(title_w, room)))
    table.add_column("Score", justify="right", no_wrap=True)
    table.add_column("Status", no_wrap=True)
    if with_bars:
        table.add_column("Readiness", no_wrap=True, width=BAR_WIDTH)
    for row in rows:
        table.add_row(*(row if with_bars else row[:4]))
    return table


def _row(clause: ClauseResult, plain: bool) -> tuple[RenderableType, ...]:
    indent = "  " * clause.depth
    score = "—" if clause.score is None else score_precise(clause.score)
    if plain and clause.score is None:
        score = "-"
    status = Text(status_word(clause), style=_STATUS_STYLE[clause.status])
    title = Text(clause.title, style="bold" if clause.depth == 0 else "")
    bar = _bar(clause.score, BAR_WIDTH, plain, clause.status)
    return (indent + clause.id, title, score, status, bar)


def _verdict(assessment: Assessment, plain: bool) -> Group:
    lines: list[RenderableType] = []
    score = Text(f"Overall readiness: {score_out_of_100(assessment.score)}  ", style="bold")
    lines.append(score + _bar(assessment.score, 20, plain))
    v = assessment.verdict
    for label, ready, blockers in (
        ("Stage 1 (documentation)", v.stage1_ready, v.stage1_blockers),
        ("Stage 2 (records of operation)", v.stage2_ready, v.stage2_blockers),
    ):
        word = (
            Text("READY", style=f"bold {GOOD.terminal}")
            if ready
            else Text("NOT READY", style=f"bold {POOR.terminal}")
        )
        lines.append(Text(f"{label}: ") + word)
        if blockers:
            grid = Table.grid(padding=(0, 1))
            grid.add_column(no_wrap=True)
            grid.add_column(overflow="fold")
            for blocker in blockers:
                grid.add_row(" -", blocker)
            lines.append(grid)
    counts = severity_counts({s: assessment.count(s) for s in Severity})
    if assessment.accepted:
        counts += f"; {assessment.accepted} accepted (not counted)"
    lines.append(Text(f"Findings: {counts}"))
    return Group(*lines)


def _findings(findings: tuple[Finding, ...], limit: int) -> list[RenderableType]:
    if not findings:
        return [Text("No findings.")]
    shown = findings if limit <= 0 else findings[:limit]
    heading = "Findings" if len(shown) == len(findings) else f"Top {len(shown)} findings"
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    for finding in shown:
        body = Text(finding.message)
        if finding.recommendation:
            body.append(f"\n→ {finding.recommendation}", style="dim")
        if finding.basis:
            body.append(f"\nNote: {finding.basis}", style="dim italic")
        label = Text(finding.severity.value.upper(), style=_SEVERITY_STYLE[finding.severity])
        if finding.accepted is not None:
            a = finding.accepted
            if a.expired:
                body.append(f"\nAcceptance by {a.by} expired on {a.expires}: it counts again")
            else:
                label = Text(f"{finding.severity.value.upper()}\naccepted", style="dim")
                body.append(f"\nAccepted by {a.by} until {a.expires}: {a.justification}")
        grid.add_row(
            label,
            finding.clause or "file",
            body,
        )
    out: list[RenderableType] = [Text(heading, style="bold"), grid]
    if len(shown) < len(findings):
        out.append(
            Text(
                f"… and {len(findings) - len(shown)} more (--max-findings 0 shows all; "
                "--format json gives everything)",
                style="dim",
            )
        )
    return out


def render_terminal(
    assessment: Assessment, console: Console, options: TerminalOptions, plain: bool
) -> None:
    used = sum(1 for f in assessment.files if f.used_for)
    if assessment.organisation:
        console.print(Text(assessment.organisation, style="bold"))
    console.print(Text(f"Readiness for {assessment.catalogue.title}"))
    console.print(Text(f"Evidence: {assessment.evidence_dir}", overflow="fold"))
    console.print(Text(f"Configuration: {configuration_text(assessment)}", overflow="fold"))
    unread = sum(1 for f in assessment.files if not f.readable)
    not_read = f"; {unread} not read" if unread else ""
    console.print(
        f"{plural(len(assessment.files), 'file')} ({format_summary(assessment)}); {used} used as "
        f"evidence{not_read}; assessed as of {assessment.as_of}"
    )
    if (heard := interview_summary(assessment)) is not None:
        console.print(Text(heard, overflow="fold"))
    console.print()
    console.print(_clause_table(assessment, options, plain, console.width))
    if any(by_testimony(c) for c in assessment.clauses if c.depth < options.depth):
        console.print(Text(TESTIMONY_LEGEND, style="dim"))
    console.print()
    console.print(_verdict(assessment, plain))
    console.print()
    for line in _findings(assessment.findings, options.max_findings):
        console.print(line)


def render_table(assessment: Assessment, context: RenderContext) -> Draw:
    """``check --format table``: in colour on a terminal, as plain text elsewhere."""
    return lambda console, plain: render_terminal(assessment, console, context.table, plain)
