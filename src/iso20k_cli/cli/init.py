"""``iso20k init``: a documentation repository to start from, one starter per mandatory document.

Annotations are not postponed, for typer (see check.py).
"""

import os
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Annotated

import typer

from iso20k_cli.cli.options import AsOfOption, CatalogueOption, ConfigOption, parse_date
from iso20k_cli.cli.result import Output, Result

if TYPE_CHECKING:
    from iso20k_cli.render.starters import Starter

INIT_HELP = """Write a documentation repository to start from: a folder per top clause, a starter
for every mandatory document of the catalogue and a commented .iso20k.yaml.

Each starter has front matter (owner, version 0.1, status draft, next review date) and
the headings the catalogue expects, with an instruction in brackets under each. Until
the instructions are replaced, iso20k check names each starter under its requirement as
an unfilled template, never as evidence. Existing files are never overwritten.

Examples:

\b
  iso20k init sms
  iso20k init qms --catalogue requirements/iso9001-2015.yaml
  iso20k init evidence --only-missing evidence
"""


def init(
    directory: Annotated[
        Path,
        typer.Argument(
            metavar="DIR",
            help="The folder to write into (made when missing; existing files are kept).",
        ),
    ],
    catalogue: CatalogueOption = None,
    only_missing: Annotated[
        Path | None,
        typer.Option(
            "--only-missing",
            metavar="EVIDENCE_DIR",
            file_okay=False,
            help="Assess this evidence folder and write starters only for the mandatory "
            "documents it lacks (into DIR, which may be the same folder; no .iso20k.yaml).",
        ),
    ] = None,
    config: ConfigOption = None,
    template_dir: Annotated[
        Path | None,
        typer.Option(
            "--template-dir",
            metavar="DIR",
            file_okay=False,
            help="Jinja2 templates here replace the shipped ones of the same name "
            "(document.md.j2, iso20k.yaml.j2).",
        ),
    ] = None,
    as_of: AsOfOption = None,
) -> Result:
    from iso20k_cli.catalogue.loader import load_catalogue
    from iso20k_cli.render.report.templates import check_template_dir
    from iso20k_cli.render.starters import (
        CONFIG_NAME,
        environment,
        mandatory_documents,
        plan_starters,
        render_config,
        render_starter,
        top_folders,
    )

    today = parse_date(as_of)
    check_template_dir(template_dir)
    _check_folder(directory)
    if only_missing is not None:
        from iso20k_cli.assess.model import Status
        from iso20k_cli.cli.run import run_folder

        run = run_folder(only_missing, as_of, catalogue, config)
        chosen = run.catalogue
        missing = {r.id for r in run.assessment.items if r.status is Status.MISSING}
        items = tuple(i for i in mandatory_documents(chosen) if i.id in missing)
        catalogue_file = catalogue or run.settings.catalogue_path()
    else:
        from iso20k_cli.settings.config import load_settings
        from iso20k_cli.settings.discover import find_config

        # The catalogue check would use: a second init of a repository started on another
        # standard goes on with that standard.
        catalogue_file = catalogue or load_settings(find_config(directory, config)).catalogue_path()
        chosen = load_catalogue(catalogue_file)
        items = mandatory_documents(chosen)
    starters = plan_starters(chosen, items)
    env = environment(template_dir)
    # Everything is rendered before anything is written: a broken template writes nothing.
    planned = [(s.path, render_starter(env, chosen, s, today)) for s in starters]
    if only_missing is None:
        relative = _relative(catalogue_file, directory) if catalogue_file else None
        planned.insert(0, (CONFIG_NAME, render_config(env, chosen, relative, today)))
        # Every clause gets its folder, for the records to come; git keeps no empty folder,
        # and the scan skips hidden files.
        filled = {path.split("/", 1)[0] for path, _ in planned}
        planned += [(f"{f}/.gitkeep", "") for f in top_folders(chosen) if f not in filled]
    return _outputs(directory, planned, [s for s in starters if not s.recognised])


def _check_folder(directory: Path) -> None:
    from iso20k_cli.errors import OutputError

    if directory.exists() and not directory.is_dir():
        raise OutputError("is a file, not a folder: give a folder to write into", path=directory)
    if directory.is_dir() and not os.access(directory, os.W_OK | os.X_OK):
        raise OutputError("the folder is not writable", path=directory)


def _relative(catalogue: Path, directory: Path) -> str:
    """The catalogue as the configuration in ``directory`` names it: relative to it when
    both are close (in one repository), else its absolute path."""
    absolute = catalogue.resolve()
    try:
        relative = Path(os.path.relpath(absolute, directory.resolve()))
    except ValueError:  # another drive on Windows
        return absolute.as_posix()
    return relative.as_posix() if relative.parts.count("..") <= 2 else absolute.as_posix()


def _outputs(
    directory: Path, planned: list[tuple[str, str]], unrecognised: list["Starter"]
) -> Result:
    from iso20k_cli.errors import OutputError

    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot make the folder: {exc.strerror}", path=directory) from None
    targets: list[tuple[str, str, Path]] = []
    for relative, text in planned:
        target = inside(directory, relative)
        if target is None:
            raise OutputError("refusing to write outside the folder", path=directory / relative)
        targets.append((relative, text, target))
    outputs: list[Output] = []
    lines: list[str] = []
    skipped = 0
    for relative, text, target in targets:
        if target.exists() or target.is_symlink():
            lines.append(f"skipped {relative} (it exists)\n")
            skipped += 1
            continue
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(
                f"cannot make the folder: {exc.strerror}", path=target.parent
            ) from None
        outputs.append(Output(text, target))
        lines.append(f"wrote {relative}\n")
    written = len(outputs)
    outputs.append(Output("".join(lines)))
    notes = [
        f"wrote {written} file{'s' if written != 1 else ''} into {directory}"
        + (f"; skipped {skipped} that exist{'s' if skipped == 1 else ''}" if skipped else "")
    ]
    for starter in unrecognised:
        notes.append(
            f"{starter.path}: no name of '{starter.item}' in the catalogue is recognised as "
            f"its title; once written, declare it in its front matter "
            f"(iso20k: {{satisfies: [{starter.item}]}})"
        )
    return Result(tuple(outputs), tuple(notes))


def inside(root: Path, relative: str) -> Path | None:
    """``root/relative`` when it stays inside ``root`` with links resolved, else None: a
    folder of ``root`` that links elsewhere must not take the starters out of it."""
    rel = PurePosixPath(relative)
    if rel.is_absolute() or ".." in rel.parts:
        return None
    target = root.joinpath(*rel.parts)
    resolved_root = root.resolve()
    resolved = target.parent.resolve() / target.name
    if resolved_root != resolved.parent and resolved_root not in resolved.parents:
        return None
    return target
