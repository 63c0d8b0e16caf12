"""The configuration file (``.iso20k.yaml``, or ``[tool.iso20k]`` in ``pyproject.toml``):
organisation, thresholds, ignores, applicability."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    TypeAdapter,
    ValidationError,
    field_validator,
    model_validator,
)

from iso20k_cli.catalogue.model import Catalogue, Defaults, Item
from iso20k_cli.checks.specs import CHECK_TYPES, CheckSpec
from iso20k_cli.errors import ConfigError
from iso20k_cli.evidence.dates import DateOrder
from iso20k_cli.invalid import sentence
from iso20k_cli.resources import shipped_catalogue
from iso20k_cli.settings.pyproject import read_tool_table
from iso20k_cli.severity import Severity
from iso20k_cli.yamlio import LoadedYaml, line_of, read_yaml, validate, validate_data

CONFIG_NAME = ".iso20k.yaml"
_CHECK_SPEC: TypeAdapter[CheckSpec] = TypeAdapter(CheckSpec)


@dataclass(frozen=True)
class ConfigSource:
    """The file a configuration was read from, and the line each key is written on."""

    path: Path
    line: Callable[[Sequence[int | str]], int | None]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class NotApplicable(_Model):
    """A clause or item declared not applicable, which must say why."""

    clause: str | None = None
    item: str | None = None
    justification: str = Field(min_length=10)

    @model_validator(mode="after")
    def _one_target(self) -> NotApplicable:
        if (self.clause is None) == (self.item is None):
            raise ValueError("give exactly one of 'clause' or 'item'")
        return self


class DefaultsOverride(_Model):
    review_interval_months: int | None = Field(default=None, ge=1, le=120)
    max_record_age_days: int | None = Field(default=None, ge=1, le=3660)
    min_records_span_days: int | None = Field(default=None, ge=1, le=3660)


class ReportBranding(_Model):
    """How rendered reports are branded."""

    logo: str | None = Field(
        default=None, description="PNG, JPEG or SVG image, relative to the configuration file."
    )
    accent_colour: str | None = None

    @field_validator("accent_colour", mode="before")
    @classmethod
    def _colour(cls, value: object) -> object:
        # An unquoted #RRGGBB is a YAML comment, which would leave the key silently empty.
        if value is None:
            raise ValueError('empty: quote the colour, e.g. "#1F5F8B"')
        if isinstance(value, str) and not re.fullmatch(r"#[0-9A-Fa-f]{6}", value):
            raise ValueError(f"'{value}' is not a colour in the form #RRGGBB (quote it in YAML)")
        return value


class AcceptedFinding(_Model):
    """A finding the organisation accepts for now (a waiver): shown as accepted, not counted."""

    finding: str = Field(min_length=3, description="The finding's id, as in the JSON output.")
    justification: str = Field(min_length=10)
    accepted_by: str = Field(min_length=2)
    expires: dt.date


class Settings(_Model):
    organisation: str | None = None
    scope: str | None = None
    assessor: str | None = None
    catalogue: str | None = Field(
        default=None, description="Catalogue file, relative to the configuration file."
    )
    fail_under: float | None = Field(default=None, ge=0, le=100)
    fail_on: Severity = Severity.MAJOR
    ignore: tuple[str, ...] = ()
    max_file_size_mb: int = Field(
        default=100, ge=1, le=10_000, description="Larger files are listed but not read."
    )
    defaults: DefaultsOverride = DefaultsOverride()
    not_applicable: tuple[NotApplicable, ...] = ()
    audit_date: dt.date | None = Field(
        default=None, description="Planned date of the Stage 1 audit, for report targets."
    )
    report: ReportBranding = ReportBranding()
    checks: dict[str, dict[str, Any]] = Field(
        default_factory=dict,
        description="Check parameters: 'records_span' for every item that declares it, "
        "'incident-records.records_span' for one item.",
    )
    accepted: tuple[AcceptedFinding, ...] = ()
    date_order: DateOrder | None = Field(
        default=None,
        description="How numeric dates such as 03/04/2026 are read when a file does not show "
        "it: dmy (3 April), mdy (4 March) or ymd (two-digit years first, 26/04/03).",
    )
    cache: bool = Field(
        default=True,
        description="Keep what runs read from this folder in the user's cache (false: as "
        "--no-cache on every run, for a folder whose text should not be kept elsewhere).",
    )
    conditions: dict[str, bool] = Field(
        default_factory=dict,
        description="Answers to the catalogue's conditions (applies_when): false means the "
        "items that depend on it do not apply, true that they apply in full.",
    )

    answers: str | None = Field(
        default=None,
        description="The filled interview questionnaire (.xlsx or .csv), relative to the "
        "configuration file: its answers count as interview evidence.",
    )

    git: bool = Field(
        default=False,
        description="Take each file's last change date and author from the git history "
        "where the document states none (as --git).",
    )

    _source: ConfigSource | None = PrivateAttr(default=None)

    @property
    def path(self) -> Path | None:
        return self._source.path if self._source is not None else None

    def catalogue_path(self) -> Path | None:
        if self.catalogue is None:
            return None
        candidate = Path(self.catalogue).expanduser()
        if not candidate.is_absolute() and self.path is not None:
            beside = self.path.parent / candidate
            # A bare name may be a shipped catalogue ("catalogue: iso9001-2015").
            if beside.exists() or shipped_catalogue(candidate) is None:
                return beside
        return candidate

    def answers_path(self) -> Path | None:
        """The answers file of ``answers:``, resolved relative to the configuration file."""
        if self.answers is None:
            return None
        candidate = Path(self.answers).expanduser()
        if not candidate.is_absolute() and self.path is not None:
            candidate = self.path.parent / candidate
        return candidate

    def effective_defaults(self, catalogue: Catalogue) -> Defaults:
        overrides = self.defaults.model_dump(exclude_none=True)
        return catalogue.defaults.model_copy(update=overrides)

    def tuned(self, item: Item, spec: CheckSpec) -> CheckSpec:
        """``spec`` with the configuration's parameters for its type, then for this item."""
        overrides = {
            **self.checks.get(spec.type, {}),
            **self.checks.get(f"{item.id}.{spec.type}", {}),
        }
        if not overrides:
            return spec
        merged = {**spec.model_dump(exclude_none=True), **overrides, "type": spec.type}
        return _CHECK_SPEC.validate_python(merged)

    def check_references(self, catalogue: Catalogue) -> None:
        """Everything the configuration names must exist in the catalogue, and check
        parameters must be valid for their check type."""
        for key, params in self.checks.items():
            item_id, _, check = key.rpartition(".")
            declared = {
                c.type for i in catalogue.items if not item_id or i.id == item_id for c in i.checks
            }
            if item_id and item_id not in catalogue.items_by_id:
                self._fail(["checks", key], f"checks: item '{item_id}' is not in the catalogue")
            if check not in CHECK_TYPES:
                known = ", ".join(CHECK_TYPES)
                self._fail(["checks", key], f"checks: unknown check type '{check}' ({known})")
            if check not in declared:
                where = f"item '{item_id}'" if item_id else "any catalogue item"
                self._fail(["checks", key], f"checks: {where} declares no '{check}' check")
            # Validate exactly what will run: each declaring item's check with the overrides.
            for item in catalogue.items:
                for spec in item.checks:
                    if spec.type != check or (item_id and item.id != item_id):
                        continue
                    try:
                        self.tuned(item, spec)
                    except ValidationError as exc:
                        error = exc.errors()[0]
                        loc = [p for p in error["loc"][1:] if p in params] or []
                        # The first part of the loc is the check type (the union's tag).
                        inner = error.copy()
                        inner["loc"] = error["loc"][1:]
                        shown = [p for p in inner["loc"] if p in params]
                        said = sentence(inner, shown, type(spec))
                        self._fail(["checks", key, *loc], f"checks: {key}: {said}")
        for index, entry in enumerate(self.not_applicable):
            if entry.clause is not None and entry.clause not in catalogue.clauses_by_id:
                self._fail(
                    ["not_applicable", index, "clause"],
                    f"not_applicable: clause '{entry.clause}' is not in the catalogue",
                )
            if entry.item is not None and entry.item not in catalogue.items_by_id:
                self._fail(
                    ["not_applicable", index, "item"],
                    f"not_applicable: item '{entry.item}' is not in the catalogue",
                )

        for key in self.conditions:
            if key not in catalogue.conditions:
                known = ", ".join(sorted(catalogue.conditions)) or "none"
                self._fail(
                    ["conditions", key],
                    f"conditions: '{key}' is not a condition of the catalogue (known: {known})",
                )

    def logo_path(self) -> Path | None:
        """The report logo, resolved relative to the configuration file."""
        if self.report.logo is None:
            return None
        candidate = Path(self.report.logo).expanduser()
        if not candidate.is_absolute() and self.path is not None:
            candidate = self.path.parent / candidate
        return candidate

    def error_at(self, loc: list[int | str], message: str) -> ConfigError:
        """An error naming the configuration file and the line of the key at ``loc``."""
        source = self._source
        line = source.line(loc) if source is not None else None
        return ConfigError(message, path=self.path, line=line)

    def _fail(self, loc: list[int | str], message: str) -> None:
        raise self.error_at(loc, message)


def load_settings(path: Path | None) -> Settings:
    """The configuration in ``path`` (``[tool.iso20k]`` of a ``.toml`` file), or the
    defaults when there is none."""
    if path is None:
        return Settings()
    if path.suffix.lower() == ".toml":
        table = read_tool_table(path, required=True)
        assert table is not None  # required: a file without the table is an error
        settings = validate_data(Settings, table.data, path, ConfigError, table.line)
        settings._source = ConfigSource(path, table.line)
        return settings
    loaded = read_yaml(path, ConfigError)
    if loaded.data is None:
        loaded = LoadedYaml(path=loaded.path, data={}, parsed_tree=loaded.tree)
    if not isinstance(loaded.data, dict):
        raise ConfigError(
            "the configuration must be a mapping of keys to values", path=path, line=1
        )
    settings = validate(Settings, loaded, ConfigError)
    tree = loaded.tree
    settings._source = ConfigSource(path, lambda loc: line_of(tree, loc))
    return settings
