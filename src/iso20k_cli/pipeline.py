"""The whole path from an evidence folder to an Assessment, for the CLI and for embedding."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from iso20k_cli.assess.engine import assess
from iso20k_cli.assess.model import Assessment
from iso20k_cli.catalogue.loader import load_catalogue
from iso20k_cli.config import find_config, load_settings
from iso20k_cli.evidence.collect import Progress, collect

MAX_FILE_BYTES = 100 * 1024 * 1024


@dataclass(frozen=True)
class RunOptions:
    evidence_dir: Path
    as_of: dt.date
    catalogue: Path | None = None
    config: Path | None = None
    fail_under: float | None = None


def run_assessment(options: RunOptions, progress: Progress | None = None) -> Assessment:
    """Load settings and catalogue, read the evidence, assess. Raises Iso20kError on bad input."""
    config_path = find_config(options.evidence_dir, options.config)
    settings = load_settings(config_path)
    if options.fail_under is not None:
        settings = settings.model_copy(update={"fail_under": options.fail_under})
    catalogue = load_catalogue(options.catalogue or settings.catalogue_path())
    settings.check_references(catalogue)
    files = collect(
        options.evidence_dir,
        ignore=settings.ignore,
        max_bytes=MAX_FILE_BYTES,
        progress=progress,
    )
    return assess(catalogue, settings, files, options.as_of, str(options.evidence_dir))


def gate_exit_code(assessment: Assessment) -> int:
    """1 when a major finding remains or the score is under the threshold, else 0."""
    threshold = assessment.parameters.fail_under
    if assessment.gate_failed:
        return 1
    if threshold is not None and assessment.score < threshold:
        return 1
    return 0
