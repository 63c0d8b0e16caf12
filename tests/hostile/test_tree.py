"""The folder itself: deep trees, special files, links out of it, outputs into it."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import zipfile
from pathlib import Path

import pytest

from .harness import check, hostile_run, make_folder, report

GOOD_DOC = "# Incident policy\n\nHow incidents are handled.\n"
SECRET = "OUTSIDE-SECRET-7f3a"


def _deep_chain_catalogue(tmp_path: Path, depth: int) -> Path:
    lines = [
        "schema_version: 1",
        "standard: {id: deep, title: Deep, catalogue_version: '1'}",
        "clauses:",
    ]
    for level in range(depth):
        parent = f", parent: c{level - 1}" if level else ""
        lines.append(f"  - {{id: c{level}, title: Clause {level}{parent}}}")
    lines += [
        "  - id: leaf",
        "    title: Leaf",
        f"    parent: c{depth - 1}",
        "    documents:",
        "      - id: leaf-doc",
        "        title: Leaf document",
        "        mandatory: true",
        "        basis: leaf",
        "        match: {titles: [incident policy]}",
    ]
    path = tmp_path / "deep-catalogue.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_catalogue_parent_chain_thousands_deep(tmp_path: Path) -> None:
    root = make_folder(tmp_path, {"policy.md": GOOD_DOC})
    catalogue = _deep_chain_catalogue(tmp_path, 2_500)
    check(root, "--catalogue", str(catalogue))
    check(root, "--catalogue", str(catalogue), fmt="table", runs=1)
    hostile_run(root, ["catalogue", "show", "--catalogue", str(catalogue)], runs=1, codes=(0,))
    hostile_run(root, ["catalogue", "validate", str(catalogue)], runs=1, codes=(0,))


def test_folder_tree_1500_levels(tmp_path: Path) -> None:
    root = make_folder(tmp_path, {"policy.md": GOOD_DOC})
    try:
        _deep_tree(root, 1_500)
        result = check(root)
    finally:
        # pytest's own cleanup (shutil.rmtree) recurses per level and would fail on this
        # tree in every later session; GNU rm does not recurse.
        subprocess.run(["rm", "-rf", "--one-file-system", str(root / "d")], check=True)
    paths = [f["path"] for f in json.loads(result.stdout)["files"]]
    assert "policy.md" in paths
    # The deep file is either read or listed; it is not a crash and not silently lost.
    assert any(p.endswith("deep-record.md") or p.startswith("d/") for p in paths)


def _deep_tree(root: Path, levels: int) -> None:
    # Made with relative steps, so that no path handed to the kernel grows with depth.
    here = os.open(root, os.O_RDONLY)
    try:
        for _ in range(levels):
            os.mkdir("d", dir_fd=here)
            child = os.open("d", os.O_RDONLY, dir_fd=here)
            os.close(here)
            here = child
        fd = os.open("deep-record.md", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=here)
        os.write(fd, GOOD_DOC.encode())
        os.close(fd)
    finally:
        os.close(here)


def test_special_files_listed_not_read(tmp_path: Path) -> None:
    root = make_folder(tmp_path, {"policy.md": GOOD_DOC})
    os.mkfifo(root / "pipe.md")
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(root / "sock.md"))
        result = check(root)
    finally:
        server.close()
    files = {f["path"]: f for f in json.loads(result.stdout)["files"]}
    for name in ("pipe.md", "sock.md"):
        assert name in files, f"{name} silently left out"
        assert files[name]["readable"] is False
        assert files[name]["error"]


def test_device_like_file_is_not_read(tmp_path: Path) -> None:
    root = make_folder(tmp_path, {"policy.md": GOOD_DOC})
    (root / "zero.md").symlink_to("/dev/zero")
    (root / "random.txt").symlink_to("/dev/urandom")
    result = check(root)
    files = {f["path"]: f for f in json.loads(result.stdout)["files"]}
    assert files["zero.md"]["readable"] is False


def test_symlinks_out_of_the_folder_are_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text(f"# {SECRET}\n\n{SECRET} text\n", encoding="utf-8")
    root = make_folder(tmp_path, {"policy.md": GOOD_DOC})
    (root / "secret.md").symlink_to(outside / "secret.md")
    (root / "folder").symlink_to(outside, target_is_directory=True)
    (root / "loop").symlink_to(root, target_is_directory=True)
    result = check(root)
    assert SECRET not in result.stdout
    files = {f["path"]: f for f in json.loads(result.stdout)["files"]}
    assert files["secret.md"]["readable"] is False


def test_manifest_that_is_a_link_is_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside.yaml"
    outside.write_text(
        f"files:\n  - path: policy.md\n    title: {SECRET}\n    satisfies: [scope]\n",
        encoding="utf-8",
    )
    root = make_folder(tmp_path, {"policy.md": GOOD_DOC})
    (root / "evidence.yaml").symlink_to(outside)
    result = check(root)
    assert SECRET not in result.stdout
    assert "evidence.yaml" in result.stdout  # reported, not silently ignored


def test_manifest_that_is_a_broken_link(tmp_path: Path) -> None:
    root = make_folder(tmp_path, {"policy.md": GOOD_DOC})
    (root / "evidence.yaml").symlink_to(tmp_path / "nowhere.yaml")
    check(root)


def test_configuration_in_folder_that_is_a_link_to_a_folder(tmp_path: Path) -> None:
    root = make_folder(tmp_path, {"policy.md": GOOD_DOC})
    (root / ".iso20k.yaml").mkdir()
    check(root)


@pytest.mark.parametrize("fmt", ["json", "md"])
def test_output_into_the_folder_is_refused(tmp_path: Path, fmt: str) -> None:
    root = make_folder(tmp_path, {"policy.md": GOOD_DOC})
    (root / "sub").mkdir()
    for target in ("out.json", "sub/out.json", "./sub/../out.json"):
        check(root, "--output", f"{root.name}/{target}", codes=(2,), runs=1)
    report(root, fmt, f"{root.name}/report.{fmt}", codes=(2,))
    (tmp_path / "link").symlink_to(root, target_is_directory=True)
    check(root, "--output", "link/out.json", codes=(2,), runs=1)
    check(root, "--write-baseline", f"{root.name}/base.json", codes=(2,), runs=1)


def test_error_messages_do_not_embed_the_folder_path(tmp_path: Path) -> None:
    root = make_folder(tmp_path, {"policy.md": GOOD_DOC, "big.md": "x" * (2 * 1024 * 1024)})
    (root / "unreadable.md").write_text(GOOD_DOC, encoding="utf-8")
    (root / "unreadable.md").chmod(0)
    locked = root / "locked"
    locked.mkdir()
    (locked / "inner.md").write_text(GOOD_DOC, encoding="utf-8")
    locked.chmod(0)
    (root / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    for name in ("not-word.docx", "not-excel.xlsx", "not-slides.pptx"):
        with zipfile.ZipFile(root / name, "w") as archive:
            archive.writestr("a.txt", "hello")
    (root / "bad.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n")
    (root / ".iso20k.yaml").write_text("max_file_size_mb: 1\n", encoding="utf-8")
    try:
        result = check(root)
    finally:
        locked.chmod(0o755)
        (root / "unreadable.md").chmod(0o644)
    data = json.loads(result.stdout)
    text = json.dumps({k: v for k, v in data.items() if k != "evidence_dir"})
    assert str(tmp_path) not in text
    assert str(root.resolve()) not in text
