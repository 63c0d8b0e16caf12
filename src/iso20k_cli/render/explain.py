"""``iso20k explain``: why one clause or item got its status, for when a client disputes it.

For an item: what it asks and why, every file considered and how it was recognised
(and files that name the item but were not counted, with the reason), every check
that ran with its result, the findings, and how status and score followed. For a
clause: its items and sub-clauses and the arithmetic of its score.

Everything printed comes from an :class:`~iso20k_cli.assess.explain.Explanation`,
which ``assess/explain.py`` builds from what the run decided; this module only words it.
"""

from __future__ import annotations

from rich.console import Console, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from iso20k_cli.assess.explain import (
    CheckExplanation,
    ClauseExplanation,
    ConsideredFile,
    Explanation,
    ItemExplanation,
    ScoreArithmetic,
)
from iso20k_cli.assess.model import (
    CheckResult,
    Decision,
    FileResult,
    Finding,
    Severity,
    Status,
)
from iso20k_cli.assess.score import Basis
from iso20k_cli.evidence.model import ControlSource
from iso20k_cli.render.wording import NO_CONFIGURATION, agree, by_testimony, plural, score_precise
from iso20k_cli.settings.answers import Answer as InterviewAnswer


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


_SOURCE_WORDS = {ControlSource.GIT: "git, the file's last commit"}


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
        parts.append(f"reviewed every {plural(c.review_months, 'month')}")
    if c.sources:
        fields: dict[str, list[str]] = {}
        for name, source in c.sources.items():
            fields.setdefault(_SOURCE_WORDS.get(source, source.value), []).append(
                name.replace("_", " ")
            )
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
        parts.append(
            f"{plural(file.entries, 'entry', 'entries')} dated by '{file.date_column}'{dated}"
        )
    elif span:
        parts.append(f"records dated {span}")
    return ", ".join(parts)


def _testimony(said: InterviewAnswer) -> Text:
    """An answer given at interview, as interview evidence: what, who, when, where written."""
    text = f"Interview evidence: {said.question} answered '{said.label}' by {said.testimony}"
    if said.reference:
        text += f"; evidence reference: {said.reference}"
    if said.notes:
        text += f"; notes: {said.notes}"
    return Text(text, style="magenta")


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
        if f.interview is not None:
            out.append(_indent(_testimony(f.interview), 2))
        if f.accepted is not None:
            a = f.accepted
            state = "expired" if a.expired else "until"
            out.append(
                _indent(Text(f"Accepted by {a.by} ({state} {a.expires}): {a.justification}"), 2)
            )
    return out


def _explain_item(x: ItemExplanation, console: Console) -> None:
    item, result = x.item, x.result
    need = "mandatory" if item.mandatory else "good practice"
    console.print(Text(f"{item.title} ({item.id})", style="bold"))
    console.print(f"Clause {x.clause.id} {x.clause.title}; a {need} {item.kind.value}")
    console.print(_indent(Text(f"Basis: {item.basis}")))
    if item.source.uncertain or item.note:
        console.print(_indent(Text(f"Note: {item.note or item.source.label}", style="yellow")))
    if item.applies_when is not None:
        when = item.applies_when
        console.print(
            _indent(Text(f"Applies only when: {when.question} (condition {when.condition})"))
        )
    console.print(f"Status: {x.status.value}; score {_item_score(x.score)}, weight {x.weight}")
    if result.interview is not None:
        console.print(_indent(_testimony(result.interview)))
    console.print()

    console.print(_heading("Evidence considered"))
    if not x.considered:
        console.print(_indent(Text("No file was recognised as evidence of this item.")))
    _print_files(x.considered, console)
    if x.near_misses:
        console.print(_indent(Text("Files that name this item but were not counted:")))
        for miss in x.near_misses:
            console.print(_indent(Text(f"{miss.path}: {miss.reason}"), 2))
    console.print()

    console.print(_heading("Checks"))
    if x.decided_by is Decision.INTERVIEW_NOT_APPLICABLE:
        console.print(_indent(Text(f"Not applicable: {result.justification}")))
    elif x.status is Status.NOT_APPLICABLE:
        console.print(_indent(Text(f"Declared not applicable: {result.justification}")))
    elif not x.checks:
        reason = (
            "the catalogue declares no check for this item"
            if x.decided_by is Decision.CHECKS_PASSED
            else "no check runs without evidence recognised by declaration, title or file name"
        )
        console.print(_indent(Text(reason)))
    _print_results(x.checks, console)
    console.print()

    console.print(_heading("Findings"))
    if not x.findings:
        console.print(_indent(Text("None.")))
    for renderable in _finding_lines(list(x.findings)):
        console.print(renderable)
    console.print()

    console.print(_heading("How the status follows"))
    console.print(_indent(Text(_status_reason(x))))


def _print_files(considered: tuple[ConsideredFile, ...], console: Console) -> None:
    for each in considered:
        link, file = each.link, each.file
        strength = "" if link.counted else " — a suggestion, not counted as evidence"
        where = f" ({link.section})" if link.section else ""
        console.print(_indent(Text(f"{link.path}{where}", style="bold")))
        console.print(
            _indent(Text(f"recognised by {link.matched_by.value}: {link.detail}{strength}"), 2)
        )
        if len(link.signals) > 1:
            console.print(_indent(Text(f"signals: {', '.join(link.signals)}", style="dim"), 2))
        if file is not None:
            console.print(_indent(Text(_control(file), style="dim"), 2))
            for warning in file.warnings:
                console.print(_indent(Text(f"note: {warning}", style="yellow"), 2))
            if not file.readable:
                console.print(_indent(Text(f"content not read: {file.error}", style="yellow"), 2))


def _print_results(results: tuple[CheckResult, ...], console: Console) -> None:
    for check in results:
        word, style = _mark(check.severity)
        grade = f" ({check.severity.value})" if check.severity else ""
        line = Text(f"{word:<4}", style=style) + Text(f" {check.check}{grade}: {check.message}")
        console.print(_indent(line))


def _explain_check(x: CheckExplanation, console: Console) -> None:
    """One check of one item: the finding id's own story, not the whole item's."""
    whole, item = x.item, x.item.item
    kind = "Check" if x.specs else "Finding"
    console.print(Text(f"{kind} '{x.check}' of {item.title} ({item.id}:{x.check})", style="bold"))
    need = "mandatory" if item.mandatory else "good practice"
    console.print(f"Clause {whole.clause.id} {whole.clause.title}; a {need} {item.kind.value}")
    console.print(
        f"Item status: {whole.status.value}; score {_item_score(whole.score)} "
        f"(every check of the item: explain {item.id})"
    )
    console.print()

    console.print(_heading("What it verifies"))
    console.print(_indent(Text(x.summary or "—")))
    for spec in x.specs:
        declared = spec.model_dump(mode="json", exclude_none=True, exclude={"type"})
        settings = (
            "; ".join(f"{key}: {_yaml_value(value)}" for key, value in declared.items())
            or "the defaults"
        )
        console.print(_indent(Text(f"As it ran: {settings}", style="dim")))
    if not x.specs and x.results == ():
        console.print(_indent(Text("No check makes this finding: the engine does.", style="dim")))
    console.print()

    if x.specs:
        console.print(_heading("Files it judged"))
        if not x.judged:
            console.print(
                _indent(
                    Text(
                        "None: no file was recognised as evidence of this item by declaration, "
                        "title or file name, so the check did not run."
                    )
                )
            )
        _print_files(x.judged, console)
        console.print()

        console.print(_heading("What it found"))
        if not x.results:
            console.print(_indent(Text("It did not run.")))
        _print_results(x.results, console)
        console.print()

    console.print(_heading("Findings"))
    if not x.findings:
        console.print(_indent(Text("None: nothing to act on.")))
    for renderable in _finding_lines(list(x.findings)):
        console.print(renderable)


def _yaml_value(value: object) -> str:
    if isinstance(value, list):
        return ", ".join(_yaml_value(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k} {_yaml_value(v)}" for k, v in value.items())
    return str(value)


def _item_score(score: float | None) -> str:
    return "—" if score is None else score_precise(score)


_UNSCORED = {
    Decision.DECLARED_NOT_APPLICABLE: (
        "Declared not applicable in the configuration: left out of every score."
    ),
    Decision.CONDITION_ANSWERED_NO: (
        "Declared not applicable in the configuration: left out of every score."
    ),
    Decision.CONDITION_UNANSWERED: (
        "A conditional requirement with no evidence, and the configuration does not say "
        "whether it applies: a question for the interview (an observation, not a gap), "
        "left out of every score. Answer it under 'conditions:' in the configuration."
    ),
}
_UNSCORED[Decision.INTERVIEW_NOT_APPLICABLE] = (
    "Answered at interview: it does not apply here (interview evidence), so it is left "
    "out of every score."
)
_SCORED = {
    Decision.NIL_RETURN: "The evidence records that there was nothing to record this period",
    Decision.NO_EVIDENCE: "No evidence was found",
    Decision.WEAK_EVIDENCE: "Only weak (content) matches were found, which never count as evidence",
    Decision.CHECKS_PASSED: "Evidence was recognised and no check found a major or minor problem",
    Decision.INTERVIEW_MET: "Good practice with no documented evidence, stated at interview to "
    "be in place: met by testimony (interview evidence; testimony never meets a mandatory "
    "document or record)",
}


def _status_reason(x: ItemExplanation) -> str:
    """The engine's decision in words, with the status and score it gave."""
    if x.decided_by in _UNSCORED:
        return _UNSCORED[x.decided_by]
    outcome = f"{x.status.value}, score {_item_score(x.score)}."
    if x.decided_by is Decision.CHECKS_FAILED:
        return (
            f"Evidence was recognised but {plural(x.failing_checks, 'check finding')} of major "
            f"or minor grade {agree(x.failing_checks, 'remains', 'remain')}: {outcome} "
            "Observations do not lower a status."
        )
    return f"{_SCORED[x.decided_by]}: {outcome}"


def _explain_clause(x: ClauseExplanation, console: Console) -> None:
    clause = x.clause
    console.print(Text(f"{clause.id} {clause.title}", style="bold"))
    if clause.summary:
        console.print(clause.summary)
    if clause.note:
        console.print(Text(f"Note: {clause.note}", style="yellow"))
    console.print(f"Status: {x.status.value}; score {_clause_score(x.score)}")
    if x.result.interview is not None:
        console.print(_indent(_testimony(x.result.interview)))
        if by_testimony(x.result):
            console.print(
                _indent(
                    Text(
                        "Judged by interview: the answer decides the status (interview "
                        "evidence), with no score."
                    )
                )
            )
    console.print()
    if x.arithmetic.basis is Basis.NO_ITEMS:
        console.print(
            "No documented information is expected under this clause: an auditor judges it "
            "by interview, so it has no score."
        )
        return
    table = Table(box=None, show_edge=False, pad_edge=False)
    for column in ("Clause", "Item", "Status", "Score", "Weight"):
        table.add_column(column, overflow="fold")
    for row in x.rows:
        r = row.result
        table.add_row(
            row.clause,
            f"{r.title} ({r.id})",
            r.status.value,
            _item_score(r.score),
            "—" if row.weight is None else str(row.weight),
        )
    console.print(_heading("Items in this clause and below"))
    console.print(table)
    console.print()
    console.print(_heading("How status and score follow"))
    for reason in _clause_reasoning(x.arithmetic):
        console.print(_indent(Text(reason)))
    console.print(_indent(Text(_clause_rule(x.arithmetic), style="dim")))
    if x.findings:
        console.print()
        console.print(_heading("Findings"))
        for line in _finding_lines(list(x.findings)):
            console.print(line)


def _clause_score(score: float | None) -> str:
    return "—" if score is None else score_precise(score)


def _clause_rule(a: ScoreArithmetic) -> str:
    return (
        "Mandatory evidence decides a clause: met when every mandatory item is, missing when "
        "none is present, partial otherwise. Good-practice items raise observations and can "
        "lift missing to partial, never lower a clause; they count in the score, at weight "
        f"{a.good_practice_weight} against {a.mandatory_weight}, only when that raises it. A "
        "clause with good-practice items only is met when any of them is, and is otherwise "
        "judged by interview, not a gap. Items score 100 met, 50 partial, 0 missing; items not "
        "applicable or left to the interview do not count."
    )


def _clause_reasoning(a: ScoreArithmetic) -> list[str]:
    """The status and score of a clause, worked from its items, in the words of the rule."""
    m, g = a.mandatory, a.good_practice
    lines: list[str] = []
    if a.basis is Basis.MANDATORY:
        assert m.mean is not None and a.combined is not None
        lines.append(
            f"Mandatory items decide: {m.met} of {m.count} met, "
            f"{m.partial} partial, {m.missing} missing."
        )
        if a.lifted_by_good_practice:
            lines.append(
                f"No mandatory item is present, but {plural(g.present, 'good-practice item')} "
                f"{agree(g.present, 'is', 'are')}: "
                "lifted from missing to partial."
            )
        mean = score_precise(m.mean)
        lines.append(f"Mean of the mandatory items: {m.total:.0f} / {m.count} = {mean}.")
        if g.count:
            lines.append(
                f"With good practice: ({m.total:.0f}×{a.mandatory_weight} + "
                f"{g.total:.0f}×{a.good_practice_weight}) / {a.combined_weight} = "
                f"{score_precise(a.combined)}; "
                + (
                    "this raises the score, so it counts."
                    if a.good_practice_counts
                    else "this would not raise the score, so good practice does not count."
                )
            )
    elif a.basis is Basis.GOOD_PRACTICE:
        lines.append(
            f"Good-practice items only, {g.met} of {g.count} met and {g.partial} "
            "partial: the best of them gives the clause its status and score, "
            f"{score_precise(g.best)}."
        )
    elif a.basis is Basis.GOOD_PRACTICE_ABSENT:
        lines.append(
            f"Good-practice items only and none of the {g.count} present: the standard asks "
            "for no documented information here, so this is judged by interview, not "
            "scored; the missing items are observations."
        )
    elif a.basis is Basis.CONDITIONAL:
        lines.append("Every item is conditional and left to the interview: no score.")
    else:
        lines.append("Every item is declared not applicable: no score.")
    lines.append(f"Score: {_clause_score(a.score)}.")
    return lines


def render_explanation(explanation: Explanation, console: Console) -> None:
    configuration = explanation.configuration or NO_CONFIGURATION
    console.print(Text(f"Configuration: {configuration}", style="dim"))
    console.print()
    if isinstance(explanation, ClauseExplanation):
        _explain_clause(explanation, console)
    elif isinstance(explanation, CheckExplanation):
        _explain_check(explanation, console)
    else:
        _explain_item(explanation, console)
