"""``--format sarif``: SARIF 2.1.0 for code scanning (GitHub and other SARIF viewers).

One rule per kind of finding (a catalogue item and the check it failed, or a file
problem), one result per finding, located at the evidence files it concerns, or at
the evidence folder for a document that is missing. Each result carries a fingerprint
derived from the finding's id, so an alert keeps its identity across runs however its
message or file changes.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from iso20k_cli.assess.model import Assessment, Finding, ItemResult, Severity
from iso20k_cli.render.context import RenderContext
from iso20k_cli.render.locations import uri
from iso20k_cli.render.wording import acceptance_text, check_label, sentence

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "iso20kFindingId/v1"

LEVELS = {Severity.MAJOR: "error", Severity.MINOR: "warning", Severity.OBSERVATION: "note"}


def rule_id(finding: Finding) -> str:
    """Item findings: ``item:check`` (their id); file findings share one rule per check."""
    return f"{finding.item}:{finding.check}" if finding.item else finding.check


def fingerprint(finding: Finding) -> str:
    return hashlib.sha256(finding.id.encode("utf-8")).hexdigest()


def _rule(
    findings: list[Finding], item: ItemResult | None, standard: tuple[str, ...]
) -> dict[str, Any]:
    """``standard`` are the catalogue's tags, which every rule carries first."""
    first = findings[0]
    label = check_label(first.check)
    if item is not None:
        kind = f"{'mandatory' if item.mandatory else 'good-practice'} {item.kind}"
        short = f"{item.clause} {item.title}: {label}"
        full = f"Clause {item.clause}, {kind} '{item.title}' ({item.id}): {label}."
        tags = [*standard, f"clause-{item.clause}", item.kind, kind.split()[0], first.check]
    else:
        short = sentence(label)
        full = f"{short}: not about one requirement; the message says which file or entry."
        tags = [*standard, "evidence-file", first.check]
    advice = list(dict.fromkeys(f.recommendation for f in findings if f.recommendation))
    notes = list(dict.fromkeys(f.basis for f in findings if f.basis))
    text = "\n".join(advice + [f"Note: {n}" for n in notes])
    markdown = "\n\n".join(
        [f"**Recommendation:** {a}" for a in advice] + [f"*Note:* {n}" for n in notes]
    )
    return {
        "id": rule_id(first),
        "shortDescription": {"text": short},
        "fullDescription": {"text": full},
        "help": {"text": text or full, "markdown": markdown or full},
        "defaultConfiguration": {"level": LEVELS[first.severity]},
        "properties": {"tags": tags},
    }


def _locations(assessment: Assessment, finding: Finding) -> list[dict[str, Any]]:
    if not finding.paths:
        return [{"physicalLocation": {"artifactLocation": {"uri": uri(assessment.evidence_dir)}}}]
    # A finding concerns a whole document, whose document control starts on its first
    # line; code scanning places an alert only where a line is given.
    return [
        {
            "physicalLocation": {
                "artifactLocation": {"uri": uri(assessment.evidence_dir, path)},
                "region": {"startLine": 1},
            }
        }
        for path in finding.paths
    ]


def _result(
    assessment: Assessment, finding: Finding, index: int, context: RenderContext
) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": rule_id(finding),
        "ruleIndex": index,
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": _locations(assessment, finding),
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint(finding)},
        "properties": {
            "findingId": finding.id,
            "severity": finding.severity.value,
            "clause": finding.clause,
            "item": finding.item,
            "check": finding.check,
        },
    }
    if context.comparison is not None:
        result["baselineState"] = context.comparison.state(finding.id)
    if finding.accepted is not None and not finding.accepted.expired:
        # Code scanning shows a suppressed result as dismissed, with the justification.
        result["suppressions"] = [
            {
                "kind": "external",
                "status": "accepted",
                "justification": acceptance_text(finding),
            }
        ]
    return result


def render_sarif(assessment: Assessment, context: RenderContext) -> str:
    items = {i.id: i for i in assessment.items}
    by_rule: dict[str, list[Finding]] = {}
    for finding in assessment.findings:
        by_rule.setdefault(rule_id(finding), []).append(finding)
    order = sorted(by_rule)
    rules = [_rule(by_rule[r], items.get(by_rule[r][0].item or ""), context.tags) for r in order]
    index = {r: i for i, r in enumerate(order)}
    results = [_result(assessment, f, index[rule_id(f)], context) for f in assessment.findings]
    sarif = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "iso20k",
                        "version": assessment.tool_version,
                        "semanticVersion": assessment.tool_version,
                        "rules": rules,
                    }
                },
                "results": results,
                "properties": {
                    "readiness": assessment.score,
                    "asOf": assessment.as_of.isoformat(),
                    "catalogue": assessment.catalogue.id,
                    "configuration": assessment.configuration,
                },
            }
        ],
    }
    return json.dumps(sarif, indent=2, ensure_ascii=False) + "\n"
