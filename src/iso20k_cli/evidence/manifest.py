"""The evidence manifest (``evidence.yaml`` at the evidence root).

It says, per file or glob, which clauses or items a file satisfies and what its
document control is: for scans, for files whose names say nothing, and for
formats whose metadata cannot be trusted. The manifest is read, never followed:
an entry naming a missing file or a path outside the folder is reported.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from pydantic import BaseModel, ConfigDict, Field

from iso20k_cli.errors import Iso20kError
from iso20k_cli.evidence.doccontrol import merge
from iso20k_cli.evidence.frontmatter import normalise_status
from iso20k_cli.evidence.model import ControlSource, DocumentControl, EvidenceFile
from iso20k_cli.evidence.scan import compile_glob
from iso20k_cli.yamlio import read_yaml, validate

MANIFEST_NAME = "evidence.yaml"
_GLOB_CHARS = set("*?[")


class ManifestError(Iso20kError):
    """The evidence manifest cannot be used."""


class ManifestEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    path: str = Field(min_length=1, description="A file, or a glob such as 'contracts/*.pdf'.")
    satisfies: tuple[str, ...] = ()
    title: str | None = None
    doc_id: str | None = Field(default=None, alias="id")
    version: str | None = None
    owner: str | None = None
    approver: str | None = None
    status: str | None = None
    approved: dt.date | None = None
    review_due: dt.date | None = None
    record_date: dt.date | None = None
    period_start: dt.date | None = None
    period_end: dt.date | None = None

    @property
    def is_glob(self) -> bool:
        return any(c in _GLOB_CHARS for c in self.path)

    def control(self) -> DocumentControl:
        return DocumentControl(
            doc_id=self.doc_id,
            version=self.version,
            owner=self.owner,
            approver=self.approver,
            status=normalise_status(self.status) if self.status else None,
            status_text=self.status,
            approved=self.approved,
            review_due=self.review_due,
        )

    def record_dates(self) -> tuple[dt.date, ...]:
        dates = (self.record_date, self.period_start, self.period_end)
        return tuple(sorted({d for d in dates if d is not None}))


class ManifestFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    files: tuple[ManifestEntry, ...] = ()


@dataclass(frozen=True)
class Manifest:
    entries: tuple[ManifestEntry, ...]
    name: str = MANIFEST_NAME
    problem: str | None = None
    """Why the manifest was not read although one is there (it is a link), for the findings."""

    def overlay(self) -> Overlay:
        """Lays the manifest over files one at a time, as they are read."""
        return Overlay(self)


class Overlay:
    """The manifest laid over each file as it comes; :meth:`notes` once all have come."""

    def __init__(self, manifest: Manifest) -> None:
        self._name = manifest.name
        self._notes: list[str] = [manifest.problem] if manifest.problem else []
        self._valid: list[tuple[int, ManifestEntry]] = []
        for index, entry in enumerate(manifest.entries):
            problem = _outside(entry.path)
            if problem:
                self._notes.append(
                    f"{self._name}: entry {index + 1} ('{entry.path}') {problem}; ignored"
                )
            else:
                self._valid.append((index, entry))
        self._used = [False] * len(manifest.entries)

    def __call__(self, file: EvidenceFile) -> EvidenceFile:
        for index, entry in self._valid:
            if _matches(entry, file.path):
                self._used[index] = True
                file = _overlay(file, entry)
        return file

    def mark(self, path: str) -> None:
        """Note the entries that match ``path``, laid over its file in another process."""
        for index, entry in self._valid:
            if _matches(entry, path):
                self._used[index] = True

    def notes(self) -> tuple[str, ...]:
        """Problems with the manifest: entries outside the folder or matching no file."""
        notes = list(self._notes)
        for index, entry in self._valid:
            if not self._used[index]:
                what = "matches no file" if entry.is_glob else "names a file that does not exist"
                notes.append(f"{self._name}: entry {index + 1} ('{entry.path}') {what}")
        return tuple(notes)


def _outside(path: str) -> str | None:
    pure = PurePosixPath(path.replace("\\", "/"))
    if pure.is_absolute() or path.startswith("~") or (len(path) > 1 and path[1] == ":"):
        return "is an absolute path, outside the evidence folder"
    if ".." in pure.parts:
        return "points outside the evidence folder"
    return None


def _matches(entry: ManifestEntry, rel: str) -> bool:
    wanted = entry.path.replace("\\", "/").strip("/")
    if entry.is_glob:
        return compile_glob(wanted).match(rel)
    return rel == wanted or rel.lower() == wanted.lower()


def _overlay(file: EvidenceFile, entry: ManifestEntry) -> EvidenceFile:
    declared = entry.control().tagged(ControlSource.MANIFEST)
    update: dict[str, object] = {"control": merge(declared, file.control)}
    if entry.title:
        update["title"], update["title_source"] = entry.title, "manifest"
    if entry.satisfies:
        update["declared"] = tuple(dict.fromkeys((*entry.satisfies, *file.declared)))
    if entry.record_dates():
        update["record_dates"] = entry.record_dates()
    return file.model_copy(update=update)


def read_manifest(path: Path) -> Manifest | None:
    """The manifest at ``path``, or None when there is none; a bad one stops the run."""
    if path.is_symlink():
        # The folder's promise is that links are never followed: a linked manifest
        # could declare anything about files from wherever it points.
        return Manifest(
            entries=(),
            problem=f"{path.name} is a symbolic link; links are never followed, so it was not read",
        )
    if not path.is_file():
        return None
    loaded = read_yaml(path, ManifestError)
    if loaded.data is None:
        return Manifest(entries=())
    if not isinstance(loaded.data, dict):
        raise ManifestError("the manifest must be a mapping with a 'files' list", path=path, line=1)
    spec = validate(ManifestFile, loaded, ManifestError)
    return Manifest(entries=spec.files)
