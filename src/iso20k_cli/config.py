"""The configuration file (``.iso20k.yaml``): organisation, thresholds, ignores, applicability."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

from iso20k_cli.catalogue.model import Catalogue, Defaults
from iso20k_cli.errors import ConfigError
from iso20k_cli.yamlio import LoadedYaml, line_of, read_yaml, validate

CONFIG_NAME = ".iso20k.yaml"


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


class Settings(_Model):
    organisation: str | None = None
    scope: str | None = None
    assessor: str | None = None
    catalogue: str | None = Field(
        default=None, description="Catalogue file, relative to the configuration file."
    )
    fail_under: float | None = Field(default=None, ge=0, le=100)
    ignore: tuple[str, ...] = ()
    defaults: DefaultsOverride = DefaultsOverride()
    not_applicable: tuple[NotApplicable, ...] = ()

    _source: LoadedYaml | None = PrivateAttr(default=None)

    @property
    def path(self) -> Path | None:
        return self._source.path if self._source is not None else None

    def catalogue_path(self) -> Path | None:
        if self.catalogue is None:
            return None
        candidate = Path(self.catalogue).expanduser()
        if not candidate.is_absolute() and self.path is not None:
            candidate = self.path.parent / candidate
        return candidate

    def effective_defaults(self, catalogue: Catalogue) -> Defaults:
        overrides = self.defaults.model_dump(exclude_none=True)
        return catalogue.defaults.model_copy(update=overrides)

    def check_references(self, catalogue: Catalogue) -> None:
        """Every clause or item declared not applicable must exist in the catalogue."""
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

    def _fail(self, loc: list[int | str], message: str) -> None:
        source = self._source
        line = line_of(source.tree, loc) if source is not None else None
        raise ConfigError(message, path=self.path, line=line)


def find_config(evidence_dir: Path, explicit: Path | None, cwd: Path | None = None) -> Path | None:
    """The configuration to use: ``--config``, else the evidence folder's, else the cwd's."""
    if explicit is not None:
        return explicit
    for folder in (evidence_dir, cwd or Path.cwd()):
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            return candidate
    return None


def load_settings(path: Path | None) -> Settings:
    if path is None:
        return Settings()
    loaded = read_yaml(path, ConfigError)
    if loaded.data is None:
        loaded = LoadedYaml(path=loaded.path, data={}, tree=loaded.tree)
    if not isinstance(loaded.data, dict):
        raise ConfigError(
            "the configuration must be a mapping of keys to values", path=path, line=1
        )
    settings = validate(Settings, loaded, ConfigError)
    settings._source = loaded
    return settings
