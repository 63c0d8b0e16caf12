"""``iso20k check``: assess a folder, print the result in one format, and gate on it.

Like every command module, this one does not postpone its annotations: typer reads
them to build the command line, and evaluating them from strings took about a third of
that time. Names imported only for type checking are quoted instead; what the command
runs is imported when it runs, so that ``--help`` stays light.
"""

import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from iso20k_cli import formats
from iso20k_cli.cli.destination import choose_format, require_fitting_name
from iso20k_cli.cli.options import (
    AllowEmptyOption,
    AnswersOption,
    AsOfOption,
    CatalogueOption,
    CheckFormat,
    ConfigOption,
    EvidenceDirArgument,
    ExitZeroOption,
    GitOption,
    NoCacheOption,
    OutputOption,
)
from iso20k_cli.cli.result import Output, Result
from iso20k_cli.severity import Severity

if TYPE_CHECKING:
    from iso20k_cli.assess.model import Assessment
    from iso20k_cli.history.compare import Comparison


def check(
    evidence_dir: EvidenceDirArgument,
    output_format: Annotated[
        CheckFormat | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="table for people (the default, unless the --output suffix names another; "
            "github under GitHub Actions), json for machines, sarif for code scanning, junit "
            "for test reports, github for workflow annotations, md for a pull-request comment.",
        ),
    ] = None,
    output: OutputOption = None,
    as_of: AsOfOption = None,
    catalogue: CatalogueOption = None,
    config: ConfigOption = None,
    fail_under: Annotated[
        float | None,
        typer.Option(
            "--fail-under",
            min=0,
            max=100,
            metavar="SCORE",
            help="Exit 1 when the overall score is under SCORE (0-100).",
        ),
    ] = None,
    fail_on: Annotated[
        Severity | None,
        typer.Option(
            "--fail-on",
            metavar="SEVERITY",
            case_sensitive=False,
            help="Lowest severity that fails the run: major (default, or fail_on in the "
            "configuration), minor or observation. With --baseline, only new findings of "
            "that severity or above count.",
        ),
    ] = None,
    baseline: Annotated[
        Path | None,
        typer.Option(
            "--baseline",
            metavar="FILE",
            dir_okay=False,
            help="A JSON result of an earlier run: fail only on what got worse since it.",
        ),
    ] = None,
    write_baseline: Annotated[
        Path | None,
        typer.Option(
            "--write-baseline",
            metavar="FILE",
            dir_okay=False,
            help="Also save this run's JSON result to FILE, as a baseline for later runs.",
        ),
    ] = None,
    exit_zero: ExitZeroOption = False,
    depth: Annotated[
        int,
        typer.Option(
            "--depth", metavar="N", min=1, max=6, help="Clause levels shown in the table."
        ),
    ] = 2,
    max_findings: Annotated[
        int,
        typer.Option(
            "--max-findings", metavar="N", min=0, help="Findings shown in the table (0: all)."
        ),
    ] = 10,
    answers: AnswersOption = None,
    no_cache: NoCacheOption = False,
    git: GitOption = False,
    allow_empty: AllowEmptyOption = False,
) -> Result:
    """Assess an evidence folder: readiness per clause, verdicts and findings."""
    from iso20k_cli.cli.run import require_evidence, run_folder
    from iso20k_cli.history.baseline import SavedResult, load_result, require_same_catalogue
    from iso20k_cli.history.compare import compare
    from iso20k_cli.history.gate import evaluate_gate
    from iso20k_cli.render.context import RenderContext, TerminalOptions
    from iso20k_cli.render.gate import gate_reasons
    from iso20k_cli.render.jsonout import json_chunks

    # A misnamed output or a bad baseline is reported before the folder is read, not after.
    chosen = choose_format(
        "check", output_format, output, default_format(os.environ, to_stdout=output is None)
    )
    if write_baseline is not None:
        require_fitting_name(formats.get("check", "json"), write_baseline, "--write-baseline")
    saved = load_result(baseline) if baseline is not None else None
    run = run_folder(
        evidence_dir, as_of, catalogue, config, fail_under, no_cache, answers=answers, git=git
    )
    assessment = run.assessment
    require_evidence(assessment, allow_empty)
    comparison = None
    if saved is not None and baseline is not None:
        current = SavedResult.of(assessment)
        require_same_catalogue(saved, current, baseline)
        comparison = compare(saved, current)
    context = RenderContext(
        TerminalOptions(depth, max_findings), comparison, run.catalogue.standard.tags
    )
    outputs = []
    if write_baseline is not None:
        outputs.append(Output(json_chunks(assessment), write_baseline, evidence_dir))
    content = chosen.render()(assessment, context)
    outputs.append(Output(content, output, evidence_dir, chosen.verbatim))
    notes = () if comparison is None else (_compared(assessment, comparison, baseline),)
    gate = evaluate_gate(assessment, fail_on or assessment.parameters.fail_on, comparison)
    failing = () if exit_zero else gate_reasons(gate)
    return Result(tuple(outputs), notes, failing)


def default_format(environ: Mapping[str, str], to_stdout: bool) -> str:
    """``github`` under GitHub Actions, where stdout becomes annotations; else ``table``.

    Workflow commands only work on a step's stdout, so a file asked for with
    ``--output`` keeps the table.
    """
    if to_stdout and environ.get("GITHUB_ACTIONS") == "true":
        return "github"
    return "table"


def _compared(assessment: "Assessment", comparison: "Comparison", baseline: Path | None) -> str:
    from iso20k_cli.render.wording import delta_text, plural, score_precise

    before, after = comparison.before.score, assessment.score
    return (
        f"compared with {baseline}: readiness {score_precise(before)} -> {score_precise(after)} "
        f"({delta_text(before, after)}), {plural(len(comparison.new_findings), 'new finding')}, "
        f"{len(comparison.resolved_findings)} resolved"
    )
