"""Matching precedence and precision."""

from __future__ import annotations

import datetime as dt

from conftest import MINI
from iso20k_cli.assess.match import MatchedBy, Matcher
from iso20k_cli.catalogue.loader import load_catalogue
from iso20k_cli.evidence.model import DocStatus, DocumentControl, EvidenceFile

CAT = load_catalogue(MINI)
MATCHER = Matcher(CAT)


def ef(path: str, title: str | None = None, text: str = "", **kw: object) -> EvidenceFile:
    return EvidenceFile(
        path=path,
        format="markdown",
        size=1,
        readable=True,
        title=title,
        text=text,
        **kw,  # type: ignore[arg-type]
    )


def links(file: EvidenceFile) -> dict[str, MatchedBy]:
    found, _ = MATCHER.links(file)
    return {link.item: link.matched_by for link in found}


def test_title_match() -> None:
    assert links(ef("x.md", "Our SMS Scope")) == {"scope": MatchedBy.TITLE}


def test_filename_match_with_separators_and_camel_case() -> None:
    assert links(ef("docs/ScopeStatement_v2.md")) == {"scope": MatchedBy.FILENAME}
    assert links(ef("INC-LOG-2026-09.md")) == {"incident-records": MatchedBy.FILENAME}


def test_filename_only_hint_does_not_match_titles() -> None:
    # "inc log" is a file-name short form; in a title it is not trusted.
    assert links(ef("notes.md", "Inc log")) == {}


def test_declaration_wins_and_excludes_other_links() -> None:
    file = ef("scope-statement.md", "Scope statement", declared=("audit-reports",))
    assert links(file) == {"audit-reports": MatchedBy.DECLARED}


def test_declared_clause_links_records_for_a_dated_file() -> None:
    file = ef("pack.md", declared=("2.1",), record_dates=(dt.date(2026, 10, 1),))
    assert links(file) == {
        "incident-records": MatchedBy.DECLARED,
        "security-incidents": MatchedBy.DECLARED,
    }
    doc = ef(
        "pack.md",
        declared=("2.1",),
        control=DocumentControl(status=DocStatus.APPROVED),
    )
    assert links(doc) == {"incident-policy": MatchedBy.DECLARED}


def test_unknown_declaration_is_a_warning() -> None:
    found, warnings = MATCHER.links(ef("x.md", declared=("99.9",)))
    assert found == ()
    assert warnings and "'99.9'" in warnings[0]


def test_longer_phrase_of_another_item_wins() -> None:
    # "security incident log" contains "incident log"; only the longer one counts.
    assert links(ef("Security-Incident-Log-2026.md")) == {"security-incidents": MatchedBy.FILENAME}


def test_exclude_vetoes_match() -> None:
    assert "incident-records" not in links(ef("x.md", "Security incident records"))


def test_content_match_is_weak_and_needs_enough_keywords() -> None:
    two = ef("notes.md", text="What is in scope and what is out of scope.")
    assert links(two) == {}
    four = ef(
        "notes.md",
        text="In scope: hosting. Out of scope: none. Locations: Portmere. Services covered: all.",
    )
    assert links(four) == {"scope": MatchedBy.CONTENT}


def test_title_match_suppresses_content_match() -> None:
    text = "In scope, out of scope, locations, services covered."
    assert links(ef("a.md", "Internal audit report", text=text)) == {
        "audit-reports": MatchedBy.TITLE
    }
