"""``iso20k report``: the gap-analysis report for the client, in one format.

Annotations are not postponed, for typer (see check.py).
"""

from pathlib import Path
from typing import Annotated

import typer

from iso20k_cli import formats
from iso20k_cli.cli.options import (
    AllowEmptyOption,
    AsOfOption,
    CatalogueOption,
    ConfigOption,
    EvidenceDirArgument,
    NoCacheOption,
    OutputOption,
    ReportFormat,
    parse_date,
)
from iso20k_cli.cli.result import Output, Result


def report(
    evidence_dir: EvidenceDirArgument,
    report_format: Annotated[
        ReportFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="html (the default, unless the --output suffix names another), md or docx "
            "for the report; csv or xlsx for its action plan.",
        ),
    ] = None,
    output: OutputOption = None,
    as_of: AsOfOption = None,
    catalogue: CatalogueOption = None,
    config: ConfigOption = None,
    audit_date: Annotated[
        str | None,
        typer.Option(
            "--audit-date",
            metavar="YYYY-MM-DD",
            help="Planned date of the Stage 1 audit, which turns action targets into dates "
            "(default: audit_date in the configuration).",
        ),
    ] = None,
    template_dir: Annotated[
        Path | None,
        typer.Option(
            "--template-dir",
            file_okay=False,
            help="Jinja2 templates here replace the shipped ones of the same name (md, html).",
        ),
    ] = None,
    no_cache: NoCacheOption = False,
    allow_empty: AllowEmptyOption = False,
) -> Result:
    """Write a gap-analysis report for the client: summary, findings, strengths, action plan."""
    from iso20k_cli.cli.run import require_evidence, run_folder
    from iso20k_cli.render.report.context import report_context
    from iso20k_cli.render.report.templates import check_template_dir
    from iso20k_cli.render.report.view import build_report

    chosen = _chosen(report_format, output)
    if chosen.binary and output is None:
        raise typer.BadParameter(
            f"--format {chosen} writes a binary file: give --output FILE", param_hint="'--output'"
        )
    parsed_audit_date = parse_date(audit_date) if audit_date is not None else None
    check_template_dir(template_dir)
    run = run_folder(evidence_dir, as_of, catalogue, config, no_cache=no_cache, read_logo=True)
    require_evidence(run.assessment, allow_empty)
    context = report_context(run.settings, run.logo, template_dir, parsed_audit_date)
    content = chosen.render()(
        build_report(run.assessment, context.audit_date, run.catalogue), context
    )
    written = () if output is None else (f"wrote the {chosen.document} ({chosen}) to {output}",)
    return Result((Output(content, output, evidence_dir, chosen.verbatim),), written)


def _chosen(name: str | None, output: Path | None) -> formats.Format:
    """``--format``, else the format the ``--output`` suffix names, else HTML."""
    if name is not None:
        return formats.get("report", name)
    named = formats.from_suffix("report", output) if output is not None else None
    return named or formats.get("report", "html")
