"""The Word report on a par with the HTML: its charts, its tables' look, its fonts.

Read back with python-docx (and Pillow for the chart images); where LibreOffice is
installed the document is also converted to PDF and its summary pages are checked for
the charts. Without ``soffice`` that test is skipped on a workstation, but fails in CI
(``CI`` set; ``.ci/run`` installs LibreOffice Writer).
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from pathlib import Path

import docx
import pypdf
import pytest
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from PIL import Image, ImageColor

from conftest import AS_OF
from iso20k_cli.assess.model import Status
from iso20k_cli.render.palette import STATUS_ROLE
from iso20k_cli.render.report.branding import readable_on_white
from report_helpers import EXAMPLE

ACCENT = "#7B1FA2"
PICTURE = ".//" + qn("wp:docPr")


@pytest.fixture(scope="module")
def example_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from typer.testing import CliRunner

    from iso20k_cli.cli import app

    folder = tmp_path_factory.mktemp("docx")
    config = folder / "c.yaml"
    config.write_text(
        (EXAMPLE / ".iso20k.yaml").read_text(encoding="utf-8")
        + f"report:\n  accent_colour: '{ACCENT}'\n",
        encoding="utf-8",
    )
    target = folder / "harbourside.docx"
    args = ["report", str(EXAMPLE), "--as-of", AS_OF, "--config", str(config), "-o", str(target)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.stderr
    return target


def summary_pictures(document: Document) -> list[tuple[str, bytes]]:
    """The (description, image) of each picture between the summary's heading and the
    next section's."""
    body = document.element.body
    inside, found = False, []
    for element in body.iterchildren(qn("w:p")):
        text = "".join(t.text or "" for t in element.iter(qn("w:t")))
        if text == "1. Executive summary":
            inside = True
        elif text == "2. Method":
            break
        if not inside:
            continue
        for picture in element.iter(qn("wp:inline")):
            description = picture.find(qn("wp:docPr")).get("descr")
            blip = picture.find(".//" + qn("a:blip"))
            part = document.part.related_parts[blip.get(qn("r:embed"))]
            found.append((description, part.blob))
    return found


def test_the_summary_shows_the_gauge_and_the_clause_chart(example_docx: Path) -> None:
    document = docx.Document(str(example_docx))
    pictures = summary_pictures(document)
    assert [d.split(":")[0] for d, _ in pictures] == ["Overall readiness", "Readiness by clause"]
    text = "\n".join(p.text for p in document.paragraphs)
    overall = text.split("Overall readiness: ", 1)[1].split("/100", 1)[0]
    assert pictures[0][0] == f"Overall readiness: {overall} out of 100"
    gauge, bars = (Image.open(io.BytesIO(blob)) for _, blob in pictures)
    assert gauge.format == bars.format == "PNG"
    # Drawn at two pixels per unit of the SVG's 720-unit-wide chart, one row per clause.
    assert bars.width == 1440
    assert bars.height >= 7 * 30 * 2
    # Bars in the status colours, not a blank image: the example has met and partly met
    # clauses, drawn in the palette's green and amber as their badges are.
    colours = {c for _, c in bars.convert("RGB").getcolors(maxcolors=1 << 20) or []}
    green, amber = (ImageColor.getrgb(STATUS_ROLE[s].ink) for s in (Status.MET, Status.PARTIAL))
    assert green in colours and amber in colours
    # Every inline picture in the summary is one of these two.
    assert len(document.inline_shapes) >= 2


def test_tables_have_the_reports_style_shading_and_repeating_header(example_docx: Path) -> None:
    document = docx.Document(str(example_docx))
    ink = readable_on_white(ACCENT).lstrip("#").upper()
    style = document.styles["Report Table"]
    header = style.element.find(qn("w:tblStylePr") + "[@" + qn("w:type") + "='firstRow']")
    assert header is not None
    fill = header.find(f"{qn('w:tcPr')}/{qn('w:shd')}")
    assert fill is not None and fill.get(qn("w:fill")) == ink
    band = style.element.find(qn("w:tblStylePr") + "[@" + qn("w:type") + "='band1Horz']")
    assert band is not None and band.find(f"{qn('w:tcPr')}/{qn('w:shd')}") is not None
    borders = style.element.find(f"{qn('w:tblPr')}/{qn('w:tblBorders')}")
    assert borders is not None
    assert borders.find(qn("w:insideV")).get(qn("w:val")) == "nil"
    assert borders.find(qn("w:insideH")).get(qn("w:color")) == "D5DAE1"
    assert len(document.tables) > 10
    for table in document.tables:
        assert table.style is not None and table.style.name == "Report Table"
        assert table.style.name != "Table Grid"
        widths = [c.width for c in table.columns]
        assert all(w is not None and w > 0 for w in widths)
        look = table._tbl.tblPr.find(qn("w:tblLook"))
        assert look is not None and look.get(qn("w:noHBand")) == "0"
        if look.get(qn("w:firstRow")) == "1":
            first = table.rows[0]
            assert first._tr.xpath("./w:trPr/w:tblHeader")
            runs = [r for c in first.cells for r in c.paragraphs[0].runs]
            assert runs and all(r.bold and str(r.font.color.rgb) == "FFFFFF" for r in runs)
    # Number columns align right, as in the HTML: the findings counts and clause scores.
    severity = next(t for t in document.tables if t.rows[0].cells[0].text == "Severity")
    clauses = next(
        t for t in document.tables if [c.text for c in t.rows[0].cells][2:3] == ["Score"]
    )
    for table, column in ((severity, 1), (clauses, 2)):
        for row in table.rows:
            assert row.cells[column].paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT
        assert table.rows[1].cells[0].paragraphs[0].alignment is None
    headed = [t for t in document.tables if t.rows[0]._tr.xpath("./w:trPr/w:tblHeader")]
    assert len(headed) == len(document.tables) - 1  # all but the cover's fields


def test_headings_and_text_use_the_htmls_fonts_and_accent(example_docx: Path) -> None:
    document = docx.Document(str(example_docx))
    ink = readable_on_white(ACCENT).lstrip("#").upper()
    for name in ("Normal", "Title", "Heading 1", "Heading 2", "Heading 3"):
        font = document.styles[name].font
        assert font.name == "Arial", name
        fonts = document.styles[name].element.rPr.rFonts
        assert fonts.get(qn("w:asciiTheme")) is None, name
    assert str(document.styles["Heading 1"].font.color.rgb) == ink
    rule = document.styles["Heading 1"].element.pPr.find(f"{qn('w:pBdr')}/{qn('w:bottom')}")
    assert rule is not None and rule.get(qn("w:color")) == ACCENT.lstrip("#")


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice is required in CI: apt-get install libreoffice-writer-nogui")
        pytest.skip("LibreOffice is not installed (apt-get install libreoffice-writer-nogui)")
    return found


def test_through_libreoffice_the_summary_pages_show_the_charts(
    example_docx: Path, tmp_path: Path
) -> None:
    executable = soffice()
    profile = tmp_path / "profile"
    subprocess.run(
        [
            executable,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(example_docx),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    pages = pypdf.PdfReader(tmp_path / "harbourside.pdf").pages
    texts = [page.extract_text() for page in pages]
    summary = next(i for i, t in enumerate(texts) if "1. Executive summary" in t)
    method = next(i for i, t in enumerate(texts) if "2. Method" in t)
    images = [len(pages[i].images) for i in range(summary, method)]
    assert sum(images) >= 2, images
    chart_page = next(i for i in range(summary, method) if "Readiness by clause" in texts[i])
    assert len(pages[chart_page].images) >= 1
    # The header rows are filled with the accent's ink, the bands with the panel colour.
    fills = fill_colours(pages[summary]) | fill_colours(pages[chart_page])
    assert hex_rgb(readable_on_white(ACCENT)) in fills
    assert hex_rgb("#F4F6F9") in fills


def hex_rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def fill_colours(page: pypdf.PageObject) -> set[tuple[int, ...]]:
    """The RGB fill colours a page's content sets (its ``r g b rg`` operators)."""
    contents = page.get_contents()
    assert contents is not None
    words = contents.get_data().decode("latin-1").split()
    return {
        tuple(round(float(w) * 255) for w in words[i - 3 : i])
        for i, word in enumerate(words)
        if word == "rg" and i >= 3
    }


def test_charts_are_drawn_without_the_systems_fonts(monkeypatch: pytest.MonkeyPatch) -> None:
    from iso20k_cli.render.report import chart_png, charts

    monkeypatch.setattr(chart_png, "_FONTS", {False: ("none.ttf",), True: ("none.ttf",)})
    chart_png._font.cache_clear()
    try:
        image = Image.open(io.BytesIO(chart_png.render(charts.gauge(42.0))))
    finally:
        chart_png._font.cache_clear()
    assert image.format == "PNG"
    assert image.size == (round(charts.gauge(42.0).width * 2), round(charts.gauge(42.0).height * 2))
    # Pillow's own font still wrote the number: ink-coloured pixels in the middle.
    middle = image.convert("RGB").crop((image.width // 3, 60, 2 * image.width // 3, 200))
    assert (0x1C, 0x24, 0x30) in {c for _, c in middle.getcolors(maxcolors=1 << 20) or []}
