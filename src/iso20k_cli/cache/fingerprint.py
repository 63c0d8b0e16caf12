"""What identifies the code that made a cache entry: a change to any of it is a miss.

Computed once per run, so it must cost little: installed versions are read from the
names of the ``*.dist-info`` folders (parsing each package's metadata took longer than
the rest of a warm run's start), and the tool's own modules by name, size and
modification time (a checkout under development keeps one version number through many
changes to how files are read).
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
from functools import lru_cache
from pathlib import Path

import iso20k_cli
from iso20k_cli import __version__

# The parsers whose output lands in an entry: an upgrade of one can change what a
# file reads as, so its version is part of every key.
LIBRARIES = frozenset(
    {
        "pydantic",
        "pydantic_core",
        "pypdf",
        "python_docx",
        "openpyxl",
        "python_pptx",
        "ruamel_yaml",
        "defusedxml",
        "google_re2",
        "lxml",
        "olefile",
        "xlrd",
    }
)
_DIST_INFO = re.compile(r"^(?P<name>[^-]+)-(?P<version>[^-]+)\.dist-info$")


def _normalised(name: str) -> str:
    return re.sub(r"[-_.]+", "_", name).lower()


def library_versions(paths: list[str] | None = None) -> list[str]:
    """``name version`` of each library installed on ``paths`` (``sys.path``), the first
    found winning as at import time."""
    found: dict[str, str] = {}
    for entry in paths if paths is not None else sys.path:
        try:
            names = os.listdir(entry or ".")  # noqa: PTH208 - names only, one call
        except OSError:
            continue
        for folder in names:
            match = _DIST_INFO.match(folder)
            if match is None:
                continue
            name = _normalised(match["name"])
            if name in LIBRARIES and name not in found:
                found[name] = match["version"]
    return sorted(f"{name} {version}" for name, version in found.items())


def _modules(package: str) -> list[str]:
    """``path size mtime`` of every module of the package, in a stable order."""
    stamps: list[str] = []
    for folder, subfolders, files in os.walk(package):
        subfolders[:] = sorted(d for d in subfolders if d != "__pycache__")
        for name in sorted(files):
            if name.endswith(".py"):
                path = os.path.join(folder, name)  # noqa: PTH118 - os.walk gives strings
                try:
                    info = os.stat(path)  # noqa: PTH116
                except OSError:
                    continue
                rel = os.path.relpath(path, package)
                stamps.append(f"{rel} {info.st_size} {info.st_mtime_ns}")
    return stamps


@lru_cache(maxsize=1)
def tool_fingerprint() -> str:
    """The tool's version and modules, Python's version and the parsers' versions."""
    package = str(Path(iso20k_cli.__file__).resolve().parent)
    lines = [
        f"iso20k {__version__}",
        f"python {sys.version}",
        *library_versions(),
        *_modules(package),
    ]
    return hashlib.sha256("\n".join(lines).encode("utf-8", "surrogateescape")).hexdigest()
