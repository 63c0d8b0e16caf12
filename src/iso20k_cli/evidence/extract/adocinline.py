"""AsciiDoc inline markup taken off a line, its text kept.

*bold*, _emphasis_, `monospace`, #highlight# (single or doubled), ``link:url[text]``,
bare URLs with text, ``xref:page.adoc[text]``, ``<<ref,text>>``, keyboard, button and
menu macros, footnotes and ``{attribute}`` references. One pass with look-aheads that
are bounded or end at the next mark of their kind, so hostile lines cost linear time.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from iso20k_cli.evidence.extract.linefind import LineFind

_MARKS = "*_`#"
# Where markup may start; a plain character class, matched without backtracking.
_SPECIAL = re.compile(r"[\\{<\[*_`#:]")
_MAX_MACRO_NAME = 12
_MAX_TARGET = 2000
_MAX_MACRO_TEXT = 2000
_MAX_REF = 1000
_MAX_ATTRIBUTE = 64
_ATTRIBUTE_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-_")
# Inline macros: name as written -> what its text is ("link": a link's text).
_LINKS = ("xref:", "link:", "mailto:", "https://", "http://", "ftp://", "irc://")
_TEXT_MACROS = ("kbd:", "btn:", "pass:", "footnote:", "indexterm2:", "image:", "stem:")
_DROPPED_MACROS = ("icon:", "indexterm:", "anchor:", "footnoteref:", "latexmath:", "asciimath:")
_ESCAPABLE = frozenset("*_`#{<[\\+")

Link = tuple[str, str]


def strip_inline(line: str, attributes: Mapping[str, str] | None = None) -> tuple[str, list[Link]]:
    """``line`` without its inline markup, and the links it holds; ``{name}`` references
    replaced by the values of ``attributes`` that define them."""
    links: list[Link] = []
    if _SPECIAL.search(line) is None:
        return line, links
    return _strip(LineFind(line), attributes or {}, links, 0), links


def _strip(find: LineFind, attributes: Mapping[str, str], links: list[Link], depth: int) -> str:
    line = find.line
    out: list[str] = []
    i, n = 0, len(line)
    while i < n:
        special = _SPECIAL.search(line, i)
        if special is None:
            out.append(line[i:])
            break
        at = special.start()
        if line[at] == ":":
            # A macro is known by its colon: "xref:", "https:", "kbd:".
            start = at
            while start > i and at - start < _MAX_MACRO_NAME and line[start - 1].isalpha():
                start -= 1
            found = (
                _macro(find, start, links) if start == 0 or not line[start - 1].isalnum() else None
            )
            if found is None:
                out.append(line[i : at + 1])
                i = at + 1
            else:
                out.append(line[i:start])
                out.append(found[0])
                i = found[1]
            continue
        out.append(line[i:at])
        i = at
        c = line[i]
        if c == "\\" and i + 1 < n and line[i + 1] in _ESCAPABLE:
            out.append(line[i + 1])
            i += 2
        elif c == "{" and (value := _attribute(find, i, attributes)) is not None:
            out.append(value[0])
            i = value[1]
        elif line.startswith("<<", i) and (ref := _cross_reference(find, i, links)) is not None:
            out.append(ref[0])
            i = ref[1]
        elif line.startswith("[[", i) and (end := find.find("]]", i + 2, i + _MAX_REF)) != -1:
            i = end + 2  # an anchor
        elif c in _MARKS and depth < len(_MARKS) * 2 and (quoted := _quoted(find, i)) is not None:
            inner, i = quoted
            out.append(_strip(LineFind(inner), attributes, links, depth + 1))
        else:
            out.append(c)
            i += 1
    return "".join(out)


def _attribute(find: LineFind, i: int, attributes: Mapping[str, str]) -> tuple[str, int] | None:
    line = find.line
    end = find.find("}", i + 1, i + 2 + _MAX_ATTRIBUTE)
    name = line[i + 1 : end].lower() if end != -1 else ""
    if not name or not all(ch in _ATTRIBUTE_CHARS for ch in name) or name not in attributes:
        return None
    return attributes[name], end + 1


def _cross_reference(find: LineFind, i: int, links: list[Link]) -> tuple[str, int] | None:
    """``<<install.adoc#,Installation>>`` or ``<<ref>>``: its text, and the index after."""
    line = find.line
    end = find.find(">>", i + 2, i + 2 + _MAX_REF)
    if end == -1:
        return None
    target, _, text = line[i + 2 : end].partition(",")
    target = target.strip()
    if not target or " " in target:
        return None
    text = text.strip().strip('"') or _page(target)
    links.append((text, target))
    return text, end + 2


def _page(target: str) -> str:
    """How a reference without text is shown: its page's name ("install" of install.adoc#)."""
    page = target.split("#", 1)[0] or target.lstrip("#")
    page = page.rsplit("/", 1)[-1].rsplit(":", 1)[-1]
    return page.removesuffix(".adoc") or target


def _macro(find: LineFind, i: int, links: list[Link]) -> tuple[str, int] | None:
    """An inline macro at ``i`` (``xref:page.adoc[text]``, ``kbd:[Ctrl+C]``): its text and
    the index after it; a bare URL is left as text."""
    line = find.line
    head = line[i : i + 12].lower()
    prefix = next((p for p in (*_LINKS, *_TEXT_MACROS, *_DROPPED_MACROS) if head.startswith(p)), "")
    if head.startswith("menu:"):
        prefix = "menu:"
    if not prefix:
        return None
    bracket = find.find("[", i + len(prefix), i + len(prefix) + _MAX_TARGET)
    if bracket == -1 or any(ch.isspace() for ch in line[i:bracket]):
        return None
    close = find.find("]", bracket + 1, bracket + 1 + _MAX_MACRO_TEXT)
    if close == -1:
        return None
    target = line[i + len(prefix) : bracket]
    text = line[bracket + 1 : close]
    after = close + 1
    if prefix in _DROPPED_MACROS:
        return "", after
    if prefix == "menu:":
        return " > ".join([target, *[p.strip() for p in text.split(">") if p.strip()]]), after
    if prefix in _TEXT_MACROS:
        return (text.split(",", 1)[0] if prefix == "image:" else text), after
    if prefix in ("https://", "http://", "ftp://", "irc://"):
        target = line[i:bracket]
    if "=" in text:  # attributes after the text: link:url["Text",window=_blank]
        text = text.split(",", 1)[0]
        text = "" if "=" in text else text
    text = text.strip().strip('"').removesuffix("^").strip()
    text = text or (_page(target) if prefix == "xref:" else target)
    links.append((text, target))
    return text, after


def _quoted(find: LineFind, i: int) -> tuple[str, int] | None:
    """Quoted text (``*bold*``, ``__em__``) opening at ``i``: its inner text and the index
    after its closing mark; None where the mark opens nothing."""
    line = find.line
    mark = line[i]
    if line.startswith(mark * 2, i):
        end = find.find(mark * 2, i + 2)
        if end <= i + 2:
            return None
        return line[i + 2 : end], end + 2
    start = i + 1
    if start >= len(line) or line[start].isspace() or line[start] == mark:
        return None
    if i > 0 and (line[i - 1].isalnum() or line[i - 1] == mark):
        return None  # constrained: a mark inside a word ("snake_case") quotes nothing
    end = find.find(mark, start + 1)
    if end == -1 or line[end - 1].isspace():
        return None
    if end + 1 < len(line) and line[end + 1].isalnum():
        return None
    return line[start:end], end + 1
