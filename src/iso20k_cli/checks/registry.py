"""Check types by name, for running them and for documenting them."""

from __future__ import annotations

from dataclasses import dataclass
from types import ModuleType

from iso20k_cli.checks.base import CheckContext, Outcome
from iso20k_cli.checks.specs import MODULES, CheckSpec

REGISTRY: dict[str, ModuleType] = {module.NAME: module for module in MODULES}


def run_check(spec: CheckSpec, ctx: CheckContext) -> list[Outcome]:
    outcomes: list[Outcome] = REGISTRY[spec.type].run(spec, ctx)
    return outcomes


@dataclass(frozen=True)
class CheckDoc:
    name: str
    summary: str
    details: str
    example: str
    parameters: dict[str, str]


def documentation() -> list[CheckDoc]:
    """Each check type's documentation: its docstring, its parameters and an example."""
    docs = []
    for module in MODULES:
        # Docstrings name the check as ``name``: the name is shown apart, quotes plainly.
        text = (module.__doc__ or "").strip().replace(f"``{module.NAME}``: ", "", 1)
        summary, _, details = text.replace("``", "'").partition("\n\n")
        fields = {
            name: str(info.annotation).replace("typing.", "")
            for name, info in module.Spec.model_fields.items()
            if name != "type"
        }
        docs.append(
            CheckDoc(module.NAME, " ".join(summary.split()), details, module.EXAMPLE, fields)
        )
    return docs
