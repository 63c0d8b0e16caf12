"""Options and arguments more than one command takes, declared once, and their parsing.

Only typer and light modules are imported here: ``--help`` reads these declarations.
"""

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer

from iso20k_cli import formats

if TYPE_CHECKING:
    CheckFormat = str
    ReportFormat = str
    DiffFormat = str
    InterviewFormat = str
else:
    # Each command's --format values, as the Literal typer makes its choices of; they
    # come from the registry in iso20k_cli/formats.py.
    CheckFormat = Literal[formats.names("check")]
    ReportFormat = Literal[formats.names("report")]
    DiffFormat = Literal[formats.names("diff")]
    InterviewFormat = Literal[formats.names("interview")]


def parse_date(value: str | None) -> dt.date:
    """An ISO date given on the command line; today when not given."""
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"'{value}' is not a date in the form YYYY-MM-DD") from None


# Options shared by every command that assesses a folder.
EvidenceDirArgument = Annotated[
    Path,
    typer.Argument(metavar="DIR", help="The evidence folder to assess (read, never modified)."),
]
CatalogueOption = Annotated[
    Path | None,
    typer.Option(
        "--catalogue",
        metavar="FILE",
        help="Requirements catalogue: a YAML file, or the name of a shipped one "
        "(iso20000-1-2018, the default; iso9001-2015).",
        dir_okay=False,
    ),
]
AsOfOption = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        metavar="YYYY-MM-DD",
        help="Assessment date (default: today); fixes results for reproducibility.",
    ),
]
ConfigOption = Annotated[
    Path | None,
    typer.Option(
        "--config",
        metavar="FILE",
        help="Configuration file: .iso20k.yaml, or pyproject.toml with [tool.iso20k] "
        "(default: the nearest from the evidence folder up to its repository's root, "
        "else in the working directory).",
        dir_okay=False,
    ),
]
GitOption = Annotated[
    bool,
    typer.Option(
        "--git",
        help="Date each file's last change and name its author from its last git commit "
        "where the document states neither (also: git: true in the configuration). "
        "Example: iso20k check docs/sms --git",
    ),
]
NoCacheOption = Annotated[
    bool,
    typer.Option(
        "--no-cache",
        help="Read every file and the catalogue afresh, and keep nothing for later runs.",
    ),
]
AllowEmptyOption = Annotated[
    bool,
    typer.Option(
        "--allow-empty",
        help="Assess a folder even when no file in it is evidence of any requirement "
        "(otherwise an error, exit 2: usually the wrong folder). Example: iso20k report "
        "new-client/ --allow-empty -o baseline.html",
    ),
]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help="Write the result to this file instead of stdout. Its suffix names the format "
        "when --format is not given, and must not name another (out.sarif is not the table).",
        dir_okay=False,
    ),
]

AnswersOption = Annotated[
    Path | None,
    typer.Option(
        "--answers",
        metavar="FILE",
        help="The filled interview questionnaire (.xlsx from 'iso20k interview', .csv or .yaml), "
        "e.g. --answers questions.xlsx: its answers count as interview evidence (default: "
        "answers in the configuration).",
        dir_okay=False,
    ),
]

# Of the commands that gate: check and diff.
ExitZeroOption = Annotated[
    bool, typer.Option("--exit-zero", help="Report without failing: exit 0 unless an error.")
]
