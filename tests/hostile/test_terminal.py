"""Escape sequences from evidence, configuration and catalogue never reach a terminal raw."""

from __future__ import annotations

from pathlib import Path

from .harness import AS_OF, ESCAPES, MINI, check, hostile_run, make_folder, raw_escapes


def _hostile_catalogue(tmp_path: Path) -> Path:
    text = MINI.read_text(encoding="utf-8").replace(
        "title: Incident policy",
        f'title: "Incident policy {ESCAPES.encode("unicode_escape").decode()}"',
    )
    text = text.replace("title: Governance", 'title: "Governance \\e[2J\\a"')
    path = tmp_path / "catalogue.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _hostile_folder(tmp_path: Path) -> Path:
    title = ESCAPES.encode("unicode_escape").decode()
    files = {
        f"incident policy {ESCAPES}.md": f"# Incident policy {ESCAPES}\n\nOwner: {ESCAPES}\n",
        "scope.md": f'---\ntitle: "Scope statement {title}"\nstatus: "draft{title}"\n---\n',
        ".iso20k.yaml": f'organisation: "Evil {title} Ltd"\nscope: "{title}"\n',
    }
    return make_folder(tmp_path, files)


def test_table_output(tmp_path: Path) -> None:
    root = _hostile_folder(tmp_path)
    catalogue = _hostile_catalogue(tmp_path)
    for extra in ([], ["--max-findings", "0", "--depth", "6"]):
        result = check(root, "--catalogue", str(catalogue), *extra, fmt="table")
        assert not raw_escapes(result.stdout), result.stdout
        assert not raw_escapes(result.stderr)
        assert "Evil" in result.stdout


def test_explain_output(tmp_path: Path) -> None:
    root = _hostile_folder(tmp_path)
    catalogue = _hostile_catalogue(tmp_path)
    for target in ("incident-policy", "2.1", "scope", "1", "incident-policy:approved"):
        result = hostile_run(
            root,
            ["explain", root.name, target, "--as-of", AS_OF, "--catalogue", str(catalogue)],
            codes=(0, 2),
        )
        assert not raw_escapes(result.stdout), result.stdout
        assert not raw_escapes(result.stderr)


def test_unknown_target_with_escapes(tmp_path: Path) -> None:
    root = _hostile_folder(tmp_path)
    result = hostile_run(
        root,
        ["explain", root.name, f"x{ESCAPES}", "--as-of", AS_OF, "--catalogue", str(MINI)],
        codes=(2,),
    )
    assert not raw_escapes(result.stderr)
    result = hostile_run(root, ["catalogue", "show", f"x{ESCAPES}"], codes=(2,))
    assert not raw_escapes(result.stderr)


def test_catalogue_show(tmp_path: Path) -> None:
    root = make_folder(tmp_path)
    catalogue = _hostile_catalogue(tmp_path)
    for args in ([], ["incident-policy"], ["1"], ["2.1"]):
        result = hostile_run(
            root, ["catalogue", "show", *args, "--catalogue", str(catalogue)], codes=(0,)
        )
        assert not raw_escapes(result.stdout), result.stdout


def test_summaries_and_diff(tmp_path: Path) -> None:
    root = _hostile_folder(tmp_path)
    catalogue = _hostile_catalogue(tmp_path)
    for fmt in ("github", "md", "junit", "sarif"):
        result = check(root, "--catalogue", str(catalogue), fmt=fmt)
        assert not raw_escapes(result.stdout), fmt
    base = tmp_path / "base.json"
    base.write_text(check(root, "--catalogue", str(catalogue)).stdout, encoding="utf-8")
    (root / f"new {ESCAPES}.md").write_text("# Incident log\n", encoding="utf-8")
    new = tmp_path / "new.json"
    new.write_text(check(root, "--catalogue", str(catalogue)).stdout, encoding="utf-8")
    result = hostile_run(root, ["diff", str(base), str(new)], codes=(0, 1))
    assert not raw_escapes(result.stdout), result.stdout
    result = check(
        root, "--catalogue", str(catalogue), "--baseline", str(base), fmt="table", codes=(0, 1)
    )
    assert not raw_escapes(result.stdout + result.stderr)
