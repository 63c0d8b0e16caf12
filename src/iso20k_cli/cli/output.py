"""Consoles, progress and atomic file output: the edges between the tool and the user."""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from iso20k_cli.errors import OutputError

# rich is loaded only where something is drawn: a JSON result written to a pipe or a
# file needs none of it (about 15 ms of every run).
if TYPE_CHECKING:
    from rich.console import Console

    from iso20k_cli.evidence.collect import Progress
    from iso20k_cli.render.plain import Draw

# Below this many files a scan is over before a progress bar could help.
PROGRESS_THRESHOLD = 200


def plain_mode(is_terminal: bool) -> bool:
    """No colour and no box drawing: when not writing to a terminal.

    NO_COLOR is not plain mode: in a terminal it removes the colour and keeps the layout
    (rich reads it itself)."""
    return not is_terminal


def emit(draw: Draw) -> None:
    """Print to stdout: rich in a terminal (without colour under NO_COLOR), plain text
    otherwise."""
    from iso20k_cli.render.plain import plain_text
    from iso20k_cli.render.safe import safe_console

    if plain_mode(sys.stdout.isatty()):
        sys.stdout.write(plain_text(draw))
    else:
        draw(safe_console(highlight=False, emoji=False), False)


def stderr_console() -> Console:
    from iso20k_cli.render.safe import safe_console

    # None, not False, in a terminal: rich then honours NO_COLOR.
    no_color = True if plain_mode(sys.stderr.isatty()) else None
    return safe_console(stderr=True, highlight=False, no_color=no_color)


def say(message: str) -> None:
    """One line for the user on stderr, never wrapped: ``iso20k: <message>``."""
    stderr_console().print(f"iso20k: {message}", markup=False, soft_wrap=True)


@contextmanager
def scan_progress(console: Console | None) -> Iterator[Progress | None]:
    """A progress callback on stderr for long scans; silent when stderr is not a terminal
    (or no console is given)."""
    if console is None or not console.is_terminal:
        yield None
        return
    # Loaded only here: an error message or a command that reads no folder needs no bar.
    from rich.progress import BarColumn, MofNCompleteColumn, TextColumn
    from rich.progress import Progress as ProgressBar

    progress = ProgressBar(
        TextColumn("Reading evidence"),
        BarColumn(),
        MofNCompleteColumn(),
        console=console,
        transient=True,
    )
    task = progress.add_task("read", total=None)
    started = False

    def update(done: int, total: int) -> None:
        nonlocal started
        if total < PROGRESS_THRESHOLD:
            return
        if not started:
            progress.start()
            started = True
        progress.update(task, completed=done, total=total)

    try:
        yield update
    finally:
        if started:
            progress.stop()


def write_atomically(
    target: Path, content: str | Iterable[str], forbidden_root: Path | None = None
) -> None:
    """Write ``content`` to ``target`` through a temporary file, so no half-written file remains.

    ``content`` may come in pieces (a long JSON document), written as they come.
    ``forbidden_root`` is the evidence folder, which the tool never writes into.
    """
    pieces = [content] if isinstance(content, str) else content
    write_bytes_atomically(target, (piece.encode("utf-8") for piece in pieces), forbidden_root)


def write_bytes_atomically(
    target: Path, content: bytes | Iterable[bytes], forbidden_root: Path | None = None
) -> None:
    """As :func:`write_atomically`, for binary formats (Word, Excel)."""
    resolved = target.resolve()
    if forbidden_root is not None:
        root = forbidden_root.resolve()
        if resolved == root or root in resolved.parents:
            raise OutputError(
                "refusing to write inside the evidence folder; choose another output path",
                path=target,
            )
    folder = resolved.parent
    if not folder.is_dir():
        raise OutputError("the output folder does not exist", path=target)
    if _is_stream(resolved):
        # A device or a pipe (-o /dev/null, -o /dev/stdout, a FIFO) is written to as it is:
        # putting a file in its place would replace the device itself.
        _write_stream(resolved, target, content)
        return
    mode = _permissions(resolved)
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{resolved.name}.", dir=folder)
    except OSError as exc:
        raise OutputError(f"cannot write here: {exc.strerror}", path=target) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            # mkstemp makes the file 0600, for a temporary file's sake; the file it
            # becomes is the user's, with the permissions any program would give it.
            Path(temp_name).chmod(mode)
            for piece in [content] if isinstance(content, bytes) else content:
                stream.write(piece)
        Path(temp_name).replace(resolved)
    except OSError as exc:
        Path(temp_name).unlink(missing_ok=True)
        raise OutputError(f"cannot write: {exc.strerror}", path=target) from None
    except BaseException:
        # Content made while writing can fail too: no half-written file remains.
        Path(temp_name).unlink(missing_ok=True)
        raise


def _is_stream(target: Path) -> bool:
    try:
        mode = target.stat().st_mode
    except OSError:
        return False
    return stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)


def _write_stream(resolved: Path, target: Path, content: bytes | Iterable[bytes]) -> None:
    try:
        with resolved.open("wb") as stream:
            for piece in [content] if isinstance(content, bytes) else content:
                stream.write(piece)
    except OSError as exc:
        raise OutputError(f"cannot write: {exc.strerror}", path=target) from None


def _permissions(target: Path) -> int:
    """Those of the file replaced, else what a new file gets: 0666 less the umask."""
    try:
        existing = target.stat()
    except OSError:
        existing = None
    if existing is not None and stat.S_ISREG(existing.st_mode):
        return stat.S_IMODE(existing.st_mode)
    # The umask can only be read by setting it; it is put back at once (one thread).
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask
