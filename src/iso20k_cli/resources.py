"""Where the shipped catalogues and templates are, installed or in a source checkout."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

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


def shipped_catalogues() -> tuple[str, ...]:
    """The names of the catalogues that come with the tool (``iso9001-2015`` …)."""
    return tuple(sorted(p.stem for p in requirements_dir().glob("*.yaml")))


def shipped_catalogue(path: Path | None) -> Path | None:
    """The shipped catalogue ``path`` names, when it names one rather than a file.

    ``None`` is the default one. A bare name (``iso9001-2015``, with or without
    ``.yaml``, or ``builtin:iso9001-2015.yaml`` as results name it) is a shipped
    catalogue unless a file of that name exists, which wins."""
    if path is None:
        return default_catalogue_path()
    name = str(path)
    if name.startswith("builtin:"):
        name = name.removeprefix("builtin:")
    elif path.exists() or len(path.parts) != 1:
        return None
    stem = name.removesuffix(".yaml")
    return requirements_dir() / f"{stem}.yaml" if stem in shipped_catalogues() else None


class CatalogueSource(NamedTuple):
    """The file a ``--catalogue`` value names, how results name it, and whether it is
    part of the tool (its bounds checked in tests) rather than input."""

    file: Path
    label: str
    shipped: bool


def catalogue_source(path: Path | None) -> CatalogueSource:
    """What ``--catalogue path`` reads (``None``: the default shipped catalogue).

    A shipped catalogue is named, not located: its install path would make otherwise
    identical results differ between machines."""
    shipped = shipped_catalogue(path)
    if shipped is not None:
        return CatalogueSource(shipped, f"builtin:{shipped.name}", True)
    assert path is not None  # None names the default catalogue, which is shipped
    return CatalogueSource(path, str(path), False)
