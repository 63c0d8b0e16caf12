"""The HTML report in a real browser: no network, no console error, clean A4 PDF, and
nothing overflowing its box at A4 print width, on a phone or on a wide screen.

Needs Chromium (Debian's ``chromium`` package; ``.ci/run`` installs it). Without it
the test is skipped on a workstation, but fails in CI (``CI`` set), so that a CI
image without a browser cannot pass silently.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path

import pypdf
import pytest

from conftest import AS_OF, Folder, Invoke
from headless_chromium import PageLog, Session, required_session
from layout_probe import BOXES, CHART_TEXT, TABLE_WRAPPERS
from report_helpers import EXAMPLE, partly_ready, report

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
A4_POINTS = (595, 842)
# The width the report's @page rule leaves for the text of an A4 page: 210 mm less two
# margins of 14 mm, in CSS pixels (96 to the inch).
A4_TEXT_WIDTH = round((210 - 2 * 14) / 25.4 * 96)
PHONE = (390, 844)
LAYOUTS = {
    "a4-print": (A4_TEXT_WIDTH, 1123, "print", False),
    "phone": (*PHONE, "screen", True),
    "wide-screen": (1280, 1600, "screen", False),
}


@pytest.fixture(scope="module")
def browser() -> Iterator[Session]:
    yield from required_session()


def load(browser: Session, page: Path) -> PageLog:
    browser.log = PageLog()
    return browser.open(page.resolve().as_uri())


def first_line(text: str) -> str:
    """The first line of a page's text, past the page number in its margin."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    body = [line for line in lines if not re.fullmatch(r"Page \d+ of \d+", line)]
    return body[0] if body else ""


def assert_offline_and_clean(log: PageLog, page: Path) -> None:
    own = page.resolve().as_uri()
    outside = [u for u in log.requests if u != own and not u.startswith("data:")]
    assert outside == [], f"the page requested {outside}"
    assert log.console_errors == []
    assert log.exceptions == []


@pytest.fixture(scope="module")
def example_html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from typer.testing import CliRunner

    from iso20k_cli.cli import app

    target = tmp_path_factory.mktemp("report") / "harbourside.html"
    result = CliRunner().invoke(app, ["report", str(EXAMPLE), "--as-of", AS_OF, "-o", str(target)])
    assert result.exit_code == 0, result.stderr
    return target


def test_example_report_loads_offline_prints_to_a4_and_renders(
    browser: Session, example_html: Path, tmp_path: Path
) -> None:
    log = load(browser, example_html)
    assert_offline_and_clean(log, example_html)
    assert log.requests == [example_html.resolve().as_uri()]

    pdf = browser.print_pdf()
    assert pdf.startswith(b"%PDF")
    pages = pypdf.PdfReader(io.BytesIO(pdf)).pages
    assert len(pages) >= 7  # the cover and a page for each major section at least
    for page in pages:
        size = (round(float(page.mediabox.width)), round(float(page.mediabox.height)))
        assert size == A4_POINTS
    assert re.search(rf"Page 1 of {len(pages)}", pages[0].extract_text())
    text = "\n".join(page.extract_text() for page in pages)
    for heading in ("1. Executive summary", "5. Action plan", "6. Evidence index"):
        assert heading in text
    # Each major section starts a page of its own.
    starts = [first_line(page.extract_text()) for page in pages]
    for heading in ("2. Method", "3. Findings by clause", "4. Strengths", "5. Action plan"):
        assert heading in starts, starts

    browser.viewport(1280, 1600)
    wide = browser.screenshot()
    assert wide.startswith(PNG_SIGNATURE)
    (tmp_path / "wide.png").write_bytes(wide)


def test_readable_on_a_phone_without_sideways_scrolling(
    browser: Session, example_html: Path
) -> None:
    load(browser, example_html)
    browser.viewport(390, 844, mobile=True)
    width, viewport = browser.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width <= viewport
    assert browser.screenshot().startswith(PNG_SIGNATURE)
    browser.viewport(1280, 1600)


def test_hostile_evidence_cannot_reach_the_network(
    browser: Session, cli: Invoke, evidence: Folder, tmp_path: Path
) -> None:
    target = tmp_path / "hostile.html"
    assert report(cli, partly_ready(evidence).root, "-o", target).exit_code == 0
    log = load(browser, target)
    assert_offline_and_clean(log, target)
    assert browser.evaluate("document.scripts.length") == 0
    assert browser.evaluate("document.images.length") == 0


def test_the_check_itself_catches_requests_and_errors(browser: Session, tmp_path: Path) -> None:
    # Without this, a harness that recorded nothing would pass every page.
    page = tmp_path / "leaky.html"
    page.write_text(
        '<!DOCTYPE html><title>t</title><img src="http://127.0.0.1:9/pixel.png">'
        "<script>console.error('boom')</script>",
        encoding="utf-8",
    )
    log = load(browser, page)
    assert "http://127.0.0.1:9/pixel.png" in log.requests
    assert any("boom" in e for e in log.console_errors)


def lay_out(browser: Session, layout: str) -> None:
    width, height, media, mobile = LAYOUTS[layout]
    browser.viewport(width, height, mobile=mobile)
    browser.media(media)


@pytest.fixture
def laid_out(browser: Session, example_html: Path) -> Iterator[Session]:
    load(browser, example_html)
    yield browser
    browser.media("screen")
    browser.viewport(1280, 1600)


@pytest.mark.parametrize("layout", LAYOUTS)
def test_nothing_overflows_its_box(laid_out: Session, layout: str) -> None:
    lay_out(laid_out, layout)
    found = laid_out.evaluate(BOXES)
    assert found == [], "\n".join(found[:20])
    width, viewport = laid_out.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert width <= viewport


def test_tables_scroll_inside_their_wrappers_on_a_phone(laid_out: Session) -> None:
    lay_out(laid_out, "phone")
    wrappers = laid_out.evaluate(TABLE_WRAPPERS)
    assert len(wrappers) >= 3  # clauses, action plan, evidence index at least
    # Each wrapper stays on the page and scrolls: a table wider than the phone scrolls
    # inside it rather than widening the page.
    for wrapper in wrappers:
        assert wrapper["overflow"] == "auto", wrapper
        assert wrapper["left"] >= 0 and wrapper["right"] <= PHONE[0], wrapper
    lay_out(laid_out, "a4-print")
    on_paper = laid_out.evaluate(TABLE_WRAPPERS)
    # On paper nothing scrolls: every table fits the width of the page.
    for wrapper in on_paper:
        assert wrapper["overflow"] == "visible", wrapper
        assert wrapper["table"] <= wrapper["box"] + 1, wrapper


@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_chart_label_is_inside_its_chart(laid_out: Session, layout: str) -> None:
    lay_out(laid_out, layout)
    outside = laid_out.evaluate(CHART_TEXT)
    if not isinstance(outside, list):  # a broken probe is an error, not the expected failure
        raise TypeError(f"the probe returned {outside!r}")
    assert outside == [], "\n".join(outside)


def test_the_overflow_probe_finds_what_overflows(browser: Session, tmp_path: Path) -> None:
    # Without this, a probe that measured nothing would pass every page.
    page = tmp_path / "wide.html"
    page.write_text(
        "<!DOCTYPE html><title>t</title><body style='margin:0'>"
        "<div id='narrow' style='width:100px'><span style='white-space:nowrap'>"
        + "unbreakable-"
        * 20
        + "</span></div>"
        "<div id='scroller' style='overflow-x:auto;width:100px'>"
        "<table style='width:600px'><tr><td>fits by scrolling</td></tr></table></div>"
        "<div class='hidden' style='position:absolute;clip:rect(0 0 0 0);width:1px'>"
        "<div id='clipped' style='width:2000px'>kept for screen readers</div></div>"
        "<svg id='chart' width='100' height='20' style='margin-left:50px'>"
        "<text x='0' y='15' text-anchor='end'>cut off label</text></svg>",
        encoding="utf-8",
    )
    load(browser, page)
    browser.viewport(400, 600)
    found = "\n".join(browser.evaluate(BOXES))
    assert "div#narrow: content" in found
    assert "span: spans 0.." in found  # reaches past the 400 px page
    assert "scroller" not in found and "fits by scrolling" not in found
    assert "clipped" not in found
    labels = browser.evaluate(CHART_TEXT)
    assert len(labels) == 1 and labels[0].endswith("cut off label"), labels
    browser.viewport(1280, 1600)


def test_evidence_index_cards_on_a_phone_give_the_path_the_card(laid_out: Session) -> None:
    lay_out(laid_out, "phone")
    cards = laid_out.evaluate(
        """[...document.querySelectorAll("table.files tbody tr")].map((tr) => ({
          row: tr.clientWidth,
          path: tr.querySelector("th").getBoundingClientRect().width,
          lines: Math.round(tr.querySelector("th").getBoundingClientRect().height
            / parseFloat(getComputedStyle(tr.querySelector("th")).lineHeight)),
          empty: [...tr.querySelectorAll("td")].filter((td) => td.textContent.trim() === "")
            .map((td) => getComputedStyle(td).display),
        }))"""
    )
    assert len(cards) == 53
    for card in cards:
        # The file's path spans its card, not a third of it.
        assert card["path"] >= card["row"] - 1, card
        # A field with nothing to say is not shown as a label with nothing after it.
        assert set(card["empty"]) <= {"none"}, card
    # Most paths of the example fit on one line of a phone.
    assert sum(1 for c in cards if c["lines"] == 1) > len(cards) / 2
