"""The ``iso20k`` command line: argument parsing and wiring only.

Only typer and light modules (errors, formats, severity) are imported here, so that
``--help`` and ``--version`` answer without loading the pipeline, pydantic, the
templates or the Office readers; each command imports what it uses when it runs.
tests/test_startup.py holds the line.

Unlike the other modules, this one does not postpone its annotations: typer reads every
command's annotations to build the command line, and evaluating them from strings took
about a third of that time. Names imported only for type checking are quoted instead.
"""

import datetime as dt
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from iso20k_cli import __version__
from iso20k_cli.errors import Iso20kError
from iso20k_cli.formats import DiffFormat, OutputFormat, ReportFormat
from iso20k_cli.severity import Severity

if TYPE_CHECKING:
    from iso20k_cli.assess.model import Assessment
    from iso20k_cli.assess.pipeline import Run
    from iso20k_cli.history.baseline import SavedResult
    from iso20k_cli.history.compare import Comparison
    from iso20k_cli.history.gate import GateResult
    from iso20k_cli.render.context import RenderContext

EXIT_OK, EXIT_GATE, EXIT_INPUT, EXIT_INTERNAL = 0, 1, 2, 3

EXIT_CODES_HELP = (
    "Exit codes: 0 the gate passed; "
    "1 a major finding remains (with --fail-on minor or observation: a finding of that "
    "severity or above), or, with --baseline, something got worse (a new such finding, a "
    "lower score, a worse clause or item status), or the score is under --fail-under; "
    "2 usage or input error (missing folder, bad catalogue, configuration or baseline); "
    "3 internal error (a bug: please report it)."
)
DIFF_EXIT_CODES_HELP = (
    "Exit codes: 0 nothing got worse; 1 something got worse (a new finding at or above "
    "--fail-on, a lower score, a worse clause or item status); 2 a file is missing or is "
    "not a JSON result of iso20k check; 3 internal error."
)

# Typer coerces each group's --help flag through pydantic even when the flag is absent
# (its value is then None, not False), so `iso20k check --help` would load pydantic
# only to learn that `iso20k --help` was not asked for. A default of False skips that.
# One entry for the root and one per sub-app, by its name.
HELP_FLAG_DEFAULTS = {"help": False, "catalogue": {"help": False}, "cache": {"help": False}}

app = typer.Typer(
    name="iso20k",
    help="Measure readiness for an ISO/IEC 20000-1:2018 certification audit from the "
    "evidence an organisation actually has.",
    epilog=EXIT_CODES_HELP,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"default_map": HELP_FLAG_DEFAULTS},
)
catalogue_app = typer.Typer(
    help="Browse and validate requirements catalogues.", no_args_is_help=True
)
app.add_typer(catalogue_app, name="catalogue")
cache_app = typer.Typer(
    help="The cache of what earlier runs read, which makes a run on an unchanged folder fast.",
    no_args_is_help=True,
)
app.add_typer(cache_app, name="cache")


def _fail(error: Iso20kError) -> NoReturn:
    from iso20k_cli.cli.output import stderr_console

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
NoCacheOption = Annotated[
    bool,
    typer.Option(
        "--no-cache",
        help="Read every file and the catalogue afresh, and keep nothing for later runs.",
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


def _run_or_exit(
    evidence_dir: Path,
    as_of: str | None,
    catalogue: Path | None,
    config: Path | None,
    fail_under: float | None = None,
    no_cache: bool = False,
    read_logo: bool = False,
) -> "Run":
    """Run the pipeline with a progress bar on stderr; bad input exits 2 with a message."""
    from iso20k_cli.assess.pipeline import RunOptions, run_pipeline
    from iso20k_cli.cli.output import scan_progress, stderr_console

    options = RunOptions(
        evidence_dir,
        _parse_as_of(as_of),
        catalogue,
        config,
        fail_under,
        use_cache=not no_cache,
        read_logo=read_logo,
    )
    try:
        with scan_progress(stderr_console()) as progress:
            return run_pipeline(options, progress)
    except Iso20kError as error:
        _fail(error)


def _assess_or_exit(
    evidence_dir: Path,
    as_of: str | None,
    catalogue: Path | None,
    config: Path | None,
    fail_under: float | None = None,
    no_cache: bool = False,
) -> "Assessment":
    return _run_or_exit(evidence_dir, as_of, catalogue, config, fail_under, no_cache).assessment


FailOnOption = Annotated[
    Severity | None,
    typer.Option(
        "--fail-on",
        case_sensitive=False,
        help="Lowest severity that fails the run: major (default, or fail_on in the "
        "configuration), minor or observation. With --baseline, only new findings of that "
        "severity or above count.",
    ),
]
ExitZeroOption = Annotated[
    bool, typer.Option("--exit-zero", help="Report without failing: exit 0 unless an error.")
]


def _load_result_or_exit(path: Path) -> "SavedResult":
    from iso20k_cli.history.baseline import load_result

    try:
        return load_result(path)
    except Iso20kError as error:
        _fail(error)


def _compare_or_exit(old: "SavedResult", new: "SavedResult", old_path: Path) -> "Comparison":
    from iso20k_cli.history.baseline import require_same_catalogue
    from iso20k_cli.history.compare import compare

    try:
        require_same_catalogue(old, new, old_path)
    except Iso20kError as error:
        _fail(error)
    return compare(old, new)


def _say(message: str) -> None:
    from iso20k_cli.cli.output import stderr_console

    stderr_console().print(f"iso20k: {message}", markup=False, soft_wrap=True)


def _finish(gate: "GateResult", exit_zero: bool) -> NoReturn:
    """Say why the run fails (on stderr, so machine output stays clean) and exit."""
    if exit_zero or not gate.failed:
        raise typer.Exit(EXIT_OK)
    for reason in gate.reasons:
        _say(f"failing: {reason}")
    raise typer.Exit(EXIT_GATE)


@app.command(epilog=EXIT_CODES_HELP)
def check(
    evidence_dir: EvidenceDirArgument,
    output_format: Annotated[
        OutputFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="table for people (the default; github under GitHub Actions), json for "
            "machines, sarif for code scanning, junit for test reports, github for "
            "workflow annotations, md for a pull-request comment.",
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
    fail_on: FailOnOption = None,
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
        int, typer.Option("--depth", min=1, max=6, help="Clause levels shown in the table.")
    ] = 2,
    max_findings: Annotated[
        int, typer.Option("--max-findings", min=0, help="Findings shown in the table (0: all).")
    ] = 10,
    no_cache: NoCacheOption = False,
) -> None:
    """Assess an evidence folder: readiness per clause, verdicts and findings."""
    from iso20k_cli.cli.output import write_atomically
    from iso20k_cli.history.baseline import SavedResult
    from iso20k_cli.history.gate import evaluate_gate
    from iso20k_cli.render.context import RenderContext
    from iso20k_cli.render.formats import default_format
    from iso20k_cli.render.jsonout import json_chunks
    from iso20k_cli.render.terminal import TerminalOptions
    from iso20k_cli.render.wording import delta_text, score_text

    # A bad baseline is reported before the folder is read, not after.
    saved = _load_result_or_exit(baseline) if baseline is not None else None
    assessment = _assess_or_exit(evidence_dir, as_of, catalogue, config, fail_under, no_cache)
    comparison = None
    if saved is not None and baseline is not None:
        comparison = _compare_or_exit(saved, SavedResult.of(assessment), baseline)
    chosen = output_format or default_format(os.environ, to_stdout=output is None)
    context = RenderContext(TerminalOptions(depth, max_findings), comparison)
    try:
        if write_baseline is not None:
            write_atomically(write_baseline, json_chunks(assessment), forbidden_root=evidence_dir)
        _deliver(assessment, chosen, output, evidence_dir, context)
    except Iso20kError as error:
        _fail(error)
    if comparison is not None:
        before = comparison.before.score
        _say(
            f"compared with {baseline}: readiness {score_text(before)} -> "
            f"{score_text(assessment.score)} ({delta_text(before, assessment.score)}), "
            f"{len(comparison.new_findings)} new finding(s), "
            f"{len(comparison.resolved_findings)} resolved"
        )
    threshold = fail_on or assessment.parameters.fail_on
    _finish(evaluate_gate(assessment, threshold, comparison), exit_zero)


def _deliver(
    assessment: "Assessment",
    output_format: OutputFormat,
    output: Path | None,
    evidence_dir: Path,
    context: "RenderContext",
) -> None:
    """Render in the chosen format to stdout or, atomically, to ``--output``."""
    from iso20k_cli.cli.output import emit, write_atomically
    from iso20k_cli.render.formats import render
    from iso20k_cli.render.jsonout import json_chunks
    from iso20k_cli.render.safe import terminal_safe
    from iso20k_cli.render.terminal import render_terminal

    if output_format is OutputFormat.TABLE and output is None:
        emit(lambda console, plain: render_terminal(assessment, console, context.table, plain))
        return
    if output_format is OutputFormat.JSON:
        # Written as it is encoded: a folder's worth of ``files`` is never one string.
        chunks = json_chunks(assessment)
        if output is None:
            sys.stdout.writelines(chunks)
        else:
            write_atomically(output, chunks, forbidden_root=evidence_dir)
        return
    text = render(output_format, assessment, context)
    if output is None:
        # JSON and SARIF escape control characters themselves; the text formats may
        # carry titles and names from the evidence to a terminal or a CI log.
        machine = output_format in (OutputFormat.JSON, OutputFormat.SARIF)
        sys.stdout.write(text if machine else terminal_safe(text))
    else:
        write_atomically(output, text, forbidden_root=evidence_dir)


@app.command(epilog=DIFF_EXIT_CODES_HELP)
def diff(
    old: Annotated[
        Path, typer.Argument(help="The earlier JSON result (iso20k check --format json).")
    ],
    new: Annotated[Path, typer.Argument(help="The later JSON result.")],
    output_format: Annotated[
        DiffFormat,
        typer.Option("--format", "-f", help="text for people, json for machines."),
    ] = DiffFormat.TEXT,
    output: OutputOption = None,
    fail_on: Annotated[
        Severity,
        typer.Option(
            "--fail-on",
            case_sensitive=False,
            help="Lowest severity of a new finding that counts as worse: major (default), "
            "minor or observation.",
        ),
    ] = Severity.MAJOR,
    exit_zero: ExitZeroOption = False,
) -> None:
    """What improved and what regressed between two results, per clause (no folder is read)."""
    from iso20k_cli.cli.output import write_atomically
    from iso20k_cli.history.gate import GateResult, regressions
    from iso20k_cli.render.diff import render_diff_json, render_diff_text
    from iso20k_cli.render.safe import terminal_safe

    before, after = _load_result_or_exit(old), _load_result_or_exit(new)
    comparison = _compare_or_exit(before, after, old)
    if output_format is DiffFormat.JSON:
        text = render_diff_json(comparison)
    else:
        text = terminal_safe(render_diff_text(comparison, str(old), str(new)))
    try:
        if output is None:
            sys.stdout.write(text)
        else:
            write_atomically(output, text)
    except Iso20kError as error:
        _fail(error)
    _finish(GateResult(regressions(comparison, fail_on)), exit_zero)


REPORT_EXIT_CODES_HELP = (
    "Exit codes: 0 the report was written (a report is not a gate; use check for that); "
    "2 usage or input error (missing folder, bad catalogue or configuration, missing logo "
    "or template folder, output that cannot be written); 3 internal error (a bug: please "
    "report it)."
)


@app.command(epilog=REPORT_EXIT_CODES_HELP)
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
) -> None:
    """Write a gap-analysis report for the client: summary, findings, strengths, action plan."""
    from iso20k_cli.cli.output import write_atomically, write_bytes_atomically
    from iso20k_cli.render.report import render_report
    from iso20k_cli.render.report.context import report_context
    from iso20k_cli.render.report.templates import check_template_dir
    from iso20k_cli.render.report.view import build_report

    suffix_format = ReportFormat.from_suffix(output) if output is not None else None
    chosen = report_format or suffix_format or ReportFormat.HTML
    if chosen.binary and output is None:
        raise typer.BadParameter(
            f"--format {chosen} writes a binary file: give --output FILE", param_hint="'--output'"
        )
    try:
        parsed_audit_date = _parse_as_of(audit_date) if audit_date is not None else None
        check_template_dir(template_dir)
    except Iso20kError as error:
        _fail(error)
    run = _run_or_exit(evidence_dir, as_of, catalogue, config, no_cache=no_cache, read_logo=True)
    context = report_context(run.settings, run.logo, template_dir, parsed_audit_date)
    assessment = run.assessment
    try:
        content = render_report(build_report(assessment, context.audit_date), chosen, context)
        if isinstance(content, bytes):
            assert output is not None  # binary formats require --output, checked above
            write_bytes_atomically(output, content, forbidden_root=evidence_dir)
        elif output is None:
            sys.stdout.write(content)
        else:
            write_atomically(output, content, forbidden_root=evidence_dir)
    except Iso20kError as error:
        _fail(error)
    if output is not None:
        what = "action plan" if chosen in (ReportFormat.CSV, ReportFormat.XLSX) else "report"
        _say(f"wrote the {what} ({chosen}) to {output}")


@app.command()
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
    no_cache: NoCacheOption = False,
) -> None:
    """Explain one clause or item: the evidence considered and how each file was recognised,
    every check that ran, and how the status and score followed. Exit 0, or 2 on bad input."""
    from iso20k_cli.assess.explain import explanation_of, resolve_target
    from iso20k_cli.cli.output import emit, stderr_console
    from iso20k_cli.render.explain import render_explanation

    run = _run_or_exit(evidence_dir, as_of, catalogue, config, no_cache=no_cache)
    resolved = resolve_target(run.catalogue, target)
    if resolved is None:
        stderr_console().print(
            f"iso20k: error: '{target}' is neither a clause, an item nor a finding of "
            f"{run.catalogue.path}; 'iso20k catalogue show' lists them",
            markup=False,
        )
        raise typer.Exit(EXIT_INPUT)
    explanation = explanation_of(run.catalogue, run.assessment, resolved)
    emit(lambda console, _plain: render_explanation(explanation, console))


@catalogue_app.command("validate")
def catalogue_validate(
    file: Annotated[Path, typer.Argument(help="Catalogue YAML file to check.", dir_okay=False)],
) -> None:
    """Check a catalogue file; errors name the file and line. Exit 0 when valid, 2 when not."""
    from iso20k_cli.catalogue.loader import load_catalogue

    try:
        loaded = load_catalogue(file)
    except Iso20kError as error:
        _fail(error)
    mandatory = sum(1 for i in loaded.items if i.mandatory)
    typer.echo(
        f"{file}: valid: {len(loaded.clauses)} clauses, {len(loaded.items)} items "
        f"({mandatory} mandatory)"
    )


@catalogue_app.command("checks")
def catalogue_checks() -> None:
    """Document every check type a catalogue item can declare, with its parameters."""
    from iso20k_cli.checks.registry import documentation
    from iso20k_cli.cli.output import emit
    from iso20k_cli.render.catalogue import render_check_docs

    emit(lambda console, _plain: render_check_docs(documentation(), console))


@catalogue_app.command("show")
def catalogue_show(
    clause: Annotated[
        str | None, typer.Argument(help="A clause id (e.g. 8.6.1) or item id to show in full.")
    ] = None,
    catalogue: CatalogueOption = None,
) -> None:
    """Browse the catalogue: the clause tree, or one clause or item with what it expects."""
    from iso20k_cli.catalogue.loader import load_catalogue
    from iso20k_cli.cli.output import emit, stderr_console
    from iso20k_cli.render.catalogue import render_catalogue

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


@cache_app.command("info")
def cache_info() -> None:
    """Show where the cache is, how many entries it holds and its size against its limit."""
    from iso20k_cli.cache.location import cache_dir, max_bytes
    from iso20k_cli.cache.store import usage

    where = cache_dir()
    found = usage(where)
    kinds = ", ".join(f"{kind} {count}" for kind, count in sorted(found.by_kind.items()))
    typer.echo(f"location: {where}")
    typer.echo(f"entries: {found.entries}" + (f" ({kinds})" if kinds else ""))
    typer.echo(f"size: {_megabytes(found.size)} of at most {_megabytes(max_bytes())}")


@cache_app.command("clear")
def cache_clear() -> None:
    """Remove every cache entry; the next run reads every file afresh."""
    from iso20k_cli.cache.location import cache_dir
    from iso20k_cli.cache.store import clear

    where = cache_dir()
    removed = clear(where)
    typer.echo(f"removed {removed.entries} entries ({_megabytes(removed.size)}) from {where}")


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def main() -> None:
    """Entry point: no traceback reaches the user, and a crash is never reported as exit 1."""
    try:
        app()
    except SystemExit:
        raise
    except KeyboardInterrupt:
        from iso20k_cli.cli.output import stderr_console

        stderr_console().print("iso20k: interrupted")
        sys.exit(130)
    except Exception as exc:
        if os.environ.get("ISO20K_DEBUG"):
            raise
        from iso20k_cli.cli.output import stderr_console

        stderr_console().print(
            f"iso20k: internal error: {type(exc).__name__}: {exc}\n"
            "This is a bug in iso20k; rerun with ISO20K_DEBUG=1 for details and please report it.",
            markup=False,
        )
        sys.exit(EXIT_INTERNAL)
