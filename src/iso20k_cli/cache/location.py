"""Where the cache lives and how large it may grow."""

from __future__ import annotations

import os
from pathlib import Path

from iso20k_cli.cache.store import VERSION_DIR, Store

CACHE_DIR_ENV = "ISO20K_CACHE_DIR"
"""A folder to keep the cache in instead of the user's cache folder (tests use it)."""
CACHE_MAX_MB_ENV = "ISO20K_CACHE_MAX_MB"
DEFAULT_MAX_MB = 256
"""Enough for the extraction of several folders of thousands of files each; past it the
entries used longest ago are removed."""


def cache_dir() -> Path:
    """``ISO20K_CACHE_DIR``, else the platform's cache folder for the user."""
    override = os.environ.get(CACHE_DIR_ENV, "").strip()
    if override:
        return Path(override).expanduser()
    # Imported here: only runs that use the cache pay for it.
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("iso20k", appauthor=False))


def max_bytes() -> int:
    """The size the cache is trimmed to, from ``ISO20K_CACHE_MAX_MB`` or the default."""
    text = os.environ.get(CACHE_MAX_MB_ENV, "").strip()
    try:
        megabytes = int(text) if text else DEFAULT_MAX_MB
    except ValueError:
        megabytes = DEFAULT_MAX_MB
    return max(1, megabytes) * 1024 * 1024


def open_cache(evidence_dir: Path) -> Store | None:
    """The cache for a run on ``evidence_dir``; ``None`` when it cannot be used.

    A cache folder inside the evidence folder is not used, nor one whose entries would
    land in it: the tool never writes into the evidence folder."""
    root = cache_dir()
    try:
        where = root.resolve()
        evidence = evidence_dir.resolve()
    except (OSError, RuntimeError):
        return None
    if (
        where.is_relative_to(evidence)
        or evidence == where
        or evidence.is_relative_to(where / VERSION_DIR)
    ):
        return None
    return Store.open(where, max_bytes())
