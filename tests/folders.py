"""Evidence folders for the mini catalogue, shared by the end-to-end tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from conftest import AS_OF, MINI, Folder, Invoke, Result

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
