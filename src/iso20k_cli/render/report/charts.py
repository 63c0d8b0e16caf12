"""The report's charts as shapes, laid out once from the scores in the Assessment.

The HTML and PDF reports draw these shapes as SVG (``svg.py``), the Word report as PNG
images (``chart_png.py``): one layout, so every format shows the same chart. Text is
placed from its estimated width (``textwidth.py``), so no label leaves the chart's box
at any size the chart is shown at: a long clause title wraps onto further lines, and
the clause number always starts the first line.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from iso20k_cli.render.palette import STATUS_ROLE, score_role
from iso20k_cli.render.report.textwidth import text_width, wrap
from iso20k_cli.render.report.view import ClauseScore
from iso20k_cli.render.wording import score_precise

# The unfilled part of a bar or of the gauge.
TRACK = "#E6E9EE"
# The report's ink and muted text colours (partials/report.css.j2).
INK, MUTED = "#1C2430", "#56606E"

Anchor = Literal["start", "middle", "end"]


@dataclass(frozen=True)
class Text:
    """One line of text; ``y`` is its baseline."""

    x: float
    y: float
    text: str
    size: int
    colour: str
    weight: int = 400
    anchor: Anchor = "start"
    css: str = ""
    tooltip: str = ""

    def extent(self) -> tuple[float, float]:
        """The leftmost and rightmost x the text may reach."""
        width = text_width(self.text, self.size, self.weight)
        start = {"start": self.x, "middle": self.x - width / 2, "end": self.x - width}
        return start[self.anchor], start[self.anchor] + width


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    colour: str
    css: str = ""


@dataclass(frozen=True)
class Arc:
    """A stroke along the top half of a circle, from ``start`` to ``end`` (0 is the
    left end, 1 the right)."""

    cx: float
    cy: float
    radius: float
    stroke: float
    start: float
    end: float
    colour: str


Shape = Text | Bar | Arc


@dataclass(frozen=True)
class Chart:
    css: str
    label: str
    width: float
    height: float
    shapes: tuple[Shape, ...]


def gauge(score: float, label: str = "Overall readiness") -> Chart:
    """A half-circle gauge of ``score`` (0 to 100) with the number in the middle."""
    radius, stroke = 90.0, 22.0
    value = score_precise(score)
    value_text = Text(0, 0, value, 44, INK, 700, "middle", "gauge-value")
    # Wide enough for the arc and for the number, whichever is wider.
    width = max(2 * radius + stroke, value_text.extent()[1] - value_text.extent()[0]) + 16
    cx, cy = width / 2, radius + stroke / 2 + 8
    fraction = max(0.0, min(score, 100.0)) / 100
    shapes: list[Shape] = [Arc(cx, cy, radius, stroke, 0.0, 1.0, TRACK)]
    if fraction > 0:
        shapes.append(Arc(cx, cy, radius, stroke, 0.0, fraction, score_role(score).ink))
    shapes.append(Text(cx, cy - 12, value, 44, INK, 700, "middle", "gauge-value"))
    shapes.append(Text(cx, cy + 12, "out of 100", 14, MUTED, 400, "middle", "gauge-label"))
    return Chart("gauge", f"{label}: {value} out of 100", width, cy + 20, tuple(shapes))


# The bar chart's box: as wide as a page's text, in the units of its text sizes (px).
WIDTH = 720.0
SIZE, LINE, GAP = 14, 17, 10
# A label takes at most this share of the width; a longer one wraps.
LABEL_SHARE = 0.45


def clause_bars(clauses: tuple[ClauseScore, ...], label: str = "Readiness by clause") -> Chart:
    """One horizontal bar per clause, its name on the left, its score after the bar."""
    values = ["by interview" if c.score is None else score_precise(c.score) for c in clauses]
    value_width = max((text_width(v, SIZE, 600) for v in values), default=0.0)
    names = [f"{c.id} {c.title}" for c in clauses]
    longest = max((text_width(n, SIZE) for n in names), default=0.0)
    label_width = min(longest, WIDTH * LABEL_SHARE)
    bar_x = label_width + GAP
    # A margin after the value: a browser drawing the chart a few pixels high rounds
    # each glyph up to whole pixels, so the text comes out a little wider than its size.
    bar_width = WIDTH - bar_x - 2 * GAP - value_width
    shapes: list[Shape] = []
    y = 4.0
    for clause, name, value in zip(clauses, names, values, strict=True):
        lines = _label(clause, label_width)
        row = max(30.0, LINE * len(lines) + 12)
        first = y + (row - LINE * len(lines)) / 2 + SIZE - 1
        for index, line in enumerate(lines):
            shapes.append(
                Text(
                    0,
                    first + index * LINE,
                    line,
                    SIZE,
                    INK,
                    css="bar-name",
                    tooltip=name if index == 0 else "",
                )
            )
        middle = y + row / 2
        shapes.append(Bar(bar_x, middle - 9, bar_width, 18, TRACK))
        if clause.score is not None and clause.score > 0:
            filled = bar_width * min(clause.score, 100.0) / 100
            # The bar takes the colour of the clause's status, as its badge does: a partly
            # met clause scoring 90 is amber, not green.
            colour, css = STATUS_ROLE[clause.status].ink, f"status-{clause.status.value}"
            shapes.append(Bar(bar_x, middle - 9, filled, 18, colour, css))
        shapes.append(
            Text(bar_x + bar_width + GAP, middle + 5, value, SIZE, INK, 600, css="bar-value")
        )
        y += row
    return Chart("bars", label, WIDTH, y + 4, tuple(shapes))


def _label(clause: ClauseScore, width: float) -> list[str]:
    """The clause's number and title in lines of ``width``: the number is never broken
    from the start of the first line, however long it is."""
    title = " ".join(clause.title.split())
    indent = text_width(clause.id + " ", SIZE)
    if indent >= width:
        return [clause.id, *wrap(title, width, SIZE, lines=2)]
    # The first line has the number's width less room for the title's words.
    first = wrap(title, width - indent, SIZE, lines=len(title))
    head = first[0] if first else ""
    rest = title[len(head) :].strip()
    lines = [f"{clause.id} {head}".rstrip()]
    if rest:
        lines.extend(wrap(rest, width, SIZE, lines=2))
    return lines
