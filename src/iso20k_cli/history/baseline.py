"""Saved JSON results (``iso20k check --format json``) read back as baselines.

Only the fields a comparison needs are modelled, and unknown fields are ignored, so a
result written by a later version of the tool (which may add fields) still reads.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from iso20k_cli.assess.model import SCHEMA_VERSION, Assessment, Severity, Status
from iso20k_cli.errors import Iso20kError


class ResultFileError(Iso20kError):
    """A baseline or saved result cannot be read or compared."""


class _Saved(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class SavedAcceptance(_Saved):
    expired: bool = False


class SavedFinding(_Saved):
    id: str
    clause: str | None = None
    item: str | None = None
    severity: Severity
    check: str = ""
    message: str = ""
    recommendation: str = ""
    accepted: SavedAcceptance | None = None

    @property
    def counts(self) -> bool:
        """Not under an active acceptance (a waiver): an accepted finding never fails a gate."""
        return self.accepted is None or self.accepted.expired


class SavedItem(_Saved):
    id: str
    clause: str
    title: str = ""
    status: Status


class SavedClause(_Saved):
    id: str
    title: str = ""
    score: float | None = None
    status: Status


class SavedVerdict(_Saved):
    stage1_ready: bool
    stage2_ready: bool


class SavedCatalogue(_Saved):
    id: str


class SavedResult(_Saved):
    schema_version: int
    as_of: dt.date | None = None
    score: float
    catalogue: SavedCatalogue
    verdict: SavedVerdict | None = None
    clauses: tuple[SavedClause, ...]
    items: tuple[SavedItem, ...]
    findings: tuple[SavedFinding, ...]

    @classmethod
    def of(cls, assessment: Assessment) -> SavedResult:
        """The current run seen exactly as its saved JSON would be read back."""
        return cls.model_validate(assessment.model_dump(mode="json"))


def load_result(path: Path) -> SavedResult:
    """Read a JSON result; every problem is a ResultFileError naming the file (and line)."""
    # The YAML loader, which reports an invalid result's line, is imported only to read
    # one: a run that compares with nothing (most runs) never needs it.
    from iso20k_cli.yamlio import LoadedYaml, read_user_text, validate

    text = read_user_text(path, ResultFileError, "a JSON result")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ResultFileError(f"invalid JSON: {exc.msg}", path=path, line=exc.lineno) from None
    if not isinstance(data, dict) or "schema_version" not in data:
        raise ResultFileError(f"{_NOT_A_RESULT} no schema_version", path=path)
    if data["schema_version"] != SCHEMA_VERSION:
        raise ResultFileError(
            f"written with schema_version {data['schema_version']!r}; this version of "
            f"iso20k reads schema_version {SCHEMA_VERSION}",
            path=path,
        )
    try:
        return SavedResult.model_validate(data)
    except ValidationError:
        # Rare path: parse again keeping positions (JSON is YAML), so the error has a line.
        return validate(SavedResult, LoadedYaml(path, data, _tree(text)), _invalid)


_NOT_A_RESULT = "not a JSON result of 'iso20k check --format json':"


def _invalid(
    message: str, *, path: Path | str | None = None, line: int | None = None
) -> Iso20kError:
    return ResultFileError(f"{_NOT_A_RESULT} {message}", path=path, line=line)


def _tree(text: str) -> object:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    try:
        return YAML(typ="rt").load(text)
    except YAMLError:
        return None


def require_same_catalogue(old: SavedResult, new: SavedResult, old_path: Path) -> None:
    """Results assessed against different catalogues share no identities to compare."""
    if old.catalogue.id != new.catalogue.id:
        raise ResultFileError(
            f"assessed against catalogue '{old.catalogue.id}', not '{new.catalogue.id}'; "
            "results can only be compared for the same catalogue",
            path=old_path,
        )
