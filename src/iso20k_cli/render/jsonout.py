"""``--format json``: the whole Assessment as one JSON document (see README for the contract).

The document is produced piece by piece, one entry of ``files`` (and of the other
long arrays) at a time: built whole, its dictionaries, its text and the many small
strings json's indenting encoder joins cost memory in proportion to the folder. The
pieces join into exactly what
``json.dumps(assessment.model_dump(mode="json"), indent=2, ensure_ascii=False)`` gives.

Each piece is encoded by orjson, whose indenting encoder is compiled and writes the
same bytes as json's (which turns to pure Python once ``indent`` is given, a fifth of
a large folder's run); json remains for what orjson refuses (an integer past 64 bits).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import orjson
from pydantic import BaseModel

from iso20k_cli.assess.model import Assessment

if TYPE_CHECKING:
    from iso20k_cli.render.context import RenderContext

_STEP = "  "


def render_json(assessment: Assessment) -> str:
    return "".join(json_chunks(assessment))


def render_json_pieces(assessment: Assessment, context: RenderContext) -> Iterator[str]:
    """``check --format json``: written as it is encoded, never held whole."""
    return json_chunks(assessment)


# The arrays that grow with the folder or the catalogue, written one entry at a time.
_STREAMED = ("clauses", "items", "findings", "files")


def json_chunks(assessment: Assessment) -> Iterator[str]:
    """The JSON document in pieces, its long arrays one entry at a time."""
    head = assessment.model_dump(mode="json", exclude=set(_STREAMED))
    inner = _STEP * 2
    for index, name in enumerate(type(assessment).model_fields):
        key = ("{\n" if index == 0 else ",\n") + _STEP + json.dumps(name) + ": "
        entries: tuple[BaseModel, ...] = getattr(assessment, name) if name in _STREAMED else ()
        if name not in _STREAMED:
            yield key + indented(head[name], _STEP)
        elif not entries:
            yield key + "[]"
        else:
            yield key + "["
            for number, entry in enumerate(entries):
                comma = "\n" if number == 0 else ",\n"
                yield comma + inner + indented(entry.model_dump(mode="json"), inner)
            yield "\n" + _STEP + "]"
    yield "\n}\n"


def indented(value: Any, indent: str) -> str:
    """``value`` as ``json.dumps(..., indent=2)`` writes it at nesting ``indent``.

    Encoded strings never hold a raw line break, so every line break is the encoder's
    and the lines after the first only need ``indent`` before them."""
    try:
        text = orjson.dumps(value, option=orjson.OPT_INDENT_2).decode()
    except TypeError:
        text = json.dumps(value, indent=2, ensure_ascii=False)
    return text.replace("\n", "\n" + indent)
