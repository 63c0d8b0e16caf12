"""The evidence manifest: declarations and document control for files that cannot say it."""

from __future__ import annotations

import datetime as dt

from conftest import AS_OF, MINI, Folder, Invoke
from factories import write_pdf
from iso20k_cli.evidence.collect import collect
from iso20k_cli.evidence.model import DocStatus

MANIFEST = """\
files:
  - path: scans/Scope-signed.pdf
    satisfies: [scope]
    title: SMS Scope Statement (signed)
    status: approved
    approved: 2026-03-01
    review_due: 2027-03-01
  - path: "logs/*.pdf"
    satisfies: ["2.1"]
    record_date: 2026-10-31
  - path: scans/missing.pdf
    satisfies: [scope]
  - path: ../outside.md
  - path: /etc/passwd
  - path: "nothing/*.docx"
"""


def build(evidence: Folder) -> None:
    write_pdf(evidence.root / "scans/Scope-signed.pdf", [[""]], scan=True)
    write_pdf(evidence.root / "logs/q3.pdf", [["Incidents"]])
    evidence.add("evidence.yaml", MANIFEST)


def test_manifest_lays_declarations_and_control_over_files(evidence: Folder) -> None:
    build(evidence)
    result = collect(evidence.root, jobs=1)
    files = {f.path: f for f in result.files}
    assert "evidence.yaml" not in files  # the manifest is not evidence
    scan = files["scans/Scope-signed.pdf"]
    assert scan.declared == ("scope",)
    assert (scan.title, scan.title_source) == ("SMS Scope Statement (signed)", "manifest")
    assert scan.control.status is DocStatus.APPROVED
    assert scan.control.review_due == dt.date(2027, 3, 1)
    assert not scan.readable  # still a scan: the manifest vouches, it does not read
    assert files["logs/q3.pdf"].record_dates == (dt.date(2026, 10, 31),)
    assert files["logs/q3.pdf"].declared == ("2.1",)
    assert result.notes == (
        "evidence.yaml: entry 4 ('../outside.md') points outside the evidence folder; ignored",
        "evidence.yaml: entry 5 ('/etc/passwd') is an absolute path, outside the evidence "
        "folder; ignored",
        "evidence.yaml: entry 3 ('scans/missing.pdf') names a file that does not exist",
        "evidence.yaml: entry 6 ('nothing/*.docx') matches no file",
    )


def test_manifest_end_to_end(cli: Invoke, evidence: Folder) -> None:
    build(evidence)
    data = cli("check", evidence.root, "--catalogue", MINI, "--as-of", AS_OF, "-f", "json").json()
    items = {i["id"]: i for i in data["items"]}
    assert items["scope"]["status"] == "met"
    assert items["scope"]["evidence"][0]["matched_by"] == "declared"
    notes = [f["message"] for f in data["findings"] if f["check"] == "manifest"]
    assert len(notes) == 4 and all(f.startswith("evidence.yaml: entry") for f in notes)
    files = {f["path"]: f for f in data["files"]}
    assert files["scans/Scope-signed.pdf"]["readable"] is False
    assert "no text layer" in files["scans/Scope-signed.pdf"]["error"]


def test_bad_manifest_stops_with_file_and_line(cli: Invoke, evidence: Folder) -> None:
    evidence.add("evidence.yaml", "files:\n  - path: a.pdf\n    satisfy: [scope]\n")
    result = cli("check", evidence.root, "--catalogue", MINI, "--as-of", AS_OF)
    assert result.exit_code == 2
    assert (
        "evidence.yaml:3: files entry 1: unknown key 'satisfy' (did you mean 'satisfies'?)"
        in result.stderr
    )


def test_a_mistyped_id_is_named_with_the_nearest_ids_and_advice_to_correct_it(
    cli: Invoke, evidence: Folder
) -> None:
    evidence.add("notes.md", "# Notes\n\nMeeting notes.\n")
    evidence.add("scope.md", "# Our scope\n\nServices.\n", iso20k={"satisfies": ["scpoe"]})
    evidence.add("evidence.yaml", "files:\n  - path: notes.md\n    satisfies: [zzzz-qqqq]\n")
    # Neither file is evidence of anything: the typos leave the folder empty.
    data = cli(
        "check", evidence.root, "--catalogue", MINI, "--as-of", AS_OF, "-f", "json", "--allow-empty"
    ).json()
    found = {f["paths"][0]: f for f in data["findings"] if f["check"] == "file"}
    typo = found["scope.md"]
    assert typo["message"] == (
        "scope.md: declares that it satisfies 'scpoe', which is not a clause or item id of "
        "the catalogue; did you mean 'scope'?"
    )
    assert typo["recommendation"] == (
        "Correct the id where the file declares what it satisfies: its front-matter "
        "(iso20k: {satisfies: [...]}) or its entry in evidence.yaml."
    )
    assert "document control" not in typo["recommendation"]
    unknown = found["notes.md"]
    assert unknown["message"].endswith(
        "'zzzz-qqqq', which is not a clause or item id of the catalogue; "
        "'iso20k catalogue show' lists the ids"
    )
    assert unknown["recommendation"] == typo["recommendation"]
