"""Load a catalogue YAML file into a validated, indexed :class:`Catalogue`."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from iso20k_cli.catalogue.model import (
    Catalogue,
    CatalogueFile,
    Clause,
    ClauseSpec,
    Item,
    ItemSpec,
    Kind,
)
from iso20k_cli.errors import CatalogueError
from iso20k_cli.resources import catalogue_source
from iso20k_cli.yamlio import LoadedYaml, line_of, read_yaml, validate


def load_catalogue(path: Path | None = None) -> Catalogue:
    """Read and validate a catalogue: a file, the name of a shipped one, or ``None`` for
    the default (ISO/IEC 20000-1:2018)."""
    source = catalogue_source(path)
    _refuse_oversized(source.file)
    # Shipped catalogues are part of the tool, not input: their bounds are checked in tests.
    loaded = read_yaml(source.file, CatalogueError, trusted=source.shipped, fast=True)
    spec = validate(CatalogueFile, loaded, CatalogueError)
    return _build(spec, loaded, source.label)


def _parent_of(clause: ClauseSpec) -> str | None:
    if clause.parent is not None:
        return clause.parent
    head, sep, _ = clause.id.rpartition(".")
    return head if sep else None


def _fail(loaded: LoadedYaml, loc: Sequence[int | str], message: str) -> CatalogueError:
    return CatalogueError(message, path=loaded.path, line=line_of(loaded.tree, loc))


def _build(spec: CatalogueFile, loaded: LoadedYaml, label: str) -> Catalogue:
    seen: dict[str, int] = {}
    for index, clause in enumerate(spec.clauses):
        if clause.id in seen:
            raise _fail(
                loaded,
                ["clauses", index, "id"],
                f"duplicate clause id '{clause.id}' (first defined in clauses[{seen[clause.id]}])",
            )
        seen[clause.id] = index

    parents: dict[str, str | None] = {}
    children: dict[str, list[str]] = {c.id: [] for c in spec.clauses}
    for index, clause in enumerate(spec.clauses):
        parent = _parent_of(clause)
        if parent is not None and parent not in seen:
            key = "parent" if clause.parent is not None else "id"
            raise _fail(
                loaded,
                ["clauses", index, key],
                f"clause '{clause.id}' refers to parent clause '{parent}', which does not exist",
            )
        if parent == clause.id:
            raise _fail(
                loaded, ["clauses", index, "parent"], f"clause '{clause.id}' is its own parent"
            )
        parents[clause.id] = parent
        if parent is not None:
            children[parent].append(clause.id)
    _reject_cycles(parents, loaded, seen)

    items: dict[str, Item] = {}
    item_places: dict[str, str] = {}
    clause_items: dict[str, list[str]] = {c.id: [] for c in spec.clauses}
    for index, clause in enumerate(spec.clauses):
        for kind, group in ((Kind.DOCUMENT, clause.documents), (Kind.RECORD, clause.records)):
            key = "documents" if kind is Kind.DOCUMENT else "records"
            for position, item in enumerate(group):
                loc: list[int | str] = ["clauses", index, key, position]
                if item.id in items:
                    raise _fail(
                        loaded,
                        [*loc, "id"],
                        f"duplicate item id '{item.id}' (first defined in {item_places[item.id]})",
                    )
                if item.id in seen:
                    raise _fail(loaded, [*loc, "id"], f"item id '{item.id}' is also a clause id")
                for r_index, ref in enumerate(item.related):
                    if ref not in seen:
                        raise _fail(
                            loaded,
                            [*loc, "related", r_index],
                            f"item '{item.id}' refers to clause '{ref}', which does not exist",
                        )
                items[item.id] = _item(item, clause.id, kind)
                item_places[item.id] = f"clause {clause.id}"
                clause_items[clause.id].append(item.id)

    _check_broader(spec, items, loaded)
    _check_functions(spec, loaded)
    _check_conditions(spec, loaded)

    for g_index, gate in enumerate(spec.gates.performed):
        if gate not in items:
            raise _fail(
                loaded,
                ["gates", "performed", g_index],
                f"gate refers to item '{gate}', which does not exist",
            )

    _check_report(spec, items, seen, loaded)

    depth = _depths(spec, parents)
    clauses = {
        c.id: Clause(
            id=c.id,
            title=c.title,
            parent=parents[c.id],
            summary=c.summary,
            source=c.source,
            note=c.note,
            depth=depth[c.id],
            children=tuple(children[c.id]),
            items=tuple(clause_items[c.id]),
        )
        for c in spec.clauses
    }
    return Catalogue(
        path=label,
        standard=spec.standard,
        vocabulary=spec.vocabulary,
        recognition=spec.recognition,
        defaults=spec.defaults,
        gates=spec.gates,
        notes=spec.notes,
        report=spec.report,
        clause_order=tuple(_tree_order(spec, children, parents)),
        clauses_by_id=clauses,
        items_by_id=items,
    )


def _check_broader(spec: CatalogueFile, items: dict[str, Item], loaded: LoadedYaml) -> None:
    """Every item a 'broader', 'in_sections_of', 'stated_in' or 'measured_in' list names
    exists and is another item."""
    says = {
        "broader": "declares itself narrower than",
        "in_sections_of": "may be a section of the documents of",
        "stated_in": "may be stated in the documents of",
        "measured_in": "may be measured in the reports of",
    }
    for index, clause in enumerate(spec.clauses):
        for key, group in (("documents", clause.documents), ("records", clause.records)):
            for position, item in enumerate(group):
                for field, verb in says.items():
                    for b_index, ref in enumerate(getattr(item.match, field)):
                        if ref in items and ref != item.id:
                            continue
                        what = "itself" if ref == item.id else f"'{ref}', which does not exist"
                        raise _fail(
                            loaded,
                            ["clauses", index, key, position, "match", field, b_index],
                            f"item '{item.id}' {verb} {what}",
                        )


def _check_functions(spec: CatalogueFile, loaded: LoadedYaml) -> None:
    """Every function an item takes evidence from is one the vocabulary declares."""
    declared = spec.vocabulary.functions
    for index, clause in enumerate(spec.clauses):
        for key, group in (("documents", clause.documents), ("records", clause.records)):
            for position, item in enumerate(group):
                for f_index, name in enumerate(item.match.functions):
                    if name not in declared:
                        known = ", ".join(sorted(declared)) or "none"
                        raise _fail(
                            loaded,
                            ["clauses", index, key, position, "match", "functions", f_index],
                            f"item '{item.id}' names the function '{name}', which the "
                            f"vocabulary does not declare (it declares: {known})",
                        )


def _check_conditions(spec: CatalogueFile, loaded: LoadedYaml) -> None:
    """Items that share a condition ask one question: a configuration answers it once."""
    asked: dict[str, tuple[str, str]] = {}
    for index, clause in enumerate(spec.clauses):
        for key, group in (("documents", clause.documents), ("records", clause.records)):
            for position, item in enumerate(group):
                when = item.applies_when
                if when is None:
                    continue
                first = asked.setdefault(when.condition, (when.question, item.id))
                if first[0] != when.question:
                    raise _fail(
                        loaded,
                        ["clauses", index, key, position, "applies_when", "question"],
                        f"item '{item.id}' asks a different question for condition "
                        f"'{when.condition}' than item '{first[1]}' does; items that share "
                        "a condition must ask the same question",
                    )


def _check_report(
    spec: CatalogueFile, items: dict[str, Item], clauses: dict[str, int], loaded: LoadedYaml
) -> None:
    """The report section names items and clauses that exist, each phase entry once."""
    report = spec.report
    if report.scope_item is not None and report.scope_item not in items:
        raise _fail(
            loaded,
            ["report", "scope_item"],
            f"report scope_item refers to item '{report.scope_item}', which does not exist",
        )
    named: list[tuple[list[int | str], str, str]] = [
        (["report", "stage1_records", i], ref, "stage1_records")
        for i, ref in enumerate(report.stage1_records)
    ]
    if report.document_control is not None:
        named.append((["report", "document_control"], report.document_control, "document_control"))
    for p_index, phase in enumerate(report.phases):
        named.extend(
            (["report", "phases", p_index, "clauses", c_index], ref, f"phase '{phase.name}'")
            for c_index, ref in enumerate(phase.clauses)
        )
    named.extend((["report", "owners", ref], ref, "owners") for ref in report.owners)
    for loc, ref, where in named:
        if ref not in clauses:
            raise _fail(
                loaded, loc, f"report {where} refers to clause '{ref}', which does not exist"
            )
    placed: dict[tuple[str, str | None], str] = {}
    names: set[str] = set()
    for p_index, phase in enumerate(report.phases):
        if phase.name in names:
            raise _fail(
                loaded,
                ["report", "phases", p_index, "name"],
                f"report phase '{phase.name}' is declared twice",
            )
        names.add(phase.name)
        for c_index, ref in enumerate(phase.clauses):
            first = placed.setdefault((ref, phase.kind), phase.name)
            if first != phase.name or phase.clauses.index(ref) != c_index:
                raise _fail(
                    loaded,
                    ["report", "phases", p_index, "clauses", c_index],
                    f"clause '{ref}' is in phase '{first}' already; a clause belongs to one "
                    "phase (for each kind of item)",
                )


MAX_CATALOGUE_BYTES = 2 * 1024 * 1024
"""Fifteen times the shipped catalogue: no standard's clauses and items need more, and
the YAML loader takes seconds per megabyte, so a larger file is refused before it."""


def _refuse_oversized(path: Path) -> None:
    try:
        size = path.stat().st_size
    except OSError:
        return  # reading it reports the problem with the file's name
    if size > MAX_CATALOGUE_BYTES:
        raise CatalogueError(
            f"{size // 1024} KB is larger than any catalogue of a standard "
            f"({MAX_CATALOGUE_BYTES // (1024 * 1024)} MB at most); not read",
            path=path,
        )


def _item(spec: ItemSpec, clause_id: str, kind: Kind) -> Item:
    return Item(clause=clause_id, kind=kind, **spec.model_dump(exclude_defaults=False))


def _depths(spec: CatalogueFile, parents: dict[str, str | None]) -> dict[str, int]:
    """Each clause's depth, every chain walked once: a chain of thousands of clauses
    walked again from each of them would take quadratic time."""
    depth: dict[str, int] = {}
    for clause in spec.clauses:
        chain: list[str] = []
        current: str | None = clause.id
        while current is not None and current not in depth:
            chain.append(current)
            current = parents[current]
        base = -1 if current is None else depth[current]
        for offset, clause_id in enumerate(reversed(chain), start=1):
            depth[clause_id] = base + offset
    return depth


def _reject_cycles(
    parents: dict[str, str | None], loaded: LoadedYaml, index: dict[str, int]
) -> None:
    # Each clause is walked once: a clause already known to reach a root is not walked again.
    reaches_root: set[str] = set()
    for start in parents:
        visited = [start]
        seen = {start}
        current = parents[start]
        while current is not None and current not in reaches_root:
            if current in seen:
                raise _fail(
                    loaded,
                    ["clauses", index[start], "parent"],
                    f"clause '{start}' is part of a parent cycle",
                )
            visited.append(current)
            seen.add(current)
            current = parents[current]
        reaches_root.update(visited)


def _tree_order(
    spec: CatalogueFile, children: dict[str, list[str]], parents: dict[str, str | None]
) -> list[str]:
    """Depth-first order, roots and siblings as listed: how a reader expects the tree."""
    order: list[str] = []
    # An explicit stack: a parent chain may be longer than Python's recursion limit.
    stack = [c.id for c in reversed(spec.clauses) if parents[c.id] is None]
    while stack:
        clause_id = stack.pop()
        order.append(clause_id)
        stack.extend(reversed(children[clause_id]))
    return order
