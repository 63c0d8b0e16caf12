"""Scan the evidence folder, extract every file and lay the manifest over the result.

Extraction runs in worker processes when there are enough files to repay starting
them; results are put back in path order, so the output never depends on which
worker finished first.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from functools import partial
from itertools import islice
from pathlib import Path

from iso20k_cli.evidence.dates import DateOrder
from iso20k_cli.evidence.extract import extract
from iso20k_cli.evidence.manifest import MANIFEST_NAME, read_manifest
from iso20k_cli.evidence.model import EvidenceFile
from iso20k_cli.evidence.scan import Candidate, scan

Progress = Callable[[int, int], None]
"""Called with (files done, files in all) as extraction goes on."""

Settle = Callable[[EvidenceFile], EvidenceFile]
"""Called on each file as soon as it is read (manifest applied); what it returns is kept."""

# Below this many files, starting worker processes costs more than it saves.
PARALLEL_MIN_FILES = 48
MAX_WORKERS = 8
CHUNK = 8
# Chunks read ahead per worker: enough to keep workers busy, few enough that files read
# but not yet settled never pile up in memory while this process catches up.
AHEAD_PER_WORKER = 4


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
    settle: Settle | None = None,
) -> list[EvidenceFile]:
    done: list[EvidenceFile] = []
    read = partial(extract, date_order=date_order)

    def record(file: EvidenceFile) -> None:
        done.append(settle(file) if settle is not None else file)
        if progress is not None:
            progress(len(done), len(candidates))

    if workers > 1:
        try:
            with ProcessPoolExecutor(max_workers=workers) as pool:
                for file in _read_ahead(pool, read, candidates, workers * AHEAD_PER_WORKER):
                    record(file)
        except BrokenProcessPool:
            pass  # a worker died (killed, out of memory): the rest is read below
    for candidate in candidates[len(done) :]:
        record(read(candidate))
    return done


def _read_chunk(
    read: Callable[[Candidate], EvidenceFile], chunk: list[Candidate]
) -> list[EvidenceFile]:
    return [read(candidate) for candidate in chunk]


def _read_ahead(
    pool: ProcessPoolExecutor,
    read: Callable[[Candidate], EvidenceFile],
    candidates: list[Candidate],
    window: int,
) -> Iterator[EvidenceFile]:
    """The files read by the pool in submission order, whatever order the workers finish
    in, with at most ``window`` chunks in flight (``pool.map`` would submit them all, and
    hold every file read until its turn)."""
    chunks = iter([candidates[i : i + CHUNK] for i in range(0, len(candidates), CHUNK)])
    pending = deque(pool.submit(_read_chunk, read, chunk) for chunk in islice(chunks, window))
    while pending:
        files = pending.popleft().result()
        for chunk in islice(chunks, 1):
            pending.append(pool.submit(_read_chunk, read, chunk))
        yield from files


def collect(
    root: Path,
    ignore: Iterable[str] = (),
    max_bytes: int | None = None,
    progress: Progress | None = None,
    jobs: int | None = None,
    date_order: DateOrder | None = None,
    settle: Settle | None = None,
) -> Evidence:
    """Every evidence file below ``root``, read as far as its format allows, sorted by path.

    ``date_order`` (dmy, mdy or ymd) reads numeric dates that a file leaves open.
    ``settle`` is called on each file as soon as it is read, with the manifest laid over
    it; the file it returns is kept instead (the pipeline recognises each file there and
    keeps only what the checks will read, so memory does not grow with the text read)."""
    manifest = read_manifest(root / MANIFEST_NAME)
    # A manifest that was read is not evidence; one that could not be (a link) is listed.
    candidates = [
        c
        for c in scan(root, ignore=tuple(ignore), max_bytes=max_bytes)
        if c.rel != MANIFEST_NAME or c.skip_reason is not None
    ]
    overlay = manifest.overlay() if manifest is not None else None

    def finish(file: EvidenceFile) -> EvidenceFile:
        file = overlay(file) if overlay is not None else file
        return settle(file) if settle is not None else file

    workers = workers_for(len(candidates), jobs)
    files = _extract_all(candidates, workers, progress, date_order, finish)
    result = tuple(sorted(files, key=lambda f: f.path))
    return Evidence(result, overlay.notes() if overlay is not None else ())
