"""``iso20k interview``: the questionnaire for what the evidence cannot settle.

Annotations are not postponed, for typer (see check.py).
"""

import sys
from typing import Annotated

import typer

from iso20k_cli.cli.destination import choose_format, require_destination
from iso20k_cli.cli.options import (
    AnswersOption,
    AsOfOption,
    CatalogueOption,
    ConfigOption,
    EvidenceDirArgument,
    InterviewFormat,
    NoCacheOption,
    OutputOption,
)
from iso20k_cli.cli.result import Output, Result


def interview(
    evidence_dir: EvidenceDirArgument,
    interview_format: Annotated[
        InterviewFormat | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="md to read (the default, unless the --output suffix names another), or "
            "xlsx: a workbook to fill in during the interview, with a list of answers.",
        ),
    ] = None,
    output: OutputOption = None,
    as_of: AsOfOption = None,
    catalogue: CatalogueOption = None,
    config: ConfigOption = None,
    answers: AnswersOption = None,
    no_cache: NoCacheOption = False,
) -> Result:
    """Write the interview questionnaire: clauses judged by interview, conditions the
    evidence does not settle, and gaps an auditor will ask about, with who to ask.

    Example: iso20k interview evidence/ -o questions.xlsx; fill in the answers, then
    iso20k check evidence/ --answers questions.xlsx."""
    from iso20k_cli.assess.interview import questionnaire
    from iso20k_cli.cli.run import run_folder

    chosen = choose_format("interview", interview_format, output, "md")
    require_destination(chosen, output, sys.stdout.isatty())
    run = run_folder(evidence_dir, as_of, catalogue, config, no_cache=no_cache, answers=answers)
    content = chosen.render()(questionnaire(run.catalogue, run.assessment))
    written = () if output is None else (f"wrote the {chosen.document} ({chosen}) to {output}",)
    return Result((Output(content, output, evidence_dir, chosen.verbatim),), written)
