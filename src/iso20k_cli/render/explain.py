"""``iso20k explain``: why one clause or item got its status, for when a client disputes it.

For an item: what it asks and why, every file considered and how it was recognised
(and files that name the item but were not counted, with the reason), every check
that ran with its result, the findings, and how status and score followed. For a
clause: its items and sub-clauses and the arithmetic of its score.
"""

from __future__ import annotations

from rich.console import Console, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from iso20k_cli.assess.model import Assessment, FileResult, Finding, ItemResult, Severity, Status
from iso20k_cli.assess.score import GOOD_PRACTICE_WEIGHT, MANDATORY_WEIGHT, Tally, tally
from iso20k_cli.catalogue.model import Catalogue, Item


def _mark(severity: Severity | None) -> tuple[str, str]:
    """A word for each result, so that colour is never the only signal."""
    if severity is None:
        return "ok", "green"
    if severity is Severity.OBSERVATION:
        return "note", "cyan"
    return "FAIL", "red"


def _heading(text: str) -> Text:
    return Text(text, style="bold underline")


def _indent(renderable: RenderableType, level: int = 1) -> Padding:
    return Padding(renderable, (0, 0, 0, 2 * level))


def _control(file: FileResult) -> str:
    c = file.control
    parts = [
        f"status {c.status_text or c.status.value}" if c.status else "no status",
        f"version {c.version}" if c.version else "no version",
        f"owner {c.owner}" if c.owner else "no owner",
    ]
    if c.approved:
        parts.append(f"approved {c.approved}")
    if c.revised:
        parts.append(f"last revised {c.revised}")
    if c.review_due:
        parts.append(f"review due {c.review_due}")
    span = None
    if c.review_months:
        parts.append(f"reviewed every {c.review_months} months")
    if c.sources:
        fields: dict[str, list[str]] = {}
        for name, source in c.sources.items():
            fields.setdefault(source.value, []).append(name.replace("_", " "))
        read = "; ".join(f"{source} ({', '.join(names)})" for source, names in fields.items())
        parts.append(f"read from {read}")
    if file.first_record:
        span = (
            str(file.first_record)
            if file.first_record == file.last_record
            else f"{file.first_record} to {file.last_record}"
        )
    if file.entries is not None:
        # A register or export: its entries are the records the checks count.
        dated = f", {span}" if span else ""
        parts.append(f"{file.entries} entries dated by '{file.date_column}'{dated}")
    elif span:
        parts.append(f"records dated {span}")
    return ", ".join(parts)


def _weight(item: ItemResult) -> int:
    return MANDATORY_WEIGHT if item.mandatory else GOOD_PRACTICE_WEIGHT


def _finding_lines(findings: list[Finding]) -> list[RenderableType]:
    out: list[RenderableType] = []
    for f in findings:
        tag = f.severity.value.upper()
        if f.accepted is not None:
            tag += " (accepted)" if not f.accepted.expired else " (acceptance expired)"
        line = Text(f"{tag} [{f.id}] ", style="bold") + Text(f.message)
        out.append(_indent(line))
        if f.recommendation:
            out.append(_indent(Text(f"→ {f.recommendation}", style="dim"), 2))
        if f.basis:
            out.append(_indent(Text(f"Note: {f.basis}", style="dim italic"), 2))
        if f.accepted is not None:
            a = f.accepted
            state = "expired" if a.expired else "until"
            out.append(
                _indent(Text(f"Accepted by {a.by} ({state} {a.expires}): {a.justification}"), 2)
            )
    return out


def _explain_item(
    catalogue: Catalogue,
    assessment: Assessment,
    item: Item,
    console: Console,
) -> None:
    result = next(i for i in assessment.items if i.id == item.id)
    clause = catalogue.clause(item.clause)
    need = "mandatory" if item.mandatory else "good practice"
    console.print(Text(f"{item.title} ({item.id})", style="bold"))
    console.print(f"Clause {clause.id} {clause.title}; a {need} {item.kind.value}")
    console.print(_indent(Text(f"Basis: {item.basis}")))
    if item.source.uncertain or item.note:
        console.print(_indent(Text(f"Note: {item.note or item.source.label}", style="yellow")))
    if item.applies_when is not None:
        when = item.applies_when
        console.print(
            _indent(Text(f"Applies only when: {when.question} (condition {when.condition})"))
        )
    score = "—" if result.score is None else f"{result.score:.0f}"
    console.print(f"Status: {result.status.value}; score {score}, weight {_weight(result)}")
    console.print()

    console.print(_heading("Evidence considered"))
    file_results = {f.path: f for f in assessment.files}
    if not result.evidence:
        console.print(_indent(Text("No file was recognised as evidence of this item.")))
    for link in result.evidence:
        strength = "" if link.counted else " — a suggestion, not counted as evidence"
        where = f" ({link.section})" if link.section else ""
        console.print(_indent(Text(f"{link.path}{where}", style="bold")))
        console.print(
            _indent(Text(f"recognised by {link.matched_by.value}: {link.detail}{strength}"), 2)
        )
        if len(link.signals) > 1:
            console.print(_indent(Text(f"signals: {', '.join(link.signals)}", style="dim"), 2))
        file = file_results.get(link.path)
        if file is not None:
            console.print(_indent(Text(_control(file), style="dim"), 2))
            for warning in file.warnings:
                console.print(_indent(Text(f"note: {warning}", style="yellow"), 2))
            if not file.readable:
                console.print(_indent(Text(f"content not read: {file.error}", style="yellow"), 2))
    if result.near_misses:
        console.print(_indent(Text("Files that name this item but were not counted:")))
        for miss in result.near_misses:
            console.print(_indent(Text(f"{miss.path}: {miss.reason}"), 2))
    console.print()

    console.print(_heading("Checks"))
    if result.status is Status.NOT_APPLICABLE:
        console.print(_indent(Text(f"Declared not applicable: {result.justification}")))
    elif not result.checks:
        reason = (
            "no check runs without evidence recognised by declaration, title or file name"
            if result.status is not Status.MET
            else "the catalogue declares no check for this item"
        )
        console.print(_indent(Text(reason)))
    for check in result.checks:
        word, style = _mark(check.severity)
        grade = f" ({check.severity.value})" if check.severity else ""
        line = Text(f"{word:<4}", style=style) + Text(f" {check.check}{grade}: {check.message}")
        console.print(_indent(line))
    console.print()

    findings = [f for f in assessment.findings if f.item == item.id]
    console.print(_heading("Findings"))
    if not findings:
        console.print(_indent(Text("None.")))
    for renderable in _finding_lines(findings):
        console.print(renderable)
    console.print()

    console.print(_heading("How the status follows"))
    console.print(_indent(Text(_status_reason(result, findings))))


def _status_reason(result: ItemResult, findings: list[Finding]) -> str:
    if result.status is Status.NOT_APPLICABLE:
        return "Declared not applicable in the configuration: left out of every score."
    if result.status is Status.NOT_ASSESSED:
        return (
            "A conditional requirement with no evidence, and the configuration does not say "
            "whether it applies: a question for the interview (an observation, not a gap), "
            "left out of every score. Answer it under 'conditions:' in the configuration."
        )
    if any(c.check == "nil_return" for c in result.checks):
        return "The evidence records that there was nothing to record this period: met, score 100."
    if result.status is Status.MISSING:
        return "No evidence was found: missing, score 0."
    strong = any(link.counted for link in result.evidence)
    if not strong:
        return (
            "Only weak (content) matches were found, which never count as met: partial, score 50."
        )
    failing = [f for f in findings if f.severity.value in ("major", "minor")]
    if failing:
        return (
            f"Evidence was recognised but {len(failing)} check finding(s) of major or minor "
            "grade remain: partial, score 50. Observations do not lower a status."
        )
    return "Evidence was recognised and no check found a major or minor problem: met, score 100."


def _explain_clause(
    catalogue: Catalogue, assessment: Assessment, clause_id: str, console: Console
) -> None:
    clause = catalogue.clause(clause_id)
    result = next(c for c in assessment.clauses if c.id == clause_id)
    console.print(Text(f"{clause.id} {clause.title}", style="bold"))
    if clause.summary:
        console.print(clause.summary)
    if clause.note:
        console.print(Text(f"Note: {clause.note}", style="yellow"))
    score = "—" if result.score is None else f"{result.score:.1f}"
    console.print(f"Status: {result.status.value}; score {score}")
    console.print()
    items = {i.id: i for i in assessment.items}
    table = Table(box=None, show_edge=False, pad_edge=False)
    for column in ("Clause", "Item", "Status", "Score", "Weight"):
        table.add_column(column, overflow="fold")
    under = catalogue.items_under(clause_id)
    for item in under:
        r = items[item.id]
        table.add_row(
            item.clause,
            f"{r.title} ({r.id})",
            r.status.value,
            "—" if r.score is None else f"{r.score:.0f}",
            str(_weight(r)) if r.score is not None else "—",
        )
    if not under:
        console.print(
            "No documented information is expected under this clause: an auditor judges it "
            "by interview, so it has no score."
        )
        return
    console.print(_heading("Items in this clause and below"))
    console.print(table)
    console.print()
    console.print(_heading("How status and score follow"))
    for reason in _clause_reasoning(tally([items[i.id] for i in under]), result.score):
        console.print(_indent(Text(reason)))
    console.print(_indent(Text(CLAUSE_RULE, style="dim")))
    findings = [f for f in assessment.findings if f.clause in catalogue.subtree(clause_id)]
    if findings:
        console.print()
        console.print(_heading("Findings"))
        for line in _finding_lines(findings):
            console.print(line)


CLAUSE_RULE = (
    "Mandatory evidence decides a clause: met when every mandatory item is, missing when "
    "none is present, partial otherwise. Good-practice items raise observations and can lift "
    "missing to partial, never lower a clause; they count in the score, at weight "
    f"{GOOD_PRACTICE_WEIGHT} against {MANDATORY_WEIGHT}, only when that raises it. A clause "
    "with good-practice items only is met when any of them is, and is otherwise judged by "
    "interview, not a gap. Items score 100 met, 50 partial, 0 missing; items not applicable "
    "or left to the interview do not count."
)


def _clause_reasoning(t: Tally, score: float | None) -> list[str]:
    """The status and score of a clause, worked from its items, in the words of the rule."""
    m, g = t.mandatory, t.good_practice
    lines: list[str] = []
    if m.count:
        lines.append(
            f"Mandatory items decide: {m.met} of {m.count} met, "
            f"{m.present - m.met} partial, {m.count - m.present} missing."
        )
        if m.met < m.count and not m.present and g.present:
            lines.append(
                f"No mandatory item is present, but {g.present} good-practice item(s) are: "
                "lifted from missing to partial."
            )
        combined = t.combined
        assert combined is not None
        lines.append(f"Mean of the mandatory items: {m.total:.0f} / {m.count} = {m.mean:.1f}.")
        if g.count:
            total = m.count * MANDATORY_WEIGHT + g.count * GOOD_PRACTICE_WEIGHT
            lines.append(
                f"With good practice: ({m.total:.0f}×{MANDATORY_WEIGHT} + "
                f"{g.total:.0f}×{GOOD_PRACTICE_WEIGHT}) / {total} = {combined:.1f}; "
                + (
                    "this raises the score, so it counts."
                    if combined > m.mean
                    else "this would not raise the score, so good practice does not count."
                )
            )
    elif g.count:
        if g.present:
            lines.append(
                f"Good-practice items only, {g.met} of {g.count} met and {g.present - g.met} "
                f"partial: the best of them gives the clause its status and score, {g.best:.0f}."
            )
        else:
            lines.append(
                f"Good-practice items only and none of the {g.count} present: the standard asks "
                "for no documented information here, so this is judged by interview, not "
                "scored; the missing items are observations."
            )
    elif Status.NOT_ASSESSED in t.unscored:
        lines.append("Every item is conditional and left to the interview: no score.")
    else:
        lines.append("Every item is declared not applicable: no score.")
    lines.append("Score: " + ("—" if score is None else f"{score:.1f}") + ".")
    return lines


def resolve_target(catalogue: Catalogue, target: str) -> tuple[str, str] | None:
    """('clause'|'item', id) for a clause id, an item id or a finding id (item:check)."""
    if target in catalogue.clauses_by_id:
        return "clause", target
    item_id = target.split(":", 1)[0]
    if item_id in catalogue.items_by_id:
        return "item", item_id
    return None


def render_explain(
    catalogue: Catalogue,
    assessment: Assessment,
    target: tuple[str, str],
    console: Console,
) -> None:
    kind, ident = target
    if kind == "clause":
        _explain_clause(catalogue, assessment, ident, console)
    else:
        _explain_item(catalogue, assessment, catalogue.item(ident), console)
