"""The shipped ISO/IEC 20000-1:2018 catalogue is right about the standard.

These facts come from the domain reference (its clause tree, the 7.5.4 master
list and its quick checks), so that a careless edit of the YAML fails here.
"""

from __future__ import annotations

from iso20k_cli.catalogue.loader import load_catalogue
from iso20k_cli.catalogue.model import Kind, Source
from iso20k_cli.checks import latest_record_age

CAT = load_catalogue()

LEAVES = [
    "4.1", "4.2", "4.3", "4.4", "5.1", "5.2.1", "5.2.2", "5.3", "6.1", "6.2.1", "6.2.2", "6.3",
    "7.1", "7.2", "7.3", "7.4", "7.5.1", "7.5.2", "7.5.3", "7.5.4", "7.6", "8.1", "8.2.1",
    "8.2.2", "8.2.3", "8.2.4", "8.2.5", "8.2.6", "8.3.1", "8.3.2", "8.3.3", "8.3.4.1",
    "8.3.4.2", "8.4.1", "8.4.2", "8.4.3", "8.5.1.1", "8.5.1.2", "8.5.1.3", "8.5.2.1",
    "8.5.2.2", "8.5.2.3", "8.5.3", "8.6.1", "8.6.2", "8.6.3", "8.7.1", "8.7.2", "8.7.3.1",
    "8.7.3.2", "8.7.3.3", "9.1", "9.2", "9.3", "9.4", "10.1", "10.2",
]  # fmt: skip


def test_complete_clause_tree() -> None:
    ids = CAT.clause_order
    assert len(ids) == 77
    depths = [CAT.clause(c).depth for c in ids]
    assert (depths.count(0), depths.count(1), depths.count(2), depths.count(3)) == (7, 29, 30, 11)
    leaves = [c for c in ids if not CAT.clause(c).children]
    assert leaves == LEAVES
    assert ids.index("10.1") < ids.index("10.2")


def test_titles_that_are_often_got_wrong() -> None:
    title = {c.id: c.title for c in CAT.clauses}
    assert title["6"] == "Planning"
    assert title["6.3"] == "Plan the service management system"
    assert title["8.2.2"] == "Plan the services"
    assert title["8.2.3"] == "Control of parties involved in the service lifecycle"
    assert title["8.2.6"] == "Configuration management"
    assert title["8.3.1"] == "General"
    assert title["8.3.2"] == "Business relationship management"
    assert title["8.3.4.2"] == (
        "Management of internal suppliers and customers acting as a supplier"
    )
    assert title["8.6"] == "Resolution and fulfilment"
    assert title["10.1"] == "Nonconformity and corrective action"
    assert title["10.2"] == "Continual improvement"


def test_unverified_titles_say_so() -> None:
    for clause_id in ("6.2.1", "6.2.2", "7.5.2"):
        clause = CAT.clause(clause_id)
        assert clause.source is Source.DISPUTED and clause.note, clause_id


def _mandatory(kind: Kind) -> dict[str, str]:
    return {i.id: i.clause for i in CAT.items if i.mandatory and i.kind is kind}


def test_service_management_plan_is_6_3() -> None:
    plans = [i for i in CAT.items if "service management plan" in i.title.lower()]
    assert [(i.clause, i.mandatory) for i in plans] == [("6.3", True)]


def test_mandatory_documents_of_the_2018_edition() -> None:
    docs = _mandatory(Kind.DOCUMENT)
    expected_clauses = {
        "4.3",  # scope
        "5.2.1",  # service management policy
        "6.1",  # risks and acceptance criteria
        "6.3",  # service management plan
        "8.2.2",  # service requirements
        "8.2.3",  # list of what other parties provide or operate
        "8.2.4",  # service catalogue
        "8.2.6",  # CI types
        "8.3.3",  # SLAs
        "8.3.4.1",  # external supplier contracts
        "8.3.4.2",  # internal agreements
        "8.5.1.1",  # change management policy
        "8.6.1",  # major incident procedure
        "8.7.2",  # continuity plan and continuity risk assessment
        "8.7.3.1",  # information security policy
        "8.7.3.2",  # IS risk assessment and control decisions
    }
    assert expected_clauses <= set(docs.values())


def test_mandatory_records_of_the_2018_edition() -> None:
    records = set(_mandatory(Kind.RECORD).values())
    expected = {
        "6.2.1", "7.2", "8.2.6", "8.3.2", "8.3.4.1", "8.5.1.2", "8.6.1", "8.6.2", "8.6.3",
        "8.7.1", "8.7.2", "8.7.3.3", "9.1", "9.2", "9.3", "10.1", "10.2",
    }  # fmt: skip
    assert expected <= records


def test_2011_procedures_are_good_practice_only() -> None:
    procedures = [i for i in CAT.items if "procedure" in i.title.lower()]
    mandatory = {i.id for i in procedures if i.mandatory}
    # Only the major incident procedure is a documented procedure the 2018 edition requires.
    assert mandatory == {"major-incident-procedure"}
    for item in procedures:
        if not item.mandatory:
            assert "2011" in item.basis or "good practice" in item.basis.lower(), item.id


def test_capacity_plan_is_marked_uncertain_not_mandatory() -> None:
    plan = CAT.item("capacity-plan")
    assert plan.source.uncertain and not plan.mandatory and plan.note


def test_every_clause_without_items_is_one_judged_by_interview() -> None:
    empty_leaves = {c.id for c in CAT.clauses if not c.children and not c.items}
    assert empty_leaves <= {"5.1", "5.2.2", "7.1", "7.3", "7.5.1", "7.5.2", "8.2.1", "8.3.1"}


def test_every_item_can_be_recognised_and_says_why_it_is_expected() -> None:
    for item in CAT.items:
        assert item.match.all_names or item.match.subjects, item.id
        assert item.basis.strip(), item.id
        # Disputes happen or not: an empty log is fine, so no age or span is demanded.
        if item.kind is Kind.RECORD and item.mandatory and item.id != "contractual-disputes":
            assert item.checks, item.id


def test_defaults_and_gates() -> None:
    assert CAT.defaults.review_interval_months == 12
    assert CAT.defaults.min_records_span_days == 90
    assert set(CAT.gates.performed) == {"internal-audit-reports", "management-review-minutes"}
    assert CAT.item("internal-audit-reports").clause == "9.2"
    assert CAT.item("management-review-minutes").clause == "9.3"


def test_annual_expectations_say_they_are_practice() -> None:
    # The standard says "at planned intervals"; a 12-month age limit is practice.
    annual = [
        (item.id, check)
        for item in CAT.items
        for check in item.checks
        if isinstance(check, latest_record_age.Spec) and check.max_days == 365
    ]
    assert {i for i, _ in annual} >= {
        "internal-audit-reports",
        "management-review-minutes",
        "continuity-test-results",
    }
    for item_id, check in annual:
        assert check.basis and "practice" in check.basis, item_id


def test_the_c_parser_reads_the_catalogue_as_the_round_trip_parser_does() -> None:
    # Catalogues are read with the C parser, and the round-trip tree only for a line.
    from iso20k_cli.errors import CatalogueError
    from iso20k_cli.resources import default_catalogue_path
    from iso20k_cli.yamlio import parse_yaml

    path = default_catalogue_path()
    text = path.read_text(encoding="utf-8")
    fast = parse_yaml(text, path, CatalogueError, fast=True)
    full = parse_yaml(text, path, CatalogueError)
    assert repr(fast.data) == repr(full.data)
    assert fast.parsed_tree is None  # not parsed until a line is wanted
    assert fast.tree is not None


def test_every_term_is_rewritten_into_words_the_catalogue_reads_as_they_are() -> None:
    # A term's replacement is not rewritten again: "cab minutes" as a replacement stays
    # "cab minutes" and never meets the name "CAB minutes", which reads as "change
    # advisory board minutes". Every replacement must already be in the catalogue's words.
    from iso20k_cli.recognise.vocabulary import MARKERS, Lexicon
    from iso20k_cli.resources import requirements_dir, shipped_catalogues
    from iso20k_cli.text.normalise import words

    for name in shipped_catalogues():
        catalogue = load_catalogue(requirements_dir() / f"{name}.yaml")
        lexicon = Lexicon(catalogue.vocabulary)
        for source, target in catalogue.vocabulary.terms.items():
            read = [t for t in lexicon.canon_text(target) if t not in MARKERS]
            # Each word of the replacement as the lexicon reads it alone: a stop word
            # goes, a joining word becomes a marker, any other word stays itself.
            written = [t for w in words(target) for t in lexicon.canon((w,)) if t not in MARKERS]
            assert read == written, (name, source, target, read)
