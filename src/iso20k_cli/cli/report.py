"""``iso20k report``: the gap-analysis report for the client, in one format.

Annotations are not postponed, for typer (see check.py).
"""

import sys
from pathlib import Path
from typing import Annotated

import typer

from iso20k_cli.cli.destination import choose_format, require_destination
from iso20k_cli.cli.options import (
    AllowEmptyOption,
    AnswersOption,
    AsOfOption,
    CatalogueOption,
    ConfigOption,
    EvidenceDirArgument,
    GitOption,
    NoCacheOption,
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
            metavar="FORMAT",
            help="html (the default, unless the --output suffix names another), pdf (with "
            'pip install "iso20k[pdf]"), md or docx for the report; csv or xlsx for its '
            "action plan.",
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write the report to this file; its suffix names the format when --format "
            "is not given, and must not name another. Needed for pdf, docx and xlsx, and "
            "in a terminal; otherwise the report goes to stdout, for a pipe.",
            dir_okay=False,
        ),
    ] = None,
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
            metavar="DIR",
            file_okay=False,
            help="Jinja2 templates here replace the shipped ones of the same name (md, html).",
        ),
    ] = None,
    answers: AnswersOption = None,
    no_cache: NoCacheOption = False,
    git: GitOption = False,
    allow_empty: AllowEmptyOption = False,
) -> Result:
    """Write a gap-analysis report for the client: summary, findings, strengths, action plan.

    For example: iso20k report sms -o report.html, -o report.pdf (after pip install
    "iso20k[pdf]"), -o report.docx, or -o action-plan.xlsx for the action plan alone."""
    from iso20k_cli.cli.run import require_evidence, run_folder
    from iso20k_cli.render.report.context import report_context
    from iso20k_cli.render.report.templates import check_template_dir
    from iso20k_cli.render.report.view import build_report

    chosen = choose_format("report", report_format, output, "html")
    require_destination(chosen, output, sys.stdout.isatty())
    if chosen.name == "pdf":
        # Without the extra the run would be wasted: said before the folder is read.
        from iso20k_cli.render.report.pdf_report import engine

        engine()
    parsed_audit_date = parse_date(audit_date) if audit_date is not None else None
    check_template_dir(template_dir)
    run = run_folder(
        evidence_dir,
        as_of,
        catalogue,
        config,
        no_cache=no_cache,
        read_logo=True,
        answers=answers,
        git=git,
    )
    require_evidence(run.assessment, allow_empty)
    context = report_context(run.settings, run.logo, template_dir, parsed_audit_date)
    content = chosen.render()(
        build_report(run.assessment, context.audit_date, run.catalogue), context
    )
    written = () if output is None else (f"wrote the {chosen.document} ({chosen}) to {output}",)
    return Result((Output(content, output, evidence_dir, chosen.verbatim),), written)
