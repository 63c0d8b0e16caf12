"""Check types by name, for running them, documenting them and wording what they find.

Everything here is read from the check modules listed in ``checks/specs.py``; a
module that lacks one of the declarations ``checks/base.py`` lists stops the import
with its name, so a half-declared check type cannot ship.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from iso20k_cli.checks.base import CheckContext, Outcome
from iso20k_cli.checks.parameters import in_words
from iso20k_cli.checks.specs import MODULES, CheckSpec

METHOD_PARAMETERS = ("review_interval_months", "max_record_age_days", "min_records_span_days")
"""The values a check's ``METHOD`` may name in braces (the run's defaults, by field name)."""


@dataclass(frozen=True)
class CheckType:
    """What one check type module declares."""

    name: str
    spec: type[CheckSpec]
    example: str
    label: str
    method: str
    reads_content: bool
    doc: str
    run: Callable[[Any, CheckContext], list[Outcome]]

    @classmethod
    def of(cls, module: ModuleType) -> CheckType:
        def declared(attribute: str, kind: type | tuple[type, ...]) -> Any:
            value = getattr(module, attribute, None)
            if not isinstance(value, kind) or (isinstance(value, str) and not value.strip()):
                raise TypeError(f"check module {module.__name__} must declare {attribute}")
            return value

        declared("Spec", type)
        if not callable(getattr(module, "run", None)):
            raise TypeError(f"check module {module.__name__} must declare run(spec, ctx)")
        return cls(
            name=declared("NAME", str),
            spec=module.Spec,
            example=declared("EXAMPLE", str),
            label=declared("LABEL", str),
            method=declared("METHOD", str),
            reads_content=declared("READS_CONTENT", bool),
            doc=declared("__doc__", str),
            run=module.run,
        )

    def method_text(self, values: dict[str, str]) -> str:
        """``METHOD`` with the run's values in place of the names in braces."""
        return self.method.format_map(values)


REGISTRY: dict[str, CheckType] = {module.NAME: CheckType.of(module) for module in MODULES}


def run_check(spec: CheckSpec, ctx: CheckContext) -> list[Outcome]:
    return REGISTRY[spec.type].run(spec, ctx)


@dataclass(frozen=True)
class CheckDoc:
    name: str
    label: str
    summary: str
    details: str
    example: str
    parameters: dict[str, str]


def documentation() -> list[CheckDoc]:
    """Each check type's documentation: its docstring, its parameters and an example."""
    docs = []
    for check in REGISTRY.values():
        # Docstrings name the check as ``name``: the name is shown apart, quotes plainly.
        text = check.doc.strip().replace(f"``{check.name}``: ", "", 1)
        summary, _, details = text.replace("``", "'").partition("\n\n")
        fields = {
            name: in_words(info) for name, info in check.spec.model_fields.items() if name != "type"
        }
        docs.append(
            CheckDoc(
                check.name,
                check.label,
                " ".join(summary.split()),
                details,
                check.example,
                fields,
            )
        )
    return docs
