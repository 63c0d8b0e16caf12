"""``parties``: an agreement or contract says whom it is between.

An agreement is identified by its parties rather than by an owner and a version
number: "This agreement is made between Harbourside Ltd and Portmere Logistics",
"Customer: … / Supplier: …", a "Parties" line or table, or the signature block of
each party ("For and on behalf of …"). A standard SLA that is a schedule of each
customer's contract takes its parties from that contract. An agreement that names no
party cannot be tied to the customer or supplier it binds; since the parties may be
stated where the tool does not look, this is an observation by default.

Read from the opening of the text (and its signature lines at the end) with string
operations, each line cut short.
"""

from __future__ import annotations

from typing import Literal

from iso20k_cli.checks.base import CheckContext, CheckSpec, Outcome, graded
from iso20k_cli.evidence.model import EvidenceFile
from iso20k_cli.severity import Severity

NAME = "parties"
EXAMPLE = "- type: parties"
LABEL = "parties not named"
METHOD = (
    "parties: an agreement or contract (judged by its parties instead of an owner and a "
    "version) says whom it is between; one that names no party is an observation, since the "
    "parties may be stated where they were not looked for"
)
READS_CONTENT = True

_HEAD_CHARS = 20_000
_TAIL_CHARS = 20_000
_LINE_CHARS = 300
_BETWEEN_REACH = 200  # "between A and B": the "and" comes within a sentence
_OPENING_CHARS = 2_000  # where a schedule says whose contract it belongs to
_WHOLE = frozenset({"parties", "between", "party to the agreement", "contracting parties"})
_ROLES = frozenset(
    {
        "customer", "client", "supplier", "provider", "service provider", "vendor",
        "contractor", "buyer", "purchaser", "seller", "licensor", "licensee", "party a",
        "party b", "first party", "second party", "the customer", "the supplier",
        "the provider", "service recipient", "recipient",
    }
)  # fmt: skip
_ON_BEHALF = "for and on behalf of"
_SCHEDULE_WORDS = ("schedule", "annex", "appendix", "attachment", "exhibit")
_CONTRACT_WORDS = ("contract", "agreement")


class Spec(CheckSpec):
    type: Literal["parties"]


def _label_value(line: str) -> tuple[str, str] | None:
    text = line[:_LINE_CHARS].replace("*", "").replace("_", " ").strip()
    if "|" in text:
        cells = [c.strip() for c in text.strip("|").split("|")]
        return (cells[0].lower(), cells[1]) if len(cells) > 1 else None
    label, found, value = text.partition(":")
    return (" ".join(label.lower().split()), value.strip()) if found else None


def _between(line: str) -> str | None:
    text = line[:_LINE_CHARS].replace("*", "")
    low = text.lower()
    start = low.find("between ")
    if start < 0:
        return None
    reach = start + len("between ")
    joined = low.find(" and ", reach, reach + _BETWEEN_REACH)
    return text[start:].strip() if joined > reach else None


def named_parties(file: EvidenceFile) -> str | None:
    """How the file names its parties (the line that does), or None."""
    text = file.text
    head = text[:_HEAD_CHARS]
    roles: dict[str, str] = {}
    behalf: set[str] = set()
    for line in head.splitlines():
        pair = _label_value(line)
        if pair is not None and pair[1]:
            label, value = pair
            if label in _WHOLE:
                return f"{label}: {value}"
            if label in _ROLES:
                roles.setdefault(value.lower(), f"{label}: {value}")
        between = _between(line)
        if between is not None:
            return between
    tail = text[-_TAIL_CHARS:] if len(text) > _HEAD_CHARS else head
    for line in tail.splitlines():
        low = line[:_LINE_CHARS].replace("*", "").strip().lower()
        if low.startswith(_ON_BEHALF) and low[len(_ON_BEHALF) :].strip(" :"):
            behalf.add(low[len(_ON_BEHALF) :].strip(" :"))
    if len(roles) >= 2:
        return "; ".join(list(roles.values())[:2])
    if len(behalf) >= 2:
        return f"signed for and on behalf of {len(behalf)} parties"
    return None


def _schedule(file: EvidenceFile) -> bool:
    """Whether the agreement says it is a schedule or annex of contracts."""
    opening = file.text[:_OPENING_CHARS].lower()
    return any(w in opening for w in _SCHEDULE_WORDS) and any(w in opening for w in _CONTRACT_WORDS)


def run(spec: Spec, ctx: CheckContext) -> list[Outcome]:
    doc = ctx.current
    if not doc.readable or not doc.text.strip():
        return [Outcome(NAME, None, f"{doc.path} has no text to read; its parties are not judged")]
    named = named_parties(doc)
    if named is not None:
        return [Outcome(NAME, None, f"{doc.path} names its parties ({named[:120]})")]
    if _schedule(doc):
        return [
            Outcome(NAME, None, f"{doc.path} is a schedule of contracts, whose parties it takes")
        ]
    return [
        Outcome(
            NAME,
            graded(spec, Severity.OBSERVATION),
            f"'{ctx.item.title}' does not say whom it is between ({doc.path})",
            "State the parties: a 'Parties' line, 'between … and …' in the opening, or a "
            "signature block for each party.",
            (doc.path,),
        )
    ]
