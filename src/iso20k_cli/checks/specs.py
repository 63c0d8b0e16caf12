"""The check types a catalogue item can declare: the one list of their modules.

Each check type is declared in YAML as a mapping with a ``type`` key and its own
parameters; pydantic picks the module's ``Spec`` from ``type``, so a misspelt
parameter is reported against the right check. Adding a check type means adding a
module (what it declares is in ``checks/base.py``) and listing it in ``MODULES``:
the union of specs, the names, the runners, the documentation, the report's method
and the labels of findings all follow from this list.
"""

from __future__ import annotations

from types import ModuleType
from typing import TYPE_CHECKING, Annotated, TypeAlias, Union

from pydantic import Field

from iso20k_cli.checks import (
    approved,
    audit_impartiality,
    base,
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
    # Documents, then records, then registers and agreements (judged by their genre's
    # profile), then the checks of particular items: the order of the documentation and
    # of the report's method section.
    approved,
    document_control,
    current_version,
    review_interval,
    latest_record_age,
    records_span,
    min_count,
    currency,
    signature,
    parties,
    term,
    covers_topics,
    audit_impartiality,
    corrective_actions,
)

if TYPE_CHECKING:
    # For the type checker every spec is a ``base.CheckSpec``; isinstance narrows it.
    CheckSpec: TypeAlias = base.CheckSpec
else:
    CheckSpec = Annotated[
        Union[tuple(module.Spec for module in MODULES)],  # noqa: UP007 (built at run time)
        Field(discriminator="type"),
    ]

CHECK_TYPES: tuple[str, ...] = tuple(m.NAME for m in MODULES)
