"""Scan the evidence folder and extract every file: the first half of the pipeline."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from iso20k_cli.evidence.extract import extract
from iso20k_cli.evidence.model import EvidenceFile
from iso20k_cli.evidence.scan import scan

Progress = Callable[[int, int], None]
"""Called with (files done, files in all) as extraction goes on."""

CONFIG_FILES = (".iso20k.yaml",)


def collect(
    root: Path,
    ignore: tuple[str, ...] = (),
    max_bytes: int | None = None,
    progress: Progress | None = None,
) -> tuple[EvidenceFile, ...]:
    """Every evidence file below ``root``, read as far as its format allows, sorted by path."""
    candidates = scan(root, ignore=ignore, max_bytes=max_bytes)
    files: list[EvidenceFile] = []
    total = len(candidates)
    for done, candidate in enumerate(candidates, start=1):
        files.append(extract(candidate))
        if progress is not None:
            progress(done, total)
    return tuple(files)
