"""Inline SVG charts for the HTML report, drawn from scores already in the Assessment.

Charts carry their numbers as text and an accessible label, so that a reader who
cannot tell the colours apart (or prints in grey) loses nothing. Every piece of
text is escaped: clause titles come from a catalogue the user may have written.
"""

from __future__ import annotations

import math

from markupsafe import Markup, escape

from iso20k_cli.render.palette import STATUS_ROLE, score_role
from iso20k_cli.render.report.view import ClauseScore
from iso20k_cli.render.wording import score_precise

TRACK = "#E6E9EE"
# The report's ink and muted text colours (partials/report.css.j2).
INK, MUTED = "#1C2430", "#56606E"


def _font(size: int, colour: str, weight: int | None = None) -> str:
    """A text's size, weight and colour as attributes: the report's stylesheet sets the
    same through the text's class, but a renderer that does not apply the page's CSS
    inside an SVG (WeasyPrint, for the PDF) reads only these."""
    bold = "" if weight is None else f' font-weight="{weight}"'
    return f'font-size="{size}"{bold} fill="{colour}"'


def _point(cx: float, cy: float, radius: float, fraction: float) -> tuple[float, float]:
    """The point ``fraction`` of the way along a half circle, left to right over the top."""
    angle = math.pi * (1 - fraction)
    return cx + radius * math.cos(angle), cy - radius * math.sin(angle)


def gauge(score: float, label: str = "Overall readiness") -> Markup:
    """A half-circle gauge of ``score`` (0 to 100) with the number in the middle."""
    cx, cy, radius, width = 110.0, 110.0, 90.0, 22.0
    fraction = max(0.0, min(score, 100.0)) / 100
    start = _point(cx, cy, radius, 0)
    end = _point(cx, cy, radius, 1)
    here = _point(cx, cy, radius, fraction)
    colour = score_role(score).ink
    value = score_precise(score)
    arc_from = f"M {start[0]:.1f} {start[1]:.1f} A {radius:.0f} {radius:.0f} 0 0 1"
    track = f"{arc_from} {end[0]:.1f} {end[1]:.1f}"
    arc = ""
    if fraction > 0:
        arc = (
            f'<path d="{arc_from} {here[0]:.1f} {here[1]:.1f}" fill="none" stroke="{colour}" '
            f'stroke-width="{width:.0f}"/>'
        )
    svg = (
        f'<svg class="gauge" viewBox="0 0 220 130" role="img" '
        f'aria-label="{escape(label)}: {value} out of 100" xmlns="http://www.w3.org/2000/svg">'
        f"<title>{escape(label)}: {value} out of 100</title>"
        f'<path d="{track}" fill="none" stroke="{TRACK}" stroke-width="{width:.0f}"/>'
        f"{arc}"
        f'<text x="{cx:.0f}" y="{cy - 12:.0f}" text-anchor="middle" class="gauge-value" '
        f"{_font(44, INK, 700)}>{value}</text>"
        f'<text x="{cx:.0f}" y="{cy + 12:.0f}" text-anchor="middle" class="gauge-label" '
        f"{_font(14, MUTED)}>out of 100</text>"
        "</svg>"
    )
    return Markup(svg)


def clause_bars(clauses: tuple[ClauseScore, ...], label: str = "Readiness by clause") -> Markup:
    """One horizontal bar per clause, with its score written at the end of the bar."""
    row, top, name_width, bar_width = 30, 8, 300, 300
    height = top * 2 + row * len(clauses)
    parts = [
        f'<svg class="bars" viewBox="0 0 {name_width + bar_width + 90} {height}" role="img" '
        f'aria-label="{escape(label)}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(label)}</title>",
    ]
    for index, clause in enumerate(clauses):
        y = top + index * row
        name = f"{clause.id} {clause.title}"
        shown = name if len(name) <= 40 else name[:39] + "…"
        parts.append(
            f'<text x="{name_width - 8}" y="{y + 19}" text-anchor="end" class="bar-name" '
            f"{_font(14, INK)}>"
            f"<title>{escape(name)}</title>{escape(shown)}</text>"
        )
        parts.append(
            f'<rect x="{name_width}" y="{y + 6}" width="{bar_width}" height="18" rx="3" '
            f'fill="{TRACK}"/>'
        )
        if clause.score is not None and clause.score > 0:
            filled = bar_width * min(clause.score, 100.0) / 100
            # The bar takes the colour of the clause's status, as its badge does: a partly
            # met clause scoring 90 is amber, not green.
            parts.append(
                f'<rect x="{name_width}" y="{y + 6}" width="{filled:.1f}" height="18" rx="3" '
                f'fill="{STATUS_ROLE[clause.status].ink}" class="status-{clause.status.value}"/>'
            )
        value = "by interview" if clause.score is None else score_precise(clause.score)
        parts.append(
            f'<text x="{name_width + bar_width + 8}" y="{y + 19}" class="bar-value" '
            f"{_font(14, INK, 600)}>"
            f"{escape(value)}</text>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))
