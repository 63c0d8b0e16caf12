"""reStructuredText inline markup taken off a line, its text kept.

``code``, *emphasis*, **strong**, `link <url>`_, :role:`text <target>`, escapes and
footnote references. One pass over the line with bounded look-aheads: every search
for a closing mark either finds the next one (which the pass then starts from) or
fails once for the rest of the line, so a line of ten thousand asterisks or
backticks costs linear time.
"""

from __future__ import annotations

import re

from iso20k_cli.evidence.extract.linefind import LineFind

# Where markup may start; a plain character class, matched without backtracking.
_SPECIAL = re.compile(r"[`*:\\\[_]")
_ROLE_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:+")
_MAX_ROLE = 40
_MAX_FOOTNOTE = 40
_LINK_ROLES = frozenset({"doc", "ref", "any", "std:doc", "std:ref"})
_OPENERS = " \t([{<'\"-/:"
_CLOSERS = " \t)]}>'\".,;:!?-/\\"

Link = tuple[str, str]
"""(text, target) of a link."""


def strip_inline(line: str) -> tuple[str, list[Link]]:
    """``line`` without its inline markup, and the links it holds."""
    if _SPECIAL.search(line) is None:
        return line, []
    find = LineFind(line)
    out: list[str] = []
    links: list[Link] = []
    i, n = 0, len(line)
    while i < n:
        special = _SPECIAL.search(line, i)
        if special is None:
            out.append(line[i:])
            break
        out.append(line[i : special.start()])
        i = special.start()
        c = line[i]
        if c == "\\" and i + 1 < n:
            out.append(line[i + 1])
            i += 2
        elif line.startswith("``", i):
            end = find.find("``", i + 2)
            if end == -1:
                out.append(line[i:])
                break
            out.append(line[i + 2 : end])
            i = end + 2
        elif c == "`":
            i = _interpreted(find, i, None, out, links)
        elif c == ":" and (role := _role(line, i)) is not None:
            i = _interpreted(find, i + len(role) + 2, role, out, links)
        elif c == "*":
            i = _emphasis(find, i, out)
        elif c == "[" and (after := _footnote(line, i)) is not None:
            i = after
        elif c == "_" and i > 0 and line[i - 1].isalnum() and _reference_end(line, i):
            i += 2 if line.startswith("__", i) else 1  # a reference: "Python_"
        else:
            out.append(c)
            i += 1
    return "".join(out), links


def _role(line: str, i: int) -> str | None:
    """The role named at ``line[i]`` (":doc:" before a backtick), if one is."""
    window = line[i + 1 : i + 2 + _MAX_ROLE]
    end = window.find(":`")
    if end <= 0 or not all(ch in _ROLE_CHARS for ch in window[:end]):
        return None
    if i > 0 and line[i - 1].isalnum():
        return None
    return window[:end]


def _interpreted(
    find: LineFind, i: int, role: str | None, out: list[str], links: list[Link]
) -> int:
    """Interpreted text or a reference opening at the backtick ``line[i]``: its text goes
    to ``out``; the index after it is returned."""
    line = find.line
    end = find.find("`", i + 1)
    if end == -1:
        out.append(line[i:])
        return len(line)
    inner = line[i + 1 : end]
    after = end + 1
    reference = line.startswith("_", after)
    if reference:
        after += 2 if line.startswith("__", after) else 1
    text, target = inner, ""
    if inner.endswith(">") and "<" in inner:
        at = inner.rfind("<")
        text, target = inner[:at].strip(), inner[at + 1 : -1].strip()
    text = text.lstrip("~!") or target
    if role in _LINK_ROLES and not target:
        target = text
    if target and (reference or role in _LINK_ROLES):
        links.append((text, target))
    out.append(text)
    return after


def _emphasis(find: LineFind, i: int, out: list[str]) -> int:
    """*emphasis* or **strong** at ``line[i]``: its text to ``out``, or the mark as text
    where it opens nothing (a multiplication, a footnote's asterisk)."""
    line = find.line
    mark = "**" if line.startswith("**", i) else "*"
    start = i + len(mark)
    before = line[i - 1] if i else " "
    if start >= len(line) or line[start].isspace() or before not in _OPENERS:
        out.append(mark)
        return start
    end = find.find(mark, start + 1)
    if end == -1 or line[end - 1].isspace() or not _ends_word(line, end + len(mark) - 1):
        out.append(mark)
        return start
    out.append(line[start:end])
    return end + len(mark)


def _ends_word(line: str, last: int) -> bool:
    """Whether the mark ending at ``line[last]`` closes a word (space or punctuation after)."""
    following = line[last + 1 : last + 2]
    return not following or following in _CLOSERS


def _reference_end(line: str, i: int) -> bool:
    """Whether the underscore at ``i`` ends a word as a reference ("Python_", "here__")."""
    return _ends_word(line, i + 1 if line.startswith("__", i) else i)


def _footnote(line: str, i: int) -> int | None:
    """The index after a footnote or citation reference ("[1]_", "[#note]_") at ``i``."""
    end = line.find("]_", i + 1, i + 2 + _MAX_FOOTNOTE)
    if end == -1 or " " in line[i:end]:
        return None
    return end + 2
