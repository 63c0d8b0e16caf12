"""Cache entries on disk: written atomically, checked on every read, trimmed to a size.

An entry is one file, ``v1/<kind>/<first two hex digits>/<key>.json``: a header line
``iso20k-cache 1 <kind> <key> <sha256 of the body>`` and a JSON body. A read that finds
anything else (a truncated or damaged file, another format, a body that does not match
its checksum, an entry copied under another key's name) returns nothing, so the caller
rebuilds the entry. Bodies are data read by pydantic, never code: a cache folder that
someone else wrote can at worst change what a run reports, not what it runs.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import stat
import time
from dataclasses import dataclass
from pathlib import Path

FORMAT = 1
_MAGIC = "iso20k-cache"
VERSION_DIR = f"v{FORMAT}"
_FORMAT_DIRS = frozenset(f"v{n}" for n in range(1, FORMAT + 1))
_KEY = re.compile(r"^[0-9a-f]{64}$")
_KIND = re.compile(r"^[a-z]{1,20}$")
MAX_ENTRY_BYTES = 64 * 1024 * 1024
"""Larger entries are not kept: reading one back would cost as much as reading the file."""
_MAX_HEADER = 256
_BINARY = getattr(os, "O_BINARY", 0)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_TRIM_TO = 0.8
"""Trimming goes below the limit, so that the next few runs do not trim again."""
_STALE_TEMP_SECONDS = 3600
_CACHEDIR_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by iso20k.\n"
    "# For information about cache directory tags see https://bford.info/cachedir/\n"
)


def key_of(*parts: str | bytes) -> str:
    """A key for an entry: a digest of everything that decides its content."""
    digest = hashlib.sha256()
    for part in parts:
        encoded = part if isinstance(part, bytes) else part.encode("utf-8", "surrogatepass")
        digest.update(len(encoded).to_bytes(8, "big"))
        digest.update(encoded)
    return digest.hexdigest()


@dataclass(frozen=True)
class Usage:
    entries: int
    size: int
    by_kind: dict[str, int]


class Store:
    """The entries of one cache folder. Every failure to read or write is a miss, never
    an error: the cache only ever saves time."""

    def __init__(self, root: Path, limit: int) -> None:
        self.root = root
        self.folder = root / VERSION_DIR
        self._base = str(self.folder)
        self._folders: set[str] = set()
        self._temps = 0
        self.limit = limit
        self.written = 0

    @classmethod
    def open(cls, root: Path, limit: int) -> Store | None:
        """The store in ``root``, created if need be; ``None`` when it cannot be written."""
        try:
            root.mkdir(mode=0o700, parents=True, exist_ok=True)
            tag = root / "CACHEDIR.TAG"
            if not tag.exists():
                tag.write_text(_CACHEDIR_TAG, encoding="ascii")
            (root / VERSION_DIR).mkdir(mode=0o700, exist_ok=True)
        except OSError:
            return None
        return cls(root, limit)

    def _folder(self, kind: str, key: str) -> str:
        if not _KIND.match(kind) or not _KEY.match(key):
            raise ValueError(f"not a cache key: {kind}/{key}")
        # Joined as strings: thousands of look-ups per run make pathlib's cost show.
        return f"{self._base}{os.sep}{kind}{os.sep}{key[:2]}"

    def _path(self, kind: str, key: str) -> str:
        return f"{self._folder(kind, key)}{os.sep}{key}.json"

    def get(self, kind: str, key: str) -> bytes | None:
        """The body stored under ``key``, if there is a sound one."""
        path = self._path(kind, key)
        try:
            # Only a regular file is read: a pipe put in its place is neither waited on
            # nor a link followed.
            handle = os.open(path, os.O_RDONLY | _BINARY | _NOFOLLOW | _NONBLOCK)
        except OSError:
            return None
        try:
            with os.fdopen(handle, "rb") as stream:
                if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
                    return None
                content = stream.read(MAX_ENTRY_BYTES + _MAX_HEADER + 1)
        except OSError:
            return None
        body = _body(content, kind, key)
        if body is not None:
            # Entries read are kept longest when the cache is trimmed.
            with contextlib.suppress(OSError):
                os.utime(path)
        return body

    def put(self, kind: str, key: str, body: bytes) -> None:
        """Keep ``body`` under ``key``, replacing any entry there in one step."""
        if len(body) > MAX_ENTRY_BYTES:
            return
        folder = self._folder(kind, key)
        path = f"{folder}{os.sep}{key}.json"
        digest = hashlib.sha256(body).hexdigest()
        header = f"{_MAGIC} {FORMAT} {kind} {key} {digest}\n".encode("ascii")
        # Unique to this process and entry; O_EXCL refuses a name that is somehow taken.
        self._temps += 1
        temp = f"{folder}{os.sep}.tmp-{os.getpid()}-{self._temps}"
        try:
            if folder not in self._folders:
                Path(folder).mkdir(mode=0o700, parents=True, exist_ok=True)
                self._folders.add(folder)
            handle = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _BINARY, 0o600)
        except OSError:
            return
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(header)
                stream.write(body)
            os.replace(temp, path)  # noqa: PTH105 - string paths, see _folder
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(temp)  # noqa: PTH108 - a string path, see _folder
            return
        self.written += len(header) + len(body)

    def trim(self) -> None:
        """After a run that added entries: remove those used longest ago while the cache
        is over its limit, and temporary files that a killed run left behind."""
        if self.written == 0:
            return
        now = time.time()
        entries: list[tuple[float, int, Path]] = []
        for path, info in _files(self.folder):
            if path.name.startswith(".tmp-"):
                if now - info.st_mtime > _STALE_TEMP_SECONDS:
                    with contextlib.suppress(OSError):
                        path.unlink()
                continue
            entries.append((info.st_mtime, info.st_size, path))
        total = sum(size for _, size, _ in entries)
        if total <= self.limit:
            return
        entries.sort()
        for _, size, path in entries:
            if total <= self.limit * _TRIM_TO:
                break
            with contextlib.suppress(OSError):
                path.unlink()
                total -= size


def _body(content: bytes, kind: str, key: str) -> bytes | None:
    end = content.find(b"\n", 0, _MAX_HEADER)
    if end < 0 or len(content) > MAX_ENTRY_BYTES + end + 1:
        return None
    try:
        magic, version, found_kind, found_key, digest = content[:end].decode("ascii").split(" ")
    except (UnicodeDecodeError, ValueError):
        return None
    body = content[end + 1 :]
    if (magic, version, found_kind, found_key) != (_MAGIC, str(FORMAT), kind, key):
        return None
    if hashlib.sha256(body).hexdigest() != digest:
        return None
    return body


def _files(folder: Path) -> list[tuple[Path, os.stat_result]]:
    """Every regular file below ``folder`` with its status; links are neither followed
    nor counted."""
    found: list[tuple[Path, os.stat_result]] = []
    stack = [folder]
    while stack:
        current = stack.pop()
        try:
            with os.scandir(current) as listing:
                for entry in listing:
                    try:
                        info = entry.stat(follow_symlinks=False)
                    except OSError:
                        continue
                    if stat.S_ISDIR(info.st_mode):
                        stack.append(Path(entry.path))
                    elif stat.S_ISREG(info.st_mode):
                        found.append((Path(entry.path), info))
        except OSError:
            continue
    return found


def usage(root: Path) -> Usage:
    """How many entries the cache in ``root`` holds and their size on disk."""
    return _usage_of(root / VERSION_DIR)


def _usage_of(folder: Path) -> Usage:
    by_kind: dict[str, int] = {}
    size = 0
    for path, info in _files(folder):
        if path.name.startswith(".tmp-"):
            continue
        kind = path.relative_to(folder).parts[0]
        by_kind[kind] = by_kind.get(kind, 0) + 1
        size += info.st_size
    return Usage(sum(by_kind.values()), size, by_kind)


def clear(root: Path) -> Usage:
    """Remove every entry of this and earlier cache formats from ``root``; what was there.

    Only the tool's own folders are removed, so that a cache folder pointed at a folder
    with other files in it loses none of them."""
    entries, size = 0, 0
    by_kind: dict[str, int] = {}
    try:
        children = list(root.iterdir())
    except OSError:
        children = []
    for child in children:
        if child.name in _FORMAT_DIRS and child.is_dir() and not child.is_symlink():
            found = _usage_of(child)
            entries, size = entries + found.entries, size + found.size
            for kind, count in found.by_kind.items():
                by_kind[kind] = by_kind.get(kind, 0) + count
            shutil.rmtree(child, ignore_errors=True)
    return Usage(entries, size, by_kind)
