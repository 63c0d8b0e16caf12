"""The HTML report in a real browser: no network, no console error, clean A4 PDF.

Needs Chromium (Debian's ``chromium`` package; ``.ci/run`` installs it). Without it
the test is skipped on a workstation, but fails in CI (``CI`` set), so that a CI
image without a browser cannot pass silently.
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pypdf
import pytest

from conftest import AS_OF, Folder, Invoke
from headless_chromium import PageLog, Session, chromium, find_chromium
from report_helpers import EXAMPLE, partly_ready, report

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
A4_POINTS = (595, 842)


@pytest.fixture(scope="module")
def browser() -> Iterator[Session]:
    executable = find_chromium()
    if executable is None:
        if os.environ.get("CI"):
            pytest.fail("Chromium is required in CI: install Debian's chromium package")
        pytest.skip("Chromium is not installed (apt-get install chromium); required in CI")
    with chromium(executable) as session:
        yield session


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
