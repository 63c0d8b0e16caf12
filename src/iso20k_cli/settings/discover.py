"""Finding the configuration: ``--config``, else the nearest one from the evidence folder up
to the root of its repository, else the working directory's.

In each folder, ``.iso20k.yaml`` comes first, then a ``pyproject.toml`` with a
``[tool.iso20k]`` table (a ``pyproject.toml`` without one is passed over). The search
goes up from the evidence folder only inside a repository (up to the nearest folder
holding ``.git``, and never above it): outside one there is no boundary that says which
folders belong to the project, and a file left in a shared folder above (``/tmp``)
would configure the run. The working directory is looked in last, as it always was.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from iso20k_cli.settings.config import CONFIG_NAME
from iso20k_cli.settings.pyproject import PYPROJECT_NAME, read_tool_table

GIT_MARKER = ".git"
"""A folder (a repository) or a file (a worktree or submodule pointing at one)."""


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except OSError:  # a folder above that cannot be listed holds nothing for us
        return False


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:
        return False


def repository_root(folder: Path) -> Path | None:
    """The nearest folder from ``folder`` (absolute) upwards that holds ``.git``."""
    for candidate in (folder, *folder.parents):
        if _exists(candidate / GIT_MARKER):
            return candidate
    return None


def _absolute(path: Path) -> Path:
    # Made absolute as named, links kept: the folders above are those the user sees.
    return Path(os.path.abspath(path))  # noqa: PTH100


def search_folders(evidence_dir: Path, cwd: Path) -> Iterator[Path]:
    """The folders to look in, nearest first, each once (absolute)."""
    start = _absolute(evidence_dir)
    root = repository_root(start)
    above = () if root is None else start.parents[: len(start.parts) - len(root.parts)]
    seen: set[Path] = set()
    for folder in (start, *above, _absolute(cwd)):
        if folder not in seen:
            seen.add(folder)
            yield folder


def find_config(evidence_dir: Path, explicit: Path | None, cwd: Path | None = None) -> Path | None:
    """The configuration to use (see the module's docstring), shown as the evidence folder
    is: relative to the working directory when the folder was named relative to it."""
    if explicit is not None:
        return explicit
    here = cwd or Path.cwd()
    for folder in search_folders(evidence_dir, here):
        candidate = folder / CONFIG_NAME
        if _is_file(candidate):
            return _shown(candidate, evidence_dir)
        project = folder / PYPROJECT_NAME
        if _is_file(project) and read_tool_table(project, required=False) is not None:
            return _shown(project, evidence_dir)
    return None


def _shown(found: Path, evidence_dir: Path) -> Path:
    if evidence_dir.is_absolute():
        return found
    try:
        return Path(os.path.relpath(found))
    except ValueError:  # another drive
        return found
