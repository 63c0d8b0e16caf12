"""The report as one self-contained HTML page: inline CSS and SVG, no scripts, no fetches."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from iso20k_cli.render.palette import ROLES, SEVERITY_ROLE, STATUS_ROLE
from iso20k_cli.render.report import svg
from iso20k_cli.render.report.context import ReportContext
from iso20k_cli.render.report.templates import HTML_TEMPLATE, environment, render_template
from iso20k_cli.render.report.view import ReportView


@dataclass(frozen=True)
class Charts:
    gauge: Markup
    clause_bars: Markup


def charts(view: ReportView) -> Charts:
    return Charts(
        gauge=svg.gauge(view.summary.score),
        clause_bars=svg.clause_bars(view.summary.clauses),
    )


def render_html(view: ReportView, context: ReportContext) -> str:
    env = environment(context.template_dir, html=True)
    return render_template(
        env,
        HTML_TEMPLATE,
        {
            "report": view,
            "branding": context.branding,
            "charts": charts(view),
            "palette": ROLES,
            "status_roles": STATUS_ROLE,
            "severity_roles": SEVERITY_ROLE,
        },
    )
