"""YAML from the evidence folder, the configuration and the catalogue: depth, aliases, dates."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .harness import MINI, alias_bomb, check, deep_mapping, deep_yaml, hostile_run, make_folder

GOOD_DOC = "# Incident policy\n\nHow incidents are handled.\n"


def _catalogue_with(tmp_path: Path, extra: str) -> Path:
    path = tmp_path / "catalogue.yaml"
    path.write_text(MINI.read_text(encoding="utf-8") + extra, encoding="utf-8")
    return path


@pytest.mark.parametrize("shape", ["sequence", "mapping"])
def test_deep_catalogue(tmp_path: Path, shape: str) -> None:
    root = make_folder(tmp_path, {"policy.md": GOOD_DOC})
    catalogue = tmp_path / "deep.yaml"
    catalogue.write_text(deep_yaml() if shape == "sequence" else deep_mapping(), encoding="utf-8")
    result = check(root, "--catalogue", str(catalogue), codes=(2,))
    assert "deep.yaml" in result.stderr


def test_deep_catalogue_validate(tmp_path: Path) -> None:
    root = make_folder(tmp_path)
    catalogue = tmp_path / "deep.yaml"
    catalogue.write_text(deep_yaml(), encoding="utf-8")
    result = hostile_run(root, ["catalogue", "validate", str(catalogue)], codes=(2,))
    assert "deep.yaml" in result.stderr


def test_deep_configuration(tmp_path: Path) -> None:
    root = make_folder(tmp_path, {"policy.md": GOOD_DOC, ".iso20k.yaml": deep_mapping()})
    result = check(root, codes=(2,))
    assert ".iso20k.yaml" in result.stderr


def test_deep_manifest(tmp_path: Path) -> None:
    root = make_folder(tmp_path, {"policy.md": GOOD_DOC, "evidence.yaml": deep_mapping()})
    result = check(root, codes=(2,))
    assert "evidence.yaml" in result.stderr


def test_deep_front_matter(tmp_path: Path) -> None:
    root = make_folder(tmp_path, {"policy.md": "---\n" + deep_yaml() + "---\n" + GOOD_DOC})
    result = check(root)
    files = {f["path"]: f for f in json.loads(result.stdout)["files"]}
    assert "policy.md" in files
    assert any("front-matter" in w for w in files["policy.md"]["warnings"])


def test_alias_bomb_catalogue(tmp_path: Path) -> None:
    root = make_folder(tmp_path, {"policy.md": GOOD_DOC})
    catalogue = _catalogue_with(tmp_path, "\n" + alias_bomb("x_bomb"))
    result = check(root, "--catalogue", str(catalogue), codes=(2,))
    assert "catalogue.yaml" in result.stderr


def test_alias_bomb_configuration(tmp_path: Path) -> None:
    root = make_folder(tmp_path, {"policy.md": GOOD_DOC, ".iso20k.yaml": alias_bomb("ignore")})
    result = check(root, codes=(2,))
    assert ".iso20k.yaml" in result.stderr


def test_alias_bomb_manifest(tmp_path: Path) -> None:
    root = make_folder(tmp_path, {"policy.md": GOOD_DOC, "evidence.yaml": alias_bomb("files")})
    result = check(root, codes=(2,))
    assert "evidence.yaml" in result.stderr


def test_alias_bomb_front_matter(tmp_path: Path) -> None:
    text = "---\n" + alias_bomb("title") + "---\n" + GOOD_DOC
    root = make_folder(tmp_path, {"policy.md": text})
    result = check(root)
    files = {f["path"]: f for f in json.loads(result.stdout)["files"]}
    assert any("front-matter" in w for w in files["policy.md"]["warnings"])


def test_plain_aliases_still_work(tmp_path: Path) -> None:
    """A few aliases are ordinary YAML: only an expansion past the bound is refused."""
    config = (
        "not_applicable:\n"
        "  - item: handbook\n"
        "    justification: &why We are a team of three with no staff handbook at all.\n"
        "  - clause: '1.2'\n"
        "    justification: *why\n"
    )
    root = make_folder(tmp_path, {"policy.md": GOOD_DOC, ".iso20k.yaml": config})
    result = check(root)
    assert json.loads(result.stdout)["files"]


def test_many_front_matter_keys(tmp_path: Path) -> None:
    keys = "".join(f"key{n}: value {n}\n" for n in range(50_000))
    root = make_folder(tmp_path, {"policy.md": "---\ntitle: Incident policy\n" + keys + "---\n"})
    # Front matter past the limit is not read, so the file serves no item: what is read of
    # it is the point here.
    result = check(root, "--allow-empty")
    files = {f["path"]: f for f in json.loads(result.stdout)["files"]}
    assert files["policy.md"]["warnings"]


BAD_DATE = "0000-00-00"


def test_date_out_of_range_front_matter(tmp_path: Path) -> None:
    doc = f"---\ntitle: Incident policy\napproved: {BAD_DATE}\nreview_due: 0000-13-45\n---\n"
    root = make_folder(tmp_path, {"policy.md": doc + GOOD_DOC})
    result = check(root)
    files = {f["path"]: f for f in json.loads(result.stdout)["files"]}
    assert files["policy.md"]["warnings"]


def test_date_out_of_range_manifest(tmp_path: Path) -> None:
    manifest = f"files:\n  - path: policy.md\n    approved: {BAD_DATE}\n"
    root = make_folder(tmp_path, {"policy.md": GOOD_DOC, "evidence.yaml": manifest})
    result = check(root, codes=(2,))
    assert "evidence.yaml:3" in result.stderr


def test_date_out_of_range_configuration(tmp_path: Path) -> None:
    root = make_folder(
        tmp_path, {"policy.md": GOOD_DOC, ".iso20k.yaml": f"audit_date: {BAD_DATE}\n"}
    )
    result = check(root, codes=(2,))
    assert ".iso20k.yaml:1" in result.stderr


def test_date_out_of_range_catalogue(tmp_path: Path) -> None:
    root = make_folder(tmp_path, {"policy.md": GOOD_DOC})
    catalogue = _catalogue_with(tmp_path, "")
    text = catalogue.read_text(encoding="utf-8").replace(
        'catalogue_version: "0.1"', f"catalogue_version: {BAD_DATE}"
    )
    catalogue.write_text(text, encoding="utf-8")
    check(root, "--catalogue", str(catalogue), codes=(2,))


def test_far_future_review_dates(tmp_path: Path) -> None:
    doc = (
        "---\ntitle: Scope statement\nstatus: approved\napproved: 9999-12-31\n"
        "review_due: 9999-12-31\nrecord_date: 9999-12-31\n---\n# Scope statement\n"
    )
    log = "---\ntitle: Incident log\nrecord_date: 9999-12-31\nperiod_start: 0001-01-01\n---\n"
    manifest = (
        "files:\n  - path: audit.md\n    approved: 9999-12-31\n    review_due: 9999-12-31\n"
        "    record_date: 9999-12-31\n"
    )
    root = make_folder(
        tmp_path,
        {
            "scope.md": doc,
            "incident-log.md": log + "# Incident log\n",
            "audit.md": "# Internal audit report\n",
            "evidence.yaml": manifest,
        },
    )
    check(root)
    check(root, "--as-of", "9999-12-31")
    check(root, "--as-of", "0001-01-01")
    check(root, mini=False)


def test_audit_date_arithmetic(tmp_path: Path) -> None:
    for audit_date in ("0001-01-01", "9999-12-31"):
        root = make_folder(
            tmp_path / audit_date,
            {"policy.md": GOOD_DOC, ".iso20k.yaml": f"audit_date: {audit_date}\n"},
        )
        for fmt in ("md", "csv"):
            hostile_run(
                root,
                ["report", root.name, "--format", fmt, "--as-of", "2026-11-21"],
                codes=(0, 2),
            )


def test_shipped_catalogue_is_within_the_bounds() -> None:
    """The shipped catalogue skips the bounds check at load; it must still pass it."""
    from iso20k_cli.resources import default_catalogue_path
    from iso20k_cli.yamlio import check_bounds

    check_bounds(default_catalogue_path().read_text(encoding="utf-8"))


def test_catalogue_of_a_hundred_thousand_items(tmp_path: Path) -> None:
    # Loading 100,000 items took minutes and gigabytes; such a file is refused up front.
    root = make_folder(tmp_path, {"policy.md": GOOD_DOC})
    items = "".join(
        f"      - id: item-{n}\n        title: Item number {n}\n        mandatory: false\n"
        f"        basis: good practice\n"
        for n in range(100_000)
    )
    catalogue = tmp_path / "huge.yaml"
    catalogue.write_text(
        "schema_version: 1\nstandard:\n  id: huge\n  title: Huge\nclauses:\n"
        f'  - id: "1"\n    title: One\n    documents:\n{items}',
        encoding="utf-8",
    )
    result = check(root, "--catalogue", str(catalogue), codes=(2,))
    assert "huge.yaml" in result.stderr and "larger than any catalogue" in result.stderr
