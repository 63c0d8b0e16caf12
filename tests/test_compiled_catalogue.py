"""The shipped catalogues' compiled forms: kept in step with the YAML, and never trusted
when they were made from another version of it."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from iso20k_cli import resources
from iso20k_cli.catalogue.cached import load_catalogue_cached
from iso20k_cli.catalogue.compiled import compile_catalogue, compiled_path, load_compiled
from iso20k_cli.catalogue.loader import load_catalogue
from iso20k_cli.resources import catalogue_source, shipped_catalogues

REGENERATE = "python -m iso20k_cli.catalogue.compiled"


@pytest.mark.parametrize("name", shipped_catalogues())
def test_each_committed_compiled_catalogue_is_what_its_yaml_gives(name: str) -> None:
    source = catalogue_source(Path(name))
    committed = compiled_path(source.file).read_bytes()
    assert committed == compile_catalogue(source), f"out of date: run `{REGENERATE}`"
    assert load_compiled(source) == load_catalogue(Path(name))


@pytest.fixture
def shipped_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The shipped catalogues and their compiled forms, copied where the tool reads them."""
    data = tmp_path / "_data"
    shutil.copytree(resources.requirements_dir(), data / "requirements")
    monkeypatch.setattr(resources, "_PACKAGE_DATA", data)
    return data / "requirements"


def _retitle(folder: Path, title: str) -> None:
    yaml = folder / resources.DEFAULT_CATALOGUE
    text = yaml.read_text(encoding="utf-8")
    old = 'title: "ISO/IEC 20000-1:2018 — Service management system requirements"'
    assert old in text
    yaml.write_text(text.replace(old, f'title: "{title}"'), encoding="utf-8")


def test_the_compiled_form_is_read_for_the_yaml_it_was_made_from(shipped_copy: Path) -> None:
    compiled = load_compiled(catalogue_source(None))
    assert compiled is not None
    assert load_catalogue_cached(None, None) == compiled


def test_a_yaml_edited_after_compiling_is_read_itself(shipped_copy: Path) -> None:
    _retitle(shipped_copy, "Edited in place")
    assert load_compiled(catalogue_source(None)) is None
    assert load_catalogue_cached(None, None).standard.title == "Edited in place"


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],  # truncated
        lambda data: b"0" * 64 + data[64:],  # another file's digest
        lambda data: data.split(b"\n", 1)[0] + b"\n{}",  # not a catalogue
        lambda data: b"",
        lambda data: b"\xff\xfe" * 100,
    ],
)
def test_a_damaged_compiled_form_is_ignored(shipped_copy: Path, damage: object) -> None:
    target = compiled_path(shipped_copy / resources.DEFAULT_CATALOGUE)
    target.write_bytes(damage(target.read_bytes()))  # type: ignore[operator]
    assert load_compiled(catalogue_source(None)) is None
    assert load_catalogue_cached(None, None) == load_catalogue(None)


def test_a_missing_compiled_form_means_the_yaml_is_read(shipped_copy: Path) -> None:
    shutil.rmtree(shipped_copy / "compiled")
    assert load_compiled(catalogue_source(None)) is None
    assert load_catalogue_cached(None, None) == load_catalogue(None)


def test_a_catalogue_given_as_a_file_is_never_read_compiled(tmp_path: Path) -> None:
    own = tmp_path / "mine.yaml"
    shutil.copy(resources.default_catalogue_path(), own)
    compiled_path(own).parent.mkdir()
    shutil.copy(compiled_path(resources.default_catalogue_path()), compiled_path(own))
    assert load_compiled(catalogue_source(own)) is None
    assert load_catalogue_cached(own, None).path == str(own)


def test_a_run_without_a_cache_parses_no_catalogue(tmp_path: Path) -> None:
    """The point of the compiled form: a ``--no-cache`` check never loads the catalogue's
    YAML (its loader module is imported only to do that)."""
    folder = tmp_path / "evidence"
    folder.mkdir()
    (folder / "incident-log.md").write_text("# Incident log\n\nINC-1 opened 2026-01-05.\n")
    probe = textwrap.dedent(
        f"""
        import sys
        from iso20k_cli.cli.app import main
        sys.argv = ["iso20k", "check", {str(folder)!r}, "--no-cache", "--format", "json"]
        try:
            main()
        except SystemExit:
            pass
        parsed = "iso20k_cli.catalogue.loader" in sys.modules
        sys.stderr.write("catalogue parsed" if parsed else "compiled form read")
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.stderr.endswith("compiled form read"), done.stderr[-2000:]
    assert '"overall"' in done.stdout or '"score"' in done.stdout
