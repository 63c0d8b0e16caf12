"""The report's cover: what is known, the same in HTML, Markdown and Word; nothing unknown."""

from __future__ import annotations

from pathlib import Path

import docx
import lxml.html
import pytest
from lxml.html import HtmlElement

from conftest import Folder, Invoke
from report_helpers import report

UNKNOWN = ("not stated", "not set")


def cover_rows(
    cli: Invoke, folder: Path | str, tmp_path: Path, *extra: str | Path
) -> dict[str, list[tuple[str, str]]]:
    """The cover's (label, value) rows as each of the three formats prints them."""
    html = report(cli, Path(folder), "-f", "html", *extra)
    assert html.exit_code == 0, html.stderr
    page: HtmlElement = lxml.html.document_fromstring(html.stdout)
    terms: list[HtmlElement] = page.xpath("//header//dt")
    details: list[HtmlElement] = page.xpath("//header//dd")
    labels = [" ".join(e.text_content().split()) for e in terms]
    values = [" ".join(e.text_content().split()) for e in details]

    markdown = report(cli, Path(folder), "-f", "md", *extra).stdout
    table = markdown.split("| | |\n|---|---|\n", 1)[1].split("\n\n", 1)[0]
    md = []
    for line in table.splitlines():
        label, value = line.strip("|").split(" | ", 1)
        md.append((label.strip(), value.strip().replace("`", "")))

    target = tmp_path / "cover.docx"
    assert report(cli, Path(folder), "-o", target, *extra).exit_code == 0
    first = docx.Document(str(target)).tables[0]
    word = [(r.cells[0].text, r.cells[1].text) for r in first.rows]
    return {"html": list(zip(labels, values, strict=True)), "md": md, "docx": word}


def test_unknown_rows_are_left_out_in_every_format(
    cli: Invoke, evidence: Folder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    evidence.add("incident-policy.md", "# Incident policy\n\nHow incidents are handled.\n")
    # Typed as ".", from inside the folder: the cover still names the folder.
    monkeypatch.chdir(evidence.root)
    rows = cover_rows(cli, ".", tmp_path)
    assert rows["html"] == rows["md"] == rows["docx"]
    labels = [label for label, _ in rows["md"]]
    assert labels == [
        "Scope",
        "Assessment date",
        "Evidence folder",
        "Requirements catalogue",
        "Configuration",
        "Tool",
    ]
    values = dict(rows["md"])
    assert values["Evidence folder"] == "evidence (1 file)"
    # The scope bounds every conclusion: said as missing rather than left out.
    assert values["Scope"].startswith("not stated in the configuration")
    assert values["Configuration"] == "none (the defaults)"


def test_known_rows_are_shown_and_the_folder_by_its_name(
    cli: Invoke, evidence: Folder, tmp_path: Path
) -> None:
    evidence.add("incident-policy.md", "# Incident policy\n\nHow incidents are handled.\n")
    config = tmp_path / "c.yaml"
    config.write_text(
        "organisation: Acme Ltd\nscope: Hosting from Leeds\nassessor: J. Smith\n"
        "audit_date: 2027-03-01\n",
        encoding="utf-8",
    )
    typed = f"{evidence.root}/../{evidence.root.name}/"
    rows = cover_rows(cli, typed, tmp_path, "--config", config)
    assert rows["html"] == rows["md"] == rows["docx"]
    values = dict(rows["md"])
    assert [label for label, _ in rows["md"]][:6] == [
        "Organisation",
        "Scope",
        "Assessment date",
        "Planned Stage 1 audit",
        "Assessor",
        "Evidence folder",
    ]
    assert values["Organisation"] == "Acme Ltd"
    assert values["Scope"] == "Hosting from Leeds"
    assert values["Planned Stage 1 audit"] == "2027-03-01"
    assert values["Assessor"] == "J. Smith"
    assert values["Evidence folder"] == "evidence (1 file)"
    for fmt, found in rows.items():
        assert found[5][1] == "evidence (1 file)", fmt
        assert not any(value in UNKNOWN for _, value in found), fmt
        assert not any(typed in value for _, value in found), fmt
