"""``catalogue show``: item ids in the tree, search by words and vocabulary, and suggestions
for a mistyped id (also from ``explain``)."""

from __future__ import annotations

import re

from conftest import AS_OF, MINI, Folder, Invoke
from folders import ready_folder

WIDE = {"COLUMNS": "120"}


def item_rows(stdout: str) -> list[str]:
    """The ids in the first column of a search result's item table."""
    lines = stdout.splitlines()
    start = next(n for n, line in enumerate(lines) if line.startswith("Item id"))
    rows = []
    for line in lines[start + 1 :]:
        if not line.strip():
            break
        if not line.startswith(" "):  # a folded title continues under its row
            rows.append(line.split()[0])
    return rows


def test_the_tree_lists_every_item_id_under_its_clause(cli: Invoke) -> None:
    result = cli("catalogue", "show", env=WIDE)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    clause = next(n for n, line in enumerate(lines) if re.match(r"\s+8\.6\.1\s", line))
    # The items of 8.6.1 follow it, before the next clause.
    following = "\n".join(lines[clause + 1 : clause + 4])
    assert "incident-management-procedure" in following
    assert "document, good practice" in following
    assert "incident-records" in following and "record, mandatory" in following
    shipped = cli("catalogue", "show", "--catalogue", MINI, env=WIDE).stdout
    for item_id in ("scope", "handbook", "incident-policy", "incident-records", "audit-reports"):
        assert re.search(rf"^\s+{item_id}\s", shipped, re.MULTILINE), item_id


def test_a_word_finds_the_items_whose_titles_or_ids_hold_it(cli: Invoke) -> None:
    result = cli("catalogue", "show", "incident", env=WIDE)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("'incident' matches 7 items and 2 clauses")
    assert item_rows(result.stdout) == [
        "major-incident-procedure",
        "incident-management-procedure",
        "incident-records",
        "major-incident-reports",
        # Post-incident reviews are how problems are found: a subject of problem management.
        "problem-management-procedure",
        "is-incident-procedure",
        "is-incident-records",
    ]
    assert re.search(r"^8\.6\.1\s+Incident management$", result.stdout, re.MULTILINE)
    # The case of what is typed does not matter.
    upper = cli("catalogue", "show", "Incident", env=WIDE).stdout
    assert upper == result.stdout.replace("'incident'", "'Incident'", 1)


def test_the_vocabulary_finds_what_an_abbreviation_stands_for(cli: Invoke) -> None:
    # "BCP" is in no title or id: the catalogue's vocabulary reads it as a continuity plan.
    result = cli("catalogue", "show", "BCP", env=WIDE)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("'BCP' matches 2 items\n")
    assert item_rows(result.stdout)[0] == "continuity-plan"
    assert "continuity-plan" in item_rows(cli("catalogue", "show", "DRP", env=WIDE).stdout)


def test_several_words_must_all_match(cli: Invoke) -> None:
    result = cli("catalogue", "show", "incident report", env=WIDE)
    assert result.exit_code == 0
    assert "major-incident-reports" in item_rows(result.stdout)
    assert "incident-management-procedure" not in item_rows(result.stdout)


def test_an_exact_id_still_shows_it_in_full(cli: Invoke) -> None:
    result = cli("catalogue", "show", "continuity-plan", env=WIDE)
    assert result.exit_code == 0
    assert result.stdout.startswith("Clause 8.7.2 Service continuity management\n")
    assert "(continuity-plan) — mandatory" in result.stdout


def test_a_typo_gets_the_nearest_id(cli: Invoke) -> None:
    result = cli("catalogue", "show", "incident-managment-procedure", env=WIDE)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "iso20k: error: 'incident-managment-procedure' is neither a clause nor an item of "
        "builtin:iso20000-1-2018.yaml, and no title or id holds those words; did you mean "
        "'incident-management-procedure'?\n"
    )
    clause = cli("catalogue", "show", "8.6.l", env=WIDE)
    assert clause.exit_code == 2
    assert "did you mean '8.6.1', '8.6.2' or '8.6.3'?" in clause.stderr
    nothing = cli("catalogue", "show", "zzzz", env=WIDE)
    assert nothing.exit_code == 2 and "did you mean" not in nothing.stderr


def test_explain_suggests_the_nearest_id(cli: Invoke, evidence: Folder) -> None:
    ready_folder(evidence)
    args = (evidence.root, "--catalogue", MINI, "--as-of", AS_OF)
    typo = cli("explain", *args[:1], "incident-polcy", *args[1:], env=WIDE)
    assert typo.exit_code == 2
    assert "did you mean 'incident-policy'?" in typo.stderr
    # A word, not an id: the items it finds are offered.
    word = cli("explain", *args[:1], "audit", *args[1:], env=WIDE)
    assert word.exit_code == 2
    assert "did you mean 'audit-reports'?" in word.stderr
    assert "'iso20k catalogue show WORDS' searches them" in word.stderr
    # A finding id with a mistyped item part.
    finding = cli("explain", *args[:1], "incident-polcy:approved", *args[1:], env=WIDE)
    assert "did you mean 'incident-policy'?" in finding.stderr


def test_at_60_columns_nothing_overflows_and_ids_stay_whole(cli: Invoke) -> None:
    narrow = {"COLUMNS": "60"}
    for args in ((), ("incident",)):
        result = cli("catalogue", "show", *args, env=narrow)
        assert result.exit_code == 0
        lines = result.stdout.splitlines()
        assert max(len(line) for line in lines) <= 60
        # An id is never cut across lines: each appears whole at the start of its row.
        assert re.search(r"^\s*incident-management-procedure\s", result.stdout, re.MULTILINE)
        assert re.search(r"^\s*major-incident-procedure\s", result.stdout, re.MULTILINE)
