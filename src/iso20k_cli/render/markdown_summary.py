"""``--format md``: a compact Markdown summary for a pull-request comment or a job summary.

Verdicts, the clause table (to ``--depth``) and the major findings; with a baseline,
what is new since it first. The full report is ``iso20k report``'s job, not this one's.
"""

from __future__ import annotations

import re

from iso20k_cli.assess.model import Assessment, ClauseResult, Finding, Severity
from iso20k_cli.render.context import RenderContext
from iso20k_cli.render.wording import (
    TESTIMONY_LEGEND,
    acceptance_text,
    by_testimony,
    delta_text,
    interview_summary,
    plural,
    score_precise,
    severity_counts,
    status_word,
)

# Backslash-escaping ASCII punctuation is always literal in CommonMark; these are the
# characters that would otherwise start emphasis, code, links, HTML or a table cell.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#&])")


def escape(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _verdicts(assessment: Assessment) -> list[str]:
    verdict = assessment.verdict
    rows = ["| Verdict | |", "|---|---|"]
    for label, ready, blockers in (
        ("Stage 1 (documentation)", verdict.stage1_ready, verdict.stage1_blockers),
        ("Stage 2 (records of operation)", verdict.stage2_ready, verdict.stage2_blockers),
    ):
        word = "**READY**" if ready else "**NOT READY**"
        why = "<br>".join(escape(b) for b in blockers)
        rows.append(f"| {label} | {word}{': ' + why if why else ''} |")
    return rows


def _clause_row(clause: ClauseResult) -> str:
    score = "-" if clause.score is None else score_precise(clause.score)
    return f"| {clause.id} | {escape(clause.title)} | {score} | {escape(status_word(clause))} |"


def _finding(finding: Finding, titles: dict[str, str]) -> str:
    where = finding.clause or "file"
    subject = titles.get(finding.item or "")
    head = f"- **{finding.severity.value.upper()}** {where}"
    head += f" {escape(subject)}: " if subject else ": "
    line = head + escape(finding.message)
    if finding.recommendation:
        line += f"<br>→ {escape(finding.recommendation)}"
    if (accepted := acceptance_text(finding)) is not None:
        line += f"<br>{escape(accepted)}"
    return line


def _section(
    heading: str, findings: list[Finding], titles: dict[str, str], limit: int
) -> list[str]:
    if not findings:
        return []
    shown = findings if limit <= 0 else findings[:limit]
    lines = ["", f"#### {heading} ({len(findings)})", ""]
    lines += [_finding(f, titles) for f in shown]
    if len(shown) < len(findings):
        lines.append(f"- … and {len(findings) - len(shown)} more (`--format json` lists all)")
    return lines


def render_markdown_summary(assessment: Assessment, context: RenderContext) -> str:
    titles = {i.id: i.title for i in assessment.items}
    comparison = context.comparison
    score = score_precise(assessment.score)
    lines = [f"### iso20k: readiness {score}/100", ""]
    who = f"**{escape(assessment.organisation)}**, " if assessment.organisation else ""
    config = assessment.configuration
    used = f"configuration `{config.replace('`', '')}`" if config else "no configuration file"
    lines.append(
        f"{who}evidence `{assessment.evidence_dir.replace('`', '')}`, {used}, assessed as of "
        f"{assessment.as_of} against {escape(assessment.catalogue.title)}."
    )
    if comparison is not None:
        before = comparison.before.score
        lines += [
            "",
            f"Since the baseline: readiness {score_precise(before)} → {score} "
            f"({delta_text(before, assessment.score)}), "
            f"{plural(len(comparison.new_findings), 'new finding')}, "
            f"{len(comparison.resolved_findings)} resolved.",
        ]
    counts = severity_counts({s: assessment.count(s) for s in Severity})
    if assessment.accepted:
        counts += f"; {assessment.accepted} accepted"
    lines += ["", *_verdicts(assessment), "", f"Findings: {counts}.", ""]
    if (heard := interview_summary(assessment)) is not None:
        lines += [escape(heard) + ".", ""]
    lines += ["| Clause | Title | Score | Status |", "|---|---|---:|---|"]
    shown = [c for c in assessment.clauses if c.depth < context.table.depth]
    lines += [_clause_row(c) for c in shown]
    if any(by_testimony(c) for c in shown):
        lines += ["", escape(TESTIMONY_LEGEND)]
    limit = context.table.max_findings
    majors = [f for f in assessment.findings if f.severity is Severity.MAJOR and f.counts]
    if comparison is not None:
        new = [f for f in assessment.findings if comparison.is_new(f.id)]
        known = [f for f in majors if not comparison.is_new(f.id)]
        lines += _section("New since the baseline", new, titles, limit)
        lines += _section("Known major findings", known, titles, limit)
    else:
        lines += _section("Open major findings", majors, titles, limit)
    if not majors and (comparison is None or not comparison.new_findings):
        lines += ["", "No major finding."]
    return "\n".join(lines) + "\n"
