"""``iso20k diff``: what improved and what regressed between two saved results.

Annotations are not postponed, for typer (see check.py).
"""

from pathlib import Path
from typing import Annotated

import typer

from iso20k_cli.cli.destination import choose_format
from iso20k_cli.cli.options import DiffFormat, ExitZeroOption, OutputOption
from iso20k_cli.cli.result import Output, Result
from iso20k_cli.severity import Severity


def diff(
    old: Annotated[
        Path,
        typer.Argument(metavar="OLD", help="The earlier JSON result (iso20k check --format json)."),
    ],
    new: Annotated[Path, typer.Argument(metavar="NEW", help="The later JSON result.")],
    output_format: Annotated[
        DiffFormat | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="text for people (the default, unless the --output suffix names another), "
            "json for machines.",
        ),
    ] = None,
    output: OutputOption = None,
    fail_on: Annotated[
        Severity,
        typer.Option(
            "--fail-on",
            metavar="SEVERITY",
            case_sensitive=False,
            help="Lowest severity of a new finding that counts as worse: major (default), "
            "minor or observation.",
        ),
    ] = Severity.MAJOR,
    exit_zero: ExitZeroOption = False,
) -> Result:
    """What improved and what regressed between two results, per clause (no folder is read)."""
    from iso20k_cli.history.baseline import load_result, require_same_catalogue
    from iso20k_cli.history.compare import compare
    from iso20k_cli.history.gate import regressions
    from iso20k_cli.render.gate import regression_text

    chosen = choose_format("diff", output_format, output, "text")
    before, after = load_result(old), load_result(new)
    require_same_catalogue(before, after, old)
    comparison = compare(before, after)
    text = chosen.render()(comparison, str(old), str(new))
    failing = () if exit_zero else tuple(map(regression_text, regressions(comparison, fail_on)))
    return Result((Output(text, output, verbatim=chosen.verbatim),), failing=failing)
