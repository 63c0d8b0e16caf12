"""``--format junit``: JUnit XML, so GitLab, Jenkins and the like list the gaps as tests.

One test suite per top-level clause and one test case per catalogue item: missing and
partial items fail, items declared not applicable are skipped, met items pass (with
their observations, if any, in system-out). Findings about files rather than items
(an unreadable file) are observations about no requirement, so they are not tests;
the other formats list them.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from iso20k_cli.assess.model import Assessment, Finding, ItemResult, Severity, Status
from iso20k_cli.render.context import RenderContext
from iso20k_cli.render.wording import acceptance_text, score_precise

# XML 1.0 cannot carry most control characters, whatever the escaping; evidence text
# (titles, messages quoting file content) could contain them.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_FAILING = (Status.MISSING, Status.PARTIAL)


def xml_safe(text: str) -> str:
    """``text`` with the characters XML 1.0 cannot carry replaced by U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def _describe(finding: Finding) -> str:
    lines = [f"{finding.severity.value.upper()} {finding.check}: {finding.message}"]
    if finding.recommendation:
        lines.append(f"  -> {finding.recommendation}")
    if finding.basis:
        lines.append(f"  Note: {finding.basis}")
    if (accepted := acceptance_text(finding)) is not None:
        lines.append(f"  {accepted}")
    return "\n".join(lines)


def _top(clause_id: str, parents: dict[str, str | None]) -> str:
    while (parent := parents.get(clause_id)) is not None:
        clause_id = parent
    return clause_id


def _case(suite: ET.Element, item: ItemResult, findings: list[Finding]) -> None:
    case = ET.SubElement(
        suite,
        "testcase",
        classname=xml_safe(item.clause),
        name=xml_safe(f"{item.title} [{item.id}]"),
    )
    gaps = [f for f in findings if f.severity is not Severity.OBSERVATION]
    # An item whose every finding is accepted passes, its acceptance in system-out.
    accepted = bool(findings) and not any(f.counts for f in findings)
    if item.status in _FAILING and not accepted:
        # A missing good-practice item has only an observation; it still fails as missing.
        shown = gaps or findings
        failure = ET.SubElement(
            case,
            "failure",
            message=xml_safe("; ".join(f.message for f in shown) or item.status.value),
            type=item.status.value,
        )
        failure.text = xml_safe("\n".join(_describe(f) for f in findings))
    elif item.status is Status.NOT_APPLICABLE:
        ET.SubElement(case, "skipped", message=xml_safe(item.justification or "not applicable"))
    elif item.status is Status.NOT_ASSESSED:
        question = "; ".join(f.message for f in findings) or "judged by interview"
        ET.SubElement(case, "skipped", message=xml_safe(question))
    out = [f"Evidence: {e.path} (matched by {e.matched_by.value})" for e in item.evidence]
    if item.status not in _FAILING or accepted:
        out += [_describe(f) for f in findings]
    if out:
        ET.SubElement(case, "system-out").text = xml_safe("\n".join(out))


def _suite(clause_id: str, title: str, score: float | None) -> ET.Element:
    suite = ET.Element("testsuite", name=xml_safe(f"{clause_id} {title}".strip()))
    if score is not None:
        properties = ET.SubElement(suite, "properties")
        ET.SubElement(properties, "property", name="score", value=score_precise(score))
    return suite


def _count(suite: ET.Element, totals: dict[str, int]) -> None:
    cases = suite.findall("testcase")
    counts = {
        "tests": len(cases),
        "failures": sum(1 for c in cases if c.find("failure") is not None),
        "errors": 0,
        "skipped": sum(1 for c in cases if c.find("skipped") is not None),
    }
    for key, value in counts.items():
        suite.set(key, str(value))
        totals[key] += value


def render_junit(assessment: Assessment, context: RenderContext) -> str:
    parents = {c.id: c.parent for c in assessment.clauses}
    titles = {c.id: c.title for c in assessment.clauses}
    scores = {c.id: c.score for c in assessment.clauses}
    by_item: dict[str, list[Finding]] = {}
    for finding in assessment.findings:
        if finding.item is not None:
            by_item.setdefault(finding.item, []).append(finding)
    root = ET.Element("testsuites", name="iso20k")
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    suites: dict[str, ET.Element] = {}
    for item in assessment.items:
        top = _top(item.clause, parents)
        if top not in suites:
            suites[top] = _suite(top, titles.get(top, ""), scores.get(top))
        _case(suites[top], item, by_item.get(item.id, []))
    for suite in suites.values():
        _count(suite, totals)
        root.append(suite)
    for key, value in totals.items():
        root.set(key, str(value))
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"
