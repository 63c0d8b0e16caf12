"""Scan the evidence folder, extract every file and lay the manifest over the result.

Office files and PDFs take tens of milliseconds each, so when there are enough of them
they are read in worker processes while this one reads the rest. When the caller settles
each file in two halves (a :class:`SplitSettle`: the pipeline recognises and slims each
file) and processes are forked, a folder with work enough for it is read and settled
wholly in the workers (which also keep each file in the cache): each sends back only
what the assessment keeps of a file, not its text, so text formats repay a worker too.
Otherwise text formats (Markdown, plain text, CSV, HTML) are read in this process:
reading one costs less than sending its text back from another. Results are put back
in path order, so the output never depends on which worker finished first.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import time
from collections import deque
from collections.abc import Callable, Collection, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from iso20k_cli.evidence.dates import DateOrder
from iso20k_cli.evidence.extract import extract, load_readers
from iso20k_cli.evidence.manifest import MANIFEST_NAME, read_manifest
from iso20k_cli.evidence.model import EvidenceFile
from iso20k_cli.evidence.scan import Candidate, scan
from iso20k_cli.evidence.sitenav import nav_titles, titled

if TYPE_CHECKING:
    from iso20k_cli.cache.store import Store

Progress = Callable[[int, int], None]
"""Called with (files done, files in all) as extraction goes on."""

# Formats whose parsing is heavy enough to repay a worker process.
HEAVY_SUFFIXES = frozenset(
    {".pdf", ".docx", ".docm", ".xlsx", ".xlsm", ".pptx", ".ppt", ".odt", ".ods", ".xls"}
)
# Below this many heavy files, starting worker processes costs more than it saves.
PARALLEL_MIN_FILES = 24
MAX_WORKERS = 8
MAX_CHUNK = 8
# Chunks read ahead per worker: enough to keep workers busy, few enough that files read
# but not yet settled never pile up in memory while this process catches up.
AHEAD_PER_WORKER = 4

# How much reading a folder's files costs, in Markdown pages (an Office file or a PDF
# is about twenty), below which settling them in workers costs more than it saves.
HEAVY_WEIGHT = 20
SETTLE_IN_WORKERS_MIN = 400
MAX_SETTLE_CHUNK = 32
"""Markdown pages sent to a worker at a time; fewer files when Office files and PDFs
weigh in, so that no worker is left with a long last chunk while the others wait."""

Settle = Callable[[EvidenceFile], EvidenceFile]
"""Called on each file as soon as it is read (manifest applied); what it returns is kept."""
Record = Callable[[int, Any], None]


@runtime_checkable
class SplitSettle(Protocol):
    """A :data:`Settle` in two halves, so that the first can run where the file was read."""

    def settle(self, file: EvidenceFile) -> Any:
        """What to keep of ``file``; pickled when run in a worker process, where any
        change it made to its own state would be lost."""

    def take(self, settled: Any) -> EvidenceFile:
        """Keep what :meth:`settle` gave, in this process; the file to keep."""


@runtime_checkable
class KeyedSettle(SplitSettle, Protocol):
    """A :class:`SplitSettle` that keeps what it settled of a file under the key of the
    file as read (its extraction's cache key), so that a later run takes an unchanged
    file as settled without reading its extraction back or settling it again. Used only
    where nothing is laid over a file (no manifest, no site navigation), so that the
    file as read is the file settled."""

    def settled(self, key: str, rel: str) -> EvidenceFile | None:
        """The file ``rel``, settled by an earlier run from the file read under ``key``
        and kept as :meth:`take` keeps it; None when no sound entry is kept."""

    def settle_keyed(self, file: EvidenceFile, key: str) -> Any:
        """:meth:`settle`, keeping the result under ``key`` for later runs."""


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


def _read_chunk(
    read: Callable[[Candidate], EvidenceFile], chunk: list[Candidate]
) -> list[EvidenceFile]:
    return [read(candidate) for candidate in chunk]


# A forked worker's way to read and settle a file, installed as the pool starts: forked,
# the worker shares it with this process instead of receiving it pickled.
_WORK: Callable[[Candidate], Any] | None = None


def _install(work: Callable[[Candidate], Any]) -> None:
    global _WORK
    _WORK = work


def _work_chunk(chunk: list[Candidate]) -> list[Any]:
    work = _WORK
    if work is None:
        raise RuntimeError("worker started without its work")
    return [work(candidate) for candidate in chunk]


class _ReadAhead:
    """Files read by a pool, at most ``window`` chunks in flight: ``pool.map`` would
    submit them all and hold every file read until its turn came. ``read`` is sent to
    the workers with each chunk; without it, they use the work they were started with."""

    def __init__(
        self,
        pool: ProcessPoolExecutor,
        read: Callable[[Candidate], EvidenceFile] | None,
        candidates: list[Candidate],
        indexes: list[int],
        workers: int,
        most: int = MAX_CHUNK,
    ) -> None:
        size = max(1, min(most, len(indexes) // (workers * AHEAD_PER_WORKER)))
        self._chunks = iter([indexes[i : i + size] for i in range(0, len(indexes), size)])
        self._pool = pool
        self._read = read
        self._candidates = candidates
        self._pending: deque[tuple[list[int], Future[list[Any]]]] = deque()
        for _ in range(workers * AHEAD_PER_WORKER):
            self._submit()

    def _submit(self) -> None:
        chunk = next(self._chunks, None)
        if chunk is not None:
            files = [self._candidates[i] for i in chunk]
            future = (
                self._pool.submit(_read_chunk, self._read, files)
                if self._read is not None
                else self._pool.submit(_work_chunk, files)
            )
            self._pending.append((chunk, future))

    def drain(self, record: Record, wait: bool) -> None:
        """Record the chunks done (all of them, waiting, with ``wait``) in submission
        order, submitting one more for each."""
        while self._pending and (wait or self._pending[0][1].done()):
            chunk, future = self._pending.popleft()
            for index, file in zip(chunk, future.result(), strict=True):
                record(index, file)
            self._submit()


@dataclass(frozen=True)
class _Split:
    """A file settled where it was read (``first``: in a worker, on the file as read), and
    the result kept here (``take``, with the file's path)."""

    first: Callable[[EvidenceFile], Any]
    take: Callable[[str, Any], EvidenceFile]


def _work(candidates: list[Candidate]) -> int:
    """What reading ``candidates`` costs, in Markdown pages (at least one)."""
    heavy = sum(1 for c in candidates if is_heavy(c))
    return max(1, len(candidates) - heavy + HEAVY_WEIGHT * heavy)


def _settles_in_workers(candidates: list[Candidate], jobs: int | None) -> int:
    """How many workers to read and settle every file in (0: not worth it, or not forked)."""
    if jobs == 1 or multiprocessing.get_start_method() != "fork":
        return 0
    if jobs is None and _work(candidates) < SETTLE_IN_WORKERS_MIN:
        return 0
    return min(len(candidates), max(1, jobs or min(MAX_WORKERS, os.cpu_count() or 1)))


def _extract_all(
    candidates: list[Candidate],
    jobs: int | None,
    progress: Progress | None,
    date_order: DateOrder | None = None,
    settle: Settle | None = None,
    split: _Split | None = None,
) -> list[EvidenceFile]:
    read = partial(extract, date_order=date_order)
    done: dict[int, EvidenceFile] = {}

    def record(index: int, file: EvidenceFile) -> None:
        done[index] = settle(file) if settle is not None else file
        if progress is not None:
            progress(len(done), len(candidates))

    def taken(index: int, settled: Any) -> None:
        assert split is not None
        done[index] = split.take(candidates[index].rel, settled)
        if progress is not None:
            progress(len(done), len(candidates))

    everything = _settles_in_workers(candidates, jobs) if split is not None else 0
    heavy = [i for i, c in enumerate(candidates) if is_heavy(c)]
    workers = min(workers_for(len(heavy), jobs), len(heavy))
    forking = everything > 1 or workers > 1
    if forking:
        load_readers(c.rel for c in candidates if c.skip_reason is None)
    with _frozen(forking):
        _read_in_pool(candidates, read, record, taken, everything, workers, heavy, split)
    for index, candidate in enumerate(candidates):
        if index not in done:
            record(index, read(candidate))
    return [done[i] for i in range(len(candidates))]


@contextmanager
def _frozen(forking: bool) -> Iterator[None]:
    """Objects made so far (the catalogue, the recogniser, the readers) out of the
    collector's sight while workers are forked: a worker's collections would walk
    them all, and write to each page they sit on, for nothing."""
    if not forking:
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _read_in_pool(
    candidates: list[Candidate],
    read: Callable[[Candidate], EvidenceFile],
    record: Callable[[int, EvidenceFile], None],
    taken: Callable[[int, Any], None],
    everything: int,
    workers: int,
    heavy: list[int],
    split: _Split | None,
) -> None:
    """Read (and settle, with ``split``) what workers can; the caller reads the rest."""
    if everything > 1 and split is not None:
        first = split.first

        def work(candidate: Candidate) -> Any:
            return first(read(candidate))

        try:
            with ProcessPoolExecutor(
                max_workers=everything, initializer=_install, initargs=(work,)
            ) as pool:
                indexes = list(range(len(candidates)))
                most = max(1, round(MAX_SETTLE_CHUNK * len(candidates) / _work(candidates)))
                ahead = _ReadAhead(pool, None, candidates, indexes, everything, most)
                ahead.drain(taken, wait=True)
        except BrokenProcessPool:
            pass  # a worker died (killed, out of memory): the rest is read below
    elif workers > 1:
        try:
            with ProcessPoolExecutor(max_workers=workers) as pool:
                # Workers parse the heavy files while this process reads the others.
                ahead = _ReadAhead(pool, read, candidates, heavy, workers)
                in_pool = set(heavy)
                for index, candidate in enumerate(candidates):
                    if index not in in_pool:
                        record(index, read(candidate))
                        ahead.drain(record, wait=False)
                ahead.drain(record, wait=True)
        except BrokenProcessPool:
            pass  # a worker died (killed, out of memory): the rest is read below


def _extract_cached(
    candidates: list[Candidate],
    store: Store,
    jobs: int | None,
    progress: Progress | None,
    date_order: DateOrder | None,
    settle: Settle,
    split: _Split | None = None,
    keyed_settle: KeyedSettle | None = None,
) -> list[EvidenceFile]:
    """Files the cache holds as they are, and the others read and added to it; each is
    kept in the cache as read, before the manifest or ``settle`` changes it (in the
    worker that read it, when files are settled in workers). With ``keyed_settle``
    (nothing is laid over any file), a file kept settled is taken as it is, and every
    file settled is kept so."""
    from iso20k_cli.evidence.cached import EvidenceCache, Keyed

    cache = EvidenceCache(store, date_order)
    now = time.time_ns()
    total = len(candidates)
    found: list[EvidenceFile] = []
    missing: list[Candidate] = []
    keys: dict[str, Keyed] = {}
    for candidate in candidates:
        keyed = cache.key(candidate, now)
        if keyed is not None and keyed_settle is not None:
            done = keyed_settle.settled(keyed.key, candidate.rel)
            if done is not None:
                found.append(done)
                if progress is not None:
                    progress(len(found), total)
                continue
        hit = cache.get(keyed) if keyed is not None else None
        if hit is None:
            missing.append(candidate)
            if keyed is not None:
                keys[candidate.rel] = keyed
            continue
        if keyed_settle is not None and keyed is not None:
            found.append(keyed_settle.take(keyed_settle.settle_keyed(hit, keyed.key)))
        else:
            found.append(settle(hit))
        if progress is not None:
            progress(len(found), total)

    def advance(done: int, _count: int) -> None:
        if progress is not None:
            progress(len(found) + done, total)

    # What is settled of a file is kept under its read's key only when the read itself
    # was kept: otherwise the file read may not be the one the key was taken of.
    def keep_then_settle(file: EvidenceFile) -> EvidenceFile:
        keyed = keys.get(file.path)
        if keyed is not None and cache.put(keyed, file) and keyed_settle is not None:
            return keyed_settle.take(keyed_settle.settle_keyed(file, keyed.key))
        return settle(file)

    kept_split = None
    if split is not None:
        settle_first, take = split.first, split.take

        def keep_then_first(file: EvidenceFile) -> tuple[Any, int]:
            before = store.written
            keyed = keys.get(file.path)
            if keyed is not None and cache.put(keyed, file) and keyed_settle is not None:
                settled = keyed_settle.settle_keyed(file, keyed.key)
                return settled, store.written - before
            return settle_first(file), store.written - before

        def take_kept(rel: str, kept: tuple[Any, int]) -> EvidenceFile:
            settled, written = kept
            # What the worker wrote to the cache (this file, its recognition): trimming
            # after the run looks at what this process's store has counted.
            store.written += written
            return take(rel, settled)

        kept_split = _Split(keep_then_first, take_kept)
    read = _extract_all(missing, jobs, advance, date_order, keep_then_settle, kept_split)
    return [*found, *read]


def collect(
    root: Path,
    ignore: Iterable[str] = (),
    max_bytes: int | None = None,
    progress: Progress | None = None,
    jobs: int | None = None,
    date_order: DateOrder | None = None,
    cache: Store | None = None,
    settle: Settle | None = None,
    only: Collection[str] | None = None,
) -> Evidence:
    """Every evidence file below ``root``, read as far as its format allows, sorted by path.

    ``jobs`` is how many processes parse Office files and PDFs (1: all in this one;
    default: one per processor core, up to MAX_WORKERS, when there are at least
    PARALLEL_MIN_FILES of them). ``date_order`` (dmy, mdy or ymd) reads numeric dates
    that a file leaves open. With a ``cache``, files read by an earlier run and unchanged
    since are not read again. ``settle`` is called on each file as soon as it is read,
    with the manifest laid over it; the file it returns is kept instead (the pipeline
    recognises each file there and keeps only what the checks will read, so memory does
    not grow with the text read). With ``only``, just the files of those paths are read
    (read again, by the pipeline, in the folder's order of day and month)."""
    manifest = read_manifest(root / MANIFEST_NAME)
    # A manifest that was read is not evidence; one that could not be (a link) is listed.
    candidates = [
        c
        for c in scan(root, ignore=tuple(ignore), max_bytes=max_bytes)
        if (c.rel != MANIFEST_NAME or c.skip_reason is not None) and (only is None or c.rel in only)
    ]
    overlay = manifest.overlay() if manifest is not None else None
    titles = nav_titles(root)

    def laid_over(file: EvidenceFile) -> EvidenceFile:
        file = titled(file, titles) if titles else file
        return overlay(file) if overlay is not None else file

    def finish(file: EvidenceFile) -> EvidenceFile:
        file = laid_over(file)
        return settle(file) if settle is not None else file

    split = None
    if isinstance(settle, SplitSettle):
        halves = settle

        def first(file: EvidenceFile) -> Any:
            return halves.settle(laid_over(file))

        def take(rel: str, settled: Any) -> EvidenceFile:
            if overlay is not None:
                overlay.mark(rel)  # laid over in the worker
            return halves.take(settled)

        split = _Split(first, take)

    # Kept settled only where the file as read is the file settled: nothing laid over it.
    keyed = settle if isinstance(settle, KeyedSettle) and overlay is None and not titles else None
    if cache is None:
        files = _extract_all(candidates, jobs, progress, date_order, finish, split)
    else:
        files = _extract_cached(candidates, cache, jobs, progress, date_order, finish, split, keyed)
    result = tuple(sorted(files, key=lambda f: f.path))
    return Evidence(result, overlay.notes() if overlay is not None else ())
