"""Text for the HTML report that needs more than escaping."""

from __future__ import annotations

from markupsafe import Markup, escape

# Where a path may break: after a folder separator and the joins of words in a file name,
# so that a narrow column breaks "01-context/SMS-Scope.md" between its parts, not inside
# a word.
_SEPARATORS = frozenset("/\\-_.")


def breakable_path(path: str) -> Markup:
    """``path`` escaped, with a line-break opportunity (``<wbr>``) after each separator."""
    parts: list[str] = []
    for char in path:
        parts.append(str(escape(char)))
        if char in _SEPARATORS:
            parts.append("<wbr>")
    return Markup("".join(parts))
