"""The ``iso20k`` command line: argument parsing and wiring only."""

from __future__ import annotations

import datetime as dt
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console

from iso20k_cli import __version__
from iso20k_cli.assess.model import Assessment
from iso20k_cli.catalogue.loader import load_catalogue
from iso20k_cli.errors import Iso20kError
from iso20k_cli.output import emit, plain_text, scan_progress, stderr_console, write_atomically
from iso20k_cli.pipeline import RunOptions, gate_exit_code, run_assessment
from iso20k_cli.render.catalogue import render_catalogue
from iso20k_cli.render.jsonout import render_json
from iso20k_cli.render.terminal import TerminalOptions, render_terminal

EXIT_OK, EXIT_GATE, EXIT_INPUT, EXIT_INTERNAL = 0, 1, 2, 3

EXIT_CODES_HELP = (
    "Exit codes: 0 no major finding and the score is not under --fail-under; "
    "1 a major finding remains or the score is under --fail-under; "
    "2 usage or input error (missing folder, bad catalogue or configuration); "
    "3 internal error (a bug: please report it)."
)

app = typer.Typer(
    name="iso20k",
    help="Measure readiness for an ISO/IEC 20000-1:2018 certification audit from the "
    "evidence an organisation actually has.",
    epilog=EXIT_CODES_HELP,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
catalogue_app = typer.Typer(
    help="Browse and validate requirements catalogues.", no_args_is_help=True
)
app.add_typer(catalogue_app, name="catalogue")


class OutputFormat(StrEnum):
    TABLE = "table"
    JSON = "json"


def _fail(error: Iso20kError) -> NoReturn:
    stderr_console().print(f"iso20k: error: {error}", markup=False, soft_wrap=True)
    raise typer.Exit(EXIT_INPUT)


def _parse_as_of(value: str | None) -> dt.date:
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"'{value}' is not a date in the form YYYY-MM-DD") from None


def _version(value: bool) -> None:
    if value:
        typer.echo(f"iso20k {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Measure readiness for an ISO/IEC 20000-1:2018 certification audit."""


# Options shared by every command that assesses a folder, declared once.
EvidenceDirArgument = Annotated[
    Path, typer.Argument(help="The evidence folder to assess (read, never modified).")
]
CatalogueOption = Annotated[
    Path | None,
    typer.Option(
        "--catalogue",
        help="Requirements catalogue YAML (default: the shipped ISO/IEC 20000-1:2018 one).",
        dir_okay=False,
    ),
]
AsOfOption = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        metavar="YYYY-MM-DD",
        help="Assessment date (default: today); fixes results for reproducibility.",
    ),
]
ConfigOption = Annotated[
    Path | None,
    typer.Option(
        "--config",
        help="Configuration file (default: .iso20k.yaml in the "
        "evidence folder, else in the working directory).",
        dir_okay=False,
    ),
]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Write the result to this file instead of stdout.",
        dir_okay=False,
    ),
]


def _assess_or_exit(
    evidence_dir: Path,
    as_of: str | None,
    catalogue: Path | None,
    config: Path | None,
    fail_under: float | None = None,
) -> Assessment:
    """Run the pipeline with a progress bar on stderr; bad input exits 2 with a message."""
    options = RunOptions(evidence_dir, _parse_as_of(as_of), catalogue, config, fail_under)
    try:
        with scan_progress(stderr_console()) as progress:
            return run_assessment(options, progress)
    except Iso20kError as error:
        _fail(error)


@app.command(epilog=EXIT_CODES_HELP)
def check(
    evidence_dir: EvidenceDirArgument,
    output_format: Annotated[
        OutputFormat,
        typer.Option("--format", "-f", help="table for people, json for machines."),
    ] = OutputFormat.TABLE,
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
    exit_zero: Annotated[
        bool, typer.Option("--exit-zero", help="Report without failing: exit 0 unless an error.")
    ] = False,
    depth: Annotated[
        int, typer.Option("--depth", min=1, max=6, help="Clause levels shown in the table.")
    ] = 2,
    max_findings: Annotated[
        int, typer.Option("--max-findings", min=0, help="Findings shown in the table (0: all).")
    ] = 10,
) -> None:
    """Assess an evidence folder: readiness per clause, verdicts and findings."""
    assessment = _assess_or_exit(evidence_dir, as_of, catalogue, config, fail_under)
    try:
        _deliver(
            assessment, output_format, output, evidence_dir, TerminalOptions(depth, max_findings)
        )
    except Iso20kError as error:
        _fail(error)
    raise typer.Exit(EXIT_OK if exit_zero else gate_exit_code(assessment))


def _deliver(
    assessment: Assessment,
    output_format: OutputFormat,
    output: Path | None,
    evidence_dir: Path,
    table_options: TerminalOptions,
) -> None:
    """Render in the chosen format to stdout or, atomically, to ``--output``."""
    if output_format is OutputFormat.JSON:
        text = render_json(assessment)
    else:

        def draw(console: Console, plain: bool) -> None:
            render_terminal(assessment, console, table_options, plain)

        if output is None:
            emit(draw)
            return
        text = plain_text(draw)
    if output is None:
        sys.stdout.write(text)
    else:
        write_atomically(output, text, forbidden_root=evidence_dir)


@catalogue_app.command("validate")
def catalogue_validate(
    file: Annotated[Path, typer.Argument(help="Catalogue YAML file to check.", dir_okay=False)],
) -> None:
    """Check a catalogue file; errors name the file and line. Exit 0 when valid, 2 when not."""
    try:
        loaded = load_catalogue(file)
    except Iso20kError as error:
        _fail(error)
    mandatory = sum(1 for i in loaded.items if i.mandatory)
    typer.echo(
        f"{file}: valid: {len(loaded.clauses)} clauses, {len(loaded.items)} items "
        f"({mandatory} mandatory)"
    )


@catalogue_app.command("show")
def catalogue_show(
    clause: Annotated[
        str | None, typer.Argument(help="A clause id (e.g. 8.6.1) or item id to show in full.")
    ] = None,
    catalogue: CatalogueOption = None,
) -> None:
    """Browse the catalogue: the clause tree, or one clause or item with what it expects."""
    try:
        loaded = load_catalogue(catalogue)
    except Iso20kError as error:
        _fail(error)
    if (
        clause is not None
        and clause not in loaded.clauses_by_id
        and clause not in loaded.items_by_id
    ):
        stderr_console().print(
            f"iso20k: error: '{clause}' is neither a clause nor an item of {loaded.path}",
            markup=False,
        )
        raise typer.Exit(EXIT_INPUT)
    emit(lambda console, _plain: render_catalogue(loaded, clause, console))


def main() -> None:
    """Entry point: no traceback reaches the user, and a crash is never reported as exit 1."""
    try:
        app()
    except SystemExit:
        raise
    except KeyboardInterrupt:
        stderr_console().print("iso20k: interrupted")
        sys.exit(130)
    except Exception as exc:
        if os.environ.get("ISO20K_DEBUG"):
            raise
        stderr_console().print(
            f"iso20k: internal error: {type(exc).__name__}: {exc}\n"
            "This is a bug in iso20k; rerun with ISO20K_DEBUG=1 for details and please report it.",
            markup=False,
        )
        sys.exit(EXIT_INTERNAL)
