"""Evidence folders for the mini catalogue, shared by the end-to-end tests."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from conftest import AS_OF, MINI, REPO, Folder, Invoke, Result
from factories import write_docx

READY: dict[str, dict[str, Any]] = {
    "Scope-Statement.md": dict(
        title="SMS Scope Statement",
        status="approved",
        approved="2026-03-01",
        review_due="2027-03-01",
    ),
    "handbook/Staff Handbook.md": dict(
        status="approved", approved="2026-03-01", review_due="2027-03-01"
    ),
    "incident-policy.md": dict(status="approved", approved="2026-03-01"),
    "logs/incident-log-2026-08.md": dict(record_date="2026-08-31", period_start="2026-08-01"),
    "logs/incident-log-2026-10.md": dict(record_date="2026-10-31", period_start="2026-10-01"),
    "logs/security-incident-log.md": dict(record_date="2026-11-02"),
    "audit/internal-audit-report-2026-09-20.md": dict(),
}
"""Every item of the mini catalogue met at AS_OF: score 100, no finding."""

# Enough prose to be a document: a file of a few words is a stub pointing elsewhere.
BODY = (
    "This document sets out who does what, when and how, for the services in scope, "
    "and how the results are recorded and reviewed."
)


def ready_folder(folder: Folder) -> Folder:
    for rel, fields in READY.items():
        folder.add(rel, f"# {Path(rel).stem}\n\n{BODY}\n", **fields)
    return folder


def check(cli: Invoke, folder: Folder, *extra: str | Path) -> Result:
    """``iso20k check`` on ``folder`` with the mini catalogue at the fixed date."""
    return cli("check", folder.root, "--catalogue", MINI, "--as-of", AS_OF, *extra)


def write_undated_policy(path: Path) -> Path:
    """A Word change policy whose only date, its approval date, reads either way round
    (05/04/2026), with its approver, owner and version in a control block."""
    return write_docx(
        path,
        [
            ("Title", "Change Management Policy"),
            "Document owner: Head of Service",
            "Approved by: J. Smith",
            "Approval date: 05/04/2026",
            "Version: 2.0",
            ("Heading 1", "1 Purpose"),
            "Every change to a live service is requested, assessed, approved and reviewed. " * 3,
        ],
    )


def in_fresh_process(code: str, *args: str) -> dict[str, Any]:
    """The JSON that ``code`` prints, run in a new interpreter that sees only the
    checkout's package: what a module imports is then what a run of the tool imports."""
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(REPO / "src"), "PATH": "/usr/bin:/bin"},
    )
    found: dict[str, Any] = json.loads(done.stdout)
    return found
