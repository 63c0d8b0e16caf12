"""``iso20k catalogue``: browse, document and validate requirements catalogues.

Annotations are not postponed, for typer (see check.py).
"""

from pathlib import Path
from typing import Annotated

import typer

from iso20k_cli.cli.completion import complete_ids
from iso20k_cli.cli.options import CatalogueOption
from iso20k_cli.cli.result import Output, Result
from iso20k_cli.errors import Iso20kError


def validate(
    file: Annotated[
        Path, typer.Argument(metavar="FILE", help="Catalogue YAML file to check.", dir_okay=False)
    ],
) -> Result:
    """Check a catalogue file; errors name the file and line. Exit 0 when valid, 2 when not."""
    from iso20k_cli.catalogue.loader import load_catalogue
    from iso20k_cli.text.counts import plural

    loaded = load_catalogue(file)
    mandatory = sum(1 for i in loaded.items if i.mandatory)
    summary = (
        f"{plural(len(loaded.clauses), 'clause')}, {plural(len(loaded.items), 'item')} "
        f"({mandatory} mandatory)"
    )
    return Result((Output(f"{file}: valid: {summary}\n"),))


def checks() -> Result:
    """Document every check type a catalogue item can declare, with its parameters."""
    from iso20k_cli.checks.registry import documentation
    from iso20k_cli.render.catalogue import render_check_docs

    docs = documentation()
    return Result((Output(lambda console, _plain: render_check_docs(docs, console)),))


def show(
    clause: Annotated[
        str | None,
        typer.Argument(
            metavar="ID_OR_WORDS",
            help="A clause id (8.6.1) or item id (incident-management-procedure) to show "
            "in full; other words search titles, ids and the catalogue's vocabulary "
            "('incident', 'BCP'). Without it: every clause and the ids of its items.",
            autocompletion=complete_ids,
        ),
    ] = None,
    catalogue: CatalogueOption = None,
) -> Result:
    """Browse the catalogue: the clause tree with item ids, one clause or item with what it
    expects, or the clauses and items a word finds.

    Examples: 'iso20k catalogue show', 'iso20k catalogue show 8.6.1',
    'iso20k catalogue show incident', 'iso20k catalogue show BCP'."""
    from iso20k_cli.catalogue.loader import load_catalogue
    from iso20k_cli.catalogue.search import nearest_ids, search
    from iso20k_cli.render.catalogue import render_catalogue, render_matches
    from iso20k_cli.render.wording import did_you_mean

    loaded = load_catalogue(catalogue)
    if clause is None or clause in loaded.clauses_by_id or clause in loaded.items_by_id:
        return Result((Output(lambda console, _plain: render_catalogue(loaded, clause, console)),))
    query = clause
    matches = search(loaded, query)
    if not matches:
        guess = did_you_mean(nearest_ids(loaded, query))
        raise Iso20kError(
            f"'{query}' is neither a clause nor an item of {loaded.path}, and no title or "
            f"id holds those words{'; ' + guess if guess else ''}"
        )
    return Result(
        (Output(lambda console, _plain: render_matches(loaded, query, matches, console)),)
    )
