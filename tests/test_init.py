"""``iso20k init``: a documentation repository to start from, checked end to end.

Every test runs the command line: init into a folder of the test, then reads what was
written (tree, front matter, headings) and runs ``iso20k check`` on it. The starters are
templates: check must name each under its item and count none as evidence.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from typing import Any

import pytest

from conftest import AS_OF, REPO, Folder, Invoke
from folders import BODY
from iso20k_cli.catalogue.loader import load_catalogue
from iso20k_cli.catalogue.model import Catalogue, Item, Kind
from iso20k_cli.errors import ConfigError
from iso20k_cli.evidence.frontmatter import split_front_matter
from iso20k_cli.recognise.unwritten import MIN_FILL_INS, fill_ins
from iso20k_cli.render.starters import slug
from iso20k_cli.yamlio import read_yaml

NINE = REPO / "requirements" / "iso9001-2015.yaml"
TEMPLATE_REASON = "it is a template still to be filled in"
ITEM_COMMENT = re.compile(r"Starter written by iso20k init for the item\s+(\S+),")


def mandatory_documents(catalogue: Catalogue) -> list[Item]:
    return [i for i in catalogue.items if i.mandatory and i.kind is Kind.DOCUMENT]


def starters(root: Path) -> dict[str, Path]:
    """The starters written under ``root``, by their path relative to it."""
    return {p.relative_to(root).as_posix(): p for p in sorted(root.rglob("*.md"))}


def front_matter(path: Path) -> dict[str, Any]:
    raw, _ = split_front_matter(path.read_text(encoding="utf-8"))
    assert raw is not None, path
    fields: dict[str, Any] = {}
    for line in raw.splitlines():
        key, _, value = line.partition(":")
        fields[key.strip()] = value.strip()
    return fields


def sections(path: Path) -> dict[str, str]:
    """Each ``##`` heading of a starter and the text under it."""
    found: dict[str, str] = {}
    heading = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            heading = line[3:]
            found[heading] = ""
        elif heading is not None:
            found[heading] += line
    return found


def init(cli: Invoke, *args: str | Path) -> tuple[str, str]:
    result = cli("init", *args, "--as-of", AS_OF)
    assert result.exit_code == 0, result.stderr
    return result.stdout, result.stderr


def by_item(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {item["id"]: item for item in report["items"]}


@pytest.fixture(scope="module")
def shipped() -> Catalogue:
    return load_catalogue()


def test_init_writes_a_folder_per_clause_and_a_starter_per_mandatory_document(
    cli: Invoke, tmp_path: Path, shipped: Catalogue
) -> None:
    root = tmp_path / "sms"
    stdout, stderr = init(cli, root)
    folders = sorted(p.name for p in root.iterdir() if p.is_dir())
    assert folders == [
        "04-context",
        "05-leadership",
        "06-planning",
        "07-support",
        "08-operation",
        "09-performance-evaluation",
        "10-improvement",
    ]
    # Clauses with no mandatory document keep their folder for the records to come.
    assert (root / "07-support" / ".gitkeep").is_file()
    written = starters(root)
    expected = mandatory_documents(shipped)
    assert len(written) == len(expected)
    named = {}
    for rel, path in written.items():
        comment = ITEM_COMMENT.search(path.read_text(encoding="utf-8"))
        assert comment is not None, rel
        named[comment.group(1)] = rel
    assert sorted(named) == sorted(i.id for i in expected)
    for item in expected:
        rel = named[item.id]
        top = item.clause.split(".")[0]
        assert rel.startswith(f"{int(top):02d}-") and rel.split("/")[1].startswith(item.clause)
    # The command lists what it wrote, the configuration first.
    assert stdout.splitlines()[0] == "wrote .iso20k.yaml"
    assert {line.removeprefix("wrote ") for line in stdout.splitlines()} >= set(written)
    assert f"wrote {len(written) + 3} files into" in stderr  # config and two .gitkeep


def test_each_starter_has_draft_front_matter_and_the_headings_the_catalogue_expects(
    cli: Invoke, tmp_path: Path
) -> None:
    root = tmp_path / "sms"
    init(cli, root)
    review_due = dt.date(2027, 11, 21).isoformat()  # AS_OF plus the 12-month default
    for rel, path in starters(root).items():
        fields = front_matter(path)
        assert fields["version"] == '"0.1"', rel
        assert fields["status"] == "draft", rel
        assert fields["review_due"] == review_due, rel
        assert fields["owner"] == '""' and fields["approver"] == '""', rel
        title = fields["title"].strip('"')
        assert f"\n# {title}\n" in path.read_text(encoding="utf-8")
        # Under every heading an instruction in brackets says what belongs there.
        parts = sections(path)
        assert {"Purpose and scope", "Roles and responsibilities", "Review and approval"} <= set(
            parts
        )
        for heading, text in parts.items():
            assert text.startswith("[") and text.endswith("]"), (rel, heading)
        assert len(fill_ins(path.read_text(encoding="utf-8"))) >= MIN_FILL_INS
    continuity = sections(root / "08-operation" / "8.7.2-service-continuity-plan.md")
    assert {"Invocation criteria", "Return to normal", "Recovery time objective"} <= set(continuity)
    # The topics the catalogue checks for are the internal audit programme's headings.
    programme = sections(root / "09-performance-evaluation" / "9.2-internal-audit-programme.md")
    assert "Clause 4, context" in programme and "Clause 10, improvement" in programme


def test_check_names_every_starter_under_its_item_and_counts_none(
    cli: Invoke, tmp_path: Path, shipped: Catalogue
) -> None:
    root = tmp_path / "sms"
    init(cli, root)
    result = cli("check", root, "--as-of", AS_OF, "-f", "json")
    assert result.exit_code == 1  # mandatory documents are still missing: a template is none
    report = result.json()
    items = by_item(report)
    for item in mandatory_documents(shipped):
        found = items[item.id]
        starter = [
            m
            for m in found["near_misses"]
            if TEMPLATE_REASON in m["reason"] and f"/{item.clause}-" in m["path"]
        ]
        assert len(starter) == 1, (item.id, found["near_misses"])
        assert found["evidence"] == [], item.id
        if item.applies_when is None:
            assert found["status"] == "missing", item.id
            assert any(
                f["item"] == item.id and f["severity"] == "major" for f in report["findings"]
            )
        else:
            assert found["status"] == "not_assessed", item.id
    # No starter is evidence of anything, and nothing is met.
    assert all(f["used_for"] == [] for f in report["files"])
    assert {i["status"] for i in report["items"]} <= {"missing", "not_assessed"}
    assert all(f["control"]["status"] == "draft" for f in report["files"])


def test_a_starter_written_counts_as_a_draft_never_as_met(cli: Invoke, tmp_path: Path) -> None:
    root = tmp_path / "sms"
    init(cli, root)
    plan = root / "08-operation" / "8.7.2-service-continuity-plan.md"
    written = re.sub(
        r"^\[.*\]$",
        "The operations team keeps this part up to date and tests it every quarter.",
        plan.read_text(encoding="utf-8"),
        flags=re.MULTILINE,
    )
    plan.write_text(written, encoding="utf-8")
    report = cli("check", root, "--as-of", AS_OF, "-f", "json").json()
    item = by_item(report)["continuity-plan"]
    assert [e["path"] for e in item["evidence"] if e["counted"]] == [
        "08-operation/8.7.2-service-continuity-plan.md"
    ]
    assert item["status"] == "partial"
    assert any(c["check"] == "approved" and not c["passed"] for c in item["checks"])


def test_rerunning_init_writes_nothing_and_keeps_every_file(cli: Invoke, tmp_path: Path) -> None:
    root = tmp_path / "sms"
    init(cli, root)
    policy = root / "05-leadership" / "5.2.1-service-management-policy.md"
    policy.write_text("# Service management policy\n\nOur own words.\n", encoding="utf-8")
    before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    stdout, stderr = init(cli, root)
    assert {p: p.read_bytes() for p in root.rglob("*") if p.is_file()} == before
    assert "wrote 0 files" in stderr and f"skipped {len(before)} that exist" in stderr
    assert all(line.startswith("skipped ") for line in stdout.splitlines())
    assert "skipped 05-leadership/5.2.1-service-management-policy.md (it exists)" in stdout


def test_only_missing_writes_the_starters_of_the_missing_documents(
    cli: Invoke, evidence: Folder, tmp_path: Path, shipped: Catalogue
) -> None:
    present = {
        "sms-scope": "scope/SMS Scope Statement.md",
        "sm-policy": "Service Management Policy.md",
        "continuity-plan": "bc/Service Continuity Plan.md",
        "change-management-policy": "Change Management Policy.md",
    }
    for rel in present.values():
        evidence.add(
            rel,
            f"# {Path(rel).stem}\n\n{BODY}\n",
            status="approved",
            approved="2026-03-01",
            owner="Head of Service",
        )
    assessed = cli("check", evidence.root, "--as-of", AS_OF, "-f", "json").json()
    missing = {
        i["id"]
        for i in assessed["items"]
        if i["mandatory"] and i["kind"] == "document" and i["status"] == "missing"
    }
    assert missing and not missing & set(present)
    out = tmp_path / "to-write"
    stdout, _ = init(cli, out, "--only-missing", evidence.root)
    assert not (out / ".iso20k.yaml").exists()
    written = starters(out)
    ids = {
        ITEM_COMMENT.search(p.read_text(encoding="utf-8")).group(1)  # type: ignore[union-attr]
        for p in written.values()
    }
    assert ids == missing
    assert sorted(stdout.splitlines()) == sorted(f"wrote {rel}" for rel in written)

    # Into the evidence folder itself: its own documents stay as they were.
    before = {p: p.read_bytes() for p in evidence.root.rglob("*") if p.is_file()}
    init(cli, evidence.root, "--only-missing", evidence.root)
    after = {p: p.read_bytes() for p in evidence.root.rglob("*") if p.is_file()}
    assert {p: after[p] for p in before} == before
    assert len(after) == len(before) + len(written)
    again = by_item(cli("check", evidence.root, "--as-of", AS_OF, "-f", "json").json())
    for item_id in missing:
        assert again[item_id]["status"] == "missing"
        assert any(TEMPLATE_REASON in m["reason"] for m in again[item_id]["near_misses"])
    first = by_item(assessed)
    for item_id in present:
        assert again[item_id]["status"] == first[item_id]["status"] != "missing"


def test_iso_9001_catalogue(cli: Invoke, tmp_path: Path) -> None:
    root = tmp_path / "qms"
    init(cli, root, "--catalogue", NINE)
    nine = load_catalogue(NINE)
    config = read_yaml(root / ".iso20k.yaml", ConfigError).data
    assert isinstance(config, dict)
    assert (root / config["catalogue"]).resolve() == NINE.resolve()
    assert sorted(p.name for p in root.iterdir() if p.is_dir()) == [
        "04-context",
        "05-leadership",
        "06-planning",
        "07-support",
        "08-operation",
        "09-performance-evaluation",
        "10-improvement",
    ]
    assert len(starters(root)) == len(mandatory_documents(nine))
    text = "".join(p.read_text(encoding="utf-8") for p in starters(root).values())
    assert "20000" not in text and "ISO 9001:2015" in text
    # The configuration names the catalogue, so a plain check assesses against it.
    report = cli("check", root, "--as-of", AS_OF, "-f", "json").json()
    assert report["catalogue"]["id"] == nine.standard.id
    items = by_item(report)
    for item in mandatory_documents(nine):
        assert items[item.id]["evidence"] == []
        assert any(TEMPLATE_REASON in m["reason"] for m in items[item.id]["near_misses"]), item.id
    assert {i["status"] for i in report["items"]} <= {"missing", "not_assessed"}
    # A second init goes on with the catalogue the configuration names.
    policy = root / "05-leadership" / "5.2-quality-policy.md"
    policy.unlink()
    stdout, _ = init(cli, root)
    assert [line for line in stdout.splitlines() if line.startswith("wrote")] == [
        "wrote 05-leadership/5.2-quality-policy.md"
    ]


def test_the_configuration_is_valid_and_commented(cli: Invoke, tmp_path: Path) -> None:
    root = tmp_path / "sms"
    init(cli, root)
    text = (root / ".iso20k.yaml").read_text(encoding="utf-8")
    for key in ("organisation:", "scope:", "assessor:", "audit_date:"):
        assert re.search(rf"^{key}\s+#", text, re.MULTILINE), key
    # Every condition of the catalogue is offered, with its question, to be answered.
    assert "#   supplier-disputes: true" in text
    assert "# fail_under:" in text and "# not_applicable:" in text
    # A configuration check accepts as it is (nothing set yet: the defaults).
    result = cli("check", root, "--as-of", AS_OF, "-f", "json")
    assert result.exit_code == 1 and result.json()["organisation"] is None


def test_template_dir_replaces_the_shipped_starter(cli: Invoke, tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "document.md.j2").write_text(
        "---\ntitle: {{ title | yaml }}\nstatus: {{ status }}\n---\n\n# {{ title }}\n\n"
        "{% for h in headings %}## {{ h.text }}\n\n[{{ h.prompt }}]\n\n{% endfor %}"
        "Kept by {{ item.id }}.\n",
        encoding="utf-8",
    )
    root = tmp_path / "sms"
    init(cli, root, "--template-dir", mine)
    policy = (root / "05-leadership" / "5.2.1-service-management-policy.md").read_text()
    assert policy.endswith("Kept by sm-policy.\n")
    # The configuration template was not replaced: the shipped one is used.
    assert "Every key is optional" in (root / ".iso20k.yaml").read_text()


def test_a_broken_template_writes_nothing(cli: Invoke, tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "document.md.j2").write_text("{{ no_such_variable }}\n", encoding="utf-8")
    root = tmp_path / "sms"
    result = cli("init", root, "--template-dir", mine)
    assert result.exit_code == 2
    assert "document.md.j2" in result.stderr
    assert not root.exists() or not any(root.iterdir())


def test_dir_that_is_a_file_is_an_input_error(cli: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "notes.txt"
    target.write_text("keep me", encoding="utf-8")
    result = cli("init", target)
    assert result.exit_code == 2
    assert "notes.txt: is a file, not a folder" in result.stderr
    assert target.read_text(encoding="utf-8") == "keep me"
    below = cli("init", target / "sms")
    assert below.exit_code == 2 and "cannot make the folder" in below.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere")
def test_a_folder_that_cannot_be_written_is_an_input_error(cli: Invoke, tmp_path: Path) -> None:
    root = tmp_path / "locked"
    root.mkdir()
    root.chmod(0o500)
    try:
        result = cli("init", root)
    finally:
        root.chmod(0o700)
    assert result.exit_code == 2
    assert "the folder is not writable" in result.stderr
    assert list(root.iterdir()) == []


def test_it_never_writes_through_a_link_out_of_the_folder(cli: Invoke, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    root = tmp_path / "sms"
    root.mkdir()
    (root / "04-context").symlink_to(outside, target_is_directory=True)
    result = cli("init", root)
    assert result.exit_code == 2
    assert "refusing to write outside the folder" in result.stderr
    assert list(outside.iterdir()) == []
    assert sorted(p.name for p in root.iterdir()) == ["04-context"]  # nothing written


def test_any_catalogue_an_item_no_name_recognises_is_said(cli: Invoke, tmp_path: Path) -> None:
    catalogue = tmp_path / "tailored.yaml"
    catalogue.write_text(
        (REPO / "tests" / "data" / "mini-catalogue.yaml")
        .read_text(encoding="utf-8")
        .replace(
            '  - id: "1.2"\n',
            "      - id: odd-one\n"
            "        title: Arrangements kept\n"
            "        mandatory: true\n"
            '        basis: "1.1"\n'
            "        checks:\n"
            "          - type: review_interval\n"
            "            months: 6\n"
            '  - id: "1.2"\n',
        ),
        encoding="utf-8",
    )
    root = tmp_path / "repo"
    _, stderr = init(cli, root, "--catalogue", catalogue)
    assert sorted(starters(root)) == [
        "01-governance/1.1-arrangements-kept.md",
        "01-governance/1.1-scope-statement.md",
        "02-operation/2.1-incident-policy.md",
    ]
    odd = root / "01-governance" / "1.1-arrangements-kept.md"
    # The item's own review interval dates the next review.
    assert front_matter(odd)["review_due"] == "2027-05-21"
    assert "no name of 'odd-one' in the catalogue is recognised as its title" in stderr
    assert "iso20k: {satisfies: [odd-one]}" in stderr
    assert stderr.count("is recognised as its title") == 1  # the others are named for theirs


def test_names_are_short_plain_and_stay_in_their_folder() -> None:
    assert slug("Führung und Verantwortung") == "fuhrung-und-verantwortung"
    long = "List of services, components and processes provided or operated by other parties"
    assert slug(long) == "list-of-services-components-and-processes-provided-or"
    assert slug("../../etc/passwd") == "etc-passwd"
