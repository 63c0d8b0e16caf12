"""Document control from a documentation repository's history (``--git``).

In a docs-as-code repository the history is the change record: each file's last commit
gives the date it last changed and who changed it. These fill ``revised`` and ``owner``
only where nothing else (the manifest, the document, its properties) states them.

One ``git log`` reads the whole folder's history: the newest commit that touches a file is
its last change (as ``git log -1 -- FILE`` shows it: author date and author, ``.mailmap``
applied). git runs read-only (no optional locks, no pager, no external diff or text
conversion, no signature checks), with a timeout and a bound on what it may print;
anything that goes wrong becomes a warning, never a failure of the run. Changes not yet
committed are not dated: the history knows only what was committed.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from iso20k_cli.evidence.doccontrol import merge
from iso20k_cli.evidence.model import ControlSource, DocumentControl, EvidenceFile
from iso20k_cli.evidence.names import person

TIMEOUT_SECONDS = 60
MAX_OUTPUT_BYTES = 64 * 1024 * 1024
"""What ``git log`` may print: about a million file changes, far beyond a documentation
repository; past it the older history is not read, and a warning says so."""
MAX_COMMITS = 200_000
_COMMIT = b"\x1e"
_FIELD = b"\x1f"
# Configuration that could make a read run something or write: overridden for this call.
_SAFE_CONFIG = (
    "core.fsmonitor=false",
    "core.quotepath=off",
    "log.showSignature=false",
)


@dataclass(frozen=True)
class Change:
    """A file's last commit: when, and by whom."""

    date: dt.date
    author: str | None


@dataclass(frozen=True)
class GitHistory:
    """The last change of each committed file, by path relative to the evidence folder."""

    changes: Mapping[str, Change] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()

    def __call__(self, file: EvidenceFile) -> EvidenceFile:
        """``file`` with the history filling what its document control leaves empty."""
        change = self.changes.get(file.path)
        if change is None:
            return file
        history = DocumentControl(revised=change.date, owner=change.author)
        control = merge(file.control, history.tagged(ControlSource.GIT))
        return file.model_copy(update={"control": control})


def _run(args: list[str], cwd: Path) -> tuple[int, bytes, bytes, bool]:
    """Exit code, output (at most MAX_OUTPUT_BYTES), errors and whether output was cut.

    Output is read by a thread so that the bound holds while git writes: the process
    is stopped as soon as it has printed more, or when the timeout passes."""
    env = {**os.environ, "GIT_OPTIONAL_LOCKS": "0", "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"}
    process = subprocess.Popen(
        args,
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert process.stdout is not None and process.stderr is not None
    out = bytearray()
    err = bytearray()
    cut = threading.Event()

    def read_out() -> None:
        assert process.stdout is not None
        while chunk := process.stdout.read(65536):
            if len(out) + len(chunk) > MAX_OUTPUT_BYTES:
                out.extend(chunk[: MAX_OUTPUT_BYTES - len(out)])
                cut.set()
                process.kill()
                return
            out.extend(chunk)

    def read_err() -> None:
        assert process.stderr is not None
        err.extend(process.stderr.read(65536))
        while process.stderr.read(65536):
            pass

    readers = [threading.Thread(target=read_out), threading.Thread(target=read_err)]
    for reader in readers:
        reader.start()
    try:
        code = process.wait(timeout=TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        for reader in readers:
            reader.join()
        raise
    for reader in readers:
        reader.join()
    return code, bytes(out), bytes(err), cut.is_set()


def _git(git: str, *args: str) -> list[str]:
    config = [part for setting in _SAFE_CONFIG for part in ("-c", setting)]
    return [git, "--no-pager", *config, *args]


def read_history(folder: Path) -> GitHistory:
    """The last change of every committed file under ``folder``; warnings instead of errors."""
    if not folder.is_dir():
        return GitHistory()  # the scan says what is wrong with the folder
    git = shutil.which("git")
    if git is None:
        return _unread("git is not installed (or not on PATH)")
    try:
        code, out, err, _ = _run(_git(git, "rev-parse", "--show-prefix"), folder)
        if code != 0:
            if b"not a git repository" in err:
                return _unread(f"{folder} is not in a git repository")
            return _unread(f"git cannot read {folder} ({_first_line(err) or code})")
        prefix = os.fsdecode(out.strip())
        code, out, err, cut = _run(
            _git(
                git,
                "log",
                "-z",
                f"--max-count={MAX_COMMITS}",
                "--format=%x1e%aI%x1f%aN",
                "--name-only",
                "--no-renames",
                "--no-ext-diff",
                "--no-textconv",
                "--",
                ".",
            ),
            folder,
        )
    except subprocess.TimeoutExpired:
        return _unread(f"git took longer than {TIMEOUT_SECONDS} s and was stopped")
    except OSError as exc:
        return _unread(f"git could not be run: {exc.strerror or exc}")
    if code != 0 and not cut:
        why = _first_line(err) or f"git exited with {code}"
        # A repository without a commit yet has no history to read: not a problem.
        if b"does not have any commits" in err:
            return GitHistory()
        return _unread(f"git log failed ({why})")
    if cut:
        out = out[: out.rfind(_COMMIT)]  # the last record may have lost some of its paths
    changes = parse_log(out, prefix)
    warnings: tuple[str, ...] = ()
    if cut:
        warnings = (
            f"--git: the history is longer than {MAX_OUTPUT_BYTES // (1024 * 1024)} MB; "
            "files not changed in the part read are not dated from it",
        )
    return GitHistory(changes, warnings)


def _unread(why: str) -> GitHistory:
    return GitHistory(warnings=(f"--git: {why}; document control is read from the files only",))


def _first_line(data: bytes) -> str:
    text = data.decode("utf-8", "replace").strip()
    return text.splitlines()[0][:200] if text else ""


def parse_log(out: bytes, prefix: str = "") -> dict[str, Change]:
    """Each path's newest change from ``git log -z --format=%x1e%aI%x1f%aN --name-only``,
    paths made relative to the folder whose ``rev-parse --show-prefix`` is ``prefix``."""
    changes: dict[str, Change] = {}
    for record in out.split(_COMMIT):
        header, _, names = record.partition(b"\x00")
        when, _, author = header.partition(_FIELD)
        date = _date(when)
        if date is None:
            continue  # a record cut short by the bound on output
        name = person(author.decode("utf-8", "replace").strip()[:200])
        change = Change(date, name)
        # git puts a line break between a commit's header and its first path.
        for raw in names.removeprefix(b"\n").split(b"\x00"):
            path = os.fsdecode(raw)
            if not path or not path.startswith(prefix):
                continue
            changes.setdefault(path[len(prefix) :], change)
    return changes


def _date(text: bytes) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text[:10].decode("ascii"))
    except (UnicodeDecodeError, ValueError):
        return None
