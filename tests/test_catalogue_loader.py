"""Loading catalogues: the mini test catalogue, and every way a catalogue can be malformed."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import MINI, Invoke
from iso20k_cli.catalogue.loader import load_catalogue
from iso20k_cli.errors import CatalogueError

VALID_HEAD = """\
schema_version: 1
standard:
  id: t
  title: T
clauses:
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "cat.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def error_of(tmp_path: Path, text: str) -> CatalogueError:
    path = write(tmp_path, text)
    with pytest.raises(CatalogueError) as info:
        load_catalogue(path)
    return info.value


def test_mini_catalogue_builds_tree_and_items() -> None:
    cat = load_catalogue(MINI)
    assert cat.clause_order == ("1", "1.1", "1.2", "2", "2.1", "2.2")
    assert cat.clause("1.1").parent == "1"
    assert cat.clause("2.1").depth == 1
    assert cat.clause("2").children == ("2.1", "2.2")
    assert [i.id for i in cat.items_under("2")] == [
        "incident-policy",
        "incident-records",
        "security-incidents",
        "audit-reports",
    ]
    assert cat.item("incident-records").kind.value == "record"
    assert cat.item("scope").kind.value == "document"
    assert cat.item("handbook").source.uncertain
    assert cat.path == str(MINI)


def test_invalid_yaml_names_file_and_line(tmp_path: Path) -> None:
    err = error_of(tmp_path, VALID_HEAD + '  - id: "1"\n    title: [unclosed\n')
    assert err.path == str(tmp_path / "cat.yaml")
    assert err.line is not None and err.line >= 7
    assert "invalid YAML" in str(err)


def test_unknown_key_is_named_with_its_line(tmp_path: Path) -> None:
    err = error_of(tmp_path, VALID_HEAD + '  - id: "1"\n    title: One\n    colour: blue\n')
    assert err.line == 8
    assert "unknown key 'colour'" in err.message
    assert err.message.startswith("clauses entry 1: unknown key 'colour' (known keys: id, title,")


def test_unknown_key_in_nested_item(tmp_path: Path) -> None:
    text = VALID_HEAD + (
        '  - id: "1"\n    title: One\n    documents:\n'
        "      - id: a\n        title: Alpha doc\n        mandatory: true\n        basis: x\n"
        "        match:\n          title: [oops]\n"
    )
    err = error_of(tmp_path, text)
    assert err.line == 14
    assert err.message == (
        "clauses entry 1, documents entry 1, match: unknown key 'title' (did you mean 'titles'?)"
    )


def test_duplicate_clause_id(tmp_path: Path) -> None:
    err = error_of(
        tmp_path, VALID_HEAD + '  - id: "1"\n    title: One\n  - id: "1"\n    title: Again\n'
    )
    assert "duplicate clause id '1'" in err.message
    assert err.line == 8


def test_duplicate_item_id(tmp_path: Path) -> None:
    item = "      - id: a\n        title: Alpha doc\n        mandatory: true\n        basis: x\n"
    text = VALID_HEAD + f'  - id: "1"\n    title: One\n    documents:\n{item}    records:\n{item}'
    err = error_of(tmp_path, text)
    assert "duplicate item id 'a'" in err.message
    assert err.line == 14


def test_reference_to_missing_clause(tmp_path: Path) -> None:
    text = VALID_HEAD + (
        '  - id: "1"\n    title: One\n    documents:\n'
        "      - id: a\n        title: Alpha doc\n        mandatory: true\n        basis: x\n"
        '        related: ["9.9"]\n'
    )
    err = error_of(tmp_path, text)
    assert "refers to clause '9.9', which does not exist" in err.message
    assert err.line == 13


def test_missing_parent_clause(tmp_path: Path) -> None:
    err = error_of(
        tmp_path, VALID_HEAD + '  - id: "1"\n    title: One\n  - id: "2.1"\n    title: Orphan\n'
    )
    assert "parent clause '2'" in err.message
    assert err.line == 8


def test_gate_naming_unknown_item(tmp_path: Path) -> None:
    text = VALID_HEAD.replace("clauses:\n", "gates:\n  performed: [nope]\nclauses:\n")
    err = error_of(tmp_path, text + '  - id: "1"\n    title: One\n')
    assert "gate refers to item 'nope'" in err.message
    assert err.line == 6


def test_unquoted_numeric_clause_id_gets_a_hint(tmp_path: Path) -> None:
    err = error_of(tmp_path, VALID_HEAD + "  - id: 4.1\n    title: One\n")
    assert "quote it" in err.message
    assert err.line == 6


def test_unknown_check_type(tmp_path: Path) -> None:
    text = VALID_HEAD + (
        '  - id: "1"\n    title: One\n    documents:\n'
        "      - id: a\n        title: Alpha doc\n        mandatory: true\n        basis: x\n"
        "        checks:\n          - type: signed_in_blood\n"
    )
    err = error_of(tmp_path, text)
    assert "signed_in_blood" in err.message
    assert err.line == 14


def test_bad_check_parameter(tmp_path: Path) -> None:
    text = VALID_HEAD + (
        '  - id: "1"\n    title: One\n    records:\n'
        "      - id: a\n        title: Alpha rec\n        mandatory: true\n        basis: x\n"
        "        checks:\n          - type: records_span\n            min_days: 0\n"
    )
    err = error_of(tmp_path, text)
    assert "min_days" in err.message
    assert err.line == 15


def test_duplicate_yaml_key(tmp_path: Path) -> None:
    err = error_of(tmp_path, VALID_HEAD + '  - id: "1"\n    title: One\n    title: Two\n')
    assert "duplicate key" in err.message
    assert err.line == 8


def test_missing_required_key(tmp_path: Path) -> None:
    err = error_of(tmp_path, VALID_HEAD + '  - id: "1"\n')
    assert "missing required key 'title'" in err.message


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(CatalogueError, match="file not found"):
        load_catalogue(tmp_path / "absent.yaml")


def test_cli_validate_ok_and_bad(cli: Invoke, tmp_path: Path) -> None:
    ok = cli("catalogue", "validate", MINI)
    assert ok.exit_code == 0
    assert "valid: 6 clauses, 6 items (5 mandatory)" in ok.stdout
    bad = write(tmp_path, VALID_HEAD + '  - id: "1"\n    title: One\n    colour: blue\n')
    result = cli("catalogue", "validate", bad)
    assert result.exit_code == 2
    assert f"{bad}:8:" in result.stderr
    assert "unknown key 'colour'" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_cli_show_tree_clause_and_item(cli: Invoke) -> None:
    tree = cli("catalogue", "show", "--catalogue", MINI)
    assert tree.exit_code == 0
    assert "Scope and policy" in tree.stdout and "Interviews only" in tree.stdout
    clause = cli("catalogue", "show", "1.2", "--catalogue", MINI)
    assert "assessed by interview" in clause.stdout
    item = cli("catalogue", "show", "handbook", "--catalogue", MINI)
    assert "good practice" in item.stdout and "unverified" in item.stdout
    missing = cli("catalogue", "show", "7.7", "--catalogue", MINI)
    assert missing.exit_code == 2
    assert "'7.7' is neither a clause nor an item" in missing.stderr


def test_broader_must_name_another_item(tmp_path: Path) -> None:
    text = VALID_HEAD + (
        '  - id: "1"\n    title: One\n    documents:\n'
        "      - id: a\n        title: Alpha doc\n        mandatory: true\n        basis: x\n"
        "        match:\n          broader: [nope]\n"
    )
    err = error_of(tmp_path, text)
    assert "item 'a' declares itself narrower than 'nope', which does not exist" in err.message
    assert err.line == 14
    sections = error_of(tmp_path, text.replace("broader: [nope]", "in_sections_of: [a]"))
    assert "item 'a' may be a section of the documents of itself" in sections.message
    assert sections.line == 14
    stated = error_of(tmp_path, text.replace("broader: [nope]", "stated_in: [slas]"))
    assert "item 'a' may be stated in the documents of 'slas', which does not exist" in (
        stated.message
    )
    assert stated.line == 14
    measured = error_of(tmp_path, text.replace("broader: [nope]", "measured_in: [a]"))
    assert "item 'a' may be measured in the reports of itself" in measured.message
    function = error_of(tmp_path, text.replace("broader: [nope]", "functions: [hr]"))
    assert "item 'a' names the function 'hr', which the vocabulary does not declare" in (
        function.message
    )
    assert function.line == 14


def test_vocabulary_and_genres_are_validated(tmp_path: Path) -> None:
    text = VALID_HEAD.replace(
        "clauses:\n", "vocabulary:\n  genres:\n    leaflet: [flyer]\nclauses:\n"
    ) + ('  - id: "1"\n    title: One\n')
    err = error_of(tmp_path, text)
    assert "leaflet" in err.message
    assert err.line is not None and err.line >= 7


REPORT_CLAUSES = """\
  - id: "1"
    title: One
  - id: "1.1"
    title: One one
    documents:
      - id: scope
        title: Scope doc
        mandatory: true
        basis: "1.1"
"""


@pytest.mark.parametrize(
    ("report", "message", "line"),
    [
        ("report:\n  scope_item: nope\n", "report scope_item refers to item 'nope'", 6),
        (
            'report:\n  stage1_records: ["1", "9.2"]\n',
            "report stage1_records refers to clause '9.2', which does not exist",
            6,
        ),
        (
            'report:\n  document_control: "7.5"\n',
            "report document_control refers to clause '7.5', which does not exist",
            6,
        ),
        (
            'report:\n  phases:\n    - name: First\n      clauses: ["1", "2"]\n',
            "report phase 'First' refers to clause '2', which does not exist",
            8,
        ),
        (
            'report:\n  owners:\n    "1": Someone\n    "3": Someone else\n',
            "report owners refers to clause '3', which does not exist",
            8,
        ),
        (
            'report:\n  phases:\n    - name: First\n      clauses: ["1"]\n'
            '    - name: Second\n      clauses: ["1.1", "1"]\n',
            "clause '1' is in phase 'First' already",
            10,
        ),
        (
            'report:\n  phases:\n    - name: First\n      clauses: ["1"]\n'
            '    - name: First\n      clauses: ["1.1"]\n',
            "report phase 'First' is declared twice",
            9,
        ),
        (
            "report:\n  phases:\n    - name: First\n      clauses: []\n",
            "report.phases entry 1: 'clauses' must have at least 1 entry",
            8,
        ),
        (
            "report:\n  owners:\n    1: Someone\n",
            "report.owners",
            7,
        ),
    ],
)
def test_report_section_names_what_exists(
    tmp_path: Path, report: str, message: str, line: int
) -> None:
    text = VALID_HEAD.replace("clauses:\n", report + "clauses:\n") + REPORT_CLAUSES
    err = error_of(tmp_path, text)
    assert message in err.message
    assert err.line == line


def test_a_phase_may_hold_a_clause_once_per_kind_of_item(tmp_path: Path) -> None:
    report = (
        "report:\n  phases:\n"
        '    - name: Documents\n      clauses: ["1"]\n      kind: document\n'
        '    - name: Records\n      clauses: ["1"]\n      kind: record\n'
    )
    cat = load_catalogue(
        write(tmp_path, VALID_HEAD.replace("clauses:\n", report + "clauses:\n") + REPORT_CLAUSES)
    )
    assert [p.name for p in cat.report.phases] == ["Documents", "Records"]


@pytest.mark.parametrize(
    ("notes", "message"),
    [
        ("  default_interval: every {months} months, {days} days\n", "{months}"),
        ("  record_period: about {days.__class__} days of records\n", "{days}"),
        ("  record_period: about {0} days of records\n", "{days}"),
        ("  mandatory_words: x\n", "unknown key 'mandatory_words'"),
    ],
)
def test_notes_hold_only_their_own_placeholder(tmp_path: Path, notes: str, message: str) -> None:
    text = VALID_HEAD.replace("clauses:\n", "notes:\n" + notes + "clauses:\n") + REPORT_CLAUSES
    err = error_of(tmp_path, text)
    assert message in err.message
    assert err.line == 6


def test_notes_fill_in_their_placeholder(tmp_path: Path) -> None:
    notes = (
        "notes:\n  default_interval: a {months}-month cycle, {months} again\n"
        "  record_period: auditors ask for {days} days\n"
    )
    cat = load_catalogue(
        write(tmp_path, VALID_HEAD.replace("clauses:\n", notes + "clauses:\n") + REPORT_CLAUSES)
    )
    assert cat.notes.interval(6) == "a 6-month cycle, 6 again"
    assert cat.notes.period(90) == "auditors ask for 90 days"
    # Left out, a note names no standard.
    assert "standard asks" not in load_catalogue(MINI).notes.interval(12)
