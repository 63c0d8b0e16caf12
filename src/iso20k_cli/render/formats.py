"""The ``--format`` names of ``iso20k check``, each mapped to one renderer.

Every renderer is a function of the Assessment (and the render context) returning
text; adding a format means its name in iso20k_cli/formats.py, a module under
render/ and one line here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from iso20k_cli.assess.model import Assessment
from iso20k_cli.formats import OutputFormat as OutputFormat  # declared light, for the CLI
from iso20k_cli.render.context import RenderContext
from iso20k_cli.render.github import render_github
from iso20k_cli.render.jsonout import render_json
from iso20k_cli.render.junit import render_junit
from iso20k_cli.render.markdown_summary import render_markdown_summary
from iso20k_cli.render.plain import plain_text
from iso20k_cli.render.sarif import render_sarif
from iso20k_cli.render.terminal import render_terminal

Renderer = Callable[[Assessment, RenderContext], str]


def _table(assessment: Assessment, context: RenderContext) -> str:
    return plain_text(
        lambda console, plain: render_terminal(assessment, console, context.table, plain)
    )


RENDERERS: Mapping[OutputFormat, Renderer] = {
    OutputFormat.TABLE: _table,
    OutputFormat.JSON: lambda assessment, _context: render_json(assessment),
    OutputFormat.SARIF: render_sarif,
    OutputFormat.JUNIT: render_junit,
    OutputFormat.GITHUB: render_github,
    OutputFormat.MD: render_markdown_summary,
}


def render(output_format: OutputFormat, assessment: Assessment, context: RenderContext) -> str:
    return RENDERERS[output_format](assessment, context)


def default_format(environ: Mapping[str, str], to_stdout: bool) -> OutputFormat:
    """``github`` under GitHub Actions, where stdout becomes annotations; else ``table``.

    Workflow commands only work on a step's stdout, so a file asked for with
    ``--output`` keeps the table.
    """
    if to_stdout and environ.get("GITHUB_ACTIONS") == "true":
        return OutputFormat.GITHUB
    return OutputFormat.TABLE
