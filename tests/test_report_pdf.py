"""``iso20k report --format pdf``: the HTML report on A4 pages, through WeasyPrint.

Needs the pdf extra (``pip install "iso20k[pdf]"``, in the test extra too) and the
system's Pango library (``.ci/run`` installs it). Without them the rendering tests are
skipped on a workstation, but fail in CI (``CI`` set), so that CI cannot pass without
having made a PDF. The message for a missing extra is tested everywhere.
"""

from __future__ import annotations

import base64
import builtins
import io
import json
import os
import re
from pathlib import Path
from typing import Any, NamedTuple

import pypdf
import pytest
from typer.testing import CliRunner

from conftest import AS_OF, REPO, Folder, Invoke
from iso20k_cli.cli import app
from iso20k_cli.errors import MissingExtraError
from iso20k_cli.render.wording import score_precise
from report_helpers import EXAMPLE, partly_ready, report

A4_POINTS = (595, 842)
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)
SECTIONS = (
    "1. Executive summary",
    "2. Method",
    "3. Findings by clause",
    "4. Strengths",
    "5. Action plan",
    "6. Evidence index",
)


def require_weasyprint() -> None:
    from iso20k_cli.render.report.pdf_report import engine

    try:
        engine()
    except MissingExtraError as missing:
        if os.environ.get("CI"):
            pytest.fail(f"the pdf extra is required in CI: {missing}")
        pytest.skip(f"the pdf extra is not usable here: {missing}")


class Rendered(NamedTuple):
    pdf: bytes
    pages: list[pypdf.PageObject]
    texts: list[str]
    """The text of each page, as a reader extracts it."""
    result: dict[str, Any]
    """The JSON result of ``check`` on the same folder and date, to compare with."""


def words(text: str) -> str:
    """Text with every run of white space as one space, as the reader sees it."""
    return " ".join(text.split())


def body_lines(text: str) -> list[str]:
    """A page's lines, past the page number in its margin."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return [line for line in lines if not re.fullmatch(r"Page \d+ of \d+", line)]


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    """The example's report as PDF."""
    require_weasyprint()
    target = tmp_path_factory.mktemp("pdf") / "harbourside.pdf"
    runner = CliRunner()
    # The suffix asks for the format: no --format.
    made = runner.invoke(app, ["report", str(EXAMPLE), "--as-of", AS_OF, "-o", str(target)])
    assert made.exit_code == 0, made.stderr
    assert made.stdout == ""
    assert made.stderr == f"iso20k: wrote the report (pdf) to {target}\n"
    checked = runner.invoke(app, ["check", str(EXAMPLE), "--as-of", AS_OF, "-f", "json"])
    pdf = target.read_bytes()
    pages = list(pypdf.PdfReader(io.BytesIO(pdf)).pages)
    texts = [page.extract_text() for page in pages]
    return Rendered(pdf, pages, texts, json.loads(checked.stdout))


def test_the_example_report_is_an_a4_pdf_with_its_content(example: Rendered) -> None:
    assert example.pdf.startswith(b"%PDF-")
    # The cover, a page for each major section at least, and not one page per line.
    assert 10 <= len(example.pages) <= 150
    for page in example.pages:
        size = (round(float(page.mediabox.width)), round(float(page.mediabox.height)))
        assert size == A4_POINTS
    for number, page_text in enumerate(example.texts, start=1):
        assert f"Page {number} of {len(example.pages)}" in page_text
    text = words("\n".join(example.texts))

    result = example.result
    assert result["organisation"] == "Harbourside Digital Services Ltd"
    assert f"Readiness assessment for certification: {result['organisation']}" in text
    assert f"Overall readiness: {score_precise(result['score'])}/100." in text
    # The gauge is drawn with its number as text.
    assert "out of 100" in text
    for clause in result["clauses"]:
        title = f"{clause['id']} {clause['title']}"
        assert words(f"Clause {title}" if clause["parent"] is None else title) in text
    # Every finding, as a sentence ("No evidence of ..."); a line may break after a "/"
    # of a path, so spaces are left out of the comparison.
    solid = "".join(text.split()).lower()
    for finding in result["findings"]:
        assert "".join(finding["message"].split()).lower() in solid, finding["message"]
    for heading in SECTIONS:
        assert heading in text


def test_each_major_section_starts_a_page_the_contents_give(example: Rendered) -> None:
    starts = {body_lines(text)[0]: number for number, text in enumerate(example.texts, start=1)}
    contents = words(example.texts[0])
    for heading in SECTIONS:
        assert heading in starts, f"{heading} does not start a page"
        title = heading.split(" ", 1)[1]
        # "Action plan ........ 41": the contents name the page the section starts on.
        listed = re.search(rf"{re.escape(title)} [ .]*(\d+)", contents)
        assert listed is not None, contents
        assert int(listed.group(1)) == starts[heading]


def test_the_pdf_has_an_outline_of_the_sections(example: Rendered) -> None:
    titles: list[str] = []

    def walk(entries: list[Any]) -> None:
        for entry in entries:
            if isinstance(entry, list):
                walk(entry)
            else:
                titles.append(entry.title)

    walk(pypdf.PdfReader(io.BytesIO(example.pdf)).outline)
    assert titles[0].startswith("Readiness assessment for certification")
    assert [t for t in titles if t in SECTIONS] == list(SECTIONS)


def logo_config(folder: Path) -> Path:
    (folder / "logo.png").write_bytes(PNG)
    config = folder / "brand.yaml"
    config.write_text("organisation: Acme Hosting Ltd\nreport:\n  logo: logo.png\n", "utf-8")
    return config


def test_the_logo_is_on_the_cover_and_nothing_else_is_fetched(
    cli: Invoke, evidence: Folder, tmp_path: Path
) -> None:
    require_weasyprint()
    partly_ready(evidence)
    config = logo_config(tmp_path)
    branded = tmp_path / "branded.pdf"
    assert report(cli, evidence.root, "--config", config, "-o", branded).exit_code == 0
    cover = pypdf.PdfReader(branded).pages[0]
    assert len(cover.images) == 1
    assert "Acme Hosting Ltd" in cover.extract_text()
    # A template that names a local file gets nothing: only the page's data: URIs are
    # read, as its Content-Security-Policy says.
    templates = tmp_path / "templates" / "partials"
    templates.mkdir(parents=True)
    shipped = (REPO / "templates" / "partials" / "cover.html.j2").read_text(encoding="utf-8")
    (templates / "cover.html.j2").write_text(
        f'<img src="{(tmp_path / "logo.png").as_uri()}" alt="local">\n{shipped}',
        encoding="utf-8",
    )
    plain = tmp_path / "plain.pdf"
    made = report(cli, evidence.root, "--template-dir", templates.parent, "-o", plain)
    assert made.exit_code == 0, made.stderr
    assert len(pypdf.PdfReader(plain).pages[0].images) == 0


def test_same_input_and_date_give_the_same_pdf(
    cli: Invoke, evidence: Folder, tmp_path: Path
) -> None:
    require_weasyprint()
    partly_ready(evidence)
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    assert report(cli, evidence.root, "-f", "pdf", "-o", first).exit_code == 0
    assert report(cli, evidence.root, "-f", "pdf", "-o", second).exit_code == 0
    assert first.read_bytes() == second.read_bytes()


@pytest.mark.parametrize(
    ("failure", "message"),
    [
        (ImportError("No module named 'weasyprint'"), 'pip install "iso20k[pdf]"'),
        (OSError("cannot load library 'libpango-1.0-0'"), "apt-get install libpango-1.0-0"),
    ],
)
def test_without_the_extra_nothing_is_written_and_the_message_says_how(
    cli: Invoke,
    evidence: Folder,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    failure: Exception,
    message: str,
) -> None:
    real_import = builtins.__import__

    def without_weasyprint(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "weasyprint" or name.startswith("weasyprint."):
            raise failure
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", without_weasyprint)
    partly_ready(evidence)
    outputs = tmp_path / "out"
    outputs.mkdir()
    for asked in (("-o", outputs / "report.pdf"), ("-f", "pdf", "-o", outputs / "r")):
        result = report(cli, evidence.root, *asked)
        assert result.exit_code == 2
        assert result.stdout == ""
        assert result.stderr.startswith("iso20k: error: --format pdf needs ")
        assert message in result.stderr
        assert len(result.stderr.splitlines()) == 1
    assert list(outputs.iterdir()) == []
    # The other formats do not need it.
    assert report(cli, evidence.root, "-o", outputs / "report.html").exit_code == 0
