"""A finding about sixty files names a few and says how many more; the JSON result keeps
every path, and the report's evidence index lists every file."""

from __future__ import annotations

from pathlib import Path

import docx
import openpyxl

from conftest import AS_OF, MINI, Folder, Invoke
from folders import BODY, ready_folder
from iso20k_cli.render.report.strengths import EVIDENCE_LISTED
from iso20k_cli.text.counts import LISTED, listed

COPIES = 60


def test_listed_names_a_few_and_counts_the_rest() -> None:
    assert listed(["a", "b"]) == "a, b"
    assert listed([f"f{n}" for n in range(LISTED)]) == ", ".join(f"f{n}" for n in range(LISTED))
    names = [f"f{n}" for n in range(12)]
    assert listed(names, "; ", 3) == "f0; f1; f2 and 9 more"


def _sixty_versions(evidence: Folder, tmp_path: Path) -> Path:
    """The mini catalogue with a version check on the incident policy, sixty old copies of
    it and sixty weekly incident logs."""
    ready_folder(evidence)
    for n in range(1, COPIES + 1):
        evidence.add(
            f"archive/incident-policy-v{n:02d}.md",
            f"# Incident policy\n\n{BODY}\n",
            id="POL-INC",
            version=f"0.{n}",
            status="superseded",
        )
    # Sixty weekly logs: the strength of the clause they serve names ten of them.
    for n in range(1, COPIES + 1):
        evidence.add(
            f"logs/weekly/incident-log-2026-w{n:02d}.md",
            f"# incident-log-2026-w{n:02d}\n\n{BODY}\n",
            record_date=f"2026-0{1 + n // 10}-{1 + n % 10:02d}",
        )
    evidence.add(
        "incident-policy.md",
        f"# Incident policy\n\n{BODY}\n",
        id="POL-INC",
        version="1.0",
        status="approved",
        approved="2026-03-01",
    )
    catalogue = tmp_path / "mini.yaml"
    catalogue.write_text(
        MINI.read_text(encoding="utf-8").replace(
            "        checks:\n          - type: approved\n    records:",
            "        checks:\n          - type: approved\n          - type: current_version\n"
            "    records:",
            1,
        ),
        encoding="utf-8",
    )
    assert "current_version" in catalogue.read_text(encoding="utf-8")
    return catalogue


def test_a_finding_about_sixty_files_is_capped_and_the_full_list_kept(
    cli: Invoke, evidence: Folder, tmp_path: Path
) -> None:
    catalogue = _sixty_versions(evidence, tmp_path)
    common = ("--catalogue", catalogue, "--as-of", AS_OF)
    data = cli("check", evidence.root, *common, "-f", "json").json()
    (finding,) = [f for f in data["findings"] if f["check"] == "current_version"]
    assert f"{COPIES + 1} versions of 'Incident policy'" in finding["message"]
    assert finding["message"].endswith(f" and {COPIES - LISTED} more")
    assert finding["message"].count("archive/") == LISTED
    assert len(finding["paths"]) == COPIES + 1  # the JSON keeps every path
    report = cli("report", evidence.root, *common, "-f", "md")
    assert report.exit_code in (0, 1), report.stderr
    assert f"and {COPIES - LISTED} more" in report.stdout
    # The strength that the sixty logs serve names ten and points to the index; the old
    # copies of the policy are no part of what is in place.
    (strength,) = [line for line in report.stdout.splitlines() if line.startswith("- **2 ")]
    assert strength.count("`") == 2 * EVIDENCE_LISTED and "archive/" not in strength
    assert strength.endswith(" more (see the evidence index).")
    # The evidence index breaks paths only at separators (<wbr>): counted as text.
    html = cli("report", evidence.root, *common, "-f", "html").stdout.replace("<wbr>", "")
    # Named in the policy's row of its clause, and all in the index.
    assert html.count("<code>archive/incident-policy-v") == EVIDENCE_LISTED + COPIES
    assert html.count("more (see the evidence index)") == 3  # the strength and two rows
    word = tmp_path / "report.docx"
    assert cli("report", evidence.root, *common, "-o", word).exit_code in (0, 1)
    document = docx.Document(str(word))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    (policy,) = {c for c in cells if c.count("archive/incident-policy-v") > 1 and "recognised" in c}
    named = policy.split("\nChecks:", 1)[0]
    assert named.count("archive/") == EVIDENCE_LISTED
    assert named.endswith("more (see the evidence index)")
    index = report.stdout.split("## 6. Evidence index", 1)[1]
    for n in range(1, COPIES + 1):
        assert f"`archive/incident-policy-v{n:02d}.md`" in index
    terminal = cli("check", evidence.root, *common, env={"COLUMNS": "200"})
    assert f"and {COPIES - LISTED} more" in terminal.stdout
    assert "incident-policy-v60" not in terminal.stdout


def test_the_action_plan_workbook_names_ten_files_of_sixty(
    cli: Invoke, evidence: Folder, tmp_path: Path
) -> None:
    catalogue = _sixty_versions(evidence, tmp_path)
    target = tmp_path / "plan.xlsx"
    run = cli("report", evidence.root, "--catalogue", catalogue, "--as-of", AS_OF, "-o", target)
    assert run.exit_code in (0, 1), run.stderr
    sheet = openpyxl.load_workbook(target)["Action plan"]
    header = [c.value for c in sheet[1]]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    (row,) = [r for r in rows if "versions of 'Incident policy'" in str(r[header.index("Finding")])]
    cell = str(row[header.index("Evidence")])
    assert cell.count("; ") == EVIDENCE_LISTED - 1
    assert cell.endswith(f" and {COPIES + 1 - EVIDENCE_LISTED} more")
