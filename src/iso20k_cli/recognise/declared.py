"""Links a file declares itself (front matter or the evidence manifest): item or clause ids."""

from __future__ import annotations

from iso20k_cli.catalogue.model import Catalogue, Item, Kind
from iso20k_cli.catalogue.search import nearest_ids
from iso20k_cli.evidence.model import EvidenceFile
from iso20k_cli.recognise.model import Link, MatchedBy


def declared(catalogue: Catalogue, file: EvidenceFile) -> tuple[tuple[Link, ...], tuple[str, ...]]:
    """The links a file declares, and warnings for ids that are neither clause nor item.

    A declaration is taken as complete: a declaring file is linked to nothing else."""
    links: list[Link] = []
    warnings: list[str] = []
    for ref in file.declared:
        if ref in catalogue.items_by_id:
            links.append(Link(ref, file.path, MatchedBy.DECLARED, f"declares item {ref}", True))
        elif ref in catalogue.clauses_by_id:
            for item in _items_for_declared_clause(catalogue, ref, file):
                links.append(
                    Link(item.id, file.path, MatchedBy.DECLARED, f"declares clause {ref}", True)
                )
        else:
            warnings.append(unknown_id(catalogue, ref))
    return tuple(links), tuple(warnings)


def unknown_id(catalogue: Catalogue, ref: str) -> str:
    """The warning for a declared id that is neither a clause nor an item: the nearest ids."""
    nearest = nearest_ids(catalogue, ref)
    if nearest:
        guess = " or ".join(f"'{i}'" for i in nearest)
        hint = f"; did you mean {guess}?"
    else:
        hint = "; 'iso20k catalogue show' lists the ids"
    return (
        f"declares that it satisfies '{ref}', which is not a clause or item id of the "
        f"catalogue{hint}"
    )


def _items_for_declared_clause(
    catalogue: Catalogue, clause_id: str, file: EvidenceFile
) -> list[Item]:
    """Items of a clause a file declares: records if it looks like a record, and so on.

    A file with record dates and no document control is a record; one with
    document control is a document; a file with neither satisfies every item.
    """
    items = [catalogue.item(i) for i in catalogue.clause(clause_id).items]
    if len(items) <= 1:
        return items
    control = file.control
    is_document = control.status is not None or control.approved is not None
    wanted: Kind | None
    if is_document:
        wanted = Kind.DOCUMENT
    elif file.record_dates:
        wanted = Kind.RECORD
    else:
        wanted = None
    chosen = [i for i in items if wanted is None or i.kind is wanted]
    return chosen or items
