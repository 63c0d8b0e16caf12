"""Mandatory evidence decides a clause; conditional items (applies_when) and their answers.

Every test runs the CLI on a folder and a catalogue written here: a clause of supplier
management with a mandatory contract, a good-practice procedure and a conditional
dispute log; a clause with good-practice items only; a clause of internal agreements
whose two items share one condition.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from conftest import AS_OF, Folder, Invoke, Result

CATALOGUE = """\
schema_version: 1
standard:
  id: test
  title: Test standard
clauses:
  - id: "1"
    title: Operation
  - id: "1.1"
    title: Suppliers
    documents:
      - id: contracts
        title: Supplier contracts
        mandatory: true
        basis: "1.1"
        match:
          titles: ["supplier contract"]
        checks:
          - type: approved
      - id: supplier-procedure
        title: Supplier procedure
        mandatory: false
        basis: good practice
        match:
          titles: ["supplier procedure"]
    records:
      - id: disputes
        title: Records of disputes
        mandatory: true
        basis: "1.1"
        applies_when:
          condition: disputes
          question: "Were there disputes with suppliers in the period?"
          none_phrases: ["no disputes"]
        match:
          titles: ["dispute log"]
  - id: "1.2"
    title: Knowledge
    documents:
      - id: knowledge-base
        title: Knowledge base
        mandatory: false
        basis: good practice
        match:
          titles: ["knowledge base"]
      - id: lessons
        title: Lessons learned
        mandatory: false
        basis: good practice
        match:
          titles: ["lessons learned"]
  - id: "1.3"
    title: Internal suppliers
    documents:
      - id: olas
        title: Internal agreements
        mandatory: true
        basis: "1.3"
        applies_when:
          condition: internal-suppliers
          question: "Are there internal suppliers?"
        match:
          titles: ["operational level agreement"]
    records:
      - id: ola-reviews
        title: Internal agreement reviews
        mandatory: true
        basis: "1.3"
        applies_when:
          condition: internal-suppliers
          question: "Are there internal suppliers?"
        match:
          titles: ["ola review"]
"""


@pytest.fixture
def catalogue(tmp_path: Path) -> Path:
    path = tmp_path / "catalogue.yaml"
    path.write_text(CATALOGUE, encoding="utf-8")
    return path


def _contract(evidence: Folder) -> None:
    evidence.add(
        "Supplier Contract Acme.md",
        "# Supplier contract: Acme\n\nTerms.\n",
        status="approved",
        approved="2026-03-01",
    )


def _run(
    cli: Invoke, evidence: Folder, catalogue: Path, *extra: str | Path, config: str | None = None
) -> Result:
    args: list[str | Path] = ["check", evidence.root, "--catalogue", catalogue, "--as-of", AS_OF]
    if config is not None:
        path = evidence.root.parent / "settings.yaml"
        path.write_text(config, encoding="utf-8")
        args += ["--config", path]
    return cli(*args, *extra)


def _json(cli: Invoke, evidence: Folder, catalogue: Path, config: str | None = None) -> Any:
    return _run(cli, evidence, catalogue, "-f", "json", config=config).json()


def _clauses(data: Any) -> dict[str, tuple[str, float | None]]:
    return {c["id"]: (c["status"], c["score"]) for c in data["clauses"]}


def _items(data: Any) -> dict[str, dict[str, Any]]:
    return {i["id"]: i for i in data["items"]}


def _findings(data: Any) -> dict[str, str]:
    return {f["id"]: f["severity"] for f in data["findings"]}


def test_met_mandatory_items_make_the_clause_met_whatever_good_practice_is_missing(
    cli: Invoke, evidence: Folder, catalogue: Path
) -> None:
    _contract(evidence)
    data = _json(cli, evidence, catalogue)
    clauses = _clauses(data)
    assert clauses["1.1"] == ("met", 100.0)
    # The missing procedure is still reported, as an observation.
    assert _findings(data)["supplier-procedure:missing"] == "observation"
    # Nothing else counts against the parent or the overall score.
    assert clauses["1"] == ("met", 100.0)
    assert data["score"] == 100.0


def test_good_practice_lifts_a_missing_clause_to_partial_but_never_lowers_it(
    cli: Invoke, evidence: Folder, catalogue: Path
) -> None:
    evidence.add("Supplier Procedure.md", "# Supplier procedure\n\nSteps.\n")
    data = _json(cli, evidence, catalogue)
    assert _items(data)["contracts"]["status"] == "missing"
    assert _findings(data)["contracts:missing"] == "major"
    # Weighted 1 against the contract's 3: (0×3 + 100×1) / 4.
    assert _clauses(data)["1.1"] == ("partial", 25.0)


def test_a_clause_with_good_practice_items_only_is_never_a_red_gap(
    cli: Invoke, evidence: Folder, catalogue: Path
) -> None:
    _contract(evidence)
    data = _json(cli, evidence, catalogue)
    assert _clauses(data)["1.2"] == ("not_assessed", None)
    assert _findings(data)["knowledge-base:missing"] == "observation"
    assert _findings(data)["lessons:missing"] == "observation"
    md = cli("report", evidence.root, "--catalogue", catalogue, "--as-of", AS_OF, "-f", "md").stdout
    assert "| 1.2 | Knowledge | — | ○ By interview |" in md
    assert "#### 1.2 Knowledge: —, By interview" in md
    # It has items to show, so it is not among the clauses with nothing to examine.
    assert "Judged by interview, with no documented information to examine: 1.2" not in md
    explained = " ".join(
        cli(
            "explain", evidence.root, "1.2", "--catalogue", catalogue, "--as-of", AS_OF
        ).stdout.split()
    )
    assert "Good-practice items only and none of the 2 present" in explained
    assert "Mandatory evidence decides a clause" in explained


def test_a_clause_with_good_practice_items_only_is_met_when_one_is_present(
    cli: Invoke, evidence: Folder, catalogue: Path
) -> None:
    _contract(evidence)
    evidence.add("Knowledge Base.md", "# Knowledge base\n\nHow we keep what we know.\n")
    data = _json(cli, evidence, catalogue)
    assert _clauses(data)["1.2"] == ("met", 100.0)
    assert _findings(data)["lessons:missing"] == "observation"


def test_a_conditional_item_without_evidence_or_answer_is_a_question_not_a_major(
    cli: Invoke, evidence: Folder, catalogue: Path
) -> None:
    _contract(evidence)
    result = _run(cli, evidence, catalogue, "-f", "json")
    data = result.json()
    disputes = _items(data)["disputes"]
    assert (disputes["status"], disputes["score"]) == ("not_assessed", None)
    finding = next(f for f in data["findings"] if f["item"] == "disputes")
    assert (finding["id"], finding["severity"]) == ("disputes:applies_when", "observation")
    assert "Were there disputes with suppliers in the period?" in finding["message"]
    assert "conditions: {disputes: true}" in finding["recommendation"]
    assert not any(f["severity"] == "major" for f in data["findings"])
    assert result.exit_code == 0
    # JUnit skips it with the question, as it skips an item not applicable.
    junit = ET.fromstring(_run(cli, evidence, catalogue, "-f", "junit").stdout)
    case = next(c for c in junit.iter("testcase") if "[disputes]" in c.get("name", ""))
    skipped = case.find("skipped")
    assert skipped is not None and "disputes with suppliers" in skipped.get("message", "")
    assert case.find("failure") is None


def test_configuration_answers_a_condition(cli: Invoke, evidence: Folder, catalogue: Path) -> None:
    _contract(evidence)
    no = _json(cli, evidence, catalogue, config="conditions:\n  disputes: false\n")
    disputes = _items(no)["disputes"]
    assert disputes["status"] == "not_applicable"
    assert (
        "answers no to 'Were there disputes with suppliers in the period?'"
        in (disputes["justification"])
    )
    assert not [f for f in no["findings"] if f["item"] == "disputes"]

    yes = _run(cli, evidence, catalogue, "-f", "json", config="conditions:\n  disputes: true\n")
    assert yes.exit_code == 1
    finding = next(f for f in yes.json()["findings"] if f["item"] == "disputes")
    assert (finding["id"], finding["severity"]) == ("disputes:missing", "major")
    assert "the configuration answers yes" in finding["basis"]
    assert _clauses(yes.json())["1.1"] == ("partial", 50.0)


def test_a_nil_return_meets_a_conditional_item(
    cli: Invoke, evidence: Folder, catalogue: Path
) -> None:
    _contract(evidence)
    # A record must be dated: an undated note that there were none proves nothing.
    evidence.add(
        "Dispute Log 2026.md",
        "# Dispute log 2026\n\nQ3 2026: no disputes.\n",
        record_date="2026-09-30",
    )
    data = _json(cli, evidence, catalogue)
    disputes = _items(data)["disputes"]
    assert disputes["status"] == "met"
    assert [c["check"] for c in disputes["checks"]] == ["nil_return"]
    assert "Dispute Log 2026.md" in disputes["checks"][0]["message"]
    assert not [f for f in data["findings"] if f["item"] == "disputes"]


def test_a_log_with_entries_is_judged_like_any_evidence(
    cli: Invoke, evidence: Folder, catalogue: Path
) -> None:
    _contract(evidence)
    evidence.add(
        "Dispute Log 2026.md",
        "# Dispute log 2026\n\n| Date | Supplier | Dispute |\n|---|---|---|\n"
        "| 2026-09-02 | Acme | Late delivery credit |\n",
    )
    disputes = _items(_json(cli, evidence, catalogue))["disputes"]
    assert disputes["status"] == "met"
    assert "nil_return" not in [c["check"] for c in disputes["checks"]]


def test_evidence_of_one_item_settles_a_shared_condition_for_the_others(
    cli: Invoke, evidence: Folder, catalogue: Path
) -> None:
    _contract(evidence)
    evidence.add("Operational Level Agreement Infra.md", "# Operational level agreement\n\nX.\n")
    data = _json(cli, evidence, catalogue)
    # An agreement with an internal supplier shows there are internal suppliers: its
    # reviews are due too, a gap and not a question.
    finding = next(f for f in data["findings"] if f["item"] == "ola-reviews")
    assert (finding["id"], finding["severity"]) == ("ola-reviews:missing", "major")
    assert "the evidence of 'olas' answers yes" in finding["basis"]


def test_an_unknown_condition_in_the_configuration_is_an_input_error(
    cli: Invoke, evidence: Folder, catalogue: Path
) -> None:
    result = _run(
        cli, evidence, catalogue, config="organisation: Acme\nconditions:\n  dispute: false\n"
    )
    assert result.exit_code == 2
    assert "settings.yaml:3: conditions: 'dispute' is not a condition of the catalogue" in (
        result.stderr
    )
    assert "known: disputes, internal-suppliers" in result.stderr
    assert "Traceback" not in result.stderr
    bad_value = _run(cli, evidence, catalogue, config="conditions:\n  disputes: perhaps\n")
    assert bad_value.exit_code == 2
    assert "settings.yaml:2" in bad_value.stderr


def test_items_that_share_a_condition_must_ask_the_same_question(
    cli: Invoke, tmp_path: Path
) -> None:
    first, _, rest = CATALOGUE.rpartition('question: "Are there internal suppliers?"')
    text = first + 'question: "Are there in-house suppliers?"' + rest
    path = tmp_path / "cat.yaml"
    path.write_text(text, encoding="utf-8")
    result = cli("catalogue", "validate", path)
    assert result.exit_code == 2
    line = text.splitlines().index('          question: "Are there in-house suppliers?"') + 1
    assert f"cat.yaml:{line}:" in result.stderr
    assert (
        "item 'ola-reviews' asks a different question for condition 'internal-suppliers' "
        "than item 'olas' does"
    ) in result.stderr


def test_the_catalogue_loader_requires_a_question(cli: Invoke, tmp_path: Path) -> None:
    text = CATALOGUE.replace(
        '          question: "Were there disputes with suppliers in the period?"\n', ""
    )
    path = tmp_path / "cat.yaml"
    path.write_text(text, encoding="utf-8")
    result = cli("catalogue", "validate", path)
    assert result.exit_code == 2
    line = text.splitlines().index("        applies_when:") + 1
    assert f"cat.yaml:{line}:" in result.stderr and "question" in result.stderr
