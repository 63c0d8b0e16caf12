"""Jinja2 environments for the report templates: shipped ones, overridable by the user.

Templates in ``--template-dir`` take precedence over the shipped ones of the same
name, so a user can replace one partial and keep the rest. Undefined variables are
errors (StrictUndefined), HTML output is autoescaped, and Markdown output is
escaped by default through ``finalize`` (see mdtext.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from jinja2 import (
    BaseLoader,
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    StrictUndefined,
    TemplateError,
    TemplateNotFound,
    TemplateSyntaxError,
)

from iso20k_cli.errors import Iso20kError
from iso20k_cli.render.report import mdtext
from iso20k_cli.render.report.htmltext import breakable_path
from iso20k_cli.render.wording import agree, plural
from iso20k_cli.resources import templates_dir

MARKDOWN_TEMPLATE = "report.md.j2"
HTML_TEMPLATE = "report.html.j2"


class ReportTemplateError(Iso20kError):
    """A report template cannot be used (a user's template, or a broken install)."""


def check_template_dir(path: Path | None) -> None:
    if path is not None and not path.is_dir():
        raise ReportTemplateError("the template folder does not exist", path=path)


def _loader(template_dir: Path | None) -> BaseLoader:
    shipped = FileSystemLoader(str(templates_dir()))
    if template_dir is None:
        return shipped
    return ChoiceLoader([FileSystemLoader(str(template_dir)), shipped])


def environment(template_dir: Path | None, *, html: bool) -> Environment:
    env = Environment(
        loader=_loader(template_dir),
        undefined=StrictUndefined,
        autoescape=html,
        finalize=None if html else mdtext.finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters["iso"] = lambda value: value.isoformat() if value is not None else ""
    # Counts spelled out as every output spells them: {{ n|plural("file") }} is "1 file",
    # {{ n|agree("was", "were") }} the verb that goes with it.
    env.filters["plural"] = plural
    env.filters["agree"] = agree
    if html:
        env.filters["breakable"] = breakable_path
    else:
        env.filters["code"] = mdtext.code_span
        env.filters["codes"] = lambda values, sep=", ": mdtext.MdSafe(
            sep.join(mdtext.code_span(v) for v in values)
        )
        env.filters["md"] = mdtext.escape_md
    return env


def render_template(env: Environment, name: str, variables: Mapping[str, Any]) -> str:
    """Render ``name``; a broken or incomplete template is an input error naming it."""
    try:
        return env.get_template(name).render(**variables)
    except TemplateSyntaxError as exc:
        where = exc.filename or exc.name or name
        raise ReportTemplateError(
            f"template syntax error: {exc.message}", path=where, line=exc.lineno
        ) from None
    except TemplateNotFound as exc:
        raise ReportTemplateError(f"template not found: {exc.name}", path=name) from None
    except TemplateError as exc:
        raise ReportTemplateError(f"template error: {exc.message}", path=name) from None
