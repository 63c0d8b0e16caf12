"""``audit_impartiality``: no auditor audits a process they own or is among the auditees.

Internal audits must be objective and impartial (9.2). Each audit report names its
auditor(s) and scope ("Auditor: …", "Scope: …", "Auditees: …", in a table or as
lines); process owners come from the evidence of the items in ``owners_from`` (a
table with "Process" and "Owner" columns, such as the SMS process manual). An
auditor matches an owner by name or by role.
"""

from __future__ import annotations

import re
from typing import Literal

from iso20k_cli.checks.base import CheckContext, CheckSpec, Outcome, graded
from iso20k_cli.checks.rows import cell, records
from iso20k_cli.recognise.normalise import joined, words
from iso20k_cli.severity import Severity

NAME = "audit_impartiality"
EXAMPLE = """- type: audit_impartiality
  owners_from: [sms-processes, roles-responsibilities]"""

_LABEL = re.compile(
    r"^\s*\|?\s*(?:\*\*)?(?P<label>lead auditor|auditors?|audit team|auditees?|scope)(?:\*\*)?"
    r"\s*(?:\||:)\s*(?P<value>.+?)\s*\|?\s*$",
    re.IGNORECASE,
)
_PROCESS = re.compile(r"^process", re.IGNORECASE)
_OWNER = re.compile(r"owner", re.IGNORECASE)
_GENERIC = {"management", "process", "and", "the", "of", "service", "services"}


class Spec(CheckSpec):
    type: Literal["audit_impartiality"]
    owners_from: tuple[str, ...] = ()


def _labelled(text: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {"auditor": [], "auditee": [], "scope": []}
    for line in text.splitlines()[:200]:
        match = _LABEL.match(line)
        if match is None:
            continue
        label = match["label"].lower()
        key = "scope" if label == "scope" else "auditee" if "auditee" in label else "auditor"
        found[key].append(match["value"])
    return found


def _people(value: str) -> list[str]:
    """Names and roles in 'Aisha Bello, Quality and Compliance Lead — independent …'."""
    head = re.split(r"\s[—–-]\s|\(|;", value)[0]
    return [p.strip() for p in head.split(",") if len(p.strip()) > 2]


def _contains(haystack: str, needle: str) -> bool:
    target = words(needle)
    return bool(target) and joined(target) in joined(words(haystack))


def _owners(ctx: CheckContext, spec: Spec) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for item_id in spec.owners_from:
        for header, row in records(ctx.evidence.get(item_id, ()), (_PROCESS, _OWNER)):
            process, owner = cell(header, row, _PROCESS), cell(header, row, _OWNER)
            if process and owner:
                pairs.append((re.sub(r"\bP2\b.*$", "", process).strip(), owner))
    return pairs


def _in_scope(process: str, scope: str) -> bool:
    """A process is in scope when its distinctive words appear there ('change management')."""
    if _contains(scope, process):
        return True
    core = [w for w in words(process) if w not in _GENERIC]
    return bool(core) and joined(tuple(core)) in joined(words(scope))


def run(spec: Spec, ctx: CheckContext) -> list[Outcome]:
    owners = _owners(ctx, spec)
    outcomes: list[Outcome] = []
    unnamed: list[str] = []
    for file in ctx.files:
        if not file.readable:
            continue
        found = _labelled(file.text)
        auditors = [p for value in found["auditor"] for p in _people(value)]
        if not auditors:
            unnamed.append(file.path)
            continue
        scope = " ".join(found["scope"]) or (file.title or "")
        auditees = " ".join(found["auditee"])
        conflicts = sorted(
            {
                f"{auditor} owns '{process}', which the audit covered"
                for auditor in auditors
                for process, owner in owners
                if (_contains(owner, auditor) or _contains(auditor, owner))
                and _in_scope(process, scope)
            }
            | {
                f"{auditor} is also listed as an auditee"
                for a in [auditees]
                for auditor in auditors
                if a and _contains(a, auditor)
            }
        )
        if conflicts:
            outcomes.append(
                Outcome(
                    NAME,
                    graded(spec, Severity.MINOR),
                    f"impartiality of the audit in {file.path} is in doubt: "
                    + "; ".join(conflicts),
                    "Have the process audited by someone who does not own or work in it (another "
                    "internal auditor or an external associate), and record why they are "
                    "independent.",
                    (file.path,),
                    key=file.path,
                )
            )
    if unnamed:
        outcomes.append(
            Outcome(
                NAME,
                Severity.OBSERVATION,
                f"the auditor is not named in {', '.join(unnamed)}; impartiality cannot be shown",
                "Name the auditor(s) and the audit scope in each audit report.",
                tuple(unnamed),
                key="unnamed",
            )
        )
    if not outcomes:
        checked = len([f for f in ctx.files if f.readable])
        note = f" against {len(owners)} process owners" if owners else ""
        return [Outcome(NAME, None, f"{checked} audit report(s) checked{note}; no conflict")]
    return outcomes
