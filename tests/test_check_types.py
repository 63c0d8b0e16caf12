"""A check type is one module: what it declares reaches the registry, the docs and the report.

Adding a check type is its module, its line in ``checks/specs.py`` and its test; these
tests hold every registered module to that, so nothing about a check has to be
written anywhere else.
"""

from __future__ import annotations

import string
import types
from pathlib import Path
from typing import Literal

import pytest
from pydantic import TypeAdapter, ValidationError
from ruamel.yaml import YAML

from conftest import Invoke
from iso20k_cli.checks import base
from iso20k_cli.checks.registry import METHOD_PARAMETERS, REGISTRY, CheckType
from iso20k_cli.checks.specs import CHECK_TYPES, MODULES, CheckSpec
from iso20k_cli.render.wording import check_label

GOLDEN = Path(__file__).parent / "data" / "golden" / "harbourside-report.md"
SPEC: TypeAdapter[CheckSpec] = TypeAdapter(CheckSpec)


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.__name__.rsplit(".", 1)[-1])
def test_every_check_module_declares_what_a_check_type_needs(module: types.ModuleType) -> None:
    name = module.NAME
    assert module.__name__.endswith(f".{name}")
    assert (module.__doc__ or "").startswith(f"``{name}``: ")
    assert issubclass(module.Spec, base.CheckSpec)
    assert module.Spec.model_fields["type"].annotation == Literal[name]
    assert module.EXAMPLE.startswith(f"- type: {name}")
    assert isinstance(module.LABEL, str) and module.LABEL.strip()
    assert isinstance(module.METHOD, str) and module.METHOD.strip()
    assert not module.METHOD.endswith((";", "."))  # the report punctuates the list
    assert isinstance(module.READS_CONTENT, bool)
    assert callable(module.run)
    # The method text names only the values the report fills in.
    named = {field for _, field, _, _ in string.Formatter().parse(module.METHOD) if field}
    assert named <= set(METHOD_PARAMETERS), named


def test_the_module_list_is_the_one_list() -> None:
    assert CHECK_TYPES == tuple(m.NAME for m in MODULES) == tuple(REGISTRY)
    assert len(set(CHECK_TYPES)) == len(CHECK_TYPES)
    for module in MODULES:
        # The union of specs is built from the list: each example picks its module's Spec.
        declared = YAML(typ="safe").load(module.EXAMPLE)[0]
        assert type(SPEC.validate_python(declared)) is module.Spec
        assert check_label(module.NAME) == module.LABEL
    with pytest.raises(ValidationError):
        SPEC.validate_python({"type": "not_a_check"})


def test_a_module_missing_a_declaration_is_refused_by_name() -> None:
    module = types.ModuleType("iso20k_cli.checks.half_done", "``half_done``: something.")
    module.NAME = "half_done"  # type: ignore[attr-defined]
    module.Spec = base.CheckSpec  # type: ignore[attr-defined]
    module.EXAMPLE = "- type: half_done"  # type: ignore[attr-defined]
    module.METHOD = "half done: something is verified"  # type: ignore[attr-defined]
    module.READS_CONTENT = False  # type: ignore[attr-defined]
    module.run = lambda spec, ctx: []  # type: ignore[attr-defined]
    with pytest.raises(TypeError, match="half_done must declare LABEL"):
        CheckType.of(module)
    module.LABEL = "half done"  # type: ignore[attr-defined]
    assert CheckType.of(module).label == "half done"


def test_the_documentation_lists_every_check_type_with_its_label(cli: Invoke) -> None:
    result = cli("catalogue", "checks", env={"COLUMNS": "200"})
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    for module in MODULES:
        assert module.NAME in lines, module.NAME
        assert f"  Reported as: {module.LABEL}" in lines, module.NAME
    # In the registry's order.
    assert [line for line in lines if line in CHECK_TYPES] == list(CHECK_TYPES)


def test_the_parameters_are_documented_in_the_words_of_yaml(cli: Invoke) -> None:
    result = cli("catalogue", "checks", env={"COLUMNS": "400"})
    assert result.exit_code == 0
    parameters = [line for line in result.stdout.splitlines() if "Parameters:" in line]
    assert len(parameters) >= 10
    shown = "\n".join(parameters)
    # No Python: no types, Literal, tuple, None or class reprs.
    for python in ("tuple[", "Literal", "None", "<class", "int", "str", "iso20k_cli", "..."):
        assert python not in shown, python
    assert (
        "require (list of: owner, version, approver, doc_id; at least 1 entry; "
        "default [owner, version])" in shown
    )
    assert "months (whole number from 1 to 120; optional)" in shown
    assert "count (whole number from 1 to 10000)" in shown
    assert "topics (list of entries with: name, any_of; at least 1 entry)" in shown
    assert "owners_from (list of text; optional)" in shown


def test_the_report_method_is_each_module_s_method_text() -> None:
    # The example applies every check type, and its report is the golden file.
    report = GOLDEN.read_text(encoding="utf-8")
    values = {
        "review_interval_months": "12 months",
        "max_record_age_days": "92 days",
        "min_records_span_days": "90 days",
    }
    shown = [line for line in report.splitlines() if line.startswith("- ")]
    for check in REGISTRY.values():
        assert any(line[2:-1] == check.method_text(values) for line in shown), check.name
