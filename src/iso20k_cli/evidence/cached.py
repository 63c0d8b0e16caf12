"""Each evidence file's extraction, kept under a key that changes whenever the result could.

A file's key holds its relative path and size, the settings that change how it is read
(``date_order``), the tool's fingerprint, and one of:

- a SHA-256 of its content, for files up to ``HASHED_UP_TO`` (reading them again costs
  little next to parsing them) and for any file whose times cannot be trusted: modified
  within the last ``RACY_SECONDS`` (a second change within the file system's time
  resolution would go unseen), dated in the future, or not dated at all;
- otherwise its identity on disk: absolute path, device, inode, modification and change
  times in nanoseconds. The change time cannot be set back by hand, so a file rewritten
  at the same size with its old modification time restored is still a miss.

A result is kept only when the file is as it was when its key was taken, and only
when it reads back from JSON equal to itself, so a warm run reports exactly what a
cold one does.

What is laid over a file after it is read (the evidence manifest, and with ``--git`` the
history of the repository) is not part of the result kept, so it is not part of the key:
a run with ``--git`` and one without share the extraction, and the recognition cache,
keyed on the file as laid over, keeps them apart.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pydantic import TypeAdapter

from iso20k_cli.cache.entries import validated
from iso20k_cli.cache.fingerprint import tool_fingerprint
from iso20k_cli.cache.store import Store, key_of
from iso20k_cli.evidence.dates import DateOrder
from iso20k_cli.evidence.extract import reads_content
from iso20k_cli.evidence.model import EvidenceFile
from iso20k_cli.evidence.scan import Candidate

KIND = "evidence"
_FILE: TypeAdapter[EvidenceFile] = TypeAdapter(EvidenceFile)
HASHED_UP_TO = 1024 * 1024
RACY_SECONDS = 2
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_BINARY = getattr(os, "O_BINARY", 0)
# A pipe swapped in since the scan must not block the open; a regular file ignores it.
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)

Stamp = tuple[int, int, int, int, int]
"""Size, modification and change times (ns), inode and device: what says a file changed."""


@dataclass(frozen=True)
class Keyed:
    candidate: Candidate
    key: str
    stamp: Stamp


def _stamp(info: os.stat_result) -> Stamp:
    return (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev)


def _racy(info: os.stat_result, now_ns: int) -> bool:
    newest = max(info.st_mtime_ns, info.st_ctime_ns)
    return info.st_mtime_ns <= 0 or now_ns - newest < RACY_SECONDS * 1_000_000_000


def _content_digest(candidate: Candidate, expected: Stamp) -> str | None:
    """SHA-256 of the file, if it is still the one scanned (a link or a pipe that
    replaced it since is neither followed nor waited on)."""
    try:
        handle = os.open(candidate.path, os.O_RDONLY | _NOFOLLOW | _BINARY | _NONBLOCK)
    except OSError:
        return None
    with os.fdopen(handle, "rb") as stream:
        try:
            if _stamp(os.fstat(stream.fileno())) != expected:
                return None
            return hashlib.file_digest(stream, "sha256").hexdigest()
        except OSError:
            return None


class EvidenceCache:
    """Extraction results of one run's settings, looked up and kept per file."""

    def __init__(self, store: Store, date_order: DateOrder | None) -> None:
        self.store = store
        self.settings = json.dumps({"date_order": date_order}, sort_keys=True)
        self.fingerprint = tool_fingerprint()

    def key(self, candidate: Candidate, now_ns: int | None = None) -> Keyed | None:
        """The key of a file worth caching, or ``None`` (not read, or gone since the scan)."""
        if candidate.skip_reason is not None or not reads_content(candidate.rel):
            return None
        try:
            info = os.lstat(candidate.path)
        except OSError:
            return None
        if not stat.S_ISREG(info.st_mode) or info.st_size != candidate.size:
            return None
        stamp = _stamp(info)
        now = time.time_ns() if now_ns is None else now_ns
        if info.st_size <= HASHED_UP_TO or _racy(info, now):
            digest = _content_digest(candidate, stamp)
            if digest is None:
                return None
            identity = f"content {digest}"
        else:
            # Absolute but not resolved: the evidence folder's links are never followed.
            where = str(Path.cwd() / candidate.path)
            identity = f"file {where} {info.st_dev} {info.st_ino} "
            identity += f"{info.st_mtime_ns} {info.st_ctime_ns}"
        key = key_of(
            KIND, self.fingerprint, self.settings, candidate.rel, str(candidate.size), identity
        )
        return Keyed(candidate, key, stamp)

    def get(self, keyed: Keyed) -> EvidenceFile | None:
        found = validated(_FILE, self.store.get(KIND, keyed.key))
        if found is None or found.path != keyed.candidate.rel:
            return None
        return found if found.size == keyed.candidate.size else None

    def put(self, keyed: Keyed, file: EvidenceFile) -> bool:
        """Keep ``file`` under ``keyed``; whether it was kept.

        A file that could not be read is never kept: the failure may be the moment's (the
        file went while it was read, a busy machine ran out of time, memory ran short),
        and an entry found by content would serve it to every later run, and to a copy
        of the folder, with the first run's path in its message."""
        if file.path != keyed.candidate.rel or file.read_failure:
            return False
        try:
            if _stamp(os.lstat(keyed.candidate.path)) != keyed.stamp:
                return False  # changed while it was read: the result may be of neither version
        except OSError:
            return False
        body = file.model_dump_json().encode("utf-8")
        if validated(_FILE, body) != file:
            return False
        self.store.put(KIND, keyed.key, body)
        return True

    def lookup(
        self, candidates: Iterable[Candidate]
    ) -> tuple[list[EvidenceFile], list[Candidate], list[Keyed | None]]:
        """The files found in the cache, the candidates left to read, and for each of
        those the key to keep what it reads under (``None``: not kept)."""
        now = time.time_ns()
        found: list[EvidenceFile] = []
        missing: list[Candidate] = []
        keys: list[Keyed | None] = []
        for candidate in candidates:
            keyed = self.key(candidate, now)
            hit = self.get(keyed) if keyed is not None else None
            if hit is not None:
                found.append(hit)
            else:
                missing.append(candidate)
                keys.append(keyed)
        return found, missing, keys

    def keep(self, keys: Iterable[Keyed | None], files: Iterable[EvidenceFile]) -> None:
        """Keep what was read, each file under the key taken before it was read."""
        for keyed, file in zip(keys, files, strict=True):
            if keyed is not None:
                self.put(keyed, file)
