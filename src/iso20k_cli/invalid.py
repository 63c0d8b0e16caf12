"""Why data is invalid, in the user's words: pydantic's errors as plain sentences.

Pydantic words its errors for programmers ("Input should be a valid dictionary or instance
of NotApplicable", "Value error, ...", "Field required"); a configuration, catalogue,
manifest or baseline is written by people who read YAML. :func:`sentence` says what is
wrong with a key, and which keys or values would be right, naming the place in YAML words:
``not_applicable entry 2: 'justification' must be at least 10 characters long``.
"""

from __future__ import annotations

import difflib
import types
from collections.abc import Sequence
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic_core import ErrorDetails

Loc = Sequence[int | str]


def place(loc: Loc) -> str:
    """A location as YAML words: keys joined by dots, list positions counted from 1
    (``not_applicable entry 2``, ``defaults.review_interval_months``,
    ``clauses entry 1, documents entry 2``)."""
    text = ""
    for position, part in enumerate(loc):
        if isinstance(part, int):
            text += f" entry {part + 1}"
        elif not text:
            text = str(part)
        else:
            text += f", {part}" if isinstance(loc[position - 1], int) else f".{part}"
    return text


def sentence(err: ErrorDetails, shown: Loc, model: type[BaseModel] | None = None) -> str:
    """``err`` as a sentence about the place ``shown`` (its keys and positions in the file);
    ``model``, the model the whole file was validated against, names the keys it accepts."""
    kind = err["type"]
    if kind in ("extra_forbidden", "missing"):
        container, key = list(shown[:-1]), shown[-1] if shown else ""
        prefix = f"{place(container)}: " if container else ""
        if kind == "missing":
            return f"{prefix}missing required key '{key}'"
        known = _keys(model, err["loc"][:-1]) if model is not None else []
        close = difflib.get_close_matches(str(key), known, n=1, cutoff=0.6)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        if not hint and known:
            hint = f" (known keys: {', '.join(known)})"
        return f"{prefix}unknown key '{key}'{hint}"
    subject = _subject(shown)
    annotation = _annotation_at(model, err["loc"]) if model is not None else None
    return (
        f"{subject} {_what_is_wrong(err, annotation)}"
        if subject
        else _what_is_wrong(err, annotation)
    )


def value_problem(err: ErrorDetails) -> str:
    """What is wrong with a value given on the command line (its option is named apart)."""
    if err["type"] == "value_error":
        return err["msg"].removeprefix("Value error, ")
    given = err.get("input")
    if isinstance(given, str) and given.lstrip("-").replace(".", "", 1).isdigit():
        # Every value comes as text from the command line; a number is shown as one.
        err = err.copy()
        err["input"] = float(given) if "." in given else int(given)
    return _what_is_wrong(err, None)


def _subject(shown: Loc) -> str:
    if not shown:
        return ""
    last = shown[-1]
    if isinstance(last, int):
        return place(shown)
    container = place(shown[:-1])
    return f"{container}: '{last}'" if container else f"'{last}'"


def _what_is_wrong(err: ErrorDetails, annotation: Any) -> str:
    kind = err["type"]
    ctx = err.get("ctx") or {}
    given = err.get("input")
    if kind in ("value_error", "assertion_error"):
        message = err["msg"]
        for prefix in ("Value error, ", "Assertion failed, "):
            message = message.removeprefix(prefix)
        return f"is not valid: {message}"
    if kind in ("model_type", "model_attributes_type", "dict_type", "mapping_type"):
        return f"must be {_mapping(annotation)}, not {_kind_of(given)}"
    if kind in ("tuple_type", "list_type", "iterable_type", "set_type", "frozen_set_type"):
        element = _element(annotation)
        return f"must be a list{element}, not {_kind_of(given)}"
    if kind in ("literal_error", "enum"):
        return f"must be {ctx.get('expected', 'one of the known values')}, not {_shown(given)}"
    if kind in ("bool_parsing", "bool_type"):
        return f"must be true or false, not {_shown(given)}"
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"must be a whole number, not {_shown(given)}"
    if kind in ("float_parsing", "float_type", "decimal_parsing", "decimal_type"):
        return f"must be a number, not {_shown(given)}"
    if kind.startswith("date") or kind.startswith("datetime"):
        return f"must be a date written YYYY-MM-DD, not {_shown(given)}"
    if kind == "string_type":
        quote = f' (quote it: "{_shown(given)}")' if isinstance(given, int | float) else ""
        return f"must be text, not {_kind_of(given)}{quote}"
    if kind == "string_too_short":
        return f"must be at least {_count(ctx.get('min_length'), 'character')} long"
    if kind == "string_too_long":
        return f"must be at most {_count(ctx.get('max_length'), 'character')} long"
    if kind == "too_short":
        return f"must have at least {_count(ctx.get('min_length'), 'entry')}"
    if kind == "too_long":
        return f"must have at most {_count(ctx.get('max_length'), 'entry')}"
    bounds = {
        "greater_than": ("more than", "gt"),
        "greater_than_equal": ("at least", "ge"),
        "less_than": ("less than", "lt"),
        "less_than_equal": ("at most", "le"),
    }
    if kind in bounds:
        words, key = bounds[kind]
        return f"must be {words} {_shown(ctx.get(key))}, not {_shown(given)}"
    if kind == "union_tag_invalid":
        return (
            f"names an unknown {ctx.get('discriminator', 'type')} {_shown(ctx.get('tag'))} "
            f"(known: {ctx.get('expected_tags', '')})".replace("'type'", "check type")
        )
    if kind == "union_tag_not_found":
        return f"needs the key {ctx.get('discriminator', 'type')}"
    if kind == "string_pattern_mismatch":
        return f"does not have the expected form, not {_shown(given)}"
    # Any other: pydantic's own sentence, in these words.
    message = err["msg"]
    message = message.replace("Input should be", "must be").replace("Input should", "must")
    return message[:1].lower() + message[1:]


def _count(number: Any, noun: str) -> str:
    if number == 1:
        return f"1 {noun}"
    plural = noun[:-1] + "ies" if noun.endswith("y") else noun + "s"
    return f"{number} {plural}"


def _shape(value: Any) -> str | None:
    """How a value that is not a scalar is named, in either wording below."""
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list | tuple):
        return "a list"
    if value is None:
        return "empty"
    return None


def _shown(value: Any) -> str:
    if (shape := _shape(value)) is not None:
        return shape
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if value == "":
        return "empty text"
    return f"'{value}'" if isinstance(value, str) else str(value)


def _kind_of(value: Any) -> str:
    if (shape := _shape(value)) is not None:
        return shape
    if isinstance(value, str):
        return f"the text '{value}'" if value else "empty text"
    if isinstance(value, bool):
        return "true" if value else "false"
    return f"the number {value}"


def _mapping(annotation: Any) -> str:
    keys = _fields(annotation)
    return f"a mapping with the keys {', '.join(keys)}" if keys else "a mapping of keys to values"


def _element(annotation: Any) -> str:
    annotation = _bare(annotation)
    args = [a for a in get_args(annotation) if a is not Ellipsis]
    if not args:
        return ""
    keys = _fields(args[0])
    return f" of entries with the keys {', '.join(keys)}" if keys else ""


def _fields(annotation: Any) -> list[str]:
    annotation = _bare(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [f.alias or name for name, f in annotation.model_fields.items()]
    return []


def _keys(model: type[BaseModel] | None, loc: Loc) -> list[str]:
    return _fields(_annotation_at(model, loc))


def _bare(annotation: Any) -> Any:
    """``annotation`` without ``Annotated`` and ``| None``."""
    while get_origin(annotation) is Annotated:
        annotation = get_args(annotation)[0]
    if get_origin(annotation) in (Union, types.UnionType):
        members = [a for a in get_args(annotation) if a is not type(None)]
        if len(members) == 1:
            return _bare(members[0])
    return annotation


def _annotation_at(model: Any, loc: Loc) -> Any:
    """The type declared at ``loc`` of ``model`` (None where it cannot be told)."""
    annotation: Any = model
    for part in loc:
        if annotation is None:
            return None
        annotation = _step(_bare(annotation), part)
    return annotation


def _step(annotation: Any, part: int | str) -> Any:
    origin = get_origin(annotation)
    if origin in (Union, types.UnionType):
        members = [_bare(a) for a in get_args(annotation) if a is not type(None)]
        # A discriminated union's tag names the member (pydantic puts it in the loc).
        for member in members:
            if part in _tags(member):
                return member
        for member in members:
            found = _step(member, part)
            if found is not None:
                return found
        return None
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        for name, field in annotation.model_fields.items():
            if part in (name, field.alias):
                return field.annotation
        return None
    args = get_args(annotation)
    if origin in (tuple, list) and isinstance(part, int) and args:
        return args[0]
    if origin is dict and isinstance(part, str) and len(args) == 2:
        return args[1]
    return None


def _tags(member: Any) -> tuple[Any, ...]:
    if isinstance(member, type) and issubclass(member, BaseModel):
        field = member.model_fields.get("type")
        if field is not None and get_origin(field.annotation) is Literal:
            return get_args(field.annotation)
    return ()
