"""Where the shipped catalogues and templates are, installed or in a source checkout."""

from __future__ import annotations

from pathlib import Path

DEFAULT_CATALOGUE = "iso20000-1-2018.yaml"

# In a wheel the repository's requirements/ and templates/ are copied into the
# package as _data/; in a source checkout (or an editable install) they are read
# from the repository root, so that there is one copy of each file in git.
_PACKAGE_DATA = Path(__file__).resolve().parent / "_data"
_SOURCE_ROOT = Path(__file__).resolve().parents[2]


def _shipped(folder: str) -> Path:
    packaged = _PACKAGE_DATA / folder
    if packaged.is_dir():
        return packaged
    return _SOURCE_ROOT / folder


def requirements_dir() -> Path:
    return _shipped("requirements")


def templates_dir() -> Path:
    return _shipped("templates")


def default_catalogue_path() -> Path:
    return requirements_dir() / DEFAULT_CATALOGUE


def catalogue_label(path: Path | None) -> str:
    """How results name the catalogue read for ``--catalogue path`` (``None``: the shipped one).

    The shipped catalogue is named, not located: its install path would make otherwise
    identical results differ between machines."""
    return str(path) if path is not None else f"builtin:{DEFAULT_CATALOGUE}"
