"""Extractors, one module per format, imported only when a file of that format is seen."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path

from iso20k_cli.evidence.dates import dates_in_name
from iso20k_cli.evidence.model import EvidenceFile
from iso20k_cli.evidence.scan import Candidate

# suffix -> (format name, extractor module or None when the content is not read yet)
_FORMATS: dict[str, tuple[str, str | None]] = {
    ".md": ("markdown", "markdown"),
    ".markdown": ("markdown", "markdown"),
    ".txt": ("text", "text"),
    ".text": ("text", "text"),
    ".pdf": ("pdf", None),
    ".docx": ("docx", None),
    ".xlsx": ("xlsx", None),
    ".xlsm": ("xlsx", None),
    ".csv": ("csv", None),
    ".html": ("html", None),
    ".htm": ("html", None),
    ".doc": ("doc", None),
    ".xls": ("xls", None),
    ".pptx": ("pptx", None),
    ".odt": ("odt", None),
    ".ods": ("ods", None),
    ".rtf": ("rtf", None),
}


def format_of(path: Path | str) -> str:
    suffix = Path(path).suffix.lower()
    return _FORMATS.get(suffix, ("other", None))[0]


def _not_read(candidate: Candidate, reason: str) -> EvidenceFile:
    return EvidenceFile(
        path=candidate.rel,
        format=format_of(candidate.rel),
        size=candidate.size,
        readable=False,
        error=reason,
    )


def extract(candidate: Candidate) -> EvidenceFile:
    """Read one file; whatever is wrong with it becomes an error on the result, never a crash.

    A file whose content gives no record date still has the dates in its name.
    """
    result = _extract(candidate)
    if not result.record_dates:
        name_dates = dates_in_name(candidate.rel.rsplit("/", 1)[-1])
        if name_dates:
            result = result.model_copy(update={"record_dates": name_dates})
    return result


def _extract(candidate: Candidate) -> EvidenceFile:
    if candidate.skip_reason is not None:
        return _not_read(candidate, candidate.skip_reason)
    suffix = Path(candidate.rel).suffix.lower()
    _, module_name = _FORMATS.get(suffix, ("other", None))
    if module_name is None:
        label = suffix or "files without an extension"
        return _not_read(
            candidate,
            f"content of {label} files is not read; recognised by file name only",
        )
    module = importlib.import_module(f"{__name__}.{module_name}")
    function: Callable[[Candidate], EvidenceFile] = module.extract
    try:
        return function(candidate)
    except (OSError, ValueError, UnicodeError) as exc:
        return _not_read(candidate, f"could not be read: {exc}")
