"""Every command of the CLI, found by walking the Typer app (so a new one is never missed)."""

from __future__ import annotations

import typer.core
import typer.main

from iso20k_cli.cli import app


def command_paths() -> list[tuple[str, ...]]:
    """Every command and group of the CLI, as the words that name it (the root is ())."""
    paths: list[tuple[str, ...]] = []

    def walk(command: object, path: tuple[str, ...]) -> None:
        paths.append(path)
        if isinstance(command, typer.core.TyperGroup):
            for name, sub in sorted(command.commands.items()):
                walk(sub, (*path, name))

    walk(typer.main.get_command(app), ())
    return paths
