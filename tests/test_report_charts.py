"""The report's charts fit their box: every label, however long its clause's title,
lies inside the chart's viewBox and starts with the clause number, whole.

The SVG of the HTML report is parsed and each text's extent estimated as the layout
estimated it; in Chromium (when installed) the drawn text is measured as well, so the
estimate is checked against a real font engine.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

import pytest

from conftest import AS_OF, MINI, Folder, Invoke
from headless_chromium import Session, required_session
from iso20k_cli.render.report.textwidth import text_width
from report_helpers import EXAMPLE

SVG = "{http://www.w3.org/2000/svg}"
LONG = (
    "Determining, documenting, communicating and keeping under review the scope of the "
    "integrated quality, service and information security management system"
)


def charts(html: str) -> dict[str, ElementTree.Element]:
    found = {}
    for match in re.finditer(r'<svg class="(gauge|bars)".*?</svg>', html, re.S):
        found[match.group(1)] = ElementTree.fromstring(match.group(0))
    return found


def box(svg: ElementTree.Element) -> tuple[float, float]:
    _, _, width, height = (float(v) for v in svg.attrib["viewBox"].split())
    return width, height


def assert_inside(svg: ElementTree.Element) -> None:
    width, height = box(svg)
    assert svg.attrib["width"] == "100%"
    for text in svg.iter(f"{SVG}text"):
        line = "".join(text.itertext()).removeprefix(text.findtext(f"{SVG}title") or "")
        size, weight = float(text.attrib["font-size"]), int(text.get("font-weight", 400))
        extent = text_width(line, size, weight)
        x, y = float(text.attrib["x"]), float(text.attrib["y"])
        left = {"start": x, "middle": x - extent / 2, "end": x - extent}[
            text.get("text-anchor", "start")
        ]
        assert left >= 0 and left + extent <= width, (line, left, extent, width)
        assert float(text.attrib["font-size"]) <= y <= height, (line, y, height)


def bar_lines(svg: ElementTree.Element) -> list[str]:
    return [
        "".join(t.itertext()).removeprefix(t.findtext(f"{SVG}title") or "")
        for t in svg.iter(f"{SVG}text")
        if t.attrib["class"] == "bar-name"
    ]


def summary_clauses(html: str) -> list[tuple[str, str]]:
    """The (id, title) rows of the summary's "Readiness by clause" table."""
    table = html.split("<caption>Readiness by clause</caption>", 1)[1].split("</table>", 1)[0]
    rows = re.findall(r'<a href="#clause-([^"]+)">([^<]+)</a>', table)
    return [(cid, name.removeprefix(cid + " ")) for cid, name in rows]


def check_report(html: str) -> list[str]:
    found = charts(html)
    assert set(found) == {"gauge", "bars"}
    for svg in found.values():
        assert_inside(svg)
    lines = bar_lines(found["bars"])
    clauses = summary_clauses(html)
    assert clauses
    starts = [line for line in lines if any(line.startswith(f"{c} ") for c, _ in clauses)]
    # Each clause's label starts with its whole number, and its words are all there.
    for cid, title in clauses:
        first = next(i for i, line in enumerate(lines) if line.startswith(f"{cid} "))
        shown = " ".join(lines[first : first + 3]).removeprefix(f"{cid} ")
        assert shown.replace("…", "") in title.replace("&#39;", "'") or title in shown
    assert len(starts) == len(clauses)
    return lines


def test_the_examples_clause_chart_keeps_every_label_whole(cli: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    assert cli("report", EXAMPLE, "--as-of", AS_OF, "-o", target).exit_code == 0
    lines = check_report(target.read_text(encoding="utf-8"))
    assert "7 Support of the service management" in lines
    # The chart is drawn in the page's width rather than a fixed half of it.
    css = target.read_text(encoding="utf-8")
    assert re.search(r"\.bars \{ width: 100%; height: auto; \}", css)


def test_iso9001s_chart_fits(cli: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    args = ("report", EXAMPLE, "--catalogue", "iso9001-2015", "--as-of", AS_OF, "-o", target)
    assert cli(*args).exit_code == 0
    check_report(target.read_text(encoding="utf-8"))


def long_titles(tmp_path: Path) -> Path:
    text = MINI.read_text(encoding="utf-8")
    text = text.replace("title: Governance", f"title: {LONG}")
    scope = "Determining the scope of the quality management system"
    text = text.replace("title: Operation", f"title: {scope}")
    catalogue = tmp_path / "long.yaml"
    catalogue.write_text(text, encoding="utf-8")
    return catalogue


def test_very_long_titles_wrap_inside_the_chart(
    cli: Invoke, evidence: Folder, tmp_path: Path
) -> None:
    evidence.add("Scope-Statement.md", "# Scope statement\n\nBody.\n", status="approved")
    target = tmp_path / "report.html"
    catalogue = long_titles(tmp_path)
    args = ("report", evidence.root, "--catalogue", catalogue, "--as-of", AS_OF, "-o", target)
    assert cli(*args).exit_code == 0
    lines = check_report(target.read_text(encoding="utf-8"))
    assert lines[0].startswith("1 Determining, documenting")
    assert any(line.startswith("2 Determining the scope") for line in lines)
    assert len(lines) > 2  # the long titles took more than one line each


@pytest.fixture(scope="module")
def browser() -> Iterator[Session]:
    yield from required_session()


# Every chart text's drawn box against its chart's viewBox, in the chart's own units.
OVERFLOW = """
[...document.querySelectorAll('svg.bars, svg.gauge')].flatMap(svg => {
  const view = svg.viewBox.baseVal;
  return [...svg.querySelectorAll('text')].map(t => {
    const b = t.getBBox();
    return (b.x < 0 || b.y < 0 || b.x + b.width > view.width || b.y + b.height > view.height)
      ? [t.textContent, b.x, b.y, b.width, b.height, view.width, view.height].join(' ') : null;
  }).filter(x => x);
})
"""


@pytest.mark.parametrize("width", [1280, 375])
def test_in_a_browser_no_chart_text_leaves_its_box(
    browser: Session, cli: Invoke, evidence: Folder, tmp_path: Path, width: int
) -> None:
    evidence.add("Scope-Statement.md", "# Scope statement\n\nBody.\n", status="approved")
    pages = [tmp_path / "example.html", tmp_path / "long.html"]
    assert cli("report", EXAMPLE, "--as-of", AS_OF, "-o", pages[0]).exit_code == 0
    catalogue = long_titles(tmp_path)
    args = ("report", evidence.root, "--catalogue", catalogue, "--as-of", AS_OF, "-o", pages[1])
    assert cli(*args).exit_code == 0
    browser.viewport(width, 900)
    for page in pages:
        browser.open(page.resolve().as_uri())
        assert browser.evaluate("document.querySelectorAll('svg.bars text').length") > 3
        assert browser.evaluate(OVERFLOW) == [], page
