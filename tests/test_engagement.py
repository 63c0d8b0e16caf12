"""A whole engagement through the command line, as a consultant and an SMS manager run it.

``init`` a documentation repository, write a few of its documents, ``check`` it, write
the interview questionnaire, answer it in the workbook, and see the answers change
statuses in ``check``, ``report`` and ``explain``, each showing them as interview evidence.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import openpyxl

from conftest import AS_OF, Invoke

# The interviews took place a week before the assessment date.
INTERVIEWED = "2026-11-14"


def by_id(rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {row["id"]: row for row in rows}


def write_document(path: Path, owner: str, approver: str) -> None:
    """What a service manager does with a starter: the instructions replaced by the
    organisation's own text, the owner and approver named, the document approved."""
    text = path.read_text(encoding="utf-8")
    head, _, body = text.partition("\n---\n")
    head = (
        head.replace('owner: ""', f'owner: "{owner}"')
        .replace('approver: ""', f'approver: "{approver}"')
        .replace("status: draft", "status: approved\napproved: 2026-10-01")
        .replace('version: "0.1"', 'version: "1.0"')
    )
    # Every bracketed instruction becomes a sentence of the organisation's own.
    body = re.sub(
        r"\[[^\]\n]*\]",
        "Northwind Hosting applies this to its managed hosting and service desk services, "
        "reviews it every year and records each change in the document history.",
        body,
    )
    path.write_text(f"{head}\n---\n{body}", encoding="utf-8")


def check_json(cli: Invoke, repo: Path, *extra: str | Path) -> dict[str, Any]:
    result = cli("check", repo, "--as-of", AS_OF, "-f", "json", "--exit-zero", *extra)
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = result.json()
    return data


def answer(workbook: Path, answers: dict[str, str]) -> None:
    """Fill in the questionnaire as a consultant does during the meeting."""
    book = openpyxl.load_workbook(workbook)
    sheet = book["Questions"]
    header = [cell.value for cell in sheet[1]]
    column = {name: index + 1 for index, name in enumerate(header)}
    seen = set()
    for row in range(2, sheet.max_row + 1):
        question = str(sheet.cell(row, column["question id"]).value)
        if question in answers:
            sheet.cell(row, column["answer"]).value = answers[question]
            sheet.cell(row, column["interviewee"]).value = "R. Patel, service manager"
            sheet.cell(row, column["date"]).value = INTERVIEWED
            seen.add(question)
    assert seen == set(answers), f"not in the questionnaire: {set(answers) - seen}"
    book.save(workbook)


def test_init_check_interview_answer_and_see_the_answers_weigh(cli: Invoke, tmp_path: Path) -> None:
    repo = tmp_path / "sms"

    # 1. A documentation repository to start from.
    made = cli("init", repo, "--as-of", AS_OF)
    assert made.exit_code == 0, made.stderr
    policy = repo / "05-leadership" / "5.2.1-service-management-policy.md"
    scope = repo / "04-context" / "4.3-sms-scope-statement.md"
    assert policy.is_file() and scope.is_file()
    (repo / ".iso20k.yaml").write_text(
        "organisation: Northwind Hosting Ltd\nscope: Managed hosting and service desk\n",
        encoding="utf-8",
    )

    # 2. Untouched starters are templates, never evidence: the policy is missing.
    first = check_json(cli, repo)
    assert by_id(first["items"])["sm-policy"]["status"] == "missing"
    assert any(
        "template" in miss["reason"] for miss in by_id(first["items"])["sm-policy"]["near_misses"]
    )

    # 3. Two documents written and approved now count, and are met.
    write_document(policy, "Head of Service Management", "Managing Director")
    write_document(scope, "Head of Service Management", "Managing Director")
    written = check_json(cli, repo)
    items = by_id(written["items"])
    assert items["sm-policy"]["status"] == "met", items["sm-policy"]["checks"]
    assert items["sms-scope"]["status"] == "met", items["sms-scope"]["checks"]
    assert written["score"] > first["score"]
    clauses = by_id(written["clauses"])
    assert clauses["5.1"]["status"] == "not_assessed"  # judged by interview, still unanswered
    disputes = [i for i in written["items"] if i["id"] == "contractual-disputes"]
    assert disputes and disputes[0]["status"] == "not_assessed"

    # 4. The questionnaire for what the documents cannot settle, as a workbook.
    workbook = tmp_path / "questions.xlsx"
    asked = cli("interview", repo, "--as-of", AS_OF, "-o", workbook)
    assert asked.exit_code == 0, asked.stderr
    answer(
        workbook,
        {
            "clause:5.1": "yes",
            "condition:supplier-disputes": "no",
            "item:sm-objectives": "exists but undocumented",
        },
    )

    # 5. check: the answers settle what they answer, and nothing mandatory.
    answered = check_json(cli, repo, "--answers", workbook)
    items, clauses = by_id(answered["items"]), by_id(answered["clauses"])
    assert clauses["5.1"]["status"] == "met"
    assert clauses["5.1"]["interview"] is not None
    assert items["contractual-disputes"]["status"] == "not_applicable"
    assert items["contractual-disputes"]["decided_by"] == "interview_not_applicable"
    # A mandatory document said to be practised but not written is still missing.
    objectives = items["sm-objectives"]
    assert objectives["status"] == "missing"
    assert objectives["interview"] is not None
    assert answered["answers_file"] is not None
    before = by_id(written["items"])
    changed = {i for i in items if items[i]["status"] != before[i]["status"]}
    assert changed == {"contractual-disputes"}, changed

    # 6. report: the answers are listed as interview evidence, with who gave them and when.
    report = tmp_path / "report.md"
    wrote = cli("report", repo, "--as-of", AS_OF, "--answers", workbook, "-f", "md", "-o", report)
    assert wrote.exit_code == 0, wrote.stderr
    text = report.read_text(encoding="utf-8")
    assert "Interview evidence" in text
    assert "R. Patel, service manager" in text and INTERVIEWED in text

    # 7. explain: the answer that settled 5.1, who gave it, when, and where it is written.
    explained = cli("explain", repo, "5.1", "--as-of", AS_OF, "--answers", workbook)
    assert explained.exit_code == 0, explained.stderr
    assert "R. Patel, service manager" in explained.stdout
    assert "questions.xlsx" in explained.stdout
    assert "met" in explained.stdout


def test_the_action_plan_says_how_to_start_each_missing_document(
    cli: Invoke, tmp_path: Path
) -> None:
    repo = tmp_path / "sms"
    assert cli("init", repo, "--as-of", AS_OF).exit_code == 0
    write_document(
        repo / "05-leadership" / "5.2.1-service-management-policy.md", "Head of SM", "MD"
    )
    for starter in repo.rglob("*.md"):
        if "5.2.1" not in starter.name and "4.3" not in starter.name:
            starter.unlink()  # a folder with only some of its documents
    report = tmp_path / "report.md"
    made = cli("report", repo, "--as-of", AS_OF, "-f", "md", "-o", report)
    assert made.exit_code == 0, made.stderr
    missing = [
        i
        for i in check_json(cli, repo)["items"]
        if i["mandatory"] and i["kind"] == "document" and i["status"] == "missing"
    ]
    hint = re.search(r"'iso20k init NEW_FOLDER --only-missing ([^']+)'", report.read_text("utf-8"))
    assert hint is not None and f"For the {len(missing)} mandatory documents" in hint.string
    # The command the report gives does what it says: a starter for each missing document.
    fresh = tmp_path / "starters"
    started = cli("init", fresh, "--only-missing", hint.group(1), "--as-of", AS_OF)
    assert started.exit_code == 0, started.stderr
    assert len(list(fresh.rglob("*.md"))) == len(missing)
    page = tmp_path / "report.html"
    assert cli("report", repo, "--as-of", AS_OF, "-o", page).exit_code == 0
    assert "iso20k init NEW_FOLDER --only-missing" in page.read_text("utf-8")
