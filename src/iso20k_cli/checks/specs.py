"""The check types a catalogue item can declare, gathered from their modules.

Each check type is declared in YAML as a mapping with a ``type`` key and its own
parameters; pydantic picks the module's ``Spec`` from ``type``, so a misspelt
parameter is reported against the right check. Adding a check type means adding a
module and listing it in ``MODULES``.
"""

from __future__ import annotations

from types import ModuleType
from typing import Annotated

from pydantic import Field

from iso20k_cli.checks import (
    approved,
    audit_impartiality,
    corrective_actions,
    covers_topics,
    currency,
    current_version,
    document_control,
    latest_record_age,
    min_count,
    parties,
    records_span,
    review_interval,
    signature,
    term,
)

MODULES: tuple[ModuleType, ...] = (
    approved,
    document_control,
    review_interval,
    current_version,
    currency,
    signature,
    parties,
    term,
    latest_record_age,
    records_span,
    min_count,
    covers_topics,
    audit_impartiality,
    corrective_actions,
)

CheckSpec = Annotated[
    approved.Spec
    | document_control.Spec
    | review_interval.Spec
    | current_version.Spec
    | currency.Spec
    | signature.Spec
    | parties.Spec
    | term.Spec
    | latest_record_age.Spec
    | records_span.Spec
    | min_count.Spec
    | covers_topics.Spec
    | audit_impartiality.Spec
    | corrective_actions.Spec,
    Field(discriminator="type"),
]

CHECK_TYPES: tuple[str, ...] = tuple(m.NAME for m in MODULES)
