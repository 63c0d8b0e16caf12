"""Scan the evidence folder, extract every file and lay the manifest over the result.

Extraction runs in worker processes when there are enough files to repay starting
them; results are put back in path order, so the output never depends on which
worker finished first.
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

# Below this many files, starting worker processes costs more than it saves.
PARALLEL_MIN_FILES = 48
MAX_WORKERS = 8


@dataclass(frozen=True)
class Evidence:
    files: tuple[EvidenceFile, ...]
    notes: tuple[str, ...] = ()
    """Problems with the folder itself (the manifest's entries), for the findings."""


def workers_for(count: int, jobs: int | None = None) -> int:
    """How many processes to extract ``count`` files with (1: in this process)."""
    if jobs is not None:
        return max(1, jobs)
    if count < PARALLEL_MIN_FILES:
        return 1
    return max(1, min(MAX_WORKERS, os.cpu_count() or 1))


def _extract_all(
    candidates: list[Candidate],
    workers: int,
    progress: Progress | None,
    date_order: DateOrder | None = None,
) -> list[EvidenceFile]:
    done: list[EvidenceFile] = []
    read = partial(extract, date_order=date_order)

    def record(file: EvidenceFile) -> None:
        done.append(file)
        if progress is not None:
            progress(len(done), len(candidates))

    if workers > 1:
        try:
            with ProcessPoolExecutor(max_workers=workers) as pool:
                # map() yields in submission order whatever order the workers finish in.
                for file in pool.map(read, candidates, chunksize=8):
                    record(file)
        except BrokenProcessPool:
            pass  # a worker died (killed, out of memory): the rest is read below
    for candidate in candidates[len(done) :]:
        record(read(candidate))
    return done


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
    read = _extract_all(missing, workers_for(len(missing), jobs), advance, date_order)
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

    ``date_order`` (dmy, mdy or ymd) reads numeric dates that a file leaves open. With a
    ``cache``, files read by an earlier run and unchanged since are not read again."""
    manifest = read_manifest(root / MANIFEST_NAME)
    # A manifest that was read is not evidence; one that could not be (a link) is listed.
    candidates = [
        c
        for c in scan(root, ignore=tuple(ignore), max_bytes=max_bytes)
        if c.rel != MANIFEST_NAME or c.skip_reason is not None
    ]
    if cache is None:
        files = _extract_all(candidates, workers_for(len(candidates), jobs), progress, date_order)
    else:
        files = _extract_cached(candidates, cache, jobs, progress, date_order)
    result = tuple(sorted(files, key=lambda f: f.path))
    if manifest is None:
        return Evidence(result)
    applied, notes = manifest.apply(result)
    return Evidence(applied, notes)
