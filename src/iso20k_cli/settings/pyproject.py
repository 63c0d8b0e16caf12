"""The configuration kept in ``pyproject.toml``, under ``[tool.iso20k]``.

The table holds the same keys as ``.iso20k.yaml``. TOML has no line numbers once parsed,
so the lines an error names come from :class:`TomlLines`, a scan of the text that knows
table headers and ``key =`` lines: enough to point at the key a message is about, or at
the table when the key cannot be placed.
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from iso20k_cli.errors import ConfigError

PYPROJECT_NAME = "pyproject.toml"
TABLE = ("tool", "iso20k")
MAX_PYPROJECT_BYTES = 1024 * 1024
"""A project file is a few kilobytes; a larger one is not a project file."""

Loc = tuple[int | str, ...]


@dataclass(frozen=True)
class ToolTable:
    """``[tool.iso20k]`` of one file: its data and where each key was written."""

    path: Path
    data: dict[str, Any]
    lines: TomlLines

    def line(self, loc: Sequence[int | str]) -> int | None:
        return self.lines.line((*TABLE, *loc))


def read_tool_table(path: Path, *, required: bool) -> ToolTable | None:
    """``[tool.iso20k]`` of ``path``; ``None`` when it has none and it is not ``required``
    (a ``pyproject.toml`` met while looking for the configuration)."""
    text = _read(path)
    try:
        parsed = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message, line = _decode_error(str(exc))
        raise ConfigError(f"invalid TOML: {message}", path=path, line=line) from None
    except RecursionError:
        raise ConfigError("invalid TOML: nested too deeply", path=path) from None
    lines = TomlLines(text)
    tool = parsed.get("tool")
    table = tool.get("iso20k") if isinstance(tool, dict) else None
    if table is None:
        if required:
            raise ConfigError("has no [tool.iso20k] table", path=path)
        return None
    if not isinstance(table, dict):
        raise ConfigError(
            "tool.iso20k must be a table of keys to values", path=path, line=lines.line(TABLE)
        )
    return ToolTable(path, table, lines)


def _read(path: Path) -> str:
    try:
        if path.stat().st_size > MAX_PYPROJECT_BYTES:
            raise ConfigError(
                f"larger than {MAX_PYPROJECT_BYTES // 1024} KB; not read as a project file",
                path=path,
            )
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError("file not found", path=path) from None
    except IsADirectoryError:
        raise ConfigError("is a folder, not a TOML file", path=path) from None
    except UnicodeDecodeError:
        raise ConfigError("not UTF-8 text", path=path) from None
    except OSError as exc:
        raise ConfigError(f"cannot be read: {exc.strerror}", path=path) from None


def _decode_error(text: str) -> tuple[str, int | None]:
    """tomllib's message without its "(at line 3, column 5)", and the line."""
    head, marker, tail = text.rpartition(" (at line ")
    if not marker:
        return text.removesuffix(" (at end of document)"), None
    number = tail.split(",", 1)[0]
    return head, int(number) if number.isdigit() else None


def dotted(key: str) -> tuple[str, ...]:
    """The parts of a TOML key (``a."b.c".d``), quotes taken off."""
    parts: list[str] = []
    current: list[str] = []
    quote = ""
    for char in key:
        if quote:
            if char == quote:
                quote = ""
            else:
                current.append(char)
        elif char in "\"'":
            quote = char
        elif char == ".":
            parts.append("".join(current).strip())
            current = []
        else:
            current.append(char)
    parts.append("".join(current).strip())
    return tuple(parts)


def _outside_strings(line: str) -> tuple[str, int]:
    """``line`` up to a comment, with its brackets' net depth, strings passed over."""
    depth = 0
    quote = ""
    escaped = False
    for index, char in enumerate(line):
        if quote:
            if escaped:
                escaped = False
            elif char == "\\" and quote == '"':
                escaped = True
            elif char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char == "#":
            return line[:index], depth
        elif char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
    return line, depth


class TomlLines:
    """The 1-based line on which each table and key of a TOML text is first written.

    One pass over the lines: a table header (``[a.b]``, ``[[a.b]]`` with the index of the
    entry it starts) sets where the following keys belong; a ``key = value`` line outside
    a multi-line value records the key. Values are not parsed: tomllib has read them."""

    def __init__(self, text: str) -> None:
        self._lines: dict[Loc, int] = {}
        entries: dict[Loc, int] = {}
        table: Loc = ()
        depth = 0
        multiline = ""
        for number, raw in enumerate(text.splitlines(), start=1):
            line = raw.strip()
            if multiline:
                if line.count(multiline) % 2 == 1:
                    multiline = ""
                continue
            if depth > 0:
                depth = max(0, depth + _outside_strings(line)[1])
                continue
            if line.startswith("[["):
                name = dotted(line[2:].split("]]", 1)[0])
                entries[name] = entries.get(name, -1) + 1
                table = (*name, entries[name])
                self._note(table, number)
            elif line.startswith("["):
                table = dotted(line[1:].split("]", 1)[0])
                self._note(table, number)
            elif "=" in line and not line.startswith("#"):
                key, _, value = line.partition("=")
                self._note((*table, *dotted(key)), number)
                for quotes in ('"""', "'''"):
                    if value.count(quotes) % 2 == 1:
                        multiline = quotes
                if not multiline:
                    depth = max(0, _outside_strings(value)[1])

    def _note(self, loc: Loc, number: int) -> None:
        for end in range(1, len(loc) + 1):
            self._lines.setdefault(loc[:end], number)

    def line(self, loc: Sequence[int | str]) -> int | None:
        """The line of the deepest part of ``loc`` that was written, else None."""
        for end in range(len(loc), 0, -1):
            found = self._lines.get(tuple(loc[:end]))
            if found is not None:
                return found
        return None
