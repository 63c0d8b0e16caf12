"""Shell completion: typer's install and show options, and ids completed from the catalogue.

Each case runs the CLI in a fresh interpreter, as a shell does: the completion script
calls ``iso20k`` with ``_ISO20K_COMPLETE`` set and reads the candidates it prints.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import iso20k_cli
from conftest import MINI, REPO

SOURCE = Path(iso20k_cli.__file__).resolve().parents[1]
ENTRY_POINT = "import sys; sys.argv[0] = 'iso20k'; from iso20k_cli.cli import main; main()"


def iso20k(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    run_env = {
        **os.environ,
        "PYTHONPATH": str(SOURCE),
        # The shell is named on the command line, not guessed from the processes around.
        "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1",
        **(env or {}),
    }
    return subprocess.run(
        [sys.executable, "-c", ENTRY_POINT, *args],
        capture_output=True,
        text=True,
        env=run_env,
        cwd=REPO,
        check=False,
    )


def completions(words: str) -> list[str]:
    """What bash is offered for the last of ``words`` (a line typed after ``iso20k``)."""
    typed = ["iso20k", *words.split(" ")]
    run = iso20k(
        env={
            "_ISO20K_COMPLETE": "complete_bash",
            "COMP_WORDS": " ".join(typed),
            "COMP_CWORD": str(len(typed) - 1),
        }
    )
    assert run.returncode == 0, run.stderr
    return run.stdout.split()


def test_help_offers_completion() -> None:
    run = iso20k("--help")
    assert run.returncode == 0
    assert "--install-completion" in run.stdout and "--show-completion" in run.stdout


def test_show_completion_prints_a_script_that_calls_iso20k() -> None:
    run = iso20k("--show-completion", "bash")
    assert run.returncode == 0, run.stderr
    assert "_ISO20K_COMPLETE=complete_bash" in run.stdout
    assert "complete -o default -F _iso20k_completion iso20k" in run.stdout


def test_install_completion_writes_the_script_under_home(tmp_path: Path) -> None:
    run = iso20k("--install-completion", "bash", env={"HOME": str(tmp_path)})
    assert run.returncode == 0, run.stderr
    assert "bash completion installed in" in run.stdout
    script = tmp_path / ".bash_completions" / "iso20k.sh"
    assert "_ISO20K_COMPLETE=complete_bash" in script.read_text(encoding="utf-8")
    assert str(script) in (tmp_path / ".bashrc").read_text(encoding="utf-8")


def test_commands_and_options_complete() -> None:
    assert completions("ca") == ["catalogue", "cache"]
    assert "--allow-empty" in completions("check examples/harbourside --all")


def test_explain_completes_clause_and_item_ids() -> None:
    assert completions("explain examples/harbourside 8.6.") == ["8.6.1", "8.6.2", "8.6.3"]
    assert completions("explain examples/harbourside incident-m") == [
        "incident-management-procedure"
    ]


def test_catalogue_show_completes_the_ids_of_the_catalogue_given() -> None:
    shipped = completions("catalogue show continuity-")
    assert "continuity-plan" in shipped
    # The mini catalogue has other items: its ids, not the shipped ones, are offered.
    mini = completions(f"catalogue show --catalogue {MINI} incident-")
    assert mini and all(m.startswith("incident-") for m in mini)
    assert "incident-management-procedure" not in mini
    assert completions(f"catalogue show --catalogue {MINI} zzz") == []


def test_a_catalogue_that_cannot_be_read_completes_nothing(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("schema_version: [", encoding="utf-8")
    assert completions(f"catalogue show --catalogue {broken} 8") == []
