"""Where a finding lives, as a path seen from the folder the command was run in.

CI tools (code scanning, workflow annotations) resolve paths against the repository
root, which is where CI runs ``iso20k check``; the evidence folder as the user typed
it, joined with a file's path inside it, is therefore the path they expect.
"""

from __future__ import annotations

from pathlib import PurePosixPath, PureWindowsPath
from urllib.parse import quote

from iso20k_cli.assess.model import Finding


def _posix(evidence_dir: str) -> PurePosixPath:
    # A folder typed on Windows arrives with backslashes; the output uses '/'.
    return PurePosixPath(PureWindowsPath(evidence_dir).as_posix())


def repo_path(evidence_dir: str, relative: str | None = None) -> str:
    """``evidence_dir`` joined with a path inside it (``relative`` None: the folder itself)."""
    path = _posix(evidence_dir)
    if relative is not None:
        path = path / relative
    return str(path)


def finding_paths(evidence_dir: str, finding: Finding) -> tuple[str, ...]:
    """The files a finding concerns; none for a missing document."""
    return tuple(repo_path(evidence_dir, p) for p in finding.paths)


def uri(evidence_dir: str, relative: str | None = None) -> str:
    """A URI reference for ``repo_path`` (relative stays relative; a folder ends with '/')."""
    path = repo_path(evidence_dir, relative)
    if relative is None and not path.endswith("/"):
        path += "/"
    if PurePosixPath(path).is_absolute():
        return "file://" + quote(path)
    if PureWindowsPath(path).drive:
        return "file:///" + quote(path, safe="/:")
    return quote(path)
