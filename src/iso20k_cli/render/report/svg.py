"""The report's charts as inline SVG for the HTML report (and the PDF printed from it).

Charts carry their numbers as text and an accessible label, so that a reader who
cannot tell the colours apart (or prints in grey) loses nothing. Every piece of
text is escaped: clause titles come from a catalogue the user may have written.
The shapes and their places come from ``charts.py``; this module only writes them.
"""

from __future__ import annotations

import math

from markupsafe import Markup, escape

from iso20k_cli.render.report import charts
from iso20k_cli.render.report.view import ClauseScore

# The report's font stack (partials/report.css.j2), set on the chart itself so that a
# page whose stylesheet does not reach into the SVG draws it in the same fonts.
FONTS = (
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, '
    '"Liberation Sans", "DejaVu Sans", sans-serif'
)


def _point(cx: float, cy: float, radius: float, fraction: float) -> tuple[float, float]:
    """The point ``fraction`` of the way along a half circle, left to right over the top."""
    angle = math.pi * (1 - fraction)
    return cx + radius * math.cos(angle), cy - radius * math.sin(angle)


def _text(shape: charts.Text) -> str:
    # Size, weight and colour as attributes as well as through the class: a renderer
    # that does not apply the page's CSS inside an SVG (WeasyPrint) reads only these.
    bold = "" if shape.weight == 400 else f' font-weight="{shape.weight}"'
    anchor = "" if shape.anchor == "start" else f' text-anchor="{shape.anchor}"'
    tooltip = f"<title>{escape(shape.tooltip)}</title>" if shape.tooltip else ""
    return (
        f'<text x="{shape.x:.1f}" y="{shape.y:.1f}"{anchor} class="{shape.css}" '
        f'font-size="{shape.size}"{bold} fill="{shape.colour}">{tooltip}{escape(shape.text)}'
        "</text>"
    )


def _shape(shape: charts.Shape) -> str:
    if isinstance(shape, charts.Text):
        return _text(shape)
    if isinstance(shape, charts.Bar):
        css = f' class="{shape.css}"' if shape.css else ""
        return (
            f'<rect x="{shape.x:.1f}" y="{shape.y:.1f}" width="{shape.width:.1f}" '
            f'height="{shape.height:.1f}" rx="3" fill="{shape.colour}"{css}/>'
        )
    start = _point(shape.cx, shape.cy, shape.radius, shape.start)
    end = _point(shape.cx, shape.cy, shape.radius, shape.end)
    return (
        f'<path d="M {start[0]:.1f} {start[1]:.1f} A {shape.radius:.0f} {shape.radius:.0f} '
        f'0 0 1 {end[0]:.1f} {end[1]:.1f}" fill="none" stroke="{shape.colour}" '
        f'stroke-width="{shape.stroke:.0f}"/>'
    )


def render(chart: charts.Chart) -> Markup:
    body = "".join(_shape(shape) for shape in chart.shapes)
    width, height = math.ceil(chart.width), math.ceil(chart.height)
    return Markup(
        f'<svg class="{chart.css}" viewBox="0 0 {width} {height}" '
        f'width="100%" role="img" aria-label="{escape(chart.label)}" '
        f"font-family='{FONTS}' xmlns=\"http://www.w3.org/2000/svg\">"
        f"<title>{escape(chart.label)}</title>{body}</svg>"
    )


def gauge(score: float, label: str = "Overall readiness") -> Markup:
    """A half-circle gauge of ``score`` (0 to 100) with the number in the middle."""
    return render(charts.gauge(score, label))


def clause_bars(clauses: tuple[ClauseScore, ...], label: str = "Readiness by clause") -> Markup:
    """One horizontal bar per clause, with its score written after the bar."""
    return render(charts.clause_bars(clauses, label))
