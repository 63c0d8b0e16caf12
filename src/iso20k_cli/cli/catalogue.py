"""``iso20k catalogue``: browse, document and validate requirements catalogues.

Annotations are not postponed, for typer (see check.py).
"""

from pathlib import Path
from typing import Annotated

import typer

from iso20k_cli.cli.options import CatalogueOption
from iso20k_cli.cli.result import Output, Result
from iso20k_cli.errors import Iso20kError


def validate(
    file: Annotated[Path, typer.Argument(help="Catalogue YAML file to check.", dir_okay=False)],
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
        str | None, typer.Argument(help="A clause id (e.g. 8.6.1) or item id to show in full.")
    ] = None,
    catalogue: CatalogueOption = None,
) -> Result:
    """Browse the catalogue: the clause tree, or one clause or item with what it expects."""
    from iso20k_cli.catalogue.loader import load_catalogue
    from iso20k_cli.render.catalogue import render_catalogue

    loaded = load_catalogue(catalogue)
    if (
        clause is not None
        and clause not in loaded.clauses_by_id
        and clause not in loaded.items_by_id
    ):
        raise Iso20kError(f"'{clause}' is neither a clause nor an item of {loaded.path}")
    return Result((Output(lambda console, _plain: render_catalogue(loaded, clause, console)),))
