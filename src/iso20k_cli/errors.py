"""Typed errors raised by library code; the CLI maps them to messages and exit codes."""

from __future__ import annotations

from pathlib import Path


class Iso20kError(Exception):
    """An input problem the user can fix: reported without a traceback, exit code 2."""

    def __init__(self, message: str, *, path: Path | str | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = self.path if self.line is None else f"{self.path}:{self.line}"
            where += ": "
        return f"{where}{self.message}"


class CatalogueError(Iso20kError):
    """The requirements catalogue cannot be used."""


class ConfigError(Iso20kError):
    """The configuration file cannot be used."""


class EvidenceFolderError(Iso20kError):
    """The evidence folder cannot be scanned."""


class OutputError(Iso20kError):
    """The result cannot be written where it was asked for."""


class MissingExtraError(Iso20kError):
    """An optional part of iso20k that this run needs is not installed."""
