"""The ``iso20k`` command line: the Typer app, its commands and what its help says.

Only typer and light modules (errors, formats, severity, the command modules'
declarations) are imported here, so that ``--help`` and ``--version`` answer without
loading the pipeline, pydantic, the templates or the Office readers; each command
imports what it uses when it runs. tests/test_startup.py holds the line.

Every command returns a :class:`~iso20k_cli.cli.result.Result`; :func:`delivered` runs
it inside the one mapping of errors to exit codes and hands what it returned to the one
printer.
"""

import contextlib
import functools
import os
import sys
from collections.abc import Callable
from typing import Annotated, Any, NoReturn, ParamSpec

import typer

from iso20k_cli import __version__
from iso20k_cli.cli import (
    cache,
    catalogue,
    check,
    diff,
    explain,
    helpformat,
    init,
    interview,
    report,
)
from iso20k_cli.cli.deliver import deliver
from iso20k_cli.cli.failures import EXIT_OK, exit_codes
from iso20k_cli.cli.result import Result

EXIT_CODES_HELP = (
    "Exit codes: 0 the gate passed; "
    "1 a major finding remains (with --fail-on minor or observation: a finding of that "
    "severity or above), or, with --baseline, something got worse (a new such finding, a "
    "lower score, a worse clause or item status), or the score is under --fail-under; "
    "2 usage or input error (missing folder, a folder with no recognisable evidence "
    "unless --allow-empty, bad catalogue, configuration or baseline); "
    "3 internal error (a bug: please report it)."
)
DIFF_EXIT_CODES_HELP = (
    "Exit codes: 0 nothing got worse; 1 something got worse (a new finding at or above "
    "--fail-on, a lower score, a worse clause or item status); 2 a file is missing or is "
    "not a JSON result of iso20k check; 3 internal error."
)
REPORT_EXIT_CODES_HELP = (
    "Exit codes: 0 the report was written (a report is not a gate; use check for that); "
    "2 usage or input error (missing folder, a folder with no recognisable evidence "
    "unless --allow-empty, bad catalogue or configuration, missing logo "
    "or template folder, output that cannot be written, no --output in a terminal, an "
    "--output named for another format, pdf without its extra); 3 internal error (a bug: "
    "please report it)."
)

INTERVIEW_EXIT_CODES_HELP = (
    "Exit codes: 0 the questionnaire was written; 2 usage or input error (missing folder, "
    "bad catalogue, configuration or answers file, output that cannot be written); "
    "3 internal error (a bug: please report it)."
)

COMPLETION_HELP = (
    "Shell completion (bash, zsh, fish, PowerShell) of commands, options, and clause and "
    "item ids: 'iso20k --install-completion', then open a new shell; "
    "'iso20k --show-completion' prints the script instead."
)

# Typer coerces each group's --help flag through pydantic even when the flag is absent
# (its value is then None, not False), so `iso20k check --help` would load pydantic
# only to learn that `iso20k --help` was not asked for. A default of False skips that.
# One entry for the root and one per sub-app, by its name.
HELP_FLAG_DEFAULTS = {
    "help": False,
    # The same for typer's completion flags, which only the root has.
    "install_completion": False,
    "show_completion": False,
    "catalogue": {"help": False},
    "cache": {"help": False},
}

app = typer.Typer(
    name="iso20k",
    help="Measure readiness for an ISO/IEC 20000-1:2018 certification audit from the "
    "evidence an organisation actually has.",
    epilog=f"{COMPLETION_HELP}\n\n{EXIT_CODES_HELP}",
    no_args_is_help=True,
    add_completion=True,
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


P = ParamSpec("P")


def delivered(command: Callable[P, Result]) -> Callable[P, None]:
    """``command`` as typer runs it: its result delivered, its errors mapped to exit codes.

    The wrapper keeps the command's name, help and signature, which typer reads."""

    @functools.wraps(command)
    def run(*args: P.args, **kwargs: P.kwargs) -> None:
        with exit_codes():
            deliver(command(*args, **kwargs))

    return run


def _register(
    group: typer.Typer, command: Callable[..., Result], name: str, **settings: Any
) -> None:
    group.command(name, cls=helpformat.Command, **settings)(delivered(command))


_register(app, check.check, "check", epilog=EXIT_CODES_HELP)
_register(app, diff.diff, "diff", epilog=DIFF_EXIT_CODES_HELP)
_register(app, report.report, "report", epilog=REPORT_EXIT_CODES_HELP)
_register(app, explain.explain, "explain")
_register(app, interview.interview, "interview", epilog=INTERVIEW_EXIT_CODES_HELP)
_register(app, init.init, "init", help=init.INIT_HELP)
_register(catalogue_app, catalogue.validate, "validate")
_register(catalogue_app, catalogue.checks, "checks")
_register(catalogue_app, catalogue.show, "show")
_register(cache_app, cache.info, "info")
_register(cache_app, cache.clear, "clear")


def run() -> NoReturn:
    """The console script: :func:`main`, then out of the process without tearing the
    interpreter down.

    Tearing down frees every object of the run one at a time (about 0.1 s after reading
    500 mixed files); everything the run writes is complete and closed before ``main``
    returns, so only the standard streams are left to flush.
    """
    code: int = EXIT_OK
    try:
        main()
    except SystemExit as done:
        if isinstance(done.code, int):
            code = done.code
        elif done.code is not None:  # a message: what the interpreter would print
            print(done.code, file=sys.stderr)
            code = 1
    for stream in (sys.stdout, sys.stderr):
        # A reader that went away (``iso20k check | head``), or a stream already closed.
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(code)


def main() -> None:
    """Entry point: no traceback reaches the user, and a crash is never reported as exit 1."""
    try:
        with exit_codes():
            app()
    except KeyboardInterrupt:
        from iso20k_cli.cli.output import stderr_console

        stderr_console().print("iso20k: interrupted")
        sys.exit(130)
