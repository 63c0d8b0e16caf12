"""What a user reads when a file they wrote is invalid: plain sentences with file and line.

Each case is a real bad file run through the command line; none of pydantic's own wording
("Input should be", "Value error", "Field required", "Extra inputs") may reach the user.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import MINI, Folder, Invoke
from folders import check, ready_folder

PYDANTIC_WORDS = (
    "Input should",
    "Value error",
    "Field required",
    "Extra inputs",
    "instance of",
    "valid dictionary",
    "[0]",
)


def plain(stderr: str) -> None:
    for words in PYDANTIC_WORDS:
        assert words not in stderr, stderr


CONFIG_CASES = [
    ("scoppe: All services\n", 1, "unknown key 'scoppe' (did you mean 'scope'?)"),
    (
        "not_applicable: {item: scope}\n",
        1,
        "'not_applicable' must be a list of entries with the keys clause, item, "
        "justification, not a mapping",
    ),
    (
        "organisation: A\nnot_applicable:\n  - scope\n",
        3,
        "not_applicable entry 1 must be a mapping with the keys clause, item, "
        "justification, not the text 'scope'",
    ),
    (
        "not_applicable:\n  - item: scope\n",
        2,
        "not_applicable entry 1: missing required key 'justification'",
    ),
    (
        "not_applicable:\n  - item: scope\n    justification: short\n",
        3,
        "not_applicable entry 1: 'justification' must be at least 10 characters long",
    ),
    (
        "not_applicable:\n  - item: scope\n    clause: '4'\n    justification: Not in scope.\n",
        2,
        "not_applicable entry 1 is not valid: give exactly one of 'clause' or 'item'",
    ),
    ("git: maybe\n", 1, "'git' must be true or false, not 'maybe'"),
    ("fail_on: fatal\n", 1, "'fail_on' must be 'major', 'minor' or 'observation', not 'fatal'"),
    ("fail_under: lots\n", 1, "'fail_under' must be a number, not 'lots'"),
    ("fail_under: 150\n", 1, "'fail_under' must be at most 100, not 150"),
    (
        "defaults:\n  review_interval_months: often\n",
        2,
        "defaults: 'review_interval_months' must be a whole number, not 'often'",
    ),
    ("audit_date: next March\n", 1, "'audit_date' must be a date written YYYY-MM-DD"),
    ("organisation: [A, B]\n", 1, "'organisation' must be text, not a list"),
    (
        "organisation: 1234\n",
        1,
        "'organisation' must be text, not the number 1234 (quote it: \"1234\")",
    ),
    ("organisation: true\n", 1, "'organisation' must be text, not true (quote it: \"true\")"),
    ("date_order: ''\n", 1, "'date_order' must be 'dmy', 'mdy' or 'ymd', not empty text"),
    (
        "checks:\n  records_span:\n    min_dayz: 30\n",
        3,
        "checks: records_span: unknown key 'min_dayz' (did you mean 'min_days'?)",
    ),
    (
        "checks:\n  records_span:\n    min_days: 0\n",
        3,
        "checks: records_span: 'min_days' must be at least 1, not 0",
    ),
]


@pytest.mark.parametrize(
    ("text", "line", "message"), CONFIG_CASES, ids=[c[2] for c in CONFIG_CASES]
)
def test_a_bad_configuration_is_told_in_plain_words(
    cli: Invoke, evidence: Folder, text: str, line: int, message: str
) -> None:
    ready_folder(evidence)
    evidence.add(".iso20k.yaml", text)
    result = check(cli, evidence)
    assert result.exit_code == 2
    assert f".iso20k.yaml:{line}: {message}" in result.stderr
    plain(result.stderr)


def test_every_problem_of_a_configuration_is_listed_by_line(cli: Invoke, evidence: Folder) -> None:
    ready_folder(evidence)
    config = evidence.add(
        ".iso20k.yaml", "fail_under: lots\nscoppe: x\norganisaton: y\ngit: maybe\n"
    )
    result = check(cli, evidence)
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert lines == [
        f"iso20k: error: {config}:1: 'fail_under' must be a number, not 'lots'",
        f"  {config}:2: unknown key 'scoppe' (did you mean 'scope'?)",
        f"  {config}:3: unknown key 'organisaton' (did you mean 'organisation'?)",
        f"  {config}:4: 'git' must be true or false, not 'maybe'",
    ]


CATALOGUE_HEAD = """\
schema_version: 1
standard:
  id: broken
  title: A broken catalogue
clauses:
"""


def test_catalogue_validate_lists_every_problem_with_its_line(cli: Invoke, tmp_path: Path) -> None:
    text = CATALOGUE_HEAD + (
        "  - id: '4'\n"  # 6
        "    title: Context\n"
        "    documents:\n"
        "      - id: scope\n"  # 9
        "        title: Scope\n"
        "        mandatory: maybe\n"  # 11
        "        basis: Clause 4.3\n"
        "        checks:\n"
        "          - type: nosuch\n"  # 14
        "          - type: review_interval\n"
        "            months: often\n"  # 16
        "  - idd: '5'\n"  # 17
        "    title: [a]\n"  # 18
    )
    path = tmp_path / "broken.yaml"
    path.write_text(text, encoding="utf-8")
    result = cli("catalogue", "validate", path)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"iso20k: error: {path}:11: clauses entry 1, documents entry 1: 'mandatory' must be "
        "true or false, not 'maybe'",
        f"  {path}:14: clauses entry 1, documents entry 1, checks entry 1 names an unknown "
        "check type 'nosuch' (known: 'approved', 'document_control', 'current_version', "
        "'review_interval', 'latest_record_age', 'records_span', 'min_count', 'currency', "
        "'signature', 'parties', 'term', 'covers_topics', 'audit_impartiality', "
        "'corrective_actions')",
        f"  {path}:16: clauses entry 1, documents entry 1, checks entry 2: 'months' must be "
        "a whole number, not 'often'",
        f"  {path}:17: clauses entry 2: missing required key 'id'",
        f"  {path}:17: clauses entry 2: unknown key 'idd' (did you mean 'id'?)",
        f"  {path}:18: clauses entry 2: 'title' must be text, not a list",
    ]


def test_a_long_list_of_catalogue_problems_ends_with_how_many_more(
    cli: Invoke, tmp_path: Path
) -> None:
    clauses = "".join(f"  - id: '{n}'\n    title: [t]\n" for n in range(1, 16))
    path = tmp_path / "many.yaml"
    path.write_text(CATALOGUE_HEAD + clauses, encoding="utf-8")
    result = cli("catalogue", "validate", path)
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 11 and lines[-1] == "  and 5 more problems"
    assert lines[0].endswith(f"{path}:7: clauses entry 1: 'title' must be text, not a list")
    assert lines[9] == f"  {path}:25: clauses entry 10: 'title' must be text, not a list"


def test_a_bad_manifest_is_told_in_plain_words(cli: Invoke, evidence: Folder) -> None:
    ready_folder(evidence)
    evidence.add(
        "evidence.yaml",
        "files:\n  - path: a.pdf\n    satisfies: scope\n    approvd: 2024-01-01\n  - path: ''\n",
    )
    result = check(cli, evidence)
    assert result.exit_code == 2
    assert "evidence.yaml:3: files entry 1: 'satisfies' must be a list, not the text 'scope'" in (
        result.stderr
    )
    assert "evidence.yaml:4: files entry 1: unknown key 'approvd' (did you mean 'approved'?)" in (
        result.stderr
    )
    assert "evidence.yaml:5: files entry 2: 'path' must be at least 1 character long" in (
        result.stderr
    )
    plain(result.stderr)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--depth", "9"], "Invalid value for '--depth': must be at most 6, not 9"),
        (["--depth", "deep"], "Invalid value for '--depth': must be a whole number, not 'deep'"),
        (["--fail-under", "101"], "Invalid value for '--fail-under': must be at most 100, not 101"),
        (
            ["--format", "pdf"],
            "Invalid value for '--format' / '-f': 'pdf' is not one of 'table', 'json',",
        ),
    ],
)
def test_a_refused_option_value_is_told_in_plain_words(
    cli: Invoke, evidence: Folder, args: list[str], message: str
) -> None:
    ready_folder(evidence)
    result = cli("check", evidence.root, "--catalogue", MINI, *args)
    assert result.exit_code == 2
    assert message in result.stderr
    plain(result.stderr)
