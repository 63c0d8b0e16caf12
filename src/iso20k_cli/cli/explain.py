"""``iso20k explain``: how one clause or item was judged, and why.

Annotations are not postponed, for typer (see check.py).
"""

from typing import TYPE_CHECKING, Annotated

import typer

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


def explain(
    evidence_dir: EvidenceDirArgument,
    target: Annotated[
        str,
        typer.Argument(
            metavar="CLAUSE_OR_ITEM",
            help="A clause id (8.7.2), an item id (continuity-plan) or a finding id "
            "(continuity-plan:approved).",
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
    from iso20k_cli.cli.run import run_folder
    from iso20k_cli.render.explain import render_explanation

    run = run_folder(
        evidence_dir, as_of, catalogue, config, no_cache=no_cache, answers=answers, git=git
    )
    resolved = resolve_target(run.catalogue, target)
    if resolved is None:
        raise Iso20kError(
            f"'{target}' is neither a clause, an item nor a finding of "
            f"{run.catalogue.path}; 'iso20k catalogue show' lists them"
        )

    explanation = explanation_of(run.catalogue, run.assessment, resolved)

    def draw(console: "Console", _plain: bool) -> None:
        render_explanation(explanation, console)

    return Result((Output(draw),))
