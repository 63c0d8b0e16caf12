"""The whole path from an evidence folder to an Assessment, for the CLI and for embedding."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from iso20k_cli.assess.digest import Digest
from iso20k_cli.assess.engine import assess
from iso20k_cli.assess.interview import question_ids
from iso20k_cli.assess.model import Assessment
from iso20k_cli.cache.location import open_cache
from iso20k_cli.catalogue.cached import load_catalogue_cached
from iso20k_cli.catalogue.model import Catalogue
from iso20k_cli.evidence.collect import Evidence, Progress, collect
from iso20k_cli.evidence.folderorder import folder_order
from iso20k_cli.evidence.gitlog import GitHistory, read_history
from iso20k_cli.evidence.model import EvidenceFile
from iso20k_cli.settings.answers import Answers, read_answers
from iso20k_cli.settings.config import Settings, load_settings
from iso20k_cli.settings.discover import find_config
from iso20k_cli.settings.logo import Logo, read_logo


@dataclass(frozen=True)
class RunOptions:
    evidence_dir: Path
    as_of: dt.date
    catalogue: Path | None = None
    config: Path | None = None
    fail_under: float | None = None
    use_cache: bool = True
    """Reuse what earlier runs read from unchanged files, and keep what this one reads."""
    read_logo: bool = False
    """Also read the report logo the configuration names (for ``report``)."""
    answers: Path | None = None
    """The filled interview questionnaire (``--answers``); else ``answers:`` in the
    configuration, relative to it."""
    git: bool = False
    """Fill document control from the git history (also ``git: true`` in the configuration)."""


@dataclass(frozen=True)
class Run:
    """Everything one run produced, for commands that explain the Assessment.

    The evidence files keep their text, sections and tables only where a check reads
    them (see ``assess/digest.py``): the rest was let go once the file was recognised."""

    catalogue: Catalogue
    settings: Settings
    evidence: Evidence
    assessment: Assessment
    logo: Logo | None = None
    """The report logo, when asked for and the configuration names one."""
    answers: Answers | None = None
    """The interview answers the run weighed, when there were any."""
    warnings: tuple[str, ...] = ()
    """What the user should know about the run that is no finding (git could not be read)."""


def run_pipeline(options: RunOptions, progress: Progress | None = None) -> Run:
    """Load settings and catalogue, read the evidence, assess; keep all of it for explaining.

    Raises Iso20kError on bad input."""
    config_path = find_config(options.evidence_dir, options.config)
    settings = load_settings(config_path)
    if options.fail_under is not None:
        settings = settings.model_copy(update={"fail_under": options.fail_under})
    # Read before the folder is scanned: a logo that cannot be used is reported at once.
    logo = read_logo(settings) if options.read_logo else None
    answers_path = options.answers or settings.answers_path()
    answers = read_answers(answers_path) if answers_path is not None else None
    use_cache = options.use_cache and settings.cache
    cache = open_cache(options.evidence_dir) if use_cache else None
    catalogue = load_catalogue_cached(options.catalogue or settings.catalogue_path(), cache)
    settings.check_references(catalogue)
    if answers is not None:
        answers.check_questions(question_ids(catalogue))
    # Recognised as they are read, so that each file's content can go once it is not needed.
    digest = Digest(catalogue, settings, cache)
    # The history is laid over each file before it is recognised, like the manifest, and
    # after the extraction cache, which keeps each file as read: no extraction is kept
    # with one run's history, and the recognition cache, keyed on the file as laid over,
    # tells a run with --git from one without.
    history = read_history(options.evidence_dir) if options.git or settings.git else None
    settle: Callable[[EvidenceFile], EvidenceFile] = (
        digest if history is None else lambda file: digest(history(file))
    )
    evidence = collect(
        options.evidence_dir,
        ignore=settings.ignore,
        max_bytes=settings.max_file_size_mb * 1024 * 1024,
        progress=progress,
        date_order=settings.date_order,
        cache=cache,
        settle=settle,
    )
    if settings.date_order is None:
        evidence = _in_folder_order(options.evidence_dir, settings, evidence, digest, history)
    if cache is not None:
        cache.trim()
    assessment = assess(
        catalogue,
        settings,
        evidence.files,
        options.as_of,
        str(options.evidence_dir),
        notes=evidence.notes,
        recognitions=digest.recognitions(evidence.files),
        record_sets=digest.record_sets(evidence.files),
        answers=answers,
    )
    warnings = history.warnings if history is not None else ()
    return Run(catalogue, settings, evidence, assessment, logo, answers, warnings)


def _in_folder_order(
    root: Path,
    settings: Settings,
    evidence: Evidence,
    digest: Digest,
    history: GitHistory | None,
) -> Evidence:
    """``evidence`` with the files that left numeric dates unread read again, when the
    rest of the folder shows one order of day and month, in that order (their own
    dates still win), each with a note of it. Read and settled as the first time
    (the history laid over, then recognised and slimmed), so a second run reads the same."""
    unread = {f.path: f for f in evidence.files if f.unread_dates}
    found = folder_order(evidence.files) if unread else None
    if found is None:
        return evidence
    again = digest.with_order(found.order)

    def noted(file: EvidenceFile) -> EvidenceFile:
        first = unread.get(file.path)
        if first is not None:
            file = file.model_copy(update={"date_note": found.note(first)})
        return again(file if history is None else history(file))

    reread = collect(
        root,
        ignore=settings.ignore,
        max_bytes=settings.max_file_size_mb * 1024 * 1024,
        date_order=found.order,
        cache=digest.cache,
        settle=noted,
        only=frozenset(unread),
    )
    digest.adopt(again)
    by_path = {f.path: f for f in reread.files}
    return Evidence(tuple(by_path.get(f.path, f) for f in evidence.files), evidence.notes)
