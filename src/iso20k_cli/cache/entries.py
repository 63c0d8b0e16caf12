"""A cache entry's body read back as the data it holds, or nothing.

Every kind of entry is JSON validated by a model: a body that does not validate (another
version's shape, a forged or damaged one) is a miss, never an error, and the caller
rebuilds what it held.
"""

from __future__ import annotations

from typing import TypeVar

from pydantic import TypeAdapter, ValidationError

T = TypeVar("T")


def validated(adapter: TypeAdapter[T], body: bytes | None) -> T | None:
    """``body`` as ``adapter`` reads it, or None when there is none or it does not fit."""
    if body is None:
        return None
    try:
        return adapter.validate_json(body)
    except (ValidationError, ValueError):
        return None
