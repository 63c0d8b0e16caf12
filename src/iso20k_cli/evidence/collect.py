"""Scan the evidence folder, extract every file and lay the manifest over the result.

Text formats (Markdown, plain text, CSV, HTML) are read in this process: reading one
costs less than sending its text back from another process. Office files and PDFs
take tens of milliseconds each, so when there are enough of them they are read in
worker processes while this one reads the rest. Results are put back in path order,
so the output never depends on which worker finished first.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from iso20k_cli.evidence.dates import DateOrder
from iso20k_cli.evidence.extract import extract
from iso20k_cli.evidence.manifest import MANIFEST_NAME, read_manifest
from iso20k_cli.evidence.model import EvidenceFile
from iso20k_cli.evidence.scan import Candidate, scan

if TYPE_CHECKING:
    from iso20k_cli.cache.store import Store

Progress = Callable[[int, int], None]
"""Called with (files done, files in all) as extraction goes on."""

# Formats whose parsing is heavy enough to repay a worker process.
HEAVY_SUFFIXES = frozenset({".pdf", ".docx", ".docm", ".xlsx", ".xlsm", ".pptx"})
# Below this many heavy files, starting worker processes costs more than it saves.
PARALLEL_MIN_FILES = 24
MAX_WORKERS = 8


@dataclass(frozen=True)
class Evidence:
    files: tuple[EvidenceFile, ...]
    notes: tuple[str, ...] = ()
    """Problems with the folder itself (the manifest's entries), for the findings."""


def is_heavy(candidate: Candidate) -> bool:
    """Whether ``candidate`` is an Office file or a PDF to parse, not text to read."""
    suffix = Path(candidate.rel).suffix.lower()
    return candidate.skip_reason is None and suffix in HEAVY_SUFFIXES


def workers_for(count: int, jobs: int | None = None) -> int:
    """How many worker processes to extract ``count`` heavy files with (1: none, all in
    this process); ``jobs`` overrides the choice."""
    if jobs is not None:
        return max(1, jobs)
    if count < PARALLEL_MIN_FILES:
        return 1
    return max(1, min(MAX_WORKERS, os.cpu_count() or 1))


def _extract_all(
    candidates: list[Candidate],
    jobs: int | None,
    progress: Progress | None,
    date_order: DateOrder | None = None,
) -> list[EvidenceFile]:
    read = partial(extract, date_order=date_order)
    done: dict[int, EvidenceFile] = {}

    def record(index: int, file: EvidenceFile) -> None:
        done[index] = file
        if progress is not None:
            progress(len(done), len(candidates))

    heavy = [i for i, c in enumerate(candidates) if is_heavy(c)]
    workers = min(workers_for(len(heavy), jobs), len(heavy))
    if workers > 1:
        try:
            with ProcessPoolExecutor(max_workers=workers) as pool:
                # Workers parse the heavy files while this process reads the others.
                chunk = max(1, min(8, len(heavy) // (workers * 4)))
                results = pool.map(read, [candidates[i] for i in heavy], chunksize=chunk)
                _read_here(candidates, set(heavy), read, record)
                # map() yields in submission order whatever order the workers finish in.
                for index, file in zip(heavy, results, strict=False):
                    record(index, file)
        except BrokenProcessPool:
            pass  # a worker died (killed, out of memory): the rest is read below
    _read_here(candidates, set(done), read, record)
    return [done[i] for i in range(len(candidates))]


def _read_here(
    candidates: list[Candidate],
    skip: set[int],
    read: Callable[[Candidate], EvidenceFile],
    record: Callable[[int, EvidenceFile], None],
) -> None:
    for index, candidate in enumerate(candidates):
        if index not in skip:
            record(index, read(candidate))


def _extract_cached(
    candidates: list[Candidate],
    store: Store,
    jobs: int | None,
    progress: Progress | None,
    date_order: DateOrder | None,
) -> list[EvidenceFile]:
    """Files the cache holds as they are, and the others read and added to it."""
    from iso20k_cli.cache.evidence import EvidenceCache

    cache = EvidenceCache(store, date_order)
    found, missing, keys = cache.lookup(candidates)
    total = len(candidates)

    def advance(done: int, _count: int) -> None:
        if progress is not None:
            progress(len(found) + done, total)

    if found:
        advance(0, total)
    read = _extract_all(missing, jobs, advance, date_order)
    cache.keep(keys, read)
    return [*found, *read]


def collect(
    root: Path,
    ignore: Iterable[str] = (),
    max_bytes: int | None = None,
    progress: Progress | None = None,
    jobs: int | None = None,
    date_order: DateOrder | None = None,
    cache: Store | None = None,
) -> Evidence:
    """Every evidence file below ``root``, read as far as its format allows, sorted by path.

    ``jobs`` is how many processes parse Office files and PDFs (1: all in this one;
    default: one per processor core, up to MAX_WORKERS, when there are at least
    PARALLEL_MIN_FILES of them). ``date_order`` (dmy, mdy or ymd) reads numeric dates
    that a file leaves open. With a ``cache``, files read by an earlier run and unchanged
    since are not read again."""
    manifest = read_manifest(root / MANIFEST_NAME)
    # A manifest that was read is not evidence; one that could not be (a link) is listed.
    candidates = [
        c
        for c in scan(root, ignore=tuple(ignore), max_bytes=max_bytes)
        if c.rel != MANIFEST_NAME or c.skip_reason is not None
    ]
    if cache is None:
        files = _extract_all(candidates, jobs, progress, date_order)
    else:
        files = _extract_cached(candidates, cache, jobs, progress, date_order)
    result = tuple(sorted(files, key=lambda f: f.path))
    if manifest is None:
        return Evidence(result)
    applied, notes = manifest.apply(result)
    return Evidence(applied, notes)
