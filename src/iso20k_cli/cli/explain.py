"""``iso20k explain``: how one clause or item was judged, and why.

Annotations are not postponed, for typer (see check.py).
"""

from typing import TYPE_CHECKING, Annotated

import typer

from iso20k_cli.cli.completion import complete_ids
from iso20k_cli.cli.options import (
    AnswersOption,
    AsOfOption,
    CatalogueOption,
    ConfigOption,
    EvidenceDirArgument,
    GitOption,
    NoCacheOption,
)
from iso20k_cli.cli.result import Output, Result
from iso20k_cli.errors import Iso20kError

if TYPE_CHECKING:
    from rich.console import Console

    from iso20k_cli.catalogue.model import Catalogue


def explain(
    evidence_dir: EvidenceDirArgument,
    target: Annotated[
        str,
        typer.Argument(
            metavar="CLAUSE_OR_ITEM",
            help="A clause id (8.7.2), an item id (continuity-plan) or a finding id "
            "(continuity-plan:approved).",
            autocompletion=complete_ids,
        ),
    ],
    as_of: AsOfOption = None,
    catalogue: CatalogueOption = None,
    config: ConfigOption = None,
    answers: AnswersOption = None,
    no_cache: NoCacheOption = False,
    git: GitOption = False,
) -> Result:
    """Explain one clause or item: the evidence considered and how each file was recognised,
    every check that ran, and how the status and score followed. Exit 0, or 2 on bad input."""
    from iso20k_cli.assess.explain import explanation_of, resolve_target
    from iso20k_cli.cli.run import nothing_recognised, run_folder
    from iso20k_cli.render.explain import render_explanation
    from iso20k_cli.render.wording import did_you_mean

    run = run_folder(
        evidence_dir, as_of, catalogue, config, no_cache=no_cache, answers=answers, git=git
    )
    resolved = resolve_target(run.catalogue, target)
    if resolved is None:
        guess = did_you_mean(suggestions(run.catalogue, target))
        raise Iso20kError(
            f"'{target}' is neither a clause, an item nor a finding of "
            f"{run.catalogue.path}; {guess + ' ' if guess else ''}"
            "'iso20k catalogue show WORDS' searches them"
        )

    explanation = explanation_of(run.catalogue, run.assessment, resolved, run.settings.tuned)

    def draw(console: "Console", _plain: bool) -> None:
        render_explanation(explanation, console)

    # Explaining an item is how one learns why a file was not recognised: an empty
    # result is not refused here, only pointed out.
    empty = nothing_recognised(run.assessment)
    return Result((Output(draw),), () if empty is None else (f"warning: {empty}",))


def suggestions(catalogue: "Catalogue", target: str) -> list[str]:
    """Ids a mistyped target may have meant: the nearest ids, else items its words find."""
    from iso20k_cli.catalogue.search import SUGGESTIONS, nearest_ids, search

    item_part = target.split(":", 1)[0]
    return nearest_ids(catalogue, item_part) or [
        i.id for i in search(catalogue, item_part).items[:SUGGESTIONS]
    ]
