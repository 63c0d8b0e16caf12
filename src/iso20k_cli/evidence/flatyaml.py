"""A fast reading of flat front-matter: ``key: value`` lines of plain scalars.

Almost every front-matter block is a handful of such lines, and a YAML loader
spends far longer on one than on the rest of the file (scanner, parser, composer
and constructor, in pure Python unless the C extension is installed). This reads
only what it can read exactly as the loader would and returns None for anything
else, so that the caller falls back to the loader: the result is the loader's, or
nothing. Each value's type is decided by the loader's own resolver and built by
its own constructor, so "1.2" is still a float, "true" a bool and "2026-03-01" the
text that the front-matter loader keeps dates as.

Accepted, line by line: an empty line; a comment line starting with ``#`` at the
first column; ``key: value`` or ``key:`` at the first column, where the key starts
with a letter, digit or underscore and holds no colon, and the value is one plain
scalar on the line (no flow collections, anchors, aliases, tags, block scalars,
comments after it, ``: `` inside it or indicators at its start) or one quoted
scalar with nothing to unescape (``"1.2"``, ``'Head of IT'``).
Anything else, a repeated key or a character outside the printable ones (tabs,
carriage returns, non-breaking spaces, byte-order marks) sends the whole block to
the loader.
"""

from __future__ import annotations

from typing import Any

from ruamel.yaml.constructor import SafeConstructor
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.resolver import VersionedResolver

# A plain scalar may not start with these (YAML 1.2, 7.3.3); '-', '?' and ':' may when
# a non-space follows, but that is rare enough in front-matter to leave to the loader.
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
# The loader refuses an implicit key longer than 1024 characters; real keys are short.
_MAX_KEY = 200
_STR = "tag:yaml.org,2002:str"
_TYPES = frozenset(
    "tag:yaml.org,2002:" + name for name in ("str", "timestamp", "null", "bool", "int", "float")
)


class _Loader:
    """What a constructor asks its loader for when it builds one scalar: the resolver."""

    def __init__(self) -> None:
        self._resolver = VersionedResolver()


class FlatReader:
    """Reads flat front-matter with the resolver and a constructor of the loader it stands
    in for (``constructor``: the loader's constructor class, such as one keeping dates as
    text)."""

    def __init__(self, constructor: type[SafeConstructor]) -> None:
        loader = _Loader()
        # The resolver's rules for YAML 1.2 by first character, looked up once: asking the
        # resolver itself settles the document's YAML version again on every scalar.
        self._rules: dict[Any, list[tuple[Any, Any]]] = loader._resolver.versioned_resolver
        self._constructor = constructor(loader=loader)
        self._by_first: dict[str, list[tuple[str, Any]]] = {}
        self._seen: dict[str, Any] = {}

    def read(self, raw: str) -> dict[Any, Any] | None:
        """The mapping the loader would build from ``raw``, or None when ``raw`` is not
        flat enough to be sure of it."""
        result: dict[Any, Any] = {}
        for line in raw.split("\n"):
            if not line or line[0] == "#":
                continue
            key_text, colon, rest = line.partition(":")
            if not colon or (rest and rest[0] != " "):
                return None
            if not _plain_key(key_text) or not line.isprintable():
                return None
            value_text = rest.strip(" ")
            key = self._scalar(key_text)
            if key is _NOT_FLAT:
                return None
            if value_text[:1] in ('"', "'"):
                value = _quoted(value_text)
            elif not value_text or _plain_value(value_text):
                value = self._scalar(value_text)
            else:
                return None
            if value is _NOT_FLAT:
                return None
            try:
                if key in result:
                    return None  # the loader names the repeated key; leave it to it
            except TypeError:
                return None
            result[key] = value
        return result or None

    def _scalar(self, text: str) -> Any:
        """The value the loader builds from a plain scalar ``text``, or _NOT_FLAT;
        remembered, as keys and many values repeat from file to file."""
        value = self._seen.get(text, _NOT_SEEN)
        if value is _NOT_SEEN:
            value = self._build(text)
            if type(value) in _IMMUTABLE and len(text) <= _MAX_SEEN_CHARS:
                if len(self._seen) >= _MAX_SEEN:
                    self._seen.clear()  # bounded, whatever the folder
                self._seen[text] = value
        return value

    def _build(self, text: str) -> Any:
        # As VersionedResolver.resolve does for an implicit plain scalar.
        first = text[0] if text else ""
        rules = self._by_first.get(first)
        if rules is None:
            both = self._rules.get(first, []) + self._rules.get(None, [])
            rules = self._by_first[first] = [(str(tag), rule) for tag, rule in both]
        name = next((tag for tag, rule in rules if rule.match(text)), _STR)
        if name not in _TYPES:
            return _NOT_FLAT
        build = self._constructor.yaml_constructors.get(name)
        if build is None:
            return _NOT_FLAT
        if build is SafeConstructor.construct_yaml_str:
            return text
        try:
            return build(self._constructor, ScalarNode(name, text))
        except Exception:  # noqa: BLE001 - the loader will report what is wrong with it
            return _NOT_FLAT


_NOT_FLAT: Any = object()
_NOT_SEEN: Any = object()
# Values kept for the next file: those no one can change, of short texts, so many.
_IMMUTABLE = frozenset({str, int, float, bool, type(None)})
_MAX_SEEN = 4096
_MAX_SEEN_CHARS = 200


def _plain_key(text: str) -> bool:
    if not text or len(text) > _MAX_KEY or text[-1] == " ":
        return False
    first = text[0]
    return (first.isalnum() or first == "_") and " #" not in text


def _plain_value(text: str) -> bool:
    return (
        text[0] not in _INDICATORS
        and " #" not in text
        and ": " not in text
        and not text.endswith(":")
    )


def _quoted(text: str) -> Any:
    """A quoted scalar with nothing to unescape or fold: its text, always a string."""
    quote, inner = text[0], text[1:-1]
    if len(text) < 2 or text[-1] != quote or quote in inner or (quote == '"' and "\\" in inner):
        return _NOT_FLAT
    return inner
