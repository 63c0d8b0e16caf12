"""Assessing an evidence folder from the command line: the pipeline, with progress on stderr."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from iso20k_cli.cli.options import parse_date

if TYPE_CHECKING:
    from iso20k_cli.assess.pipeline import Run


def run_folder(
    evidence_dir: Path,
    as_of: str | None,
    catalogue: Path | None,
    config: Path | None,
    fail_under: float | None = None,
    no_cache: bool = False,
    read_logo: bool = False,
    answers: Path | None = None,
    git: bool = False,
) -> Run:
    """The pipeline's run, with a progress bar on stderr when a long scan needs one."""
    from iso20k_cli.assess.pipeline import RunOptions, run_pipeline
    from iso20k_cli.cli.output import say, scan_progress, stderr_console

    options = RunOptions(
        evidence_dir,
        parse_date(as_of),
        catalogue,
        config,
        fail_under,
        use_cache=not no_cache,
        read_logo=read_logo,
        answers=answers,
        git=git,
    )
    with scan_progress(stderr_console()) as progress:
        run = run_pipeline(options, progress)
    for warning in run.warnings:
        say(f"warning: {warning}")
    return run
