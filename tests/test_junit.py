"""``--format junit``: one test case per catalogue item, as GitLab and Jenkins read them."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from conftest import Folder, Invoke
from folders import check, ready_folder
from iso20k_cli.render.junit import xml_safe


def mixed(folder: Folder) -> Folder:
    ready_folder(folder)
    (folder.root / "logs" / "security-incident-log.md").unlink()  # missing: fails
    folder.add("incident-policy.md", "# Incident policy\n", status="draft")  # partial: fails
    # Approved but undated: met, with an observation that the review date is not recorded.
    folder.add("Scope-Statement.md", "# Scope\n", title="SMS Scope Statement", status="approved")
    folder.add(
        ".iso20k.yaml",
        "not_applicable:\n"
        "  - item: handbook\n"
        "    justification: Staff rules live in the HR system.\n",
    )
    return folder


def cases(root: ET.Element) -> dict[str, ET.Element]:
    return {c.get("name", "").rsplit("[", 1)[1].rstrip("]"): c for c in root.iter("testcase")}


def test_junit_has_a_case_per_item_grouped_by_top_clause(cli: Invoke, evidence: Folder) -> None:
    result = check(cli, mixed(evidence), "-f", "junit")
    assert result.exit_code == 1
    assert result.stdout.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites')
    root = ET.fromstring(result.stdout)
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["1 Governance", "2 Operation"]
    assert [c.get("classname") for c in suites[0].iter("testcase")] == ["1.1", "1.1"]
    assert set(cases(root)) == {
        "scope",
        "handbook",
        "incident-policy",
        "incident-records",
        "security-incidents",
        "audit-reports",
    }
    assert (root.get("tests"), root.get("failures"), root.get("skipped")) == ("6", "2", "1")
    assert (suites[1].get("tests"), suites[1].get("failures")) == ("4", "2")
    props = {p.get("name"): p.get("value") for p in suites[1].iter("property")}
    assert props == {"score": "62.5"}  # the clause's score, as in the table and the JSON
    clause = next(c for c in check(cli, evidence, "-f", "json").json()["clauses"] if c["id"] == "2")
    assert clause["score"] == 62.5


def test_failures_skips_and_passes(cli: Invoke, evidence: Folder) -> None:
    root = ET.fromstring(check(cli, mixed(evidence), "-f", "junit").stdout)
    by_item = cases(root)
    missing = by_item["security-incidents"].find("failure")
    assert missing is not None and missing.get("type") == "missing"
    assert "no evidence of 'Security incident records' was found" in missing.get("message", "")
    assert "-> Produce 'Security incident records'" in (missing.text or "")
    partial = by_item["incident-policy"].find("failure")
    assert partial is not None and partial.get("type") == "partial"
    assert "is still a draft" in partial.get("message", "")
    skipped = by_item["handbook"].find("skipped")
    assert skipped is not None
    assert skipped.get("message") == "Staff rules live in the HR system."
    scope = by_item["scope"]
    assert scope.find("failure") is None and scope.find("skipped") is None
    out = scope.findtext("system-out") or ""
    assert "Evidence: Scope-Statement.md (matched by title)" in out
    assert "OBSERVATION review_interval: no review date or approval date" in out
    assert by_item["audit-reports"].find("failure") is None


def test_junit_is_deterministic_and_plain(cli: Invoke, evidence: Folder) -> None:
    mixed(evidence)
    first = check(cli, evidence, "-f", "junit").stdout
    assert first == check(cli, evidence, "-f", "junit").stdout
    assert "\x1b[" not in first and "time=" not in first and "timestamp" not in first


def test_characters_xml_cannot_carry_are_replaced() -> None:
    element = ET.Element("failure", message=xml_safe("bell\x07 and NUL\x00 ok é 🙂\ttab"))
    parsed = ET.fromstring(ET.tostring(element, encoding="unicode"))
    assert parsed.get("message") == "bell\ufffd and NUL\ufffd ok é 🙂\ttab"
