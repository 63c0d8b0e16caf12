"""How certification bodies grade findings; a module of its own so that anything may use it."""

from __future__ import annotations

from enum import StrEnum


class Severity(StrEnum):
    MAJOR = "major"
    MINOR = "minor"
    OBSERVATION = "observation"

    @property
    def rank(self) -> int:
        return _RANK[self]


_RANK = {Severity.MAJOR: 0, Severity.MINOR: 1, Severity.OBSERVATION: 2}
