"""Shared fixtures: evidence folders written in the test, and a CLI runner."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import pytest
from typer.testing import CliRunner

from iso20k_cli.cli import app

DATA = Path(__file__).parent / "data"
REPO = Path(__file__).resolve().parents[1]
MINI = DATA / "mini-catalogue.yaml"
AS_OF = "2026-11-21"


def front(fields: dict[str, Any] | None = None, body: str = "") -> str:
    """A Markdown file with YAML front-matter made from ``fields``."""
    if not fields:
        return body
    lines = ["---"]
    for key, value in fields.items():
        lines.append(f"{key}: {json.dumps(value) if not isinstance(value, str) else value}")
    lines.append("---")
    return "\n".join(lines) + "\n" + body


@dataclass
class Folder:
    root: Path

    def add(self, rel: str, content: str | bytes = "", **fields: Any) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(front(fields, content) if fields else content, encoding="utf-8")
        return path


@pytest.fixture(autouse=True, scope="session")
def _cache_of_this_session(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Runs keep their cache in a folder of this test session, never in the user's."""
    folder = tmp_path_factory.mktemp("iso20k-cache")
    before = os.environ.get("ISO20K_CACHE_DIR")
    os.environ["ISO20K_CACHE_DIR"] = str(folder)
    yield folder
    if before is None:
        del os.environ["ISO20K_CACHE_DIR"]
    else:
        os.environ["ISO20K_CACHE_DIR"] = before


@pytest.fixture(autouse=True)
def _outside_github_actions(monkeypatch: pytest.MonkeyPatch) -> None:
    # Under GitHub Actions `iso20k check` defaults to annotations; tests expect the table.
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)


@pytest.fixture
def evidence(tmp_path: Path) -> Folder:
    root = tmp_path / "evidence"
    root.mkdir()
    return Folder(root)


@dataclass
class Result:
    exit_code: int
    stdout: str
    stderr: str

    def json(self) -> Any:
        return json.loads(self.stdout)


class Invoke(Protocol):
    """The ``cli`` fixture: runs ``iso20k`` with these arguments in this process."""

    def __call__(self, *args: str | Path, env: dict[str, str] | None = None) -> Result: ...


@pytest.fixture
def cli() -> Invoke:
    def invoke(*args: str | Path, env: dict[str, str] | None = None) -> Result:
        runner = CliRunner()
        # A bug in a test run shows its traceback rather than exit 3 (tests of exit 3 call main).
        env = {"ISO20K_DEBUG": "1", **(env or {})}
        result = runner.invoke(app, [str(a) for a in args], env=env, catch_exceptions=False)
        return Result(result.exit_code, result.stdout, result.stderr)

    return invoke
