"""YAML front-matter at the top of a Markdown or text file: document control and mapping."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.constructor import DuplicateKeyError, SafeConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from iso20k_cli.evidence.dates import OpenOrder, scan_date
from iso20k_cli.evidence.flatyaml import FlatReader
from iso20k_cli.evidence.model import DocStatus, DocumentControl
from iso20k_cli.text.counts import agree
from iso20k_cli.yamlio import YamlBoundsError, check_bounds, duplicate_key_message

# Organisations name the same field many ways; the first name is the canonical one.
_ALIASES: dict[str, tuple[str, ...]] = {
    "title": ("title", "document_title", "name"),
    "doc_id": ("id", "doc_id", "document_id", "reference", "ref"),
    "version": ("version", "revision", "rev"),
    "owner": ("owner", "document_owner", "author"),
    "approver": ("approver", "approved_by"),
    "status": ("status", "state"),
    "approved": ("approved", "approved_date", "approval_date", "date_approved", "approved_on"),
    "review_due": (
        "review_due",
        "next_review",
        "next_review_date",
        "review_date",
        "review_by",
    ),
    "record_date": ("record_date", "date", "dated", "meeting_date", "report_date"),
    "period_start": ("period_start", "period_from", "from"),
    "period_end": ("period_end", "period_to", "to"),
}


class _DatesAsText(SafeConstructor):
    """Dates stay text, read by :func:`scan_date`: a date the calendar lacks (0000-00-00)
    then becomes a warning on the file instead of an error from the loader."""


_DatesAsText.add_constructor("tag:yaml.org,2002:timestamp", SafeConstructor.construct_yaml_str)

# One loader for every file: building one costs more than parsing a short block.
_YAML = YAML(typ="safe")
_YAML.Constructor = _DatesAsText
# Static-site generators accept a repeated key (Jekyll keeps one of the values), so real
# pages carry them; the file's other fields are still worth reading.
_LENIENT_YAML = YAML(typ="safe")
_LENIENT_YAML.Constructor = _DatesAsText
_LENIENT_YAML.allow_duplicate_keys = True
# Most blocks are a few "key: value" lines: read exactly as the loader would, in a
# fraction of its time; anything else goes to the loader.
_FLAT = FlatReader(_DatesAsText)

# Front-matter is a handful of fields; bounding it before parsing keeps a hostile file
# from costing seconds and gigabytes (fifty thousand keys, an alias bomb, deep nesting).
MAX_FRONT_MATTER_CHARS = 64 * 1024
MAX_FRONT_MATTER_DEPTH = 16
MAX_FRONT_MATTER_KEYS = 500
_ALIAS_ALLOWANCE = 10_000

_STATUS_WORDS: dict[DocStatus, tuple[str, ...]] = {
    DocStatus.APPROVED: (
        "approved",
        "issued",
        "released",
        "final",
        "published",
        "active",
        "current",
        "effective",
        "in force",
    ),
    DocStatus.DRAFT: ("draft", "in review", "under review", "wip", "proposed", "pending"),
    DocStatus.SUPERSEDED: ("superseded", "obsolete", "withdrawn", "archived", "retired"),
}


def normalise_status(text: str) -> DocStatus:
    lowered = " ".join(text.lower().replace("_", " ").replace("-", " ").split())
    for status, words in _STATUS_WORDS.items():
        if lowered in words or lowered.split(" ")[0] in words:
            return status
    return DocStatus.UNKNOWN


@dataclass
class FrontMatter:
    title: str | None = None
    control: DocumentControl = field(default_factory=DocumentControl)
    record_dates: tuple[dt.date, ...] = ()
    declared: tuple[str, ...] = ()
    warnings: list[str] = field(default_factory=list)
    body: str = ""
    open_dates: dict[str, str] = field(default_factory=dict)
    """Fields holding a numeric date that reads either way round (03/04/2026), as
    written: the file's other dates or ``date_order`` settle them once it is read."""


# A metadata block without an opening fence ("name: …" lines closed by "---", as some
# policy generators write it) is read only when its first line names a known field.
_UNFENCED_MAX_LINES = 100
_MAX_KEY_WORDS = 3
_KNOWN_KEYS = frozenset(k for keys in _ALIASES.values() for k in keys) | {"iso20k"}


def split_front_matter(text: str) -> tuple[str | None, str]:
    """(front-matter text, or None when there is none; the body after it)."""
    lines = text.splitlines(keepends=True)
    if not lines:
        return None, text
    if lines[0].strip() == "---":
        for index in range(1, len(lines)):
            if lines[index].strip() in ("---", "..."):
                return "".join(lines[1:index]), "".join(lines[index + 1 :])
        return None, text
    return _unfenced(lines, text)


def _unfenced(lines: list[str], text: str) -> tuple[str | None, str]:
    key, colon, _ = lines[0].partition(":")
    if not colon or key.strip().lower().replace(" ", "_") not in _KNOWN_KEYS:
        return None, text
    for index in range(1, min(len(lines), _UNFENCED_MAX_LINES)):
        line = lines[index]
        if line.strip() in ("---", "..."):
            return "".join(lines[:index]), "".join(lines[index + 1 :])
        if not line.strip() or line[0] in " \t-#":
            continue
        if ":" not in line:
            break  # prose: this was a sentence with a colon, not metadata
    return _up_to_blank(lines, text)


def _up_to_blank(lines: list[str], text: str) -> tuple[str | None, str]:
    """Metadata as Pelican and MultiMarkdown write it: ``Key: value`` lines from the
    first, ended by the first blank line."""
    for index in range(min(len(lines), _UNFENCED_MAX_LINES)):
        line = lines[index]
        if not line.strip():
            return "".join(_as_yaml(lines[:index])), "".join(lines[index + 1 :])
        key, colon, _ = line.partition(":")
        if not colon or line[0] in " \t" or len(key.split()) > _MAX_KEY_WORDS:
            return None, text
    return None, text


def _as_yaml(lines: list[str]) -> list[str]:
    """Each ``Key: value`` line as a YAML mapping entry whose value is plain text: such
    values are not YAML ("Title: Backup: what we keep")."""
    entries = []
    for line in lines:
        key, _, value = line.partition(":")
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            # Metadata exported from a YAML front-matter keeps its quotes:
            # "date: '2010-04-13T05:04:50+00:00'".
            value = value[1:-1]
        quoted = value.replace("\\", "\\\\").replace('"', '\\"')
        entries.append(f'{key.strip()}: "{quoted}"\n')
    return entries


def _pick(data: dict[str, Any], canonical: str) -> Any:
    for key in _ALIASES[canonical]:
        if key in data and data[key] not in (None, ""):
            return data[key]
    return None


def _text(value: Any) -> str | None:
    if value is None:
        return None
    return str(value).strip() or None


def _plain_enough(raw: str) -> bool:
    """Whether front-matter is plainly within the bounds, so the event check can be skipped.

    Almost every file holds a few 'key: value' lines; reading their events a second
    time would double the cost of every Markdown file. Without anchors, aliases, tags,
    flow collections or complex keys, a line can nest no deeper than its indentation
    plus its '- ' markers.
    """
    if any(mark in raw for mark in "&*![{?"):
        return False
    for line in raw.splitlines():
        indent = len(line) - len(line.lstrip(" "))
        if indent + line.count("- ") >= MAX_FRONT_MATTER_DEPTH:
            return False
    return True


def parse_front_matter(text: str) -> FrontMatter:
    raw, body = split_front_matter(text)
    result = FrontMatter(body=body)
    if raw is None:
        return result
    if len(raw) > MAX_FRONT_MATTER_CHARS:
        result.warnings.append(
            f"front-matter is longer than {MAX_FRONT_MATTER_CHARS // 1024} KB; ignored"
        )
        return result
    data = _FLAT.read(raw)
    if data is None:
        data = _load(raw, result)
        if data is _UNREAD:
            return result
    if data is None:
        return result
    if not isinstance(data, dict):
        result.warnings.append("front-matter is not a mapping; ignored")
        return result
    if len(data) > MAX_FRONT_MATTER_KEYS:
        result.warnings.append(
            f"front-matter has {len(data)} keys, more than {MAX_FRONT_MATTER_KEYS}; ignored"
        )
        return result
    _read_fields(_keyed(data), result)
    return result


def _keyed(data: dict[Any, Any]) -> dict[str, Any]:
    return {str(k).strip().lower().replace(" ", "_").replace("-", "_"): v for k, v in data.items()}


def is_known_field(name: str) -> bool:
    """Whether a metadata field of this name is read as front-matter ("Owner", "review-date")."""
    return next(iter(_keyed({name: None}))) in _KNOWN_KEYS - {"iso20k"}


def read_fields(fields: dict[str, str]) -> FrontMatter:
    """Front-matter from metadata fields a document format keeps in its own syntax
    (a reStructuredText field list, AsciiDoc attribute entries): the same names read
    the same way as YAML front-matter, each value as text."""
    result = FrontMatter()
    data = {k: v for k, v in _keyed(fields).items() if k in _KNOWN_KEYS - {"iso20k"}}
    if data:
        _read_fields(data, result)
    return result


def _read_fields(data: dict[str, Any], result: FrontMatter) -> None:
    """What the fields of a front-matter mapping say, set on ``result``."""
    result.title = _text(_pick(data, "title"))
    status_text = _text(_pick(data, "status"))
    dates: dict[str, dt.date | None] = {}
    for key in ("approved", "review_due", "record_date", "period_start", "period_end"):
        value = _pick(data, key)
        found = scan_date(value)
        if isinstance(found, OpenOrder):
            # 25/04/2026 shows its order; 03/04/2026 waits for the file's.
            if (day := found.read(None)) is None:
                result.open_dates[key] = str(value).strip()
            found = day
        elif value is not None and found is None:
            result.warnings.append(f"front-matter '{key}' is not a date we can read: {value!r}")
        dates[key] = found
    result.control = DocumentControl(
        doc_id=_text(_pick(data, "doc_id")),
        version=_text(_pick(data, "version")),
        owner=_text(_pick(data, "owner")),
        approver=_text(_pick(data, "approver")),
        status=normalise_status(status_text) if status_text else None,
        status_text=status_text,
        approved=dates["approved"],
        review_due=dates["review_due"],
    )
    result.record_dates = tuple(
        sorted({d for k in ("record_date", "period_start", "period_end") if (d := dates[k])})
    )
    result.declared = _declared(data.get("iso20k"), result.warnings)


_UNREAD: Any = object()


def _load(raw: str, result: FrontMatter) -> Any:
    """``raw`` read by the YAML loader within the bounds, or _UNREAD with a warning on
    ``result`` saying why it was not."""
    try:
        if not _plain_enough(raw):
            check_bounds(raw, MAX_FRONT_MATTER_DEPTH, _ALIAS_ALLOWANCE, check_dates=False)
        try:
            data = _YAML.load(raw)
        except DuplicateKeyError as exc:
            data = _LENIENT_YAML.load(raw)
            mark = exc.problem_mark
            where = f" at line {mark.line + 2}" if mark is not None else ""
            result.warnings.append(
                f"front-matter has a {duplicate_key_message(exc)}{where}; its first value is used"
            )
    except YamlBoundsError as exc:
        where = f" at line {exc.line + 1}" if exc.line is not None else ""
        result.warnings.append(f"front-matter {exc.message}{where}; ignored")
        return _UNREAD
    except (RecursionError, ValueError, OverflowError):
        result.warnings.append("front-matter could not be read; ignored")
        return _UNREAD
    except MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f" at line {mark.line + 2}" if mark is not None else ""
        result.warnings.append(f"front-matter is not valid YAML{where}; ignored")
        return _UNREAD
    except YAMLError:
        result.warnings.append("front-matter is not valid YAML; ignored")
        return _UNREAD
    return data


def _declared(block: Any, warnings: list[str]) -> tuple[str, ...]:
    if block is None:
        return ()
    if not isinstance(block, dict):
        warnings.append("front-matter 'iso20k' must be a mapping such as {satisfies: [\"8.6.1\"]}")
        return ()
    unknown = sorted(str(k) for k in block if k != "satisfies")
    if unknown:
        keys = agree(len(unknown), "an unknown key", "unknown keys")
        warnings.append(f"front-matter 'iso20k' has {keys}: {', '.join(unknown)}")
    value = block.get("satisfies")
    if value is None:
        return ()
    values = value if isinstance(value, list) else [value]
    return tuple(dict.fromkeys(str(v).strip() for v in values if str(v).strip()))
