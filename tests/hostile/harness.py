"""Run ``iso20k`` on a hostile evidence folder, bounded in time and memory, and check the
promises every run keeps: an exit code of 0, 1 or 2, no traceback, nothing written under the
folder and the same output twice."""

from __future__ import annotations

import os
import resource
import stat
import subprocess
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
MINI = REPO / "tests" / "data" / "mini-catalogue.yaml"
AS_OF = "2026-11-21"
TIMEOUT_S = 20
MEMORY_BYTES = 1024**3

Snapshot = dict[str, tuple[str, int, int]]


def _limit_memory() -> None:
    # Address space, not resident size: a bomb must fail inside the limit, not swap.
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BYTES, MEMORY_BYTES))


def snapshot(root: Path) -> Snapshot:
    """Every path under ``root`` with its kind, size and mtime, links not followed.

    Iterative, so that a folder tree thousands of levels deep can be compared.
    """
    found: Snapshot = {}
    stack = [root]
    while stack:
        folder = stack.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                info = entry.stat(follow_symlinks=False)
                rel = os.path.relpath(entry.path, root)
                found[rel] = (stat.filemode(info.st_mode), info.st_size, info.st_mtime_ns)
                if stat.S_ISDIR(info.st_mode):
                    stack.append(Path(entry.path))
    return found


@dataclass(frozen=True)
class Outcome:
    code: int
    stdout: str
    stderr: str


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ISO20K", "GITHUB_"))}
    env.pop("CI", None)
    env.update({"NO_COLOR": "1", "COLUMNS": "100", "PYTHONUTF8": "1"})
    # The test session's cache, never the user's: the second run of each input reads it.
    if "ISO20K_CACHE_DIR" in os.environ:
        env["ISO20K_CACHE_DIR"] = os.environ["ISO20K_CACHE_DIR"]
    return env


def run_once(args: Sequence[str], cwd: Path) -> Outcome:
    done = subprocess.run(
        [sys.executable, "-m", "iso20k_cli", *args],
        cwd=cwd,
        env=_env(),
        capture_output=True,
        timeout=TIMEOUT_S,
        preexec_fn=_limit_memory,
        check=False,
    )
    return Outcome(
        done.returncode,
        done.stdout.decode("utf-8", "replace"),
        done.stderr.decode("utf-8", "replace"),
    )


def hostile_run(
    root: Path,
    args: Sequence[str],
    *,
    runs: int = 2,
    codes: Sequence[int] = (0, 1, 2),
) -> Outcome:
    """Run ``iso20k args`` ``runs`` times from the folder's parent and check every promise."""
    before = snapshot(root)
    outcomes = [run_once(args, root.parent) for _ in range(runs)]
    after = snapshot(root)
    first = outcomes[0]
    for outcome in outcomes:
        assert outcome.code in codes, f"exit {outcome.code}\n{outcome.stderr[-3000:]}"
        assert "Traceback" not in outcome.stderr, outcome.stderr[-3000:]
        assert "internal error" not in outcome.stderr, outcome.stderr[-3000:]
    assert before == after, "the evidence folder changed"
    for outcome in outcomes[1:]:
        assert outcome.stdout == first.stdout, "two runs gave different output"
        assert outcome.code == first.code
    return first


def check(
    root: Path,
    *extra: str,
    fmt: str = "json",
    mini: bool = True,
    runs: int = 2,
    codes: Sequence[int] = (0, 1, 2),
) -> Outcome:
    """``iso20k check`` on ``root`` with a fixed date, on the mini catalogue by default."""
    args = ["check", root.name, "--format", fmt, "--as-of", AS_OF]
    if mini and "--catalogue" not in extra:
        args += ["--catalogue", str(MINI)]
    return hostile_run(root, [*args, *extra], runs=runs, codes=codes)


def report(root: Path, fmt: str, output: str, codes: tuple[int, ...]) -> Outcome:
    """``iso20k report`` on ``root`` in ``fmt`` to ``output``, once, on the mini catalogue."""
    args = ["report", root.name, "--format", fmt, "--as-of", AS_OF, "--catalogue", str(MINI)]
    return hostile_run(root, [*args, "--output", output], codes=codes, runs=1)


def make_folder(tmp_path: Path, files: Mapping[str, str | bytes] | None = None) -> Path:
    """An evidence folder ``tmp_path/evidence`` holding ``files`` (relative path: content)."""
    root = tmp_path / "evidence"
    root.mkdir(parents=True)
    for rel, content in (files or {}).items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


def deep_yaml(levels: int = 100_000) -> str:
    """A flow sequence nested ``levels`` deep: a few hundred kilobytes."""
    return "[" * levels + "]" * levels + "\n"


def deep_mapping(levels: int = 100_000) -> str:
    return "{a: " * levels + "1" + "}" * levels + "\n"


def alias_bomb(key: str = "bomb", levels: int = 9, width: int = 9) -> str:
    """'Billion laughs': each level a list of ``width`` aliases of the level above."""
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, levels + 1):
        refs = ", ".join([f"*a{level - 1}"] * width)
        lines.append(f"a{level}: &a{level} [{refs}]")
    lines.append(f"{key}: *a{levels}")
    return "\n".join(lines) + "\n"


ESCAPES = "\x1b]0;pwned\x07\x1b[2J\x1b[6n"
"""Set the window title, clear the screen, ask the terminal to answer with the cursor."""


def raw_escapes(text: str) -> bool:
    """Whether ``text`` carries an escape or bell character a terminal would act on."""
    return "\x1b" in text or "\x07" in text or "\x9b" in text
