"""``iso20k catalogue show``: the clause tree, or one clause or item in full."""

from __future__ import annotations

from rich.console import Console, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from iso20k_cli.catalogue.model import Catalogue, Clause, Item
from iso20k_cli.catalogue.search import Matches
from iso20k_cli.checks.registry import CheckDoc
from iso20k_cli.render.wording import plural, requirement_label


def _tree(catalogue: Catalogue, console: Console) -> None:
    console.print(Text(catalogue.standard.title, style="bold"))
    console.print(f"Catalogue {catalogue.standard.catalogue_version} ({catalogue.path})")
    if catalogue.standard.notes:
        notes = Table.grid(padding=(0, 1))
        notes.add_column(no_wrap=True)
        notes.add_column(overflow="fold")
        for note in catalogue.standard.notes:
            notes.add_row(" -", Text(note, style="dim"))
        console.print(notes)
    console.print()
    table = Table(box=None, show_edge=False, pad_edge=False)
    table.add_column("Clause", no_wrap=True)
    table.add_column("Title, and its items", overflow="fold")
    for clause in catalogue.clauses:
        title = clause.title + (" (?)" if clause.source.uncertain else "")
        table.add_row(
            "  " * clause.depth + clause.id,
            Text(title, style="bold" if clause.depth == 0 else ""),
        )
        for item_id in clause.items:
            item = catalogue.item(item_id)
            # The id first, where the eye looks for it; the title after it, in grey.
            entry = Text("  " + item.id, style="cyan") + Text(
                f"  {item.title} ({_expects(item)})", style="dim"
            )
            table.add_row("", entry)
    console.print(table)
    console.print(
        Text(
            "(?) the exact title is not verified. 'iso20k catalogue show ID' shows a clause "
            "or item in full; 'iso20k catalogue show WORDS' searches titles and the "
            "catalogue's vocabulary.",
            style="dim",
        )
    )


def _expects(item: Item) -> str:
    """'document, mandatory': the kind of evidence an item asks for, and whether it must."""
    return f"{item.kind.value}, {requirement_label(item.mandatory).lower()}"


def render_matches(catalogue: Catalogue, query: str, matches: Matches, console: Console) -> None:
    """What ``catalogue show WORDS`` found: the clauses and items, with their ids."""
    found = [
        plural(len(matches.items), "item"),
        *([plural(len(matches.clauses), "clause")] if matches.clauses else []),
    ]
    console.print(Text(f"'{query}' matches {' and '.join(found)}", style="bold"))
    if matches.clauses:
        console.print()
        clauses = Table(box=None, show_edge=False, pad_edge=False)
        clauses.add_column("Clause", no_wrap=True)
        clauses.add_column("Title", overflow="fold")
        for clause in matches.clauses:
            clauses.add_row(clause.id, clause.title)
        console.print(clauses)
    if matches.items:
        console.print()
        items = Table(box=None, show_edge=False, pad_edge=False)
        items.add_column("Item id", no_wrap=True, style="cyan")
        items.add_column("Title (clause; what it expects)", overflow="fold")
        for item in matches.items:
            items.add_row(
                item.id,
                Text(item.title) + Text(f" ({item.clause}; {_expects(item)})", style="dim"),
            )
        console.print(items)
    console.print()
    console.print(Text("'iso20k catalogue show ID' shows one in full.", style="dim"))


def _item_lines(item: Item) -> list[RenderableType]:
    need = requirement_label(item.mandatory).lower()
    head = Text(f"[{item.kind.value}] {item.title} ({item.id}) — {need}", style="bold")
    body: list[Text] = [Text(f"Basis: {item.basis}")]
    if item.description:
        body.append(Text(item.description))
    if item.source.uncertain or item.note:
        body.append(Text(f"Note: {item.note or item.source.label}", style="yellow"))
    if item.applies_when is not None:
        when = item.applies_when
        body.append(Text(f"Applies only when: {when.question} (conditions: {when.condition})"))
    hints = item.match
    if hints.all_names or hints.filenames:
        names = ", ".join((*hints.all_names, *hints.filenames))
        body.append(Text(f"Recognised by: {names}", style="dim"))
    if hints.subjects:
        genres = ", ".join(g.value for g in item.genres)
        subjects = ", ".join(hints.subjects)
        body.append(Text(f"About: {subjects}, in a {genres}", style="dim"))
    if hints.policy_subjects:
        ruled = ", ".join(hints.policy_subjects)
        body.append(Text(f"About, in a policy or standard only: {ruled}", style="dim"))
    if hints.occasions:
        dated = ", ".join(hints.occasions)
        body.append(Text(f"About, in a page dated for one occasion: {dated}", style="dim"))
    if hints.broader:
        body.append(Text(f"Narrower than: {', '.join(hints.broader)}", style="dim"))
    if item.checks:
        checks = ", ".join(_describe_check(c.model_dump()) for c in item.checks)
        body.append(Text(f"Checks: {checks}", style="dim"))
        if {c.type for c in item.checks} & {"approved", "document_control", "review_interval"}:
            body.append(Text(PROFILE_NOTE, style="dim"))
    # Padding keeps wrapped lines under their heading instead of at the margin.
    return [Padding(head, (0, 0, 0, 2)), *(Padding(t, (0, 0, 0, 4)) for t in body)]


PROFILE_NOTE = (
    "By genre: a register is checked for currency instead of approval, version and review; "
    "an agreement for its signature and term instead of approval and review."
)


def _describe_check(spec: dict[str, object]) -> str:
    params = ", ".join(f"{k}={v}" for k, v in spec.items() if k != "type" and v is not None)
    return f"{spec['type']}({params})" if params else str(spec["type"])


def _clause(catalogue: Catalogue, clause: Clause, console: Console) -> None:
    console.print(Text(f"{clause.id} {clause.title}", style="bold"))
    console.print(f"Source: {clause.source.label}")
    if clause.summary:
        console.print(clause.summary)
    if clause.note:
        console.print(Text(f"Note: {clause.note}", style="yellow"))
    if clause.children:
        kids = ", ".join(f"{c} {catalogue.clause(c).title}" for c in clause.children)
        console.print(f"Sub-clauses: {kids}")
    if not clause.items:
        console.print(
            Text("No documented information is expected here; assessed by interview.", style="dim")
        )
    for item_id in clause.items:
        console.print()
        for line in _item_lines(catalogue.item(item_id)):
            console.print(line)


def render_catalogue(catalogue: Catalogue, target: str | None, console: Console) -> None:
    if target is None:
        _tree(catalogue, console)
    elif target in catalogue.clauses_by_id:
        _clause(catalogue, catalogue.clause(target), console)
    else:
        item = catalogue.item(target)
        console.print(Text(f"Clause {item.clause} {catalogue.clause(item.clause).title}"))
        for line in _item_lines(item):
            console.print(line)


def render_check_docs(docs: list[CheckDoc], console: Console) -> None:
    """Each check type: what it verifies, its parameters and an example."""
    console.print(
        Text(
            "Check types: declare them under an item's 'checks' in a catalogue; tune their "
            "parameters in the configuration's 'checks' section. Every check also takes "
            "'severity' (major, minor or observation) to change the grade of what it finds.",
            style="dim",
        )
    )
    for doc in docs:
        console.print()
        console.print(Text(doc.name, style="bold"))
        console.print(Padding(Text(doc.summary), (0, 0, 0, 2)))
        if doc.details:
            console.print(Padding(Text(" ".join(doc.details.split())), (0, 0, 0, 2)))
        console.print(Padding(Text(f"Reported as: {doc.label}", style="dim"), (0, 0, 0, 2)))
        params = ", ".join(f"{k} ({v})" for k, v in doc.parameters.items() if k != "severity")
        if params:
            console.print(Padding(Text(f"Parameters: {params}", style="dim"), (0, 0, 0, 2)))
        console.print(Padding(Text(doc.example, style="cyan"), (0, 0, 0, 2)))
