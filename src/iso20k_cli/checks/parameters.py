"""A check parameter's type in the words of the YAML that sets it.

``iso20k catalogue checks`` documents each check type's parameters for people writing a
catalogue: "list of: owner, version, approver, doc_id" and "whole number from 1 to 120;
optional", not ``tuple[Literal[...], ...]`` and ``int | None``.
"""

from __future__ import annotations

import datetime as dt
import enum
import types
from typing import Annotated, Any, Literal, Union, get_args, get_origin

import annotated_types
from pydantic import BaseModel
from pydantic.fields import FieldInfo

MAX_DEFAULT = 30
"""A longer default (a regular expression) is described by the check's text, not repeated."""


def in_words(field: FieldInfo) -> str:
    """What a parameter takes, its bounds, and whether it may be left out."""
    annotation: Any = field.annotation
    optional = False
    if get_origin(annotation) in (Union, types.UnionType):
        members = [a for a in get_args(annotation) if a is not type(None)]
        optional = len(members) < len(get_args(annotation))
        annotation = members[0] if len(members) == 1 else Union[tuple(members)]  # noqa: UP007
    words = _kind(annotation) + _bounds(field.metadata, annotation)
    if not field.is_required():
        default = field.get_default()
        shown = _value(default)
        if default is None or optional or shown in ("[]", "") or len(shown) > MAX_DEFAULT:
            words += "; optional"
        else:
            words += f"; default {_value(default)}"
    return words


def _kind(annotation: Any) -> str:
    while get_origin(annotation) is Annotated:
        annotation = get_args(annotation)[0]
    origin = get_origin(annotation)
    if origin is Literal:
        return "one of: " + ", ".join(str(v) for v in get_args(annotation))
    if origin in (tuple, list, set, frozenset):
        element = next(a for a in get_args(annotation) if a is not Ellipsis)
        inner = _kind(element)
        if inner.startswith("one of: "):
            return "list of: " + inner.removeprefix("one of: ")
        if inner.startswith("entry with: "):
            return "list of entries with: " + inner.removeprefix("entry with: ")
        return f"list of {inner}"
    if origin is dict:
        return f"mapping of text to {_kind(get_args(annotation)[1])}"
    if origin in (Union, types.UnionType):
        return " or ".join(_kind(a) for a in get_args(annotation))
    if isinstance(annotation, type):
        if issubclass(annotation, bool):
            return "true or false"
        if issubclass(annotation, enum.Enum):
            return "one of: " + ", ".join(str(m.value) for m in annotation)
        if issubclass(annotation, int):
            return "whole number"
        if issubclass(annotation, float):
            return "number"
        if issubclass(annotation, str):
            return "text"
        if issubclass(annotation, dt.date):
            return "date (YYYY-MM-DD)"
        if issubclass(annotation, BaseModel):
            return "entry with: " + ", ".join(
                f.alias or name for name, f in annotation.model_fields.items()
            )
    return "value"


def _bounds(metadata: list[Any], annotation: Any) -> str:
    low = high = None
    length = None
    for constraint in metadata:
        if isinstance(constraint, annotated_types.Ge):
            low = constraint.ge
        elif isinstance(constraint, annotated_types.Le):
            high = constraint.le
        elif isinstance(constraint, annotated_types.MinLen):
            length = constraint.min_length
    if low is not None and high is not None:
        return f" from {low} to {high}"
    if low is not None:
        return f" of at least {low}"
    if high is not None:
        return f" of at most {high}"
    if length:
        unit = "character" if annotation is str else "entry"
        plural = unit if length == 1 else ("characters" if unit == "character" else "entries")
        return f"; at least {length} {plural}"
    return ""


def _value(value: Any) -> str:
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, tuple | list):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    return str(value)
