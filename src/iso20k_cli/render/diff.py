"""``iso20k diff``: what regressed and what improved between two results, per clause."""

from __future__ import annotations

import json

from iso20k_cli.history.baseline import SavedFinding
from iso20k_cli.history.compare import ClauseChange, Comparison, Direction, FindingChanges
from iso20k_cli.render.safe import terminal_safe
from iso20k_cli.render.wording import delta_text, score_precise


def _ready(value: bool | None) -> str:
    return "unknown" if value is None else "READY" if value else "NOT READY"


def _finding(word: str, finding: SavedFinding) -> str:
    return f"{word} {finding.severity.value.upper()} {finding.id}: {finding.message}"


def _clause_heading(change: ClauseChange) -> str:
    parts = []
    if change.score_direction is not Direction.SAME:
        before = "-" if change.score_before is None else score_precise(change.score_before)
        after = "-" if change.score_after is None else score_precise(change.score_after)
        parts.append(f"score {before} -> {after}")
    if change.status_direction is not Direction.SAME:
        parts.append(f"{change.status_before or 'absent'} -> {change.status_after or 'absent'}")
    return f"{change.id} {change.title}" + (f": {', '.join(parts)}" if parts else "")


def _finding_lines(changes: FindingChanges, worse: bool) -> list[str]:
    if worse:
        return [_finding("new", f) for f in changes.new] + [
            _finding(f"was {c.before.severity.value}, now", c.after) for c in changes.more_severe
        ]
    return [_finding("resolved", f) for f in changes.resolved] + [
        _finding(f"was {c.before.severity.value}, now", c.after) for c in changes.less_severe
    ]


def _clause_lines(change: ClauseChange, worse: bool) -> list[str]:
    wanted = Direction.WORSE if worse else Direction.BETTER
    own = {change.status_direction, change.score_direction}
    items = [
        f"{i.title or i.id}: {i.before or 'absent'} -> {i.after or 'absent'}"
        for i in change.items
        if i.direction is wanted
    ]
    details = items + _finding_lines(change.findings, worse)
    if wanted not in own and not details:
        return []
    return ["  " + _clause_heading(change)] + ["      " + d for d in details]


def _section(comparison: Comparison, worse: bool) -> list[str]:
    lines = [line for c in comparison.clauses for line in _clause_lines(c, worse)]
    files = _finding_lines(comparison.files, worse)
    if files:
        lines += ["  Evidence files"] + ["      " + f for f in files]
    return lines or ["  nothing"]


def render_diff_text(comparison: Comparison, old_label: str, new_label: str) -> str:
    """For people, in a terminal or a file: titles and names from the evidence are
    made safe for a terminal either way."""
    before, after = comparison.before, comparison.after
    as_of = f" (as of {before.as_of} and {after.as_of})" if before.as_of and after.as_of else ""
    lines = [
        f"Comparing {old_label} with {new_label}{as_of}",
        f"Readiness: {score_precise(before.score)} -> {score_precise(after.score)} "
        f"({delta_text(before.score, after.score)})",
    ]
    for label, old, new in (
        ("Stage 1 (documentation)", before.stage1_ready, after.stage1_ready),
        ("Stage 2 (records of operation)", before.stage2_ready, after.stage2_ready),
    ):
        change = f"{_ready(new)} (unchanged)" if old == new else f"{_ready(old)} -> {_ready(new)}"
        lines.append(f"{label}: {change}")
    lines.append(
        f"Findings: {len(comparison.new_findings)} new, "
        f"{len(comparison.resolved_findings)} resolved, "
        f"{len(comparison.more_severe_findings)} more severe, "
        f"{comparison.unchanged_findings} unchanged"
    )
    lines += ["", "Regressed", *_section(comparison, True)]
    lines += ["", "Improved", *_section(comparison, False)]
    return terminal_safe("\n".join(lines) + "\n")


def render_diff_json(comparison: Comparison, old_label: str = "", new_label: str = "") -> str:
    """For machines; the labels, which name the two results in the text, are not part of it."""
    data = comparison.model_dump(mode="json")
    data["regressed"] = [c.id for c in comparison.clauses if c.regressed]
    data["improved"] = [c.id for c in comparison.clauses if c.improved]
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
