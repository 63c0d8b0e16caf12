"""Recognition: precedence, genres, word order, narrower subjects, sections, exports."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import MINI
from iso20k_cli.catalogue.loader import load_catalogue
from iso20k_cli.evidence.model import DocStatus, DocumentControl, EvidenceFile, Section, Table
from iso20k_cli.recognise.model import MatchedBy
from iso20k_cli.recognise.recogniser import Recogniser
from iso20k_cli.recognise.unwritten import fill_ins, is_outline, unfilled_template
from iso20k_cli.resources import default_catalogue_path

MINI_RECOGNISER = Recogniser(load_catalogue(MINI))
SHIPPED = Recogniser(load_catalogue(default_catalogue_path()))
PROSE = "This document says how the organisation works, step by step, with owners. " * 8


def ef(path: str, title: str | None = None, text: str = "", **kw: object) -> EvidenceFile:
    fmt = kw.pop("format", "markdown")
    return EvidenceFile(
        path=path,
        format=str(fmt),
        size=1,
        readable=True,
        title=title,
        text=text,
        **kw,
    )


def links(file: EvidenceFile, recogniser: Recogniser = MINI_RECOGNISER) -> dict[str, MatchedBy]:
    return {link.item: link.matched_by for link in recogniser.recognise(file).links if link.counted}


def counted(title: str, path: str = "doc.md", text: str = PROSE, **kw: object) -> set[str]:
    """Items a file with this title counts for; dated, as records are, unless told."""
    kw.setdefault("record_dates", (dt.date(2026, 3, 1),))
    return set(links(ef(path, title, text, **kw), SHIPPED))


# ------------------------------------------------------------------ precedence (mini catalogue)


def test_title_match() -> None:
    assert links(ef("x.md", "Our SMS Scope", PROSE)) == {"scope": MatchedBy.TITLE}


def test_filename_match_with_separators_and_camel_case() -> None:
    assert links(ef("docs/ScopeStatement_v2.md", text=PROSE)) == {"scope": MatchedBy.FILENAME}
    assert links(ef("INC-LOG-2026-09.md", text=PROSE)) == {"incident-records": MatchedBy.FILENAME}


def test_filename_only_hint_does_not_match_titles() -> None:
    # "inc log" is a file-name short form; in a title it is not trusted.
    assert links(ef("notes.md", "Inc log", PROSE)) == {}


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
    recognition = MINI_RECOGNISER.recognise(ef("x.md", declared=("99.9",)))
    assert recognition.links == ()
    assert recognition.warnings and "'99.9'" in recognition.warnings[0]


def test_longer_phrase_of_another_item_wins() -> None:
    # "security incident log" contains "incident log"; only the longer one counts.
    file = ef("Security-Incident-Log-2026.md", text=PROSE, record_dates=(dt.date(2026, 3, 1),))
    assert links(file) == {"security-incidents": MatchedBy.FILENAME}
    misses = MINI_RECOGNISER.recognise(file).misses
    assert [(m.item, "security incident log" in m.reason) for m in misses] == [
        ("incident-records", True)
    ]


def test_exclude_vetoes_match() -> None:
    assert "incident-records" not in links(ef("x.md", "Security incident records", PROSE))


def test_content_is_only_ever_a_suggestion() -> None:
    two = ef("notes.md", text="What is in scope and what is out of scope.")
    assert MINI_RECOGNISER.recognise(two).links == ()
    four = ef(
        "notes.md",
        text="In scope: hosting. Out of scope: none. Locations: Portmere. Services covered: all.",
    )
    (link,) = MINI_RECOGNISER.recognise(four).links
    assert (link.item, link.matched_by, link.counted) == ("scope", MatchedBy.CONTENT, False)


def test_title_match_suppresses_content_match() -> None:
    text = "In scope, out of scope, locations, services covered. " * 5
    report = ef("a.md", "Internal audit report", text=text, record_dates=(dt.date(2026, 9, 1),))
    assert links(report) == {"audit-reports": MatchedBy.TITLE}


# ------------------------------------------------------------------ the shipped vocabulary


def test_titles_real_organisations_use() -> None:
    assert counted("Disaster Recovery and Resilience Standard") == {"continuity-plan"}
    assert counted("Business Continuity & Disaster Recovery Policy") == {"continuity-plan"}
    assert counted("Release & Change Governance") == {
        "change-management-policy",
        "release-policy-plans",
    }
    assert counted("Configuration and Change Management Policy") == {
        "configuration-management-procedure",
        "change-management-policy",
    }
    assert counted("Vendor Risk Policy") == {"supplier-management-procedure"}
    assert counted("Risk Management Policy") == {"risk-management-approach"}
    assert counted("Management of Change") == {"change-management-policy"}
    assert counted("IT Service Continuity (ITSCM) Plan") == {"continuity-plan"}
    assert counted("SACM Process") == {"configuration-management-procedure"}


def test_file_names_are_read_like_titles() -> None:
    assert counted("", path="Change Management Process.docx", format="docx") == {
        "change-management-policy"
    }
    assert counted("", path="BCDR-policy.md") == {"continuity-plan"}


def test_the_narrower_subject_wins() -> None:
    assert counted("Security Incident Response Plan") == {"is-incident-procedure"}
    assert counted("Major Incident Management Procedure") == {"major-incident-procedure"}
    assert counted("Incident Management Procedure") == {"incident-management-procedure"}


def test_genre_decides_between_a_procedure_and_its_records() -> None:
    assert counted("Incident Log") == {"incident-records"}
    assert counted("Incident Log Procedure") == {"incident-management-procedure"}
    assert counted("Change Request Register") == {"change-records"}
    # What was audited is not what the report is.
    assert counted("Internal Audit Report: Change, Incident, Request and Problem") == {
        "internal-audit-reports"
    }


def test_a_process_for_service_levels_is_no_agreement() -> None:
    # An SLA is agreed with a customer; how service levels are managed is not one.
    assert "slas" not in counted("Service Level Management Process")
    assert "slas" not in counted("Service Level Management Procedure")
    assert counted("Service Level Agreement: Payroll Service") == {"slas"}
    assert counted("SLA - Customer Portal") == {"slas"}


def test_a_projects_scope_is_not_the_scope_of_the_sms() -> None:
    assert counted("Scope Statement") == {"sms-scope"}
    assert counted("Project Scope Statement") == set()
    # A statement of work is a contract's part, not a plan for the migration it covers.
    assert counted("Scope of Work: Acme Migration") == set()
    assert counted("Statement of Work: Managed Hosting") == set()


def test_a_record_says_when() -> None:
    # A page named for a kind of record, with no date at all, is about those records.
    assert counted("Post-mortems", record_dates=()) == set()
    dated = ef("pm/2026-03-02-outage.md", "Post-mortem: mail outage", PROSE)
    assert links(dated, SHIPPED) == {"major-incident-reports": MatchedBy.TITLE}


def test_a_year_in_the_name_says_which_records() -> None:
    # Objectives are set for a year: the year in the name is the occasion, where an
    # undated page named for them is about objectives in general.
    listed = "Objective: resolve 95% of incidents within target; owner: service manager. " * 6
    for title in (
        "Service Management Objectives 2026",
        "Service Management Objectives FY2026",
        "Service Management Objectives FY26",
        "Service Management Objectives Q2 FY27",
    ):
        assert counted(title, text=listed, record_dates=()) == {"sm-objectives"}
    assert counted("Service Management Objectives", text=listed, record_dates=()) == set()
    # Two digits alone are no year: "Objectives 26" is not dated by them.
    assert counted("Service Management Objectives 26", text=listed, record_dates=()) == set()


def test_a_file_named_by_its_record_number_is_that_record() -> None:
    form = "Requested by: J. Smith. Risk: low. Back-out: restore the snapshot. " * 4
    assert counted("", path="RFC-0012 Upgrade mail server.md", text=form) == {"change-records"}
    assert counted("", path="CHG0012345.md", text=form) == {"change-records"}
    assert counted("", path="NCR-004.md", text=form) == {"corrective-action-records"}
    # One digit is a section number ("RFC-7"); a prefix the catalogue does not number
    # records with is no record ("KB0012 How to reset a password").
    assert counted("", path="RFC-7.md", text=form) == set()
    assert "known-error-records" not in counted("", path="KB0012 Reset a password.md")
    # A blank form stays a template, numbered or not.
    assert counted("", path="RFC-0000 Template.md", text=form) == set()


def test_a_date_that_reads_either_way_still_dates_a_record() -> None:
    # "Date: 12/03/2026" may be 12 March or 3 December: the record says when, and its
    # date check says which day could not be told.
    assert counted("Incident Log", record_dates=(), unread_dates=1) == {"incident-records"}
    assert counted("Incident Log", record_dates=()) == set()


def test_a_test_of_the_plan_is_not_the_plan() -> None:
    assert counted("Continuity Plan") == {"continuity-plan"}
    assert counted("BCP Exercise 2026-03") == {"continuity-test-results"}
    assert counted("DR Plan Test Report") == {"continuity-test-results"}
    # A schedule of exercises is neither the plan nor a test's results.
    assert counted("Continuity Plan Exercise Schedule") == set()


def test_an_audit_of_a_process_is_an_audit_not_the_process() -> None:
    results = "Three nonconformities were raised; the change log lacked approvals. " * 4
    assert counted("Internal Audit 2026 - Change Management", text=results) == {
        "internal-audit-reports"
    }
    assert counted("Change Management Audit 2026", text=results) == set()
    assert counted("Internal Audit Schedule 2026", text=results) == {"internal-audit-programme"}


def test_a_dated_meeting_is_its_minutes() -> None:
    notes = "Attendees: J. Smith, A. Jones. Decisions and actions are listed with owners. " * 3
    assert counted("CAB Meeting 2026-03-10", text=notes) == {"change-records"}
    assert counted("Management Review Meeting 2026-03-10", text=notes) == {
        "management-review-minutes"
    }
    assert counted("Team Meeting 2026-03-10", text=notes) == set()


def test_a_title_that_lists_two_documents_names_each() -> None:
    rules = "This document sets out the rules and records that apply, and who keeps them. " * 4
    assert counted("Risk Register and Treatment Plan", text=rules) == {
        "risks-opportunities-register"
    }
    assert counted("Risk Register and Treatment Plan Template", text=rules) == set()
    # One subject in three genres is an index of documents, none of them.
    assert counted("Security Policies, Standards, and Procedures", text=rules) == set()


def test_the_top_priority_is_a_major_incident() -> None:
    assert counted("P1 Incident Procedure") == {"major-incident-procedure"}
    assert counted("SEV-1 Incident Response") == {"major-incident-procedure"}
    assert counted("Priority 1 Incident Report: mail outage") == {"major-incident-reports"}


def test_a_dated_file_in_a_folder_of_records_is_one_of_them() -> None:
    file = ef("post-mortems/2025-09-29-flags-is-down.md", "Feature flags service outage", PROSE)
    assert links(file, SHIPPED) == {"major-incident-reports": MatchedBy.FOLDER}
    # A folder named for a process area holds more than records of it.
    area = ef("06-change-and-release/notes-2026-10-01.md", "Weekly notes", PROSE)
    assert links(area, SHIPPED) == {}


def test_templates_pictures_and_stubs_are_evidence_of_nothing() -> None:
    assert counted("Incident Log Template") == set()
    assert counted("", path="incident-register-form.md") == set()
    assert counted("", path="incident-log.png", text="", format="other") == set()
    assert counted("Change Management Policy", text="See the wiki.") == set()
    recognition = SHIPPED.recognise(ef("doc.md", "Incident Log Template", PROSE))
    assert any("template" in m.reason for m in recognition.misses)


def test_a_subject_alone_over_prose_needs_to_be_what_the_page_is_about() -> None:
    assert counted("After an Incident") == {"incident-management-procedure"}
    assert counted("Incident Commander Training") == set()
    assert counted("Release Team Onboarding") == set()


def test_section_links_say_which_section() -> None:
    body = "Intro.\n" + "## 4.3 Major incident handling\n" + PROSE
    start = body.index("## 4.3")
    file = ef(
        "ops.md",
        "Service Operations Manual",
        body,
        sections=(
            Section(heading="4.3 Major incident handling", level=2, start=start, end=len(body)),
        ),
    )
    (link,) = [x for x in SHIPPED.recognise(file).links if x.item == "major-incident-procedure"]
    assert (link.matched_by, link.section, link.counted) == (
        MatchedBy.SECTION,
        "§4.3 Major incident handling",
        True,
    )


def test_a_short_section_or_a_sentence_heading_proves_nothing() -> None:
    body = "## Change management\nSee the change policy.\n## Are incidents bad?\n" + PROSE
    file = ef(
        "faq.md",
        "Operations Manual",
        body,
        sections=(
            Section(heading="Change management", level=2, start=0, end=42),
            Section(heading="Are incidents bad?", level=2, start=42, end=len(body)),
        ),
    )
    recognition = SHIPPED.recognise(file)
    assert not [x for x in recognition.links if x.counted]
    assert any("only" in m.reason and "words" in m.reason for m in recognition.misses)


def test_exports_are_recognised_by_their_columns() -> None:
    header = ("Number", "Opened", "Short description", "Priority", "State")
    rows = tuple((f"INC00{n:05d}", "2026-10-01", "Mail down", "3", "Closed") for n in range(40))
    file = ef(
        "export-2026-10.csv",
        text="x",
        format="csv",
        tables=(Table(header=header, rows=rows, row_count=len(rows)),),
    )
    (link,) = [x for x in SHIPPED.recognise(file).links if x.counted]
    assert (link.item, link.matched_by) == ("incident-records", MatchedBy.COLUMNS)
    assert "INC" in link.detail and "40 rows" in link.detail
    jira = (("Issue key", "Issue Type", "Summary", "Created", "Status"),)
    jira_rows = tuple((f"ITSM-{n}", "Change", "Patch", "2026-10-01", "Done") for n in range(9))
    file = ef(
        "jira.csv",
        text="x",
        format="csv",
        tables=(Table(header=jira[0], rows=jira_rows, row_count=9),),
    )
    assert links(file, SHIPPED) == {"change-records": MatchedBy.COLUMNS}


def test_a_one_letter_number_is_read_only_in_a_ticket_export() -> None:
    def table(header: tuple[str, ...], rows: tuple[tuple[str, ...], ...]) -> EvidenceFile:
        found = Table(header=header, rows=rows, row_count=len(rows))
        return ef("export.csv", text="x", format="csv", tables=(found,))

    # TOPdesk numbers its calls "I 2403 017": read in an export opened and numbered.
    calls = tuple((f"I 2403 {n:03d}", "2026-03-02", "Printer offline", "Closed") for n in range(9))
    topdesk = table(("Number", "Call date", "Brief description", "Status"), calls)
    assert links(topdesk, SHIPPED) == {"incident-records": MatchedBy.COLUMNS}
    # "C1" in a complaints register numbers complaints, not changes.
    rows = tuple((f"C{n}", "2026-03-01", "Acme", "Slow portal", "Closed") for n in range(6))
    complaints = table(("Complaint ID", "Date received", "Customer", "Description", "Status"), rows)
    assert "change-records" not in links(complaints, SHIPPED)


def test_titles_that_are_statements_or_repository_conventions() -> None:
    # A sentence says what the page discusses; SECURITY.md is how to report a vulnerability.
    assert counted('Define what an "Incident" and "Major Incident" are for you.') == set()
    assert counted("Security Policy", path="SECURITY.md") == set()
    assert counted("Information Security Policy", path="policies/security.md") == {"is-policy"}
    # A page title may be a question.
    assert counted("What is On-Call?") == {"incident-management-procedure"}


def test_a_listed_genre_word_is_not_the_titles_genre() -> None:
    assert counted("Roles, Responsibilities and Training") == {"roles-responsibilities"}


def test_the_purpose_statement_says_what_a_page_is() -> None:
    opening = "This log records every outage of the hosting service, with its duration. "
    assert counted("Outages", text=opening + PROSE) == {"incident-records"}
    procedure = "This procedure says how outages are handled, step by step. "
    assert counted("Outages", text=procedure + PROSE) == {"incident-management-procedure"}


def test_a_page_named_for_a_role_describes_it() -> None:
    assert counted("Release Team Lead") == {"roles-responsibilities"}
    assert counted("Incident Commander") == {"roles-responsibilities"}
    # The role is the head; what it works on is its field, not the page's subject.
    assert counted("Service Desk Analyst") == {"roles-responsibilities"}
    assert counted("Job Description: Service Desk Analyst") == {"roles-responsibilities"}
    assert counted("Service Desk") == {"fulfilment-instructions"}
    assert counted("Continual Improvement of Service Levels") == {"improvement-criteria"}
    listed = "Targets were reviewed with the customer and two were raised this year. " * 4
    assert counted("Continual Improvement of Service Levels", text=listed) == {
        "improvement-criteria"
    }
    assert counted("Password Manager Setup") == set()
    assert counted("Audit logs") == set()


def test_release_notes_are_known_by_their_release() -> None:
    notes = "Changes in this release: faster start-up, two fixes. " * 6
    assert counted(
        "Release Notes", path="releases/v1.29/notes.md", text=notes, record_dates=()
    ) == {"release-records"}
    assert counted("Release Notes", path="guides/notes.md", text=notes, record_dates=()) == set()


def test_a_readme_inside_a_folder_is_that_folders_page() -> None:
    page = "handbooks/release-lead/README.md"
    assert counted("Release Team Lead", path=page) == {"roles-responsibilities"}
    assert counted("Release Team Lead", path="README.md") == set()


def test_a_title_without_a_subject_takes_the_folders() -> None:
    page = "incident_management/support_manual.md"
    assert counted("Support Manual", path=page) == {"incident-management-procedure"}
    assert counted("Policy", path="change-management/policy.md") == {"change-management-policy"}
    assert counted("Support Manual", path="team/support_manual.md") == set()


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("SMS-PRO-005 Incident Management Procedure v2.1.docx", {"incident-management-procedure"}),
        ("POL-001 Information Security Policy.pdf", {"is-policy"}),
        ("FRM-012 Change Request Form.xlsx", set()),
        ("ITSCM Plan 2026.docx", {"continuity-plan"}),
        ("BIA_2026_final.xlsx", {"continuity-risk-assessment"}),
        ("Supplier Register.xlsx", {"other-parties-list"}),
        ("Vendor Management Policy.docx", {"supplier-management-procedure"}),
        ("KEDB export 2026-11.csv", {"known-error-records"}),
        ("SLA - Managed Hosting (signed).pdf", {"slas"}),
        ("OLA Network Team.docx", {"internal-agreements"}),
        ("Internal Audit Report - Change Mgmt - 2026-09.docx", {"internal-audit-reports"}),
        ("CSI Register.xlsx", {"improvement-register"}),
        ("CMDB Export 2026-11-01.csv", {"configuration-records"}),
        ("DR Test Report 2026-06.pdf", {"continuity-test-results"}),
        ("Statement of Applicability v4.xlsx", {"is-control-decisions"}),
        ("Risk Treatment Plan.xlsx", {"risks-opportunities-register"}),
        ("Org Chart.pdf", {"roles-responsibilities"}),
        ("Access Control Policy.docx", {"is-control-decisions"}),
        ("Post Incident Review 2026-09-17.docx", {"major-incident-reports"}),
    ],
)
def test_file_names_real_service_providers_use(name: str, expected: set[str]) -> None:
    suffix = name.rsplit(".", 1)[-1]
    assert counted("", path=name, format={"md": "markdown"}.get(suffix, suffix)) == expected


def test_fill_ins_are_bracketed_instructions_not_links_or_names() -> None:
    text = (
        "Relocate to [name of the alternate site] within [amount] hours; tell <insert team>.\n"
        "See [the runbook](https://example.org) and [RFC 2119][rfc]; [x] done; [Acme Ltd] "
        "and [1] are not blanks.\n[list the services\nacross a line] is not one either."
    )
    assert fill_ins(text) == ["name of the alternate site", "amount", "insert team"]


def test_a_template_needs_enough_blanks_for_its_length() -> None:
    blanks = " ".join(f"Step {n}: [describe step {n}]." for n in range(6))
    assert unfilled_template(blanks) is not None
    # The same six blanks in a long handbook are a few spots left open, not a template.
    assert unfilled_template(blanks + " word" * 3000) is None


def test_an_outline_has_no_sentence() -> None:
    outline = "Incident Response Plan\nPreparation\nContainment\nLessons learned"
    assert is_outline(outline)
    assert not is_outline(outline + "\nThe duty manager opens a ticket for every call.")
    # Prose wrapped by hand is still a sentence; a numbered heading "1." is not one.
    assert not is_outline("The duty manager opens a ticket for\nevery call that comes in.")
    assert is_outline("1. Emergency Response\n2. Personnel and Communications")


def test_a_checklist_serves_an_activity_and_is_none_of_the_documents_it_checks() -> None:
    assert counted("Major Incident Checklist") == {"major-incident-procedure"}
    assert counted("Incident Response Procedure Checklist") == {"incident-management-procedure"}
    for title in (
        "Information Security Policy Checklist",
        "Business Continuity Plan Checklist",
        "Supplier Contract Renewal Checklist",
        "SLA Review Checklist",
        "Risk Register Checklist",
    ):
        assert counted(title) == set(), title


def test_another_management_systems_records_are_not_ours() -> None:
    # Health and safety, environment, finance and HR keep incidents, audits, risks and
    # surveys too; their names say whose they are.
    for title in (
        "Health and Safety Incident Report - Slip in Kitchen",
        "RIDDOR Incident Log",
        "Accident and Incident Book 2026",
        "Energy Audit Report 2026",
        "Fire Safety Audit Report 2026",
        "COSHH Risk Register",
        "Health & Safety Risk Register",
        "Employee Satisfaction Survey Results 2026",
        "Marketing Budget 2026",
    ):
        assert counted(title, path=f"{title}.xlsx", format="xlsx") == set(), title
    assert counted("Incident Register", path="x.xlsx", format="xlsx") == {"incident-records"}
    assert counted("Audit Report 2026") == {"internal-audit-reports"}
    assert counted("Risk Register", path="x.xlsx", format="xlsx") == {
        "risks-opportunities-register"
    }
    assert counted("Customer Satisfaction Survey 2026") == {"customer-satisfaction-results"}
    assert counted("IT Budget 2026", path="x.xlsx", format="xlsx") == {"service-budget"}


def test_a_recruitment_paper_is_not_a_role_description() -> None:
    assert counted("Change Manager") == {"roles-responsibilities"}
    for title in ("Job Advert - Change Manager", "Offer Letter - Problem Manager"):
        assert counted(title) == set(), title


def test_review_and_exercise_names_organisations_use() -> None:
    for title in (
        "Serious Incident Review - Data Centre Power",
        "After Action Review - Email outage",
        "P1 Review - Teams outage",
        "Major Outage Review - Core Switch",
    ):
        assert counted(title) == {"major-incident-reports"}, title
    assert counted("DR Drill Report 2026") == {"continuity-test-results"}
    assert counted("Failover Drill - Payroll") == {"continuity-test-results"}
    assert counted("ITSCM Rehearsal Report - November 2026") == {"continuity-test-results"}
    assert counted("Customer Feedback Analysis H1 2026") == {"customer-satisfaction-results"}
    assert counted("Change Success Rate Report Q3 2026", path="x.xlsx", format="xlsx") == {
        "change-trend-analysis"
    }
    assert counted("ECAB Minutes") == {"change-records"}
    assert counted("Info Sec Incident Register", path="x.xlsx", format="xlsx") == {
        "is-incident-records"
    }
    assert counted("ISO 27001 Risk Assessment 2026") == {"is-risk-assessment"}
    assert counted("Change Calendar Q4", path="x.xlsx", format="xlsx") == set()


def test_the_last_noun_is_the_head() -> None:
    # "SLA" carries "agreement", but a breach report is a report on an agreement.
    assert counted("SLA Breach Report Sept 2026", path="x.xlsx", format="xlsx") == {
        "sla-performance-reports"
    }
    # A workbook named a report is one, whatever its rows: not the change records.
    assert counted("Change Freeze Exceptions Report", path="x.xlsx", format="xlsx") == set()
    assert counted("Release-Blocking Criteria and Dashboard") == {"release-policy-plans"}


def test_a_title_that_opens_with_its_genre_is_on_what_follows() -> None:
    assert counted("Procedure for Control of Changes") == {"change-management-policy"}
    assert counted("Procedure for the Handling of Service Requests") == {"fulfilment-instructions"}
    assert counted("Procedure - Change Control") == {"change-management-policy"}
    assert counted("Policy: Information Security") == {"is-policy"}
    # A report opening its title is still about what was reported on, not a policy: an
    # audit report on change and incident management, no change or incident record.
    assert counted("Audit Report: Change and Incident") == {"internal-audit-reports"}
    assert counted("Report - Change Management") == set()


def test_a_record_number_anywhere_in_the_name_numbers_one_record() -> None:
    # Undated, as a single ticket printed to PDF often is: its number says it is one.
    assert counted(
        "Problem Record PRB0040123", path="Problem Record PRB0040123.pdf", record_dates=()
    ) == {"problem-records"}
    assert counted(
        "RCA", path="RCA-PRB0040123 Citrix profile corruption.docx", record_dates=()
    ) == {"problem-records"}
    # Further on, a number must be written as one word with its prefix: "RFC 7231" with
    # a space is a reference to a standard.
    assert counted("Notes on RFC 7231", path="Notes on RFC 7231.md", record_dates=()) == set()


def test_more_names_organisations_use_for_registers_and_contracts() -> None:
    assert counted("Licence Register", path="x.xlsx", format="xlsx") == {"asset-register"}
    assert counted("UAT Sign-off - Payroll Upgrade") == {"build-test-transition-results"}
    assert counted("AMC Contract - HP Servers") == {"supplier-contracts"}
    assert counted("Service Improvement Plan (SIP) 2026", path="x.xlsx", format="xlsx") == {
        "improvement-register"
    }
    # A master services agreement is as often with a customer as with a supplier.
    assert counted("Master Services Agreement") == set()


def test_other_management_systems_scopes_reviews_and_risks() -> None:
    for title in (
        "ISMS Scope Statement",
        "QMS Scope Statement",
        "ISO 14001 Scope Statement",
        "Quality Management Review Minutes 2026",
        "ISO 27001 Management Review 2026",
        "HSE Management Review Minutes Q1 2026",
    ):
        assert counted(title) == set(), title
    assert counted("SMS Scope Statement") == {"sms-scope"}
    assert counted("Management Review Minutes 2026") == {"management-review-minutes"}
    # An information security register is the information security risk assessment.
    for title in ("ISMS Risk Register 2026", "Cyber Risk Register 2026"):
        assert counted(title, path="x.xlsx", format="xlsx") == {"is-risk-assessment"}, title
    assert counted("GDPR Risk Register", path="x.xlsx", format="xlsx") == set()
    # An integrated management system's policy is both policies.
    assert counted("IMS Policy") == {"sm-policy", "is-policy"}


def test_sales_and_product_material_is_not_the_providers_own() -> None:
    for title in (
        "Bid Response - Section 5: Service Levels",
        "Appendix C - Proposed Service Levels",
        "Northbridge Desk 9 - Change Management Module - User Guide",
        "Case Study - Service Desk Transformation",
    ):
        assert counted(title) == set(), title
    for title in ("SLA Calculator", "Price Change Log 2026", "Password Reset Requests Oct 2026"):
        assert counted(title, path="x.xlsx", format="xlsx") == set(), title
    assert counted("Change Log 2026", path="x.xlsx", format="xlsx") == {"change-records"}


def test_genre_first_and_dated_meeting_titles() -> None:
    assert counted("Process Description Problem Management") == {"problem-management-procedure"}
    assert counted("Directive Information Security") == {"is-policy"}
    assert counted("Qualification Matrix", path="x.xlsx", format="xlsx") == {"competence-records"}
    minutes = "Attendees: Ana, Ben. Decisions: CHG0012 approved, CHG0013 deferred. " * 3
    for title in ("2026-10-14 CAB", "CAB 2026-11-11", "2026-11-12 Change Advisory Board"):
        assert counted(title, path=f"{title}.md", text=minutes) == {"change-records"}, title
    assert counted("Capacity Planning 2027", path="x.xlsx", format="xlsx") == {"capacity-plan"}
    # A forecast looks ahead: it is no monitoring result.
    forecast = counted("Demand and Capacity Forecast", path="x.xlsx", format="xlsx")
    assert "demand-forecasts" in forecast and "capacity-monitoring" not in forecast


def test_an_aside_says_what_a_title_naming_nothing_is() -> None:
    assert counted("Improvement ideas (CSI register)") == {"improvement-register"}
    # A title that says what it is keeps its word: onboarding to a policy is reference.
    assert counted("Onboarding (Change Management Policy)") == set()
    # An aside about the document itself still names nothing.
    assert counted("IT Security Policy (Overview)") == {"is-policy"}


def test_continental_english_names_of_records() -> None:
    assert counted("Reclamations 2026", path="x.xlsx", format="xlsx") == {"service-complaints"}
    assert counted("Emergency Manual") == {"continuity-plan"}
    assert counted("Emergency Exercise Report 2026") == {"continuity-test-results"}
    assert counted("Deviation Report 2026-03") == {"corrective-action-records"}
    assert counted("Corrective Measures List 2026", path="x.xlsx", format="xlsx") == {
        "corrective-action-records"
    }
    # A building's emergency plan is health and safety, not service continuity.
    assert counted("Occupant Emergency Plan") == set()
