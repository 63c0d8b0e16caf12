"""Interviews end to end: the questionnaire, the filled workbook, and what answers change.

Every test writes an evidence folder, runs ``iso20k interview`` on it with the shipped
catalogue, fills the workbook it wrote with openpyxl as a consultant would, and runs
``check``, ``report`` and ``explain`` with ``--answers``.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import docx
import jsonschema
import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from conftest import DATA, Folder, Invoke, Result
from factories import write_csv, write_zip_bomb
from iso20k_cli.settings.answers import CHOICES, COLUMNS, MAX_ANSWERS_BYTES, MAX_ROWS

AS_OF = "2026-09-01"
BODY = (
    "This document sets out who does what, when and how, for the services in scope, "
    "and how the results are recorded and reviewed by the owner at planned intervals."
)
CONTROL = dict(status="approved", approved="2026-03-01", review_due="2027-03-01", version="1.0")

ANSWERED = {
    # A clause judged by interview: testimony settles it.
    "clause:5.1": ("yes", "Board minutes 2026-06", "Alex Rowe, CEO"),
    # A condition: answered no, its items do not apply.
    "condition:supplier-disputes": ("no", "", "Sam Lee, supplier manager"),
    # Good practice, done: met on testimony.
    "item:incident-management-procedure": ("yes", "Wiki: Incident handling", "Jo Park"),
    # A mandatory document nobody wrote: testimony never makes it met.
    "item:continuity-risk-assessment": ("exists but undocumented", "", "Jo Park"),
}
INTERVIEWED = dt.date(2026, 9, 3)


def sms_folder(folder: Folder) -> Folder:
    """A small SMS: scope, policy, plan; most of the standard is still to do."""
    folder.add("SMS-Scope-Statement.md", f"# SMS Scope Statement\n\n{BODY}\n", **CONTROL)
    folder.add(
        "Service-Management-Policy.md", f"# Service Management Policy\n\n{BODY}\n", **CONTROL
    )
    folder.add("Service-Management-Plan.md", f"# Service Management Plan\n\n{BODY}\n", **CONTROL)
    return folder


def run(cli: Invoke, command: str, folder: Folder, *extra: str | Path) -> Result:
    return cli(command, folder.root, "--as-of", AS_OF, *extra)


def write_questionnaire(cli: Invoke, folder: Folder, target: Path) -> Worksheet:
    result = run(cli, "interview", folder, "-o", target)
    assert result.exit_code == 0, result.stderr
    assert f"wrote the questionnaire (xlsx) to {target}" in result.stderr
    sheet = openpyxl.load_workbook(target)["Questions"]
    assert isinstance(sheet, Worksheet)
    return sheet


def fill(
    questionnaire: Path, answers: dict[str, tuple[str, str, str]], target: Path
) -> dict[str, int]:
    """Answers typed into the workbook; the row of each question."""
    workbook = openpyxl.load_workbook(questionnaire)
    sheet = workbook["Questions"]
    header = [c.value for c in sheet[1]]
    column = {name: header.index(name) for name in COLUMNS}
    rows: dict[str, int] = {}
    for row in sheet.iter_rows(min_row=2):
        question = row[column["question id"]].value
        if question in answers:
            answer, reference, who = answers[str(question)]
            row[column["answer"]].value = answer
            row[column["evidence reference"]].value = reference or None
            row[column["interviewee"]].value = who
            row[column["date"]].value = INTERVIEWED
            rows[str(question)] = int(row[0].row or 0)
    workbook.save(target)
    assert set(rows) == set(answers), "every answered question is in the questionnaire"
    return rows


@pytest.fixture
def answered(cli: Invoke, evidence: Folder, tmp_path: Path) -> tuple[Folder, Path, dict[str, int]]:
    sms_folder(evidence)
    questionnaire = tmp_path / "questions.xlsx"
    write_questionnaire(cli, evidence, questionnaire)
    answers = tmp_path / "answers.xlsx"
    return evidence, answers, fill(questionnaire, ANSWERED, answers)


def by_id(entries: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {entry["id"]: entry for entry in entries}


# --- The questionnaire --------------------------------------------------------------


def test_markdown_questionnaire_asks_what_the_evidence_cannot_settle(
    cli: Invoke, evidence: Folder
) -> None:
    sms_folder(evidence)
    result = run(cli, "interview", evidence)
    assert result.exit_code == 0, result.stderr
    text = result.stdout
    assert text.startswith("# Interview questionnaire")
    # A clause with no documented information, with who to ask from the catalogue's owners.
    assert "### clause:5.1\n" in text
    section = text.split("### clause:5.1\n", 1)[1].split("###", 1)[0]
    assert "Leadership and commitment" in section
    assert "- Who to ask: Top management" in section
    # The condition's own question, and what it decides.
    condition = text.split("### condition:supplier-disputes", 1)[1].split("###", 1)[0]
    assert "contractual disputes with external suppliers" in condition
    assert "- Who to ask: Supplier manager" in condition
    # A missing mandatory document, and a missing good practice, each asked about.
    assert "### item:continuity-risk-assessment (clause 8.7.2)" in text
    assert "### item:incident-management-procedure (clause 8.6.1)" in text
    # A requirement the evidence settles is not asked about.
    assert "item:service-management-policy" not in text
    assert "(yes / no / not applicable / exists but undocumented)" in text


def test_workbook_is_made_to_be_filled_in_during_the_meeting(
    cli: Invoke, evidence: Folder, tmp_path: Path
) -> None:
    sms_folder(evidence)
    sheet = write_questionnaire(cli, evidence, tmp_path / "questions.xlsx")
    header = [c.value for c in sheet[1]]
    assert header[:8] == [
        "question id",
        "clause",
        "question",
        "who to ask",
        "answer",
        "evidence reference",
        "interviewee",
        "date",
    ]
    assert sheet.freeze_panes == "D2"
    assert sheet.print_title_rows == "$1:$1"
    assert sheet.page_setup.orientation == "landscape"
    ids = [row[0].value for row in sheet.iter_rows(min_row=2)]
    assert "clause:5.1" in ids and "condition:supplier-disputes" in ids
    assert len(ids) == len(set(ids))
    question = sheet.cell(row=2, column=3)
    assert question.alignment.wrap_text
    assert (sheet.column_dimensions["C"].width or 0) >= 60
    # The answer is picked from a list covering every question's row.
    lists = [dv for dv in sheet.data_validations.dataValidation if dv.type == "list"]
    assert len(lists) == 1
    assert lists[0].formula1 == '"' + ",".join(CHOICES) + '"'
    assert str(lists[0].sqref) == f"E2:E{len(ids) + 1}"
    assert sheet.cell(row=2, column=4).value  # who to ask is filled in for every question
    assert all(row[3].value for row in sheet.iter_rows(min_row=2))


def test_workbook_needs_an_output_file(cli: Invoke, evidence: Folder) -> None:
    sms_folder(evidence)
    result = run(cli, "interview", evidence, "--format", "xlsx")
    assert result.exit_code == 2
    assert "give --output FILE" in result.stderr


# --- What answers change ---------------------------------------------------------------


def test_answers_change_exactly_the_statuses_they_settle(
    cli: Invoke, answered: tuple[Folder, Path, dict[str, int]]
) -> None:
    folder, answers, rows = answered
    before = run(cli, "check", folder, "-f", "json", "--exit-zero").json()
    after = run(cli, "check", folder, "-f", "json", "--exit-zero", "--answers", answers).json()

    clauses_before, clauses_after = by_id(before["clauses"]), by_id(after["clauses"])
    items_before, items_after = by_id(before["items"]), by_id(after["items"])
    changed_items = {
        i for i in items_after if items_after[i]["status"] != items_before[i]["status"]
    }
    changed_clauses = {
        c for c in clauses_after if clauses_after[c]["status"] != clauses_before[c]["status"]
    }
    assert changed_items == {"incident-management-procedure", "contractual-disputes"}
    # 5.1 by its answer. A good-practice item met on testimony does not lift 8.6.1, whose
    # mandatory items are all missing, to partial: testimony never stands in for them.
    assert changed_clauses == {"5.1"}
    assert clauses_after["8.6.1"]["status"] == "missing"
    assert items_after["incident-management-procedure"]["status"] == "met"

    # The clause judged by interview is met on testimony, shown as interview evidence.
    assert clauses_before["5.1"]["status"] == "not_assessed"
    assert clauses_after["5.1"]["status"] == "met"
    assert clauses_after["5.1"]["score"] is None
    heard = clauses_after["5.1"]["interview"]
    assert heard["answer"] == "yes"
    assert heard["interviewee"] == "Alex Rowe, CEO"
    assert heard["date"] == "2026-09-03"
    assert heard["reference"] == "Board minutes 2026-06"
    assert heard["row"] == rows["clause:5.1"]
    assert heard["source"] == str(answers)

    # Condition answered no: not applicable, and no longer a question.
    disputes = items_after["contractual-disputes"]
    assert items_before["contractual-disputes"]["status"] == "not_assessed"
    assert disputes["status"] == "not_applicable"
    assert disputes["decided_by"] == "interview_not_applicable"
    assert disputes["interview"]["answer"] == "no"
    ids_before = {f["id"] for f in before["findings"]}
    ids_after = {f["id"] for f in after["findings"]}
    assert "contractual-disputes:applies_when" in ids_before - ids_after

    # Good practice stated at interview: met by testimony.
    practice = items_after["incident-management-procedure"]
    assert (items_before["incident-management-procedure"]["status"], practice["status"]) == (
        "missing",
        "met",
    )
    assert practice["decided_by"] == "interview_met"
    assert "incident-management-procedure:missing" in ids_before - ids_after

    # A missing mandatory document practised but undocumented stays a major finding.
    plan = items_after["continuity-risk-assessment"]
    assert plan["status"] == "missing" and plan["decided_by"] == "no_evidence"
    finding = by_id(after["findings"])["continuity-risk-assessment:missing"]
    assert finding["severity"] == "major"
    assert "practised but not documented" in finding["message"]
    assert "Jo Park" in finding["message"]
    assert finding["interview"]["answer"] == "undocumented"
    assert finding["recommendation"].startswith("Write 'Service continuity risk assessment' down")
    assert after["verdict"]["stage1_ready"] is False

    # The good-practice item is scored now, so the overall score can only have risen.
    assert after["score"] >= before["score"]
    assert after["answers_file"] == str(answers)
    assert [a["question"] for a in after["interview"]] == sorted(ANSWERED, key=lambda q: rows[q])
    assert before["answers_file"] is None and before["interview"] == []


def test_the_table_and_summary_show_testimony_as_such(
    cli: Invoke, answered: tuple[Folder, Path, dict[str, int]]
) -> None:
    folder, answers, _ = answered
    table = run(cli, "check", folder, "--answers", answers, "--exit-zero")
    assert table.exit_code == 0, table.stderr
    assert f"Interview evidence: 4 answers from {answers}" in " ".join(table.stdout.split())
    line = next(row for row in table.stdout.splitlines() if row.strip().startswith("5.1 "))
    assert line.split()[-1] == "met*"
    assert "* settled by interview evidence (testimony)" in table.stdout
    # The mark keeps the table as narrow as before: every header is whole at 80 columns.
    header = next(row for row in table.stdout.splitlines() if row.startswith("Clause"))
    assert header.split() == ["Clause", "Title", "Score", "Status", "Readiness"]
    summary = run(cli, "check", folder, "--answers", answers, "-f", "md", "--exit-zero")
    assert "| 5.1 | Leadership and commitment | - | met\\* |" in summary.stdout
    assert "\\* settled by interview evidence (testimony)" in summary.stdout
    assert "Interview evidence: 4 answers" in summary.stdout


def test_the_report_shows_the_answers_as_interview_evidence(
    cli: Invoke, answered: tuple[Folder, Path, dict[str, int]], tmp_path: Path
) -> None:
    folder, answers, rows = answered
    report = run(cli, "report", folder, "--format", "md", "--answers", answers)
    assert report.exit_code == 0, report.stderr
    text = report.stdout
    assert "### Interview evidence" in text
    assert "4 answers given at interview" in " ".join(text.split())  # in the method
    section = text.split("### Interview evidence", 1)[1]
    row = next(line for line in section.splitlines() if "clause:5.1" in line)
    assert "Alex Rowe, CEO" in row and "2026-09-03" in row and "Met (interview evidence)" in row
    assert f"answers.xlsx row {rows['clause:5.1']}" in row
    risk = next(line for line in section.splitlines() if "continuity-risk-assessment" in line)
    assert "exists but undocumented" in risk and "the finding remains" in risk
    # Testimony is not documented information: no strength is claimed for it.
    # (the folder documents no good practice, so that strength would name only testimony)
    assert "Good practice beyond the minimum" not in text
    html = run(cli, "report", folder, "--format", "html", "--answers", answers).stdout
    assert 'id="interview-evidence"' in html and "Alex Rowe, CEO" in html

    workbook_path = tmp_path / "plan.xlsx"
    written = run(cli, "report", folder, "-o", workbook_path, "--answers", answers)
    assert written.exit_code == 0, written.stderr
    sheet = openpyxl.load_workbook(workbook_path)["Interview evidence"]
    values = [[c.value for c in r] for r in sheet.iter_rows(min_row=2, max_row=5)]
    assert {v[0] for v in values} == set(ANSWERED)

    docx_path = tmp_path / "report.docx"
    assert run(cli, "report", folder, "-o", docx_path, "--answers", answers).exit_code == 0
    document = docx.Document(str(docx_path))
    cells = {c.text for t in document.tables for r in t.rows for c in r.cells}
    assert any("clause:5.1" in c for c in cells)
    assert "Interview evidence" in {p.text for p in document.paragraphs}


def test_sarif_with_answers_still_validates_and_words_the_testimony(
    cli: Invoke, answered: tuple[Folder, Path, dict[str, int]]
) -> None:
    folder, answers, _ = answered
    result = run(cli, "check", folder, "-f", "sarif", "--answers", answers, "--exit-zero")
    sarif = json.loads(result.stdout)
    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(sarif)
    messages = [r["message"]["text"] for r in sarif["runs"][0]["results"]]
    assert any("practised but not documented" in m and "Jo Park" in m for m in messages)


def test_explain_shows_the_answer_who_gave_it_when_and_where_it_is_written(
    cli: Invoke, answered: tuple[Folder, Path, dict[str, int]]
) -> None:
    folder, answers, rows = answered
    clause = run(cli, "explain", folder, "5.1", "--answers", answers)
    assert clause.exit_code == 0, clause.stderr
    flat = " ".join(clause.stdout.split())
    assert "Status: met" in flat
    assert (
        f"Interview evidence: clause:5.1 answered 'yes' by Alex Rowe, CEO, 2026-09-03, "
        f"answers.xlsx row {rows['clause:5.1']}; evidence reference: Board minutes 2026-06"
    ) in flat
    item = run(cli, "explain", folder, "continuity-risk-assessment", "--answers", answers)
    flat = " ".join(item.stdout.split())
    assert "Status: missing" in flat
    assert "answered 'exists but undocumented' by Jo Park" in flat
    assert "MAJOR [continuity-risk-assessment:missing]" in flat
    practice = run(cli, "explain", folder, "incident-management-procedure", "--answers", answers)
    assert "met by testimony" in " ".join(practice.stdout.split())


def test_a_mandatory_document_said_to_exist_is_still_missing(
    cli: Invoke, evidence: Folder, tmp_path: Path
) -> None:
    sms_folder(evidence)
    questionnaire = tmp_path / "q.xlsx"
    write_questionnaire(cli, evidence, questionnaire)
    answers = tmp_path / "a.xlsx"
    said = {"item:continuity-risk-assessment": ("yes", "SharePoint/BCM/risk.xlsx", "Jo Park")}
    fill(questionnaire, said, answers)
    result = run(cli, "check", evidence, "-f", "json", "--answers", answers, "--exit-zero").json()
    finding = by_id(result["findings"])["continuity-risk-assessment:missing"]
    assert finding["severity"] == "major"
    assert "stated at interview to exist" in finding["message"]
    assert "SharePoint/BCM/risk.xlsx" in finding["recommendation"]
    assert by_id(result["items"])["continuity-risk-assessment"]["status"] == "missing"


def test_a_condition_answered_yes_makes_its_requirements_due(
    cli: Invoke, evidence: Folder, tmp_path: Path
) -> None:
    sms_folder(evidence)
    questionnaire = tmp_path / "q.xlsx"
    write_questionnaire(cli, evidence, questionnaire)
    answers = tmp_path / "a.xlsx"
    fill(questionnaire, {"condition:supplier-disputes": ("yes", "", "Sam Lee")}, answers)
    result = run(cli, "check", evidence, "-f", "json", "--answers", answers, "--exit-zero").json()
    item = by_id(result["items"])["contractual-disputes"]
    assert item["status"] == "missing"
    assert item["interview"]["answer"] == "yes"
    finding = by_id(result["findings"])["contractual-disputes:missing"]
    assert finding["severity"] == "major"
    assert "answered 'yes'" in finding["basis"] and "Sam Lee" in finding["basis"]


def test_records_outweigh_testimony_that_a_condition_does_not_hold(
    cli: Invoke, evidence: Folder, tmp_path: Path
) -> None:
    sms_folder(evidence)
    evidence.add(
        "OLA-Infrastructure-Team.md",
        f"# Operational Level Agreement — Infrastructure Team\n\n{BODY}\n",
        **CONTROL,
    )
    answers = write_csv(
        tmp_path / "answers.csv",
        [["question id", "answer"], ["condition:internal-suppliers", "no"]],
    )
    without = run(cli, "check", evidence, "-f", "json", "--exit-zero").json()
    result = run(cli, "check", evidence, "-f", "json", "--answers", answers, "--exit-zero").json()
    before = by_id(without["items"])["internal-agreements"]
    item = by_id(result["items"])["internal-agreements"]
    assert before["evidence"] and before["status"] != "not_applicable"
    assert (item["status"], item["decided_by"]) == (before["status"], before["decided_by"])
    assert item["interview"]["answer"] == "no"


def test_a_clause_answered_no_is_a_finding(cli: Invoke, evidence: Folder, tmp_path: Path) -> None:
    sms_folder(evidence)
    answers = write_csv(
        tmp_path / "answers.csv",
        [
            ["question id", "answer", "interviewee", "date"],
            ["clause:7.3", "no", "Kim", "2026-09-02"],
        ],
    )
    result = run(cli, "check", evidence, "-f", "json", "--answers", answers, "--exit-zero").json()
    assert by_id(result["clauses"])["7.3"]["status"] == "missing"
    finding = by_id(result["findings"])["clause:7.3:interview"]
    assert finding["severity"] == "minor"
    assert "answered no at interview by Kim, 2026-09-02, answers.csv line 2" in finding["message"]


def test_answer_text_reaches_outputs_as_one_line_of_plain_text(
    cli: Invoke, evidence: Folder, tmp_path: Path
) -> None:
    sms_folder(evidence)
    answers = write_csv(
        tmp_path / "answers.csv",
        [
            ["question id", "answer", "interviewee", "evidence reference"],
            ["clause:5.1", " Yes ", "Alex\x1b[31m Rowe", "Board\nminutes"],
        ],
    )
    result = run(cli, "explain", evidence, "5.1", "--answers", answers)
    assert result.exit_code == 0, result.stderr
    assert "\x1b" not in result.stdout
    assert "answered 'yes' by Alex [31m Rowe" in " ".join(result.stdout.split())
    assert "evidence reference: Board minutes" in " ".join(result.stdout.split())


def test_answers_kept_as_yaml_are_read_and_named_by_line(
    cli: Invoke, evidence: Folder, tmp_path: Path
) -> None:
    sms_folder(evidence)
    answers = tmp_path / "answers.yaml"
    answers.write_text(
        "answers:\n"
        "  - question: condition:supplier-disputes\n"
        "    answer: no\n"
        "    interviewee: Sam Lee\n"
        "    date: 2026-09-03\n"
        "  - question: clause:5.1\n"
        "    answer: yes\n",
        encoding="utf-8",
    )
    result = run(cli, "check", evidence, "-f", "json", "--answers", answers, "--exit-zero")
    assert result.exit_code == 0, result.stderr
    item = by_id(result.json()["items"])["contractual-disputes"]
    assert item["status"] == "not_applicable"
    assert (item["interview"]["row"], item["interview"]["date"]) == (2, "2026-09-03")
    answers.write_text("- question: clause:5.1\n  answer: yes\n  who: Alex\n", encoding="utf-8")
    assert "answers.yaml: line 1: unknown key 'who'" in bad(cli, evidence, answers)


def test_answers_named_in_the_configuration_are_read_relative_to_it(
    cli: Invoke, evidence: Folder, tmp_path: Path
) -> None:
    sms_folder(evidence)
    settings = tmp_path / "engagement"
    write_csv(
        settings / "interviews" / "answers.csv",
        [["question id", "answer"], ["item:incident-management-procedure", "yes"]],
    )
    config = settings / "iso20k.yaml"
    config.write_text("answers: interviews/answers.csv\n", encoding="utf-8")
    result = run(cli, "check", evidence, "-f", "json", "--config", config, "--exit-zero").json()
    assert by_id(result["items"])["incident-management-procedure"]["decided_by"] == "interview_met"
    assert result["answers_file"] == str(settings / "interviews" / "answers.csv")


def test_the_questionnaire_keeps_answers_already_given(
    cli: Invoke, answered: tuple[Folder, Path, dict[str, int]], tmp_path: Path
) -> None:
    folder, answers, _ = answered
    again = tmp_path / "again.xlsx"
    result = run(cli, "interview", folder, "-o", again, "--answers", answers)
    assert result.exit_code == 0, result.stderr
    sheet = openpyxl.load_workbook(again)["Questions"]
    rows = {r[0].value: r for r in sheet.iter_rows(min_row=2)}
    assert rows["clause:5.1"][4].value == "yes"
    assert rows["clause:5.1"][6].value == "Alex Rowe, CEO"
    assert rows["item:incident-management-procedure"][4].value == "yes"


# --- Bad answers files ---------------------------------------------------------------------


def bad(cli: Invoke, evidence: Folder, answers: Path) -> str:
    sms_folder(evidence)
    result = run(cli, "check", evidence, "--answers", answers)
    assert result.exit_code == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    return " ".join(result.stderr.split())


def test_an_unknown_question_id_names_the_row_and_the_nearest_id(
    cli: Invoke, evidence: Folder, tmp_path: Path
) -> None:
    answers = write_csv(
        tmp_path / "answers.csv",
        [
            ["question id", "answer"],
            ["clause:5.1", "yes"],
            ["item:incident-managment-procedure", "no"],
        ],
    )
    message = bad(cli, evidence, answers)
    assert str(answers) in message
    assert "line 3: unknown question id 'item:incident-managment-procedure'" in message
    assert "did you mean 'item:incident-management-procedure'?" in message


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([["question id", "answer"], ["clause:5.1", "maybe"]], "line 2: 'maybe' is not an answer"),
        (
            [["question id", "answer", "date"], ["clause:5.1", "yes", "3rd Sept"]],
            "line 2: date '3rd Sept' is not in the form YYYY-MM-DD",
        ),
        (
            [["question id", "answer"], ["clause:5.1", "yes"], ["clause:5.1", "no"]],
            "line 3: question 'clause:5.1' is answered again (first at line 2)",
        ),
        ([["question id", "answer"], ["", "yes"]], "line 2: an answer with no question id"),
        ([["id", "reply"], ["clause:5.1", "yes"]], "no header row with a 'question id' column"),
        ([["question id", "reply"]], "line 1: the header has no 'answer' column"),
    ],
)
def test_a_bad_row_is_named(
    cli: Invoke, evidence: Folder, tmp_path: Path, rows: list[list[str]], expected: str
) -> None:
    answers = write_csv(tmp_path / "answers.csv", rows)
    message = bad(cli, evidence, answers)
    assert str(answers) in message
    assert expected in message


def test_a_bad_workbook_row_is_named_by_its_row(
    cli: Invoke, evidence: Folder, tmp_path: Path
) -> None:
    sms_folder(evidence)
    questionnaire = tmp_path / "q.xlsx"
    write_questionnaire(cli, evidence, questionnaire)
    answers = tmp_path / "a.xlsx"
    rows = fill(questionnaire, {"clause:5.1": ("perhaps", "", "Alex")}, answers)
    message = bad(cli, evidence, answers)
    assert f"row {rows['clause:5.1']}: 'perhaps' is not an answer" in message


def test_unusable_answers_files_are_refused(cli: Invoke, evidence: Folder, tmp_path: Path) -> None:
    missing = bad(cli, evidence, tmp_path / "nowhere.xlsx")
    assert "nowhere.xlsx: answers file not found" in missing
    damaged = tmp_path / "damaged.xlsx"
    damaged.write_bytes(b"PK\x03\x04 not really a workbook")
    assert "damaged.xlsx: cannot read the workbook" in bad(cli, evidence, damaged)
    notes = tmp_path / "notes.txt"
    notes.write_text("clause:5.1 yes\n", encoding="utf-8")
    assert "(.xlsx), a CSV file (.csv) or a YAML file (.yaml)" in bad(cli, evidence, notes)
    bomb = write_zip_bomb(tmp_path / "bomb.xlsx", uncompressed_mb=32)
    assert "bomb.xlsx: cannot read the workbook" in bad(cli, evidence, bomb)
    huge = tmp_path / "huge.csv"
    huge.write_bytes(b"question id,answer\n" + b"x" * MAX_ANSWERS_BYTES)
    assert "larger than 5 MB" in bad(cli, evidence, huge)


def test_rows_past_the_bound_are_not_read(cli: Invoke, evidence: Folder, tmp_path: Path) -> None:
    rows = [["question id", "answer"]] + [["", ""]] * (MAX_ROWS + 10)
    rows.append(["clause:5.1", "maybe"])  # past the bound: never read, so never an error
    answers = write_csv(tmp_path / "answers.csv", rows)
    sms_folder(evidence)
    result = run(cli, "check", evidence, "--answers", answers, "-f", "json", "--exit-zero")
    assert result.exit_code == 0, result.stderr
    assert result.json()["interview"] == []
