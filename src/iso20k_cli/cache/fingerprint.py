"""What identifies the code that made a cache entry: a change to any of it is a miss."""

from __future__ import annotations

import hashlib
import sys
from functools import lru_cache
from importlib import metadata
from pathlib import Path

import iso20k_cli
from iso20k_cli import __version__

# The parsers whose output lands in an entry: an upgrade of one can change what a
# file reads as, so its version is part of every key.
_LIBRARIES = (
    "pydantic",
    "pydantic-core",
    "pypdf",
    "python-docx",
    "openpyxl",
    "python-pptx",
    "ruamel.yaml",
    "defusedxml",
    "google-re2",
    "lxml",
)


@lru_cache(maxsize=1)
def tool_fingerprint() -> str:
    """The tool's version, Python's, the parsers' and a digest of the tool's own source.

    The source is hashed as well as the version because a checkout under development
    keeps one version number through many changes to how files are read."""
    digest = hashlib.sha256()
    digest.update(f"iso20k {__version__}\npython {sys.version}\n".encode())
    for name in _LIBRARIES:
        try:
            found = metadata.version(name)
        except metadata.PackageNotFoundError:
            found = "-"
        digest.update(f"{name} {found}\n".encode())
    package = Path(iso20k_cli.__file__).resolve().parent
    for path in sorted(package.rglob("*.py"), key=lambda p: p.relative_to(package).as_posix()):
        module = path.relative_to(package).as_posix().encode("utf-8", "surrogateescape")
        try:
            content = path.read_bytes()
        except OSError:
            content = b""
        digest.update(b"%d %d\n" % (len(module), len(content)) + module + content)
    return digest.hexdigest()
