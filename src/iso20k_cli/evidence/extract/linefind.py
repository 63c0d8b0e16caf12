"""Searching one line of untrusted text for closing marks, in linear time overall.

Inline markup is read by looking ahead for a closing mark (``]``, ``>>``, a backtick).
Searched afresh from every opening mark, a line of ten thousand openings and no
closing one costs ten thousand scans of the line; here each search remembers where it
found the next occurrence, so asking again from further on costs nothing until that
occurrence is passed.
"""

from __future__ import annotations


class LineFind:
    def __init__(self, line: str) -> None:
        self.line = line
        self._found: dict[str, tuple[int, int]] = {}  # mark -> (searched from, found at)

    def find(self, mark: str, start: int, end: int | None = None) -> int:
        """As ``line.find(mark, start, end)``."""
        known = self._found.get(mark)
        if known is not None and known[0] <= start and (known[1] == -1 or known[1] >= start):
            found = known[1]
        else:
            found = self.line.find(mark, start)
            self._found[mark] = (start, found)
        if found == -1 or (end is not None and found + len(mark) > end):
            return -1
        return found
