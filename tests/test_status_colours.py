"""One colour for one meaning: the example rendered in every format, every status and
severity checked against its colour (HTML classes and chart fills, Word runs, Excel
cells, the terminal's styles)."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest
from rich.console import Console
from rich.text import Text

from conftest import AS_OF, Invoke
from iso20k_cli.assess.model import Severity, Status
from iso20k_cli.render.palette import SEVERITY_ROLE, STATUS_ROLE, Role
from iso20k_cli.render.report.docx_report import SEVERITY_MARK, STATUS_MARK
from iso20k_cli.render.wording import SEVERITY_LABEL, STATUS_LABEL, STATUS_WORD
from report_helpers import EXAMPLE

# What each status and severity means, in colour: a partly met requirement and a minor
# finding share amber, a missing one and a major finding share red.
MEANING: dict[Status | Severity, str] = {
    Status.MET: "good",
    Status.PARTIAL: "fair",
    Status.MISSING: "poor",
    Status.NOT_APPLICABLE: "none",
    Status.NOT_ASSESSED: "none",
    Severity.MAJOR: "poor",
    Severity.MINOR: "fair",
    Severity.OBSERVATION: "info",
}


def role_of(value: Status | Severity) -> Role:
    return STATUS_ROLE[value] if isinstance(value, Status) else SEVERITY_ROLE[value]


def test_the_palette_gives_each_meaning_one_distinct_colour() -> None:
    for value, meaning in MEANING.items():
        assert role_of(value).name == meaning
    inks = {role_of(v).name: role_of(v).ink for v in MEANING}
    assert len(set(inks.values())) == len(inks), "two meanings share a colour"


def _luminance(colour: str) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def test_every_ink_is_legible_on_white_and_on_its_own_background() -> None:
    for value in MEANING:
        role = role_of(value)
        for ground in ("#FFFFFF", role.background):
            light, dark = sorted((_luminance(ground), _luminance(role.ink)), reverse=True)
            assert (light + 0.05) / (dark + 0.05) >= 4.5, (role.name, ground)


@pytest.fixture(scope="module")
def result() -> dict[str, Any]:
    from typer.testing import CliRunner

    from iso20k_cli.cli import app

    run = CliRunner().invoke(app, ["check", str(EXAMPLE), "--as-of", AS_OF, "-f", "json"])
    data: dict[str, Any] = json.loads(run.stdout)
    return data


def _report(cli: Invoke, tmp_path: Path, fmt: str) -> Path:
    target = tmp_path / f"harbourside.{fmt}"
    run = cli("report", EXAMPLE, "--as-of", AS_OF, "-o", target)
    assert run.exit_code == 0, run.stderr
    return target


class _Page(HTMLParser):
    """Badges (class and label), chart bars (class and fill) and the stylesheet."""

    def __init__(self) -> None:
        super().__init__()
        self.css = ""
        self.in_style = False
        self.badges: list[tuple[str, str]] = []
        self.bars: list[tuple[str, str]] = []
        self._badge: str | None = None
        self._text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        classes = (attributes.get("class") or "").split()
        self.in_style = tag == "style"
        if tag == "span" and "badge" in classes:
            self._badge = next(c for c in classes if c.startswith(("status-", "severity-")))
            self._text = ""
        if tag == "rect" and any(c.startswith("status-") for c in classes):
            self.bars.append((classes[0], attributes.get("fill") or ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "span" and self._badge is not None and self._text:
            self.badges.append((self._badge, self._text))
            self._badge = None
        self.in_style = False

    def handle_data(self, data: str) -> None:
        if self.in_style:
            self.css += data
        elif self._badge is not None:
            self._text += data


def test_html_badges_and_chart_bars_take_their_status_colour(
    cli: Invoke, tmp_path: Path, result: dict[str, Any]
) -> None:
    page = _Page()
    page.feed(_report(cli, tmp_path, "html").read_text(encoding="utf-8"))
    variables: dict[str, str] = dict(re.findall(r"--([a-z]+): (#[0-9A-Fa-f]{6});", page.css))
    rules: dict[str, str] = dict(
        re.findall(r"\.((?:status|severity)-[a-z_]+) \{ color: var\(--([a-z]+)\);", page.css)
    )

    def colour(css_class: str) -> str:
        return variables[rules[css_class]].upper()

    labels = {label: f"status-{s.value}" for s, label in STATUS_LABEL.items()}
    labels |= {label: f"severity-{s.value}" for s, label in SEVERITY_LABEL.items()}
    seen: set[str] = set()
    for css_class, text in page.badges:
        label = text.strip().removesuffix(" (interview evidence)")
        if label in labels:
            assert css_class == labels[label], f"{label!r} shown as {css_class}"
            seen.add(css_class)
    for value in MEANING:
        css_class = f"{'status' if isinstance(value, Status) else 'severity'}-{value.value}"
        assert colour(css_class) == role_of(value).ink.upper(), css_class
    assert {"status-met", "status-partial", "severity-major", "severity-minor"} <= seen
    # One bar per top-level clause, in the colour of that clause's status (not its score).
    top = [c for c in result["clauses"] if c["depth"] == 0 and c["score"]]
    assert [css for css, _ in page.bars] == [f"status-{c['status']}" for c in top]
    for css_class, fill in page.bars:
        assert fill.upper() == colour(css_class)


def test_word_runs_take_their_status_and_severity_colour(cli: Invoke, tmp_path: Path) -> None:
    document = docx.Document(str(_report(cli, tmp_path, "docx")))
    marked: dict[str, Status | Severity] = {
        f"{STATUS_MARK[s]} {STATUS_LABEL[s]}": s for s in Status
    }
    marked |= {f"{SEVERITY_MARK[s]} {SEVERITY_LABEL[s]}": s for s in Severity}
    paragraphs = list(document.paragraphs) + [
        p for t in document.tables for row in t.rows for cell in row.cells for p in cell.paragraphs
    ]
    seen: set[Status | Severity] = set()
    for paragraph in paragraphs:
        for run in paragraph.runs:
            text = run.text.removesuffix(" (interview evidence)")
            if text in marked and run.font.color.rgb is not None:
                value = marked[text]
                assert f"#{run.font.color.rgb}" == role_of(value).ink.upper(), text
                seen.add(value)
    assert {Status.MET, Status.PARTIAL, Severity.MAJOR, Severity.MINOR} <= seen


def test_word_status_cells_are_coloured_as_the_html_badges(cli: Invoke, tmp_path: Path) -> None:
    document = docx.Document(str(_report(cli, tmp_path, "docx")))
    marked = {f"{STATUS_MARK[s]} {STATUS_LABEL[s]}": s for s in Status}
    cells = [
        cell
        for table in document.tables
        for row in table.rows[1:]
        for cell in row.cells
        if cell.text.removesuffix(" (interview evidence)") in marked
    ]
    # The clause tables of the summary and of each clause, and each item's row.
    assert len(cells) > 50
    for cell in cells:
        (run,) = cell.paragraphs[0].runs
        status = marked[run.text.removesuffix(" (interview evidence)")]
        assert f"#{run.font.color.rgb}" == STATUS_ROLE[status].ink.upper(), run.text


def test_excel_severity_cells_take_their_severity_colour(cli: Invoke, tmp_path: Path) -> None:
    sheet = openpyxl.load_workbook(_report(cli, tmp_path, "xlsx"))["Action plan"]
    by_label = {label: s for s, label in SEVERITY_LABEL.items()}
    column = [c.value for c in sheet[1]].index("Severity") + 1
    seen = set()
    for row in range(2, sheet.max_row + 1):
        cell = sheet.cell(row=row, column=column)
        role = role_of(by_label[str(cell.value)])
        assert cell.fill.fgColor.rgb[-6:] == role.background[1:].upper()
        assert cell.font.color.rgb[-6:] == role.ink[1:].upper()
        seen.add(cell.value)
    assert seen == {"Major", "Minor", "Observation"}


SGR = re.compile(r"\x1b\[([0-9;]*)m")


def _segments(line: str) -> list[tuple[str, str]]:
    """(escape code, text) pieces of one line of terminal output."""
    out: list[tuple[str, str]] = []
    code = ""
    position = 0
    for match in SGR.finditer(line):
        if match.start() > position:
            out.append((code, line[position : match.start()]))
        code = match.group(1)
        position = match.end()
    out.append((code, line[position:]))
    return out


def _console() -> tuple[Console, io.StringIO]:
    screen = io.StringIO()
    console = Console(
        file=screen, force_terminal=True, color_system="standard", width=160, legacy_windows=False
    )
    return console, screen


def _code(style: str) -> str:
    console, screen = _console()
    console.print(Text("x", style=style), end="")
    return _segments(screen.getvalue())[0][0]


def test_terminal_status_words_bars_and_severities_take_their_colour(
    result: dict[str, Any],
) -> None:
    from iso20k_cli.assess.pipeline import RunOptions, run_pipeline
    from iso20k_cli.render.context import TerminalOptions
    from iso20k_cli.render.terminal import render_terminal

    run = run_pipeline(RunOptions(EXAMPLE, dt.date.fromisoformat(AS_OF)))
    console, screen = _console()
    render_terminal(run.assessment, console, TerminalOptions(depth=2, max_findings=40), False)
    lines = screen.getvalue().splitlines()
    checked = 0
    for clause in (c for c in result["clauses"] if c["depth"] < 2):
        status = Status(clause["status"])
        expected = _code(STATUS_ROLE[status].terminal)
        row = next(
            _segments(line) for line in lines if SGR.sub("", line).split()[:1] == [clause["id"]]
        )
        words = [code for code, text in row if text.strip().rstrip("*") == STATUS_WORD[status]]
        assert words == [expected], (clause["id"], status, row)
        bars = [code for code, text in row if text and set(text) == {"█"}]
        assert bars in ([], [expected]), (clause["id"], status, bars)
        checked += 1
    assert checked > 20
    severities = {s.value.upper(): s for s in Severity}
    shown = set()
    for line in lines:
        for code, text in _segments(line):
            if text.strip() in severities:
                severity = severities[text.strip()]
                style = SEVERITY_ROLE[severity].terminal
                assert code in (_code(style), _code(f"bold {style}")), (text, code)
                shown.add(severity)
    assert shown == set(Severity)
