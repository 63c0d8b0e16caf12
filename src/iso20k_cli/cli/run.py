"""Assessing an evidence folder from the command line: the pipeline, with progress on stderr."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from iso20k_cli.cli.options import parse_date

if TYPE_CHECKING:
    from iso20k_cli.assess.model import Assessment
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
    # No console at all when stderr is not a terminal: there is no bar to draw.
    console = stderr_console() if sys.stderr.isatty() else None
    with scan_progress(console) as progress:
        run = run_pipeline(options, progress)
    for warning in run.warnings:
        say(f"warning: {warning}")
    return run


def nothing_recognised(assessment: Assessment) -> str | None:
    """Why the folder holds no evidence at all, or None when a file serves some item.

    A folder with nothing in it, or nothing the catalogue recognises, is almost always
    the wrong folder: its result would be every requirement missing."""
    files = assessment.files
    if not files:
        return f"{assessment.evidence_dir}: the folder holds no file to assess"
    # A file that names an item but does not count yet (a template still to fill, a
    # draft that is only suggested) shows the folder is the right one, only unfinished.
    if any(f.used_for for f in files) or any(i.near_misses for i in assessment.items):
        return None
    read = (
        "the one file read is not" if len(files) == 1 else f"none of the {len(files)} files read is"
    )
    return f"{assessment.evidence_dir}: {read} evidence of any requirement of the catalogue"


def require_evidence(assessment: Assessment, allow_empty: bool) -> None:
    """Refuse a result on a folder without evidence (exit 2), unless ``--allow-empty``."""
    from iso20k_cli.errors import EvidenceFolderError

    reason = nothing_recognised(assessment)
    if reason is None or allow_empty:
        return
    why = (
        ""
        if not assessment.files
        else " 'iso20k explain FOLDER ITEM' shows why a file was not recognised;"
    )
    raise EvidenceFolderError(
        f"{reason}. Is it the folder that holds the management system's documents and "
        f"records?{why} --allow-empty assesses it anyway (every requirement missing)."
    )
