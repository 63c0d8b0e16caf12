"""Walk the evidence folder: which files are evidence, which are noise, which are links."""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator
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


# Glob steps. A glob is matched by walking all its positions at once over the path
# (a Thompson simulation), so time grows with path length times pattern length: a
# regular expression made from '**/**/**/…' or '*a*a*a…b' backtracked exponentially.
_CHAR, _ONE, _STAR, _ANY, _FOLDERS = range(5)
Step = tuple[int, str]


@dataclass(frozen=True)
class Glob:
    """A gitignore-like glob: ``*`` within a name, ``**`` across folders.

    A pattern without a slash matches a name at any depth; a trailing slash matches
    a folder and everything under it; otherwise the path or any folder above it may
    match.
    """

    steps: tuple[Step, ...]
    folder_only: bool

    def match(self, path: str) -> bool:
        text = path.lower()
        states = self._closure({0})
        final = len(self.steps)
        for char in text:
            # A match of the part before a slash matches the folder, and so the path.
            if char == "/" and final in states:
                return True
            states = self._closure(self._advance(states, char))
            if not states:
                return False
        return final in states and not self.folder_only

    def _advance(self, states: set[int], char: str) -> set[int]:
        # '**/' at step i has two states: i, which may also be skipped, and -(i + 1),
        # inside its run of folders, which only a '/' can leave.
        moved: set[int] = set()
        for state in states:
            if state < 0:
                moved.add(state)
                if char == "/":
                    moved.add(-state)
                continue
            if state == len(self.steps):
                continue
            kind, literal = self.steps[state]
            if (kind == _CHAR and char == literal) or (kind == _ONE and char != "/"):
                moved.add(state + 1)
            elif (kind == _STAR and char != "/") or kind == _ANY:
                moved.add(state)
            elif kind == _FOLDERS:
                moved.add(-(state + 1))
                if char == "/":
                    moved.add(state + 1)
        return moved

    def _closure(self, states: set[int]) -> set[int]:
        # '*', '**' and '**/' may match nothing: their next step is reachable too.
        result = set(states)
        pending = list(states)
        while pending:
            state = pending.pop()
            optional = 0 <= state < len(self.steps) and self.steps[state][0] in (
                _STAR,
                _ANY,
                _FOLDERS,
            )
            if optional and state + 1 not in result:
                result.add(state + 1)
                pending.append(state + 1)
        return result


@lru_cache(maxsize=256)
def compile_glob(pattern: str) -> Glob:
    pattern = pattern.strip()
    folder_only = pattern.endswith("/")
    pattern = pattern.rstrip("/")
    anchored = "/" in pattern  # a leading or inner slash ties the pattern to the root
    pattern = pattern.lstrip("/").lower()
    steps: list[Step] = [] if anchored else [(_FOLDERS, "")]
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            if not steps or steps[-1][0] != _FOLDERS:  # '**/**/' is '**/'
                steps.append((_FOLDERS, ""))
            i += 3
        elif pattern.startswith("**", i):
            steps.append((_ANY, ""))
            i += 2
        elif pattern[i] == "*":
            if not steps or steps[-1][0] != _STAR:
                steps.append((_STAR, ""))
            i += 1
        elif pattern[i] == "?":
            steps.append((_ONE, ""))
            i += 1
        else:
            steps.append((_CHAR, pattern[i]))
            i += 1
    return Glob(tuple(steps), folder_only)


def is_ignored(rel: str, patterns: Iterable[str]) -> bool:
    return any(compile_glob(p).match(rel) for p in patterns if p.strip())


def _walk(
    root: Path, on_error: Callable[[OSError], None]
) -> Iterator[tuple[Path, list[str], list[str]]]:
    """``os.walk`` without following links, top-down, pruned by editing ``dirs``; iterative,
    because a folder tree may be deeper than Python's recursion limit."""
    stack = [root]
    while stack:
        folder = stack.pop()
        dirs: list[str] = []
        files: list[str] = []
        try:
            with os.scandir(folder) as entries:
                for entry in entries:
                    try:
                        is_dir = entry.is_dir(follow_symlinks=False)
                    except OSError:
                        is_dir = False
                    (
                        dirs if is_dir or (entry.is_symlink() and _links_folder(entry)) else files
                    ).append(entry.name)
        except OSError as exc:
            on_error(exc)
            continue
        yield folder, dirs, files
        # Reversed, so that folders are visited in the order ``dirs`` lists them.
        stack.extend(folder / name for name in reversed(dirs))


def _links_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


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

    for base, dirs, files in _walk(root, on_error):
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
                info = path.lstat()
            except OSError as exc:
                found.append(Candidate(rel, path, 0, f"cannot be read: {exc.strerror}"))
                continue
            size = info.st_size
            if not stat.S_ISREG(info.st_mode):
                # Opening a pipe would block; a device could be endless. Listed, never read.
                found.append(Candidate(rel, path, 0, f"{_kind(info.st_mode)}; not read"))
                continue
            reason = None
            if max_bytes is not None and size > max_bytes:
                reason = f"larger than the {max_bytes // (1024 * 1024)} MB limit; not read"
            found.append(Candidate(rel, path, size, reason))
    # A name that is not valid UTF-8 (an old Windows or Mac archive) would make the JSON
    # output invalid; it is shown with its odd bytes escaped, and still read by its path.
    shown = [replace(c, rel=_printable(c.rel)) for c in found]
    shown.sort(key=lambda c: c.rel)
    return shown


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO), not a file"
    if stat.S_ISSOCK(mode):
        return "a socket, not a file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device, not a file"
    return "not a regular file"


def _printable(rel: str) -> str:
    return os.fsencode(rel).decode("utf-8", "backslashreplace")
