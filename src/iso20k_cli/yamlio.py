"""YAML loading that keeps line numbers, so that every error can name file and line."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml import events as yaml_events
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from iso20k_cli.errors import Iso20kError
from iso20k_cli.invalid import sentence

ErrorFactory = Callable[..., Iso20kError]
M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class LoadedYaml:
    """Plain Python data plus the ruamel tree it came from (for line look-ups).

    Loaded ``fast``, the data come from the C parser and the tree, which only an error
    message needs, is parsed from ``text`` the first time it is asked for."""

    path: Path
    data: Any
    parsed_tree: Any = None
    text: str | None = field(default=None, repr=False, compare=False)

    @property
    def tree(self) -> Any:
        if self.parsed_tree is None and self.text is not None:
            object.__setattr__(self, "parsed_tree", _round_trip().load(self.text))
        return self.parsed_tree


def _round_trip() -> YAML:
    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    return yaml


MAX_DEPTH = 64
"""Nesting of collections a YAML file may have: real files need fewer than ten, and the
loader and every conversion after it recurse once per level."""
ALIAS_ALLOWANCE = 100_000
"""Nodes that aliases may add beyond those written, before a file counts as an alias bomb."""


class YamlBoundsError(Exception):
    """A YAML text past a bound (depth, alias expansion, a date): message and 1-based line."""

    def __init__(self, message: str, line: int | None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


def _looks_like_date(value: str) -> bool:
    # YAML 1.2 resolves a plain scalar starting YYYY-M-D as a timestamp.
    head = value[:10].split("-")
    return (
        len(head) == 3
        and len(head[0]) == 4
        and all(part[:2].isdigit() or (part[:1].isdigit() and len(part) == 1) for part in head)
    )


def _check_date(value: str) -> bool:
    year, month, rest = value.split("-", 2)
    day = rest[:2] if rest[:2].isdigit() else rest[:1]
    try:
        dt.date(int(year), int(month), int(day))
    except ValueError:
        return False
    return True


def check_bounds(
    text: str,
    max_depth: int = MAX_DEPTH,
    allowance: int = ALIAS_ALLOWANCE,
    *,
    check_dates: bool = True,
) -> None:
    """Raise :class:`YamlBoundsError` when ``text`` nests deeper than ``max_depth``, when its
    aliases would expand it by more than ``allowance`` plus ten times its own size, or when a
    plain scalar is a date the calendar does not have.

    Runs on the parser's event stream, which is produced without recursion, so it is safe
    on any input; the loader proper recurses per level and copies per alias.
    """
    # One frame per open collection: (nodes in it so far with aliases expanded, its anchor).
    frames: list[tuple[int, str | None]] = [(0, None)]
    anchors: dict[str, int] = {}
    written = expanded = 0
    parser = YAML(typ="safe", pure=True)
    for event in parser.parse(text):
        if isinstance(event, yaml_events.CollectionStartEvent):
            written += 1
            frames.append((0, event.anchor))
            if len(frames) - 1 > max_depth:
                raise YamlBoundsError(f"nested more than {max_depth} levels deep", _line(event))
            continue
        if isinstance(event, yaml_events.CollectionEndEvent):
            inside, anchor = frames.pop()
            added = inside + 1
            if anchor:
                anchors[anchor] = added
        elif isinstance(event, yaml_events.ScalarEvent):
            written += 1
            added = 1
            if event.anchor:
                anchors[event.anchor] = 1
            value = event.value
            plain = event.style is None and event.tag is None
            if check_dates and plain and _looks_like_date(value) and not _check_date(value):
                raise YamlBoundsError(f"'{value[:20]}' is not a valid date", _line(event))
        elif isinstance(event, yaml_events.AliasEvent):
            added = anchors.get(str(event.anchor), 1)
            expanded += added
            if expanded > allowance + 10 * written:
                raise YamlBoundsError(
                    "its aliases expand it beyond any real file's size (an alias bomb?)",
                    _line(event),
                )
        else:
            continue
        size, anchor = frames[-1]
        frames[-1] = (size + added, anchor)


def _line(event: Any) -> int | None:
    mark = event.start_mark
    return mark.line + 1 if mark is not None else None


def parse_yaml(
    text: str, path: Path, error: ErrorFactory, *, trusted: bool = False, fast: bool = False
) -> LoadedYaml:
    """Parse YAML text; syntax errors and duplicate keys become ``error`` with a line.

    Unless ``trusted`` (the catalogue shipped with the tool), the text is first checked
    against the bounds of :func:`check_bounds`. ``fast`` reads a large file (a catalogue)
    with the C parser and keeps the round-trip tree for when a line is wanted.
    """
    tree: Any = None
    try:
        if not trusted:
            check_bounds(text)
        if fast:
            fast_yaml = YAML(typ="safe")
            fast_yaml.allow_duplicate_keys = False
            data = fast_yaml.load(text)
        else:
            tree = _round_trip().load(text)
            data = to_plain(tree)
    except YamlBoundsError as exc:
        raise error(f"invalid YAML: {exc.message}", path=path, line=exc.line) from None
    except (ValueError, OverflowError) as exc:
        # A constructor's own complaint (a date out of range in another form): no mark.
        raise error(f"invalid YAML: {exc}", path=path) from None
    except RecursionError:
        raise error("invalid YAML: nested too deeply", path=path) from None
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = exc.problem or exc.context or "invalid YAML"
        if "duplicate key" in str(exc):
            problem = duplicate_key_message(exc)
        raise error(f"invalid YAML: {problem}", path=path, line=line) from None
    except YAMLError as exc:
        raise error(f"invalid YAML: {exc}", path=path) from None
    return LoadedYaml(path, data, tree, text if fast else None)


MAX_YAML_BYTES = 64 * 1024 * 1024
"""Larger than any catalogue, configuration or manifest a person writes."""


def read_user_text(path: Path, error: ErrorFactory, kind: str) -> str:
    """A UTF-8 file the user named; every failure becomes ``error`` naming the file."""
    try:
        if path.stat().st_size > MAX_YAML_BYTES:
            raise error(f"larger than {MAX_YAML_BYTES // (1024 * 1024)} MB; not read", path=path)
        if not path.is_file() and not path.is_dir():
            raise error(f"not a regular file, not {kind}", path=path)
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise error("file not found", path=path) from None
    except IsADirectoryError:
        raise error(f"is a folder, not {kind}", path=path) from None
    except UnicodeDecodeError:
        raise error("not UTF-8 text", path=path) from None
    except OSError as exc:
        raise error(f"cannot be read: {exc.strerror}", path=path) from None


def read_yaml(
    path: Path, error: ErrorFactory, *, trusted: bool = False, fast: bool = False
) -> LoadedYaml:
    text = read_user_text(path, error, "a YAML file")
    return parse_yaml(text, path, error, trusted=trusted, fast=fast)


def duplicate_key_message(exc: MarkedYAMLError) -> str:
    problem = exc.problem or ""
    # ruamel words it 'found duplicate key "x" with value ...'; keep the key only.
    if "duplicate key" in problem:
        return problem.split(" with value")[0].replace("found ", "")
    return "duplicate key"


def to_plain(node: Any) -> Any:
    """Turn ruamel's round-trip types into plain dicts, lists, str, int, float, dates."""
    if isinstance(node, CommentedMap):
        return {to_plain(k): to_plain(v) for k, v in node.items()}
    if isinstance(node, CommentedSeq):
        return [to_plain(v) for v in node]
    if isinstance(node, bool) or node is None:
        return node
    if isinstance(node, str):
        return str(node)
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    if isinstance(node, dt.datetime):
        return dt.datetime(*node.timetuple()[:6], tzinfo=node.tzinfo)
    return node


def _has(node: Any, part: int | str) -> bool:
    # dict and list: the ruamel tree of a YAML file, or the plain data of a TOML table.
    if isinstance(node, dict):
        return part in node
    return isinstance(node, list) and isinstance(part, int) and part < len(node)


def line_of(tree: Any, loc: Sequence[int | str]) -> int | None:
    """The 1-based line of the deepest node of ``loc`` found in the ruamel tree."""
    node = tree
    line: int | None = None
    for part in loc:
        if isinstance(node, CommentedMap) and part in node:
            line = node.lc.key(part)[0] + 1
            node = node[part]
        elif isinstance(node, CommentedSeq) and isinstance(part, int) and part < len(node):
            line = node.lc.item(part)[0] + 1
            node = node[part]
        # Other parts are pydantic's own (a union tag, a function name): skip them.
    return line


def _display_loc(tree: Any, loc: Sequence[int | str]) -> list[int | str]:
    """The parts of a pydantic loc that are real keys or indexes in the YAML tree.

    Pydantic inserts its own parts (the tag of a discriminated union); a part that is
    not in the tree is kept only at the end, where it names a missing key.
    """
    shown: list[int | str] = []
    node = tree
    for position, part in enumerate(loc):
        if _has(node, part):
            node = node[part]
        elif position != len(loc) - 1:
            continue
        shown.append(part)
    return shown


def validate(
    model: type[M], loaded: LoadedYaml, error: ErrorFactory, context: dict[str, Any] | None = None
) -> M:
    """Validate loaded YAML against ``model``; the error names file, line and key path of
    every problem."""
    return validate_data(
        model,
        loaded.data,
        loaded.path,
        error,
        lambda loc: line_of(loaded.tree, loc),
        context,
        shape=lambda: loaded.tree,
    )


def validate_data(
    model: type[M],
    data: Any,
    path: Path,
    error: ErrorFactory,
    line: Callable[[Sequence[int | str]], int | None],
    context: dict[str, Any] | None = None,
    shape: Callable[[], Any] | None = None,
) -> M:
    """Validate ``data`` read from ``path`` against ``model``; the error lists every
    problem in words (up to :data:`MAX_PROBLEMS`), each with the ``line`` of its key and
    the key path (the keys found in ``shape()``, the data itself by default)."""
    try:
        return model.model_validate(data, context=context)
    except ValidationError as exc:
        # A failed element also makes its container fail (a tuple "too short"); such
        # echoes of a deeper error are not separate problems.
        every = exc.errors()
        errors = [
            e
            for e in every
            if not any(
                len(o["loc"]) > len(e["loc"]) and tuple(o["loc"][: len(e["loc"])]) == e["loc"]
                for o in every
            )
        ]
        tree = shape() if shape is not None else data
        problems = sorted(
            ((line(e["loc"]), sentence(e, _display_loc(tree, e["loc"]), model)) for e in errors),
            key=lambda problem: (problem[0] is None, problem[0] or 0),
        )
        raise error(_listed(problems, path), path=path, line=problems[0][0]) from None


MAX_PROBLEMS = 10
"""Problems of one file listed in one error; a longer list ends "and N more problems"."""


def _listed(problems: Sequence[tuple[int | None, str]], path: Path) -> str:
    """The first problem, then each other on a line of its own with its file and line."""
    first = problems[0][1]
    lines = [
        f"  {path}:{at}: {said}" if at is not None else f"  {path}: {said}"
        for at, said in problems[1:MAX_PROBLEMS]
    ]
    hidden = len(problems) - MAX_PROBLEMS
    if hidden > 0:
        # Counts are spelled out as text/counts.py does; this layer sits below it.
        lines.append(f"  and {hidden} more {'problem' if hidden == 1 else 'problems'}")
    return "\n".join([first, *lines])
