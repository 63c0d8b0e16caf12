"""Counts written out in words: "1 finding", "2 findings", never "finding(s)".

Here, in the lowest stage, so that a check's message and a renderer's summary spell a
count the same way; ``render/wording.py`` passes it on to every renderer.
"""

from __future__ import annotations


def plural(count: int, word: str, many: str | None = None) -> str:
    """``count`` and the noun it agrees with: '1 finding', '2 findings', '0 findings';
    ``many`` for a noun that does not take an s ('entry', 'entries')."""
    return f"{count} {word if count == 1 else many or word + 's'}"


def agree(count: int, one: str, many: str) -> str:
    """The word that agrees with ``count``: agree(n, 'is', 'are'), agree(n, 'has', 'have')."""
    return one if count == 1 else many


LISTED = 5
"""How many names a sentence lists before 'and N more': a finding that named sixty files
would bury its point; the full list stays in the finding's paths (the JSON result) and the
report's evidence index."""


def listed(names: list[str] | tuple[str, ...], sep: str = ", ", limit: int = LISTED) -> str:
    """The first ``limit`` of ``names`` joined by ``sep``, then 'and N more' for the rest."""
    shown = sep.join(names[:limit])
    rest = len(names) - limit
    return f"{shown} and {rest} more" if rest > 0 else shown
