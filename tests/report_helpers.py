"""Evidence folders and runs shared by the report tests."""

from __future__ import annotations

from pathlib import Path

from conftest import AS_OF, MINI, REPO, Folder, Invoke, Result

EXAMPLE = REPO / "examples" / "harbourside"

# Names and titles that would be markup if a report did not escape them. A file name
# cannot hold "/", so the script tag spans a folder and a file: the path is still
# "<script>alert(1)</script>.md".
EVIL_PATH = "<script>alert(1)</script>.md"
EVIL_TITLE = "Scope statement <img src=x onerror=alert(2)> *bold* | cell [link](http://example.com)"
FORMULA_PATH = "=HYPERLINK(1)/notes.md"

# A small organisation on the mini catalogue: one draft, a gap, and hostile names.
PARTLY_READY = {
    "Scope-Statement.md": dict(
        title=EVIL_TITLE, status="approved", approved="2026-03-01", review_due="2027-03-01"
    ),
    "incident-policy.md": dict(status="draft"),
    "logs/incident-log-2026-08.md": dict(record_date="2026-08-31", period_start="2026-08-01"),
    "logs/incident-log-2026-10.md": dict(record_date="2026-10-31", period_start="2026-10-01"),
    "audit/internal-audit-report-2026-09-20.md": dict(),
}


def partly_ready(folder: Folder) -> Folder:
    for rel, fields in PARTLY_READY.items():
        folder.add(rel, f"# {Path(rel).stem}\n\nBody.\n", **fields)
    folder.add(EVIL_PATH, "# Notes\n\nNothing to see.\n")
    # Declares an item that does not exist: a finding about the file, starting with its path.
    folder.add(FORMULA_PATH, "# Notes\n", iso20k={"satisfies": ["no-such-item"]})
    return folder


def report(cli: Invoke, root: Path, *extra: str | Path) -> Result:
    """``iso20k report`` on the mini catalogue, as of the tests' fixed date."""
    return cli("report", root, "--catalogue", MINI, "--as-of", AS_OF, *extra)
