"""The HTML report, parsed: structure, self-containment, accessibility and escaping."""

from __future__ import annotations

import json
import re
from typing import Any

import lxml.html
import pytest
from lxml.html import HtmlElement

from conftest import AS_OF, Folder, Invoke
from folders import ready_folder
from report_helpers import EVIL_PATH, EVIL_TITLE, EXAMPLE, partly_ready, report

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


@pytest.fixture(scope="module")
def example() -> tuple[HtmlElement, str, dict[str, Any]]:
    from typer.testing import CliRunner

    from iso20k_cli.cli import app

    runner = CliRunner()
    html = runner.invoke(app, ["report", str(EXAMPLE), "--as-of", AS_OF, "-f", "html"]).stdout
    data = json.loads(
        runner.invoke(app, ["check", str(EXAMPLE), "--as-of", AS_OF, "-f", "json"]).stdout
    )
    return lxml.html.document_fromstring(html), html, data


def text_of(element: HtmlElement) -> str:
    return " ".join(element.text_content().split())


def test_self_contained_and_locked_down(example: tuple[HtmlElement, str, dict[str, Any]]) -> None:
    page, html, _ = example
    assert html.startswith("<!DOCTYPE html>")
    assert page.get("lang") == "en"
    assert page.xpath("//meta[@name='viewport']/@content") == [
        "width=device-width, initial-scale=1"
    ]
    assert page.xpath("//meta[@http-equiv='Content-Security-Policy']/@content") == [CSP]
    assert page.xpath("//script | //link | //iframe | //object | //embed") == []
    # Every reference is in the page itself or a data: URI; nothing is fetched.
    for value in page.xpath("//@src | //@href"):
        assert value.startswith(("#", "data:")), value
    style = "".join(page.xpath("//style/text()"))
    assert "url(" not in style and "@import" not in style
    assert not re.search(r"\bon[a-z]+\s*=", html)  # no inline event handlers


def test_sections_in_report_order_with_semantic_headings(
    example: tuple[HtmlElement, str, dict[str, Any]],
) -> None:
    page, _, data = example
    assert len(page.xpath("//h1")) == 1
    assert page.xpath("//main/section/@id") == [
        "summary",
        "method",
        "clauses",
        "strengths",
        "action-plan",
        "evidence-index",
    ]
    top = [c["id"] for c in data["clauses"] if c["parent"] is None]
    assert page.xpath("//section[@id='clauses']/section/@id") == [f"clause-{c}" for c in top]
    with_items = {i["clause"] for i in data["items"]}
    blocks = page.xpath("//div[@class='block']/@id")
    assert sorted(blocks) == sorted(f"block-{c}" for c in with_items)
    for section in page.xpath("//main/section"):
        assert section.xpath("./h2"), section.get("id")
    # Every table says what its columns are.
    for table in page.xpath("//table"):
        assert table.xpath("./thead/tr/th[@scope='col']"), text_of(table)[:80]


def test_every_item_and_finding_is_reported(
    example: tuple[HtmlElement, str, dict[str, Any]],
) -> None:
    page, _, data = example
    rows = page.xpath("//table[contains(@class, 'items')]/tbody/tr/@id")
    assert sorted(rows) == sorted(f"item-{i['id']}" for i in data["items"])
    for item in data["items"]:
        row = page.get_element_by_id(f"item-{item['id']}")
        for link in item["evidence"]:
            assert link["path"] in text_of(row)
    actions = page.xpath("//table[contains(@class, 'actions')]/tbody/tr")
    assert len(actions) == len(data["findings"])
    assert [a.get("id") for a in actions] == [
        f"action-A{n:02d}" for n in range(1, len(actions) + 1)
    ]
    severities = [text_of(a.xpath("./td[1]")[0]) for a in actions]
    ranks = {"Major": 0, "Minor": 1, "Observation": 2}
    assert [ranks[s] for s in severities] == sorted(ranks[s] for s in severities)
    files = page.xpath("//table[contains(@class, 'files')]/tbody/tr/th")
    assert [text_of(f) for f in files] == sorted(f["path"] for f in data["files"])


def test_internal_links_resolve_and_ids_are_unique(
    example: tuple[HtmlElement, str, dict[str, Any]],
) -> None:
    page, _, _ = example
    ids = page.xpath("//@id")
    assert len(ids) == len(set(ids))
    for target in page.xpath("//a/@href"):
        assert target[1:] in ids, target


def test_status_is_never_carried_by_colour_alone(
    example: tuple[HtmlElement, str, dict[str, Any]],
) -> None:
    page, _, _ = example
    badges = page.xpath("//span[contains(@class, 'badge')]")
    assert badges
    for badge in badges:
        assert badge.xpath("./svg[@aria-hidden='true']"), "an icon shape"
        assert text_of(badge), "a word"
    words = {text_of(b) for b in badges}
    assert {
        "Met",
        "Partly met",
        "Missing",
        "By interview",
        "Major",
        "Minor",
        "Observation",
    } <= words


def test_charts_are_inline_svg_with_their_numbers(
    example: tuple[HtmlElement, str, dict[str, Any]],
) -> None:
    page, _, data = example
    gauge = page.xpath("//svg[@class='gauge']")[0]
    # The number the JSON result holds, as every output writes it.
    score = f"{data['score']:g}"
    assert gauge.get("role") == "img"
    assert gauge.get("aria-label") == f"Overall readiness: {score} out of 100"
    assert score in text_of(gauge)
    bars = page.xpath("//svg[@class='bars']")[0]
    top = [c for c in data["clauses"] if c["parent"] is None]
    # A long name wraps; the first line of each holds the whole name as its tooltip.
    names = bars.xpath(".//text[@class='bar-name'][title]")
    assert [n.findtext("title") for n in names] == [f"{c['id']} {c['title']}" for c in top]
    values = [text_of(v) for v in bars.xpath(".//text[@class='bar-value']")]
    assert values == [f"{c['score']:g}" if c["score"] is not None else "by interview" for c in top]


def test_print_stylesheet_gives_clean_a4_pages(
    example: tuple[HtmlElement, str, dict[str, Any]],
) -> None:
    _, html, _ = example
    style = html[html.index("<style>") : html.index("</style>")]
    assert re.search(r"@page\s*{[^}]*size:\s*A4", style)
    print_rules = style[style.index("@media print") :]
    for rule in (
        ".major-section { break-before: page; }",
        "break-inside: avoid;",
        "thead { display: table-header-group; }",
    ):
        assert rule in print_rules


def test_hostile_names_and_titles_appear_as_text(cli: Invoke, evidence: Folder) -> None:
    html = report(cli, partly_ready(evidence).root, "-f", "html").stdout
    page: HtmlElement = lxml.html.document_fromstring(html)
    assert page.xpath("//script") == []
    assert page.xpath("//img") == []  # no logo configured, and no <img> from a title
    # Escaped, with break opportunities after its separators only.
    assert "&lt;script&gt;alert(1)&lt;/<wbr>script&gt;.<wbr>md" in html
    texts = [text_of(e) for e in page.xpath("//code")]
    assert EVIL_PATH in texts
    assert any(EVIL_TITLE in text_of(td) for td in page.xpath("//td"))
    assert "http://example.com" not in page.xpath("//@href")


def index_table(page: HtmlElement) -> HtmlElement:
    tables: list[HtmlElement] = page.xpath("//section[@id='evidence-index']//table[1]")
    return tables[0]


def test_evidence_index_paths_break_only_between_their_parts(
    example: tuple[HtmlElement, str, dict[str, Any]],
) -> None:
    page, html, data = example
    table = index_table(page)
    cells = table.xpath("./tbody/tr/th/code")
    assert [text_of(c) for c in cells] == [f["path"] for f in data["files"]]
    separators = set("/\\-_.")
    for cell in cells:
        # Every piece of the path between two break opportunities ends at a separator.
        pieces = [str(t) for t in cell.xpath(".//text()")]
        assert len(pieces) == 1 + len(cell.xpath(".//wbr"))
        assert "".join(pieces) == text_of(cell)
        for piece in pieces[:-1]:
            assert piece and piece[-1] in separators, pieces
        for piece in pieces:
            assert not separators & set(piece[:-1]), pieces
    assert "01-<wbr>context/<wbr>" in html


def test_evidence_index_has_a_notes_column_only_when_a_file_has_a_note(
    cli: Invoke, evidence: Folder, example: tuple[HtmlElement, str, dict[str, Any]]
) -> None:
    page, _, data = example
    # The example holds a scan whose text could not be read: it has a note.
    assert any(not f["readable"] for f in data["files"])
    assert index_table(page).xpath("./thead/tr/th/text()")[-1] == "Notes"
    assert len(index_table(page).xpath("./tbody/tr[1]/td")) == 4

    html = report(cli, ready_folder(evidence).root, "-f", "html").stdout
    table = index_table(lxml.html.document_fromstring(html))
    assert table.xpath("./thead/tr/th/text()") == [
        "File",
        "Format",
        "Title",
        "Used as evidence of",
    ]
    for row in table.xpath("./tbody/tr"):
        assert len(row.xpath("./td")) == 3
