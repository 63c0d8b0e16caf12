"""Walk the evidence folder: which files are evidence, which are noise, which are links."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from iso20k_cli.errors import EvidenceFolderError

# Files that operating systems and editors leave behind: never evidence.
_NOISE_NAMES = frozenset({"thumbs.db", "desktop.ini", ".ds_store", "ehthumbs.db", "icon\r"})
_NOISE_PATTERNS = (
    re.compile(r"^~\$"),  # Office owner/lock files
    re.compile(r"^\.~lock\..*#$"),  # LibreOffice lock files
    re.compile(r".*~$"),  # editor backups
    re.compile(r".*\.(swp|swo|tmp)$", re.IGNORECASE),
)


@dataclass(frozen=True)
class Candidate:
    """A path found in the folder, relative with ``/``, and why it cannot be read if so."""

    rel: str
    path: Path
    size: int
    skip_reason: str | None = None


def is_noise(name: str) -> bool:
    if name.lower() in _NOISE_NAMES or name.startswith("."):
        return True
    return any(p.match(name) for p in _NOISE_PATTERNS)


@lru_cache(maxsize=256)
def glob_regex(pattern: str) -> re.Pattern[str]:
    """Translate a gitignore-like glob: ``*`` within a name, ``**`` across folders.

    A pattern without a slash matches a name at any depth; a trailing slash matches
    a folder and everything under it.
    """
    pattern = pattern.strip()
    folder_only = pattern.endswith("/")
    pattern = pattern.rstrip("/")
    anchored = "/" in pattern  # a leading or inner slash ties the pattern to the root
    pattern = pattern.lstrip("/")
    out = ""
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if pattern.startswith("**/", i):
            out += "(?:.*/)?"
            i += 3
            continue
        if pattern.startswith("**", i):
            out += ".*"
            i += 2
            continue
        if char == "*":
            out += "[^/]*"
        elif char == "?":
            out += "[^/]"
        else:
            out += re.escape(char)
        i += 1
    prefix = "" if anchored else "(?:.*/)?"
    suffix = "/.*" if folder_only else "(?:/.*)?"
    return re.compile(f"^{prefix}{out}{suffix}$", re.IGNORECASE)


def is_ignored(rel: str, patterns: Iterable[str]) -> bool:
    return any(glob_regex(p).match(rel) for p in patterns if p.strip())


def scan(root: Path, ignore: Iterable[str] = (), max_bytes: int | None = None) -> list[Candidate]:
    """List the evidence files below ``root`` in a stable order. Reads no file content."""
    if not root.exists():
        raise EvidenceFolderError("evidence folder not found", path=root)
    if not root.is_dir():
        raise EvidenceFolderError("not a folder", path=root)
    patterns = tuple(ignore)
    found: list[Candidate] = []

    def on_error(exc: OSError) -> None:
        rel = Path(exc.filename).relative_to(root).as_posix() if exc.filename else "?"
        found.append(
            Candidate(rel, Path(exc.filename or root), 0, f"cannot be listed: {exc.strerror}")
        )

    for folder, dirs, files in os.walk(root, followlinks=False, onerror=on_error):
        base = Path(folder)
        rel_base = base.relative_to(root).as_posix()
        prefix = "" if rel_base == "." else rel_base + "/"
        kept_dirs = []
        for name in sorted(dirs):
            rel = prefix + name
            if name.startswith(".") or is_ignored(rel + "/", patterns):
                continue
            if (base / name).is_symlink():
                found.append(
                    Candidate(rel, base / name, 0, "symbolic link to a folder; not followed")
                )
                continue
            kept_dirs.append(name)
        dirs[:] = kept_dirs
        for name in files:
            rel = prefix + name
            path = base / name
            if is_noise(name) or is_ignored(rel, patterns):
                continue
            if path.is_symlink():
                found.append(Candidate(rel, path, 0, "symbolic link; not followed"))
                continue
            try:
                size = path.stat().st_size
            except OSError as exc:
                found.append(Candidate(rel, path, 0, f"cannot be read: {exc.strerror}"))
                continue
            if not path.is_file():
                continue  # sockets, fifos: nothing to read
            reason = None
            if max_bytes is not None and size > max_bytes:
                reason = f"larger than the {max_bytes // (1024 * 1024)} MB limit; not read"
            found.append(Candidate(rel, path, size, reason))
    # A name that is not valid UTF-8 (an old Windows or Mac archive) would make the JSON
    # output invalid; it is shown with its odd bytes escaped, and still read by its path.
    shown = [replace(c, rel=_printable(c.rel)) for c in found]
    shown.sort(key=lambda c: c.rel)
    return shown


def _printable(rel: str) -> str:
    return os.fsencode(rel).decode("utf-8", "backslashreplace")
