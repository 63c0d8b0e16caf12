"""``explain`` states the status and score that ``check`` decided, for every item and clause.

The explanation is built from what the run recorded (``assess/explain.py``), so the two
cannot disagree; these tests hold that line on the example and on a copy of it changed to
take every other way an item can be decided.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from conftest import AS_OF, REPO, Invoke
from iso20k_cli.assess.explain import Target, explanation_of
from iso20k_cli.assess.pipeline import RunOptions, run_pipeline
from iso20k_cli.render.explain import render_explanation
from iso20k_cli.render.plain import plain_text

EXAMPLE = REPO / "examples" / "harbourside"
WIDTH = 250  # wide enough that no table row wraps

VARIANT_CONFIG = """\
organisation: Harbourside Digital Services Ltd
ignore: [README.md]
not_applicable:
  - item: customer-satisfaction-results
    justification: "No customers were surveyed in the period under assessment."
  - clause: "10.2"
    justification: "Improvement is out of this pre-assessment's scope, by agreement."
conditions:
  new-or-changed-services: false
accepted:
  - finding: "objectives-plans:approved"
    justification: "Approval is scheduled for the next board meeting."
    accepted_by: J. Smith
    expires: 2027-01-01
"""


def variant(root: Path) -> Path:
    """The example, with items declared not applicable (one by name, a clause's by its
    clause), a condition answered no, a nil return, a file that only suggests an item by
    its content, and an accepted finding."""
    shutil.copytree(EXAMPLE, root)
    (root / "01-context" / "SMS Scope Statement.md").unlink()
    (root / "kickoff-notes.md").write_text(
        "# Notes from the kickoff\n\nWe discussed the scope of the service management system "
        "and the scope statement. The services in scope are hosting and the desk. Out of "
        "scope: nothing. Locations covered: Portmere. Organizational boundaries: the whole "
        "company. The SMS scope was agreed.\n",
        encoding="utf-8",
    )
    (root / "05-services" / "contractual-disputes-2026.md").write_text(
        "---\ntitle: Contractual disputes record 2026\ndate: 2026-10-01\n---\n"
        "# Contractual disputes 2026\n\nContractual disputes with external suppliers are "
        "recorded here as they arise and are managed to closure by the supplier manager, who "
        "reviews this record every quarter.\n\nNone this period.\n",
        encoding="utf-8",
    )
    (root / ".iso20k.yaml").write_text(VARIANT_CONFIG, encoding="utf-8")
    return root


def explained(folder: Path) -> dict[str, str]:
    """What ``iso20k explain`` prints for every clause and item of the catalogue, by id."""
    run = run_pipeline(RunOptions(folder, dt.date.fromisoformat(AS_OF)))
    targets = [Target("clause", c.id) for c in run.catalogue.clauses] + [
        Target("item", i.id) for i in run.catalogue.items
    ]
    texts = {}
    for target in targets:
        explanation = explanation_of(run.catalogue, run.assessment, target)
        draw = lambda console, _plain, x=explanation: render_explanation(x, console)  # noqa: E731
        texts[target.id] = plain_text(draw, width=WIDTH)
    return texts


STATUSES = "met|partial|missing|not_applicable|not_assessed"


def item_score(score: float | None) -> str:
    # As the JSON result holds it: 70, or 66.7 when it has a fraction.
    return "—" if score is None else f"{score:g}"


def clause_score(score: float | None) -> str:
    return item_score(score)


def stated(pattern: str, text: str) -> tuple[str, ...]:
    found = re.search(pattern, text, re.MULTILINE)
    assert found is not None, f"{pattern!r} not in:\n{text}"
    return found.groups()


def check_explain_agrees(cli: Invoke, folder: Path) -> dict[str, Any]:
    result = cli("check", folder, "--as-of", AS_OF, "-f", "json", "--exit-zero")
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = result.json()
    texts = explained(folder)
    items = {i["id"]: i for i in data["items"]}
    for item in data["items"]:
        text = texts[item["id"]]
        status, score = stated(r"^Status: (\S+); score (\S+), weight \d+$", text)
        assert (status, score) == (item["status"], item_score(item["score"])), item["id"]
        # The closing sentence says the same, in words.
        reason = " ".join(text.split("How the status follows", 1)[1].split())
        if item["score"] is None:
            assert "left out of every score" in reason, item["id"]
        else:
            said = stated(r"(met|partial|missing), score (\d+)\.", reason)
            assert said == (item["status"], item_score(item["score"])), item["id"]
    for clause in data["clauses"]:
        text = texts[clause["id"]]
        status, score = stated(r"^Status: (\S+); score (\S+)$", text)
        assert (status, score) == (clause["status"], clause_score(clause["score"])), clause["id"]
        if clause["items"]:
            (worked,) = stated(r"^  Score: (\S+)\.$", text)
            assert worked == clause_score(clause["score"]), clause["id"]
        # Each item row in the clause's table shows the item's own status and score.
        rows = re.findall(rf"\(([a-z0-9-]+)\) +({STATUSES}) +(\S+) +(\S+)$", text, re.MULTILINE)
        assert len(rows) == clause["items"], clause["id"]
        for item_id, status, score, _weight in rows:
            item = items[item_id]
            assert (status, score) == (item["status"], item_score(item["score"])), item_id
    return data


def test_explain_and_check_agree_on_every_item_and_clause_of_the_example(cli: Invoke) -> None:
    data = check_explain_agrees(cli, EXAMPLE)
    assert {i["decided_by"] for i in data["items"]} == {
        "checks_passed",
        "checks_failed",
        "no_evidence",
        "condition_unanswered",
    }


@pytest.fixture(scope="module")
def changed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return variant(tmp_path_factory.mktemp("variant") / "evidence")


def test_explain_and_check_agree_however_an_item_was_decided(cli: Invoke, changed: Path) -> None:
    data = check_explain_agrees(cli, changed)
    decided = {i["id"]: i["decided_by"] for i in data["items"]}
    assert decided["customer-satisfaction-results"] == "declared_not_applicable"
    assert decided["improvement-register"] == "declared_not_applicable"  # by its clause
    assert decided["service-design"] == "condition_answered_no"
    assert decided["contractual-disputes"] == "nil_return"
    assert decided["sms-scope"] == "weak_evidence"
    assert set(decided.values()) >= {"checks_passed", "checks_failed", "no_evidence"}


@pytest.mark.parametrize(
    ("target", "said"),
    [
        # A file that only suggests the item leaves it missing, and explain says why.
        (
            "sms-scope",
            "Only weak (content) matches were found, which never count as evidence: "
            "missing, score 0.",
        ),
        (
            "contractual-disputes",
            "The evidence records that there was nothing to record this period: met, score 100.",
        ),
        ("service-design", "Declared not applicable in the configuration"),
    ],
)
def test_the_command_prints_the_explanation(
    cli: Invoke, changed: Path, target: str, said: str
) -> None:
    result = cli("explain", changed, target, "--as-of", AS_OF, env={"COLUMNS": str(WIDTH)})
    assert result.exit_code == 0, result.stderr
    assert result.stdout == explained(changed)[target]
    assert said in " ".join(result.stdout.split())
