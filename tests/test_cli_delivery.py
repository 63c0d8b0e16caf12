"""The command line's two single places: errors become exit codes once, output is written once."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from rich.console import Console
from typer.testing import CliRunner

from conftest import MINI, REPO, Folder, Invoke
from folders import check, ready_folder
from iso20k_cli.cli import app
from iso20k_cli.cli.deliver import deliver
from iso20k_cli.cli.failures import exit_codes
from iso20k_cli.cli.result import Output, Result
from iso20k_cli.errors import ConfigError, Iso20kError

EXAMPLE = REPO / "examples" / "harbourside"
ESC = "\x1b]0;owned\x07"


def test_text_to_stdout_is_made_safe_unless_verbatim(capsys: pytest.CaptureFixture[str]) -> None:
    deliver(Result((Output(f"title {ESC}\n"), Output(iter(["a", f"{ESC}\n"]), verbatim=True))))
    out = capsys.readouterr().out
    assert out.startswith("title \u241b]0;owned\u2407\n")
    assert out.endswith(f"a{ESC}\n")


def test_pieces_and_drawings_go_to_files_as_text(tmp_path: Path) -> None:
    def draw(console: Console, plain: bool) -> None:
        console.print("plain" if plain else "rich", "cell   ")

    deliver(
        Result(
            (
                Output(iter(["{", '"a": 1', "}\n"]), tmp_path / "a.json"),
                Output(draw, tmp_path / "t.txt"),
                Output(b"PK\x03\x04", tmp_path / "b.bin"),
            )
        )
    )
    assert json.loads((tmp_path / "a.json").read_text(encoding="utf-8")) == {"a": 1}
    assert (tmp_path / "t.txt").read_text(encoding="utf-8") == "plain cell\n"
    assert (tmp_path / "b.bin").read_bytes() == b"PK\x03\x04"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json", "b.bin", "t.txt"]


def test_no_file_is_written_inside_the_evidence_folder(evidence: Folder) -> None:
    with pytest.raises(Iso20kError, match="refusing to write inside the evidence folder"):
        deliver(Result((Output("x", evidence.root / "sub" / "r.md", evidence.root),)))
    assert list(evidence.root.iterdir()) == []


def test_binary_content_never_reaches_stdout() -> None:
    # A command asks for --output before it runs; reaching here would be a bug.
    with pytest.raises(ValueError, match="needs a file"):
        deliver(Result((Output(b"\x00"),)))


def test_notes_then_reasons_then_exit_one(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(typer.Exit) as done:
        deliver(Result((Output("out\n"),), notes=("a note",), failing=("one", "two")))
    assert done.value.exit_code == 1
    captured = capsys.readouterr()
    assert captured.out == "out\n"
    assert captured.err == "iso20k: a note\niso20k: failing: one\niso20k: failing: two\n"


def test_a_result_without_reasons_exits_zero(capsys: pytest.CaptureFixture[str]) -> None:
    deliver(Result((Output("out\n"),), notes=("a note",)))
    assert capsys.readouterr().err == "iso20k: a note\n"


def test_input_errors_are_one_unwrapped_line_and_exit_two(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    long = "/a/very/long/path/" * 6 + ".iso20k.yaml"
    with pytest.raises(SystemExit) as done, exit_codes():
        raise ConfigError("unknown key 'threshold'", path=long, line=2)
    assert done.value.code == 2
    assert capsys.readouterr().err == f"iso20k: error: {long}:2: unknown key 'threshold'\n"


def test_a_bug_is_exit_three_and_debug_shows_it(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ISO20K_DEBUG", raising=False)
    with pytest.raises(SystemExit) as done, exit_codes():
        raise KeyError("missing")
    assert done.value.code == 3
    err = capsys.readouterr().err
    assert err.startswith("iso20k: internal error: KeyError: 'missing'\nThis is a bug in iso20k")
    monkeypatch.setenv("ISO20K_DEBUG", "1")
    with pytest.raises(KeyError), exit_codes():
        raise KeyError("missing")


@pytest.mark.parametrize(
    "passing", [typer.Exit(1), typer.BadParameter("no"), BrokenPipeError(32, "Broken pipe")]
)
def test_typer_exits_usage_errors_and_closed_pipes_pass_through(passing: Exception) -> None:
    with pytest.raises(type(passing)), exit_codes():
        raise passing


def test_every_command_maps_a_bug_to_exit_three(
    evidence: Folder, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(*_: object, **__: object) -> None:
        raise RuntimeError("kaboom")

    monkeypatch.setattr("iso20k_cli.catalogue.loader.load_catalogue", boom)
    monkeypatch.delenv("ISO20K_DEBUG", raising=False)
    result = CliRunner().invoke(app, ["catalogue", "validate", str(MINI)])
    assert result.exit_code == 3
    assert "internal error: RuntimeError: kaboom" in result.stderr


def test_unknown_targets_are_input_errors_on_one_line(cli: Invoke) -> None:
    env = {"COLUMNS": "60"}
    explained = cli("explain", EXAMPLE, "no-such-thing", "--as-of", "2026-09-01", env=env)
    assert explained.exit_code == 2
    assert explained.stderr.splitlines() == [
        "iso20k: error: 'no-such-thing' is neither a clause, an item nor a finding of "
        "builtin:iso20000-1-2018.yaml; 'iso20k catalogue show WORDS' searches them"
    ]
    shown = cli("catalogue", "show", "no-such-thing", "--catalogue", MINI, env=env)
    assert shown.exit_code == 2
    assert shown.stderr.splitlines() == [
        f"iso20k: error: 'no-such-thing' is neither a clause nor an item of {MINI}, "
        "and no title or id holds those words"
    ]


def test_check_writes_the_baseline_before_its_output_and_notes_after(
    cli: Invoke, evidence: Folder, tmp_path: Path
) -> None:
    ready_folder(evidence)
    baseline = tmp_path / "base.json"
    first = check(cli, evidence, "--write-baseline", baseline, "-f", "md")
    assert first.exit_code == 0
    assert json.loads(baseline.read_text(encoding="utf-8"))["score"] == 100
    second = check(cli, evidence, "--baseline", baseline, "-o", tmp_path / "t.txt")
    assert second.exit_code == 0 and second.stdout == ""
    assert second.stderr == (
        f"iso20k: compared with {baseline}: readiness 100 -> 100 (±0), 0 new findings, 0 resolved\n"
    )
    # An output that cannot be written is exit 2, and nothing is said after it.
    third = check(cli, evidence, "--baseline", baseline, "-o", tmp_path / "no" / "t.txt")
    assert third.exit_code == 2
    assert third.stderr.splitlines() == [
        f"iso20k: error: {tmp_path / 'no' / 't.txt'}: the output folder does not exist"
    ]


def _entry(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """The console script's path: ``python -m iso20k_cli`` ends in ``run``."""
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("ISO20K_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "iso20k_cli", *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def test_the_console_entry_keeps_exit_codes_and_flushes_everything(tmp_path: Path) -> None:
    # Leaving without tearing the interpreter down must lose no output and no exit code.
    done = _entry("check", EXAMPLE, "--as-of", "2026-09-01", "-f", "json")
    assert done.returncode == 1
    assert json.loads(done.stdout)["organisation"] == "Harbourside Digital Services Ltd"
    assert "major findings remain" in done.stderr
    written = tmp_path / "result.json"
    done = _entry("check", EXAMPLE, "--as-of", "2026-09-01", "-f", "json", "-o", written)
    assert done.returncode == 1 and json.loads(written.read_text())["schema_version"] == 1
    done = _entry("check", tmp_path / "missing")
    assert done.returncode == 2 and "evidence folder not found" in done.stderr
    done = _entry("--version")
    assert done.returncode == 0 and done.stdout.startswith("iso20k ")
