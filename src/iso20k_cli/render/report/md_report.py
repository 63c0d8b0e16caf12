"""The report as Markdown, from the shipped (or the user's) ``report.md.j2``."""

from __future__ import annotations

from iso20k_cli.render.report.context import ReportContext
from iso20k_cli.render.report.templates import MARKDOWN_TEMPLATE, environment, render_template
from iso20k_cli.render.report.view import ReportView


def render_markdown(view: ReportView, context: ReportContext) -> str:
    env = environment(context.template_dir, html=False)
    text = render_template(env, MARKDOWN_TEMPLATE, {"report": view, "branding": context.branding})
    # Blank lines left by template control blocks are noise in a file under review.
    lines = text.splitlines()
    kept = [
        line.rstrip()
        for i, line in enumerate(lines)
        if line.strip() or (i and lines[i - 1].strip())
    ]
    return "\n".join(kept).strip("\n") + "\n"
