"""Parameters of the check types a catalogue item can declare.

Each check type is declared in YAML as a mapping with a ``type`` key and its own
parameters; pydantic picks the model from ``type`` so that a misspelt parameter is
reported against the right check. The behaviour of each type lives in a module of
the same name in this package.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field


class _Spec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ApprovedSpec(_Spec):
    """The current version of the document must be approved (not a draft)."""

    type: Literal["approved"]


class ReviewIntervalSpec(_Spec):
    """The document must not be overdue for review.

    ``months`` left out means the catalogue's default interval, which stands for
    the standard's "at planned intervals" and is practice, not a requirement.
    """

    type: Literal["review_interval"]
    months: int | None = Field(default=None, ge=1, le=120)


class LatestRecordAgeSpec(_Spec):
    """The most recent record must be no older than ``max_days``."""

    type: Literal["latest_record_age"]
    max_days: int | None = Field(default=None, ge=1, le=3660)


class RecordsSpanSpec(_Spec):
    """Records must cover at least ``min_days`` between the oldest and newest.

    Left out, the catalogue default applies (90 days, certification-body practice).
    """

    type: Literal["records_span"]
    min_days: int | None = Field(default=None, ge=1, le=3660)


class MinCountSpec(_Spec):
    """At least ``count`` separate records must be present."""

    type: Literal["min_count"]
    count: int = Field(ge=1, le=10000)


CheckSpec = Annotated[
    ApprovedSpec | ReviewIntervalSpec | LatestRecordAgeSpec | RecordsSpanSpec | MinCountSpec,
    Field(discriminator="type"),
]

CHECK_TYPES: tuple[str, ...] = (
    "approved",
    "review_interval",
    "latest_record_age",
    "records_span",
    "min_count",
)
